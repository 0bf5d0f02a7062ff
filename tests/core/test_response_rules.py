"""Who leads, approves, ends and informs (§1.7, §5.2, §5.5, §5.6); groups; report deadlines."""

from __future__ import annotations

import pytest

from drill_app.core.plan import Plan
from drill_app.core.rules import (
    Situation,
    Timeline,
    command_for,
    reports_due,
    required_groups,
    warning_authority,
)


@pytest.mark.parametrize(
    ("level", "leads", "approves", "ends", "informs", "handover"),
    [
        ("IV", "district_hq", "district_hq", "district_hq", "district_hq", None),
        ("III", "city_hq", "city_hq_deputy_commander", "city_hq_office", "city_hq", "city_hq"),
        ("II", "city_hq", "city_hq_commander", "city_hq", "city_hq", "city_hq"),
        ("I", "city_hq", "city_principal_leader", "city_hq", "city_hq", "city_hq"),
    ],
)
def test_command_by_level(
    plan: Plan, level: str, leads: str, approves: str, ends: str, informs: str, handover: str
) -> None:
    command = command_for(plan, level)  # type: ignore[arg-type]
    assert command.leads.party == leads
    assert command.approves.party == approves
    assert command.ends_response.party == ends
    assert command.ends_response.ref == "§5.5"
    assert command.releases_information.party == informs
    assert command.releases_information.ref == "§5.6"
    assert (command.handover_to.party if command.handover_to else None) == handover


def test_level_iv_information_is_released_with_the_publicity_department(plan: Plan) -> None:
    command = command_for(plan, "IV")
    assert command.information_assisted_by == ("propaganda",)
    assert command.first_response.party == "district_hq"


def test_cross_district_level_iv_goes_to_the_city(plan: Plan) -> None:
    command = command_for(plan, "IV", {"cross_district": True})
    assert command.leads.party == "city_hq"
    assert command.leads.ref == "§1.7"
    assert command.notes
    # §1.7: when the city leads it also approves, ends the response and releases
    # information, as for a city-led level (§5.2.2, §5.5, §5.6)
    assert (command.proposes and command.proposes.party) == "city_hq_office"
    assert command.approves.party == "city_hq_deputy_commander"
    assert command.ends_response.party == "city_hq_office"
    assert command.releases_information.party == "city_hq"
    assert command.handover_to is not None and command.handover_to.party == "city_hq"
    assert command.level == "IV"
    local = command_for(plan, "IV", {"cross_district": False})
    assert (local.leads.party, local.ends_response.party) == ("district_hq", "district_hq")


@pytest.mark.parametrize(
    ("colour", "issues", "proposes"),
    [
        ("red", "city_hq", None),
        ("orange", "city_hq", None),
        ("yellow", "district_hq_office", "city_hq"),
        ("blue", "district_hq", "district_hq_office"),
    ],
)
def test_warning_authority(plan: Plan, colour: str, issues: str, proposes: str | None) -> None:
    authority = warning_authority(plan, colour)  # type: ignore[arg-type]
    assert authority.issues.party == issues
    assert (authority.proposes.party if authority.proposes else None) == proposes


def group_ids(plan: Plan, situation: Situation) -> list[str]:
    return [g.id for g in required_groups(plan, situation)]


def test_groups_for_an_explosion_with_casualties(plan: Plan) -> None:
    situation = Situation(
        {"deaths": 1, "serious_injuries": 4, "explosion": True, "cordon_evacuated_people": 300},
        category="safety",
        level="IV",
    )
    assert group_ids(plan, situation) == [
        "public_order",
        "rescue",
        "medical",
        "logistics",
        "environment",
        "aftermath",
        "experts",
    ]


def test_groups_for_a_supply_shortage(plan: Plan) -> None:
    situation = Situation({"demand_excess_pct": 35}, category="supply", level=None)
    assert group_ids(plan, situation) == ["supply", "experts"]


def test_medical_group_only_with_casualties(plan: Plan) -> None:
    calm = Situation({"gas_leak": True}, category="safety")
    assert "medical" not in group_ids(plan, calm)
    hurt = Situation({"gas_leak": True, "minor_injuries": 1}, category="safety")
    assert "medical" in group_ids(plan, hurt)


def due_table(
    plan: Plan, situation: Situation, timeline: Timeline
) -> list[tuple[str, str, float | None]]:
    return [(d.obligation.id, d.reporter, d.due_at) for d in reports_due(plan, situation, timeline)]


def test_phone_and_written_deadlines_run_from_when_each_bureau_learnt(plan: Plan) -> None:
    timeline = Timeline(occurred=0, known={"emergency": 300, "housing": 600})
    table = due_table(plan, Situation({"deaths": 1}, "safety", "IV"), timeline)
    assert ("phone_report", "emergency", 300 + 20 * 60) in table
    assert ("phone_report", "housing", 600 + 20 * 60) in table
    assert ("written_report", "emergency", 300 + 45 * 60) in table
    assert ("written_report", "housing", 600 + 45 * 60) in table
    assert ("followup_report", "emergency", None) in table
    # no disposal end yet: no final or result report due
    assert not any(row[0] in ("final_report", "level_iv_result_report") for row in table)
    # a safety incident starts the 60-day investigation clock
    assert ("investigation_report", "investigation_team", 60 * 24 * 3600) in table


def test_clock_from_occurrence_when_the_plan_says_so(plan: Plan) -> None:
    setting = plan.settings.reporting_clock_start.model_copy(update={"value": "occurred"})
    other = plan.model_copy(
        update={"settings": plan.settings.model_copy(update={"reporting_clock_start": setting})}
    )
    timeline = Timeline(occurred=120, known={"emergency": 900})
    table = due_table(other, Situation({}, "safety"), timeline)
    assert ("phone_report", "emergency", 120 + 1200) in table


def test_joint_duty_is_one_report(plan: Plan) -> None:
    setting = plan.settings.report_duty.model_copy(update={"value": "joint"})
    other = plan.model_copy(
        update={"settings": plan.settings.model_copy(update={"report_duty": setting})}
    )
    dues = [
        d
        for d in reports_due(other, Situation({}, "supply"), Timeline(occurred=0))
        if d.obligation.id == "phone_report"
    ]
    assert [(d.reporter, d.joint_with) for d in dues] == [("emergency", ("housing",))]


def test_sensitive_report_within_an_hour_of_the_determination(plan: Plan) -> None:
    timeline = Timeline(occurred=0, sensitive_determined=1800)
    situation = Situation({"sensitive_event": True}, "supply")
    table = due_table(plan, situation, timeline)
    assert ("sensitive_report", "emergency", 1800 + 3600) in table
    assert ("sensitive_report", "housing", 1800 + 3600) in table
    assert not any(
        r[0] == "sensitive_report" for r in due_table(plan, Situation({}, "supply"), timeline)
    )


def test_level_iv_result_report_24_hours_after_disposal(plan: Plan) -> None:
    timeline = Timeline(occurred=0, disposal_ended=7200)
    table = due_table(plan, Situation({"deaths": 1}, "safety", "IV"), timeline)
    assert ("level_iv_result_report", "incident_unit", 7200 + 24 * 3600) in table
    assert ("final_report", "housing", None) in table
    # at level III the result report is not the district's
    table = due_table(plan, Situation({"deaths": 3}, "safety", "III"), timeline)
    assert not any(r[0] == "level_iv_result_report" for r in table)
