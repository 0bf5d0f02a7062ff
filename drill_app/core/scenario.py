"""Scenario files: metadata, seats, and the MSEL of injects (format 1).

A scenario is a human-edited YAML file in Chinese.  The facts of the incident
change only through injects: each inject may carry ``facts`` that take effect
when it is delivered, and its recipients learn them then.  That keeps "what
was true" and "who had been told what" derivable from the event log alone.
See docs/scenario-format.md.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from drill_app.core.events import KINDS
from drill_app.core.facts import FACTS_BY_KEY, FactsError, FactValue, validate_facts
from drill_app.core.plan import (
    COLOUR_ORDER,
    LEVEL_ORDER,
    CategoryId,
    ColourId,
    CompareOp,
    Id,
    LevelId,
    Plan,
    Ref,
    Text,
)
from drill_app.core.sourcefile import (
    DataFileError,
    PathKey,
    Problem,
    SourceDocument,
    pydantic_problems,
    read_yaml_file,
)
from drill_app.core.sources import Source

SCENARIO_FORMAT = 1

ExerciseType = Literal["tabletop", "live"]

SOURCE_NAMES: Mapping[str, str] = {
    "hotline_12345": "12345市民服务热线",
    "police_110": "110报警电话",
    "fire_119": "119报警电话",
    "scada": "SCADA数据采集与监视控制系统报警",
    "gas_company": "燃气企业",
    "district_government": "区政府",
    "city_hq": "市应急指挥部",
    "upstream_supplier": "上游供气单位",
    "media": "新闻媒体/网络舆情",
    "public": "群众",
    "controller": "导调组",
}


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Location(Model):
    name: Text
    street: Text  # 街道 (sub-district) where it happens
    address: str = ""


class Objective(Model):
    id: Id
    text: Text
    refs: list[Ref] = []


class Attachment(Model):
    name: Text
    description: str = ""


# --- actions and conditions ------------------------------------------------------


class ActionMatch(Model):
    """Which recorded action satisfies an expectation or a condition."""

    kind: str
    unit: Id | None = None
    payload: dict[str, Any] = {}


class InjectCondition(Model):
    """When a conditional inject is released.  Exactly one form.

    - ``expectation_missed`` / ``expectation_met``: an expectation id, e.g.
      ``phone_report:emergency`` (see docs/scenario-format.md for the ids).
    - ``fact`` + ``op`` + ``value``: the facts cross a threshold.
    - ``action``: a unit records a matching action (a decision).
    - ``any_of`` / ``all_of``.
    """

    expectation_missed: str | None = None
    expectation_met: str | None = None
    fact: str | None = None
    op: CompareOp | None = None
    value: float | bool | None = None
    action: ActionMatch | None = None
    any_of: list[InjectCondition] | None = None
    all_of: list[InjectCondition] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> Self:
        forms = [
            self.expectation_missed is not None,
            self.expectation_met is not None,
            self.fact is not None,
            self.action is not None,
            self.any_of is not None,
            self.all_of is not None,
        ]
        if sum(forms) != 1:
            raise ValueError(
                "a condition has exactly one of: expectation_missed, expectation_met, fact, "
                "action, any_of, all_of"
            )
        if self.fact is not None:
            if self.fact not in FACTS_BY_KEY:
                raise ValueError(f"unknown fact {self.fact!r}")
            if self.op is None or self.value is None:
                raise ValueError("a fact condition needs op and value")
        elif self.op is not None or self.value is not None:
            raise ValueError("op and value go with fact")
        return self


class ScenarioExpectation(Model):
    """An expectation the scenario adds to those the plan implies."""

    id: Id
    unit: Id
    text: Text
    ref: Ref
    action: ActionMatch
    within_minutes: float = Field(gt=0)
    category: Id = "scenario"
    points: float | None = Field(default=None, gt=0)


class Inject(Model):
    id: Id
    at: float | None = Field(default=None, ge=0)
    """Scenario minute of release; omit for a conditional inject."""
    when: InjectCondition | None = None
    delay_minutes: float = Field(default=0, ge=0)
    """For a conditional inject: minutes between the condition and the release."""
    source: Source
    to: list[Id] = Field(min_length=1)
    title: Text
    text: Text
    informs_incident: bool = False
    """The recipients learn of the incident with this inject (starts §4.1.2 clocks)."""
    facts: dict[str, FactValue] = {}
    city_hq_arrives: bool = False
    """The city HQ arrives on scene with this inject (§5.3.1.7: the hand-over falls due)."""
    city_warning: ColourId | None = None
    """The city HQ issues (or changes to) this warning colour with this inject (§3.4)."""
    attachments: list[Attachment] = []
    expects: list[ScenarioExpectation] = []

    @field_validator("facts", mode="before")
    @classmethod
    def _facts(cls, value: object) -> object:
        if value is None:
            return {}
        try:
            return validate_facts(value)
        except FactsError as exc:
            raise ValueError(str(exc)) from None

    @model_validator(mode="after")
    def _timed_or_conditional(self) -> Self:
        if (self.at is None) == (self.when is None):
            raise ValueError("an inject has either at (a minute) or when (a condition), not both")
        if self.at is not None and self.delay_minutes:
            raise ValueError("delay_minutes goes with when")
        return self


class ScenarioRoles(Model):
    """Which seat plays which role the plan gives to a body rather than a unit."""

    incident_unit: Id
    """事发单位: the seat that reports as the unit where it happened."""
    district_command: Id = "housing"
    """The seat that acts for the district HQ and its office (level, warnings, hand-over)."""


class Scenario(Model):
    format: Literal[1]
    id: Id
    title: Text
    summary: Text
    category: CategoryId
    exercise_type: ExerciseType
    intended_level: LevelId | None
    intended_warning: ColourId | None
    location: Location
    duration_minutes: float = Field(gt=0)
    occurred_at: float = Field(default=0, ge=0)
    """Scenario minute at which the incident occurred."""
    objectives: list[Objective] = Field(min_length=1)
    seats: list[Id] = Field(min_length=1)
    roles: ScenarioRoles
    load_shedding: bool = False
    """The scenario expects supply to be cut by user class (§5.1.2 order is scored)."""
    injects: list[Inject] = Field(min_length=1)
    scoring: dict[str, Any] = {}
    """Overrides of the scoring rules (weights, grade bands) for this scenario."""

    @property
    def injects_by_id(self) -> Mapping[str, Inject]:
        return {i.id: i for i in self.injects}

    def final_facts(self) -> dict[str, FactValue]:
        facts: dict[str, FactValue] = {}
        for inject in self.injects:
            facts.update(inject.facts)
        return facts


# --- loading and validation against the plan -----------------------------------------

ACTION_KINDS_FOR_SCENARIOS = frozenset(
    {
        "report_submitted",
        "level_determined",
        "group_activated",
        "group_stood_down",
        "warning_issued",
        "warning_changed",
        "warning_lifted",
        "step_taken",
        "supply_cut",
        "command_handed_over",
        "response_ended",
        "information_released",
        "sensitive_determined",
        "help_requested",
    }
)


def recipient_seats(plan: Plan, scenario: Scenario) -> dict[str, str]:
    """Unit or body id -> the seat that receives for it: a seated unit itself; a body the
    plan says a role acts for (区应急指挥部及其办公室) goes to that role's seat."""
    table = {seat: seat for seat in scenario.seats}
    for body in plan.bodies:
        if body.acted_by == "district_command":
            table[body.id] = scenario.roles.district_command
    return table


