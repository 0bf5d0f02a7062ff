"""Exercise events: every action is an immutable, validated event.

An exercise is event-sourced: its state, its clock and its score are derived
from the ordered list of events.  ``validate_event`` checks a new event against
the plan, the scenario and the state so far; an invalid one is refused with a
reason and changes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from drill_app.core.facts import FactsError, FactValue, validate_facts
from drill_app.core.plan import ColourId, Id, LevelId, Plan, Text
from drill_app.core.scenario import Scenario, Source, step_ids

Actor = Literal["controller", "seat", "evaluator", "system"]
ReportKind = Literal["phone", "written", "followup", "final", "sensitive", "result"]
Rating = Literal["P", "S", "M", "U"]


class EventError(ValueError):
    """An event was refused; the message says why."""


@dataclass(frozen=True)
class Event:
    """One immutable thing that happened in an exercise."""

    id: str
    exercise_id: str
    kind: str
    actor: Actor
    unit: str | None
    payload: Mapping[str, Any]
    scenario_time: float
    """Seconds of scenario time."""
    wall_time: float
    """Host wall-clock time (POSIX seconds) when the event was recorded."""

    @property
    def minute(self) -> float:
        return self.scenario_time / 60


# --- payloads ------------------------------------------------------------------------


class Payload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Empty(Payload):
    pass


class SpeedChanged(Payload):
    speed: float = Field(gt=0, le=120)


class ClockJumped(Payload):
    to_seconds: float = Field(ge=0)


class HostRestarted(Payload):
    down_seconds: float = Field(ge=0)


class InjectDelivered(Payload):
    inject: Id | None = None
    """The scenario inject, or None for an ad-hoc inject."""
    title: Text
    text: Text
    source: Source
    to: list[Id] = Field(min_length=1)
    informs_incident: bool = False
    facts: dict[str, FactValue] = {}
    city_hq_arrives: bool = False
    """The city HQ arrives on scene with this inject (§5.3.1.7: command is handed over then)."""
    city_warning: ColourId | None = None
    """The city HQ issues (or changes to) this warning colour with this inject (§3.4)."""

    @field_validator("facts", mode="before")
    @classmethod
    def _facts(cls, value: object) -> object:
        try:
            return validate_facts(value if value is not None else {})
        except FactsError as exc:
            raise ValueError(str(exc)) from None


class InjectSkipped(Payload):
    inject: Id
    reason: str = ""


class ReportFields(Payload):
    """The §4.1.3 content of a report; text fields are free text, figures are typed."""

    time: str = ""
    place: str = ""
    source: str = ""
    category: str = ""
    course: str = ""
    property_loss: str = ""
    casualties: str = ""
    initial_level: LevelId | Literal["none"] | None = None
    """The reporter's initial level; "none" = 未达分级标准 (no level criterion met yet)."""
    measures_taken: str = ""
    secondary_hazards: str = ""
    nearby_hazards: str = ""
    alerts_issued: str = ""
    evacuation_needed: str = ""
    support_needed: str = ""
    urgent_problems: str = ""
    onsite_contact: str = ""
    reporter_contact: str = ""


class ReportSubmitted(Payload):
    report_kind: ReportKind
    recipients: list[Id] = []
    fields: ReportFields = ReportFields()
    figures: dict[str, FactValue] = {}
    """Figures the report states, in the facts vocabulary (deaths, direct_loss_yuan …)."""

    @field_validator("figures", mode="before")
    @classmethod
    def _figures(cls, value: object) -> object:
        try:
            return validate_facts(value if value is not None else {})
        except FactsError as exc:
            raise ValueError(str(exc).replace("fact", "figure", 1)) from None


class LevelDetermined(Payload):
    level: LevelId


class GroupChange(Payload):
    group: Id


class WarningIssued(Payload):
    colour: ColourId


class StepTaken(Payload):
    step: Id
    note: str = ""


