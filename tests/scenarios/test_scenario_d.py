"""Scenario d (玖玺珑茂社区弃供, supply, sensitive event, blue, level IV): exact lines of each replay.

Derivation from the plan (times in scenario minutes; M = seconds per minute):
- Who learns when (informs_incident): 智远街道 at 0 (d01); 区住建局 and 区应急管理局 at 5
  (d02); the abandoning company (其他燃气供应企业, incident unit) at 10 (d03); 港华燃气 at
  20 (d04); police at 45 (d06).  §4.1.2 from 接报, one duty per bureau: phone due 25,
  written and its §4.1.3 content due 50.
- Sensitive event (§4.1.2 "研判确定为弃供等敏感突发事件的，应于1小时内…报告"): d04 at 20
  makes it one (sensitive_event).  The 1-hour clock runs from each bureau's own
  determination: 区住建局 determines at 30 (due 90), 区应急管理局 at 32 (due 92).  The plan
  gives no minutes for the determination itself; the scenario expects it within 30 minutes
  of d04 (due 50).  Recipients: 区应急指挥部办公室 and 市应急指挥部办公室.
- Warning: 2,600 households affected from 5 is "1万户以内" — blue (§3.3.4(1); settings
  warning_demand_households = either: the households alone suffice), due 35.  Blue is the
  district's own: proposed by its HQ office, decided by the district HQ (§3.6); the line is
  the command seat's (区住建局).
- Level: 2,600 households cut off for 24 h or more from 20 is 1,000 – < 10,000: IV
  (§1.6.2.4(2)), due 50.  The sensitivity of a 弃供 is no level criterion.  One level only,
  so no 续报 line.  Level IV: the district ends the response (disposal ends at 140, due
  170) and releases information (§5.6; 区委宣传部 has no seat here, so 区住建局 alone);
  result report due 140 + 1440 = 1580 from both bureaus and the incident unit (§5.2.1).
- Groups of a supply incident from when it is first known (0), due 30: 供应保障组
  (区发展改革局) and 专家工作组 (command seat).
- Supply first response (§5.1.2), 15 minutes after the earliest seated unit learns:
  supervise_companies and priority_supply (区住建局, 5 → 20).  The §5.3.2.2 shortage
  measures (protect_key_users, ask_to_save) do not apply: 弃供 is no shortage of gas
  (no demand_excess_pct), and no load is shed, so no order line.
- Scenario expectations: teams_standby (港华燃气; d05 released 10 minutes after 区住建局's
  determination at 30 → 40, + 20 = 60); keep_order (police; d06 at 45, + 20 = 65).
"""

from __future__ import annotations

import pytest
from replaying import M, Row, changed_lines, delivered_at, met, row, run

from drill_app.cli import main
from drill_app.core.plan import Plan
from drill_app.core.rules import classify_level, classify_warning
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import ScoringRules
from drill_app.paths import SCENARIOS_DIR

SCENARIO = SCENARIOS_DIR / "d-abandoned-supply.yaml"
PERFECT_RUN = "d-perfect.jsonl"


@pytest.fixture(scope="module")
def scenario(plan: Plan) -> Scenario:
    return load_scenario(plan, SCENARIO)


