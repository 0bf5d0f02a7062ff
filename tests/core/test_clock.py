"""The exercise clock is computed from control events: no drift, whatever the ticks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from drill_app.core.clock import ControlEvent, ExerciseClock, read_clock

HOUR = 3600.0


def test_runs_at_wall_speed_from_the_start() -> None:
    events = [ControlEvent("exercise_started", wall_time=1000.0)]
    assert read_clock(events, 1000.0).scenario_seconds == 0
    assert read_clock(events, 1000.0 + 8 * HOUR).scenario_seconds == 8 * HOUR


def test_pause_resume_speed_and_jump() -> None:
    events = [
        ControlEvent("exercise_started", 0.0),
        ControlEvent("exercise_paused", 600.0),  # 10 min in
        ControlEvent("exercise_resumed", 900.0),  # 5 min paused
        ControlEvent("speed_changed", 1200.0, speed=4.0),  # at 15 min scenario
        ControlEvent("clock_jumped", 1500.0, to_seconds=3 * HOUR),  # 15 + 20 = 35 min, jump
    ]
    assert read_clock(events[:2], 700.0).scenario_seconds == 600
    assert read_clock(events[:3], 1000.0).scenario_seconds == 700
    assert read_clock(events[:4], 1260.0).scenario_seconds == 900 + 60 * 4
    reading = read_clock(events, 1600.0)
    assert reading.scenario_seconds == 3 * HOUR + 100 * 4
    assert (reading.state, reading.speed) == ("running", 4.0)


def test_nothing_before_start_and_frozen_after_end() -> None:
    assert read_clock([], 5000.0).state == "not_started"
    events = [ControlEvent("exercise_started", 0.0), ControlEvent("exercise_ended", 100.0)]
    reading = read_clock(events, 10_000.0)
    assert (reading.state, reading.scenario_seconds) == ("ended", 100.0)


def test_host_down_time_counts_as_running_time() -> None:
    # the host was off between wall 100 and 700; the clock reads from the recorded
    # start, so scenario time kept running meanwhile
    events = [ControlEvent("exercise_started", 0.0)]
    assert read_clock(events, 700.0).scenario_seconds == 700.0


_kinds = st.sampled_from(
    ["exercise_paused", "exercise_resumed", "speed_changed", "clock_jumped", "exercise_ended"]
)


@st.composite
def control_histories(draw: st.DrawFn) -> list[ControlEvent]:
    wall = draw(st.floats(0, 1e6))
    events = [ControlEvent("exercise_started", wall)]
    for _ in range(draw(st.integers(0, 30))):
        wall += draw(st.floats(0, 4 * HOUR))
        events.append(
            ControlEvent(
                draw(_kinds),
                wall,
                speed=draw(st.floats(0.25, 60)),
                to_seconds=draw(st.floats(0, 48 * HOUR)),
            )
        )
    return events


@settings(max_examples=300)
@given(control_histories(), st.lists(st.floats(0, 10 * HOUR), min_size=1, max_size=50))
def test_scenario_time_never_goes_back(events: list[ControlEvent], offsets: list[float]) -> None:
    start = events[-1].wall_time
    readings = [read_clock(events, start + o).scenario_seconds for o in sorted(offsets)]
    assert readings == sorted(readings)


@settings(max_examples=300)
@given(control_histories(), st.integers(1, 10_000), st.floats(1, 8 * HOUR))
def test_ticks_do_not_matter(events: list[ControlEvent], ticks: int, span: float) -> None:
    """Reading the clock after many timer ticks equals one reading: nothing accumulates."""
    clock = ExerciseClock()
    for event in events:
        clock.apply(event)
    start = events[-1].wall_time
    for i in range(ticks):
        clock.read(start + span * i / ticks)
    assert (
        clock.read(start + span).scenario_seconds
        == read_clock(events, start + span).scenario_seconds
    )


@settings(max_examples=200)
@given(control_histories(), st.floats(0, 8 * HOUR))
def test_incremental_clock_equals_the_fold(events: list[ControlEvent], after: float) -> None:
    clock = ExerciseClock()
    for event in events:
        clock.apply(event)
    wall = events[-1].wall_time + after
    assert clock.read(wall) == read_clock(events, wall)


def test_eight_hours_exact_at_double_speed_with_many_pauses() -> None:
    events = [ControlEvent("exercise_started", 0.0), ControlEvent("speed_changed", 0.0, speed=2.0)]
    wall = 0.0
    for _ in range(100):  # 100 one-minute pauses spread over the day
        wall += 287.0
        events.append(ControlEvent("exercise_paused", wall))
        wall += 60.0
        events.append(ControlEvent("exercise_resumed", wall))
    reading = read_clock(events, wall + 100.0)
    assert reading.scenario_seconds == 2 * (100 * 287.0 + 100.0)
