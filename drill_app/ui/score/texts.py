"""The words of the score screen not shared with other screens (improvement elements and
statuses, what an event says, a line's title and problem), in the interface language.
Line statuses, event kinds and colours are the one vocabulary's (drill_app/wording)."""

from __future__ import annotations

from drill_app.core.events import Event
from drill_app.core.scoring import Line
from drill_app.ui.act.report_form import report_summary
from drill_app.wording import PlanWords
from drill_app.wording.clock import clock_text
from drill_app.wording.events import rating_name
from drill_app.wording.statuses import line_status_text

IMPROVABLE = frozenset({"missed", "late", "wrong"})
NO_TIME = "—"


def number_text(value: float) -> str:
    """A score as the sheet states it: 7.5, 10, 0."""
    return f"{value:g}"


def time_text(seconds: float | None) -> str:
    return NO_TIME if seconds is None else clock_text(seconds)


def describe_event(event: Event, words: PlanWords) -> str:
    """What an event says, in a line."""
    p = event.payload
    kind = event.kind
    if kind == "report_submitted":
        return report_summary(words, p)
    if kind == "level_determined":
        return words.level(p["level"])
    if kind in ("group_activated", "group_stood_down"):
        return words.group(p["group"])
    if kind in ("warning_issued", "warning_changed"):
        return words.colour(p["colour"])
    if kind == "step_taken":
        text = words.step(p["step"])
        return f"{text} {p['note']}".strip() if p.get("note") else text
    if kind in ("supply_cut", "supply_restored"):
        return words.user_class(p["user_class"])
    if kind == "command_handed_over":
        return words.party(p["to"])
    if kind == "help_requested":
        return f"{words.party(p['to'])} {p.get('text') or ''}".strip()
    if kind in ("information_released", "evaluator_note"):
        return str(p["text"])
    if kind == "evaluator_rating":
        return f"{rating_name(p['rating'])} {p.get('comment') or ''}".strip()
    if kind == "inject_delivered":
        return str(p["title"])
    if kind == "speed_changed":
        return f"×{p['speed']:g}"
    if kind == "clock_jumped":
        return clock_text(p["to_seconds"])
    return ""


def line_title(line: Line, words: PlanWords) -> str:
    """A scored line's title in the interface language."""
    return line.title_en if words.english else line.title


def line_problem(line: Line, words: PlanWords) -> str:
    """What went wrong with a missed, late or wrong line, as an issue or finding starts."""
    text = f"{line_title(line, words)}：{line_status_text(line)}"
    return f"{text}（{line.detail}）" if line.detail else text
