"""What the host tells a seat about its own unit: its forms, and (if chosen) its deadlines.

``SeatBriefing`` (in ``welcome``) names the plan the forms are built from, the kinds of
action the plan gives the unit (``core.seat_actions``), the recipients the plan names
for each kind of report, the person at the seat, and whether the controller chose to
show deadlines to trainees (the exercise option ``show_deadlines``, stored with the
exercise and bound by its genesis hash).

Only when that option is on does a seat receive ``obligations``: its unit's open
obligations with their due times, derived by the core from what has happened so far.
No verdicts, no points, nothing about another unit; sent again whenever the list
changes.  Off (the default for a graded drill): nothing about expectations travels.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from drill_app.core.duties import plan_recipients
from drill_app.core.exercise import Exercise
from drill_app.core.seat_actions import seat_actions
from drill_app.net.protocol import ClockView, Obligations, ObligationView, SeatBriefing, Welcome
from drill_app.net.visibility import Viewer
from drill_app.store.chain import sha256_text
from drill_app.store.store import Store

REPORT_KINDS = ("phone", "written", "followup", "final", "sensitive", "result")
OPEN_STATUSES = ("pending", "missed")
"""A line still owed: not yet done (missed while running: overdue, still owed)."""


@dataclass
class Briefer:
    plan_sha256: str
    show_deadlines: bool
    roster: Mapping[str, str]
    """Unit -> the participant the exercise was prepared with."""

    def __post_init__(self) -> None:
        self._sent: weakref.WeakKeyDictionary[Any, list[ObligationView]] = (
            weakref.WeakKeyDictionary()
        )

    @classmethod
    def of(cls, store: Store, exercise_id: str) -> Briefer:
        detail = store.exercise(exercise_id)
        return cls(
            sha256_text(detail.plan_text),
            bool(detail.options.get("show_deadlines", False)),
            {s.unit_id: s.participant for s in detail.seats},
        )

    def briefing(self, exercise: Exercise, unit: str, name: str) -> SeatBriefing:
        plan, scenario = exercise.plan, exercise.scenario
        return SeatBriefing(
            person=name or self.roster.get(unit, ""),
            plan_sha256=self.plan_sha256,
            plan_title=plan.identity.title[:200],
            actions=sorted(seat_actions(plan, scenario, unit)),
            recipients={k: plan_recipients(plan, scenario, unit, k) for k in REPORT_KINDS},
            show_deadlines=self.show_deadlines,
        )

    def welcome(
        self,
        exercise: Exercise,
        exercise_id: str,
        viewer: Viewer,
        token: str,
        name: str,
        clock: ClockView,
    ) -> Welcome:
        """What a joining seat or observer is told first (the briefing: seats only)."""
        scenario = exercise.scenario
        return Welcome(
            token=token,
            exercise=exercise_id,
            title=scenario.title,
            scenario_title=scenario.title,
            duration_minutes=scenario.duration_minutes,
            role=viewer.role,
            unit=viewer.unit,
            clock=clock,
            seats=list(scenario.seats),
            briefing=self.briefing(exercise, viewer.unit, name) if viewer.unit else None,
        )

    def open_lines(self, exercise: Exercise) -> dict[str, list[ObligationView]]:
        """Each unit's open obligations with a deadline, soonest first (nothing once ended):
        one scoring of the exercise for every seat (call it on the host's worker)."""
        if not self.show_deadlines or exercise.ended:
            return {}
        lines = [
            line
            for line in exercise.score().lines
            if line.status in OPEN_STATUSES and line.due_at is not None
        ]
        by_unit: dict[str, list[ObligationView]] = {}
        for line in sorted(lines, key=lambda line: (line.due_at or 0.0, line.id)):
            by_unit.setdefault(line.unit, []).append(
                ObligationView(
                    id=line.id,
                    title=line.title,
                    title_en=line.title_en,
                    ref=line.plan_ref,
                    due_at=float(line.due_at or 0.0),
                )
            )
        return by_unit

    def changed(
        self, connection: Any, lines: Mapping[str, list[ObligationView]], unit: str
    ) -> Obligations | None:
        """The message to send *connection* if its unit's obligations (in *lines*, from
        ``open_lines``) changed since it was last sent some (always the first time)."""
        if not self.show_deadlines:
            return None
        now = list(lines.get(unit, []))
        if self._sent.get(connection) == now:
            return None
        self._sent[connection] = now
        return Obligations(obligations=now)
