"""Scenario checks (issue 10, point 7): names that mean nothing are refused by `validate`,
an expected payload matches an action holding at least its fields, and within one minute
the injects due are delivered before that minute's actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from replaying import is_action, short, variant

from drill_app.cli import main
from drill_app.core.plan import Plan
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import ScoringRules, payload_contains
from drill_app.core.sourcefile import DataFileError
from drill_app.paths import SCENARIOS_DIR

SOURCE = SCENARIOS_DIR / "a-shanhai-explosion.yaml"


def write(tmp_path: Path, old: str, new: str) -> Path:
    text = SOURCE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / "s.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


CONDITION = 'when: {expectation_missed: "phone_report:emergency"}'


@pytest.mark.parametrize(
    ("old", "new", "needle", "message"),
    [
        (
            CONDITION,
            "when: {action: {kind: help_requested, payload: {to: city_govt}}}",
            "city_govt",
            "unknown to 'city_govt': names nothing in the plan",
        ),
        (
            CONDITION,
            "when: {action: {kind: report_submitted, payload: {recipients: [city_govt]}}}",
            "city_govt",
            "unknown recipient 'city_govt': names no unit or body of the plan",
        ),
        (
            CONDITION,
            "when: {action: {kind: report_submitted, payload: {report_kind: fax}}}",
            "fax",
            "unknown report_kind 'fax': names nothing in the plan",
        ),
        (
            "payload: {step: repair}",
            "payload: {step: repair, notes: 到场}",
            "notes",
            "step_taken has no field 'notes' (fields: step, note)",
        ),
        (
            CONDITION,
            "when: {action: {kind: group_activated, payload: {group: medicl}}}",
            "medicl",
            "unknown group 'medicl': names nothing in the plan",
        ),
        (
            CONDITION,
            "when: {action: {kind: level_determined, unit: city_govt, payload: {level: III}}}",
            "city_govt",
            "action names 'city_govt', which has no seat",
        ),
        (
            CONDITION,
            'when: {expectation_met: "group:medicl"}',
            "medicl",
            "the condition names expectation 'group:medicl', which this scenario never creates",
        ),
        (
            CONDITION,
            "when: {fact: death, op: '>', value: 2}",
            "fact: death",
            "unknown fact 'death'",
        ),
    ],
)
def test_validate_refuses_names_that_name_nothing(
    tmp_path: Path,
    plan: Plan,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    needle: str,
    message: str,
) -> None:
    path = write(tmp_path, old, new)
    with pytest.raises(DataFileError) as info:
        load_scenario(plan, path)
    lines = [(p.line, p.message) for p in info.value.problems]
    assert any(line == line_of(path, needle) and message in text for line, text in lines), lines
    assert main(["validate", str(path)]) == 1
    assert message in capsys.readouterr().out


def test_the_new_inject_flags_validate(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, "    city_hq_arrives: true\n", "    city_hq_arrives: yes please\n")
    with pytest.raises(DataFileError) as info:
        load_scenario(plan, path)
    assert info.value.problems[0].line == line_of(path, "city_hq_arrives")
    path = write(tmp_path, "    city_hq_arrives: true\n", "    city_warning: purple\n")
    with pytest.raises(DataFileError) as info:
        load_scenario(plan, path)
    assert info.value.problems[0].line == line_of(path, "city_warning")


# --- an expected payload is a minimum ------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "wanted", "matches"),
    [
        ({"step": "repair", "note": "到场"}, {"step": "repair"}, True),
        ({"step": "repair"}, {"step": "cordon"}, False),
        ({"recipients": ["a", "b", "c"]}, {"recipients": ["b"]}, True),
        ({"recipients": ["a"]}, {"recipients": ["a", "b"]}, False),
        ({"fields": {"place": "x", "time": "y"}}, {"fields": {"place": "x"}}, True),
        ({"fields": {"place": "x"}}, {"fields": {"place": "z"}}, False),
        ({"step": "repair"}, {"missing": None}, False),
    ],
)
def test_payload_contains(
    payload: dict[str, object], wanted: dict[str, object], matches: bool
) -> None:
    assert payload_contains(payload, wanted) is matches


def test_a_scenario_expectation_is_met_by_an_action_with_more_fields(
    plan: Plan, rules: ScoringRules
) -> None:
    sc = load_scenario(plan, SOURCE)
    # the fixture's repair step by fire carries a note the expectation does not ask for
    _, got = variant(
        plan,
        sc,
        rules,
        "a-perfect.jsonl",
        drop=is_action("step_taken", "fire", step="repair"),
        add=[
            {
                "at": 8,
                "unit": "fire",
                "kind": "step_taken",
                "payload": {"step": "repair", "note": "水枪掩护、搜救被困人员"},
            }
        ],
    )
    assert short(got["scenario:fire_control"]) == ("met", "fire", "§5.3.2.1(2)", 18, 8, 0, "")


# --- order within one minute ------------------------------------------------------------------


def test_injects_due_in_a_minute_come_before_that_minutes_actions(
    plan: Plan, rules: ScoringRules
) -> None:
    sc: Scenario = load_scenario(plan, SOURCE)
    # i05 (2 deaths, 6 serious injuries) is due at 40; 区住建局 reports them at 40: it had
    # been told, so the figures are neither 谎报 nor news it still owes a follow-up for.
    figures = {"deaths": 2, "serious_injuries": 6}
    exercise, got = variant(
        plan,
        sc,
        rules,
        "a-perfect.jsonl",
        add=[
            {
                "at": 40,
                "unit": "housing",
                "kind": "report_submitted",
                "payload": {
                    "report_kind": "followup",
                    "recipients": ["district_government", "district_hq_office", "city_government"],
                    "figures": figures,
                },
            }
        ],
    )
    kinds = [(e.kind, e.payload.get("inject")) for e in exercise.events if e.minute == 40]
    assert kinds == [("inject_delivered", "i05_bodies_found"), ("report_submitted", None)]
    assert short(got["accuracy:housing"])[0] == "met"


def test_a_condition_may_name_a_later_follow_up(tmp_path: Path, plan: Plan) -> None:
    path = write(tmp_path, CONDITION, 'when: {expectation_missed: "followup_report:emergency:2"}')
    assert load_scenario(plan, path).injects_by_id["i06_phone_missing"].when is not None
    path = write(tmp_path, CONDITION, 'when: {expectation_missed: "followup_report:nobody:2"}')
    with pytest.raises(DataFileError):
        load_scenario(plan, path)


def test_scoring_files_written_before_the_new_minutes_stay_valid(
    tmp_path: Path, rules: ScoringRules
) -> None:
    from drill_app.core.scoring import load_scoring_rules
    from drill_app.paths import DEFAULT_SCORING

    text = DEFAULT_SCORING.read_text(encoding="utf-8")
    for key in ("report_at_once", "on_scene", "request"):
        text = "\n".join(x for x in text.splitlines() if not x.startswith(f"  {key}:"))
    path = tmp_path / "old.yaml"
    path.write_text(text, encoding="utf-8")
    old = load_scoring_rules(path)
    assert (old.immediate_minutes.report_at_once, old.immediate_minutes.on_scene) == (20, 30)