class SupplyChange(Payload):
    user_class: Id


class CommandHandedOver(Payload):
    to: Id


class InformationReleased(Payload):
    text: Text


class HelpRequested(Payload):
    to: Id
    text: str = ""


class EvaluatorNote(Payload):
    text: Text
    about_unit: Id | None = None


class EvaluatorRating(Payload):
    rating: Rating
    objective: Id | None = None
    about_unit: Id | None = None
    comment: str = ""


ReviewStage = Literal["onsite_review", "self_assessment", "team_assessment"]
FindingGrade = Literal["deficiency", "rectification", "improvement"]


class FindingRecorded(Payload):
    """A strength or an area for improvement (AQ/T 9009 evaluation)."""

    finding: Literal["strength", "area_for_improvement"]
    text: Text
    plan_ref: str = ""
    cause: str = ""
    grade: FindingGrade | None = None
    """不足项 (deficiency) / 整改项 (rectification) / 改进项 (improvement); none for a strength."""
    evidence: list[str] = []
    about_unit: Id | None = None


class ReviewRecorded(Payload):
    """A post-exercise step of AQ/T 9009: 现场点评, 参演人员自评, 评估组评估."""

    stage: ReviewStage
    text: Text
    about_unit: Id | None = None
    by: str = ""


@dataclass(frozen=True)
class KindSpec:
    payload: type[Payload]
    actors: frozenset[Actor]
    needs_unit: bool = False


_CONTROL: frozenset[Actor] = frozenset({"controller", "system"})
# The controller may act for a seat (one laptop, trainees taking turns).
_SEAT: frozenset[Actor] = frozenset({"seat", "controller"})
_EVAL: frozenset[Actor] = frozenset({"evaluator", "controller"})

KINDS: Mapping[str, KindSpec] = {
    "exercise_started": KindSpec(Empty, _CONTROL),
    "exercise_paused": KindSpec(Empty, _CONTROL),
    "exercise_resumed": KindSpec(Empty, _CONTROL),
    "speed_changed": KindSpec(SpeedChanged, _CONTROL),
    "clock_jumped": KindSpec(ClockJumped, _CONTROL),
    "exercise_ended": KindSpec(Empty, _CONTROL),
    "host_restarted": KindSpec(HostRestarted, frozenset({"system"})),
    "inject_delivered": KindSpec(InjectDelivered, _CONTROL),
    "inject_skipped": KindSpec(InjectSkipped, _CONTROL),
    "disposal_ended": KindSpec(Empty, _CONTROL | _SEAT),
    "report_submitted": KindSpec(ReportSubmitted, _SEAT, needs_unit=True),
    "level_determined": KindSpec(LevelDetermined, _SEAT, needs_unit=True),
    "group_activated": KindSpec(GroupChange, _SEAT, needs_unit=True),
    "group_stood_down": KindSpec(GroupChange, _SEAT, needs_unit=True),
    "warning_issued": KindSpec(WarningIssued, _SEAT, needs_unit=True),
    "warning_changed": KindSpec(WarningIssued, _SEAT, needs_unit=True),
    "warning_lifted": KindSpec(Empty, _SEAT, needs_unit=True),
    "step_taken": KindSpec(StepTaken, _SEAT, needs_unit=True),
    "supply_cut": KindSpec(SupplyChange, _SEAT, needs_unit=True),
    "supply_restored": KindSpec(SupplyChange, _SEAT, needs_unit=True),
    "command_handed_over": KindSpec(CommandHandedOver, _SEAT, needs_unit=True),
    "response_ended": KindSpec(Empty, _SEAT, needs_unit=True),
    "information_released": KindSpec(InformationReleased, _SEAT, needs_unit=True),
    "sensitive_determined": KindSpec(Empty, _SEAT, needs_unit=True),
    "help_requested": KindSpec(HelpRequested, _SEAT, needs_unit=True),
    "evaluator_note": KindSpec(EvaluatorNote, _EVAL),
    "evaluator_rating": KindSpec(EvaluatorRating, _EVAL),
    "finding_recorded": KindSpec(FindingRecorded, _EVAL),
    "review_recorded": KindSpec(ReviewRecorded, _EVAL),
}

