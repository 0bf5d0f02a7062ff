"""The emergency plan as typed, validated data.

A plan file (YAML) holds everything the rules engine and the scoring need:
units, bodies, groups, levels, warning criteria, reporting obligations,
response actions and drill rules, each with its section reference (§).  Every
ambiguity of the plan text is an explicit setting in the file (see
``PlanSettings``); the code never picks a reading silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Generic, Literal, Self, TypeVar

from pydantic import BaseModel, Field, ValidationError, model_validator

from drill_app.core.facts import FACTS_BY_KEY
from drill_app.core.plan_base import (
    COLOUR_ORDER,
    LEVEL_ORDER,
    Band,
    CategoryId,
    ColourId,
    Id,
    LevelId,
    Model,
    Ref,
    Text,
    colour_rank,
    level_rank,
)
from drill_app.core.plan_checks import reference_problems
from drill_app.core.sourcefile import (
    DataFileError,
    SourceDocument,
    pydantic_problems,
    read_yaml_file,
)

__all__ = [  # the plan's vocabulary, defined in plan_base and plan_warnings
    "COLOUR_ORDER",
    "LEVEL_ORDER",
    "Band",
    "BandCriterion",
    "CategoryId",
    "Colour",
    "ColourBand",
    "ColourId",
    "Id",
    "LevelId",
    "ManualCriterion",
    "Plan",
    "PressureCriterion",
    "PressureLimit",
    "Ref",
    "Text",
    "WarningCriterion",
    "WarningRules",
    "colour_rank",
    "level_rank",
    "load_plan",
]


CompareOp = Literal[">", ">=", "<", "<=", "==", "!="]


class Condition(Model):
    """A condition over the situation, written as data.

    Exactly one form: ``always``, ``fact``+``op``+``value``, ``category``,
    ``level_at_least``, ``any_of`` or ``all_of``.
    """

    always: bool | None = None
    fact: str | None = None
    op: CompareOp | None = None
    value: float | bool | None = None
    category: CategoryId | None = None
    level_at_least: LevelId | None = None
    level_is: LevelId | None = None
    any_of: list[Condition] | None = None
    all_of: list[Condition] | None = None

    @model_validator(mode="after")
    def _exactly_one_form(self) -> Self:
        forms = [
            self.always is not None,
            self.fact is not None,
            self.category is not None,
            self.level_at_least is not None,
            self.level_is is not None,
            self.any_of is not None,
            self.all_of is not None,
        ]
        if sum(forms) != 1:
            raise ValueError(
                "a condition has exactly one of: always, fact, category, level_at_least, "
                "level_is, any_of, all_of"
            )
        if self.fact is not None:
            if self.fact not in FACTS_BY_KEY:
                raise ValueError(f"unknown fact {self.fact!r}")
            if self.op is None or self.value is None:
                raise ValueError("a fact condition needs op and value")
        elif self.op is not None or self.value is not None:
            raise ValueError("op and value go with fact")
        return self


# --- identity, settings, readings -------------------------------------------


class Identity(Model):
    id: Id
    title: Text
    title_en: Text
    issuer: Text
    document_number: Text
    issued_on: dt.date
    publication: Text
    interpreted_by: Id
    ref: Ref
    in_force_from: dt.date | None = None
    """When the plan took effect (§10.2 自发布之日起实施: the date of the issuing notice)."""
    in_force_ref: Ref | None = None


T = TypeVar("T")


class Setting(Model, Generic[T]):
    """An explicit reading of an ambiguous passage, with its justification."""

    value: T
    ref: Ref
    question: Text
    note: Text


class PlanSettings(Model):
    reporting_clock_start: Setting[Literal["occurred", "known"]]
    report_duty: Setting[Literal["each_unit", "joint"]]
    warning_demand_households: Setting[Literal["either", "both"]]
    warning_pressure_conditions: Setting[Literal["either", "both"]]
    cross_district_level_iv_led_by_city: Setting[bool]
    final_report_deadline_minutes: Setting[int | None]
    followup_deadline_minutes: Setting[int]


class Reading(Model):
    """How the data encodes a passage the plan leaves open (documentation)."""

    id: Id
    ref: Ref
    question: Text
    reading: Text


# --- organisation -------------------------------------------------------------

UnitKind = Literal["party", "government", "department", "company", "street", "institution"]


class Unit(Model):
    """A member unit (§2.1.3): a seat a trainee can take in a drill."""

    id: Id
    name: Text
    name_en: Text
    aliases: list[Text] = []
    kind: UnitKind
    ref: Ref
    duties: list[Text]


class Body(Model):
    """A commanding or receiving body that is not a member unit (区政府, 市应急指挥部 …)."""

    id: Id
    name: Text
    name_en: Text
    ref: Ref
    note: str = ""
    acted_by: Literal["district_command"] | None = None
    """The scenario role whose seat acts for (and receives for) this body."""


class Role(Model):
    id: Id
    title: Text
    title_en: Text
    holders: list[Text]
    ref: Ref


class HeadquartersOffice(Model):
    name: Text
    host_unit: Id
    director: Text
    ref: Ref
    duties: list[Text]


class Command(Model):
    headquarters: Text
    headquarters_set_up: Text
    ref: Ref
    roles: list[Role]
    office: HeadquartersOffice
    onsite_headquarters: Text
    onsite_ref: Ref
    onsite_duties: list[Text]


class Group(Model):
    """A working group of the headquarters (§2.3.2)."""

    id: Id
    name: Text
    name_en: Text
    aliases: list[Text] = []
    ref: Ref
    lead: Id | None
    lead_text: str = ""
    members: list[Id] = []
    other_members: list[Text] = []
    duties: Text
    measures_ref: Ref | None = None
    activate_when: Condition
    activation_note: Text


# --- levels, categories, responses ----------------------------------------------


class Category(Model):
    id: CategoryId
    name: Text
    name_en: Text
    ref: Ref
    description: Text


class Level(Model):
    id: LevelId
    name: Text
    name_en: Text
    ref: Ref
    response_ref: Ref


class LevelBand(Band):
    level: LevelId
    ref: Ref
    text: Text


class LevelCriterion(Model):
    """One measurable criterion of §1.6.2, with a band per level."""

    id: Id
    fact: str
    label: Text
    clause: Literal["(1)", "(2)"]
    bands: list[LevelBand]

    @model_validator(mode="after")
    def _known_fact(self) -> Self:
        if self.fact not in FACTS_BY_KEY:
            raise ValueError(f"unknown fact {self.fact!r}")
        levels = [b.level for b in self.bands]
        if len(set(levels)) != len(levels):
            raise ValueError("each level appears once in a criterion's bands")
        return self


class LevelResponse(Model):
    """Who does what for a level (§1.7, §5.2, §5.5, §5.6)."""

    level: LevelId
    leads: Id
    leads_ref: Ref
    first_response_by: Id
    proposed_by: Id | None
    approved_by: Id
    approval_ref: Ref
    on_scene: list[Text]
    on_scene_units: list[Id]
    command_handover_to: Id | None
    handover_ref: Ref | None
    ends_response: Id
    end_ref: Ref
    releases_information: Id
    information_assisted_by: list[Id] = []
    information_ref: Ref


# --- warnings (models in plan_warnings) -------------------------------------------------

from drill_app.core.plan_warnings import (  # noqa: E402  (kept in its own module)
    BandCriterion,
    Colour,
    ColourBand,
    ManualCriterion,
    PressureCriterion,
    PressureLimit,
    WarningCriterion,
    WarningRules,
)

# --- reporting ------------------------------------------------------------------

Trigger = Literal["occurred", "known", "sensitive_determined", "disposal_ended"]
ReportKind = Literal[
    "phone", "written", "followup", "final", "sensitive", "result", "investigation"
]


class Obligation(Model):
    id: Id
    name: Text
    name_en: Text
    kind: ReportKind
    ref: Ref
    trigger: Trigger
    deadline_minutes: int | None
    deadline_text: Text
    extension_minutes: int | None = None
    at_once: bool = False
    """The plan says 立即 (at once): timed by the scoring rules' immediate minutes."""
    reporters: list[Id]
    recipients: list[Id]
    applies_when: Condition


