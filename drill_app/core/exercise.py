"""A running exercise: one command path for the GUI, the network and replay.

``Exercise.submit`` builds an event at the current scenario time (from the
clock, which is derived from control events), validates it and appends it.
Nothing else changes an exercise.  The store persists each event before the
caller is told it was accepted; here everything stays in memory.
"""

from __future__ import annotations

import itertools
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from drill_app.core.clock import CONTROL_KINDS, ClockReading, ControlEvent, ExerciseClock
from drill_app.core.events import (
    Actor,
    Event,
    ExerciseState,
    exercise_state,
    standing_events,
    validate_event,
)
from drill_app.core.expectations import Expectation, derive_expectations
from drill_app.core.plan import Plan
from drill_app.core.record import ExerciseRecord
from drill_app.core.refusals import EventError
from drill_app.core.rules import COMPARISONS
from drill_app.core.scenario import Inject, InjectCondition, Scenario
from drill_app.core.scoring import (
    ScoreSheet,
    ScoringRules,
    immediate_minutes,
    judge,
    score_record,
)

WallClock = Callable[[], float]


def sequential_ids(prefix: str) -> Callable[[], str]:
    """Deterministic event ids (replays, tests): prefix-000001, prefix-000002, …"""
    counter = itertools.count(1)
    return lambda: f"{prefix}-{next(counter):06d}"


