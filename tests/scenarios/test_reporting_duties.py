"""§4.1.1, §4.1.2, §8: who a report goes to, empty reports, follow-ups, and the joint duty.

Each test replays a built-in scenario's perfect run with one thing done differently and
states the exact lines it gives: (status, unit, §, due minute, done minute, minutes late,
detail).
"""

from __future__ import annotations

import pytest
from replaying import is_action, short, variant

from drill_app.core.plan import Plan
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import ScoringRules
from drill_app.paths import SCENARIOS_DIR

ALL = ["district_government", "district_hq_office", "city_government"]


@pytest.fixture(scope="module")
def a(plan: Plan) -> Scenario:
    return load_scenario(plan, SCENARIOS_DIR / "a-shanhai-explosion.yaml")


def phone(at: float, unit: str, recipients: list[str]) -> dict[str, object]:
    return {
        "at": at,
        "unit": unit,
        "kind": "report_submitted",
        "payload": {"report_kind": "phone", "recipients": recipients},
    }


# --- 1. who a report goes to ------------------------------------------------------------


def test_a_report_to_every_recipient_meets_the_line(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    _, got = variant(plan, a, rules, "a-perfect.jsonl")
    assert short(got["phone_report:emergency"]) == ("met", "emergency", "§4.1.2", 25, 15, 0, "")
    assert "立即核实并于20分钟内以电话形式报告" in got["phone_report:emergency"].title


def test_a_report_that_leaves_out_a_recipient_does_not_meet_it(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("report_submitted", "emergency", report_kind="phone"),
        add=[phone(15, "emergency", ["district_government"])],
    )
    assert short(got["phone_report:emergency"]) == (
        "missed",
        "emergency",
        "§4.1.2",
        25,
        None,
        0,
        "未报送：区应急指挥部办公室、市政府",
    )


def test_recipients_reached_in_several_calls_meet_it_when_the_last_is_reached(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("report_submitted", "emergency", report_kind="phone"),
        add=[
            phone(15, "emergency", ["district_government"]),
            phone(28, "emergency", ["district_hq_office", "city_government"]),
        ],
    )
    assert short(got["phone_report:emergency"]) == ("late", "emergency", "§4.1.2", 25, 28, 3, "")


def test_an_empty_report_meets_nothing_and_is_omission(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("report_submitted", "emergency", report_kind="phone"),
        add=[phone(15, "emergency", [])],
    )
    assert short(got["phone_report:emergency"]) == (
        "missed",
        "emergency",
        "§4.1.2",
        25,
        None,
        0,
        "",
    )
    assert short(got["accuracy:emergency"]) == (
        "wrong",
        "emergency",
        "§8",
        None,
        15,
        0,
        "15分漏报：报告无接收单位、无任何报告事项",
    )


def test_the_incident_unit_reports_to_the_district_government_and_the_street(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    right = variant(plan, a, rules, "a-perfect.jsonl")[1]["incident_unit_report:towngas"]
    assert short(right) == ("met", "towngas", "§4.1.1", 20, 2, 0, "")
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("report_submitted", "towngas"),
        add=[phone(2, "towngas", ["district_government"])],
    )
    assert short(got["incident_unit_report:towngas"]) == (
        "missed",
        "towngas",
        "§4.1.1",
        20,
        None,
        0,
        "未报送：街道办事处",
    )


def test_the_sensitive_report_goes_to_both_hq_offices(plan: Plan, rules: ScoringRules) -> None:
    d = load_scenario(plan, SCENARIOS_DIR / "d-abandoned-supply.yaml")
    right = variant(plan, d, rules, "d-perfect.jsonl")[1]["sensitive_report:housing"]
    assert short(right) == ("met", "housing", "§4.1.2", 90, 55, 0, "")
    _, got = variant(
        plan,
        d,
        rules,
        "d-perfect.jsonl",
        drop=is_action("report_submitted", "housing", report_kind="sensitive"),
        add=[
            {
                "at": 55,
                "unit": "housing",
                "kind": "report_submitted",
                "payload": {"report_kind": "sensitive", "recipients": ["district_hq_office"]},
            }
        ],
    )
    assert short(got["sensitive_report:housing"]) == (
        "missed",
        "housing",
        "§4.1.2",
        90,
        None,
        0,
        "未报送：市应急指挥部办公室",
    )


# --- 5. follow-up reports ---------------------------------------------------------------------


def test_a_casualty_rise_after_the_written_report_owes_a_follow_up(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    # Two deaths found at 40, after 区应急管理局's written report at 38: a follow-up within
    # 30 minutes of learning it (settings.followup_deadline_minutes), due 70.
    right = variant(plan, a, rules, "a-perfect.jsonl")[1]
    assert short(right["followup_report:emergency"]) == (
        "met",
        "emergency",
        "§4.1.2",
        70,
        45,
        0,
        "",
    )
    assert short(right["followup_report:emergency:2"]) == (
        "met",
        "emergency",
        "§4.1.2",
        100,
        85,
        0,
        "",
    )
    assert right["followup_report:emergency:2"].title == (
        "区应急管理局续报（第2次）（最新处置进展情况要及时续报）"
    )
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("report_submitted", "emergency", report_kind="followup"),
    )
    # nothing carries the news: one outstanding follow-up, missed
    assert short(got["followup_report:emergency"]) == (
        "missed",
        "emergency",
        "§4.1.2",
        70,
        None,
        0,
        "",
    )
    assert "followup_report:emergency:2" not in got


def test_a_late_follow_up_is_late_and_carries_what_came_before_it(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=lambda x: (
            x.kind == "report_submitted"
            and x.unit == "emergency"
            and x.payload["report_kind"] == "followup"
            and x.at == 45
        ),
    )
    # the follow-up at 85 answers the news of 40 (15 minutes late) and that of 70 with it
    assert short(got["followup_report:emergency"]) == (
        "late",
        "emergency",
        "§4.1.2",
        70,
        85,
        15,
        "",
    )
    assert "followup_report:emergency:2" not in got


def test_the_follow_up_clock_runs_from_when_the_unit_learnt(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    # The deaths found at 40 are told only to 区应急管理局 (and the scene units); 区住建局,
    # the HQ office's seat, learns them from 区应急管理局's follow-up at 45, addressed to
    # the office: its own follow-up is due 30 minutes after 45.
    told = a.model_copy(
        update={
            "injects": [
                i.model_copy(update={"to": ["fire", "emergency", "health", "street"]})
                if i.id == "i05_bodies_found"
                else i
                for i in a.injects
            ]
        }
    )
    _, got = variant(plan, told, rules, "a-perfect.jsonl")
    assert short(got["followup_report:housing"]) == ("met", "housing", "§4.1.2", 68, 41, 0, "")
    assert short(got["followup_report:housing:2"]) == ("met", "housing", "§4.1.2", 75, 46, 0, "")


# --- 6. the joint-duty setting --------------------------------------------------------------


def _with_duty(plan: Plan, value: str) -> Plan:
    setting = plan.settings.report_duty.model_copy(update={"value": value})
    return plan.model_copy(
        update={"settings": plan.settings.model_copy(update={"report_duty": setting})}
    )


def test_each_unit_duty_scores_each_bureau(plan: Plan, a: Scenario, rules: ScoringRules) -> None:
    _, got = variant(
        _with_duty(plan, "each_unit"),
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("report_submitted", "emergency", report_kind="phone"),
    )
    assert short(got["phone_report:emergency"]) == (
        "missed",
        "emergency",
        "§4.1.2",
        25,
        None,
        0,
        "",
    )
    assert short(got["phone_report:housing"]) == ("met", "housing", "§4.1.2", 25, 16, 0, "")


def test_joint_duty_is_met_by_either_bureau_on_time(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    joint = _with_duty(plan, "joint")
    _, got = variant(
        joint,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("report_submitted", "emergency", report_kind="phone"),
    )
    assert short(got["phone_report:emergency"]) == ("met", "emergency", "§4.1.2", 25, 16, 0, "")
    assert "phone_report:housing" not in got
    assert got["phone_report:emergency"].title.startswith(
        "区应急管理局、区住房和城乡建设局电话报告"
    )
    # neither on time: one line, late
    _, got = variant(
        joint,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("report_submitted", report_kind="phone"),
        add=[phone(30, "housing", ALL)],
    )
    assert short(got["phone_report:emergency"]) == ("late", "emergency", "§4.1.2", 25, 30, 5, "")


def test_the_plans_recipients_for_a_unit_and_a_kind(plan: Plan, a: Scenario) -> None:
    from drill_app.core.duties import plan_recipients

    assert plan_recipients(plan, a, "emergency", "phone") == ALL
    # the incident unit's own report (§4.1.1): 区政府 and the street
    assert plan_recipients(plan, a, "towngas", "phone") == ["district_government", "street"]
    assert plan_recipients(plan, a, "housing", "sensitive") == [
        "district_hq_office",
        "city_hq_office",
    ]
    assert plan_recipients(plan, a, "towngas", "result") == ["district_hq_office"]
    # a unit the plan gives no such report: the kind's recipients all the same
    assert plan_recipients(plan, a, "police", "written") == ALL
