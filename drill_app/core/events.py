"""Exercise events: every action is an immutable, validated event.

An exercise is event-sourced: its state, its clock and its score are derived
from the ordered list of events.  ``validate_event`` checks a new event against
the plan, the scenario and the state so far; an invalid one is refused with a
reason and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from drill_app.core.facts import FactsError, FactValue, validate_facts
from drill_app.core.plan import ColourId, Id, LevelId, Plan, Text
from drill_app.core.refusals import EventError, FieldProblem, Refusal
from drill_app.core.sources import Source

if TYPE_CHECKING:
    from drill_app.core.scenario import Scenario

Actor = Literal["controller", "seat", "evaluator", "system"]
ReportKind = Literal["phone", "written", "followup", "final", "sensitive", "result"]
Rating = Literal["P", "S", "M", "U"]


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


class HostTakenOver(Payload):
    """A new process took over a running exercise whose owner had died (§1 of issue 15)."""

    previous_owner: str
    previous_machine: str = ""
    previous_pid: int = 0
    last_heartbeat: float = 0.0
    """Wall-clock seconds (POSIX) of the dead owner's last heartbeat."""
    reason: Literal["heartbeat_expired", "process_gone"]


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
        return validate_facts(value if value is not None else {})  # FactsError names the fact


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
        return validate_facts(value if value is not None else {})  # FactsError names the fact


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


class EntryVoided(Payload):
    """A mistaken entry set aside: it stays in the log, and no longer counts (issue 12 §3)."""

    event: str
    reason: Text


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
    "host_taken_over": KindSpec(HostTakenOver, frozenset({"system"})),
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
    # The controller corrects the log; evaluators judge it and do not edit it.
    "entry_voided": KindSpec(EntryVoided, frozenset({"controller"})),
}

VOIDABLE_KINDS = frozenset(kind for kind, spec in KINDS.items() if spec.needs_unit)
"""What a void can set aside: the units' entries (reports, decisions, actions). Control and
clock events, injects, voids and evaluators' records stand as they are."""


def voided_ids(events: Iterable[Event]) -> set[str]:
    """The ids of the entries voided among *events*."""
    return {e.payload["event"] for e in events if e.kind == "entry_voided"}


def standing_events(events: Iterable[Event]) -> list[Event]:
    """*events* without the voided entries and the voids: what state and scoring count.

    The one place voids are honoured; the log itself keeps every event."""
    events = list(events)
    voided = voided_ids(events)
    return [e for e in events if e.kind != "entry_voided" and e.id not in voided]


EVALUATION_KINDS = frozenset(
    {"evaluator_note", "evaluator_rating", "finding_recorded", "review_recorded"}
)
AFTER_END_KINDS = EVALUATION_KINDS | {"entry_voided"}
"""What is still accepted once the exercise has ended: the evaluators' records, and the
controller's corrections of the log in the review stage (docs/scoring.md, "Voids")."""


def review_corrections(events: Iterable[Event]) -> set[str]:
    """The ids of the voids recorded after the exercise ended (corrections in review)."""
    ended = False
    corrections = set()
    for event in events:
        ended = ended or event.kind == "exercise_ended"
        if ended and event.kind == "entry_voided":
            corrections.add(event.id)
    return corrections


# --- state needed to validate ------------------------------------------------------------


@dataclass
class ExerciseState:
    """What is in force after the events so far: derived once, here, from the events.

    Validation reads it (what may still be done) and so do the windows (what a unit has
    decided: the groups active, the warning in force, supply cut, levels, steps …).
    """

    ids: set[str] = field(default_factory=set)
    entries: dict[str, str] = field(default_factory=dict)
    """The kind of every recorded event, by id (a void names one)."""
    voided: set[str] = field(default_factory=set)
    started: bool = False
    ended: bool = False
    paused: bool = False
    last_time: float = 0.0
    delivered: set[str] = field(default_factory=set)
    skipped: set[str] = field(default_factory=set)
    active_groups: dict[str, Event] = field(default_factory=dict)
    warning_event: Event | None = None
    """The warning in force (issued or last changed)."""
    cut: dict[str, Event] = field(default_factory=dict)
    levels: dict[str, Event] = field(default_factory=dict)
    """The latest level determined, by unit."""
    steps: dict[str, list[Event]] = field(default_factory=dict)
    handed_over: Event | None = None
    sensitive: Event | None = None
    disposal_ended: Event | None = None
    response_ended: Event | None = None

    @property
    def warning(self) -> ColourId | None:
        """The colour of the warning in force."""
        return self.warning_event.payload["colour"] if self.warning_event else None

    def apply(self, event: Event) -> None:
        self.ids.add(event.id)
        self.entries[event.id] = event.kind
        self.last_time = max(self.last_time, event.scenario_time)
        handler = _APPLY.get(event.kind)
        if handler is not None:
            handler(self, event)


def _first(current: Event | None, event: Event) -> Event:
    return current or event


