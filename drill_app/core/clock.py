"""The exercise clock: scenario time computed from recorded control events.

Scenario time is never accumulated from timer ticks.  It is a function of the
control events (start, pause, resume, speed change, jump, end) and of the wall
clock, so it cannot drift however long the exercise runs, and it survives a
restart of the host: the events are on disk, the wall clock kept running.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

ClockState = Literal["not_started", "running", "paused", "ended"]

CONTROL_KINDS = frozenset(
    {
        "exercise_started",
        "exercise_paused",
        "exercise_resumed",
        "speed_changed",
        "clock_jumped",
        "exercise_ended",
    }
)


@dataclass(frozen=True)
class ControlEvent:
    """The part of an event the clock needs."""

    kind: str
    wall_time: float
    speed: float = 1.0
    to_seconds: float = 0.0


@dataclass(frozen=True)
class ClockReading:
    state: ClockState
    scenario_seconds: float
    speed: float


@dataclass(frozen=True)
class _Anchor:
    state: ClockState
    wall: float  # wall time at the anchor
    scenario: float  # scenario seconds at the anchor
    speed: float


def _fold(events: Iterable[ControlEvent]) -> _Anchor:
    return _fold_from(_Anchor("not_started", 0.0, 0.0, 1.0), events)


def _scenario_at(anchor: _Anchor, wall: float) -> float:
    if anchor.state != "running":
        return anchor.scenario
    return anchor.scenario + max(0.0, wall - anchor.wall) * anchor.speed


def read_clock(events: Iterable[ControlEvent], wall_now: float) -> ClockReading:
    """Scenario time at *wall_now*, given the control events so far (in order)."""
    anchor = _fold(events)
    return ClockReading(anchor.state, _scenario_at(anchor, wall_now), anchor.speed)


class ExerciseClock:
    """Incremental form of read_clock, for a running exercise.

    Holds only the latest anchor; feeding it the same control events gives the
    same readings as read_clock over the whole list.
    """

    def __init__(self) -> None:
        self._anchor = _Anchor("not_started", 0.0, 0.0, 1.0)

    def apply(self, event: ControlEvent) -> None:
        self._anchor = _fold_from(self._anchor, (event,))

    def read(self, wall_now: float) -> ClockReading:
        a = self._anchor
        return ClockReading(a.state, _scenario_at(a, wall_now), a.speed)

    @property
    def state(self) -> ClockState:
        return self._anchor.state


def _fold_from(anchor: _Anchor, events: Iterable[ControlEvent]) -> _Anchor:
    for event in events:
        at = _scenario_at(anchor, event.wall_time)
        if event.kind == "exercise_started" and anchor.state == "not_started":
            anchor = _Anchor("running", event.wall_time, 0.0, anchor.speed)
        elif event.kind == "exercise_paused" and anchor.state == "running":
            anchor = _Anchor("paused", event.wall_time, at, anchor.speed)
        elif event.kind == "exercise_resumed" and anchor.state == "paused":
            anchor = _Anchor("running", event.wall_time, at, anchor.speed)
        elif event.kind == "speed_changed" and anchor.state != "ended":
            anchor = _Anchor(anchor.state, event.wall_time, at, event.speed)
        elif event.kind == "clock_jumped" and anchor.state in ("running", "paused"):
            anchor = _Anchor(anchor.state, event.wall_time, max(at, event.to_seconds), anchor.speed)
        elif event.kind == "exercise_ended" and anchor.state in ("running", "paused"):
            anchor = _Anchor("ended", event.wall_time, at, anchor.speed)
    return anchor
