"""What the plan expects, from whom and by when, derived from the facts as they evolve.

Expectations depend on the plan, the scenario and the *structure* of the
exercise: deliveries, reports (they carry knowledge and move follow-ups), the
determination of a sensitive event, the end of disposal and of the exercise, and
the acts that raise their own lines (a warning in force brings the §3.5 actions; an
act without authority is its own wrong line).  Whether the expected acts were done
is judged in scoring.  Each expectation has a stable id,
e.g. ``phone_report:emergency``, ``level:III``, ``group:medical``; scenario
conditions name expectations by these ids.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from drill_app.core.duties import (
    handover_expectations,
    on_scene_expectations,
    report_expectations,
    request_expectations,
    warning_action_expectations,
)
from drill_app.core.events import Event
from drill_app.core.expectation_types import Expectation, ExpectationKind, ImmediateMinutes
from drill_app.core.plan import ColourId, LevelId, Plan, level_rank
from drill_app.core.record import ExerciseRecord, FactsSnapshot
from drill_app.core.rules import (
    Situation,
    classify_level,
    classify_warning,
    command_for,
    condition_holds,
)
from drill_app.core.scenario import Scenario

__all__ = ["Expectation", "ExpectationKind", "ImmediateMinutes", "derive_expectations"]


def derive_expectations(
    plan: Plan, scenario: Scenario, record: ExerciseRecord, minutes: ImmediateMinutes
) -> list[Expectation]:
    """Every expectation that applies to this exercise as far as it has run."""
    out: list[Expectation] = []
    command = scenario.roles.district_command
    series = record.unit_facts.get(command)
    # the level, the groups and the warnings are judged on what the command seat was told
    levels = _level_changes(plan, *(series.times, series.snapshots) if series else ([], []))

    # --- reporting (§4.1.1, §4.1.2, §5.2.1, §8) ---------------------------------------------
    true_levels = _level_changes(plan, record.facts.times, record.facts.snapshots)
    peak_level = min((lv for _, lv in true_levels), key=level_rank, default=None)
    out.extend(report_expectations(plan, scenario, record, minutes, peak_level))
    for unit in scenario.seats:
        if record.actions_of(unit, "report_submitted"):
            out.append(
                Expectation(
                    id=f"accuracy:{unit}",
                    kind="accuracy",
                    category="reporting",
                    unit=unit,
                    title=f"{plan.units_by_id[unit].name}报告数据与掌握情况一致（不得谎报、瞒报、漏报）",
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
    determined = record.actions_of(command, "level_determined")
    if not true_levels and determined:  # the facts never reach a level, told or not
        first = determined[0]
        out.append(
            Expectation(
                id="level:unwarranted",
                kind="level",
                category="command",
                unit=command,
                title="事实未达到任何分级标准时不应判定事件级别",
                title_en="No level is due on these facts",
                ref="§1.6.2",
                starts_at=first.scenario_time,
                due_at=None,
                params={"level": None},
            )
        )
    out.extend(handover_expectations(plan, scenario, record, minutes))
    out.extend(request_expectations(plan, scenario, record, minutes, levels))
    out.extend(on_scene_expectations(plan, scenario, record, minutes, levels))
    if peak_level is not None:
        out.extend(_authority_expectations(plan, scenario, record, peak_level, minutes))

    # --- working groups (§2.3.2, §5.3.2) ----------------------------------------------
    for group, start in _group_starts(plan, scenario, record, levels).items():
        g = plan.groups_by_id[group]
        unit = command  # §2.3, §5.3: the district HQ activates the groups
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

    # --- warnings (§3.3, §3.4, §3.5) ---------------------------------------------------------
    warnings = _warning_expectations(plan, scenario, record, minutes)
    warranted = any(e.params["colour"] is not None for e in warnings)
    out.extend(warnings)
    out.extend(warning_action_expectations(plan, scenario, record, minutes, warranted))
    out.extend(_unauthorised(plan, scenario, record))

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


def _level_changes(
    plan: Plan, times: list[float], snapshots: list[dict[str, Any]]
) -> list[tuple[float, LevelId]]:
    """(time, level) each time the facts gave a new level (escalation only, §1.6.2)."""
    changes: list[tuple[float, LevelId]] = []
    for time, snapshot in zip(times, snapshots, strict=True):
        level = classify_level(plan, snapshot).level
        if level is None:
            continue
        if not changes or level_rank(level) < level_rank(changes[-1][1]):
            changes.append((time, level))
    return changes


def _command_knowledge(record: ExerciseRecord, command: str) -> list[tuple[float, FactsSnapshot]]:
    series = record.unit_facts.get(command)
    return list(zip(series.times, series.snapshots, strict=True)) if series else []


def _colour_changes(
    record: ExerciseRecord, plan: Plan, command: str
) -> list[tuple[float, ColourId]]:
    changes: list[tuple[float, ColourId]] = []
    for time, snapshot in _command_knowledge(record, command):
        colour = classify_warning(plan, snapshot).colour
        if colour is not None and (not changes or changes[-1][1] != colour):
            changes.append((time, colour))
    return changes


def _district_issues(plan: Plan, record: ExerciseRecord, colour: ColourId, command: str) -> bool:
    """§3.4, §3.6: blue and yellow are the district's to issue; red and orange the city's."""
    return record.recipient_seats.get(plan.colour(colour).issued_by) == command


def _warning_expectations(
    plan: Plan, scenario: Scenario, record: ExerciseRecord, minutes: ImmediateMinutes
) -> list[Expectation]:
    command = scenario.roles.district_command
    colours = _colour_changes(record, plan, command)
    out: list[Expectation] = []
    for i, (start, colour) in enumerate(colours):
        if not _district_issues(plan, record, colour, command):
            continue  # the city HQ's call: relayed below once it issues it
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
    city = record.city_warnings
    for i, event in enumerate(city):
        colour = event.payload["city_warning"]
        if any(e.id == f"warning:{colour}" for e in out):
            continue  # the district's own colour, now with the city HQ's opinion (§3.6)
        c = plan.colour(colour)
        start = event.scenario_time
        out.append(
            Expectation(
                id=f"warning:{colour}",
                kind="warning",
                category="warning",
                unit=command,
                title=f"转发并落实{plan.party_name(c.issued_by)}发布的{c.name}预警（{c.district_role}）",
                title_en=f"The city HQ's {c.name_en.lower()} warning relayed",
                ref=c.authority_ref,
                starts_at=start,
                due_at=start + minutes.warning * 60,
                until=city[i + 1].scenario_time if i + 1 < len(city) else None,
                params={"colour": colour},
            )
        )
    out = _unique_ids(out)
    issued = _warning_events(record, command)
    warranted = any(classify_warning(plan, f).colour for f in record.facts.snapshots)
    if not warranted and not city and issued:
        out.append(
            Expectation(
                id="warning:unwarranted",
                kind="warning",
                category="warning",
                unit=command,
                title="事实未达到任何预警级别时不应发布预警",
                title_en="No warning is due on these facts",
                ref=plan.warnings.ref,
                starts_at=issued[0].scenario_time,
                due_at=None,
                params={"colour": None},
            )
        )
    return out


def _unique_ids(lines: list[Expectation]) -> list[Expectation]:
    """A colour the facts return to gets its own line: ``warning:blue:2``."""
    seen: dict[str, int] = {}
    out: list[Expectation] = []
    for e in lines:
        seen[e.id] = seen.get(e.id, 0) + 1
        out.append(e if seen[e.id] == 1 else replace(e, id=f"{e.id}:{seen[e.id]}"))
    return out


def _warning_events(record: ExerciseRecord, unit: str) -> list[Event]:
    return sorted(
        [*record.actions_of(unit, "warning_issued"), *record.actions_of(unit, "warning_changed")],
        key=lambda e: e.scenario_time,
    )


AUTHORITY_OF_COMMAND = {
    "level_determined": ("§4.2", "事件级别由区应急指挥部研判确定", "level determined"),
    "command_handed_over": ("§5.3.1.7", "指挥权由区应急指挥部移交", "command handed over"),
    "group_activated": ("§5.3.1", "工作组由区应急指挥部启动", "working group activated"),
    "warning_issued": ("§2.2.1.4", "预警由区应急指挥部（办公室）发布", "warning issued"),
    "warning_changed": ("§3.6", "预警由区应急指挥部（办公室）调整", "warning changed"),
}
"""Acts that only the seat acting for the district HQ may do (§2.2.1, §2.3, §5.3)."""


def _unauthorised(plan: Plan, scenario: Scenario, record: ExerciseRecord) -> list[Expectation]:
    """A wrong line for each act done without the authority to do it: a command act by a
    seat not acting for the district HQ, or a red/orange warning the city had not issued."""
    command = scenario.roles.district_command
    out: list[Expectation] = []
    for kind, (ref, title, title_en) in AUTHORITY_OF_COMMAND.items():
        for unit in dict.fromkeys(e.unit for e in record.by_kind.get(kind, [])):
            if unit is None or unit == command:
                continue
            first = record.actions_of(unit, kind)[0]
            out.append(_wrong(f"authority:{kind}:{unit}", unit, ref, kind, title, title_en, first))
    city_colours: set[str] = set()
    city = iter(record.city_warnings)
    pending = next(city, None)
    for event in _warning_events(record, command):
        while pending is not None and pending.scenario_time <= event.scenario_time:
            city_colours = {pending.payload["city_warning"]}
            pending = next(city, None)
        colour = event.payload["colour"]
        if _district_issues(plan, record, colour, command) or colour in city_colours:
            continue
        c = plan.colour(colour)
        title = f"{c.name}预警由{plan.party_name(c.issued_by)}发布，区应急指挥部负责做好配合"
        out.append(
            _wrong(
                f"authority:warning_{colour}",
                command,
                c.authority_ref,
                event.kind,
                title,
                f"{c.name_en} warning issued by the district without the city HQ",
                event,
            )
        )
        break
    return out


def _wrong(
    id_: str, unit: str, ref: str, kind: str, title: str, title_en: str, event: Event
) -> Expectation:
    return Expectation(
        id=id_,
        kind="authority",
        category="command",
        unit=unit,
        title=title,
        title_en=title_en,
        ref=ref,
        starts_at=event.scenario_time,
        due_at=None,
        params={"kind": kind, "allowed": False, "event": event.id},
    )


def _group_starts(
    plan: Plan, scenario: Scenario, record: ExerciseRecord, levels: list[tuple[float, LevelId]]
) -> dict[str, float]:
    """When each group is first required, on what the command seat had been told.  Groups
    the category alone requires (or that are always required) are due from when it learnt
    of the incident, facts or not."""
    command = scenario.roles.district_command
    starts: dict[str, float] = {}
    known = record.known_at.get(command)
    if known is None:
        return starts
    moments = sorted({known, *(t for t in record.unit_knowledge_times(command) if t >= known)})
    for time in moments:
        snapshot = record.unit_facts_at(command, time)
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
    duty = command_for(plan, peak, record.facts_at(record.now))  # §1.7 cross-district too
    ends, releases = duty.ends_response, duty.releases_information
    out: list[Expectation] = []
    district_leads = ends.party == "district_hq"
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
                ref=ends.ref,
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
                    ends.ref,
                    "response_ended",
                    f"{peak}级事件应由{plan.party_name(ends.party)}宣布响应结束",
                    event.scenario_time,
                )
            )
            break
    if releases.party == "district_hq":
        units = tuple(u for u in (command, *duty.information_assisted_by) if u in scenario.seats)
        if record.ended_at is not None or record.by_kind.get("information_released"):
            out.append(
                Expectation(
                    id="information_release",
                    kind="authority",
                    category="command",
                    unit=command,
                    title="区应急指挥部审核确定并发布事件信息（区委宣传部协助）",
                    title_en="District HQ releases information (publicity department assists)",
                    ref=releases.ref,
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
                    releases.ref,
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
