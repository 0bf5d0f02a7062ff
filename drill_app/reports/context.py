"""Everything a document needs about one exercise, as plain frozen data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from drill_app.core.evaluation import Evaluation, evaluate
from drill_app.core.events import Event
from drill_app.core.plan import Plan
from drill_app.core.scenario import Scenario
from drill_app.core.scoring import ScoreSheet, ScoringRules


@dataclass(frozen=True)
class ImprovementRow:
    issue: str
    action: str
    element: str
    owner_unit: str
    contact: str
    plan_ref: str
    start_date: dt.date | None
    due_date: dt.date
    status: str


@dataclass(frozen=True)
class ReportContext:
    title: str
    held_on: dt.date
    location: str
    exercise_type: str
    controller: str
    evaluators: tuple[str, ...]
    seats: tuple[tuple[str, str], ...]
    """(unit id, participant name)."""
    plan: Plan
    scenario: Scenario
    rules: ScoringRules
    sheet: ScoreSheet
    events: tuple[Event, ...]
    improvements: tuple[ImprovementRow, ...] = ()
    final_hash: str | None = None
    """The hash of the last stored event (None for a replay that was not stored)."""
    not_verified: bool = False
    """The stored record failed verification and was printed anyway (--force): every
    page says so."""
    issued_on: dt.date | None = None
    """The document date (default: today)."""
    language: str = "zh_CN"
    """Data names (categories, grades, ratings, line titles) follow this; labels follow
    the installed Qt translator."""

    @property
    def english(self) -> bool:
        return self.language.startswith("en")

    def evaluation(self, unit: str | None = None) -> Evaluation:
        return evaluate(self.plan, self.scenario, self.sheet, self.events, self.rules, unit)

    def unit_name(self, unit: str) -> str:
        return self.plan.party_name(unit)


def seats_of(
    scenario: Scenario, participants: Sequence[tuple[str, str]] = ()
) -> tuple[tuple[str, str], ...]:
    names = dict(participants)
    return tuple((unit, names.get(unit, "")) for unit in scenario.seats)
