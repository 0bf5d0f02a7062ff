"""The status board's columns, derived from the plan and the scenario before the drill starts
(drill_app.core.board_columns): every line a recorded run raises falls in one of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill_app.core.board_columns import COLUMN_ORDER, board_columns, line_column
from drill_app.core.plan import Plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR

REPLAYS = Path(__file__).parent.parent / "fixtures" / "replays"
SCENARIOS = sorted(SCENARIOS_DIR.glob("*.yaml"))

EXPECTED = {
    # safety, IV → III (§1.6.2.3): the city HQ arrives (§5.3.1.7), the escalation asks the
    # city departments (§5.2.1); the city ends the response, so no district authority duty;
    # no §3.3 fact, no warning; no load shedding.
    "a": "phone written content followup level handover request group step scenario other",
    # supply, city-wide (§1.7): the city HQ's orange warning relayed, load shedding (§5.1.2),
    # level IV result report (§5.2.1); the city leads, ends and informs.
    "b": "phone written content followup result level group warning step supply scenario other",
    # safety, IV throughout: the district ends the response and informs (§5.5, §5.6).
    "c": "phone written content followup result level group step authority scenario other",
    # supply, IV, a sensitive event (§4.1.2), a blue or yellow warning the district issues.
    "d": (
        "phone written content followup sensitive result level group warning step authority "
        "scenario other"
    ),
}


@pytest.fixture(scope="module", params=SCENARIOS, ids=lambda p: p.name[0])
def built_in(request: pytest.FixtureRequest, plan: Plan) -> tuple[str, Scenario]:
    """(the scenario's letter, the scenario)"""
    return request.param.name[0], load_scenario(plan, request.param)


def test_each_built_in_scenario_lays_out_its_columns(
    plan: Plan, built_in: tuple[str, Scenario]
) -> None:
    letter, scenario = built_in
    assert board_columns(plan, scenario) == tuple(EXPECTED[letter].split())


def test_every_line_of_every_recorded_run_falls_in_a_laid_out_column(
    plan: Plan, built_in: tuple[str, Scenario]
) -> None:
    """The perfect run and each variant: no line lands outside the derived set, and only
    the lines a trainee's unwarranted act raises (not the scenario) fall in "other"."""
    letter, scenario = built_in
    rules = load_scoring_rules(DEFAULT_SCORING)
    kinds = {o.id: o.kind for o in plan.reporting.obligations}
    columns = board_columns(plan, scenario)
    filled: set[str] = set()
    in_other: list[str] = []
    for path in sorted(REPLAYS.glob(f"{letter}-*.jsonl")):
        _exercise, sheet = replay(plan, scenario, rules, read_actions(path), file=str(path))
        for line in sheet.lines:
            column = line_column(line.kind, line.id, kinds)
            assert column in COLUMN_ORDER
            if column not in columns:
                in_other.append(f"{path.stem}/{line.id}")
            filled.add(column)
    expected_other = {
        "a": ["a-wrong-supply-order/supply_order", "a-wrong-warning/warning:unwarranted"],
        "c": ["c-wrong-warning/warning:unwarranted"],
    }
    assert in_other == expected_other.get(letter, [])
    # every derived column but the fallback is filled by some recorded run
    assert set(columns) - filled == {"other"}


def test_the_columns_follow_the_scenario_not_a_fixed_list(plan: Plan) -> None:
    c = load_scenario(plan, SCENARIOS_DIR / "c-lpg-leak.yaml")
    assert "warning" not in board_columns(plan, c)
    injects = list(c.injects)
    # the city HQ issues a warning: the district relays it (§3.6)
    warned = injects[0].model_copy(update={"city_warning": "orange"})
    with_warning = c.model_copy(update={"injects": [warned, *injects[1:]]})
    assert "warning" in board_columns(plan, with_warning)
    # the facts make it sensitive (§4.1.2): the sensitive-event report
    sensitive = injects[0].model_copy(
        update={"facts": {**injects[0].facts, "sensitive_event": True}}
    )
    assert "sensitive" in board_columns(
        plan, c.model_copy(update={"injects": [sensitive, *injects[1:]]})
    )
    # no inject of its own expects anything: no scenario column
    bare = [i.model_copy(update={"expects": []}) for i in injects]
    assert "scenario" not in board_columns(plan, c.model_copy(update={"injects": bare}))
    # neither reporting bureau seated: no §4.1.2 report column (the station still reports)
    seats = [s for s in c.seats if s not in ("housing", "emergency")]
    unseated = c.model_copy(
        update={"seats": seats, "roles": c.roles.model_copy(update={"district_command": "street"})}
    )
    columns = board_columns(plan, unseated)
    assert "phone" in columns and "written" not in columns and "result" in columns
