"""The warning part of the plan data (§3.3, §3.4): colours, their criteria and bands."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from drill_app.core.facts import FACTS_BY_KEY
from drill_app.core.plan_base import Band, ColourId, Id, Model, Ref, Text


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


class ColourBand(Band):
    colour: ColourId
    ref: Ref
    text: Text
    literal: Band | None = None
    """The band as the words read literally, used when both halves of an item must hold."""


class BandCriterion(Model):
    kind: Literal["band"]
    id: Id
    fact: str
    label: Text
    group: Id  # criteria of one group combine per settings.warning_demand_households
    bands: list[ColourBand]

    @model_validator(mode="after")
    def _known_fact(self) -> Self:
        if self.fact not in FACTS_BY_KEY:
            raise ValueError(f"unknown fact {self.fact!r}")
        return self


class PressureLimit(Model):
    fact: str
    below: float
    also: list[str] = []
    """Facts of a sub-class of the same network (a 次高压A pipe is a 次高压 pipe)."""

    @model_validator(mode="after")
    def _known_fact(self) -> Self:
        for fact in (self.fact, *self.also):
            if fact not in FACTS_BY_KEY:
                raise ValueError(f"unknown fact {fact!r}")
        return self


class PressureCriterion(Model):
    kind: Literal["pressure"]
    id: Id
    colour: ColourId
    ref: Ref
    text: Text
    limits: list[PressureLimit]
    requires: str  # a flag fact that must be true

    @model_validator(mode="after")
    def _flag(self) -> Self:
        definition = FACTS_BY_KEY.get(self.requires)
        if definition is None or not definition.is_flag:
            raise ValueError(f"requires must name a true/false fact, got {self.requires!r}")
        return self


class ManualCriterion(Model):
    """A criterion no fact measures (natural-disaster alerts, "other situations")."""

    kind: Literal["manual"]
    id: Id
    colour: ColourId
    ref: Ref
    text: Text


WarningCriterion = Annotated[
    BandCriterion | PressureCriterion | ManualCriterion, Field(discriminator="kind")
]


class WarningRules(Model):
    ref: Ref
    raise_for_key_periods: Text
    content: list[Text]
    content_ref: Ref
    channels: list[Text]
    special_groups: Text
    colours: list[Colour]
    criteria: list[WarningCriterion]
