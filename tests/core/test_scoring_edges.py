"""Scoring rules at their edges, each on a short inline replay of a built-in scenario."""

from __future__ import annotations

import json

import pytest

from drill_app.core.plan import Plan
from drill_app.core.replay import parse_actions, replay
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import Line, ScoringRules, load_scoring_rules
from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR

M = 60.0


@pytest.fixture(scope="module")
def rules() -> ScoringRules:
    return load_scoring_rules(DEFAULT_SCORING)


def scenario(plan: Plan, name: str) -> Scenario:
    return load_scenario(plan, SCENARIOS_DIR / name)


def lines(plan: Plan, sc: Scenario, rules: ScoringRules, *actions: dict) -> dict[str, Line]:
    text = "\n".join(json.dumps(a, ensure_ascii=False) for a in actions)
    _, sheet = replay(plan, sc, rules, parse_actions(text, "<test>"))
    return {line.id: line for line in sheet.lines}


def test_a_level_determined_when_no_criterion_is_met_is_wrong(
    plan: Plan, rules: ScoringRules
) -> None:
    # scenario c before its loss figure arrives has no level; determine III at minute 1
    sc = scenario(plan, "c-lpg-leak.yaml")
    got = lines(
        plan,
        sc,
        rules,
        {"at": 1, "unit": "housing", "kind": "level_determined", "payload": {"level": "III"}},
    )
    first_level = got.get("level:IV")
    assert first_level is not None  # the facts do reach IV later
    assert first_level.status == "wrong"  # III was never re-determined as IV
    # on facts that never reach a level, the determination is its own wrong line
    sa = scenario(plan, "a-shanhai-explosion.yaml")
    no_facts = sa.model_copy(
        update={"injects": [i.model_copy(update={"facts": {}}) for i in sa.injects]}
    )
    got = lines(
        plan,
        no_facts,
        rules,
        {"at": 30, "unit": "housing", "kind": "level_determined", "payload": {"level": "IV"}},
    )
    line = got["level:unwarranted"]
    assert (line.status, line.done_at, line.plan_ref) == ("wrong", 30 * M, "§1.6.2")
    assert line.detail == "判定为IV级，依据事实未达到分级标准"


def test_a_level_determined_ahead_of_the_facts_counts_once_they_reach_it(
    plan: Plan, rules: ScoringRules
) -> None:
    sc = scenario(plan, "a-shanhai-explosion.yaml")
    # III determined at 60, before the third death at 70 makes it III
    got = lines(
        plan,
        sc,
        rules,
        {"at": 20, "unit": "housing", "kind": "level_determined", "payload": {"level": "IV"}},
        {"at": 60, "unit": "housing", "kind": "level_determined", "payload": {"level": "III"}},
    )
    assert (got["level:III"].status, got["level:III"].done_at) == ("met", 60 * M)
    assert got["level:IV"].status == "met"


def test_initial_level_none_completes_the_report_before_any_level(
    plan: Plan, rules: ScoringRules
) -> None:
    sc = scenario(plan, "a-shanhai-explosion.yaml")
    fields = dict.fromkeys(
        (
            "time",
            "place",
            "source",
            "category",
            "course",
            "property_loss",
            "casualties",
            "measures_taken",
            "secondary_hazards",
            "nearby_hazards",
            "alerts_issued",
            "evacuation_needed",
            "support_needed",
            "urgent_problems",
            "onsite_contact",
            "reporter_contact",
        ),
        "有",
    )
    got = lines(
        plan,
        sc,
        rules,
        {
            "at": 30,
            "unit": "housing",
            "kind": "report_submitted",
            "payload": {"report_kind": "written", "fields": {**fields, "initial_level": "none"}},
        },
    )
    assert got["report_content:housing"].status == "met"
    got = lines(
        plan,
        sc,
        rules,
        {
            "at": 30,
            "unit": "housing",
            "kind": "report_submitted",
            "payload": {"report_kind": "written", "fields": fields},
        },
    )
    assert got["report_content:housing"].status == "wrong"
    assert got["report_content:housing"].detail == "缺少：对事件的初判级别"


def test_groups_required_by_the_category_are_due_from_when_it_is_known(
    plan: Plan, rules: ScoringRules
) -> None:
    # scenario d: the street knows at 0, but the district HQ's seat (区住建局) learns at 5,
    # with the first facts; the groups are the HQ's to activate (§5.3.1), due 30 later
    sc = scenario(plan, "d-abandoned-supply.yaml")
    got = lines(plan, sc, rules)
    assert (got["group:supply"].unit, got["group:supply"].due_at) == ("housing", 35 * M)
    assert got["group:experts"].due_at == 35 * M


def test_shortage_measures_only_for_a_shortage(plan: Plan, rules: ScoringRules) -> None:
    got_d = lines(plan, scenario(plan, "d-abandoned-supply.yaml"), rules)
    assert "step:protect_key_users" not in got_d  # 弃供 is no shortage of gas
    got_b = lines(plan, scenario(plan, "b-winter-shortage.yaml"), rules)
    assert got_b["step:protect_key_users"].plan_ref == "§5.3.2.2(1)"
