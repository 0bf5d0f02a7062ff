"""Every refusal the core gives a console user reaches them in Chinese.

refusal_text matches the core's English reasons; these tests make each refusal
happen with the real engine, so a reworded core message fails here instead of
showing English on screen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from drill_app.core.events import EventError
from drill_app.core.exercise import Exercise, ReplayClock, sequential_ids
from drill_app.core.plan import Plan
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.ui.act.commanding import refusal_text
from drill_app.ui.act.report_form import PlanWords

CJK = re.compile(r"[\u4e00-\u9fff]")


def exercise(plan: Plan, *, started: bool = True) -> Exercise:
    scenario = load_scenario(plan, SCENARIOS_DIR / "a-shanhai-explosion.yaml")
    ex = Exercise(
        plan,
        scenario,
        load_scoring_rules(DEFAULT_SCORING),
        "x",
        wall_clock=ReplayClock(),
        new_id=sequential_ids("x"),
    )
    if started:
        ex.submit("exercise_started", actor="controller")
    return ex


def seat(ex: Exercise, kind: str, payload: dict[str, Any], unit: str | None = "housing") -> None:
    ex.submit(kind, payload, actor="seat", unit=unit)


SITUATIONS: list[tuple[str, bool, Callable[[Exercise], None]]] = [
    ("not started", False, lambda ex: seat(ex, "level_determined", {"level": "IV"})),
    ("started twice", True, lambda ex: ex.submit("exercise_started", actor="controller")),
    ("resume while running", True, lambda ex: ex.submit("exercise_resumed", actor="controller")),
    ("change with no warning", True, lambda ex: seat(ex, "warning_changed", {"colour": "red"})),
    ("lift with no warning", True, lambda ex: seat(ex, "warning_lifted", {})),
    (
        "issue twice",
        True,
        lambda ex: [
            seat(ex, "warning_issued", {"colour": "blue"}),
            seat(ex, "warning_issued", {"colour": "red"}),
        ],
    ),
    (
        "change to the same colour",
        True,
        lambda ex: [
            seat(ex, "warning_issued", {"colour": "blue"}),
            seat(ex, "warning_changed", {"colour": "blue"}),
        ],
    ),
    (
        "group twice",
        True,
        lambda ex: [
            seat(ex, "group_activated", {"group": "medical"}),
            seat(ex, "group_activated", {"group": "medical"}),
        ],
    ),
    ("stand down inactive", True, lambda ex: seat(ex, "group_stood_down", {"group": "medical"})),
    (
        "cut twice",
        True,
        lambda ex: [
            seat(ex, "supply_cut", {"user_class": "industrial"}),
            seat(ex, "supply_cut", {"user_class": "industrial"}),
        ],
    ),
    ("restore uncut", True, lambda ex: seat(ex, "supply_restored", {"user_class": "industrial"})),
    (
        "end the response twice",
        True,
        lambda ex: [seat(ex, "response_ended", {}), seat(ex, "response_ended", {})],
    ),
    (
        "a unit without a seat",
        True,
        lambda ex: seat(ex, "level_determined", {"level": "IV"}, "water"),
    ),
    ("no unit", True, lambda ex: seat(ex, "level_determined", {"level": "IV"}, None)),
    ("a wrong role", True, lambda ex: ex.submit("exercise_paused", actor="seat", unit="housing")),
    ("an invalid field", True, lambda ex: seat(ex, "level_determined", {"level": "V"})),
    (
        "after the end",
        True,
        lambda ex: [
            ex.submit("exercise_ended", actor="controller"),
            seat(ex, "level_determined", {"level": "IV"}),
        ],
    ),
]


@pytest.mark.parametrize(("name", "started", "cause"), SITUATIONS, ids=[s[0] for s in SITUATIONS])
def test_the_refusal_reads_in_chinese(
    plan: Plan, chinese: None, name: str, started: bool, cause: Callable[[Exercise], None]
) -> None:
    ex = exercise(plan, started=started)
    with pytest.raises(EventError) as refused:
        cause(ex)
    reason = str(refused.value)
    shown = refusal_text(reason, PlanWords(plan, english=False))
    assert shown != reason, f"untranslated: {reason}"
    assert CJK.search(shown), f"no Chinese in {shown!r} (core said {reason!r})"
