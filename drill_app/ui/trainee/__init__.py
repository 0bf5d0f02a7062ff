"""The trainee window: one unit's seat at its own workstation, joined to the host."""
