"""Names of what happens in an exercise: event kinds, actors, report kinds, P/S/M/U ratings.

One table each, used by the console, the documents and the command line.
"""

from __future__ import annotations

from drill_app.core.events import KINDS
from drill_app.wording.language import translate

RATINGS = ("P", "S", "M", "U")


def event_kind_names() -> dict[str, str]:
    """Every event kind of the core, by its name in the interface language."""
    names = {
        "exercise_started": translate("EventKinds", "Exercise started"),
        "exercise_paused": translate("EventKinds", "Exercise paused"),
        "exercise_resumed": translate("EventKinds", "Exercise resumed"),
        "speed_changed": translate("EventKinds", "Clock speed changed"),
        "clock_jumped": translate("EventKinds", "Clock jumped"),
        "exercise_ended": translate("EventKinds", "Exercise ended"),
        "host_restarted": translate("EventKinds", "Host restarted"),
        "host_taken_over": translate("EventKinds", "Host taken over (the previous one had died)"),
        "inject_delivered": translate("EventKinds", "Inject delivered"),
        "inject_skipped": translate("EventKinds", "Inject skipped"),
        "disposal_ended": translate("EventKinds", "Disposal ended"),
        "report_submitted": translate("EventKinds", "Report"),
        "level_determined": translate("EventKinds", "Level determined"),
        "group_activated": translate("EventKinds", "Working group activated"),
        "group_stood_down": translate("EventKinds", "Working group stood down"),
        "warning_issued": translate("EventKinds", "Warning issued"),
        "warning_changed": translate("EventKinds", "Warning changed"),
        "warning_lifted": translate("EventKinds", "Warning lifted"),
        "step_taken": translate("EventKinds", "Measure taken"),
        "supply_cut": translate("EventKinds", "Supply cut"),
        "supply_restored": translate("EventKinds", "Supply restored"),
        "command_handed_over": translate("EventKinds", "Command handed over"),
        "response_ended": translate("EventKinds", "Response ended"),
        "information_released": translate("EventKinds", "Information released"),
        "sensitive_determined": translate("EventKinds", "Sensitive event determined"),
        "help_requested": translate("EventKinds", "Help requested"),
        "evaluator_note": translate("EventKinds", "Evaluator note"),
        "evaluator_rating": translate("EventKinds", "Evaluator rating"),
        "finding_recorded": translate("EventKinds", "Finding recorded"),
        "review_recorded": translate("EventKinds", "Review recorded"),
        "entry_voided": translate("EventKinds", "Entry voided"),
    }
    return {kind: names.get(kind, kind) for kind in KINDS}


def event_kind_name(kind: str) -> str:
    return event_kind_names().get(kind, kind)


def actor_names() -> dict[str, str]:
    return {
        "controller": translate("EventKinds", "Control cell"),
        "system": translate("EventKinds", "System"),
        "evaluator": translate("EventKinds", "Evaluators"),
        "seat": translate("EventKinds", "Unit"),
    }


def report_kind_name(kind: str) -> str:
    names = {
        "phone": translate("ReportKind", "Phone report"),
        "written": translate("ReportKind", "Written report"),
        "followup": translate("ReportKind", "Follow-up report"),
        "final": translate("ReportKind", "Final report"),
        "sensitive": translate("ReportKind", "Sensitive-event report"),
        "result": translate("ReportKind", "Result report"),
    }
    return names.get(kind, kind)


def rating_word(rating: str) -> str:
    """What a P/S/M/U rating means (HSEEP), without its letter."""
    words = {
        "P": translate("Rating", "Performed without challenges"),
        "S": translate("Rating", "Performed with some challenges"),
        "M": translate("Rating", "Performed with major challenges"),
        "U": translate("Rating", "Unable to be performed"),
    }
    return words.get(rating, rating)


def rating_name(rating: str) -> str:
    """A rating with its letter, as the screen and the paper show it: "S: …"."""
    if rating not in RATINGS:
        return rating
    return translate("Rating", "{rating}: {meaning}").format(
        rating=rating, meaning=rating_word(rating)
    )