EVALUATION_KINDS = frozenset(
    {"evaluator_note", "evaluator_rating", "finding_recorded", "review_recorded"}
)


# --- state needed to validate ------------------------------------------------------------


@dataclass
class ValidationState:
    """What validation needs to know about the events so far."""

    ids: set[str] = field(default_factory=set)
    started: bool = False
    ended: bool = False
    paused: bool = False
    last_time: float = 0.0
    delivered: set[str] = field(default_factory=set)
    skipped: set[str] = field(default_factory=set)
    active_groups: set[str] = field(default_factory=set)
    warning: ColourId | None = None
    cut: set[str] = field(default_factory=set)
    response_ended: bool = False

    def apply(self, event: Event) -> None:
        self.ids.add(event.id)
        self.last_time = max(self.last_time, event.scenario_time)
        p = event.payload
        kind = event.kind
        if kind == "exercise_started":
            self.started = True
        elif kind == "exercise_ended":
            self.ended = True
        elif kind == "exercise_paused":
            self.paused = True
        elif kind == "exercise_resumed":
            self.paused = False
        elif kind == "inject_delivered" and p.get("inject"):
            self.delivered.add(p["inject"])
        elif kind == "inject_skipped":
            self.skipped.add(p["inject"])
        elif kind == "group_activated":
            self.active_groups.add(p["group"])
        elif kind == "group_stood_down":
            self.active_groups.discard(p["group"])
        elif kind in ("warning_issued", "warning_changed"):
            self.warning = p["colour"]
        elif kind == "warning_lifted":
            self.warning = None
        elif kind == "supply_cut":
            self.cut.add(p["user_class"])
        elif kind == "supply_restored":
            self.cut.discard(p["user_class"])
        elif kind == "response_ended":
            self.response_ended = True


