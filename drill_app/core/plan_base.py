"""The plan data's base vocabulary: ids, § references, levels, colours and bands."""

from __future__ import annotations

from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

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
