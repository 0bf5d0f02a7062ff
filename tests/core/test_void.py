"""Voiding a mistaken entry (issue 12 §3): kept in the log, no longer counted."""

from __future__ import annotations

import pytest

from drill_app.core.events import exercise_state
from drill_app.core.exercise import Exercise, ReplayClock, sequential_ids
from drill_app.core.plan import Plan
from drill_app.core.refusals import EventError
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import ScoringRules, load_scoring_rules, score_exercise
from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR

PHONE = "phone_report:emergency"
REPORT = {
    "report_kind": "phone",
    "recipients": ["district_government", "district_hq_office", "city_government"],
}


class FakeWall(ReplayClock):
    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="module")
def scenario(plan: Plan) -> Scenario:
    return load_scenario(plan, SCENARIOS_DIR / "a-shanhai-explosion.yaml")


@pytest.fixture(scope="module")
def rules() -> ScoringRules:
    return load_scoring_rules(DEFAULT_SCORING)


@pytest.fixture
def wall() -> FakeWall:
    clock = FakeWall()
    clock.now = 1_700_000_000.0
    return clock


@pytest.fixture
def exercise(plan: Plan, scenario: Scenario, rules: ScoringRules, wall: FakeWall) -> Exercise:
    ex = Exercise(plan, scenario, rules, "ex1", wall_clock=wall, new_id=sequential_ids("ex1"))
    ex.submit("exercise_started", actor="controller")
    ex.release("i01_hotline")
    wall.advance(10 * 60)
    ex.release("i03_gas_company_report")
    return ex


def _status(exercise: Exercise, line: str) -> str:
    return {x.id: x.status for x in exercise.score().lines}[line]


def test_a_voided_late_phone_report_no_longer_counts(
    exercise: Exercise, wall: FakeWall, plan: Plan, scenario: Scenario, rules: ScoringRules
) -> None:
    wall.advance(23 * 60)  # minute 33: due at 30
    report = exercise.submit("report_submitted", REPORT, actor="seat", unit="emergency")
    assert _status(exercise, PHONE) == "late"
    void = exercise.submit(
        "entry_voided",
        {"event": report.id, "reason": "entered for the wrong unit"},
        actor="controller",
    )
    assert _status(exercise, PHONE) == "missed"
    # nothing is deleted: the entry and the void are both in the log
    assert [e.id for e in exercise.events][-2:] == [report.id, void.id]
    assert void.payload == {"event": report.id, "reason": "entered for the wrong unit"}
    # every derivation agrees: the score of the stored log, the state from nothing
    stored = score_exercise(plan, scenario, exercise.events, rules)
    assert {x.id: x.status for x in stored.lines}[PHONE] == "missed"
    assert exercise_state(exercise.events).voided == {report.id}


def test_a_voided_decision_is_no_longer_in_force(exercise: Exercise) -> None:
    issued = exercise.submit("warning_issued", {"colour": "blue"}, actor="seat", unit="housing")
    exercise.submit(
        "entry_voided", {"event": issued.id, "reason": "wrong seat"}, actor="controller"
    )
    assert exercise.state.warning is None
    # the warning can now be issued as it should have been
    exercise.submit("warning_issued", {"colour": "yellow"}, actor="seat", unit="housing")
    assert exercise.state.warning == "yellow"


def _refused(exercise: Exercise, payload: dict[str, object], actor: str = "controller") -> str:
    before = list(exercise.events)
    with pytest.raises(EventError) as caught:
        exercise.submit("entry_voided", payload, actor=actor)  # type: ignore[arg-type]
    assert exercise.events == before
    return caught.value.refusal.code


def test_bad_voids_are_refused_with_their_codes(exercise: Exercise) -> None:
    report = exercise.submit("report_submitted", REPORT, actor="seat", unit="emergency")
    note = exercise.submit("evaluator_note", {"text": "slow"}, actor="evaluator")
    started, inject = exercise.events[0], exercise.events[1]
    assert _refused(exercise, {"event": "nope", "reason": "x"}) == "entry_unknown"
    for standing in (started, inject, note):
        assert _refused(exercise, {"event": standing.id, "reason": "x"}) == "entry_not_voidable"
    assert _refused(exercise, {"event": report.id}) == "invalid_field"
    assert _refused(exercise, {"event": report.id, "reason": ""}) == "invalid_field"
    assert _refused(exercise, {"event": report.id, "reason": "x"}, "evaluator") == "wrong_actor"
    assert _refused(exercise, {"event": report.id, "reason": "x"}, "seat") == "wrong_actor"
    void = exercise.submit("entry_voided", {"event": report.id, "reason": "x"}, actor="controller")
    assert _refused(exercise, {"event": report.id, "reason": "again"}) == "entry_already_voided"
    assert _refused(exercise, {"event": void.id, "reason": "x"}) == "entry_not_voidable"