class Exercise:
    def __init__(
        self,
        plan: Plan,
        scenario: Scenario,
        rules: ScoringRules,
        exercise_id: str,
        *,
        wall_clock: WallClock = time.time,
        new_id: Callable[[], str] | None = None,
        persist: Callable[[Event], object] | None = None,
    ) -> None:
        """*persist* is called with each validated event before the exercise changes;
        if it raises, the event is not applied (the store makes events durable here)."""
        self.plan = plan
        self.scenario = scenario
        self.rules = rules.with_overrides(scenario.scoring)
        self.exercise_id = exercise_id
        self._wall = wall_clock
        self._new_id = new_id or (lambda: str(uuid.uuid4()))
        self.record = ExerciseRecord(scenario, plan)
        self._state = ExerciseState()
        self._clock = ExerciseClock()
        self._expectations_cache: tuple[int, dict[str, Expectation]] = (-1, {})
        self._persist = persist
        self._by_id: dict[str, Event] = {}
        self._log: list[Event] = []

    def attach_persistence(self, persist: Callable[[Event], object]) -> None:
        """From now on, every new event goes through *persist* before it is applied."""
        self._persist = persist

    # --- reading ----------------------------------------------------------------

    @property
    def events(self) -> list[Event]:
        """Every event recorded, voided entries and voids included (the log)."""
        return self._log

    def clock(self) -> ClockReading:
        return self._clock.read(self._wall())

    def now(self) -> float:
        """Current scenario time in seconds."""
        return self.clock().scenario_seconds

    @property
    def state(self) -> ExerciseState:
        """What is in force now (groups, warning, supply, levels, steps …); do not change it."""
        return self._state

    @property
    def started(self) -> bool:
        return self._state.started

    @property
    def ended(self) -> bool:
        return self._state.ended

    def score(self) -> ScoreSheet:
        return score_record(self.plan, self.scenario, self.record, self.rules, self.now())

    # --- writing ------------------------------------------------------------------

    def submit(
        self,
        kind: str,
        payload: Mapping[str, Any] | None = None,
        *,
        actor: Actor,
        unit: str | None = None,
        event_id: str | None = None,
    ) -> Event:
        """Record a new event now.  Raises EventError and changes nothing if it is invalid.

        Submitting again with the *event_id* of a recorded event of the same kind, unit
        and payload (a client's retry) returns the recorded event and records nothing.
        """
        known = self._by_id.get(event_id) if event_id else None
        if known is not None and _is_retry(known, kind, unit, payload or {}):
            return known
        wall = self._wall()
        scenario_time = self._clock.read(wall).scenario_seconds
        event = Event(
            id=event_id or self._new_id(),
            exercise_id=self.exercise_id,
            kind=kind,
            actor=actor,
            unit=unit,
            payload=dict(payload or {}),
            scenario_time=scenario_time,
            wall_time=wall,
        )
        return self.apply(event)

    def apply(self, event: Event) -> Event:
        """Validate and append an already-timed event (from the store or the network).

        The same event sent twice (a retry) is recorded once: an event whose id is
        already recorded with the same content is returned as it stands.
        """
        if event.exercise_id != self.exercise_id:
            raise EventError.of("event_other_exercise", event=event.id)
        known = self._by_id.get(event.id)
        if known is not None and _same_content(known, event):
            return known
        checked = validate_event(self.plan, self.scenario, self._state, event)
        if self._persist is not None:
            self._persist(checked)
        self._add(checked)
        return checked

    def apply_committed(self, event: Event) -> Event:
        """Follow an event the authority has already validated and committed (a read model).

        It is not validated again; what cannot be the next event of this log (another
        exercise's, or earlier than the last) raises EventError: the reader is out of step.
        """
        if event.exercise_id != self.exercise_id:
            raise EventError.of("event_other_exercise", event=event.id)
        known = self._by_id.get(event.id)
        if known is not None:
            if _same_content(known, event):
                return known
            raise EventError.of("event_already_recorded", event=event.id)
        if event.scenario_time < self._state.last_time:
            raise EventError.of(
                "time_before_last_event", time=event.scenario_time, last=self._state.last_time
            )
        self._add(event)
        return event

    def _add(self, event: Event) -> None:
        self._by_id[event.id] = event
        self._log.append(event)
        if event.kind == "entry_voided":
            # A void changes the past: state and record are derived again without the entry.
            self._state = exercise_state(self._log)
            self.record = ExerciseRecord(self.scenario, self.plan)
            for standing in standing_events(self._log):
                self.record.add(standing)
            self.record.now = self._state.last_time
            self._expectations_cache = (-1, {})
            return
        self._state.apply(event)
        self.record.add(event)
        if event.kind in CONTROL_KINDS:
            p = event.payload
            self._clock.apply(
                ControlEvent(
                    event.kind,
                    event.wall_time,
                    speed=float(p.get("speed", 1.0)),
                    to_seconds=float(p.get("to_seconds", 0.0)),
                )
            )

    def dry_run(
        self,
        kind: str,
        payload: Mapping[str, Any] | None = None,
        *,
        actor: Actor,
        unit: str | None = None,
    ) -> Event:
        """Validate a command as if submitted now, changing nothing (for form messages)."""
        wall = self._wall()
        probe = Event(
            id=self._new_id(),
            exercise_id=self.exercise_id,
            kind=kind,
            actor=actor,
            unit=unit,
            payload=dict(payload or {}),
            scenario_time=self._clock.read(wall).scenario_seconds,
            wall_time=wall,
        )
        return validate_event(self.plan, self.scenario, self._state, probe)

    def release(self, inject_id: str, *, actor: Actor = "controller") -> Event:
        """Deliver a scripted inject now (early, on time or late)."""
        inject = self.scenario.injects_by_id.get(inject_id)
        if inject is None:
            raise EventError.of("inject_unknown", inject=inject_id)
        return self.submit("inject_delivered", inject_payload(inject), actor=actor)

    def skip(self, inject_id: str, reason: str = "") -> Event:
        return self.submit(
            "inject_skipped", {"inject": inject_id, "reason": reason}, actor="controller"
        )

    # --- the MSEL -------------------------------------------------------------------

    def pending_injects(self) -> list[Inject]:
        """Scripted injects neither delivered nor skipped, in MSEL order."""
        done = set(self.record.delivered) | self.record.skipped
        return [i for i in self.scenario.injects if i.id not in done]

    def release_time(self, inject: Inject) -> float | None:
        """Scenario second at which *inject* becomes due, or None if its condition has not held."""
        if inject.at is not None:
            return inject.at * 60
        assert inject.when is not None
        held = self._condition_time(inject.when, self.now())
        return None if held is None else held + inject.delay_minutes * 60

    def due_injects(self) -> list[Inject]:
        now = self.now()
        out = []
        for inject in self.pending_injects():
            t = self.release_time(inject)
            if t is not None and t <= now + 1e-9:
                out.append(inject)
        return out

    def next_release_time(self) -> float | None:
        """The earliest moment something in the MSEL may become due (for auto-release)."""
        times = []
        for inject in self.pending_injects():
            t = self.release_time(inject)
            if t is not None:
                times.append(t)
            elif inject.when is not None:
                times.extend(self._pending_checks(inject.when))
        return min(times) if times else None

    def upcoming_release_time(self, holds: Mapping[str, float] | None = None) -> float | None:
        """The next scenario second, after now, at which a pending inject becomes due.

        ``next_release_time`` is the earliest moment of all pending injects, which is in
        the past while a due inject waits; a clock jump needs the next one still ahead:
        the release times of timed (and already triggered) injects, the ends of *holds*
        (inject id → scenario second it is held until), and the deadlines that
        conditional injects of the form "expectation missed" wait for (plus their delay).
        """
        now = self.now()
        holds = holds or {}
        candidates: list[float] = []
        core_next = self.next_release_time()
        if core_next is not None and core_next > now:
            candidates.append(core_next)
        for inject in self.pending_injects():
            release = self.release_time(inject)
            if release is not None:
                candidates.append(max(release, holds.get(inject.id, release)))
            elif inject.when is not None:
                delay = inject.delay_minutes * 60
                candidates.extend(t + delay for t in self._deadlines(inject.when))
        ahead = [t for t in candidates if t > now]
        return min(ahead) if ahead else None

    def _deadlines(self, condition: InjectCondition) -> Iterable[float]:
        for sub in condition.any_of or condition.all_of or []:
            yield from self._deadlines(sub)
        if condition.expectation_missed is not None:
            expectation = self.expectations().get(condition.expectation_missed)
            if expectation is not None and expectation.due_at is not None:
                yield expectation.due_at

    # --- conditions -------------------------------------------------------------------

    def expectations(self) -> dict[str, Expectation]:
        version = self.record.structure_version
        if self._expectations_cache[0] != version:
            derived = derive_expectations(
                self.plan, self.scenario, self.record, immediate_minutes(self.rules)
            )
            self._expectations_cache = (version, {e.id: e for e in derived})
        return self._expectations_cache[1]

    def _condition_time(self, c: InjectCondition, now: float) -> float | None:
        """When the condition first held by scenario time *now*, or None if it has not (yet)."""
        if c.any_of is not None:
            times = [t for t in (self._condition_time(s, now) for s in c.any_of) if t is not None]
            return min(times) if times else None
        if c.all_of is not None:
            parts = [self._condition_time(s, now) for s in c.all_of]
            return None if any(t is None for t in parts) else max(t for t in parts if t is not None)
        if c.fact is not None:
            op = COMPARISONS[c.op or "=="]
            for t, snapshot in zip(
                self.record.facts.times, self.record.facts.snapshots, strict=True
            ):
                value = snapshot.get(c.fact)
                if value is not None and op(value, c.value):
                    return t
            return None
        if c.action is not None:
            units = (c.action.unit,) if c.action.unit else None
            for event in _candidates(self.record, units, c.action.kind):
                if all(event.payload.get(k) == v for k, v in c.action.payload.items()):
                    return event.scenario_time
            return None
        name = c.expectation_met or c.expectation_missed
        expectation = self.expectations().get(name or "")
        if expectation is None:
            return None
        line = judge(self.plan, self.scenario, self.record, expectation, self.rules, now, False)
        if c.expectation_met is not None:
            return line.done_at if line.status in ("met", "late") else None
        due = expectation.due_at
        if due is None or now < due:
            return None
        return due if line.done_at is None or line.done_at > due else None

    def _pending_checks(self, c: InjectCondition) -> Iterable[float]:
        """Future moments at which a time-based condition must be looked at again."""
        if c.any_of is not None or c.all_of is not None:
            for sub in c.any_of or c.all_of or []:
                yield from self._pending_checks(sub)
        elif c.expectation_missed is not None:
            expectation = self.expectations().get(c.expectation_missed)
            due = expectation.due_at if expectation is not None else None
            if due is not None and due > self.now():
                yield due


