"""What a seat may see (issue 15 §4), decided by the host from the event and the viewer."""

from __future__ import annotations

import pytest
from roomtest import FIXTURES

from drill_app.core.plan import Plan
from drill_app.core.replay import parse_actions, read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import ScoringRules
from drill_app.net.visibility import SEAT_KINDS, Viewer, stream
from drill_app.paths import SCENARIOS_DIR

ACTIONS = FIXTURES.parent.parent / "fixtures" / "replays" / "a-late-phone.jsonl"


@pytest.fixture(scope="module")
def played(plan: Plan, rules: ScoringRules):  # type: ignore[no-untyped-def]
    scenario = load_scenario(plan, SCENARIOS_DIR / "a-shanhai-explosion.yaml")
    extra = parse_actions(
        '{"at": 50, "unit": "fire", "kind": "report_submitted", '
        '"payload": {"report_kind": "followup", "recipients": ["police"]}}',
        "<extra>",
    )
    exercise, _ = replay(plan, scenario, rules, [*read_actions(ACTIONS), *extra])
    exercise.submit(
        "evaluator_note",
        {"text": "应急局电话报告迟报", "about_unit": "emergency"},
        actor="evaluator",
    )
    return exercise


def test_a_seat_sees_its_injects_its_actions_and_what_is_addressed_to_it(played) -> None:  # type: ignore[no-untyped-def]
    seen = list(stream(played.events, Viewer("seat", "emergency")))
    kinds = [v.kind for v in seen]
    assert kinds[0] == "exercise_started" and kinds[-1] == "exercise_ended"
    injects = [v for v in seen if v.kind == "inject_delivered"]
    delivered_to_emergency = [
        e for e in played.events if e.kind == "inject_delivered" and "emergency" in e.payload["to"]
    ]
    assert [v.id for v in injects] == [e.id for e in delivered_to_emergency]
    for view in injects:
        assert set(view.payload) == {"title", "text", "source", "to", "attachments"}
        assert view.payload["to"] == ["emergency"]
    actions = [v for v in seen if v.kind in SEAT_KINDS]
    assert {v.unit for v in actions} == {"emergency"}
    own_lines = [a for a in read_actions(ACTIONS) if a.unit == "emergency"]
    assert sorted((v.kind, v.scenario_time) for v in actions) == sorted(
        (a.kind, a.at * 60) for a in own_lines
    )
    assert "evaluator_note" not in kinds


def test_a_report_addressed_to_a_unit_reaches_that_unit_only(played) -> None:  # type: ignore[no-untyped-def]
    police = list(stream(played.events, Viewer("seat", "police")))
    health = list(stream(played.events, Viewer("seat", "health")))
    from_fire = [v for v in police if v.unit == "fire"]
    assert [(v.kind, v.payload["recipients"]) for v in from_fire] == [
        ("report_submitted", ["police"])
    ]
    assert all(v.unit in (None, "health") for v in health)


def test_a_seat_never_sees_facts_future_injects_or_evaluations(played) -> None:  # type: ignore[no-untyped-def]
    for unit in played.scenario.seats:
        for view in stream(played.events, Viewer("seat", unit)):
            assert "facts" not in view.payload
            assert view.kind not in (
                "evaluator_note",
                "evaluator_rating",
                "inject_skipped",
                "host_restarted",
            )
            if view.kind == "inject_delivered":
                assert view.payload["to"] == [unit]


def test_an_observer_sees_everything(played) -> None:  # type: ignore[no-untyped-def]
    assert [v.id for v in stream(played.events, Viewer("observer"))] == [
        e.id for e in played.events
    ]
