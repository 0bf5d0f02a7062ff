"""A scored line's status in words: one table for the score view, the documents and the
terminal (``drill_app.core.scoring.Line.status``: met, late, missed, wrong, pending)."""

from __future__ import annotations

from drill_app.core.scoring import Line
from drill_app.wording.language import translate

LINE_STATUSES = ("met", "late", "missed", "wrong", "pending")


def late_text(minutes: int, *, report: bool) -> str:
    """ "Reported N min late" for a report, "N min late" for anything else."""
    if report:
        return translate("LineStatus", "Reported {minutes} min late").format(minutes=minutes)
    return translate("LineStatus", "{minutes} min late").format(minutes=minutes)


def line_status_text(line: Line) -> str:
    if line.status == "met":
        if line.due_at is None:
            return translate("LineStatus", "Done")
        return translate("LineStatus", "On time")
    if line.status == "late":
        return late_text(line.minutes_late, report=line.kind == "report")
    names = {
        "missed": translate("LineStatus", "Not done"),
        "wrong": translate("LineStatus", "Wrong"),
        "pending": translate("LineStatus", "Not yet due"),
    }
    return names.get(line.status, line.status)
