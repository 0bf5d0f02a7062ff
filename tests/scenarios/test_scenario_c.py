"""Scenario c (液化石油气充装站泄漏, safety, 2 minor injuries, level IV): exact lines of each replay.

Derivation from the plan (times in scenario minutes; M = seconds per minute):
- Who learns when (informs_incident): the LPG station (其他燃气供应企业, incident unit) at 0
  (c01); police, fire and 姚家街道 at 2 (c02); 区住建局 and 区应急管理局 at 4 (c03);
  health, ecology, market, traffic and publicity at 8 (c04).  §4.1.2 from 接报, one duty
  per bureau: phone due 4 + 20 = 24, written and its §4.1.3 content 4 + 45 = 49.
- Level: c03 at 4 gives a direct loss of 150,000 yuan (> 0 and < 10,000,000) with no
  death and no serious injury: IV (§1.6.2.4(1); readings.level_iv_floor), due 34.  The
  loss rises to 420,000 at 70, still IV; minor injuries do not grade.  The 1,200 people
  taken out of the cordon are cordon_evacuated_people, not the over-pressure evacuation of
  §1.6.2(2) (readings.evacuation_meaning), so they never make it III.  Level IV: district
  ends the response (§5.5: disposal ends at 120, due 150), district releases information
  (§5.6), result report due 120 + 1440 = 1560 from both bureaus and the station (§5.2.1).
  The 60-day investigation report is beyond any drill.
- 续报 (§4.1.2, 30 minutes from when the unit learnt, settings): the cordon evacuation
  (c06 at 25) and the loss of 420,000 (c09 at 70) are material news after the bureaus'
  last reports.
- Warning: a leak touches none of the §3.3 facts (demand, households, pressure): no colour.
- Groups (§2.3.2, §5.3.2.1), activated by the district HQ (the command seat 区住建局,
  §5.3.1) on what it had been told, from 4: safety → public order and rescue; leak →
  environment; experts always; minor injuries → medical; all due 34; cordon evacuation
  (told at 12) → logistics, due 42.  No deaths or serious injuries: no aftermath group.
- First response (§5.1.1), 15 minutes after the earliest seated unit that does it learns:
  cordon, close_valves and preserve_evidence (station, 0 → 15; evidence applies because
  there are casualties, §5.1.1.3), evacuate and go_to_scene (street, 2 → 17).
- Scenario expectations: gas_monitoring and traffic_control (c04 at 8, + 20 = 28),
  water_curtain and treat_injured (c05 at 12, + 15 = 27), widen_cordon (c06, released
  10 minutes after ecology's monitoring at 15 → 25, + 15 = 40).
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

SCENARIO = SCENARIOS_DIR / "c-lpg-leak.yaml"
PERFECT_RUN = "c-perfect.jsonl"


@pytest.fixture(scope="module")
def scenario(plan: Plan) -> Scenario:
    return load_scenario(plan, SCENARIO)


PERFECT: dict[str, Row] = {
    r[0]: r
    for r in [
        # §4.1.1: the station (incident unit, learnt at 0) reports to 区政府 and the street.
        met("incident_unit_report:other_gas", "other_gas", "§4.1.1", 20, 2),
        # §4.1.2 / §4.1.3: both bureaus learn at 4.
        met("phone_report:emergency", "emergency", "§4.1.2", 24, 16),
        met("phone_report:housing", "housing", "§4.1.2", 24, 17),
        met("written_report:emergency", "emergency", "§4.1.2", 49, 40),
        met("written_report:housing", "housing", "§4.1.2", 49, 42),
        met("report_content:emergency", "emergency", "§4.1.3", 49, 40, 5.0),
        met("report_content:housing", "housing", "§4.1.3", 49, 42, 5.0),
        # 续报 (30 minutes from when each learnt): the 1,200 people out of the cordon (c06
        # at 25) after the phone reports, carried by the written reports; the loss of
        # 420,000 (c09 at 70) after them, carried by the follow-ups at 75/76.
        met("followup_report:emergency", "emergency", "§4.1.2", 55, 40),
        met("followup_report:housing", "housing", "§4.1.2", 55, 42),
        met("followup_report:emergency:2", "emergency", "§4.1.2", 100, 75),
        met("followup_report:housing:2", "housing", "§4.1.2", 100, 76),
        met("final_report:emergency", "emergency", "§4.1.2", None, 130),
        met("final_report:housing", "housing", "§4.1.2", None, 132),
        # §5.2.1: 24 h after disposal ended at 120; the station is the incident unit.
        met("level_iv_result_report:emergency", "emergency", "§5.2.1", 1560, 135),
        met("level_iv_result_report:housing", "housing", "§5.2.1", 1560, 136),
        met("level_iv_result_report:other_gas", "other_gas", "§5.2.1", 1560, 138),
        met("accuracy:emergency", "emergency", "§8", None, 135),
        met("accuracy:housing", "housing", "§8", None, 136),
        met("accuracy:other_gas", "other_gas", "§8", None, 138),
        # §1.6.2.4(1), §5.5, §5.6.
        met("level:IV", "housing", "§1.6.2.4", 34, 30),
        met("response_end", "housing", "§5.5", 150, 125, 5.0),
        met("information_release", "housing", "§5.6", None, 45, 5.0),
        # §2.3.2: activated by the district HQ (the command seat, §5.3.1) from when it
        # learnt at 4; logistics once it learnt of the cordon evacuation at 12.
        met("group:public_order", "housing", "§2.3.2.1", 34, 5, 5.0),
        met("group:rescue", "housing", "§2.3.2.2", 34, 10, 5.0),
        met("group:medical", "housing", "§2.3.2.3", 34, 13, 5.0),
        met("group:logistics", "housing", "§2.3.2.4", 42, 20, 5.0),
        met("group:environment", "housing", "§2.3.2.5", 34, 12, 5.0),
        met("group:experts", "housing", "§2.3.2.8", 34, 15, 5.0),
        # §5.1.1.
        met("step:cordon", "other_gas", "§5.1.1.1", 15, 1, 5.0),
        met("step:close_valves", "other_gas", "§5.1.1.1", 15, 2, 5.0),
        met("step:preserve_evidence", "other_gas", "§5.1.1.3", 15, 8, 5.0),
        met("step:evacuate", "street", "§5.1.1.2", 17, 6, 5.0),
        met("step:go_to_scene", "street", "§5.1.1", 17, 4, 5.0),
        # The scenario's own expectations.
        met("scenario:gas_monitoring", "ecology", "§5.3.2.1(4)", 28, 15, 5.0),
        met("scenario:traffic_control", "traffic", "§5.3.2.1(1)", 28, 10, 5.0),
        met("scenario:water_curtain", "fire", "§5.3.2.1(2)", 27, 14, 5.0),
        met("scenario:treat_injured", "health", "§5.3.2.1(3)", 27, 16, 5.0),
        met("scenario:widen_cordon", "street", "§5.1.1.2", 40, 32, 5.0),
    ]
}


# --- the scenario file ----------------------------------------------------------------


def test_the_scenario_validates(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SCENARIO)]) == 0
    assert capsys.readouterr().out == ""


def test_intended_level_and_warning_follow_the_rules(plan: Plan, scenario: Scenario) -> None:
    facts = scenario.final_facts()
    result = classify_level(plan, facts)
    assert result.level == scenario.intended_level == "IV"
    # Only the loss grades it: the cordon evacuation is not a §1.6.2(2) criterion.
    assert [r.criterion for r in result.reasons] == ["direct_loss"]
    assert classify_warning(plan, facts).colour is scenario.intended_warning is None
    assert scenario.category == "safety"
    assert 120 <= scenario.duration_minutes <= 240


# --- the perfect run -----------------------------------------------------------------------


def test_perfect_run(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    exercise, sheet = run(plan, scenario, rules, PERFECT_RUN)
    assert sorted((x.id, x.status) for x in sheet.lines) == sorted((i, "met") for i in PERFECT)
    assert {x.id: row(x) for x in sheet.lines} == PERFECT
    assert all(x.detail == "" for x in sheet.lines)
    assert sheet.overall.points == sheet.overall.max_points == 280
    assert sheet.overall.percent == 100.0
    assert sheet.grade.grade == "优"
    # c06 follows ecology's monitoring at 15 by 10 minutes; c07 (medical group missed)
    # and c08 (phone report missed) never come.
    assert delivered_at(exercise) == {
        "c01_station_alarm": 0,
        "c02_110": 2,
        "c03_station_report": 4,
        "c04_hq_office_notice": 8,
        "c05_fire_on_scene": 12,
        "c06_monitoring_result": 25,
        "c09_transfer_done": 70,
        "c10_under_control": 120,
    }


# --- variants: the perfect run with one change -----------------------------------------------


def test_late_phone_report(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    exercise, sheet, changed = changed_lines(
        plan,
        scenario,
        rules,
        PERFECT_RUN,
        "c-late-phone.jsonl",
        lost=frozenset({"followup_report:emergency:2"}),
    )
    # Learnt at 4, due at 24, phoned at 30: 迟报 by 6 minutes, half the points.  The news of
    # 25 went into that first report, so only the loss of 70 owes a follow-up (one line).
    assert changed == {
        "phone_report:emergency": (
            ("phone_report:emergency", "emergency", "§4.1.2", 24 * M, 30 * M, "late", 6, 5.0, 10.0),
            "",
        ),
        "followup_report:emergency": (
            (
                "followup_report:emergency",
                "emergency",
                "§4.1.2",
                100 * M,
                75 * M,
                "met",
                0,
                10.0,
                10.0,
            ),
            "",
        ),
    }
    assert sheet.overall.points == 265
    assert delivered_at(exercise)["c08_phone_missing"] == 24


def test_missing_written_report(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(
        plan,
        scenario,
        rules,
        PERFECT_RUN,
        "c-missing-written.jsonl",
        lost=frozenset({"followup_report:housing:2"}),
    )
    # 漏报 by 区住建局: no written report by 49, so neither the report nor its content; the
    # news of 25 waits for its follow-up at 76 (21 minutes late), which also carries 70's.
    assert changed == {
        "followup_report:housing": (
            ("followup_report:housing", "housing", "§4.1.2", 55 * M, 76 * M, "late", 21, 5.0, 10.0),
            "",
        ),
        "written_report:housing": (
            ("written_report:housing", "housing", "§4.1.2", 49 * M, None, "missed", 0, 0.0, 10.0),
            "",
        ),
        "report_content:housing": (
            ("report_content:housing", "housing", "§4.1.3", 49 * M, None, "missed", 0, 0.0, 5.0),
            "未报送书面报告",
        ),
    }
    assert sheet.overall.points == 250


def test_wrong_level(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "c-wrong-level.jsonl")
    # 1,200 people out of a leak cordon are not "供气系统超压运行…需要紧急疏散" (§1.6.2.3(2)):
    # the loss of 150,000 yuan makes it IV, and III is wrong.
    assert changed == {
        "level:IV": (
            ("level:IV", "housing", "§1.6.2.4", 34 * M, 30 * M, "wrong", 0, 0.0, 10.0),
            "判定为III级，依据事实应为IV级",
        )
    }
    assert sheet.overall.points == 270


def test_under_reported_figures(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "c-underreport.jsonl")
    # 区应急管理局 had been told of 2 minor injuries (c05 at 12); reporting 1 at 40 is 瞒报 (§8).
    assert changed == {
        "accuracy:emergency": (
            ("accuracy:emergency", "emergency", "§8", None, 40 * M, "wrong", 0, 0.0, 10.0),
            "40分瞒报：轻伤人数报1，已掌握2",
        )
    }
    assert sheet.overall.points == 270


def test_warning_when_none_is_due(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    _, sheet, changed = changed_lines(plan, scenario, rules, PERFECT_RUN, "c-wrong-warning.jsonl")
    # "Wrong colour" here is any colour: the facts reach no §3.3 criterion, so an orange
    # warning adds a new wrong line (and its 10 points to the maximum); orange is also the
    # city HQ's to issue (§3.4), so the district issuing it is a wrong authority line.
    assert changed == {
        "authority:warning_orange": (
            ("authority:warning_orange", "housing", "§3.4", None, 20 * M, "wrong", 0, 0.0, 5.0),
            "橙色预警由市应急指挥部发布，区应急指挥部负责做好配合",
        ),
        "warning:unwarranted": (
            ("warning:unwarranted", "housing", "§3.3", None, 20 * M, "wrong", 0, 0.0, 10.0),
            "发布橙色预警，依据事实不应发布预警",
        ),
    }
    assert (sheet.overall.points, sheet.overall.max_points) == (280, 295)


def test_medical_group_never_activated(plan: Plan, scenario: Scenario, rules: ScoringRules) -> None:
    exercise, sheet, changed = changed_lines(
        plan, scenario, rules, PERFECT_RUN, "c-no-medical.jsonl"
    )
    # Minor injuries from 4 require the 医疗救护组 (§2.3.2.3, §5.3.2.1(3)), due 34.
    assert changed == {
        "group:medical": (
            ("group:medical", "housing", "§2.3.2.3", 34 * M, None, "missed", 0, 0.0, 5.0),
            "",
        )
    }
    assert sheet.overall.points == 275
    # The missed activation releases the public-opinion inject c07 at the deadline.
    assert delivered_at(exercise)["c07_medical_missing"] == 34


# Left out: "supply shed in the wrong order" — an LPG station leak sheds no user classes
# (load_shedding is false and nobody's supply is cut), so §5.1.2's order has nothing to judge.
