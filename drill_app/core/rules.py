"""The plan's rules as pure functions of (plan, facts).

Incident level (§1.6.2), warning colour (§3.3), who leads, approves, ends and
releases information (§1.7, §5.2, §5.5, §5.6), which working groups must be
active (§2.3.2, §5.3.2) and which reports fall due when (§4.1.2, §5.2.1,
§6.1.1).  Every result names the criteria that produced it with their §.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from drill_app.core.facts import FactValue
from drill_app.core.plan import (
    COLOUR_ORDER,
    BandCriterion,
    CategoryId,
    ColourId,
    Condition,
    Group,
    LevelId,
    Obligation,
    Plan,
    PressureCriterion,
    Trigger,
    colour_rank,
    level_rank,
)

Facts = Mapping[str, FactValue]


# --- conditions -------------------------------------------------------------------


@dataclass(frozen=True)
class Situation:
    """What is known at one moment: the facts, the category, the level they give."""

    facts: Facts
    category: CategoryId | None = None
    level: LevelId | None = None


COMPARISONS: dict[str, Callable[[Any, Any], Any]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
}


def condition_holds(condition: Condition, situation: Situation) -> bool:
    """Evaluate a plan condition.  A fact that is not given compares as absent (false)."""
    if condition.always is not None:
        return condition.always
    if condition.any_of is not None:
        return any(condition_holds(c, situation) for c in condition.any_of)
    if condition.all_of is not None:
        return all(condition_holds(c, situation) for c in condition.all_of)
    if condition.category is not None:
        return situation.category == condition.category
    if condition.level_at_least is not None:
        return situation.level is not None and level_rank(situation.level) <= level_rank(
            condition.level_at_least
        )
    if condition.level_is is not None:
        return situation.level == condition.level_is
    assert condition.fact is not None and condition.op is not None
    value = situation.facts.get(condition.fact)
    if value is None:
        return False
    return bool(COMPARISONS[condition.op](value, condition.value))


# --- incident level (§1.6.2) -----------------------------------------------------------


@dataclass(frozen=True)
class LevelReason:
    criterion: str
    fact: str
    value: FactValue
    level: LevelId
    ref: str
    text: str


@dataclass(frozen=True)
class LevelResult:
    level: LevelId | None
    reasons: tuple[LevelReason, ...]
    """Every criterion that reached a level, most severe first."""


def classify_level(plan: Plan, facts: Facts) -> LevelResult:
    """The highest level any criterion reaches; None when no criterion is met."""
    reasons: list[LevelReason] = []
    for criterion in plan.level_criteria:
        value = facts.get(criterion.fact)
        if value is None or isinstance(value, bool):
            continue
        for band in criterion.bands:
            if band.contains(value):
                reasons.append(
                    LevelReason(
                        criterion.id, criterion.fact, value, band.level, band.ref, band.text
                    )
                )
                break
    reasons.sort(key=lambda r: level_rank(r.level))
    level = reasons[0].level if reasons else None
    return LevelResult(level, tuple(reasons))


# --- warning colour (§3.3) ------------------------------------------------------------


@dataclass(frozen=True)
class WarningReason:
    criterion: str
    colour: ColourId
    ref: str
    text: str
    values: tuple[tuple[str, FactValue], ...]


@dataclass(frozen=True)
class WarningResult:
    colour: ColourId | None
    reasons: tuple[WarningReason, ...]
    """The criteria that reached a colour (after the plan's combination settings)."""


def classify_warning(plan: Plan, facts: Facts) -> WarningResult:
    reasons: list[WarningReason] = []
    groups: dict[str, list[BandCriterion]] = {}
    for criterion in plan.warnings.criteria:
        if isinstance(criterion, BandCriterion):
            groups.setdefault(criterion.group, []).append(criterion)
        elif isinstance(criterion, PressureCriterion):
            reason = _pressure_reason(plan, criterion, facts)
            if reason is not None:
                reasons.append(reason)
    for members in groups.values():
        reasons.extend(_band_group_reasons(plan, members, facts))
    reasons.sort(key=lambda r: colour_rank(r.colour))
    colour = reasons[0].colour if reasons else None
    return WarningResult(colour, tuple(reasons))


def _band_group_reasons(
    plan: Plan, members: Sequence[BandCriterion], facts: Facts
) -> list[WarningReason]:
    hits: list[WarningReason | None] = []
    for criterion in members:
        value = facts.get(criterion.fact)
        hit = None
        if value is not None and not isinstance(value, bool):
            for band in criterion.bands:
                if band.contains(value):
                    hit = WarningReason(
                        criterion.id, band.colour, band.ref, band.text, ((criterion.fact, value),)
                    )
                    break
        hits.append(hit)
    found = [h for h in hits if h is not None]
    if plan.settings.warning_demand_households.value == "either":
        return found
    return _literal_reasons(members, facts)


def _literal_reasons(members: Sequence[BandCriterion], facts: Facts) -> list[WarningReason]:
    """ "both": the halves of one item hold together; the most severe colour whose every
    half holds (each band read literally where the data gives a literal reading)."""
    for colour in COLOUR_ORDER:
        reasons: list[WarningReason] = []
        for criterion in members:
            value = facts.get(criterion.fact)
            band = next((b for b in criterion.bands if b.colour == colour), None)
            if band is None or value is None or isinstance(value, bool):
                break
            if not (band.literal or band).contains(value):
                break
            reasons.append(
                WarningReason(criterion.id, colour, band.ref, band.text, ((criterion.fact, value),))
            )
        else:
            return reasons
    return []


def _pressure_reason(
    plan: Plan, criterion: PressureCriterion, facts: Facts
) -> WarningReason | None:
    if facts.get(criterion.requires) is not True:
        return None
    below: list[tuple[str, FactValue]] = []
    given = 0
    for limit in criterion.limits:
        # a 次高压A pipe is a 次高压 pipe: the lowest reading of the network's classes counts
        readings = [
            (fact, value)
            for fact in (limit.fact, *limit.also)
            if (value := facts.get(fact)) is not None and not isinstance(value, bool)
        ]
        if not readings:
            continue
        given += 1
        fact, value = min(readings, key=lambda r: r[1])
        if value < limit.below:
            below.append((fact, value))
    if plan.settings.warning_pressure_conditions.value == "either":
        met = bool(below)
    else:
        met = len(below) == len(criterion.limits)
    if not met:
        return None
    values = (*below, (criterion.requires, True))
    return WarningReason(criterion.id, criterion.colour, criterion.ref, criterion.text, values)


# --- who does what for a level (§1.7, §5.2, §5.5, §5.6) ----------------------------------


@dataclass(frozen=True)
class Duty:
    """One responsibility: which party, and where the plan says so."""

    party: str
    ref: str


@dataclass(frozen=True)
class Command:
    level: LevelId
    leads: Duty
    first_response: Duty
    proposes: Duty | None
    approves: Duty
    ends_response: Duty
    releases_information: Duty
    information_assisted_by: tuple[str, ...]
    handover_to: Duty | None
    on_scene: tuple[str, ...]
    notes: tuple[str, ...] = ()


def command_for(plan: Plan, level: LevelId, facts: Facts | None = None) -> Command:
    """Who leads, approves, ends the response and releases information at *level*."""
    response = plan.response_for(level)
    notes: list[str] = []
    leads = Duty(response.leads, response.leads_ref)
    handover = (
        Duty(response.command_handover_to, response.handover_ref or response.leads_ref)
        if response.command_handover_to
        else None
    )
    setting = plan.settings.cross_district_level_iv_led_by_city
    crosses = bool(facts and facts.get("cross_district") is True)
    if level == "IV" and crosses and setting.value:
        # §1.7: when the city leads, it also approves, ends and releases information
        city = plan.response_for("III")
        leads = Duty(city.leads, setting.ref)
        handover = Duty(city.command_handover_to or city.leads, setting.ref)
        notes.append(setting.note)
        response = city.model_copy(update={"level": "IV", "on_scene": response.on_scene})
    return Command(
        level=level,
        leads=leads,
        first_response=Duty(response.first_response_by, response.leads_ref),
        proposes=Duty(response.proposed_by, response.approval_ref)
        if response.proposed_by
        else None,
        approves=Duty(response.approved_by, response.approval_ref),
        ends_response=Duty(response.ends_response, response.end_ref),
        releases_information=Duty(response.releases_information, response.information_ref),
        information_assisted_by=tuple(response.information_assisted_by),
        handover_to=handover,
        on_scene=tuple(response.on_scene),
        notes=tuple(notes),
    )


@dataclass(frozen=True)
class WarningAuthority:
    colour: ColourId
    issues: Duty
    changes: Duty
    lifts: Duty
    proposes: Duty | None
    district_role: str


def warning_authority(plan: Plan, colour: ColourId) -> WarningAuthority:
    c = plan.colour(colour)
    return WarningAuthority(
        colour=colour,
        issues=Duty(c.issued_by, c.authority_ref),
        changes=Duty(c.changed_by, c.authority_ref),
        lifts=Duty(c.lifted_by, c.authority_ref),
        proposes=Duty(c.proposed_by, c.authority_ref) if c.proposed_by else None,
        district_role=c.district_role,
    )


# --- working groups (§2.3.2, §5.3.2) ----------------------------------------------------


def required_groups(plan: Plan, situation: Situation) -> list[Group]:
    """The working groups that must be active in *situation*, in plan order."""
    return [g for g in plan.groups if condition_holds(g.activate_when, situation)]


# --- reporting obligations (§4.1.2, §5.2.1, §6.1.1) ---------------------------------------


@dataclass(frozen=True)
class Timeline:
    """When the moments that start reporting clocks happened, in scenario seconds.

    ``known`` maps a unit id to when it learnt of the incident; a unit missing
    there is taken to have learnt at ``occurred``.
    """

    occurred: float | None = None
    known: Mapping[str, float] = field(default_factory=dict)
    sensitive_determined: float | None = None
    disposal_ended: float | None = None


@dataclass(frozen=True)
class ReportDue:
    obligation: Obligation
    reporter: str
    """A unit or body id; for a joint duty, the first of the jointly responsible."""
    joint_with: tuple[str, ...]
    starts_at: float
    due_at: float | None
    """None where the plan sets no minute deadline (续报, 终报)."""


def clock_start(plan: Plan, trigger: Trigger, reporter: str, timeline: Timeline) -> float | None:
    if trigger == "occurred":
        return timeline.occurred
    if trigger == "known":
        if plan.settings.reporting_clock_start.value == "occurred":
            return timeline.occurred
        return timeline.known.get(reporter, timeline.occurred)
    if trigger == "sensitive_determined":
        return timeline.sensitive_determined
    return timeline.disposal_ended


def reports_due(plan: Plan, situation: Situation, timeline: Timeline) -> list[ReportDue]:
    """Every report the situation requires, with when its clock started and its deadline."""
    result: list[ReportDue] = []
    joint = plan.settings.report_duty.value == "joint"
    for obligation in plan.reporting.obligations:
        if not condition_holds(obligation.applies_when, situation):
            continue
        reporters: Sequence[tuple[str, tuple[str, ...]]]
        if joint:
            reporters = [(obligation.reporters[0], tuple(obligation.reporters[1:]))]
        else:
            reporters = [(r, ()) for r in obligation.reporters]
        for reporter, others in reporters:
            start = clock_start(plan, obligation.trigger, reporter, timeline)
            if start is None:
                continue
            minutes = obligation.deadline_minutes
            if obligation.kind == "final":
                minutes = plan.settings.final_report_deadline_minutes.value
            due = start + minutes * 60 if minutes is not None else None
            result.append(ReportDue(obligation, reporter, others, start, due))
    return result


def colour_at_least(colour: ColourId | None, threshold: ColourId) -> bool:
    return colour is not None and COLOUR_ORDER.index(colour) <= COLOUR_ORDER.index(threshold)
