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
        # a 次高压A pipe is a 次高压 pipe (§3.3.2(2)): 0.2 is not red but is below 0.4
        ({"subhigh_a_pressure_mpa": 0.2, "pressure_falling_after_supplement": True}, "orange"),
        ({"subhigh_a_pressure_mpa": 0.25, "pressure_falling_after_supplement": True}, "orange"),
        ({"subhigh_a_pressure_mpa": 0.39, "pressure_falling_after_supplement": True}, "orange"),
        ({"subhigh_a_pressure_mpa": 0.4, "pressure_falling_after_supplement": True}, None),
        ({"subhigh_a_pressure_mpa": 0.25, "pressure_falling_after_supplement": False}, None),
        ({"high_a_pressure_mpa": 0.79, "pressure_falling_after_supplement": True}, "red"),
        # a 高压A pipe is a 高压 pipe: below 1.6 MPa is orange
        ({"high_a_pressure_mpa": 0.8, "pressure_falling_after_supplement": True}, "orange"),
        ({"high_a_pressure_mpa": 1.59, "pressure_falling_after_supplement": True}, "orange"),
        ({"high_a_pressure_mpa": 1.6, "pressure_falling_after_supplement": True}, None),
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
    red, orange = result.reasons
    assert (red.ref, orange.ref) == ("§3.3.1(2)", "§3.3.2(2)")
    assert (
        dict(red.values)
        == dict(orange.values)
        == {
            "high_a_pressure_mpa": 0.5,
            "pressure_falling_after_supplement": True,
        }
    )


def test_the_lowest_reading_of_a_network_counts(plan: Plan) -> None:
    # 次高压 0.45 (fine) but its 次高压A part at 0.25: the network is below 0.4 MPa
    result = classify_warning(
        plan,
        {
            "subhigh_pressure_mpa": 0.45,
            "subhigh_a_pressure_mpa": 0.25,
            "pressure_falling_after_supplement": True,
        },
    )
    assert result.colour == "orange"
    assert dict(result.reasons[0].values)["subhigh_a_pressure_mpa"] == 0.25


def test_demand_and_households_disagree_the_higher_wins_by_default(plan: Plan) -> None:
    # Setting warning_demand_households = either.
    result = classify_warning(plan, {"demand_excess_pct": 12, "households_affected": 35000})
    assert result.colour == "orange"
    assert [(r.criterion, r.colour) for r in result.reasons] == [
        ("households_affected", "orange"),
        ("demand_forecast", "yellow"),
    ]


def _literal(plan: Plan) -> Plan:
    setting = plan.settings.warning_demand_households.model_copy(update={"value": "both"})
    return plan.model_copy(
        update={"settings": plan.settings.model_copy(update={"warning_demand_households": setting})}
    )


@pytest.mark.parametrize(
    ("demand", "households", "colour"),
    [
        # both halves of item (1) must hold; blue's "高于…10%" read literally (10 % or more),
        # so the household count separates blue (< 10,000) from yellow (10,000 – < 30,000)
        (15, 5000, "blue"),
        (10, 9999, "blue"),
        (15, 15000, "yellow"),
        (40, 40000, "orange"),
        (60, 60000, "red"),
        (40, 5000, "blue"),
        (5, 5000, None),  # blue's demand half (above plan by 10 %) does not hold
        (12, 35000, None),  # no colour has both halves
        (40, None, None),  # one half alone is not the item
    ],
)
def test_literal_reading_needs_both_halves(
    plan: Plan, demand: float, households: int | None, colour: str | None
) -> None:
    facts: dict[str, float] = {"demand_excess_pct": demand}
    if households is not None:
        facts["households_affected"] = households
    result = classify_warning(_literal(plan), facts)
    assert result.colour == colour
    if colour is not None:
        assert {r.criterion for r in result.reasons} == {"demand_forecast", "households_affected"}
        assert {r.colour for r in result.reasons} == {colour}


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
