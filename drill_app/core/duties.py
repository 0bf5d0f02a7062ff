"""Reporting duties and the district's duties toward the city, as expectations.

Split from ``expectations`` along its § seams: the §4.1 reports (recipients, the
joint-duty setting, follow-ups timed from what each unit learnt), the §3.5 actions
once a warning is in force, the §5.2 leaders on scene, the §5.2.1/§5.4 requests
to the city and the §5.3.1.7 hand-over when the city HQ arrives.  Each function
returns expectations; ``scoring`` judges them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from drill_app.core.events import Event
from drill_app.core.expectation_types import Expectation, ImmediateMinutes
from drill_app.core.plan import Condition, LevelId, Obligation, Plan, level_rank
from drill_app.core.record import ExerciseRecord
from drill_app.core.rules import (
    Situation,
    Timeline,
    classify_level,
    clock_start,
    command_for,
    condition_holds,
)
from drill_app.core.scenario import Scenario, recipient_seats, seat_for_party

FOLLOWUP_MET_BY = ("followup", "written")
"""A later report of these kinds carries the news a follow-up is owed for."""


def is_empty_report(event: Event) -> bool:
    """No recipients, none of the §4.1.3 items, no figures: a report that reports nothing."""
    p = event.payload
    fields = p.get("fields") or {}
    return (
        not p.get("recipients")
        and not p.get("figures")
        and all(value in (None, "") for value in fields.values())
    )


def reports_of(record: ExerciseRecord, units: Sequence[str]) -> list[Event]:
    """The non-empty reports of *units*, in time order."""
    events = [
        e for u in units for e in record.actions_of(u, "report_submitted") if not is_empty_report(e)
    ]
    return sorted(events, key=lambda e: e.scenario_time)


def seats_for(
    parties: Sequence[str], scenario: Scenario, record: ExerciseRecord
) -> tuple[str, ...]:
    """The seats acting as *parties* (units, bodies a role acts for, the incident unit),
    in the plan's order, each once; the first is the one charged."""
    seats = (seat_for_party(p, scenario, record.recipient_seats) for p in parties)
    return tuple(s for s in dict.fromkeys(seats) if s is not None)


@dataclass(frozen=True)
class _Context:
    plan: Plan
    scenario: Scenario
    record: ExerciseRecord
    minutes: ImmediateMinutes


def report_expectations(
    plan: Plan,
    scenario: Scenario,
    record: ExerciseRecord,
    minutes: ImmediateMinutes,
    peak_level: LevelId | None,
) -> list[Expectation]:
    """§4.1.1, §4.1.2, §5.2.1: each report each seated reporter owes, with its recipients."""
    ctx = _Context(plan, scenario, record, minutes)
    situation = Situation(record.facts_at(record.now), scenario.category, peak_level)
    joint = plan.settings.report_duty.value == "joint"
    out: list[Expectation] = []
    for obligation in plan.reporting.obligations:
        if obligation.kind == "investigation":
            continue  # 60 days: beyond any drill; see docs/scoring.md
        if not condition_holds(obligation.applies_when, situation):
            continue
        seated = seats_for(obligation.reporters, scenario, record)
        duty_holders = [tuple(seated)] if joint and seated else [(u,) for u in seated]
        for units in duty_holders:
            if obligation.kind == "followup":
                out.extend(_followups(ctx, obligation, units))
            else:
                out.extend(_report(ctx, obligation, units))
    return out


def _names(plan: Plan, units: Sequence[str]) -> str:
    return "、".join(plan.party_name(u) for u in units)


def _report(ctx: _Context, obligation: Obligation, units: tuple[str, ...]) -> list[Expectation]:
    plan, record = ctx.plan, ctx.record
    clocks = [_report_clock(plan, obligation.trigger, u, record) for u in units]
    starts = [s for s in clocks if s is not None]
    if not starts:
        return []
    start = min(starts)
    deadline: float | None = obligation.deadline_minutes
    if obligation.kind == "final":
        deadline = plan.settings.final_report_deadline_minutes.value
    if obligation.at_once:
        deadline = ctx.minutes.report_at_once
    due = start + deadline * 60 if deadline is not None else None
    done = any(record.first_reports.get((u, obligation.kind)) for u in units)
    end = record.ended_at
    if due is not None and end is not None and due > end and not done:
        return []  # not due before the exercise ended: scored only if it was done
    unit = units[0]
    out = [
        Expectation(
            id=f"{obligation.id}:{unit}",
            kind="report",
            category="reporting",
            unit=unit,
            title=f"{_names(plan, units)}{obligation.name}（{obligation.deadline_text}）",
            title_en=f"{obligation.name_en} by {plan.units_by_id[unit].name_en}",
            ref=obligation.ref,
            starts_at=start,
            due_at=due,
            params={
                "report_kinds": (obligation.kind,),
                "after": start,
                "units": units,
                "recipients": tuple(obligation.recipients),
            },
        )
    ]
    if obligation.kind == "written":
        for u in units:
            out.append(
                Expectation(
                    id=f"report_content:{u}",
                    kind="report_content",
                    category="reporting",
                    unit=u,
                    title=f"{plan.party_name(u)}书面报告内容齐全（第4.1.3条所列事项）",
                    title_en=f"Written report by {plan.units_by_id[u].name_en} is complete",
                    ref=plan.reporting.content_ref,
                    starts_at=start,
                    due_at=due,
                )
            )
    return out


