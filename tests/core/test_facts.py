"""The facts vocabulary: every class of bad input is refused with a clear reason."""

from __future__ import annotations

import pytest

from drill_app.core.facts import FACTS_BY_KEY, FactsError, validate_facts

ISSUE_VOCABULARY = [
    "deaths",
    "serious_injuries",
    "direct_loss_yuan",
    "households_without_gas_24h",
    "evacuated_people",
    "demand_excess_pct",
    "households_affected",
    "subhigh_a_pressure_mpa",
    "high_a_pressure_mpa",
    "subhigh_pressure_mpa",
    "high_pressure_mpa",
    "pressure_falling_after_supplement",
]


def test_the_shared_vocabulary_is_complete() -> None:
    for key in ISSUE_VOCABULARY:
        assert key in FACTS_BY_KEY


def test_valid_facts_pass_unchanged() -> None:
    facts = {"deaths": 2, "direct_loss_yuan": 1.5e6, "pressure_falling_after_supplement": True}
    assert validate_facts(facts) == facts


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([1, 2], "facts must be an object"),
        ("deaths", "facts must be an object"),
        (None, "facts must be an object"),
        ({"death": 1}, "unknown fact 'death'"),
        ({"deaths": -1}, "fact 'deaths' must not be negative, got -1"),
        ({"deaths": "3"}, "fact 'deaths' must be a number, got text '3'"),
        ({"deaths": True}, "fact 'deaths' must be a number, got a boolean"),
        ({"deaths": None}, "fact 'deaths' must be a number, got null"),
        ({"deaths": 2.5}, "fact 'deaths' is a count and must be a whole number"),
        ({"direct_loss_yuan": float("nan")}, "must be a finite number"),
        ({"direct_loss_yuan": float("inf")}, "must be a finite number"),
        ({"pressure_falling_after_supplement": 1}, "must be true or false"),
        ({"demand_excess_pct": [35]}, "must be a number, got a list"),
    ],
)
def test_bad_facts_are_refused_with_the_reason(raw: object, message: str) -> None:
    with pytest.raises(FactsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        validate_facts(raw)
