"""The start screen: choosing, creating and opening an exercise."""
