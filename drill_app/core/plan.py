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
    COLOUR_ORDER as COLOUR_ORDER,
)
from drill_app.core.plan_base import (
    LEVEL_ORDER as LEVEL_ORDER,
)
from drill_app.core.plan_base import (
    Band as Band,
)
from drill_app.core.plan_base import (
    BandCriterion as BandCriterion,
)
from drill_app.core.plan_base import (
    CategoryId as CategoryId,
)
from drill_app.core.plan_base import (
    ColourBand as ColourBand,
)
from drill_app.core.plan_base import (
    ColourId as ColourId,
)
from drill_app.core.plan_base import (
    CompareOp as CompareOp,
)
from drill_app.core.plan_base import (
    Condition as Condition,
)
from drill_app.core.plan_base import (
    Id as Id,
)
from drill_app.core.plan_base import (
    LevelId as LevelId,
)
from drill_app.core.plan_base import (
    ManualCriterion as ManualCriterion,
)
from drill_app.core.plan_base import (
    Model as Model,
)
from drill_app.core.plan_base import (
    PressureCriterion as PressureCriterion,
)
from drill_app.core.plan_base import (
    PressureLimit as PressureLimit,
)
from drill_app.core.plan_base import (
    Ref as Ref,
)
from drill_app.core.plan_base import (
    Text as Text,
)
from drill_app.core.plan_base import (
    WarningCriterion as WarningCriterion,
)
from drill_app.core.plan_base import (
    colour_rank as colour_rank,
)
from drill_app.core.plan_base import (
    level_rank as level_rank,
)
from drill_app.core.sourcefile import (
    DataFileError,
    PathKey,
    Problem,
    SourceDocument,
    pydantic_problems,
    read_yaml_file,
)

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


# --- warnings -----------------------------------------------------------------


class Colour(Model):
    id: ColourId
    name: Text
    name_en: Text
    severity: Text
    ref: Ref
    issued_by: Id
    changed_by: Id
    lifted_by: Id
    proposed_by: Id | None = None
    district_role: Text
    authority_ref: Ref


class WarningRules(Model):
    ref: Ref
    raise_for_key_periods: Text
    content: list[Text]
    content_ref: Ref
    channels: list[Text]
    special_groups: Text
    colours: list[Colour]
    criteria: list[WarningCriterion]


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
    reporters: list[Id]
    recipients: list[Id]
    applies_when: Condition


class ReportField(Model):
    id: Id
    label: Text
    label_en: Text


class Reporting(Model):
    responsible: list[Id]
    responsible_ref: Ref
    principles: Text
    obligations: list[Obligation]
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
        """Every first-response step, warning action and measure of §5.3–§5.4, by id."""
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


def _reference_problems(plan: Plan, doc: SourceDocument) -> list[Problem]:
    """Check that every id a plan names exists and every table is complete."""
    problems: list[Problem] = []

    def need(path: PathKey, party_id: str | None, *, units_only: bool = False) -> None:
        if party_id is None:
            return
        table = plan.units_by_id if units_only else plan.parties
        if party_id not in table:
            what = "unit" if units_only else "unit or body"
            problems.append(doc.problem(path, f"unknown {what} {party_id!r}"))

    seen: dict[str, PathKey] = {}
    party_ids = [("units", i, u.id) for i, u in enumerate(plan.units)]
    party_ids += [("bodies", i, b.id) for i, b in enumerate(plan.bodies)]
    for kind, i, party_id in party_ids:
        if party_id in seen:
            problems.append(doc.problem((kind, i, "id"), f"duplicate id {party_id!r}"))
        seen[party_id] = (kind, i, "id")

    need(("identity", "interpreted_by"), plan.identity.interpreted_by, units_only=True)
    need(("command", "office", "host_unit"), plan.command.office.host_unit, units_only=True)
    for i, group in enumerate(plan.groups):
        need(("groups", i, "lead"), group.lead, units_only=True)
        for j, member in enumerate(group.members):
            need(("groups", i, "members", j), member, units_only=True)
        if group.lead is None and not group.lead_text:
            problems.append(doc.problem(("groups", i), "a group needs a lead or a lead_text"))
    for i, response in enumerate(plan.responses):
        base: PathKey = ("responses", i)
        for key in ("leads", "first_response_by", "proposed_by", "approved_by", "ends_response"):
            need((*base, key), getattr(response, key))
        need((*base, "command_handover_to"), response.command_handover_to)
        need((*base, "releases_information"), response.releases_information)
        for j, party in enumerate(response.information_assisted_by):
            need((*base, "information_assisted_by", j), party)
        for j, unit in enumerate(response.on_scene_units):
            need((*base, "on_scene_units", j), unit, units_only=True)
    for i, colour in enumerate(plan.warnings.colours):
        for key in ("issued_by", "changed_by", "lifted_by", "proposed_by"):
            need(("warnings", "colours", i, key), getattr(colour, key))
    for i, obligation in enumerate(plan.reporting.obligations):
        for j, party in enumerate(obligation.reporters):
            need(("reporting", "obligations", i, "reporters", j), party)
        for j, party in enumerate(obligation.recipients):
            need(("reporting", "obligations", i, "recipients", j), party)
    for j, party in enumerate(plan.reporting.responsible):
        need(("reporting", "responsible", j), party)
    for section in (
        "first_response_safety",
        "first_response_supply",
        "warning_actions",
        "safety_measures",
        "supply_measures",
    ):
        for i, step in enumerate(getattr(plan.actions, section)):
            for j, party in enumerate(step.by):
                need(("actions", section, i, "by", j), party)
    need(("drills", "organiser"), plan.drills.organiser)

    problems.extend(_completeness_problems(plan, doc))
    return problems


def _completeness_problems(plan: Plan, doc: SourceDocument) -> list[Problem]:
    problems: list[Problem] = []

    def exactly_once(path: PathKey, what: str, got: list[str], expected: tuple[str, ...]) -> None:
        missing = [e for e in expected if e not in got]
        extra = sorted({g for g in got if got.count(g) > 1})
        if missing:
            problems.append(doc.problem(path, f"{what}: missing {', '.join(missing)}"))
        if extra:
            problems.append(doc.problem(path, f"{what}: listed more than once: {', '.join(extra)}"))

    exactly_once(("levels",), "levels", [lv.id for lv in plan.levels], LEVEL_ORDER)
    exactly_once(("responses",), "responses", [r.level for r in plan.responses], LEVEL_ORDER)
    exactly_once(
        ("warnings", "colours"), "colours", [c.id for c in plan.warnings.colours], COLOUR_ORDER
    )
    exactly_once(
        ("categories",), "categories", [c.id for c in plan.categories], ("safety", "supply")
    )
    ids = [o.id for o in plan.reporting.obligations]
    exactly_once(("reporting", "obligations"), "obligation ids", ids, tuple(dict.fromkeys(ids)))
    ids = [g.id for g in plan.groups]
    exactly_once(("groups",), "group ids", ids, tuple(dict.fromkeys(ids)))
    if not plan.actions.supply_priority:
        problems.append(doc.problem(("actions", "supply_priority"), "the priority order is empty"))
    return problems


def plan_from_document(doc: SourceDocument) -> Plan:
    """Validate a parsed document as a plan; raise DataFileError with every problem."""
    try:
        plan = Plan.model_validate(doc.data)
    except ValidationError as exc:
        raise DataFileError(pydantic_problems(doc, exc.errors())) from None
    problems = _reference_problems(plan, doc)
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
