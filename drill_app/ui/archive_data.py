"""What crosses from the archive thread to the windows: frozen data, no ORM objects."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drill_app.core.compliance import DrillStatus
from drill_app.core.events import Event
from drill_app.core.plan import Plan
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import ScoringRules
from drill_app.core.sourcefile import DataFileError
from drill_app.ui.start.start_summary import scenario_files

if TYPE_CHECKING:
    from drill_app.store.ownership import OwnerInfo
    from drill_app.store.summaries import ExerciseSummary


# --- what crosses the thread boundary (frozen, no ORM objects) -------------------------------


@dataclass(frozen=True)
class ScenarioEntry:
    """A scenario file in the library, with its validation status."""

    path: Path
    built_in: bool
    scenario: Scenario | None
    problems: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return self.scenario is not None


@dataclass(frozen=True)
class StartPageData:
    database: str
    scenarios: tuple[ScenarioEntry, ...]
    exercises: tuple[ExerciseSummary, ...]
    drill_status: DrillStatus
    interval_years: int
    open_improvements: int


@dataclass(frozen=True)
class LoadedExercise:
    exercise_id: str
    title: str
    plan: Plan
    scenario: Scenario
    rules: ScoringRules
    events: tuple[Event, ...]
    options: Mapping[str, Any]
    seats: tuple[tuple[str, str], ...]
    """(unit id, participant name)."""
    held_on: dt.date
    location: str
    exercise_type: str
    controller: str
    evaluators: tuple[str, ...]
    head_hash: str
    """The hash at the head of the stored event chain when it was loaded."""
    not_verified: bool = False
    """The stored record failed verification when it was loaded (documents say so)."""
    watched_from: OwnerInfo | None = None
    """Opened read-only: this live owner (another process) runs it; the window watches."""


def scan_scenarios(plan: Plan, user_folder: Path | None) -> tuple[ScenarioEntry, ...]:
    entries: list[ScenarioEntry] = []
    for path, built_in in scenario_files(user_folder):  # (the files the start summary keys)
        try:
            entries.append(ScenarioEntry(path, built_in, load_scenario(plan, path)))
        except DataFileError as exc:
            problems = tuple(str(p) for p in exc.problems)
            entries.append(ScenarioEntry(path, built_in, None, problems))
    return tuple(entries)
