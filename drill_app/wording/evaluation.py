"""Names around an exercise and its evaluation: exercise types and statuses, review stages
(AQ/T 9009), improvement-plan elements and statuses. One table each, for the console,
the documents and the command line."""

from __future__ import annotations

from drill_app.wording.language import translate

REVIEW_STAGES = ("onsite_review", "self_assessment", "team_assessment")
IMPROVEMENT_ELEMENTS = ("plan_revision", "organisation", "equipment", "training", "exercise")
IMPROVEMENT_STATUSES = ("open", "in_progress", "closed")


def exercise_type_name(type_id: str) -> str:
    names = {
        "tabletop": translate("Evaluation", "Tabletop exercise"),
        "live": translate("Evaluation", "Live exercise"),
    }
    return names.get(type_id, type_id)


def exercise_status_name(status: str) -> str:
    names = {
        "planned": translate("Evaluation", "Not started"),
        "running": translate("Evaluation", "In progress"),
        "ended": translate("Evaluation", "Ended"),
    }
    return names.get(status, status)


def review_stage_name(stage: str) -> str:
    names = {
        "onsite_review": translate("Evaluation", "Controller's on-the-spot review"),
        "self_assessment": translate("Evaluation", "Participants' self-assessment"),
        "team_assessment": translate("Evaluation", "Evaluation team's assessment"),
    }
    return names.get(stage, stage)


def improvement_element_name(element: str) -> str:
    names = {
        "plan_revision": translate("Evaluation", "Plan revision"),
        "organisation": translate("Evaluation", "Organisation"),
        "equipment": translate("Evaluation", "Equipment and supplies"),
        "training": translate("Evaluation", "Training"),
        "exercise": translate("Evaluation", "Exercises"),
    }
    return names.get(element, element)


def improvement_status_name(status: str) -> str:
    names = {
        "open": translate("Evaluation", "Open"),
        "in_progress": translate("Evaluation", "Under way"),
        "closed": translate("Evaluation", "Closed"),
    }
    return names.get(status, status)
