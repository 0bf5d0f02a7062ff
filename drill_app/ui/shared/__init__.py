"""Widgets, dialogs, settings and translation helpers shared by every screen."""