PERFECT: dict[str, Row] = {
    r[0]: r
    for r in [
        # §4.1.1: the abandoning company (incident unit) learns at 10 and reports at once.
        met("incident_unit_report:other_gas", "other_gas", "§4.1.1", 30, 12),
        # §4.1.2 / §4.1.3: both bureaus learn at 5.
        met("phone_report:emergency", "emergency", "§4.1.2", 25, 14),
        met("phone_report:housing", "housing", "§4.1.2", 25, 15),
        met("written_report:emergency", "emergency", "§4.1.2", 50, 40),
        met("written_report:housing", "housing", "§4.1.2", 50, 42),
        met("report_content:emergency", "emergency", "§4.1.3", 50, 40, 5.0),
        met("report_content:housing", "housing", "§4.1.3", 50, 42, 5.0),
        # 续报: the 2,600 households cut off (d04 at 20) after the phone reports, carried by
        # the written reports (30 minutes from 20: due 50).
        met("followup_report:emergency", "emergency", "§4.1.2", 50, 40),
        met("followup_report:housing", "housing", "§4.1.2", 50, 42),
        # §4.1.2: sensitive report, 60 minutes from each bureau's determination.
        met("sensitive_report:housing", "housing", "§4.1.2", 90, 55),
        met("sensitive_report:emergency", "emergency", "§4.1.2", 92, 58),
        met("final_report:emergency", "emergency", "§4.1.2", None, 155),
        met("final_report:housing", "housing", "§4.1.2", None, 156),
        # §5.2.1: 24 h after disposal ended at 140; the abandoning company is the incident unit.
        met("level_iv_result_report:emergency", "emergency", "§5.2.1", 1580, 160),
        met("level_iv_result_report:housing", "housing", "§5.2.1", 1580, 161),
        met("level_iv_result_report:other_gas", "other_gas", "§5.2.1", 1580, 162),
        met("accuracy:emergency", "emergency", "§8", None, 160),
        met("accuracy:housing", "housing", "§8", None, 161),
        met("accuracy:other_gas", "other_gas", "§8", None, 162),
        # §1.6.2.4(2), §5.5, §5.6.
        met("level:IV", "housing", "§1.6.2.4", 50, 35),
        met("response_end", "housing", "§5.5", 170, 150, 5.0),
        met("information_release", "housing", "§5.6", None, 60, 5.0),
        # §2.3.2.6, §2.3.2.8.
        # activated by the district HQ (command seat, §5.3.1) from when it learnt at 5.
        met("group:supply", "housing", "§2.3.2.6", 35, 10, 5.0),
        met("group:experts", "housing", "§2.3.2.8", 35, 12, 5.0),
        # §3.3.4: blue; then the §3.5 actions from its issue at 28.
        met("warning:blue", "housing", "§3.3.4", 35, 28),
        met("warning_action:teams_standby", "housing", "§3.5.3", 58, 45, 5.0),
        met("warning_action:gather_materials", "housing", "§3.5.5", 58, 30, 5.0),
        met("warning_action:strengthen_dispatch", "housing", "§3.5.6", 58, 30, 5.0),
        # §5.1.2, §5.3.2.2(1).
        met("step:supervise_companies", "housing", "§5.1.2", 20, 8, 5.0),
        met("step:priority_supply", "housing", "§5.1.2", 20, 9, 5.0),
        # The scenario's own expectations.
        met("scenario:determine_housing", "housing", "§4.1.2", 50, 30, 5.0),
        met("scenario:determine_emergency", "emergency", "§4.1.2", 50, 32, 5.0),
        met("scenario:teams_standby", "towngas", "§3.5.3", 60, 45, 5.0),
        met("scenario:keep_order", "police", "§5.3.2.1(1)", 65, 50, 5.0),
    ]
}


# --- the scenario file ----------------------------------------------------------------


def test_the_scenario_validates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SCENARIO)]) == 0
    assert capsys.readouterr().out == ""


def test_intended_level_and_warning_follow_the_rules(plan: Plan, scenario: Scenario) -> None:
    facts = scenario.final_facts()
    assert classify_level(plan, facts).level == scenario.intended_level == "IV"
    assert classify_warning(plan, facts).colour == scenario.intended_warning == "blue"
    assert facts["sensitive_event"] is True
    assert scenario.category == "supply"
    assert 120 <= scenario.duration_minutes <= 240


# --- the perfect run -----------------------------------------------------------------------


