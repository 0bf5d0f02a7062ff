"""The status board's words: its columns' short headers and full names, and each cell
state's name and glyph (the glyph tells the state where colour cannot: a projector, a
print, a colour-blind eye).  Column keys are ``drill_app.core.board_columns``'."""

from __future__ import annotations

from drill_app.wording.language import translate

STATE_GLYPHS = {
    "overdue": "▲",
    "soon": "◔",
    "wrong": "✗",
    "pending": "○",
    "late": "✓",
    "met": "✓",
}
"""A cell state (most urgent first) -> the glyph shown before its minutes."""


def column_names() -> dict[str, tuple[str, str]]:
    """Column key -> (short header, full name for the header's tooltip)."""
    return {
        "phone": (
            translate("BoardColumn", "Phone"),
            translate("BoardColumn", "Phone report (§4.1.1, §4.1.2)"),
        ),
        "written": (
            translate("BoardColumn", "Written"),
            translate("BoardColumn", "Written report (§4.1.2)"),
        ),
        "content": (
            translate("BoardColumn", "Content"),
            translate("BoardColumn", "Report content and accuracy (§4.1.3, §8)"),
        ),
        "followup": (
            translate("BoardColumn", "Follow-up"),
            translate("BoardColumn", "Follow-up and final reports (§4.1.2)"),
        ),
        "sensitive": (
            translate("BoardColumn", "Sensitive"),
            translate("BoardColumn", "Sensitive-event report (§4.1.2)"),
        ),
        "result": (
            translate("BoardColumn", "Result"),
            translate("BoardColumn", "Result report (§5.2.1)"),
        ),
        "level": (
            translate("BoardColumn", "Level"),
            translate("BoardColumn", "Incident level (§1.6.2, §4.2)"),
        ),
        "handover": (
            translate("BoardColumn", "Hand-over"),
            translate("BoardColumn", "Command hand-over to the city HQ (§5.3.1.7)"),
        ),
        "request": (
            translate("BoardColumn", "Request"),
            translate("BoardColumn", "Requests to the city (§5.2.1, §5.4)"),
        ),
        "group": (
            translate("BoardColumn", "Groups"),
            translate("BoardColumn", "Working groups (§2.3.2)"),
        ),
        "warning": (
            translate("BoardColumn", "Warning"),
            translate("BoardColumn", "Warnings (§3.3–§3.6)"),
        ),
        "step": (
            translate("BoardColumn", "Response"),
            translate("BoardColumn", "First response and measures (§5.1, §5.2, §3.5)"),
        ),
        "supply": (
            translate("BoardColumn", "Supply"),
            translate("BoardColumn", "Supply cut in priority order (§5.1.2)"),
        ),
        "authority": (
            translate("BoardColumn", "End/info"),
            translate("BoardColumn", "End of response and information release (§5.5, §5.6)"),
        ),
        "scenario": (
            translate("BoardColumn", "Tasks"),
            translate("BoardColumn", "The scenario's own tasks"),
        ),
        "other": (
            translate("BoardColumn", "Other"),
            translate("BoardColumn", "Anything else (acts without authority or not warranted)"),
        ),
    }


def state_names() -> dict[str, str]:
    """Cell state -> its name, most urgent first."""
    return {
        "overdue": translate("StatusBoard", "Overdue"),
        "soon": translate("StatusBoard", "Due soon"),
        "wrong": translate("StatusBoard", "Wrong"),
        "pending": translate("StatusBoard", "To do"),
        "late": translate("StatusBoard", "Late"),
        "met": translate("StatusBoard", "Done"),
    }
