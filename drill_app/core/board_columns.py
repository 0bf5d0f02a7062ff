"""The status board's columns: which kinds of obligation a scenario can raise, known before
it starts, so that the board lays them all out from the first minute and none appears or
moves mid-drill.

A score line (``scoring.Line``) falls in one column by its kind (a report by the kind of
the plan's obligation its id names).  ``board_columns`` derives, from the plan and the
scenario alone, every column the scenario's own course can fill: the facts its injects
bring (cumulated in order, the level they reach at each step), its seats and roles, and
what the controller can always do (end the disposal, end the exercise).  It mirrors the
sources of ``expectations.derive_expectations`` and ``duties`` one by one.

Lines the scenario does not itself raise but a trainee's unusual act can (a working group
or warning act by a seat without the authority, a warning or level the facts do not
warrant, a hand-over before the city HQ came, a supply cut in a drill without load
shedding) go to their kind's column when it is laid out, else to ``other``, which is
always laid out last.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from drill_app.core.facts import FactValue
from drill_app.core.plan import Condition, LevelId, Obligation, Plan, level_rank
from drill_app.core.rules import (
    Situation,
    classify_level,
    classify_warning,
    command_for,
    condition_holds,
)
from drill_app.core.scenario import Scenario, recipient_seats, seat_for_party

COLUMN_ORDER = (
    "phone",
    "written",
    "content",
    "followup",
    "sensitive",
    "result",
    "level",
    "handover",
    "request",
    "group",
    "warning",
    "step",
    "supply",
    "authority",
    "scenario",
    "other",
)
"""Every column key, in the board's left-to-right order."""

REPORT_COLUMNS: Mapping[str, str] = {
    "phone": "phone",
    "written": "written",
    "followup": "followup",
    "final": "followup",
    "sensitive": "sensitive",
    "result": "result",
}
"""Report kind (``plan.Obligation.kind``) -> column."""

KIND_COLUMNS: Mapping[str, str] = {
    "report_content": "content",
    "accuracy": "content",
    "level": "level",
    "handover": "handover",
    "request": "request",
    "group": "group",
    "warning": "warning",
    "step": "step",
    "supply_order": "supply",
    "authority": "authority",
    "scenario": "scenario",
}
"""Expectation kind (other than ``report``) -> column."""

REPORTING_COLUMNS = frozenset({"phone", "written", "content", "followup", "sensitive", "result"})


def line_column(kind: str, line_id: str, report_kinds: Mapping[str, str]) -> str:
    """The column of a score line of *kind* and id (*report_kinds*: obligation id ->
    report kind), before falling back to ``other`` for a column not laid out."""
    if kind == "report":
        return REPORT_COLUMNS.get(report_kinds.get(line_id.partition(":")[0], ""), "other")
    return KIND_COLUMNS.get(kind, "other")


@dataclass(frozen=True)
class _Course:
    """What the scenario's injects can bring: the situation after each (facts cumulated
    in order, the peak level so far) and the levels it escalates through."""

    situations: tuple[Situation, ...]
    levels: tuple[LevelId, ...]
    closing: Situation
    """The situation when the scenario ends the disposal (its last, if it never does):
    what the final and result reports and the end of the response are judged on."""


def _course(plan: Plan, scenario: Scenario) -> _Course:
    facts: dict[str, FactValue] = {}
    peak: LevelId | None = None
    levels: list[LevelId] = []
    situations: list[Situation] = []
    closing: Situation | None = None
    for inject in scenario.injects:
        facts.update(inject.facts)
        level = classify_level(plan, facts).level
        if level is not None and (peak is None or level_rank(level) < level_rank(peak)):
            peak = level
            levels.append(level)
        situations.append(Situation(dict(facts), scenario.category, peak))
        if closing is None and facts.get("disposal_ended") is True:
            closing = situations[-1]
    last = situations[-1] if situations else Situation({}, scenario.category, None)
    return _Course(tuple(situations), tuple(levels), closing or last)


def board_columns(plan: Plan, scenario: Scenario) -> tuple[str, ...]:
    """Every column the scenario can fill, in ``COLUMN_ORDER``, ``other`` last."""
    course = _course(plan, scenario)
    keys = {
        *_report_columns(plan, scenario, course),
        *_command_columns(plan, scenario, course),
        *_response_columns(plan, scenario, course),
        "other",
    }
    return tuple(key for key in COLUMN_ORDER if key in keys)


def _holds_somewhere(condition: Condition, course: _Course) -> bool:
    return any(condition_holds(condition, s) for s in course.situations)


