"""The command path without Qt: a sink, an authority that validates once, readers that follow.

What a local console, a remote seat or a test sends goes the same way: a Command to the
authority, an outcome (Recorded or Refused) to every subscriber, and readers that apply
the committed events without validating them again.
"""

from __future__ import annotations

import pytest

from drill_app.core.commands import Command, ExerciseReader, LocalAuthority, Outcome, Recorded
from drill_app.core.commands import Refused as RefusedOutcome
from drill_app.core.events import Event
from drill_app.core.exercise import Exercise, ReplayClock, sequential_ids
from drill_app.core.plan import Plan
from drill_app.core.refusals import EventError, Refusal
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import ScoringRules, load_scoring_rules
from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR


@pytest.fixture(scope="module")
def scenario(plan: Plan) -> Scenario:
    return load_scenario(plan, SCENARIOS_DIR / "a-shanhai-explosion.yaml")


@pytest.fixture(scope="module")
def rules() -> ScoringRules:
    return load_scoring_rules(DEFAULT_SCORING)


@pytest.fixture
def wall() -> ReplayClock:
    return ReplayClock()


def make(plan: Plan, scenario: Scenario, rules: ScoringRules, wall: ReplayClock) -> Exercise:
    return Exercise(plan, scenario, rules, "ex", wall_clock=wall, new_id=sequential_ids("ex"))