def seat_for_party(party: str, scenario: Scenario, table: Mapping[str, str]) -> str | None:
    """The seat that acts as *party* (the incident unit's role included), if any."""
    if party == "incident_unit":
        return scenario.roles.incident_unit
    return table.get(party)


def derived_expectation_ids(plan: Plan, scenario: Scenario) -> set[str]:
    """The ids of every expectation this scenario can create (for validating conditions)."""
    table = recipient_seats(plan, scenario)
    ids: set[str] = set()
    for obligation in plan.reporting.obligations:
        for party in obligation.reporters:
            seat = seat_for_party(party, scenario, table)
            if seat in scenario.seats:
                ids.add(f"{obligation.id}:{seat}")
                if obligation.kind == "written":
                    ids.add(f"report_content:{seat}")
    ids |= {f"accuracy:{u}" for u in scenario.seats}
    ids |= {f"level:{lv}" for lv in LEVEL_ORDER}
    ids |= {f"group:{g.id}" for g in plan.groups}
    ids |= {f"warning:{c.id}" for c in plan.warnings.colours}
    ids |= {f"step:{s.id}" for s in plan.actions.first_response_safety}
    ids |= {f"step:{s.id}" for s in plan.actions.first_response_supply}
    ids |= {f"step:{s.id}" for s in plan.actions.supply_measures}
    ids |= {f"warning_action:{s.id}" for s in plan.actions.warning_actions}
    ids |= {f"request:{r.id}" for r in plan.actions.requests}
    ids |= {f"on_scene:{u}" for u in scenario.seats}
    ids |= {"handover", "supply_order", "response_end", "information_release"}
    ids |= {"level:unwarranted", "warning:unwarranted"}
    return ids