class Followup(Model):
    """What makes a follow-up report (续报) due: a change in one of these facts or the level."""

    facts: list[str]
    level_change: bool
    ref: Ref
    text: Text

    @model_validator(mode="after")
    def _known_facts(self) -> Self:
        for fact in self.facts:
            if fact not in FACTS_BY_KEY:
                raise ValueError(f"unknown fact {fact!r}")
        return self


class ReportField(Model):
    id: Id
    label: Text
    label_en: Text


class Reporting(Model):
    responsible: list[Id]
    responsible_ref: Ref
    principles: Text
    obligations: list[Obligation]
    followup: Followup
    content_ref: Ref
    content: list[ReportField]
    failures: list[Text]
    failures_ref: Ref


# --- response actions --------------------------------------------------------------


class Step(Model):
    id: Id
    text: Text
    ref: Ref
    by: list[Id] = []
    applies_when: Condition | None = None
    """For §3.5 actions: when the action is expected once a warning is in force."""


class HelpRequest(Model):
    """A request the district must make upward (§5.2.1, §5.4)."""

    id: Id
    text: Text
    ref: Ref
    by: list[Id]
    """Who may make it (a body acted for by a role, or units); the first is charged."""
    to: list[Id]
    """Any of these recipients satisfies it."""
    when: Condition
    after_level: LevelId | None = None
    """Only when the response began at this level (an escalation)."""


