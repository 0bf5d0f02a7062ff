"""What the plan expects, from whom and by when, derived from the facts as they evolve.

Expectations depend only on the plan, the scenario and the *structure* of the
exercise (deliveries, the determination of a sensitive event, the end of
disposal, the end of the exercise), never on what the units did: the units'
actions are judged against them in scoring.  Each expectation has a stable id,
e.g. ``phone_report:emergency``, ``level:III``, ``group:medical``; scenario
conditions name expectations by these ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from drill_app.core.events import Event
from drill_app.core.plan import ColourId, LevelId, Plan, level_rank
from drill_app.core.record import ExerciseRecord
from drill_app.core.rules import (
    Situation,
    Timeline,
    classify_level,
    classify_warning,
    clock_start,
    condition_holds,
)
from drill_app.core.scenario import Scenario

ExpectationKind = Literal[
    "report",
    "report_content",
    "accuracy",
    "level",
    "handover",
    "group",
    "warning",
    "step",
    "supply_order",
    "authority",
    "scenario",
]

REPORT_KINDS_FOR: Mapping[str, tuple[str, ...]] = {
    "phone": ("phone",),
    "written": ("written",),
    "followup": ("followup",),
    "final": ("final",),
    "sensitive": ("sensitive",),
    "result": ("result",),
}


@dataclass(frozen=True)
class Expectation:
    id: str
    kind: ExpectationKind
    category: str
    unit: str
    title: str
    title_en: str
    ref: str
    starts_at: float
    due_at: float | None
    """Scenario seconds; None where the plan sets no deadline (due by the end)."""
    until: float | None = None
    """For level and warning lines: when the next level/colour took over."""
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImmediateMinutes:
    level: float = 30
    handover: float = 30
    group: float = 30
    warning: float = 30
    step: float = 15
    response_end: float = 30


def derive_expectations(
    plan: Plan, scenario: Scenario, record: ExerciseRecord, minutes: ImmediateMinutes
) -> list[Expectation]:
    """Every expectation that applies to this exercise as far as it has run."""
    out: list[Expectation] = []
    seats = set(scenario.seats)
    command = scenario.roles.district_command
    levels = _level_changes(plan, record)
    peak_level = min((lv for _, lv in levels), key=level_rank, default=None)
    category = scenario.category
    end = record.ended_at
    final_facts = record.facts_at(record.now)

    # --- reporting (§4.1.2, §5.2.1) --------------------------------------------------
    situation = Situation(final_facts, category, peak_level)
    joint = plan.settings.report_duty.value == "joint"
    for obligation in plan.reporting.obligations:
        if obligation.kind == "investigation":
            continue  # 60 days: beyond any drill; see docs/scoring.md
        if not condition_holds(obligation.applies_when, situation):
            continue
        reporters = [scenario.seat_for(r) for r in obligation.reporters]
        seated = [r for r in reporters if r is not None and r in seats]
        if joint and seated:
            seated = seated[:1]
        for unit in dict.fromkeys(seated):
            start = _report_clock(plan, obligation.trigger, unit, record)
            if start is None:
                continue
            deadline = obligation.deadline_minutes
            if obligation.kind == "final":
                deadline = plan.settings.final_report_deadline_minutes.value
            due = start + deadline * 60 if deadline is not None else None
            if obligation.kind == "followup":
                start, due = _followup_window(record, unit, levels)
                if start is None:
                    continue
            # Not due before the exercise ended: scored only if it was done.
            not_due = due is not None and end is not None and due > end
            done = record.first_reports.get((unit, obligation.kind))
            if not_due and done is None:
                continue
            name = plan.units_by_id[unit].name
            out.append(
                Expectation(
                    id=f"{obligation.id}:{unit}",
                    kind="report",
                    category="reporting",
                    unit=unit,
                    title=f"{name}{obligation.name}（{obligation.deadline_text}）",
                    title_en=f"{obligation.name_en} by {plan.units_by_id[unit].name_en}",
                    ref=obligation.ref,
                    starts_at=start,
                    due_at=due,
                    params={"report_kinds": REPORT_KINDS_FOR[obligation.kind], "after": start},
                )
            )
            if obligation.kind == "written":
                out.append(
                    Expectation(
                        id=f"report_content:{unit}",
                        kind="report_content",
                        category="reporting",
                        unit=unit,
                        title=f"{name}书面报告内容齐全（第4.1.3条所列事项）",
                        title_en=f"Written report by {plan.units_by_id[unit].name_en} is complete",
                        ref=plan.reporting.content_ref,
                        starts_at=start,
                        due_at=due,
                    )
                )
    for unit in scenario.seats:
        if record.actions_of(unit, "report_submitted"):
            out.append(
                Expectation(
                    id=f"accuracy:{unit}",
                    kind="accuracy",
                    category="reporting",
                    unit=unit,
                    title=f"{plan.units_by_id[unit].name}报告数据与掌握情况一致（不得谎报、瞒报）",
                    title_en=f"Reports by {plan.units_by_id[unit].name_en} match what it was told",
                    ref=plan.reporting.failures_ref,
                    starts_at=0.0,
                    due_at=None,
                )
            )

    # --- level and command (§1.6.2, §4.2, §5.3.1.7, §5.5, §5.6) ------------------------
    for i, (start, level) in enumerate(levels):
        until = levels[i + 1][0] if i + 1 < len(levels) else None
        lv = plan.level(level)
        out.append(
            Expectation(
                id=f"level:{level}",
                kind="level",
                category="command",
                unit=command,
                title=f"判定事件级别为{level}级（{lv.name}）",
                title_en=f"Level determined as {level} ({lv.name_en})",
                ref=lv.ref,
                starts_at=start,
                due_at=start + minutes.level * 60,
                until=until,
                params={"level": level},
            )
        )
    determined = record.by_kind.get("level_determined", [])
    if not levels and determined:
        first = determined[0]
        out.append(
            Expectation(
                id="level:unwarranted",
                kind="level",
                category="command",
                unit=first.unit or command,
                title="事实未达到任何分级标准时不应判定事件级别",
                title_en="No level is due on these facts",
                ref="§1.6.2",
                starts_at=first.scenario_time,
                due_at=None,
                params={"level": None},
            )
        )
    handover_at = next((t for t, lv in levels if level_rank(lv) <= level_rank("III")), None)
    if handover_at is not None:
        response = plan.response_for(peak_level or "III")
        target = response.command_handover_to or "city_hq"
        out.append(
            Expectation(
                id="handover",
                kind="handover",
                category="command",
                unit=command,
                title=f"较大以上事件：向{plan.party_name(target)}移交指挥权",
                title_en="Level III and above: command handed over to the city HQ",
                ref=response.handover_ref or "§5.3.1.7",
                starts_at=handover_at,
                due_at=handover_at + minutes.handover * 60,
                params={"to": target},
            )
        )
    if peak_level is not None:
        out.extend(_authority_expectations(plan, scenario, record, peak_level, minutes))

    # --- working groups (§2.3.2, §5.3.2) ----------------------------------------------
    for group, start in _group_starts(plan, scenario, record, levels).items():
        g = plan.groups_by_id[group]
        unit = g.lead if g.lead in seats else command
        out.append(
            Expectation(
                id=f"group:{group}",
                kind="group",
                category="groups",
                unit=unit,
                title=f"启动{g.name}",
                title_en=f"{g.name_en} activated",
                ref=g.ref,
                starts_at=start,
                due_at=start + minutes.group * 60,
                params={"group": group},
            )
        )

    # --- warnings (§3.3, §3.4) ----------------------------------------------------------
    colours = _colour_changes(plan, record)
    for i, (start, colour) in enumerate(colours):
        until = colours[i + 1][0] if i + 1 < len(colours) else None
        c = plan.colour(colour)
        out.append(
            Expectation(
                id=f"warning:{colour}",
                kind="warning",
                category="warning",
                unit=command,
                title=f"发布{c.name}预警（{plan.party_name(c.issued_by)}发布，{c.district_role}）",
                title_en=f"{c.name_en} warning in force",
                ref=c.ref,
                starts_at=start,
                due_at=start + minutes.warning * 60,
                until=until,
                params={"colour": colour},
            )
        )

    if not colours and _warning_events(record):
        first = _warning_events(record)[0]
        out.append(
            Expectation(
                id="warning:unwarranted",
                kind="warning",
                category="warning",
                unit=first.unit or command,
                title="事实未达到任何预警级别时不应发布预警",
                title_en="No warning is due on these facts",
                ref=plan.warnings.ref,
                starts_at=first.scenario_time,
                due_at=None,
                params={"colour": None},
            )
        )

    # --- first response and measures (§5.1, §5.3.2.2) -----------------------------------------
    out.extend(_step_expectations(plan, scenario, record, minutes))

    # --- supply priority (§5.1.2) ---------------------------------------------------------
    if scenario.load_shedding or record.by_kind.get("supply_cut"):
        unit = scenario.roles.incident_unit
        out.append(
            Expectation(
                id="supply_order",
                kind="supply_order",
                category="supply",
                unit=unit,
                title="按优先保障顺序压减供气（先工业、商业，后公共交通、公共福利，最后居民）",
                title_en="Supply cut in the priority order of §5.1.2",
                ref=plan.actions.supply_priority_ref,
                starts_at=record.known_at.get(unit, record.occurred_at),
                due_at=None,
            )
        )

    # --- the scenario's own expectations ----------------------------------------------------
    for inject_id, delivery in record.delivered.items():
        inject = scenario.injects_by_id.get(inject_id)
        if inject is None:
            continue
        for e in inject.expects:
            out.append(
                Expectation(
                    id=f"scenario:{e.id}",
                    kind="scenario",
                    category=e.category,
                    unit=e.unit,
                    title=e.text,
                    title_en=e.text,
                    ref=e.ref,
                    starts_at=delivery.scenario_time,
                    due_at=delivery.scenario_time + e.within_minutes * 60,
                    params={
                        "kind": e.action.kind,
                        "payload": dict(e.action.payload),
                        "points": e.points,
                    },
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


def _followup_window(
    record: ExerciseRecord, unit: str, levels: list[tuple[float, LevelId]]
) -> tuple[float | None, float | None]:
    """A follow-up (续报) is due once the level changes after the unit's written report
    (or after it learnt, if it has filed none): the change is news the report did not carry.
    That includes an incident that first reaches a level after it was reported."""
    known = record.known_at.get(unit)
    if known is None:
        return None, None
    written = record.first_reports.get((unit, "written"))
    since = written.scenario_time if written is not None else known
    for time, _ in levels:
        if time > since:
            return time, None
    return None, None


def _level_changes(plan: Plan, record: ExerciseRecord) -> list[tuple[float, LevelId]]:
    """(time, level) each time the facts gave a new level (escalation only, §1.6.2)."""
    changes: list[tuple[float, LevelId]] = []
    for time, snapshot in zip(record.facts.times, record.facts.snapshots, strict=True):
        level = classify_level(plan, snapshot).level
        if level is None:
            continue
        if not changes or level_rank(level) < level_rank(changes[-1][1]):
            changes.append((time, level))
    return changes


def _colour_changes(plan: Plan, record: ExerciseRecord) -> list[tuple[float, ColourId]]:
    changes: list[tuple[float, ColourId]] = []
    for time, snapshot in zip(record.facts.times, record.facts.snapshots, strict=True):
        colour = classify_warning(plan, snapshot).colour
        if colour is not None and (not changes or changes[-1][1] != colour):
            changes.append((time, colour))
    return changes


def _warning_events(record: ExerciseRecord) -> list[Event]:
    return sorted(
        [*record.by_kind.get("warning_issued", []), *record.by_kind.get("warning_changed", [])],
        key=lambda e: e.scenario_time,
    )


def _group_starts(
    plan: Plan, scenario: Scenario, record: ExerciseRecord, levels: list[tuple[float, LevelId]]
) -> dict[str, float]:
    """When each group is first required.  Groups the category alone requires (or that
    are always required) are due from when the incident is first known, facts or not."""
    starts: dict[str, float] = {}
    moments = sorted(set(record.facts.times) | set(record.known_at.values()))
    for time in moments:
        snapshot = record.facts_at(time)
        level = None
        for t, lv in levels:
            if t <= time:
                level = lv
        situation = Situation(snapshot, scenario.category, level)
        for group in plan.groups:
            if group.id not in starts and condition_holds(group.activate_when, situation):
                starts[group.id] = time
    return starts


def _step_expectations(
    plan: Plan, scenario: Scenario, record: ExerciseRecord, minutes: ImmediateMinutes
) -> list[Expectation]:
    out: list[Expectation] = []
    seats = scenario.seats
    if scenario.category == "safety":
        steps = list(plan.actions.first_response_safety)
        casualties = any(
            (record.facts_at(record.now).get(k) or 0) > 0
            for k in ("deaths", "serious_injuries", "minor_injuries")
        )
        if not casualties:
            # §5.1.1.3 concerns moving objects to rescue the injured.
            steps = [s for s in steps if s.id != "preserve_evidence"]
    else:
        steps = list(plan.actions.first_response_supply)
        shortage = (record.facts_at(record.now).get("demand_excess_pct") or 0) > 0
        if shortage:  # §5.3.2.2 applies "当气源供应不足影响正常供气时"
            steps += [
                s
                for s in plan.actions.supply_measures
                if s.id in ("protect_key_users", "ask_to_save")
            ]
    for step in steps:
        units = tuple(u for u in step.by if u in seats)
        if not units:
            continue
        start = min((record.known_at[u] for u in units if u in record.known_at), default=None)
        if start is None:
            continue
        out.append(
            Expectation(
                id=f"step:{step.id}",
                kind="step",
                category="response" if scenario.category == "safety" else "supply",
                unit=units[0],
                title=step.text,
                title_en=step.id.replace("_", " "),
                ref=step.ref,
                starts_at=start,
                due_at=start + minutes.step * 60,
                params={"step": step.id, "units": units},
            )
        )
    return out


def _authority_expectations(
    plan: Plan,
    scenario: Scenario,
    record: ExerciseRecord,
    peak: LevelId,
    minutes: ImmediateMinutes,
) -> list[Expectation]:
    """§5.5 / §5.6: at level IV the district ends the response and releases information;
    at level III and above those are the city's, and a district that does them is wrong."""
    command = scenario.roles.district_command
    response = plan.response_for(peak)
    out: list[Expectation] = []
    district_leads = response.ends_response == "district_hq"
    disposal = record.disposal_ended_at
    if district_leads and disposal is not None:
        out.append(
            Expectation(
                id="response_end",
                kind="authority",
                category="command",
                unit=command,
                title="处置结束后由区应急指挥部宣布应急响应结束",
                title_en="District HQ announces the end of the response",
                ref=response.end_ref,
                starts_at=disposal,
                due_at=disposal + minutes.response_end * 60,
                params={"kind": "response_ended", "allowed": True},
            )
        )
    elif not district_leads:
        for event in record.by_kind.get("response_ended", []):
            out.append(
                _wrong_authority(
                    plan,
                    event.unit or command,
                    response.end_ref,
                    "response_ended",
                    f"{peak}级事件应由{plan.party_name(response.ends_response)}宣布响应结束",
                    event.scenario_time,
                )
            )
            break
    if response.releases_information == "district_hq":
        units = tuple(
            u for u in (command, *response.information_assisted_by) if u in scenario.seats
        )
        if record.ended_at is not None or record.by_kind.get("information_released"):
            out.append(
                Expectation(
                    id="information_release",
                    kind="authority",
                    category="command",
                    unit=command,
                    title="区应急指挥部审核确定并发布事件信息（区委宣传部协助）",
                    title_en="District HQ releases information (publicity department assists)",
                    ref=response.information_ref,
                    starts_at=record.known_at.get(command, record.occurred_at),
                    due_at=None,
                    params={"kind": "information_released", "allowed": True, "units": units},
                )
            )
    else:
        for event in record.by_kind.get("information_released", []):
            out.append(
                _wrong_authority(
                    plan,
                    event.unit or command,
                    response.information_ref,
                    "information_released",
                    f"{peak}级事件信息由市级发布",
                    event.scenario_time,
                )
            )
            break
    return out


def _wrong_authority(
    plan: Plan, unit: str, ref: str, kind: str, title: str, at: float
) -> Expectation:
    return Expectation(
        id=f"authority:{kind}",
        kind="authority",
        category="command",
        unit=unit,
        title=title,
        title_en=f"{kind.replace('_', ' ')} is not the district's at this level",
        ref=ref,
        starts_at=at,
        due_at=None,
        params={"kind": kind, "allowed": False},
    )
