"""Incident level (§1.6.2): every boundary of every criterion, from both sides.

以上 includes the number, 以下 excludes it; IV of clause (1) needs a positive value
(reading level_iv_floor in the plan file).
"""

from __future__ import annotations

import pytest

from drill_app.core.plan import Plan
from drill_app.core.rules import classify_level

# (fact, value, expected level, expected § of the firing band)
EDGES = [
    # deaths: IV (0,3), III [3,10), II [10,30), I >= 30
    ("deaths", 0, None, None),
    ("deaths", 1, "IV", "§1.6.2.4(1)"),
    ("deaths", 2, "IV", "§1.6.2.4(1)"),
    ("deaths", 3, "III", "§1.6.2.3(1)"),
    ("deaths", 9, "III", "§1.6.2.3(1)"),
    ("deaths", 10, "II", "§1.6.2.2(1)"),
    ("deaths", 29, "II", "§1.6.2.2(1)"),
    ("deaths", 30, "I", "§1.6.2.1(1)"),
    # serious injuries: IV (0,10), III [10,50), II [50,100), I >= 100
    ("serious_injuries", 0, None, None),
    ("serious_injuries", 1, "IV", "§1.6.2.4(1)"),
    ("serious_injuries", 9, "IV", "§1.6.2.4(1)"),
    ("serious_injuries", 10, "III", "§1.6.2.3(1)"),
    ("serious_injuries", 49, "III", "§1.6.2.3(1)"),
    ("serious_injuries", 50, "II", "§1.6.2.2(1)"),
    ("serious_injuries", 99, "II", "§1.6.2.2(1)"),
    ("serious_injuries", 100, "I", "§1.6.2.1(1)"),
    # direct loss (yuan): IV (0, 1e7), III [1e7, 5e7), II [5e7, 1e8), I >= 1e8
    ("direct_loss_yuan", 0, None, None),
    ("direct_loss_yuan", 0.01, "IV", "§1.6.2.4(1)"),
    ("direct_loss_yuan", 9_999_999, "IV", "§1.6.2.4(1)"),
    ("direct_loss_yuan", 10_000_000, "III", "§1.6.2.3(1)"),
    ("direct_loss_yuan", 49_999_999.99, "III", "§1.6.2.3(1)"),
    ("direct_loss_yuan", 50_000_000, "II", "§1.6.2.2(1)"),
    ("direct_loss_yuan", 99_999_999, "II", "§1.6.2.2(1)"),
    ("direct_loss_yuan", 100_000_000, "I", "§1.6.2.1(1)"),
    # households without gas for 24 h: IV [1000, 1e4), III [1e4, 3e4), II [3e4, 5e4), I >= 5e4
    ("households_without_gas_24h", 999, None, None),
    ("households_without_gas_24h", 1000, "IV", "§1.6.2.4(2)"),
    ("households_without_gas_24h", 9999, "IV", "§1.6.2.4(2)"),
    ("households_without_gas_24h", 10000, "III", "§1.6.2.3(2)"),
    ("households_without_gas_24h", 29999, "III", "§1.6.2.3(2)"),
    ("households_without_gas_24h", 30000, "II", "§1.6.2.2(2)"),
    ("households_without_gas_24h", 49999, "II", "§1.6.2.2(2)"),
    ("households_without_gas_24h", 50000, "I", "§1.6.2.1(2)"),
    # over-pressure evacuation: IV (0, 1000), III [1000, 5000), II [5000, 50000), I >= 50000
    ("evacuated_people", 0, None, None),
    ("evacuated_people", 1, "IV", "§1.6.2.4(2)"),
    ("evacuated_people", 999, "IV", "§1.6.2.4(2)"),
    ("evacuated_people", 1000, "III", "§1.6.2.3(2)"),
    ("evacuated_people", 4999, "III", "§1.6.2.3(2)"),
    ("evacuated_people", 5000, "II", "§1.6.2.2(2)"),
    ("evacuated_people", 49999, "II", "§1.6.2.2(2)"),
    ("evacuated_people", 50000, "I", "§1.6.2.1(2)"),
]


@pytest.mark.parametrize(("fact", "value", "level", "ref"), EDGES)
def test_each_boundary_from_both_sides(
    plan: Plan, fact: str, value: float, level: str | None, ref: str | None
) -> None:
    result = classify_level(plan, {fact: value})
    assert result.level == level
    if level is None:
        assert result.reasons == ()
    else:
        assert [(r.fact, r.level, r.ref) for r in result.reasons] == [(fact, level, ref)]


def test_no_facts_no_level(plan: Plan) -> None:
    assert classify_level(plan, {}).level is None


def test_cordon_evacuation_is_not_a_level_criterion(plan: Plan) -> None:
    # Reading evacuation_meaning: people leaving a leak cordon do not set the level.
    assert classify_level(plan, {"cordon_evacuated_people": 20000}).level is None


def test_highest_level_of_any_criterion_wins_and_all_fired_are_named(plan: Plan) -> None:
    result = classify_level(
        plan,
        {
            "deaths": 2,
            "serious_injuries": 12,
            "direct_loss_yuan": 60_000_000,
            "evacuated_people": 10,
        },
    )
    assert result.level == "II"
    assert [(r.criterion, r.level, r.ref) for r in result.reasons] == [
        ("direct_loss", "II", "§1.6.2.2(1)"),
        ("serious_injuries", "III", "§1.6.2.3(1)"),
        ("deaths", "IV", "§1.6.2.4(1)"),
        ("overpressure_evacuation", "IV", "§1.6.2.4(2)"),
    ]


def test_the_band_text_is_the_plans_own_words(plan: Plan) -> None:
    result = classify_level(plan, {"deaths": 5})
    assert result.reasons[0].text == "3人以上10人以下死亡"


def test_flags_do_not_count_as_numbers(plan: Plan) -> None:
    assert classify_level(plan, {"explosion": True, "gas_leak": True}).level is None
