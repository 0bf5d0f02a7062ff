"""What the host tells a seat about its own unit (its actions under the plan, its deadlines
when shown), the voids of its own entries, and its injects' attachments."""

from __future__ import annotations

import pytest
from roomtest import FIXTURES

from drill_app.core.exercise import Exercise, ReplayClock, sequential_ids
from drill_app.core.plan import Plan
from drill_app.core.scenario import Scenario, load_scenario, scenario_from_document
from drill_app.core.scoring import ScoringRules
from drill_app.core.seat_actions import COMMAND_SEAT, seat_actions
from drill_app.core.sourcefile import parse_yaml
from drill_app.net.briefing import Briefer
from drill_app.net.visibility import Known, Viewer, stream, view_of

SHORT = FIXTURES / "short-explosion.yaml"


def running(plan: Plan, rules: ScoringRules, scenario: Scenario) -> Exercise:
    """The exercise started, at minute 3: i01 (gas company, street) and i02 (fire …) out."""
    clock = ReplayClock()
    exercise = Exercise(plan, scenario, rules, "t", wall_clock=clock, new_id=sequential_ids("t"))
    exercise.submit("exercise_started", actor="controller")
    clock.now = 180.0
    for inject in exercise.due_injects():
        exercise.release(inject.id)
    return exercise


@pytest.fixture
def played(plan: Plan, rules: ScoringRules) -> Exercise:
    """Running; the gas company and fire have each reported."""
    exercise = running(plan, rules, load_scenario(plan, SHORT))
    report = {"report_kind": "phone", "recipients": ["district_government"]}
    exercise.submit("report_submitted", report, actor="seat", unit="towngas")
    exercise.submit("report_submitted", report, actor="seat", unit="fire")
    return exercise


def test_a_seat_sees_the_void_of_its_own_entry_and_no_other(played: Exercise) -> None:
    own = next(e for e in played.events if e.unit == "towngas" and e.kind == "report_submitted")
    fire = next(e for e in played.events if e.unit == "fire" and e.kind == "report_submitted")
    played.submit("entry_voided", {"event": own.id, "reason": "误报"}, actor="controller")
    played.submit("entry_voided", {"event": fire.id, "reason": "重复"}, actor="controller")
    voids = [e for e in played.events if e.kind == "entry_voided"]
    gas = [v for v in stream(played.events, Viewer("seat", "towngas")) if v.kind == "entry_voided"]
    assert [(v.payload["event"], v.payload["reason"]) for v in gas] == [(own.id, "误报")]
    assert set(gas[0].payload) == {"event", "reason"}
    known = Known.of(played.scenario, lambda: played.events)
    assert view_of(voids[0], Viewer("seat", "towngas"), known) is not None  # live fan-out too
    assert view_of(voids[1], Viewer("seat", "towngas"), known) is None
    assert view_of(voids[0], Viewer("seat", "towngas")) is None  # nothing known: nothing shown


def test_an_injects_attachments_reach_its_recipients_as_the_scenario_lists_them(
    plan: Plan, rules: ScoringRules
) -> None:
    text = SHORT.read_text(encoding="utf-8").replace(
        "    informs_incident: true\n",
        "    informs_incident: true\n    attachments:\n      - {name: 现场照片.jpg, description: 外景}\n",
        1,
    )
    scenario = scenario_from_document(plan, parse_yaml(text, "<test>"))
    exercise = running(plan, rules, scenario)
    views = list(stream(exercise.events, Viewer("seat", "towngas"), Known.of(scenario, list)))
    first = next(v for v in views if v.kind == "inject_delivered")
    assert first.payload["attachments"] == [{"name": "现场照片.jpg", "description": "外景"}]


def test_the_actions_of_a_seat_follow_the_plan(plan: Plan) -> None:
    scenario = load_scenario(plan, SHORT)
    housing = seat_actions(plan, scenario, "housing")  # roles.district_command
    gas = seat_actions(plan, scenario, "towngas")
    assert housing >= COMMAND_SEAT
    assert "level_determined" not in gas and "group_activated" not in gas  # §4.2, §5.3.1
    assert {"report_submitted", "step_taken", "supply_cut", "sensitive_determined"} <= gas
    assert seat_actions(plan, scenario, "water") == frozenset()  # no seat in this scenario


class _Connection:
    """Stands for one client's connection (the briefer remembers what each was sent)."""


def test_deadlines_travel_only_when_shown_and_only_the_units_own(played: Exercise) -> None:
    hidden = Briefer("", show_deadlines=False, roster={})
    assert hidden.open_lines(played) == {}
    assert hidden.changed(_Connection(), {}, "towngas") is None
    shown = Briefer("", show_deadlines=True, roster={})
    conn = _Connection()
    lines = shown.open_lines(played)
    first = shown.changed(conn, lines, "street")
    assert first is not None  # the first time, always (an empty list says "nothing due")
    assert shown.changed(conn, lines, "street") is None  # unchanged: not sent again
    scored = {line.id: line for line in played.score().lines}
    assert first.obligations, "i01 told the street office: it owes reports and steps"
    assert {scored[o.id].unit for o in first.obligations} == {"street"}
    assert [o.due_at for o in first.obligations] == sorted(o.due_at for o in first.obligations)
    played.submit("exercise_ended", actor="controller")
    ended = shown.changed(conn, shown.open_lines(played), "street")
    assert ended is not None and ended.obligations == []  # nothing is owed once it ended