def parse_payload(kind: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise a payload for *kind*; raise EventError naming the field."""
    spec = KINDS.get(kind)
    if spec is None:
        raise EventError(f"unknown event kind {kind!r}")
    try:
        model = spec.payload.model_validate(dict(payload))
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or kind
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field"
        raise EventError(f"{kind}: {where}: {msg}") from None
    return model.model_dump(exclude_defaults=False)


def validate_event(plan: Plan, scenario: Scenario, state: ValidationState, event: Event) -> Event:
    """Check *event* against plan, scenario and state; return it with a normalised payload."""
    spec = KINDS.get(event.kind)
    if spec is None:
        raise EventError(f"unknown event kind {event.kind!r}")
    if event.id in state.ids:
        raise EventError(f"event {event.id} is already recorded")
    if event.actor not in spec.actors:
        raise EventError(f"{event.kind} cannot come from the {event.actor}")
    if spec.needs_unit:
        if event.unit is None:
            raise EventError(f"{event.kind} needs the unit that acts")
        if event.unit not in scenario.seats:
            raise EventError(f"unit {event.unit!r} has no seat in this exercise")
    elif event.unit is not None and event.unit not in scenario.seats:
        raise EventError(f"unit {event.unit!r} has no seat in this exercise")
    if event.scenario_time < state.last_time:
        raise EventError(
            f"scenario time {event.scenario_time:g} s is before the last event "
            f"({state.last_time:g} s)"
        )
    payload = parse_payload(event.kind, event.payload)

    kind = event.kind
    if kind == "exercise_started":
        if state.started:
            raise EventError("the exercise has already started")
    elif not state.started and kind not in EVALUATION_KINDS:
        raise EventError("the exercise has not started")
    if state.ended and kind not in EVALUATION_KINDS:
        raise EventError("the exercise has ended; only evaluator notes and ratings can be added")
    if kind == "exercise_paused" and state.paused:
        raise EventError("the exercise is already paused")
    if kind == "exercise_resumed" and not state.paused:
        raise EventError("the exercise is not paused")
    if kind == "clock_jumped" and payload["to_seconds"] < event.scenario_time:
        raise EventError("the clock can only jump forward")
    _check_references(plan, scenario, state, kind, payload)
    return Event(
        event.id,
        event.exercise_id,
        kind,
        event.actor,
        event.unit,
        payload,
        event.scenario_time,
        event.wall_time,
    )


def _check_references(
    plan: Plan, scenario: Scenario, state: ValidationState, kind: str, p: Mapping[str, Any]
) -> None:
    if kind == "inject_delivered":
        inject_id = p["inject"]
        if inject_id is not None:
            if inject_id not in scenario.injects_by_id:
                raise EventError(f"the scenario has no inject {inject_id!r}")
            if inject_id in state.delivered or inject_id in state.skipped:
                raise EventError(f"inject {inject_id!r} was already released or skipped")
        for seat in p["to"]:
            if seat not in scenario.seats:
                raise EventError(f"inject recipient {seat!r} has no seat in this exercise")
    elif kind == "inject_skipped":
        if p["inject"] not in scenario.injects_by_id:
            raise EventError(f"the scenario has no inject {p['inject']!r}")
        if p["inject"] in state.delivered or p["inject"] in state.skipped:
            raise EventError(f"inject {p['inject']!r} was already released or skipped")
    elif kind in ("group_activated", "group_stood_down"):
        group = p["group"]
        if group not in plan.groups_by_id:
            raise EventError(f"the plan has no working group {group!r}")
        if kind == "group_activated" and group in state.active_groups:
            raise EventError(f"group {plan.groups_by_id[group].name} is already active")
        if kind == "group_stood_down" and group not in state.active_groups:
            raise EventError(f"group {plan.groups_by_id[group].name} is not active")
    elif kind == "warning_issued" and state.warning is not None:
        raise EventError("a warning is already in force: change or lift it")
    elif kind == "warning_changed":
        if state.warning is None:
            raise EventError("no warning is in force to change")
        if p["colour"] == state.warning:
            raise EventError(f"the warning is already {p['colour']}")
    elif kind == "warning_lifted" and state.warning is None:
        raise EventError("no warning is in force to lift")
    elif kind == "step_taken" and p["step"] not in step_ids(plan):
        raise EventError(f"the plan has no step or measure {p['step']!r}")
    elif kind in ("supply_cut", "supply_restored"):
        classes = {u.id for u in plan.actions.supply_priority}
        if p["user_class"] not in classes:
            raise EventError(
                f"unknown user class {p['user_class']!r} (one of {', '.join(classes)})"
            )
        if kind == "supply_cut" and p["user_class"] in state.cut:
            raise EventError(f"supply to {p['user_class']} is already cut")
        if kind == "supply_restored" and p["user_class"] not in state.cut:
            raise EventError(f"supply to {p['user_class']} is not cut")
    elif kind in ("command_handed_over", "help_requested") and p["to"] not in plan.parties:
        raise EventError(f"unknown unit or body {p['to']!r}")
    elif kind == "report_submitted":
        for recipient in p["recipients"]:
            if recipient not in plan.parties:
                raise EventError(f"unknown report recipient {recipient!r}")
    elif kind == "response_ended" and state.response_ended:
        raise EventError("the response has already been ended")
    elif p.get("about_unit") is not None and p["about_unit"] not in scenario.seats:
        raise EventError(f"unit {p['about_unit']!r} has no seat in this exercise")
    elif kind == "evaluator_rating" and p["objective"] not in {
        None,
        *(o.id for o in scenario.objectives),
    }:
        raise EventError(f"the scenario has no objective {p['objective']!r}")
