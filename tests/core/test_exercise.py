"""The live exercise: one command path, a computed clock, refusals that change nothing."""

from __future__ import annotations

import pytest

from drill_app.core.events import exercise_state, review_corrections
from drill_app.core.exercise import Exercise, ReplayClock, sequential_ids
from drill_app.core.plan import Plan
from drill_app.core.refusals import EventError
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import ScoringRules, load_scoring_rules, score_exercise
from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR


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
    return Exercise(plan, scenario, rules, "ex1", wall_clock=wall, new_id=sequential_ids("ex1"))


def test_events_carry_scenario_and_wall_time(exercise: Exercise, wall: FakeWall) -> None:
    exercise.submit("exercise_started", actor="controller")
    wall.advance(90)
    event = exercise.submit("step_taken", {"step": "cordon"}, actor="seat", unit="towngas")
    assert (event.id, event.scenario_time, event.wall_time) == ("ex1-000002", 90.0, wall.now)
    assert event.payload == {"step": "cordon", "note": ""}


def test_pause_speed_and_jump_drive_scenario_time(exercise: Exercise, wall: FakeWall) -> None:
    exercise.submit("exercise_started", actor="controller")
    wall.advance(600)
    exercise.submit("exercise_paused", actor="controller")
    wall.advance(3600)
    assert exercise.now() == 600
    exercise.submit("exercise_resumed", actor="controller")
    exercise.submit("speed_changed", {"speed": 5}, actor="controller")
    wall.advance(60)
    assert exercise.now() == 900
    exercise.submit("clock_jumped", {"to_seconds": 2400}, actor="controller")
    assert exercise.now() == 2400


def test_injects_fall_due_on_the_clock(exercise: Exercise, wall: FakeWall) -> None:
    exercise.submit("exercise_started", actor="controller")
    assert [i.id for i in exercise.due_injects()] == ["i01_hotline"]
    exercise.release("i01_hotline")
    wall.advance(5 * 60)
    assert [i.id for i in exercise.due_injects()] == ["i02_119", "i03_gas_company_report"]
    exercise.skip("i02_119", "fire seat absent")
    assert [i.id for i in exercise.due_injects()] == ["i03_gas_company_report"]
    with pytest.raises(EventError, match="already released or skipped"):
        exercise.release("i02_119")


def test_conditional_inject_on_a_decision(exercise: Exercise, wall: FakeWall) -> None:
    exercise.submit("exercise_started", actor="controller")
    inject = exercise.scenario.injects_by_id["i08_city_arrives"]
    assert exercise.release_time(inject) is None
    wall.advance(600)
    exercise.submit("level_determined", {"level": "III"}, actor="seat", unit="housing")
    # released 5 minutes after housing determined level III (delay_minutes)
    assert exercise.release_time(inject) == 900
    assert inject not in exercise.due_injects()
    wall.advance(300)
    assert inject in exercise.due_injects()


@pytest.mark.parametrize(
    ("kind", "payload", "unit", "actor", "message"),
    [
        (
            "level_determined",
            {"level": "V"},
            "housing",
            "seat",
            "level_determined: level: Input should be",
        ),
        ("level_determined", {"level": "III"}, "water", "seat", "unit 'water' has no seat"),
        ("level_determined", {"level": "III"}, None, "seat", "needs the unit that acts"),
        (
            "group_activated",
            {"group": "cooking"},
            "health",
            "seat",
            "the plan has no working group 'cooking'",
        ),
        ("step_taken", {"step": "pray"}, "towngas", "seat", "no step or measure 'pray'"),
        (
            "warning_changed",
            {"colour": "red"},
            "housing",
            "seat",
            "no warning is in force to change",
        ),
        ("warning_lifted", {}, "housing", "seat", "no warning is in force to lift"),
        (
            "supply_cut",
            {"user_class": "bakeries"},
            "towngas",
            "seat",
            "unknown user class 'bakeries'",
        ),
        (
            "report_submitted",
            {"report_kind": "phone", "figures": {"deaths": -1}},
            "emergency",
            "seat",
            "figure 'deaths' must not be negative",
        ),
        (
            "report_submitted",
            {"report_kind": "telegram"},
            "emergency",
            "seat",
            "report_kind: Input should be",
        ),
        (
            "report_submitted",
            {"report_kind": "phone", "colour": "red"},
            "emergency",
            "seat",
            "colour: unknown field",
        ),
        ("command_handed_over", {"to": "mars"}, "housing", "seat", "unknown unit or body 'mars'"),
        ("exercise_started", {}, None, "controller", "already started"),
        ("exercise_resumed", {}, None, "controller", "not paused"),
        ("exercise_paused", {}, None, "seat", "cannot come from the seat"),
        ("teleport", {}, None, "controller", "unknown event kind 'teleport'"),
        ("evaluator_rating", {"rating": "A"}, None, "evaluator", "rating: Input should be"),
    ],
)
def test_invalid_events_are_refused_and_change_nothing(
    exercise: Exercise, kind: str, payload: dict, unit: str | None, actor: str, message: str
) -> None:
    exercise.submit("exercise_started", actor="controller")
    before = list(exercise.events)
    with pytest.raises(EventError, match=message.replace("(", r"\(")):
        exercise.submit(kind, payload, actor=actor, unit=unit)  # type: ignore[arg-type]
    assert exercise.events == before


