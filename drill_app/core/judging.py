"""Judging one expectation against the record: met, missed or wrong, with evidence.

Split from ``scoring`` (which turns verdicts into lines and totals): one function per
kind of expectation, each a lookup in the indexed record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from drill_app.core.duties import is_empty_report, reports_of
from drill_app.core.events import Event
from drill_app.core.expectation_types import Expectation
from drill_app.core.plan import Plan
from drill_app.core.record import ExerciseRecord
from drill_app.core.scenario import Scenario

Status = Literal["met", "late", "missed", "wrong", "pending"]


@dataclass(frozen=True)
class Verdict:
    status: Status
    done: Event | None = None
    evidence: tuple[Event, ...] = ()
    detail: str = ""


def _first(events: Iterable[Event], start: float, until: float | None = None) -> list[Event]:
    return [
        e for e in events if e.scenario_time >= start and (until is None or e.scenario_time < until)
    ]


def _judge_report(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    """Met when the reports of the kind, together, have reached every recipient the plan
    names; a report that left one out does not meet it, and the line says who (§4.1.2)."""
    kinds = exp.params["report_kinds"]
    required = exp.params.get("recipients", ())
    reports = [
        e
        for e in reports_of(rec, exp.params.get("units") or (exp.unit,))
        if e.scenario_time >= exp.params["after"] and e.payload["report_kind"] in kinds
    ]
    covered: set[str] = set()
    for event in reports:
        covered.update(event.payload.get("recipients") or ())
        if covered >= set(required):
            return Verdict("met", event)
    if reports:
        left_out = "、".join(plan.party_name(r) for r in required if r not in covered)
        return Verdict("missed", None, tuple(reports), f"未报送：{left_out}")
    return Verdict("missed")


_FIGURE_FIELDS = {
    "casualties": ("deaths", "serious_injuries", "minor_injuries"),
    "property_loss": ("direct_loss_yuan",),
}


def report_missing_fields(plan: Plan, payload: Mapping[str, Any]) -> list[str]:
    """The §4.1.3 items a report leaves empty, as the plan's labels."""
    fields = payload["fields"]
    figures = payload.get("figures") or {}
    missing = []
    for item in plan.reporting.content:
        value = fields.get(item.id)
        present = value not in (None, "")
        if not present and any(k in figures for k in _FIGURE_FIELDS.get(item.id, ())):
            present = True
        if not present:
            missing.append(item.label)
    return missing