def _report_clock(plan: Plan, trigger: str, unit: str, record: ExerciseRecord) -> float | None:
    clock_from_known = plan.settings.reporting_clock_start.value == "known"
    if trigger == "known" and clock_from_known and unit not in record.known_at:
        return None  # this unit has not learnt of the incident: nothing to report yet
    sensitive = record.sensitive_determined_at.get(unit, record.told_sensitive_at.get(unit))
    timeline = Timeline(
        occurred=record.occurred_at if record.known_at else None,
        known=record.known_at,
        sensitive_determined=sensitive,
        disposal_ended=record.disposal_ended_at,
    )
    return clock_start(plan, trigger, unit, timeline)  # type: ignore[arg-type]


def _material(plan: Plan, record: ExerciseRecord, unit: str, time: float) -> tuple[object, ...]:
    """What a follow-up would have to tell: the material facts *unit* knew, and their level."""
    known = record.unit_facts_at(unit, time)
    rule = plan.reporting.followup
    values: list[object] = [known.get(f) for f in rule.facts]
    if rule.level_change:
        values.append(classify_level(plan, known).level)
    return tuple(values)


def _followups(ctx: _Context, obligation: Obligation, units: tuple[str, ...]) -> list[Expectation]:
    """§4.1.2 续报: after a unit's first report, each material change it learns of owes a
    follow-up within the window, timed from when it learnt; one is outstanding at a time."""
    plan, record = ctx.plan, ctx.record
    unit = units[0]
    own = reports_of(record, (unit,))
    if not own:
        return []  # before its first report, the news belongs in that report
    window = plan.settings.followup_deadline_minutes.value * 60
    cursor = own[0].scenario_time
    out: list[Expectation] = []
    for time in record.unit_knowledge_times(unit):
        if time <= cursor:
            continue
        last = max(e.scenario_time for e in own if e.scenario_time <= time)
        if _material(plan, record, unit, last) == _material(plan, record, unit, time):
            continue
        n = len(out) + 1
        meeting = next(
            (
                e
                for e in reports_of(record, units)
                if e.scenario_time >= time and e.payload["report_kind"] in FOLLOWUP_MET_BY
            ),
            None,
        )
        end = record.ended_at
        if meeting is None and end is not None and time + window > end:
            break
        out.append(
            Expectation(
                id=f"{obligation.id}:{unit}" + (f":{n}" if n > 1 else ""),
                kind="report",
                category="reporting",
                unit=unit,
                title=f"{_names(plan, units)}{obligation.name}"
                + (f"（第{n}次）" if n > 1 else "")
                + f"（{obligation.deadline_text}）",
                title_en=f"{obligation.name_en} by {plan.units_by_id[unit].name_en}"
                + (f" (no. {n})" if n > 1 else ""),
                ref=obligation.ref,
                starts_at=time,
                due_at=time + window,
                params={
                    "report_kinds": FOLLOWUP_MET_BY,
                    "after": time,
                    "units": units,
                    "recipients": tuple(obligation.recipients),
                },
            )
        )
        if meeting is None:
            break
        cursor = meeting.scenario_time
    return out


# --- the district and the city ---------------------------------------------------------


def handover_expectations(
    plan: Plan, scenario: Scenario, record: ExerciseRecord, minutes: ImmediateMinutes
) -> list[Expectation]:
    """§5.2.2–5.2.4, §5.3.1.7: 市应急指挥部到场后，将指挥权移交.  Due from the arrival; a
    hand-over before the city HQ has arrived is wrong."""
    command = scenario.roles.district_command
    arrived = record.city_hq_arrived_at
    handed = record.actions_of(command, "command_handed_over")  # others': authority lines
    if arrived is None and not handed:
        return []
    facts = record.facts_at(record.now)
    found = [classify_level(plan, f).level for f in record.facts.snapshots]
    levels: list[LevelId] = [lv for lv in found if lv is not None]
    level = sorted(levels, key=level_rank)[0] if levels else None  # the peak: levels only rise
    duty = command_for(plan, level, facts).handover_to if level else None
    ref = duty.ref if duty else "§5.3.1.7"
    target = duty.party if duty else "city_hq"
    if arrived is not None and duty is None:
        return []  # the city came, but the level is the district's to lead
    start = arrived if arrived is not None else handed[0].scenario_time
    return [
        Expectation(
            id="handover",
            kind="handover",
            category="command",
            unit=command,
            title=f"{plan.party_name(target)}到场后，将指挥权移交给{plan.party_name(target)}",
            title_en="Command handed over to the city HQ once it has arrived",
            ref=ref,
            starts_at=start,
            due_at=start + minutes.handover * 60 if arrived is not None else None,
            params={"to": target, "arrived": arrived},
        )
    ]


