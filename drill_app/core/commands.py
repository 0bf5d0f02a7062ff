"""The command path, free of Qt and of where a command came from.

A form on the console, a remote seat or a test builds a ``Command`` and hands it to a
``CommandSink``. The authority (the one ``Exercise`` that owns the log) runs it with
``execute``: validated once, made durable by the exercise's persistence hook, then
applied. The outcome, ``Recorded`` (with the committed event) or ``Refused`` (with the
core's ``Refusal``), is published to every subscriber of an ``EventSource``; the
windows (and later remote seats) follow that stream and nothing else.

``LocalAuthority`` is the plain in-process sink and source (tests, headless tools);
the console's archive thread does the same around a store (``drill_app.ui.session``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from drill_app.core.clock import ClockReading
from drill_app.core.events import Actor, Event, ExerciseState
from drill_app.core.exercise import Exercise
from drill_app.core.expectations import Expectation
from drill_app.core.plan import Plan
from drill_app.core.record import ExerciseRecord
from drill_app.core.refusals import EventError, Refusal, refusal
from drill_app.core.scenario import Inject, Scenario
from drill_app.core.scoring import ScoreSheet, ScoringRules


@dataclass(frozen=True)
class Command:
    """What a form or a seat asks the exercise to record; its id becomes the event's id."""

    command_id: str
    kind: str
    payload: Mapping[str, Any] = field(default_factory=dict)
    actor: Actor = "controller"
    unit: str | None = None


@dataclass(frozen=True)
class Recorded:
    command: Command
    event: Event
    """The committed event (on disk when the authority persists)."""


@dataclass(frozen=True)
class Refused:
    command: Command
    refusal: Refusal


Outcome = Recorded | Refused
Listener = Callable[[Outcome], None]


class CommandSink(Protocol):
    """Where commands go: the authority, directly or across a thread or the network."""

    def send(self, command: Command) -> None: ...


class EventSource(Protocol):
    """The outcomes of commands, in commit order. ``subscribe`` returns an unsubscribe."""

    def subscribe(self, listener: Listener) -> Callable[[], None]: ...


class ExerciseReader(Protocol):
    """A read-only view of an exercise: what windows and seats may look at, never change."""

    @property
    def plan(self) -> Plan: ...
    @property
    def scenario(self) -> Scenario: ...
    @property
    def rules(self) -> ScoringRules: ...
    @property
    def events(self) -> Sequence[Event]: ...
    @property
    def started(self) -> bool: ...
    @property
    def ended(self) -> bool: ...
    def now(self) -> float: ...
    def clock(self) -> ClockReading: ...
    def score(self) -> ScoreSheet: ...
    def pending_injects(self) -> list[Inject]: ...
    def due_injects(self) -> list[Inject]: ...
    def release_time(self, inject: Inject) -> float | None: ...
    def next_release_time(self) -> float | None: ...
    def expectations(self) -> dict[str, Expectation]: ...
    def upcoming_release_time(self, holds: Mapping[str, float] | None = None) -> float | None: ...
    @property
    def state(self) -> ExerciseState: ...
    @property
    def record(self) -> ExerciseRecord: ...
    def dry_run(
        self,
        kind: str,
        payload: Mapping[str, Any] | None = None,
        *,
        actor: Actor,
        unit: str | None = None,
    ) -> Event: ...


def execute(exercise: Exercise | None, command: Command) -> Outcome:
    """The authority's one step: validate once, persist, apply; never raises for a refusal.

    A failure of the persistence hook (the database) is a refusal too (``not_saved``):
    nothing was applied.
    """
    if exercise is None:
        return Refused(command, refusal("no_exercise_open"))
    try:
        event = exercise.submit(
            command.kind,
            command.payload,
            actor=command.actor,
            unit=command.unit,
            event_id=command.command_id,
        )
    except EventError as exc:
        return Refused(command, exc.refusal)
    except Exception as exc:  # the persistence hook failed: nothing was applied
        return Refused(command, refusal("not_saved", error=str(exc)))
    return Recorded(command, event)


class LocalAuthority:
    """An in-process command sink and event source around one authoritative exercise."""

    def __init__(self, exercise: Exercise | None) -> None:
        self.exercise = exercise
        self._listeners: list[Listener] = []

    def send(self, command: Command) -> None:
        outcome = execute(self.exercise, command)
        for listener in list(self._listeners):
            listener(outcome)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)