def scenario_problems(plan: Plan, scenario: Scenario, doc: SourceDocument) -> list[Problem]:
    """Everything in a scenario that disagrees with the plan or with itself."""
    problems: list[Problem] = []
    units = plan.units_by_id
    seats = set(scenario.seats)

    for i, seat in enumerate(scenario.seats):
        if seat not in units:
            problems.append(doc.problem(("seats", i), f"unknown unit {seat!r}"))
    if len(seats) != len(scenario.seats):
        problems.append(doc.problem(("seats",), "a unit has more than one seat"))
    for role in ("incident_unit", "district_command"):
        seat = getattr(scenario.roles, role)
        if seat not in seats:
            problems.append(
                doc.problem(("roles", role), f"{role} {seat!r} is not one of the seats")
            )

    ids: set[str] = set()
    expectation_ids: set[str] = set()
    last_at = -1.0
    for i, inject in enumerate(scenario.injects):
        base: PathKey = ("injects", i)
        if inject.id in ids:
            problems.append(doc.problem((*base, "id"), f"duplicate inject id {inject.id!r}"))
        ids.add(inject.id)
        if inject.at is not None:
            if inject.at < last_at:
                problems.append(
                    doc.problem(
                        (*base, "at"),
                        f"inject {inject.id!r} at minute {inject.at:g} comes before the previous "
                        f"timed inject (minute {last_at:g}): keep the MSEL in time order",
                    )
                )
            last_at = max(last_at, inject.at)
            if inject.at > scenario.duration_minutes:
                problems.append(
                    doc.problem(
                        (*base, "at"),
                        f"inject {inject.id!r} at minute {inject.at:g} is past the end of the "
                        f"exercise (duration {scenario.duration_minutes:g} minutes)",
                    )
                )
        for j, seat in enumerate(inject.to):
            if seat not in seats:
                what = "unknown unit" if seat not in units else "unit without a seat"
                problems.append(doc.problem((*base, "to", j), f"{what} {seat!r}"))
        for j, expectation in enumerate(inject.expects):
            path: PathKey = (*base, "expects", j)
            if expectation.id in expectation_ids:
                problems.append(
                    doc.problem((*path, "id"), f"duplicate expectation {expectation.id!r}")
                )
            expectation_ids.add(expectation.id)
            if expectation.unit not in seats:
                problems.append(
                    doc.problem(
                        (*path, "unit"),
                        f"expectation names {expectation.unit!r}, which has no seat",
                    )
                )
            problems.extend(
                _action_problems(plan, scenario, expectation.action, doc, (*path, "action"))
            )
    if not any(inject.informs_incident for inject in scenario.injects):
        problems.append(
            doc.problem(
                ("injects",), "no inject has informs_incident: true; nobody learns of the incident"
            )
        )

    known_expectations = derived_expectation_ids(plan, scenario) | {
        f"scenario:{e}" for e in expectation_ids
    }
    for i, inject in enumerate(scenario.injects):
        if inject.when is not None:
            problems.extend(
                _condition_problems(
                    plan,
                    scenario,
                    inject.when,
                    known_expectations,
                    ids,
                    doc,
                    ("injects", i, "when"),
                )
            )

    level, peak = peak_classification(plan, scenario)
    if level != scenario.intended_level:
        problems.append(
            doc.problem(
                ("intended_level",),
                f"intended_level is {scenario.intended_level!r} but the facts reach level "
                f"{level!r} at their peak (§1.6.2)",
            )
        )
    if peak != scenario.intended_warning:
        problems.append(
            doc.problem(
                ("intended_warning",),
                f"intended_warning is {scenario.intended_warning!r} but the facts reach "
                f"{peak!r} at their peak (§3.3)",
            )
        )
    return problems


def peak_classification(plan: Plan, scenario: Scenario) -> tuple[LevelId | None, ColourId | None]:
    """The most severe level and warning colour the facts reach at any inject.

    Levels only escalate (a drill's level can rise, never fall), and the warning that
    matters for the scenario's intent is the most severe one issued.
    """
    from drill_app.core.rules import classify_level, classify_warning

    facts: dict[str, FactValue] = {}
    level: LevelId | None = None
    colour: ColourId | None = None
    for inject in scenario.injects:
        facts.update(inject.facts)
        lv = classify_level(plan, facts).level
        if lv is not None and (level is None or LEVEL_ORDER.index(lv) < LEVEL_ORDER.index(level)):
            level = lv
        c = classify_warning(plan, facts).colour
        if c is not None and (colour is None or COLOUR_ORDER.index(c) < COLOUR_ORDER.index(colour)):
            colour = c
    return level, colour