class SupplyUser(Model):
    id: Id
    name: Text
    name_en: Text


class Actions(Model):
    first_response_safety: list[Step]
    first_response_supply: list[Step]
    warning_actions: list[Step]
    safety_measures: list[Step]
    supply_measures: list[Step]
    response_steps: list[Step] = []
    requests: list[HelpRequest] = []
    supply_priority: list[SupplyUser]
    supply_priority_ref: Ref
    end_condition: Text
    end_ref: Ref
    escalation: Text
    escalation_ref: Ref

    @property
    def step_lists(self) -> tuple[list[Step], ...]:
        """The plan's lists of steps, in the plan's order."""
        return (
            self.first_response_safety,
            self.first_response_supply,
            self.warning_actions,
            self.safety_measures,
            self.supply_measures,
            self.response_steps,
        )

    @property
    def all_steps(self) -> list[Step]:
        return [step for steps in self.step_lists for step in steps]


class Drills(Model):
    interval_years: int = Field(gt=0)
    organiser: Id
    with_units: Text
    forms: list[Text]
    evaluate: list[Text]
    ref: Ref


# --- the plan -------------------------------------------------------------------


class Plan(Model):
    schema_version: Literal[1]
    identity: Identity
    settings: PlanSettings
    readings: list[Reading]
    units: list[Unit]
    bodies: list[Body]
    command: Command
    groups: list[Group]
    categories: list[Category]
    levels: list[Level]
    level_criteria: list[LevelCriterion]
    responses: list[LevelResponse]
    warnings: WarningRules
    reporting: Reporting
    actions: Actions
    drills: Drills

    @cached_property
    def parties(self) -> Mapping[str, Unit | Body]:
        """Units and bodies by id: everything an obligation or response can name."""
        table: dict[str, Unit | Body] = {u.id: u for u in self.units}
        table.update({b.id: b for b in self.bodies})
        return table

    @cached_property
    def units_by_id(self) -> Mapping[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def groups_by_id(self) -> Mapping[str, Group]:
        return {g.id: g for g in self.groups}

    @cached_property
    def steps_by_id(self) -> Mapping[str, Step]:
        """Every first-response step, warning action, measure and response step, by id."""
        return {step.id: step for step in self.actions.all_steps}

    def party_name(self, party_id: str) -> str:
        party = self.parties.get(party_id)
        return party.name if party else party_id

    def response_for(self, level: LevelId) -> LevelResponse:
        for response in self.responses:
            if response.level == level:
                return response
        raise KeyError(level)

    def colour(self, colour: ColourId) -> Colour:
        for c in self.warnings.colours:
            if c.id == colour:
                return c
        raise KeyError(colour)

    def level(self, level: LevelId) -> Level:
        for candidate in self.levels:
            if candidate.id == level:
                return candidate
        raise KeyError(level)

    def resolve_unit(self, name_or_id: str) -> Unit | None:
        """A unit by id, name or any alias the plan text uses."""
        for unit in self.units:
            if name_or_id in (unit.id, unit.name, *unit.aliases):
                return unit
        return None


# --- loading and cross-checks ------------------------------------------------------------


def plan_from_document(doc: SourceDocument) -> Plan:
    """Validate a parsed document as a plan; raise DataFileError with every problem."""
    try:
        plan = Plan.model_validate(doc.data)
    except ValidationError as exc:
        raise DataFileError(pydantic_problems(doc, exc.errors())) from None
    problems = reference_problems(plan, doc)
    if problems:
        raise DataFileError(problems)
    return plan


def load_plan(path: Path) -> Plan:
    """Load and validate a plan file.  Raises DataFileError naming file, line and problem."""
    return plan_from_document(read_yaml_file(path))


def iter_refs(plan: Plan) -> Iterator[str]:
    """Every § reference the plan data cites (for completeness checks)."""

    def walk(value: object) -> Iterator[str]:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                yield from walk(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                yield from walk(item)
        elif isinstance(value, str) and value.startswith("§"):
            yield value

    yield from walk(plan)
