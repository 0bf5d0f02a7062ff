"""§3.4, §3.5, §5.2–§5.4, §5.3.1.7, §1.7: authority, hand-over, requests to the city, leaders
on scene, and lines judged on what the acting seat had been told.

Lines are stated as (status, unit, §, due minute, done minute, minutes late, detail).
"""

from __future__ import annotations

import pytest
from replaying import is_action, short, variant

from drill_app.core.plan import Plan
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import ScoringRules
from drill_app.paths import SCENARIOS_DIR


@pytest.fixture(scope="module")
def a(plan: Plan) -> Scenario:
    return load_scenario(plan, SCENARIOS_DIR / "a-shanhai-explosion.yaml")


@pytest.fixture(scope="module")
def b(plan: Plan) -> Scenario:
    return load_scenario(plan, SCENARIOS_DIR / "b-winter-shortage.yaml")


def act(at: float, unit: str, kind: str, **payload: object) -> dict[str, object]:
    return {"at": at, "unit": unit, "kind": kind, "payload": payload}


# --- 3. authority ---------------------------------------------------------------------------


def test_the_district_relays_the_city_hqs_orange_warning(
    plan: Plan, b: Scenario, rules: ScoringRules
) -> None:
    _, got = variant(plan, b, rules, "b-perfect.jsonl")
    assert short(got["warning:orange"]) == ("met", "housing", "§3.4", 45, 18, 0, "")
    assert "authority:warning_orange" not in got


def test_the_district_issuing_orange_on_its_own_is_wrong(
    plan: Plan, b: Scenario, rules: ScoringRules
) -> None:
    # orange issued at 10, before the city HQ issued it at 15
    _, got = variant(
        plan,
        b,
        rules,
        "b-perfect.jsonl",
        drop=is_action("warning_issued"),
        add=[act(10, "housing", "warning_issued", colour="orange")],
    )
    assert short(got["authority:warning_orange"]) == (
        "wrong",
        "housing",
        "§3.4",
        None,
        10,
        0,
        "橙色预警由市应急指挥部发布，区应急指挥部负责做好配合",
    )


def test_orange_without_any_city_warning_is_wrong_and_creates_no_relay_line(
    plan: Plan, b: Scenario, rules: ScoringRules
) -> None:
    no_city = b.model_copy(
        update={
            "injects": [
                i.model_copy(update={"city_warning": None}) if i.id == "b04_city_orange" else i
                for i in b.injects
            ]
        }
    )
    _, got = variant(plan, no_city, rules, "b-perfect.jsonl")
    assert "warning:orange" not in got  # the city's call: no district line to meet
    assert short(got["authority:warning_orange"])[:5] == ("wrong", "housing", "§3.4", None, 18)


def test_blue_is_the_districts_own(plan: Plan, rules: ScoringRules) -> None:
    d = load_scenario(plan, SCENARIOS_DIR / "d-abandoned-supply.yaml")
    _, got = variant(plan, d, rules, "d-perfect.jsonl")
    assert short(got["warning:blue"]) == ("met", "housing", "§3.3.4", 35, 28, 0, "")
    assert not [i for i in got if i.startswith("authority:warning")]


def test_warning_actions_are_due_once_a_warning_is_in_force(
    plan: Plan, b: Scenario, rules: ScoringRules
) -> None:
    _, got = variant(
        plan,
        b,
        rules,
        "b-perfect.jsonl",
        drop=is_action("step_taken", "housing", step="teams_standby"),
    )
    # the city HQ's orange from 15: 30 minutes (scoring rules), charged to the HQ seat
    assert short(got["warning_action:teams_standby"]) == (
        "missed",
        "housing",
        "§3.5.3",
        45,
        None,
        0,
        "",
    )
    # §3.5.2 may be done by 区发展改革局 for the HQ: any unit the plan names meets it
    assert short(got["warning_action:request_reserves"]) == (
        "met",
        "housing",
        "§3.5.2",
        45,
        20,
        0,
        "",
    )


@pytest.mark.parametrize(
    ("kind", "payload", "at", "unit", "line", "hq_line", "ref", "detail"),
    [
        (
            "group_activated",
            {"group": "public_order"},
            8,
            "police",
            ("missed", "housing", "§2.3.2.1", 35, None, 0, ""),
            "group:public_order",
            "§5.3.1",
            "工作组由区应急指挥部启动",
        ),
        (
            "level_determined",
            {"level": "IV"},
            20,
            "emergency",
            ("missed", "housing", "§1.6.2.4", 68, None, 0, ""),
            "level:IV",
            "§4.2",
            "事件级别由区应急指挥部研判确定",
        ),
    ],
)
def test_a_command_act_by_a_seat_without_authority_does_not_count(
    plan: Plan,
    a: Scenario,
    rules: ScoringRules,
    kind: str,
    payload: dict[str, str],
    at: float,
    unit: str,
    line: tuple[object, ...],
    hq_line: str,
    ref: str,
    detail: str,
) -> None:
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action(kind, **payload),
        add=[act(at, unit, kind, **payload)],
    )
    # the HQ's own line is not met by it, and the act is a wrong line of its own
    assert short(got[hq_line]) == line
    assert short(got[f"authority:{kind}:{unit}"]) == ("wrong", unit, ref, None, at, 0, detail)