def test_nothing_before_the_start_and_nothing_but_evaluation_after_the_end(
    exercise: Exercise,
) -> None:
    with pytest.raises(EventError, match="has not started"):
        exercise.submit("step_taken", {"step": "cordon"}, actor="seat", unit="towngas")
    exercise.submit("exercise_started", actor="controller")
    exercise.submit("exercise_ended", actor="controller")
    with pytest.raises(EventError, match="has ended"):
        exercise.submit("step_taken", {"step": "cordon"}, actor="seat", unit="towngas")
    note = exercise.submit("evaluator_note", {"text": "现场警戒及时"}, actor="evaluator")
    assert note.kind == "evaluator_note"


def test_the_same_event_id_is_refused(exercise: Exercise) -> None:
    exercise.submit("exercise_started", actor="controller", event_id="e-1")
    with pytest.raises(EventError, match="already recorded"):
        exercise.submit("exercise_paused", actor="controller", event_id="e-1")


def test_warning_and_group_state(exercise: Exercise) -> None:
    exercise.submit("exercise_started", actor="controller")
    exercise.submit("warning_issued", {"colour": "blue"}, actor="seat", unit="housing")
    with pytest.raises(EventError, match="already in force"):
        exercise.submit("warning_issued", {"colour": "red"}, actor="seat", unit="housing")
    exercise.submit("warning_changed", {"colour": "yellow"}, actor="seat", unit="housing")
    exercise.submit("warning_lifted", {}, actor="seat", unit="housing")
    exercise.submit("group_activated", {"group": "medical"}, actor="seat", unit="health")
    with pytest.raises(EventError, match="医疗救护组 is already active"):
        exercise.submit("group_activated", {"group": "medical"}, actor="seat", unit="health")
    exercise.submit("group_stood_down", {"group": "medical"}, actor="seat", unit="health")


def test_live_score_shows_pending_lines_before_their_deadline(
    exercise: Exercise, wall: FakeWall
) -> None:
    exercise.submit("exercise_started", actor="controller")
    exercise.release("i01_hotline")
    wall.advance(10 * 60)
    exercise.release("i03_gas_company_report")
    lines = {line.id: line for line in exercise.score().lines}
    assert lines["phone_report:emergency"].status == "pending"
    assert lines["phone_report:emergency"].due_at == 30 * 60  # told at 10, due 20 minutes later
    wall.advance(25 * 60)
    assert {x.id: x.status for x in exercise.score().lines}["phone_report:emergency"] == "missed"


# --- voiding a mistaken entry (issue 12 §3): kept in the log, no longer counted ---------

PHONE = "phone_report:emergency"
REPORT = {
    "report_kind": "phone",
    "recipients": ["district_government", "district_hq_office", "city_government"],
}


@pytest.fixture
def informed(exercise: Exercise, wall: FakeWall) -> Exercise:
    """Started; the emergency bureau told of the incident at minute 10 (phone report due 30)."""
    ex = exercise
    ex.submit("exercise_started", actor="controller")
    ex.release("i01_hotline")
    wall.advance(10 * 60)
    ex.release("i03_gas_company_report")
    return ex


def _status(exercise: Exercise, line: str) -> str:
    return {x.id: x.status for x in exercise.score().lines}[line]


def test_a_voided_late_phone_report_no_longer_counts(
    informed: Exercise, wall: FakeWall, plan: Plan, scenario: Scenario, rules: ScoringRules
) -> None:
    exercise = informed
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


def test_a_voided_decision_is_no_longer_in_force(informed: Exercise) -> None:
    exercise = informed
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


def test_bad_voids_are_refused_with_their_codes(informed: Exercise) -> None:
    exercise = informed
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


def test_after_the_end_a_void_is_a_correction_of_the_review_stage(
    informed: Exercise, wall: FakeWall, plan: Plan, scenario: Scenario, rules: ScoringRules
) -> None:
    """The review finds a mistaken entry: voided after the end, it is scored out, and the
    log shows it as a correction after the end (docs/scoring.md, "Voids")."""
    exercise = informed
    wall.advance(23 * 60)  # minute 33: the phone report was due at 30
    report = exercise.submit("report_submitted", REPORT, actor="seat", unit="emergency")
    wall.advance(30 * 60)
    ended = exercise.submit("exercise_ended", actor="controller")
    assert _status(exercise, PHONE) == "late"
    wall.advance(15 * 60)  # a quarter of an hour into the review
    void = exercise.submit(
        "entry_voided",
        {"event": report.id, "reason": "住建局的报告误记为应急局"},
        actor="controller",
    )
    assert _status(exercise, PHONE) == "missed"
    assert void.scenario_time == ended.scenario_time  # the scenario clock stands still
    assert void.wall_time == ended.wall_time + 15 * 60
    assert [e.id for e in exercise.events][-3:] == [report.id, ended.id, void.id]
    assert review_corrections(exercise.events) == {void.id}
    stored = score_exercise(plan, scenario, exercise.events, rules)
    assert {x.id: x.status for x in stored.lines}[PHONE] == "missed"
    # still the controller's alone, and never a second time
    assert _refused(exercise, {"event": report.id, "reason": "x"}, "evaluator") == "wrong_actor"
    assert _refused(exercise, {"event": report.id, "reason": "x"}) == "entry_already_voided"
    # nothing else of play is accepted after the end
    with pytest.raises(EventError) as caught:
        exercise.submit("warning_issued", {"colour": "blue"}, actor="seat", unit="housing")
    assert caught.value.refusal.code == "exercise_ended"
