"""The running-exercise screen: clock, MSEL, status board, event feed, ad-hoc injects."""