_APPLY: Mapping[str, Callable[[ExerciseState, Event], object]] = {
    "exercise_started": lambda s, e: setattr(s, "started", True),
    "exercise_ended": lambda s, e: setattr(s, "ended", True),
    "exercise_paused": lambda s, e: setattr(s, "paused", True),
    "exercise_resumed": lambda s, e: setattr(s, "paused", False),
    "inject_delivered": lambda s, e: (
        s.delivered.add(e.payload["inject"]) if e.payload.get("inject") else None
    ),
    "inject_skipped": lambda s, e: s.skipped.add(e.payload["inject"]),
    "group_activated": lambda s, e: s.active_groups.__setitem__(e.payload["group"], e),
    "group_stood_down": lambda s, e: s.active_groups.pop(e.payload["group"], None),
    "warning_issued": lambda s, e: setattr(s, "warning_event", e),
    "warning_changed": lambda s, e: setattr(s, "warning_event", e),
    "warning_lifted": lambda s, e: setattr(s, "warning_event", None),
    "supply_cut": lambda s, e: s.cut.__setitem__(e.payload["user_class"], e),
    "supply_restored": lambda s, e: s.cut.pop(e.payload["user_class"], None),
    "level_determined": lambda s, e: (
        s.levels.__setitem__(e.unit, e) if e.unit is not None else None
    ),
    "step_taken": lambda s, e: s.steps.setdefault(e.payload["step"], []).append(e),
    "command_handed_over": lambda s, e: setattr(s, "handed_over", _first(s.handed_over, e)),
    "sensitive_determined": lambda s, e: setattr(s, "sensitive", _first(s.sensitive, e)),
    "disposal_ended": lambda s, e: setattr(s, "disposal_ended", _first(s.disposal_ended, e)),
    "response_ended": lambda s, e: setattr(s, "response_ended", e),
    "entry_voided": lambda s, e: s.voided.add(e.payload["event"]),
}


def exercise_state(events: Iterable[Event]) -> ExerciseState:
    """The state after *events* (already validated), from nothing; voided entries are in
    the log (ids, last time) but not in force."""
    events = list(events)
    standing = {e.id for e in standing_events(events)}
    state = ExerciseState()
    for event in events:
        if event.id in standing:
            state.apply(event)
        else:
            state.ids.add(event.id)
            state.entries[event.id] = event.kind
            state.last_time = max(state.last_time, event.scenario_time)
    state.voided = voided_ids(events)
    return state


