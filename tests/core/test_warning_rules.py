"""Warning colour (§3.3): bands, their shared edges, pressures, and combinations."""

from __future__ import annotations

import pytest

from drill_app.core.plan import Plan
from drill_app.core.rules import classify_warning

DEMAND_EDGES = [
    (0, None, None),
    (0.1, "blue", "§3.3.4(1)"),
    (9.99, "blue", "§3.3.4(1)"),
    (10, "yellow", "§3.3.3(1)"),  # shared edge goes to the higher colour
    (29.9, "yellow", "§3.3.3(1)"),
    (30, "orange", "§3.3.2(1)"),
    (35, "orange", "§3.3.2(1)"),
    (50, "orange", "§3.3.2(1)"),  # red needs more than 50 %
    (50.01, "red", "§3.3.1(1)"),
]

HOUSEHOLD_EDGES = [
    (0, None, None),
    (1, "blue", "§3.3.4(1)"),
    (9999, "blue", "§3.3.4(1)"),
    (10000, "yellow", "§3.3.3(1)"),
    (29999, "yellow", "§3.3.3(1)"),
    (30000, "orange", "§3.3.2(1)"),
    (49999, "orange", "§3.3.2(1)"),
    (50000, "red", "§3.3.1(1)"),
]


@pytest.mark.parametrize(("value", "colour", "ref"), DEMAND_EDGES)
def test_demand_forecast_bands(plan: Plan, value: float, colour: str, ref: str) -> None:
    result = classify_warning(plan, {"demand_excess_pct": value})
    assert result.colour == colour
    assert [r.ref for r in result.reasons] == ([ref] if ref else [])


@pytest.mark.parametrize(("value", "colour", "ref"), HOUSEHOLD_EDGES)
def test_households_affected_bands(plan: Plan, value: int, colour: str, ref: str) -> None:
    result = classify_warning(plan, {"households_affected": value})
    assert result.colour == colour
    assert [r.ref for r in result.reasons] == ([ref] if ref else [])


@pytest.mark.parametrize(
    ("facts", "colour"),
    [
        # red: sub-high A < 0.2 or high A < 0.8, and still falling after supplementary gas
        ({"subhigh_a_pressure_mpa": 0.19, "pressure_falling_after_supplement": True}, "red"),
        ({"subhigh_a_pressure_mpa": 0.2, "pressure_falling_after_supplement": True}, None),
        ({"high_a_pressure_mpa": 0.79, "pressure_falling_after_supplement": True}, "red"),
        ({"high_a_pressure_mpa": 0.8, "pressure_falling_after_supplement": True}, None),
        ({"subhigh_a_pressure_mpa": 0.1, "pressure_falling_after_supplement": False}, None),
        ({"subhigh_a_pressure_mpa": 0.1}, None),
        # orange: sub-high < 0.4 or high < 1.6, still falling
        ({"subhigh_pressure_mpa": 0.39, "pressure_falling_after_supplement": True}, "orange"),
        ({"subhigh_pressure_mpa": 0.4, "pressure_falling_after_supplement": True}, None),
        ({"high_pressure_mpa": 1.59, "pressure_falling_after_supplement": True}, "orange"),
        ({"high_pressure_mpa": 1.6, "pressure_falling_after_supplement": True}, None),
        ({"high_pressure_mpa": 1.0, "pressure_falling_after_supplement": False}, None),
    ],
)
def test_pressure_criteria_need_the_falling_condition(
    plan: Plan, facts: dict[str, float | bool], colour: str | None
) -> None:
    assert classify_warning(plan, facts).colour == colour


def test_pressure_reason_cites_the_clause_and_values(plan: Plan) -> None:
    result = classify_warning(
        plan, {"high_a_pressure_mpa": 0.5, "pressure_falling_after_supplement": True}
    )
    (reason,) = result.reasons
    assert reason.ref == "§3.3.1(2)"
    assert dict(reason.values) == {
        "high_a_pressure_mpa": 0.5,
        "pressure_falling_after_supplement": True,
    }


def test_demand_and_households_disagree_the_higher_wins_by_default(plan: Plan) -> None:
    # Setting warning_demand_households = either.
    result = classify_warning(plan, {"demand_excess_pct": 12, "households_affected": 35000})
    assert result.colour == "orange"
    assert [(r.criterion, r.colour) for r in result.reasons] == [
        ("households_affected", "orange"),
        ("demand_forecast", "yellow"),
    ]


def test_both_reading_needs_both_conditions(plan: Plan) -> None:
    setting = plan.settings.warning_demand_households.model_copy(update={"value": "both"})
    strict = plan.model_copy(
        update={"settings": plan.settings.model_copy(update={"warning_demand_households": setting})}
    )
    assert (
        classify_warning(strict, {"demand_excess_pct": 12, "households_affected": 35000}).colour
        == "yellow"
    )
    assert classify_warning(strict, {"demand_excess_pct": 40}).colour is None


def test_highest_colour_across_criteria(plan: Plan) -> None:
    result = classify_warning(
        plan,
        {
            "demand_excess_pct": 5,
            "subhigh_pressure_mpa": 0.3,
            "pressure_falling_after_supplement": True,
        },
    )
    assert result.colour == "orange"
    assert [r.colour for r in result.reasons] == ["orange", "blue"]


def test_nothing_given_no_warning(plan: Plan) -> None:
    assert classify_warning(plan, {}).colour is None