def _seated(parties: Iterable[str], scenario: Scenario, table: Mapping[str, str]) -> bool:
    return any(seat_for_party(p, scenario, table) in scenario.seats for p in parties)


def _report_columns(plan: Plan, scenario: Scenario, course: _Course) -> set[str]:
    """§4.1.1, §4.1.2, §5.2.1: the reports a seated reporter can owe; the written report's
    content (§4.1.3) and every report's accuracy (§8) with them."""
    table = recipient_seats(plan, scenario)

    def owed(obligation: Obligation) -> bool:
        if obligation.kind not in REPORT_COLUMNS:
            return False  # the 60-day investigation report is beyond any drill
        if obligation.trigger == "disposal_ended":
            applies = condition_holds(obligation.applies_when, course.closing)
        else:
            applies = _holds_somewhere(obligation.applies_when, course)
        return applies and _seated(obligation.reporters, scenario, table)

    out = {REPORT_COLUMNS[o.kind] for o in plan.reporting.obligations if owed(o)}
    return out | {"content"} if out else out


def _command_columns(plan: Plan, scenario: Scenario, course: _Course) -> set[str]:
    """§1.6.2 the level; §5.3.1.7 the hand-over once the city HQ arrives; §5.2.1/§5.4 the
    requests to the city; §5.5/§5.6 ending the response and releasing information."""
    out: set[str] = {"level"} if course.levels else set()
    last = course.situations[-1].facts if course.situations else {}
    if any(i.city_hq_arrives for i in scenario.injects) and any(
        command_for(plan, level, last).handover_to is not None for level in course.levels
    ):
        out.add("handover")
    if _requests_possible(plan, scenario, course):
        out.add("request")
    peak = course.closing.level
    if peak is not None:
        duty = command_for(plan, peak, course.closing.facts)
        if "district_hq" in (duty.ends_response.party, duty.releases_information.party):
            out.add("authority")
    return out


def _requests_possible(plan: Plan, scenario: Scenario, course: _Course) -> bool:
    table = recipient_seats(plan, scenario)
    for request in plan.actions.requests:
        if not _seated(request.by, scenario, table):
            continue
        if request.after_level is not None and (
            course.levels[:1] != (request.after_level,) or len(course.levels) < 2
        ):
            continue  # an escalation from that first level
        if _holds_somewhere(request.when, course):
            return True
    return False


def _response_columns(plan: Plan, scenario: Scenario, course: _Course) -> set[str]:
    """§2.3.2 the working groups; §3.3–§3.5 warnings; §5.1 first response, §5.2 leaders on
    scene, §5.3.2.2 supply measures; §5.1.2 the supply order; the scenario's own."""
    out: set[str] = set()
    if any(_holds_somewhere(g.activate_when, course) for g in plan.groups):
        out.add("group")
    if _warnings_possible(plan, scenario, course):
        out.add("warning")
    if _steps_possible(plan, scenario, course):
        out.add("step")
    if scenario.load_shedding or any(
        e.action.kind == "supply_cut" for i in scenario.injects for e in i.expects
    ):
        out.add("supply")
    if any(i.expects for i in scenario.injects):
        out.add("scenario")
    return out


def _warnings_possible(plan: Plan, scenario: Scenario, course: _Course) -> bool:
    """A colour the district issues (§3.4), or the city HQ's relayed (§3.6)."""
    if any(i.city_warning for i in scenario.injects):
        return True
    table = recipient_seats(plan, scenario)
    command = scenario.roles.district_command
    for situation in course.situations:
        colour = classify_warning(plan, situation.facts).colour
        if colour is not None and table.get(plan.colour(colour).issued_by) == command:
            return True
    return False


def _steps_possible(plan: Plan, scenario: Scenario, course: _Course) -> bool:
    """First-response steps and supply measures of seated units, leaders on scene at a
    level that sends them, the §3.5 actions once a warning is possible."""
    seats = set(scenario.seats)
    if scenario.category == "safety":
        steps = list(plan.actions.first_response_safety)
    else:
        steps = [*plan.actions.first_response_supply, *plan.actions.supply_measures]
    if any(seats.intersection(s.by) for s in steps):
        return True
    if any(seats.intersection(plan.response_for(lv).on_scene_units) for lv in course.levels):
        return True
    return _warnings_possible(plan, scenario, course) and any(
        _seated(s.by, scenario, recipient_seats(plan, scenario))
        for s in plan.actions.warning_actions
    )
