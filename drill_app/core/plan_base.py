"""The plan's vocabulary of ids and values, and its conditions written as data.

The ids (levels, colours, categories), § references, the ordering of levels and colours,
the base model of every plan item, bands of values and ``Condition``. ``drill_app.core.plan``
builds the plan's items on them and re-exports these names.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from drill_app.core.facts import FACTS_BY_KEY

LevelId = Literal["I", "II", "III", "IV"]
ColourId = Literal["red", "orange", "yellow", "blue"]
CategoryId = Literal["safety", "supply"]
Ref = Annotated[str, Field(pattern=r"^§\d+(\.\d+)*(\(\d+\))?$")]
Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]
Text = Annotated[str, Field(min_length=1)]

LEVEL_ORDER: tuple[LevelId, ...] = ("I", "II", "III", "IV")  # most severe first
COLOUR_ORDER: tuple[ColourId, ...] = ("red", "orange", "yellow", "blue")  # most severe first


def level_rank(level: LevelId) -> int:
    """0 for the most severe level (I), 3 for IV."""
    return LEVEL_ORDER.index(level)


def colour_rank(colour: ColourId) -> int:
    return COLOUR_ORDER.index(colour)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- values and conditions -------------------------------------------------


class Band(Model):
    """A numeric range in the plan's words.

    Chinese legal convention: 以上 includes the number (``at_least``), 以下
    excludes it (``below``).  ``greater_than`` and ``at_most`` cover the other
    readings the text needs ("高于…", "…（含）").
    """

    at_least: float | None = None
    greater_than: float | None = None
    below: float | None = None
    at_most: float | None = None

    @model_validator(mode="after")
    def _one_bound_each_side(self) -> Self:
        if self.at_least is not None and self.greater_than is not None:
            raise ValueError("give at most one of at_least / greater_than")
        if self.below is not None and self.at_most is not None:
            raise ValueError("give at most one of below / at_most")
        if all(v is None for v in (self.at_least, self.greater_than, self.below, self.at_most)):
            raise ValueError("a band needs at least one bound")
        return self

    def contains(self, value: float) -> bool:
        if self.at_least is not None and value < self.at_least:
            return False
        if self.greater_than is not None and value <= self.greater_than:
            return False
        if self.below is not None and value >= self.below:
            return False
        return not (self.at_most is not None and value > self.at_most)

    def describe(self) -> str:
        parts: list[str] = []
        if self.at_least is not None:
            parts.append(f">= {_num(self.at_least)}")
        if self.greater_than is not None:
            parts.append(f"> {_num(self.greater_than)}")
        if self.below is not None:
            parts.append(f"< {_num(self.below)}")
        if self.at_most is not None:
            parts.append(f"<= {_num(self.at_most)}")
        return " and ".join(parts)


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


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


# --- warning criteria (§3.3) ----------------------------------------------------


class ColourBand(Band):
    colour: ColourId
    ref: Ref
    text: Text


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

    @model_validator(mode="after")
    def _known_fact(self) -> Self:
        if self.fact not in FACTS_BY_KEY:
            raise ValueError(f"unknown fact {self.fact!r}")
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
