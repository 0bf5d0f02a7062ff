"""Scenario time as people read it."""

from __future__ import annotations


def clock_text(seconds: float) -> str:
    """Scenario time as HH:MM:SS."""
    whole = max(0, int(seconds))
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"
