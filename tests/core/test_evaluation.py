"""The 100-point sheet, P/S/M/U per objective, findings and reviews of a known replay."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill_app.core.evaluation import covers, evaluate
from drill_app.core.plan import Plan
from drill_app.core.replay import parse_actions, read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import ScoringRules, load_scoring_rules
from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR

FIXTURES = Path(__file__).parent.parent / "fixtures" / "replays"


@pytest.fixture(scope="module")
def rules() -> ScoringRules:
    return load_scoring_rules(DEFAULT_SCORING)


def run(plan: Plan, rules: ScoringRules, name: str, extra: str = ""):  # type: ignore[no-untyped-def]
    scenario = load_scenario(plan, SCENARIOS_DIR / "a-shanhai-explosion.yaml")
    actions = read_actions(FIXTURES / name) + parse_actions(extra, "<extra>")
    exercise, sheet = replay(plan, scenario, rules, actions)
    return scenario, exercise, sheet


def test_the_100_point_sheet_normalises_over_the_categories_exercised(
    plan: Plan, rules: ScoringRules
) -> None:
    scenario, exercise, sheet = run(plan, rules, "a-late-phone.jsonl")
    ev = evaluate(plan, scenario, sheet, exercise.events, rules)
    table = {c.id: (c.weight, c.points, c.max_points, c.applicable, c.score) for c in ev.categories}
    # reporting: 16 lines, 150 points possible, the late phone report earns 5 of 10
    assert table["reporting"] == (25, 145.0, 150.0, True, 24.17)
    # command: 2 levels, the hand-over (10 each), 9 leaders on scene and 1 request (5 each)
    assert table["command"] == (20, 80.0, 80.0, True, 20.0)
    assert table["groups"] == (15, 30.0, 30.0, True, 15.0)
    assert table["response"] == (10, 25.0, 25.0, True, 10.0)
    assert table["scenario"] == (10, 5.0, 5.0, True, 10.0)
    # no warning is due and nothing is shed: 不适用, left out of the total
    assert table["warning"][3] is False and table["supply"][3] is False
    # 100 x (25 x 145/150 + 20 + 15 + 10 + 10) / 80
    assert ev.total == 99.0
    assert ev.grade == "优"


def test_objectives_get_a_suggested_rating_and_the_evaluators_prevails(
    plan: Plan, rules: ScoringRules
) -> None:
    extra = '{"at": 240, "kind": "evaluator_rating", "payload": {"rating": "S", "objective": "reporting", "comment": "电话报告迟报"}}'
    scenario, exercise, sheet = run(plan, rules, "a-late-phone.jsonl")
    ev = evaluate(plan, scenario, sheet, exercise.events, rules)
    by_id = {o.objective.id: o for o in ev.objectives}
    # reporting: §4.1.2/§4.1.3 lines, 105 of 110 points: 95.5 % → P
    assert (by_id["reporting"].points, by_id["reporting"].max_points) == (105.0, 110.0)
    assert (by_id["reporting"].suggested, by_id["reporting"].rating) == ("P", None)
    assert by_id["escalation"].suggested == "P"
    # the evaluators rate it S: their rating is the one that counts
    scenario, exercise, sheet = run(
        plan, rules, "a-late-phone.jsonl", extra.replace('"at": 240', '"at": 200')
    )
    ev = evaluate(plan, scenario, sheet, exercise.events, rules)
    reporting = {o.objective.id: o for o in ev.objectives}["reporting"]
    assert (reporting.rating, reporting.final, reporting.comment) == ("S", "S", "电话报告迟报")


def test_findings_from_the_lines_and_from_the_evaluators(plan: Plan, rules: ScoringRules) -> None:
    scenario, exercise, sheet = run(plan, rules, "a-late-phone.jsonl")
    ev = evaluate(plan, scenario, sheet, exercise.events, rules)
    (finding,) = ev.findings
    assert (finding.kind, finding.grade, finding.plan_ref, finding.unit) == (
        "area_for_improvement",
        "improvement",
        "§4.1.2",
        "emergency",
    )
    assert finding.text.endswith("（迟7分钟）")
    assert not finding.from_evaluators
    extra = "\n".join(
        [
            '{"at": 200, "kind": "finding_recorded", "payload": {"finding": "area_for_improvement", "text": "值班员未按流程先电话后核实", "plan_ref": "§4.1.2", "cause": "值班制度未明确电话报告时限", "grade": "rectification", "about_unit": "emergency"}}',
            '{"at": 200, "kind": "finding_recorded", "payload": {"finding": "strength", "text": "先期处置迅速", "plan_ref": "§5.1.1"}}',
            '{"at": 201, "kind": "review_recorded", "payload": {"stage": "onsite_review", "text": "整体处置有序", "by": "王主任"}}',
            '{"at": 202, "kind": "review_recorded", "payload": {"stage": "self_assessment", "text": "电话报告迟了", "about_unit": "emergency"}}',
        ]
    )
    scenario, exercise, sheet = run(plan, rules, "a-late-phone.jsonl", extra)
    ev = evaluate(plan, scenario, sheet, exercise.events, rules)
    # the evaluators' finding on §4.1.2 replaces the one derived from the line
    assert [(f.kind, f.plan_ref, f.grade, f.from_evaluators) for f in ev.findings] == [
        ("area_for_improvement", "§4.1.2", "rectification", True),
        ("strength", "§5.1.1", None, True),
    ]
    assert [(r.stage, r.unit) for r in ev.reviews] == [
        ("onsite_review", None),
        ("self_assessment", "emergency"),
    ]
    housing = evaluate(plan, scenario, sheet, exercise.events, rules, unit="housing")
    assert [r.stage for r in housing.reviews] == ["onsite_review"]
    assert all(line.unit == "housing" for line in housing.lines)


def test_covers_only_whole_sections() -> None:
    assert covers(["§5.1.1"], "§5.1.1.2")
    assert covers(["§5.3.2.1"], "§5.3.2.1(2)")
    assert covers(["§4.1.2"], "§4.1.2")
    assert not covers(["§5.1"], "§5.10")
    assert not covers(["§4.1.2"], "§4.1.3")


def test_the_engines_grade_is_the_printed_sheets(plan: Plan, rules: ScoringRules) -> None:
    scenario, exercise, sheet = run(plan, rules, "a-late-phone.jsonl")
    ev = evaluate(plan, scenario, sheet, exercise.events, rules)
    assert sheet.sheet_total == ev.total == 99.0
    assert sheet.grade.grade == ev.grade == "优"
    assert sheet.overall.percent == 98.3  # the share of points, a different figure
