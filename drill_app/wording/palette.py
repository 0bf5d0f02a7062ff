"""The colours that carry meaning, defined once for the screen and the paper.

Plain "#rrggbb" strings (no Qt here): widgets use them in style sheets, documents in
HTML or as ``QColor(...)``.
"""

from __future__ import annotations

from collections.abc import Mapping

OK_COLOUR = "#1b6e20"
"""Recorded, on time, done."""
ERROR_COLOUR = "#b00020"
"""Refused, missed, wrong: the one error red."""
LATE_COLOUR = "#c25e00"
"""Done after the deadline."""
HINT_COLOUR = "#555555"
"""Waiting, not yet due, secondary text."""
CAUTION_COLOUR = "#8a4b00"
"""Allowed but worth a look: a seat left without a name, a change that applies later."""

LINE_STATUS_COLOURS: Mapping[str, str] = {
    "met": OK_COLOUR,
    "late": LATE_COLOUR,
    "missed": ERROR_COLOUR,
    "wrong": ERROR_COLOUR,
    "pending": HINT_COLOUR,
}
"""A scored line's status (``drill_app.core.scoring.Line.status``)."""

WARNING_COLOURS: Mapping[str, tuple[str, str]] = {
    "red": ("#d32f2f", "white"),
    "orange": ("#f57c00", "white"),
    "yellow": ("#fbc02d", "black"),
    "blue": ("#1976d2", "white"),
}
"""Background and text colour of each warning colour of the plan (§3.3), when shown."""

UNIT_COLOURS: tuple[str, ...] = (
    "#1f5fa8",
    "#b3261e",
    "#2e7d32",
    "#8e44ad",
    "#c25e00",
    "#00796b",
    "#6d4c41",
    "#ad1457",
    "#455a64",
    "#7c6f00",
    "#3949ab",
    "#00838f",
)
"""Each member unit's colour, by its place in the plan's list of units (wrapping): dark
enough for text on white; ``PlanWords.unit_colour`` picks it."""