def test_city_wide_level_iv_is_led_ended_and_released_by_the_city(
    plan: Plan, b: Scenario, rules: ScoringRules
) -> None:
    # b04 makes the shortage city-wide (cross_district): §1.7 the city leads, and §5.5 /
    # §5.6 ending the response and releasing information are then the city's as well
    _, got = variant(
        plan,
        b,
        rules,
        "b-perfect.jsonl",
        add=[act(190, "housing", "response_ended")],
    )
    assert "response_end" not in got and "information_release" not in got
    assert short(got["authority:response_ended"])[:5] == ("wrong", "housing", "§5.5", None, 190)


# --- 4. hand-over and escalation ---------------------------------------------------------


def test_hand_over_is_due_from_the_city_hqs_arrival(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    # III determined at 75; the city HQ arrives 5 minutes later (i08, city_hq_arrives) at 80
    exercise, got = variant(plan, a, rules, "a-perfect.jsonl")
    assert exercise.record.city_hq_arrived_at == 80 * 60
    assert short(got["handover"]) == ("met", "housing", "§5.3.1.7", 110, 82, 0, "")
    _, late = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("command_handed_over"),
        add=[act(115, "housing", "command_handed_over", to="city_hq")],
    )
    assert short(late["handover"]) == ("late", "housing", "§5.3.1.7", 110, 115, 5, "")


def test_hand_over_before_the_city_hq_arrives_is_wrong(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("command_handed_over"),
        add=[act(78, "housing", "command_handed_over", to="city_hq")],
    )
    assert short(got["handover"]) == (
        "wrong",
        "housing",
        "§5.3.1.7",
        110,
        78,
        0,
        "78分移交指挥权时市应急指挥部尚未到场",
    )


def test_escalation_from_iv_owes_a_request_to_the_city_departments(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    right = variant(plan, a, rules, "a-perfect.jsonl")[1]["request:request_city_departments"]
    assert short(right) == ("met", "housing", "§5.2.1", 100, 72, 0, "")
    # a request to the district government is not to the city
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("help_requested"),
        add=[act(72, "housing", "help_requested", to="district_government")],
    )
    assert short(got["request:request_city_departments"]) == (
        "missed",
        "housing",
        "§5.2.1",
        100,
        None,
        0,
        "",
    )