class Follower:
    """A reader (a window, a seat): applies what the authority committed, nothing else."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self.outcomes: list[Outcome] = []

    def __call__(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        if isinstance(outcome, Recorded):
            self.exercise.apply_committed(outcome.event)


def test_a_command_is_recorded_under_its_id_and_every_subscriber_follows(
    plan: Plan, scenario: Scenario, rules: ScoringRules, wall: ReplayClock
) -> None:
    authority = LocalAuthority(make(plan, scenario, rules, wall))
    window, seat = (
        Follower(make(plan, scenario, rules, wall)),
        Follower(make(plan, scenario, rules, wall)),
    )
    authority.subscribe(window)
    unsubscribe = authority.subscribe(seat)
    authority.send(Command("c1", "exercise_started"))
    wall.now = 120
    authority.send(Command("c2", "group_activated", {"group": "medical"}, "seat", "housing"))
    unsubscribe()
    authority.send(Command("c3", "group_activated", {"group": "rescue"}, "seat", "housing"))

    assert [type(o).__name__ for o in window.outcomes] == ["Recorded"] * 3
    assert [e.id for e in window.exercise.events] == ["c1", "c2", "c3"]
    assert [e.id for e in seat.exercise.events] == ["c1", "c2"]
    assert window.exercise.events == authority.exercise.events  # type: ignore[union-attr]
    assert set(window.exercise.state.active_groups) == {"medical", "rescue"}
    assert window.exercise.state.active_groups["medical"].scenario_time == 120


def test_a_refused_command_reaches_subscribers_as_a_code_and_changes_nothing(
    plan: Plan, scenario: Scenario, rules: ScoringRules, wall: ReplayClock
) -> None:
    authority = LocalAuthority(make(plan, scenario, rules, wall))
    window = Follower(make(plan, scenario, rules, wall))
    authority.subscribe(window)
    command = Command("c1", "level_determined", {"level": "IV"}, "seat", "housing")
    authority.send(command)
    assert window.outcomes == [RefusedOutcome(command, Refusal("exercise_not_started"))]
    assert authority.exercise is not None and authority.exercise.events == []


def test_no_exercise_and_a_failed_save_are_refusals_too(
    plan: Plan, scenario: Scenario, rules: ScoringRules, wall: ReplayClock
) -> None:
    outcomes: list[Outcome] = []
    nothing = LocalAuthority(None)
    nothing.subscribe(outcomes.append)
    nothing.send(Command("c1", "exercise_started"))

    def disk_full(_event: Event) -> None:
        raise OSError("disk full")

    exercise = Exercise(plan, scenario, rules, "ex", wall_clock=wall, persist=disk_full)
    failing = LocalAuthority(exercise)
    failing.subscribe(outcomes.append)
    failing.send(Command("c2", "exercise_started"))
    assert [o.refusal for o in outcomes if isinstance(o, RefusedOutcome)] == [
        Refusal("no_exercise_open"),
        Refusal("not_saved", {"error": "disk full"}),
    ]
    assert exercise.events == [] and not exercise.started


def test_a_reader_applies_without_validating_but_notices_when_it_is_out_of_step(
    plan: Plan, scenario: Scenario, rules: ScoringRules, wall: ReplayClock
) -> None:
    authority = make(plan, scenario, rules, wall)
    reader = make(plan, scenario, rules, wall)
    started = authority.submit("exercise_started", actor="controller")
    wall.now = 300
    cut = authority.submit("supply_cut", {"user_class": "industrial"}, actor="seat", unit="towngas")
    for event in (started, cut, cut):  # the same event twice is followed once
        reader.apply_committed(event)
    assert reader.events == [started, cut]
    assert reader.state.cut == {"industrial": cut}
    with pytest.raises(EventError) as early:
        reader.apply_committed(
            Event("x", "ex", "exercise_paused", "controller", None, {}, 10.0, 10.0)
        )
    assert early.value.refusal.code == "time_before_last_event"
    with pytest.raises(EventError) as foreign:
        reader.apply_committed(
            Event("y", "other", "exercise_paused", "controller", None, {}, 400.0, 400.0)
        )
    assert foreign.value.refusal.code == "event_other_exercise"
    assert reader.events == [started, cut]


def test_the_state_in_force_is_derived_once_in_the_core(
    plan: Plan, scenario: Scenario, rules: ScoringRules, wall: ReplayClock
) -> None:
    ex = make(plan, scenario, rules, wall)
    ex.submit("exercise_started", actor="controller")
    issued = ex.submit("warning_issued", {"colour": "blue"}, actor="seat", unit="housing")
    assert (ex.state.warning, ex.state.warning_event) == ("blue", issued)
    changed = ex.submit("warning_changed", {"colour": "red"}, actor="seat", unit="housing")
    assert (ex.state.warning, ex.state.warning_event) == ("red", changed)
    level = ex.submit("level_determined", {"level": "III"}, actor="seat", unit="housing")
    ex.submit("step_taken", {"step": "cordon"}, actor="seat", unit="towngas")
    ex.submit("step_taken", {"step": "cordon"}, actor="seat", unit="street")
    assert ex.state.levels == {"housing": level}
    assert [e.unit for e in ex.state.steps["cordon"]] == ["towngas", "street"]
    ex.submit("warning_lifted", actor="seat", unit="housing")
    assert ex.state.warning is None
    reader: ExerciseReader = ex  # what windows get: a read-only view
    assert reader.state is ex.state


def test_the_next_release_ahead_counts_holds_and_missed_deadlines(
    plan: Plan, scenario: Scenario, rules: ScoringRules, wall: ReplayClock
) -> None:
    ex = make(plan, scenario, rules, wall)
    ex.submit("exercise_started", actor="controller")
    assert ex.upcoming_release_time() == 3 * 60  # i02_119 at minute 3
    wall.now = 4 * 60  # i02 is due (not yet released): the next ahead is i03 at minute 5
    assert ex.upcoming_release_time() == 5 * 60
    assert ex.upcoming_release_time({"i03_gas_company_report": 8 * 60}) == 8 * 60
    for minute in (4, 7, 12):
        wall.now = minute * 60
        for inject in ex.due_injects():
            ex.release(inject.id)
    # The bureau was told at minute 7 (i03, released then): its phone report is due 20
    # minutes later (§4.1.2). The conditional inject i06 waits for that deadline, which
    # comes before i05 (minute 40).
    assert ex.expectations()["phone_report:emergency"].due_at == 27 * 60
    assert ex.upcoming_release_time() == 27 * 60
