"""Hints for the post-exercise review stages (AQ/T 9009) and the names of the kinds of
finding, in the interface language (translation context FindingsPanel, as before); the
stages' names are the one table in drill_app.wording.evaluation."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

FINDINGS = ("strength", "area_for_improvement")
GRADES = ("deficiency", "rectification", "improvement")


def stage_hint(stage: str) -> str:
    hints = {
        "onsite_review": QCoreApplication.translate(
            "FindingsPanel",
            "Right after the drill, the controller comments on how it went, on the spot.",
        ),
        "self_assessment": QCoreApplication.translate(
            "FindingsPanel",
            "Each participating unit assesses its own performance: choose the unit.",
        ),
        "team_assessment": QCoreApplication.translate(
            "FindingsPanel",
            "The evaluation team's assessment against the plan and the evaluation criteria.",
        ),
    }
    return hints.get(stage, "")


def finding_name(finding: str) -> str:
    names = {
        "strength": QCoreApplication.translate("FindingsPanel", "Strength"),
        "area_for_improvement": QCoreApplication.translate("FindingsPanel", "Problem"),
    }
    return names.get(finding, finding)
