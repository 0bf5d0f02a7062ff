"""The colours that carry meaning, defined once for the screen and the paper.

Plain "#rrggbb" strings (no Qt here): widgets use them in style sheets, documents in
HTML or as ``QColor(...)``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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
    "#1565c0",
    "#6a1b9a",
    "#00695c",
    "#ad1457",
    "#4e342e",
    "#283593",
    "#00838f",
    "#558b2f",
    "#37474f",
    "#9e6a00",
    "#7b1fa2",
    "#0d47a1",
)
"""A seated unit's own colour (its name on the status board, the act panel's header):
dark enough to read as text on white, none of them a status colour."""


def unit_colour(unit: str, seats: Sequence[str]) -> str:
    """The colour of *unit*, by its place among the scenario's *seats* (distinct for up to
    twelve seats, the same on every screen of one drill)."""
    index = list(seats).index(unit) if unit in seats else len(seats)
    return UNIT_COLOURS[index % len(UNIT_COLOURS)]