def _action_problems(
    plan: Plan, scenario: Scenario, action: ActionMatch, doc: SourceDocument, path: PathKey
) -> list[Problem]:
    problems: list[Problem] = []
    if action.kind not in ACTION_KINDS_FOR_SCENARIOS:
        problems.append(
            doc.problem(
                (*path, "kind"),
                f"unknown action kind {action.kind!r} (one of: "
                f"{', '.join(sorted(ACTION_KINDS_FOR_SCENARIOS))})",
            )
        )
        return problems
    if action.unit is not None and action.unit not in scenario.seats:
        problems.append(
            doc.problem((*path, "unit"), f"action names {action.unit!r}, which has no seat")
        )
    payload = action.payload
    problems.extend(_payload_field_problems(action, doc, path))
    known_refs: dict[str, set[str]] = {
        "group": set(plan.groups_by_id),
        "step": step_ids(plan),
        "user_class": {u.id for u in plan.actions.supply_priority},
        "to": set(plan.parties),
        "report_kind": {"phone", "written", "followup", "final", "sensitive", "result"},
    }
    for key, allowed in known_refs.items():
        if key in payload and payload[key] not in allowed:
            problems.append(
                doc.problem(
                    (*path, "payload", key),
                    f"unknown {key} {payload[key]!r}: names nothing in the plan",
                )
            )
    recipients = payload.get("recipients")
    for i, recipient in enumerate(recipients if isinstance(recipients, list) else []):
        if recipient not in plan.parties:
            problems.append(
                doc.problem(
                    (*path, "payload", "recipients", i),
                    f"unknown recipient {recipient!r}: names no unit or body of the plan",
                )
            )
    if "level" in payload and payload["level"] not in ("I", "II", "III", "IV"):
        problems.append(
            doc.problem((*path, "payload", "level"), f"unknown level {payload['level']!r}")
        )
    if "colour" in payload and payload["colour"] not in COLOUR_ORDER:
        problems.append(
            doc.problem((*path, "payload", "colour"), f"unknown colour {payload['colour']!r}")
        )
    return problems


def _payload_field_problems(
    action: ActionMatch, doc: SourceDocument, path: PathKey
) -> list[Problem]:
    """An expected payload names only fields the action kind has (a typo could never match)."""
    fields = KINDS[action.kind].payload.model_fields
    return [
        doc.problem(
            (*path, "payload", key),
            f"{action.kind} has no field {key!r} (fields: {', '.join(fields) or 'none'})",
        )
        for key in action.payload
        if key not in fields
    ]


def step_ids(plan: Plan) -> set[str]:
    return set(plan.steps_by_id)


def _condition_problems(
    plan: Plan,
    scenario: Scenario,
    condition: InjectCondition,
    expectations: set[str],
    inject_ids: set[str],
    doc: SourceDocument,
    path: PathKey,
) -> list[Problem]:
    problems: list[Problem] = []
    for key in ("expectation_missed", "expectation_met"):
        name = getattr(condition, key)
        base = re.sub(r"^(followup_report:[a-z0-9_]+):\d+$", r"\1", name or "")
        if name is not None and base not in expectations:
            problems.append(
                doc.problem(
                    (*path, key),
                    f"the condition names expectation {name!r}, which this scenario never "
                    f"creates (known: {', '.join(sorted(expectations))})",
                )
            )
    if condition.action is not None:
        problems.extend(_action_problems(plan, scenario, condition.action, doc, (*path, "action")))
    for key in ("any_of", "all_of"):
        for i, sub in enumerate(getattr(condition, key) or []):
            problems.extend(
                _condition_problems(
                    plan, scenario, sub, expectations, inject_ids, doc, (*path, key, i)
                )
            )
    return problems


def scenario_from_document(plan: Plan, doc: SourceDocument) -> Scenario:
    try:
        scenario = Scenario.model_validate(doc.data)
    except ValidationError as exc:
        raise DataFileError(pydantic_problems(doc, exc.errors())) from None
    problems = scenario_problems(plan, scenario, doc)
    if problems:
        raise DataFileError(problems)
    return scenario


def load_scenario(plan: Plan, path: Path) -> Scenario:
    """Load a scenario and check it against *plan*; DataFileError lists every problem."""
    return scenario_from_document(plan, read_yaml_file(path))


def scenario_json_schema() -> str:
    """The machine-readable schema of the scenario format (JSON Schema)."""
    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"drill-app scenario, format {SCENARIO_FORMAT}"
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