def test_beyond_the_districts_capacity_it_asks_the_city_government(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    beyond = a.model_copy(
        update={
            "injects": [
                i.model_copy(update={"facts": {**i.facts, "beyond_district_capacity": True}})
                if i.id == "i05_bodies_found"
                else i
                for i in a.injects
            ]
        }
    )
    _, got = variant(plan, beyond, rules, "a-perfect.jsonl")
    assert short(got["request:request_city_help"]) == ("missed", "housing", "§5.4", 70, None, 0, "")
    _, got = variant(
        plan,
        beyond,
        rules,
        "a-perfect.jsonl",
        add=[act(50, "housing", "help_requested", to="city_government")],
    )
    assert short(got["request:request_city_help"]) == ("met", "housing", "§5.4", 70, 50, 0, "")
    assert "request:request_city_help" not in variant(plan, a, rules, "a-perfect.jsonl")[1]


def test_leaders_of_the_listed_units_go_to_the_scene_at_level_iii(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("step_taken", "police", step="leaders_to_scene"),
    )
    assert short(got["on_scene:police"]) == ("missed", "police", "§5.2.2", 100, None, 0, "")
    assert short(got["on_scene:fire"]) == ("met", "fire", "§5.2.2", 100, 76, 0, "")
    # towngas is no member unit listed in §5.2.2: no line
    assert "on_scene:towngas" not in got


# --- 2. what each seat had been told ----------------------------------------------------


def _third_death_told_only_to_emergency(a: Scenario) -> Scenario:
    return a.model_copy(
        update={
            "injects": [
                i.model_copy(update={"to": ["health", "emergency"]})
                if i.id == "i07_third_death"
                else i
                for i in a.injects
            ]
        }
    )


def test_the_level_is_judged_on_what_the_command_seat_was_told(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    # The third death (III) is told only to 区应急管理局 at 70.  If it never passes it on,
    # the HQ seat is not charged with level III: the failure is 区应急管理局's follow-up.
    sc = _third_death_told_only_to_emergency(a)
    _, got = variant(
        plan,
        sc,
        rules,
        "a-perfect.jsonl",
        drop=lambda x: (
            (x.kind == "level_determined" and x.payload["level"] == "III")
            or (x.unit == "emergency" and x.kind == "report_submitted" and x.at == 85)
        ),
    )
    assert "level:III" not in got
    assert short(got["followup_report:emergency:2"]) == (
        "missed",
        "emergency",
        "§4.1.2",
        100,
        None,
        0,
        "",
    )
    # passed on at 85 in its follow-up to the HQ office: level III is due from 85
    _, got = variant(
        plan,
        sc,
        rules,
        "a-perfect.jsonl",
        drop=is_action("level_determined", level="III"),
        add=[act(90, "housing", "level_determined", level="III")],
    )
    assert short(got["level:III"]) == ("met", "housing", "§1.6.2.3", 115, 90, 0, "")
    # the escalation owes the request to the city departments from then too (§5.2.1)
    assert short(got["request:request_city_departments"]) == (
        "met",
        "housing",
        "§5.2.1",
        115,
        72,
        0,
        "",
    )


def test_a_level_the_seat_was_not_told_of_is_not_unwarranted(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    # Nothing tells 区住建局 a figure (no facts to it, no reports to the HQ office); its
    # level IV at 20 is ahead of what it was told, but the facts do reach IV: not wrong.
    untold = a.model_copy(
        update={
            "injects": [
                i.model_copy(update={"to": [t for t in i.to if t != "housing"] or ["street"]})
                for i in a.injects
            ]
        }
    )
    _, got = variant(
        plan,
        untold,
        rules,
        "a-perfect.jsonl",
        drop=lambda x: x.kind == "report_submitted" and x.unit == "emergency",
    )
    assert "level:unwarranted" not in got and "level:IV" not in got


def _injuries_told_at_5(a: Scenario) -> Scenario:
    return a.model_copy(
        update={
            "injects": [
                i.model_copy(update={"facts": {"serious_injuries": 2}})
                if i.id == "i03_gas_company_report"
                else i.model_copy(update={"to": ["fire", "health", "street"]})
                if i.id == "i05_bodies_found"
                else i
                for i in a.injects
            ]
        }
    )


def _followup(at: float, figures: dict[str, int]) -> dict[str, object]:
    return act(
        at,
        "emergency",
        "report_submitted",
        report_kind="followup",
        recipients=["district_government", "district_hq_office", "city_government"],
        figures=figures,
    )


def test_stating_the_true_figure_is_never_false_reporting(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    # 区应急管理局 was told of 2 serious injuries at 5; the true count is 6 from 40.  It
    # states 6 at 45 without having been told: the truth, so no 谎报.
    sc = _injuries_told_at_5(a)
    _, got = variant(
        plan,
        sc,
        rules,
        "a-perfect.jsonl",
        drop=is_action("report_submitted", "emergency"),
        add=[_followup(45, {"serious_injuries": 6})],
    )
    assert short(got["accuracy:emergency"]) == ("met", "emergency", "§8", None, 45, 0, "")


@pytest.mark.parametrize(
    ("stated", "detail"),
    [
        (7, "45分谎报：重伤人数报7，已掌握2"),
        (1, "45分瞒报：重伤人数报1，已掌握2"),
    ],
)
def test_figures_against_what_it_was_told(
    plan: Plan, a: Scenario, rules: ScoringRules, stated: int, detail: str
) -> None:
    sc = _injuries_told_at_5(a)
    _, got = variant(
        plan,
        sc,
        rules,
        "a-perfect.jsonl",
        drop=is_action("report_submitted", "emergency"),
        add=[_followup(45, {"serious_injuries": stated})],
    )
    assert short(got["accuracy:emergency"]) == ("wrong", "emergency", "§8", None, 45, 0, detail)


def test_the_live_engine_sees_lines_raised_by_acts(
    plan: Plan, b: Scenario, rules: ScoringRules
) -> None:
    # the live engine caches expectations: an act that raises lines must show them at once
    from drill_app.core.exercise import Exercise, ReplayClock, inject_payload, sequential_ids

    d = load_scenario(plan, SCENARIOS_DIR / "d-abandoned-supply.yaml")
    for sc, first, colour, raised in (
        (b, ("b01_upstream_notice", "b02_company_report"), "orange", "authority:warning_orange"),
        (d, ("d01_hotline", "d02_street_report"), "blue", "warning_action:teams_standby"),
    ):
        clock = ReplayClock()
        exercise = Exercise(plan, sc, rules, "x", wall_clock=clock, new_id=sequential_ids("x"))
        exercise.submit("exercise_started", actor="controller")
        for inject_id in first:
            payload = inject_payload(sc.injects_by_id[inject_id])
            exercise.submit("inject_delivered", payload, actor="controller")
        assert raised not in exercise.expectations()
        clock.now = 600
        exercise.submit("warning_issued", {"colour": colour}, actor="seat", unit="housing")
        assert raised in exercise.expectations()


def test_a_hand_over_by_another_seat_does_not_count_and_charges_no_one_else(
    plan: Plan, a: Scenario, rules: ScoringRules
) -> None:
    # 区应急管理局 hands over at 82: not the HQ's act (§5.3.1.7); the HQ's line is missed
    _, got = variant(
        plan,
        a,
        rules,
        "a-perfect.jsonl",
        drop=is_action("command_handed_over"),
        add=[act(82, "emergency", "command_handed_over", to="city_hq")],
    )
    assert short(got["handover"]) == ("missed", "housing", "§5.3.1.7", 110, None, 0, "")
    assert short(got["authority:command_handed_over:emergency"])[:5] == (
        "wrong",
        "emergency",
        "§5.3.1.7",
        None,
        82,
    )