def test_perfect_run(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    exercise, sheet = run(plan, scenario, rules, PERFECT_RUN)
    assert sorted((x.id, x.status) for x in sheet.lines) == sorted((i, "met") for i in PERFECT)
    assert {x.id: row(x) for x in sheet.lines} == PERFECT
    assert all(x.detail == "" for x in sheet.lines)
    assert sheet.overall.points == sheet.overall.max_points == 265
    assert sheet.overall.percent == 100.0
    assert sheet.grade.grade == "优"
    # d05 follows 区住建局's determination at 30 by 10 minutes; d07 (sensitive report
    # missed) never comes.
    assert delivered_at(exercise) == {
        "d01_hotline": 0,
        "d02_street_report": 5,
        "d03_company_notice": 10,
        "d04_abandonment_confirmed": 20,
        "d05_takeover_order": 40,
        "d06_residents_gather": 45,
        "d08_restoring": 100,
        "d09_restored": 140,
    }


# --- variants: the perfect run with one change -----------------------------------------------


def test_late_phone_report(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(
        plan,
        scenario,
        rules,
        PERFECT_RUN,
        "d-late-phone.jsonl",
        lost=frozenset({"followup_report:emergency"}),
    )
    # The households news of 20 came before the (late) first report at 33, which carries
    # it: no follow-up is owed for it.
    # Learnt at 5, due at 25, phoned at 33: 迟报 by 8 minutes, half the points.
    assert changed == {
        "phone_report:emergency": (
            ("phone_report:emergency", "emergency", "§4.1.2", 25 * M, 33 * M, "late", 8, 5.0, 10.0),
            "",
        )
    }
    assert sheet.overall.points == 250


def test_missing_written_report(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "d-missing-written.jsonl")
    # 漏报 by 区应急管理局: no written report by 50.  Its sensitive report is a different
    # kind and does not stand in for it.  Its only report, the phone call at 14, came
    # before it learnt of the 2,600 households cut off (20), so it also owes a 续报 it
    # never sends (due 30 minutes after 20; its final report is no follow-up).
    assert changed == {
        "followup_report:emergency": (
            (
                "followup_report:emergency",
                "emergency",
                "§4.1.2",
                50 * M,
                None,
                "missed",
                0,
                0.0,
                10.0,
            ),
            "",
        ),
        "written_report:emergency": (
            (
                "written_report:emergency",
                "emergency",
                "§4.1.2",
                50 * M,
                None,
                "missed",
                0,
                0.0,
                10.0,
            ),
            "",
        ),
        "report_content:emergency": (
            (
                "report_content:emergency",
                "emergency",
                "§4.1.3",
                50 * M,
                None,
                "missed",
                0,
                0.0,
                5.0,
            ),
            "未报送书面报告",
        ),
    }
    assert sheet.overall.points == 240


def test_wrong_level(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "d-wrong-level.jsonl")
    # Being sensitive does not raise the level: 2,600 households is IV (III starts at 10,000).
    assert changed == {
        "level:IV": (
            ("level:IV", "housing", "§1.6.2.4", 50 * M, 35 * M, "wrong", 0, 0.0, 10.0),
            "判定为III级，依据事实应为IV级",
        )
    }
    assert sheet.overall.points == 255


def test_under_reported_figures(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "d-underreport.jsonl")
    # 区住建局 had been told 2,600 (d04 at 20); 900 at 55 hides the level IV threshold: 瞒报.
    assert changed == {
        "accuracy:housing": (
            ("accuracy:housing", "housing", "§8", None, 55 * M, "wrong", 0, 0.0, 10.0),
            "55分瞒报：连续停气24小时以上居民户数报900，已掌握2600",
        )
    }
    assert sheet.overall.points == 255


def test_warning_of_the_wrong_colour(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "d-wrong-warning.jsonl")
    # 2,600 households is under 10,000: blue; yellow starts at 10,000 (§3.3.3(1)).
    assert changed == {
        "warning:blue": (
            ("warning:blue", "housing", "§3.3.4", 35 * M, 28 * M, "wrong", 0, 0.0, 10.0),
            "发布黄色预警，依据事实应为蓝色",
        )
    }
    assert sheet.overall.points == 255


def test_late_sensitive_report(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    exercise, sheet, changed = changed_lines(
        plan, scenario, rules, PERFECT_RUN, "d-late-sensitive.jsonl"
    )
    # Determined at 30, so due at 90; filed at 100: 10 minutes late.
    assert changed == {
        "sensitive_report:housing": (
            (
                "sensitive_report:housing",
                "housing",
                "§4.1.2",
                90 * M,
                100 * M,
                "late",
                10,
                5.0,
                10.0,
            ),
            "",
        )
    }
    assert sheet.overall.points == 260
    # The city HQ office's call (d07) comes at the deadline.
    assert delivered_at(exercise)["d07_sensitive_report_missing"] == 90


# Left out:
# - "supply shed in the wrong order": a 弃供 cuts one community off entirely; no user classes
#   are shed (load_shedding is false), so §5.1.2's order has nothing to judge.
# - "medical group never activated": nobody is hurt, so no 医疗救护组 is required (§2.3.2.3).