def request_expectations(
    plan: Plan,
    scenario: Scenario,
    record: ExerciseRecord,
    minutes: ImmediateMinutes,
    levels: Sequence[tuple[float, LevelId]],
) -> list[Expectation]:
    """§5.2.1 请求市有关部门启动部门应急响应 on escalation; §5.4 报请市政府予以协助."""
    out: list[Expectation] = []
    for request in plan.actions.requests:
        seats = seats_for(request.by, scenario, record)
        if not seats:
            continue
        if request.after_level is not None and (not levels or levels[0][1] != request.after_level):
            continue
        start = _first_time(plan, scenario, record, levels, request.when)
        if start is not None and request.after_level is not None:
            # the escalation: the first time it was told of a level above the first
            start = next((t for t, lv in levels if lv != request.after_level), None)
        if start is None:
            continue
        out.append(
            Expectation(
                id=f"request:{request.id}",
                kind="request",
                category="command",
                unit=seats[0],
                title=request.text,
                title_en=request.id.replace("_", " "),
                ref=request.ref,
                starts_at=start,
                due_at=start + minutes.request * 60,
                params={"units": tuple(seats), "to": tuple(request.to)},
            )
        )
    return out


def _first_time(
    plan: Plan,
    scenario: Scenario,
    record: ExerciseRecord,
    levels: Sequence[tuple[float, LevelId]],
    condition: Condition,
) -> float | None:
    """When the condition first held on what the command seat had been told."""
    command = scenario.roles.district_command
    moments = sorted({*record.unit_knowledge_times(command), *(t for t, _ in levels)})
    for time in moments:
        level = None
        for t, lv in levels:
            if t <= time:
                level = lv
        facts = record.unit_facts_at(command, time)
        if condition_holds(condition, Situation(facts, scenario.category, level)):
            return time
    return None


def on_scene_expectations(
    plan: Plan,
    scenario: Scenario,
    record: ExerciseRecord,
    minutes: ImmediateMinutes,
    levels: Sequence[tuple[float, LevelId]],
) -> list[Expectation]:
    """§5.2.2–5.2.4: the heads of the listed member units 应赶赴现场, each charged to its
    seat from when that unit had learnt of the incident and the level was reached."""
    step = next((s for s in plan.actions.response_steps if s.id == "leaders_to_scene"), None)
    if step is None:
        return []
    out: list[Expectation] = []
    for time, level in levels:
        response = plan.response_for(level)
        for unit in response.on_scene_units:
            if unit not in scenario.seats or unit not in record.known_at:
                continue
            if any(e.unit == unit for e in out):
                continue
            start = max(time, record.known_at[unit])
            out.append(
                Expectation(
                    id=f"on_scene:{unit}",
                    kind="step",
                    category="command",
                    unit=unit,
                    title=f"{plan.party_name(unit)}主要负责同志赶赴现场指挥协调处置（{level}级响应）",
                    title_en=f"Head of {plan.units_by_id[unit].name_en} goes to the scene",
                    ref=plan.level(level).response_ref,
                    starts_at=start,
                    due_at=start + minutes.on_scene * 60,
                    params={"step": step.id, "units": (unit,)},
                )
            )
    return out


def warning_action_expectations(
    plan: Plan,
    scenario: Scenario,
    record: ExerciseRecord,
    minutes: ImmediateMinutes,
    warranted: bool,
) -> list[Expectation]:
    """§3.5: once a warning is in force (issued by the district or by the city), the
    district HQ takes the listed actions where they apply.  A warning the facts did not
    warrant is its own wrong line and creates no duties."""
    if not warranted:
        return []
    command = scenario.roles.district_command
    issued = [
        e
        for kind in ("warning_issued", "warning_changed")
        for e in record.actions_of(command, kind)
    ]
    moments = [e.scenario_time for e in issued] + [e.scenario_time for e in record.city_warnings]
    if not moments:
        return []
    start = min(moments)
    situation = Situation(record.facts_at(record.now), scenario.category, None)
    out: list[Expectation] = []
    for step in plan.actions.warning_actions:
        if step.applies_when is None or not condition_holds(step.applies_when, situation):
            continue
        units = seats_for(step.by, scenario, record)
        if not units:
            continue
        out.append(
            Expectation(
                id=f"warning_action:{step.id}",
                kind="step",
                category="warning",
                unit=units[0],
                title=step.text,
                title_en=step.id.replace("_", " "),
                ref=step.ref,
                starts_at=start,
                due_at=start + minutes.warning * 60,
                params={"step": step.id, "units": units},
            )
        )
    return out


def plan_recipients(plan: Plan, scenario: Scenario, unit: str, report_kind: str) -> list[str]:
    """Whom the plan says *unit* sends a report of *report_kind* to (§4.1.1, §4.1.2,
    §5.2.1): the recipients of the obligations of that kind the unit holds, else those of
    the kind's first obligation."""
    table = recipient_seats(plan, scenario)
    of_kind = [o for o in plan.reporting.obligations if o.kind == report_kind]
    held = [o for o in of_kind if unit in (seat_for_party(r, scenario, table) for r in o.reporters)]
    chosen = held or of_kind[:1]
    return list(dict.fromkeys(r for o in chosen for r in o.recipients))
