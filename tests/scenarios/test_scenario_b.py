"""Scenario b (寒潮气源紧张, supply, orange warning, level IV): exact scored lines of each replay.

Derivation from the plan (times in scenario minutes; M = seconds per minute):
- Who learns when (informs_incident): 港华燃气 at 0 (b01, upstream notice); 区住建局,
  区应急管理局 and 区发展改革局 at 5 (b02); 区委宣传部 and 姚家街道 at 12 (b03).  The
  §4.1.2 clocks run from 接报 (settings.reporting_clock_start = known) and each bureau
  reports for itself (report_duty = each_unit): phone due 5 + 20 = 25, written
  5 + 45 = 50, and the §4.1.3 content of the written report is due with it.
- Warning: demand 35 % above the upstream plan is in the orange band 30–50 %
  (§3.3.2(1)); 38,000 households affected is orange too (30,000 – < 50,000).  Orange
  is the city HQ's to issue (§3.4): the line arises when the city issues it (b04 at 15,
  city_warning) and is the district command seat's, which relays it ("区应急指挥部负责做好
  配合"), due 45.  Once it is in force the §3.5 actions are due (45).
- Level: 1,800 households cut off for 24 h or more from minute 90 (b06) is
  1,000 – < 10,000: level IV (§1.6.2.4(2)), due 120.  Before that no criterion is met
  (readings.households_24h_outcome).  The 1,800 households are news after both written
  reports: a 续报 each, due 30 minutes after they learnt (90 → 120).  The shortage is
  city-wide (b04 sets cross_district), so the city leads (§1.7) and ends the response
  and releases information: no district lines for those.  The result report (§5.2.1)
  is due 24 h after disposal (170 + 1440 = 1610) from 区应急管理局, 区住建局 and the
  incident unit 港华燃气.
- Groups of a supply incident (§2.3.2): 供应保障组 and 专家工作组, activated by the
  district HQ (the command seat, §5.3.1) from when it learnt at 5, due 35.
- §4.1.1: 港华燃气 (the incident unit, learnt at 0) reports to 区政府 and the street at once
  (20 minutes, scoring rules).
- Supply first response (§5.1.2) and measures (§5.3.2.2(1)(2)), 15 minutes after the
  earliest seated unit learns: priority_supply (区住建局/港华, 0 → 15), protect_key_users
  (港华, 0 → 15), supervise_companies (区住建局, 5 → 20), ask_to_save (区委宣传部, 12 → 27).
- load_shedding: cuts must follow 居民—公共福利—公共交通—商业—工业 from the protected end:
  industry first, then commerce (§5.1.2).  The line is the incident unit's (港华燃气).
- Scenario expectations: request_reserves (区发展改革局, b04 at 15 + 30 = 45),
  reduce_pressure (港华, b05 released 20 minutes after the industrial cut at 22 → 42,
  + 30 = 72), zoned_supply (港华, b06 at 90 + 30 = 120), elderly_support (姚家街道,
  b08 released 10 minutes after the households fact reached 1,000 at 90 → 100, + 30 = 130).
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

SCENARIO = SCENARIOS_DIR / "b-winter-shortage.yaml"
PERFECT_RUN = "b-perfect.jsonl"


@pytest.fixture(scope="module")
def scenario(plan: Plan) -> Scenario:
    return load_scenario(plan, SCENARIO)


PERFECT: dict[str, Row] = {
    r[0]: r
    for r in [
        # §4.1.1: the incident unit (港华, learnt at 0) reports to 区政府 and the street at once.
        met("incident_unit_report:towngas", "towngas", "§4.1.1", 20, 2),
        # §4.1.2 / §4.1.3: both bureaus learn at 5.
        met("phone_report:emergency", "emergency", "§4.1.2", 25, 14),
        met("phone_report:housing", "housing", "§4.1.2", 25, 15),
        met("written_report:emergency", "emergency", "§4.1.2", 50, 40),
        met("written_report:housing", "housing", "§4.1.2", 50, 42),
        met("report_content:emergency", "emergency", "§4.1.3", 50, 40, 5.0),
        met("report_content:housing", "housing", "§4.1.3", 50, 42, 5.0),
        # 续报: both learn of 1,800 households cut off (level IV) at 90, after their
        # written reports: a follow-up is owed within 30 minutes (settings), due 120.
        met("followup_report:emergency", "emergency", "§4.1.2", 120, 108),
        met("followup_report:housing", "housing", "§4.1.2", 120, 110),
        # Final report: no minute deadline (settings.final_report_deadline_minutes = null).
        met("final_report:emergency", "emergency", "§4.1.2", None, 180),
        met("final_report:housing", "housing", "§4.1.2", None, 182),
        # §5.2.1: level IV result report, 24 h after disposal ended at 170.
        met("level_iv_result_report:emergency", "emergency", "§5.2.1", 1610, 185),
        met("level_iv_result_report:housing", "housing", "§5.2.1", 1610, 186),
        met("level_iv_result_report:towngas", "towngas", "§5.2.1", 1610, 187),
        # §8: every reporting unit's figures match what it had been told (last report).
        met("accuracy:emergency", "emergency", "§8", None, 185),
        met("accuracy:housing", "housing", "§8", None, 186),
        met("accuracy:towngas", "towngas", "§8", None, 187),
        # §1.6.2.4(2).  The shortage is city-wide (b04: cross_district), so under §1.7 the
        # city leads and also ends the response and releases information: no district lines.
        met("level:IV", "housing", "§1.6.2.4", 120, 100),
        # §2.3.2.6, §2.3.2.8: activated by the district HQ (区住建局's seat), from 5.
        met("group:supply", "housing", "§2.3.2.6", 35, 10, 5.0),
        met("group:experts", "housing", "§2.3.2.8", 35, 12, 5.0),
        # §3.4: the city HQ issues orange at 15 (b04); the district relays it, due 45.
        met("warning:orange", "housing", "§3.4", 45, 18),
        # §3.5: once the warning is in force, from 15.
        met("warning_action:request_reserves", "housing", "§3.5.2", 45, 20, 5.0),
        met("warning_action:teams_standby", "housing", "§3.5.3", 45, 20, 5.0),
        met("warning_action:gather_materials", "housing", "§3.5.5", 45, 20, 5.0),
        met("warning_action:strengthen_dispatch", "housing", "§3.5.6", 45, 20, 5.0),
        # §5.1.2, §5.3.2.2.
        met("step:priority_supply", "housing", "§5.1.2", 15, 3, 5.0),
        met("step:protect_key_users", "towngas", "§5.3.2.2(1)", 15, 4, 5.0),
        met("step:supervise_companies", "housing", "§5.1.2", 20, 8, 5.0),
        met("step:ask_to_save", "propaganda", "§5.3.2.2(2)", 27, 20, 5.0),
        met("supply_order", "towngas", "§5.1.2", None, 22),
        # The scenario's own expectations.
        met("scenario:request_reserves", "ndrc", "§3.5.2", 45, 20, 5.0),
        met("scenario:reduce_pressure", "towngas", "§5.3.2.2(3)", 72, 50, 5.0),
        met("scenario:zoned_supply", "towngas", "§5.3.2.2(4)", 120, 105, 5.0),
        met("scenario:elderly_support", "street", "§3.5.5", 130, 112, 5.0),
    ]
}


# --- the scenario file ----------------------------------------------------------------


def test_the_scenario_validates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SCENARIO)]) == 0
    assert capsys.readouterr().out == ""


def test_intended_level_and_warning_follow_the_rules(plan: Plan, scenario: Scenario) -> None:
    facts = scenario.final_facts()
    assert classify_level(plan, facts).level == scenario.intended_level == "IV"
    assert classify_warning(plan, facts).colour == scenario.intended_warning == "orange"
    assert scenario.category == "supply"
    assert scenario.load_shedding
    assert 120 <= scenario.duration_minutes <= 240


# --- the perfect run -----------------------------------------------------------------------


def test_perfect_run(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    exercise, sheet = run(plan, scenario, rules, PERFECT_RUN)
    assert sorted((x.id, x.status) for x in sheet.lines) == sorted((i, "met") for i in PERFECT)
    assert {x.id: row(x) for x in sheet.lines} == PERFECT
    assert all(x.detail == "" for x in sheet.lines)
    assert sheet.overall.points == sheet.overall.max_points == 260
    assert sheet.overall.percent == 100.0
    assert sheet.grade.grade == "优"
    # Conditional injects: b05 20 minutes after the industrial cut at 22; b08 10 minutes
    # after the households fact reached 1,000 at 90; b07 (phone report missed) never.
    assert delivered_at(exercise) == {
        "b01_upstream_notice": 0,
        "b02_company_report": 5,
        "b03_hq_office_notice": 12,
        "b04_city_orange": 15,
        "b05_gap_remains": 42,
        "b06_end_of_network": 90,
        "b08_elderly_without_gas": 100,
        "b09_supply_recovered": 170,
    }


# --- variants: the perfect run with one change -----------------------------------------------


def test_late_phone_report(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    exercise, sheet, changed = changed_lines(
        plan, scenario, rules, PERFECT_RUN, "b-late-phone.jsonl"
    )
    # Learnt at 5, due at 25, phoned at 32: 迟报 by 7 minutes, half the points (late_factor 0.5).
    assert changed == {
        "phone_report:emergency": (
            ("phone_report:emergency", "emergency", "§4.1.2", 25 * M, 32 * M, "late", 7, 5.0, 10.0),
            "",
        )
    }
    assert sheet.overall.points == 255
    # The missed deadline releases the district government's call (b07) at the deadline.
    assert delivered_at(exercise)["b07_phone_missing"] == 25


def test_missing_written_report(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "b-missing-written.jsonl")
    # 漏报: no written report by 50, so neither the report nor its §4.1.3 content.
    # The accuracy line is unchanged: its other reports still match.
    assert changed == {
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
    assert sheet.overall.points == 245


def test_wrong_level(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "b-wrong-level.jsonl")
    # 1,800 households is 1,000 – < 10,000: IV, not III (§1.6.2.3(2) starts at 10,000).
    # No hand-over line appears: it follows the facts, not the determination.
    assert changed == {
        "level:IV": (
            ("level:IV", "housing", "§1.6.2.4", 120 * M, 100 * M, "wrong", 0, 0.0, 10.0),
            "判定为III级，依据事实应为IV级",
        )
    }
    assert sheet.overall.points == 250


def test_under_reported_figures(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "b-underreport.jsonl")
    # 区应急管理局 had been told 1,800 (b06 at 90); stating 800 at 108 is 瞒报 (§8).
    # The wrong report is the evidence, so done_at is 108.
    assert changed == {
        "accuracy:emergency": (
            ("accuracy:emergency", "emergency", "§8", None, 108 * M, "wrong", 0, 0.0, 10.0),
            "108分瞒报：连续停气24小时以上居民户数报800，已掌握1800",
        )
    }
    assert sheet.overall.points == 250


def test_warning_of_the_wrong_colour(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "b-wrong-warning.jsonl")
    # The city HQ issued orange at 15 (35 % above plan, §3.3.2(1)); the district issued
    # yellow at 18 instead of relaying it (§3.4).
    assert changed == {
        "warning:orange": (
            ("warning:orange", "housing", "§3.4", 45 * M, 18 * M, "wrong", 0, 0.0, 10.0),
            "发布黄色预警，依据事实应为橙色",
        )
    }
    assert sheet.overall.points == 250


def test_supply_shed_in_the_wrong_order(
    plan: Plan, scenario: Scenario, rules: ScoringRules
) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "b-wrong-order.jsonl")
    # Commercial users (4th of 5 in §5.1.2) cut at 20 while industry (5th, least protected)
    # is still supplied until 22.
    assert changed == {
        "supply_order": (
            ("supply_order", "towngas", "§5.1.2", None, 20 * M, "wrong", 0, 0.0, 10.0),
            "压减商业用户用气时工业生产用气仍在供气",
        )
    }
    assert sheet.overall.points == 250


# Left out: "medical group never activated" — nobody is hurt in this scenario, so the plan
# requires no 医疗救护组 (§2.3.2.3 / §5.3.2.1(3) apply to casualties only) and there is no line
# to lose.
