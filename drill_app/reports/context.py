"""Everything a document needs about one exercise, as plain frozen data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drill_app.core.evaluation import Evaluation, Finding, evaluate
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
class Verification:
    """What checking the stored event log's hash chain found (the caller checks it)."""

    intact: bool
    """Every event matches its hash and the chain is unbroken."""
    event_count: int
    head_hash: str
    """The full hash of the last event."""
    expected_hash: str | None = None
    """The final hash the caller was told to expect (e.g. from a signed paper copy)."""

    @property
    def matches_expected(self) -> bool | None:
        return None if self.expected_hash is None else self.expected_hash == self.head_hash


@dataclass(frozen=True)
class ReportContext:
    title: str
    held_on: dt.date | None
    """The day the drill was held (None: a replay that does not say)."""
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
    verification: Verification | None = None
    """The verified state of the stored log; supersedes ``final_hash`` when given."""
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
        """A unit's or body's name in the document's language (the plan's English name)."""
        party = self.plan.parties.get(unit)
        if party is None:
            return unit
        return party.name_en if self.english else party.name

    def paren(self, text: str) -> str:
        """*text* in brackets, the language's way: （…） or (…)."""
        return f" ({text})" if self.english else f"（{text}）"

    @property
    def colon(self) -> str:
        return ": " if self.english else "："

    def listing(self, items: Iterable[str], *, strong: bool = False) -> str:
        """Items joined the language's way: 、/； in Chinese, commas/semicolons in English."""
        if self.english:
            return ("; " if strong else ", ").join(items)
        return ("；" if strong else "、").join(items)

    def finding_text(self, finding: Finding) -> str:
        return finding.text_en if self.english and finding.text_en else finding.text

    @property
    def plan_title(self) -> str:
        identity = self.plan.identity
        return identity.title_en if self.english and identity.title_en else identity.title

    @property
    def organiser(self) -> str:
        """The unit that organises drills (§9.3: the HQ office)."""
        return self.unit_name(self.plan.drills.organiser)

    @property
    def verification_failed(self) -> bool:
        """The record failed verification (the caller says so, or its check does)."""
        check = self.verification
        failed = check is not None and not (check.intact and check.matches_expected is not False)
        return self.not_verified or failed

    @property
    def head_hash(self) -> str | None:
        return self.verification.head_hash if self.verification else self.final_hash


def seats_of(
    scenario: Scenario, participants: Sequence[tuple[str, str]] = ()
) -> tuple[tuple[str, str], ...]:
    names = dict(participants)
    return tuple((unit, names.get(unit, "")) for unit in scenario.seats)