def parse_payload(kind: str, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Validate and normalise a payload for *kind*; raise EventError naming the field."""
    spec = KINDS.get(kind)
    if spec is None:
        raise EventError.of("unknown_event_kind", kind=kind)
    try:
        model = spec.payload.model_validate(dict(payload))
    except ValidationError as exc:
        raise EventError(_field_refusal(kind, exc.errors()[0])) from None
    return model.model_dump(exclude_defaults=False)


# pydantic's error types, as the core's field problems
_PROBLEMS: Mapping[str, FieldProblem] = {
    "missing": "missing",
    "extra_forbidden": "unknown_field",
    "literal_error": "not_allowed",
    "enum": "not_allowed",
    "greater_than": "too_small",
    "greater_than_equal": "too_small",
    "less_than": "too_large",
    "less_than_equal": "too_large",
    "too_short": "empty",
    "string_too_short": "empty",
}


def _field_refusal(kind: str, err: Any) -> Refusal:
    where = ".".join(str(p) for p in err["loc"]) or kind
    detail = str(err["msg"]).removeprefix("Value error, ")
    cause = (err.get("ctx") or {}).get("error")
    if isinstance(cause, FactsError):
        what = "figure" if where == "figures" else "fact"
        return Refusal(
            "invalid_fact",
            {
                "kind": kind,
                "field": where,
                "fact": cause.key,
                "problem": cause.problem,
                "detail": str(cause).replace("fact", what, 1),
            },
        )
    problem: FieldProblem = _PROBLEMS.get(err["type"], "invalid")
    if problem == "invalid" and err["type"].endswith(("_type", "_parsing")):
        problem = "wrong_type"
    if problem == "unknown_field":
        detail = "unknown field"
    ctx = err.get("ctx") or {}
    limit = next((ctx[k] for k in ("gt", "ge", "lt", "le") if k in ctx), None)
    return Refusal(
        "invalid_field",
        {"kind": kind, "field": where, "problem": problem, "detail": detail, "limit": limit},
    )


def validate_event(plan: Plan, scenario: Scenario, state: ExerciseState, event: Event) -> Event:
    """Check *event* against plan, scenario and state; return it with a normalised payload."""
    spec = KINDS.get(event.kind)
    if spec is None:
        raise EventError.of("unknown_event_kind", kind=event.kind)
    if event.id in state.ids:
        raise EventError.of("event_already_recorded", event=event.id)
    if event.actor not in spec.actors:
        raise EventError.of("wrong_actor", kind=event.kind, actor=event.actor)
    if spec.needs_unit:
        if event.unit is None:
            raise EventError.of("unit_required", kind=event.kind)
        if event.unit not in scenario.seats:
            raise EventError.of("unit_has_no_seat", unit=event.unit)
    elif event.unit is not None and event.unit not in scenario.seats:
        raise EventError.of("unit_has_no_seat", unit=event.unit)
    if event.scenario_time < state.last_time:
        raise EventError.of(
            "time_before_last_event", time=event.scenario_time, last=state.last_time
        )
    payload = parse_payload(event.kind, event.payload)

    kind = event.kind
    if kind == "exercise_started":
        if state.started:
            raise EventError.of("exercise_already_started")
    elif not state.started and kind not in EVALUATION_KINDS:
        raise EventError.of("exercise_not_started")
    if state.ended and kind not in AFTER_END_KINDS:
        raise EventError.of("exercise_ended")
    if kind == "exercise_paused" and state.paused:
        raise EventError.of("exercise_already_paused")
    if kind == "exercise_resumed" and not state.paused:
        raise EventError.of("exercise_not_paused")
    if kind == "clock_jumped" and payload["to_seconds"] < event.scenario_time:
        raise EventError.of("clock_backwards")
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
    plan: Plan, scenario: Scenario, state: ExerciseState, kind: str, p: Mapping[str, Any]
) -> None:
    if kind == "inject_delivered":
        inject_id = p["inject"]
        if inject_id is not None:
            if inject_id not in scenario.injects_by_id:
                raise EventError.of("inject_unknown", inject=inject_id)
            if inject_id in state.delivered or inject_id in state.skipped:
                raise EventError.of("inject_already_released", inject=inject_id)
        for seat in p["to"]:
            if seat not in scenario.seats:
                raise EventError.of("recipient_has_no_seat", unit=seat)
    elif kind == "inject_skipped":
        if p["inject"] not in scenario.injects_by_id:
            raise EventError.of("inject_unknown", inject=p["inject"])
        if p["inject"] in state.delivered or p["inject"] in state.skipped:
            raise EventError.of("inject_already_released", inject=p["inject"])
    elif kind in ("group_activated", "group_stood_down"):
        group = p["group"]
        if group not in plan.groups_by_id:
            raise EventError.of("group_unknown", group=group)
        if kind == "group_activated" and group in state.active_groups:
            raise EventError.of(
                "group_already_active", group=group, group_name=plan.groups_by_id[group].name
            )
        if kind == "group_stood_down" and group not in state.active_groups:
            raise EventError.of(
                "group_not_active", group=group, group_name=plan.groups_by_id[group].name
            )
    elif kind == "warning_issued" and state.warning is not None:
        raise EventError.of("warning_in_force", colour=state.warning)
    elif kind == "warning_changed":
        if state.warning is None:
            raise EventError.of("no_warning_to_change")
        if p["colour"] == state.warning:
            raise EventError.of("warning_already", colour=p["colour"])
    elif kind == "warning_lifted" and state.warning is None:
        raise EventError.of("no_warning_to_lift")
    elif kind == "step_taken" and p["step"] not in plan.steps_by_id:
        raise EventError.of("step_unknown", step=p["step"])
    elif kind in ("supply_cut", "supply_restored"):
        classes = {u.id for u in plan.actions.supply_priority}
        if p["user_class"] not in classes:
            raise EventError.of(
                "user_class_unknown", user_class=p["user_class"], known=", ".join(classes)
            )
        if kind == "supply_cut" and p["user_class"] in state.cut:
            raise EventError.of("supply_already_cut", user_class=p["user_class"])
        if kind == "supply_restored" and p["user_class"] not in state.cut:
            raise EventError.of("supply_not_cut", user_class=p["user_class"])
    elif kind in ("command_handed_over", "help_requested") and p["to"] not in plan.parties:
        raise EventError.of("party_unknown", party=p["to"])
    elif kind == "report_submitted":
        for recipient in p["recipients"]:
            if recipient not in plan.parties:
                raise EventError.of("recipient_unknown", party=recipient)
    elif kind == "response_ended" and state.response_ended:
        raise EventError.of("response_already_ended")
    elif p.get("about_unit") is not None and p["about_unit"] not in scenario.seats:
        raise EventError.of("unit_has_no_seat", unit=p["about_unit"])
    elif kind == "entry_voided":
        _check_void(state, p["event"])
    elif kind == "evaluator_rating" and p["objective"] not in {
        None,
        *(o.id for o in scenario.objectives),
    }:
        raise EventError.of("objective_unknown", objective=p["objective"])


def _check_void(state: ExerciseState, entry: str) -> None:
    kind = state.entries.get(entry)
    if kind is None:
        raise EventError.of("entry_unknown", event=entry)
    if entry in state.voided:
        raise EventError.of("entry_already_voided", event=entry)
    if kind not in VOIDABLE_KINDS:
        raise EventError.of("entry_not_voidable", event=entry, kind=kind)
