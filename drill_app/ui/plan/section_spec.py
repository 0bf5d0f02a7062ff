"""The building blocks of the plan browser's sections: the table and section specs, the
plan's names in the chosen language, and small text helpers shared by the sections."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from drill_app.core.facts import FACTS_BY_KEY
from drill_app.core.plan import LevelId, Plan
from drill_app.ui.shared.table_model import ITEM_SEPARATOR
from drill_app.wording.plan_words import PlanWords

ROMAN_NUMERALS: dict[LevelId, str] = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ"}
NOT_APPLICABLE = "—"
CJK_CHARACTER = re.compile(r"[\u3400-\u9fff]")
# A trailing "（§2.2.1.1）" in a duty names the clause it comes from.
TRAILING_REF = re.compile(r"（(§\d+(?:\.\d+)*(?:\(\d+\))?)）$")


@dataclass(frozen=True)
class ColumnSpec:
    title: str
    # Initial width in units of one CJK character; 0 makes the column take the free space.
    width: float


@dataclass(frozen=True)
class TableSpec:
    key: str
    title: str
    columns: tuple[ColumnSpec, ...]
    rows: tuple[tuple[str, ...], ...]
    # Share of the row's width when tables stand side by side.
    stretch: int = 1

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.title for column in self.columns)


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    # Rows of tables, top to bottom; the tables of one row stand side by side.
    layout: tuple[tuple[TableSpec, ...], ...]

    @property
    def tables(self) -> tuple[TableSpec, ...]:
        return tuple(table for row in self.layout for table in row)


def plan_title(plan: Plan, english: bool) -> str:
    return plan.identity.title_en if english else plan.identity.title


def ref_column() -> ColumnSpec:
    return ColumnSpec("§", 14)


class PlanWording(PlanWords):
    """The plan's names (``PlanWords``) with the plan browser's own layout of them."""

    def join(self, items: Iterable[str]) -> str:
        """A list in one line: "、" between Chinese items, ", " once an item is English."""
        listed = list(items)
        chinese = not self.english or all(CJK_CHARACTER.search(item) for item in listed)
        return ("、" if chinese else ", ").join(listed)

    def party(self, party_id: str | None) -> str:
        return NOT_APPLICABLE if party_id is None else super().party(party_id)

    def parties(self, party_ids: Iterable[str]) -> str:
        return self.join(self.party(party_id) for party_id in party_ids)

    def level_heading(self, level_id: LevelId) -> str:
        """A level as a column heading of the browser's tables: "Ⅳ级 一般"."""
        level = self.plan.level(level_id)
        if self.english:
            return f"Level {level_id} ({level.name_en})"
        return f"{ROMAN_NUMERALS[level_id]}级 {level.name}"

    def unit_of(self, key: str) -> str:
        """The measuring unit of a fact, when it reads well in the chosen language."""
        unit = FACTS_BY_KEY[key].unit
        if self.english and not unit.isascii():
            return ""
        return unit

    def reading(self, description: str, fact_key: str) -> str:
        joiner = QCoreApplication.translate("PlanSections", "and")
        description = description.replace(" and ", f" {joiner} ")
        unit = self.unit_of(fact_key)
        if not unit:
            return description
        return f"{description} {unit}" if unit.isascii() else f"{description}（{unit}）"

    def duration(self, minutes: int) -> str:
        if minutes >= 2 * 1440 and minutes % 1440 == 0:
            return QCoreApplication.translate("PlanSections", "{n} days").format(n=minutes // 1440)
        if minutes >= 60 and minutes % 60 == 0:
            return QCoreApplication.translate("PlanSections", "{n} h").format(n=minutes // 60)
        return QCoreApplication.translate("PlanSections", "{n} min").format(n=minutes)

    def date(self, day: dt.date) -> str:
        # Translators: keep the {date...} fields; {date.year}, {date.month}, {date.day} work.
        return QCoreApplication.translate("PlanSections", "{date:%Y-%m-%d}").format(date=day)


def joined_lines(items: Iterable[str]) -> str:
    return ITEM_SEPARATOR.join(items)


def joined_refs(*refs: str | None) -> str:
    return " ".join(dict.fromkeys(ref for ref in refs if ref))


def trailing_ref(text: str, default: str) -> str:
    match = TRAILING_REF.search(text)
    return match.group(1) if match else default