def _judge_content(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    for event in reports_of(rec, (exp.unit,)):
        if event.payload["report_kind"] == "written" and event.scenario_time >= exp.starts_at:
            missing = report_missing_fields(plan, event.payload)
            if missing:
                return Verdict("wrong", event, detail="缺少：" + "、".join(missing))
            return Verdict("met", event)
    return Verdict("missed", detail="未报送书面报告")


def _judge_accuracy(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    from drill_app.core.facts import FACTS_BY_KEY

    reports = rec.actions_of(exp.unit, "report_submitted")
    bad: list[Event] = []
    details: list[str] = []
    for event in reports:
        if is_empty_report(event):
            details.append(f"{round(event.minute, 1):g}分漏报：报告无接收单位、无任何报告事项")
            bad.append(event)
            continue
        known = rec.unit_facts_at(exp.unit, event.scenario_time)
        true = rec.facts_at(event.scenario_time)
        for key, stated in (event.payload.get("figures") or {}).items():
            if key not in known or known[key] == stated or true.get(key) == stated:
                continue  # judged on what it was told; the true figure is never 谎报
            label = FACTS_BY_KEY[key].label_zh
            what = "瞒报" if stated < known[key] else "谎报"
            details.append(
                f"{round(event.minute, 1):g}分{what}：{label}报{_fmt(stated)}，"
                f"已掌握{_fmt(known[key])}"
            )
            if not bad or bad[-1] is not event:
                bad.append(event)
    if bad:
        # A readable summary; every contradicting report is in the evidence.
        shown = "；".join(details[:ACCURACY_DETAILS_SHOWN])
        if len(details) > ACCURACY_DETAILS_SHOWN:
            shown += f"；等共{len(details)}处"
        return Verdict("wrong", bad[0], tuple(bad), shown)
    return Verdict("met", reports[-1] if reports else None)


ACCURACY_DETAILS_SHOWN = 3


def _fmt(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _judge_level(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    every = rec.actions_of(exp.unit, "level_determined")
    expected = exp.params["level"]
    if expected is None:
        got = "、".join(f"{e.payload['level']}级" for e in every)
        return Verdict("wrong", every[0], tuple(every), f"判定为{got}，依据事实未达到分级标准")
    before = [e for e in every if e.scenario_time < exp.starts_at]
    if before and before[-1].payload["level"] == expected:
        return Verdict("met", before[-1])  # determined ahead of the facts, and still in force
    determinations = _first(every, exp.starts_at, exp.until)
    for event in determinations:
        if event.payload["level"] == expected:
            return Verdict("met", event)
    if before:  # a different level was in force when the facts reached this one
        determinations = [*determinations, before[-1]]
    if determinations:
        got = "、".join(dict.fromkeys(f"{e.payload['level']}级" for e in determinations))
        return Verdict(
            "wrong",
            determinations[0],
            tuple(determinations),
            f"判定为{got}，依据事实应为{expected}级",
        )
    return Verdict("missed")


def _judge_handover(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    every = rec.actions_of(exp.unit, "command_handed_over")
    arrived = exp.params.get("arrived")
    early = [e for e in every if arrived is None or e.scenario_time < arrived]
    events = _first(every, exp.starts_at) if arrived is not None else []
    for event in events:
        if event.payload["to"] == exp.params["to"]:
            return Verdict("met", event)
    if events:
        return Verdict(
            "wrong", events[0], tuple(events), f"移交给{plan.party_name(events[0].payload['to'])}"
        )
    if early:
        return Verdict(
            "wrong",
            early[0],
            tuple(early),
            f"{round(early[0].minute, 1):g}分移交指挥权时"
            f"{plan.party_name(exp.params['to'])}尚未到场",
        )
    return Verdict("missed")


def _judge_group(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    event = rec.first_action((exp.unit,), "group_activated", "group", exp.params["group"])
    return Verdict("met", event) if event else Verdict("missed")


def _judge_warning(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    expected = exp.params["colour"]
    changes = sorted(
        [
            *rec.actions_of(exp.unit, "warning_issued"),
            *rec.actions_of(exp.unit, "warning_changed"),
            *rec.actions_of(exp.unit, "warning_lifted"),
        ],
        key=lambda e: e.scenario_time,
    )
    in_force: Event | None = None
    window: list[Event] = []
    for event in changes:
        if event.scenario_time < exp.starts_at:
            in_force = event if event.kind != "warning_lifted" else None
        elif exp.until is None or event.scenario_time < exp.until:
            window.append(event)
    if expected is None:
        issued = [e for e in changes if e.kind != "warning_lifted"]
        names = "、".join(plan.colour(e.payload["colour"]).name for e in issued)
        return Verdict("wrong", issued[0], tuple(issued), f"发布{names}预警，依据事实不应发布预警")
    if in_force is not None and in_force.payload["colour"] == expected:
        return Verdict("met", in_force)
    for event in window:
        if event.kind != "warning_lifted" and event.payload["colour"] == expected:
            return Verdict("met", event)
    wrong = [e for e in window if e.kind != "warning_lifted"]
    if in_force is not None:
        wrong.insert(0, in_force)
    if wrong:
        names = "、".join(plan.colour(e.payload["colour"]).name for e in wrong)
        return Verdict(
            "wrong",
            wrong[0],
            tuple(wrong),
            f"发布{names}预警，依据事实应为{plan.colour(expected).name}",
        )
    return Verdict("missed")


def _judge_step(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    event = rec.first_action(exp.params["units"], "step_taken", "step", exp.params["step"])
    return Verdict("met", event) if event else Verdict("missed")


def _judge_supply_order(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    order = [u.id for u in plan.actions.supply_priority]  # most protected first
    names = {u.id: u.name for u in plan.actions.supply_priority}
    cut: set[str] = set()
    events = sorted(
        [*rec.by_kind.get("supply_cut", []), *rec.by_kind.get("supply_restored", [])],
        key=lambda e: e.scenario_time,
    )
    first: Event | None = None
    for event in events:
        user = event.payload["user_class"]
        if event.kind == "supply_restored":
            cut.discard(user)
            continue
        first = first or event
        still_supplied = [u for u in order[order.index(user) + 1 :] if u not in cut]
        if still_supplied:
            return Verdict(
                "wrong",
                event,
                (event,),
                f"压减{names[user]}时{names[still_supplied[-1]]}仍在供气",
            )
        cut.add(user)
    return Verdict("met", first) if first else Verdict("missed")


def _judge_authority(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    kind = exp.params["kind"]
    if not exp.params["allowed"]:
        wanted = exp.params.get("event")
        event = next((e for e in rec.events if e.id == wanted), None) if wanted else None
        return Verdict("wrong", event or rec.first_action(None, kind), detail=exp.title)
    units = exp.params.get("units") or (exp.unit,)
    event = rec.first_action(tuple(units), kind)
    if event is not None and event.scenario_time >= exp.starts_at:
        return Verdict("met", event)
    return Verdict("missed")


def _judge_request(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    for event in sorted(
        (e for u in exp.params["units"] for e in rec.actions_of(u, "help_requested")),
        key=lambda e: e.scenario_time,
    ):
        if event.payload["to"] in exp.params["to"]:  # asking ahead of the news is no fault
            return Verdict("met", event)
    return Verdict("missed")


def payload_contains(payload: object, wanted: object) -> bool:
    """An action's payload matches an expected one when it holds at least the expected
    fields: nested objects compare field by field, a list holds at least the listed items."""
    if isinstance(wanted, Mapping):
        return isinstance(payload, Mapping) and all(
            k in payload and payload_contains(payload[k], v) for k, v in wanted.items()
        )
    if isinstance(wanted, list) and isinstance(payload, list | tuple):
        return all(any(payload_contains(p, w) for p in payload) for w in wanted)
    return payload == wanted


def _judge_scenario(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> Verdict:
    wanted: Mapping[str, Any] = exp.params["payload"]
    for event in rec.actions_of(exp.unit, exp.params["kind"]):
        if event.scenario_time >= exp.starts_at and payload_contains(event.payload, wanted):
            return Verdict("met", event)
    return Verdict("missed")


JUDGES = {
    "report": _judge_report,
    "report_content": _judge_content,
    "accuracy": _judge_accuracy,
    "level": _judge_level,
    "handover": _judge_handover,
    "group": _judge_group,
    "warning": _judge_warning,
    "step": _judge_step,
    "request": _judge_request,
    "supply_order": _judge_supply_order,
    "authority": _judge_authority,
    "scenario": _judge_scenario,
}
