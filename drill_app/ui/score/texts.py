"""The words and colours of the score screen: line statuses, improvement elements and
statuses, event kinds and what an event says, in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from drill_app.core.events import Event
from drill_app.core.scoring import Line
from drill_app.ui.act.report_form import (
    ERROR_COLOUR,
    HINT_COLOUR,
    OK_COLOUR,
    PlanWords,
    clock_text,
    rating_name,
    report_summary,
)

LATE_COLOUR = "#c25e00"
STATUS_COLOURS = {
    "met": OK_COLOUR,
    "late": LATE_COLOUR,
    "missed": ERROR_COLOUR,
    "wrong": ERROR_COLOUR,
    "pending": HINT_COLOUR,
}
IMPROVABLE = frozenset({"missed", "late", "wrong"})
ELEMENTS = ("plan_revision", "organisation", "equipment", "training", "exercise")
IMPROVEMENT_STATUSES = ("open", "in_progress", "closed")
NO_TIME = "—"


def number_text(value: float) -> str:
    """A score as the sheet states it: 7.5, 10, 0."""
    return f"{value:g}"


def time_text(seconds: float | None) -> str:
    return NO_TIME if seconds is None else clock_text(seconds)


def status_text(line: Line) -> str:
    if line.status == "met":
        return (
            QCoreApplication.translate("ScoreView", "On time")
            if line.due_at is not None
            else QCoreApplication.translate("ScoreView", "Done")
        )
    if line.status == "late":
        if line.kind == "report":
            return QCoreApplication.translate("ScoreView", "Reported {minutes} min late").format(
                minutes=line.minutes_late
            )
        return QCoreApplication.translate("ScoreView", "{minutes} min late").format(
            minutes=line.minutes_late
        )
    if line.status == "missed":
        return QCoreApplication.translate("ScoreView", "Not done")
    if line.status == "wrong":
        return QCoreApplication.translate("ScoreView", "Wrong")
    return QCoreApplication.translate("ScoreView", "Not yet due")


def element_name(element: str) -> str:
    names = {
        "plan_revision": QCoreApplication.translate("ScoreView", "Plan revision"),
        "organisation": QCoreApplication.translate("ScoreView", "Organisation"),
        "equipment": QCoreApplication.translate("ScoreView", "Equipment"),
        "training": QCoreApplication.translate("ScoreView", "Training"),
        "exercise": QCoreApplication.translate("ScoreView", "Exercises"),
    }
    return names.get(element, element)


def improvement_status_name(status: str) -> str:
    names = {
        "open": QCoreApplication.translate("ScoreView", "Not started"),
        "in_progress": QCoreApplication.translate("ScoreView", "In progress"),
        "closed": QCoreApplication.translate("ScoreView", "Completed"),
    }
    return names.get(status, status)


def event_kind_name(kind: str) -> str:
    names = {
        "exercise_started": QCoreApplication.translate("EventKind", "Exercise started"),
        "exercise_paused": QCoreApplication.translate("EventKind", "Exercise paused"),
        "exercise_resumed": QCoreApplication.translate("EventKind", "Exercise resumed"),
        "speed_changed": QCoreApplication.translate("EventKind", "Clock speed changed"),
        "clock_jumped": QCoreApplication.translate("EventKind", "Clock jumped"),
        "exercise_ended": QCoreApplication.translate("EventKind", "Exercise ended"),
        "host_restarted": QCoreApplication.translate("EventKind", "Host restarted"),
        "inject_delivered": QCoreApplication.translate("EventKind", "Inject delivered"),
        "inject_skipped": QCoreApplication.translate("EventKind", "Inject skipped"),
        "disposal_ended": QCoreApplication.translate("EventKind", "Disposal ended"),
        "report_submitted": QCoreApplication.translate("EventKind", "Report"),
        "level_determined": QCoreApplication.translate("EventKind", "Level determined"),
        "group_activated": QCoreApplication.translate("EventKind", "Group activated"),
        "group_stood_down": QCoreApplication.translate("EventKind", "Group stood down"),
        "warning_issued": QCoreApplication.translate("EventKind", "Warning issued"),
        "warning_changed": QCoreApplication.translate("EventKind", "Warning changed"),
        "warning_lifted": QCoreApplication.translate("EventKind", "Warning lifted"),
        "step_taken": QCoreApplication.translate("EventKind", "Step taken"),
        "supply_cut": QCoreApplication.translate("EventKind", "Supply cut"),
        "supply_restored": QCoreApplication.translate("EventKind", "Supply restored"),
        "command_handed_over": QCoreApplication.translate("EventKind", "Command handed over"),
        "response_ended": QCoreApplication.translate("EventKind", "Response ended"),
        "information_released": QCoreApplication.translate("EventKind", "Information released"),
        "sensitive_determined": QCoreApplication.translate("EventKind", "Determined sensitive"),
        "help_requested": QCoreApplication.translate("EventKind", "Support requested"),
        "evaluator_note": QCoreApplication.translate("EventKind", "Evaluator note"),
        "evaluator_rating": QCoreApplication.translate("EventKind", "Evaluator rating"),
    }
    return names.get(kind, kind)


def describe_event(event: Event, words: PlanWords) -> str:
    """What an event says, in a line."""
    p = event.payload
    kind = event.kind
    plan = words.plan
    if kind == "report_submitted":
        return report_summary(words, p)
    if kind == "level_determined":
        return words.level(p["level"])
    if kind in ("group_activated", "group_stood_down"):
        return words.group(p["group"])
    if kind in ("warning_issued", "warning_changed"):
        return words.colour(p["colour"])
    if kind == "step_taken":
        actions = plan.actions
        steps = [
            *actions.first_response_safety,
            *actions.first_response_supply,
            *actions.warning_actions,
            *actions.safety_measures,
            *actions.supply_measures,
        ]
        text = next((s.text for s in steps if s.id == p["step"]), p["step"])
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
    text = f"{line_title(line, words)}：{status_text(line)}"
    return f"{text}（{line.detail}）" if line.detail else text