def _is_retry(known: Event, kind: str, unit: str | None, payload: Mapping[str, Any]) -> bool:
    same_action = (known.kind, known.unit) == (kind, unit)
    return same_action and all(known.payload.get(k) == v for k, v in payload.items())


def _same_content(a: Event, b: Event) -> bool:
    return (a.kind, a.actor, a.unit, a.scenario_time, a.wall_time) == (
        b.kind,
        b.actor,
        b.unit,
        b.scenario_time,
        b.wall_time,
    ) and all(a.payload.get(k) == v for k, v in b.payload.items())


def _candidates(record: ExerciseRecord, units: tuple[str, ...] | None, kind: str) -> list[Event]:
    if units is None:
        return record.by_kind.get(kind, [])
    return [e for u in units for e in record.actions_of(u, kind)]


def inject_payload(inject: Inject) -> dict[str, Any]:
    return {
        "inject": inject.id,
        "title": inject.title,
        "text": inject.text,
        "source": inject.source,
        "to": list(inject.to),
        "informs_incident": inject.informs_incident,
        "facts": dict(inject.facts),
        "city_hq_arrives": inject.city_hq_arrives,
        "city_warning": inject.city_warning,
    }


class ReplayClock:
    """A wall clock the replay moves by hand: wall time = scenario time, speed 1."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now
