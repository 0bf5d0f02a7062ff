"""Scenario time as people read it, on screen, on paper and in the terminal."""

from __future__ import annotations

import math


def format_clock(seconds: float) -> str:
    """Scenario seconds as HH:MM:SS (whole seconds, rounded down): 5025.9 -> "01:23:45"."""
    total = max(0, math.floor(seconds + 1e-6))
    hours, rest = divmod(total, 3600)
    return f"{hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


clock_text = format_clock
"""The name the forms and the score view use for ``format_clock``."""


def format_hhmm(seconds: float) -> str:
    """Scenario seconds as HH:MM (rounded down): 2460 -> "00:41"."""
    total = max(0, math.floor(seconds + 1e-6)) // 60
    return f"{total // 60:02d}:{total % 60:02d}"


def format_span(seconds: float) -> str:
    """A countdown length: MM:SS below an hour, else H:MM:SS (always rounded up to a second,
    so that "00:00" is shown only when the moment has come)."""
    total = max(0, math.ceil(seconds - 1e-6))
    hours, rest = divmod(total, 3600)
    if hours:
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{rest // 60:02d}:{rest % 60:02d}"


def format_speed(speed: float) -> str:
    return f"{speed:g}×"
