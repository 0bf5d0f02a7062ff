"""What the plan browser shows: the plan turned into titled tables of text rows.

Pure functions from a ``Plan`` to ``SectionSpec`` values; the window only displays them.
Column titles and labels are English in the code and go through
``QCoreApplication.translate("PlanSections", ...)``; plan content stays as the plan has
it, except that English mode uses the plan's ``name_en`` / ``title_en`` / ``label_en``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from drill_app.core.facts import FACTS_BY_KEY
from drill_app.core.plan import (
    LEVEL_ORDER,
    BandCriterion,
    ColourId,
    LevelId,
    LevelResponse,
    ManualCriterion,
    Plan,
    PressureCriterion,
    ReportKind,
    Step,
    Trigger,
    UnitKind,
    colour_rank,
    level_rank,
)
from drill_app.ui.shared.table_model import ITEM_SEPARATOR

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


def build_sections(plan: Plan, english: bool) -> list[SectionSpec]:
    """Every section of the browser, in navigation order."""
    words = _PlanWording(plan, english)
    return [
        _overview(plan, words),
        _units(plan, words),
        _groups(plan, words),
        _levels(plan, words),
        _responses(plan, words),
        _warnings(plan, words),
        _reporting(plan, words),
        _actions(plan, words),
        _drills(plan, words),
        _readings(plan, words),
    ]


def plan_title(plan: Plan, english: bool) -> str:
    return plan.identity.title_en if english else plan.identity.title


def _ref_column() -> ColumnSpec:
    return ColumnSpec("§", 14)


class _PlanWording:
    """Plan names in the chosen language (a private helper, not a Qt class)."""

    def __init__(self, plan: Plan, english: bool) -> None:
        self.plan = plan
        self.english = english

    def join(self, items: Iterable[str]) -> str:
        """A list in one line: "、" between Chinese items, ", " once an item is English."""
        listed = list(items)
        chinese = not self.english or all(CJK_CHARACTER.search(item) for item in listed)
        return ("、" if chinese else ", ").join(listed)

    def party(self, party_id: str | None) -> str:
        if party_id is None:
            return NOT_APPLICABLE
        party = self.plan.parties.get(party_id)
        if party is None:
            return self.plan.party_name(party_id)
        return party.name_en if self.english else party.name

    def parties(self, party_ids: Iterable[str]) -> str:
        return self.join(self.party(party_id) for party_id in party_ids)

    def unit(self, unit_id: str) -> str:
        unit = self.plan.units_by_id.get(unit_id)
        if unit is None:
            return unit_id
        return unit.name_en if self.english else unit.name

    def level(self, level_id: LevelId) -> str:
        level = self.plan.level(level_id)
        if self.english:
            return f"Level {level_id} ({level.name_en})"
        return f"{ROMAN_NUMERALS[level_id]}级 {level.name}"

    def colour(self, colour_id: ColourId) -> str:
        colour = self.plan.colour(colour_id)
        return colour.name_en if self.english else colour.name

    def fact(self, key: str) -> str:
        definition = FACTS_BY_KEY[key]
        return definition.label_en if self.english else definition.label_zh

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


def _lines(items: Iterable[str]) -> str:
    return ITEM_SEPARATOR.join(items)


def _refs(*refs: str | None) -> str:
    return " ".join(dict.fromkeys(ref for ref in refs if ref))


# --- 概况 Overview -------------------------------------------------------------------


def _overview(plan: Plan, words: _PlanWording) -> SectionSpec:
    identity = plan.identity
    command = plan.command
    office = command.office
    title_row = QCoreApplication.translate("PlanSections", "Title")
    identity_rows: list[tuple[str, str, str]] = [(title_row, plan_title(plan, words.english), "")]
    if words.english:
        chinese_title = QCoreApplication.translate("PlanSections", "Title (Chinese)")
        identity_rows.append((chinese_title, identity.title, ""))
    identity_rows += [
        (
            QCoreApplication.translate("PlanSections", "Document number"),
            identity.document_number,
            "",
        ),
        (
            QCoreApplication.translate("PlanSections", "Issued on"),
            words.date(identity.issued_on),
            "",
        ),
        (QCoreApplication.translate("PlanSections", "Issued by"), identity.issuer, ""),
        (QCoreApplication.translate("PlanSections", "Published in"), identity.publication, ""),
        (
            QCoreApplication.translate("PlanSections", "Interpreted by"),
            words.unit(identity.interpreted_by),
            identity.ref,
        ),
    ]
    item_columns = (
        ColumnSpec(QCoreApplication.translate("PlanSections", "Item"), 10),
        ColumnSpec(QCoreApplication.translate("PlanSections", "Content"), 0),
        _ref_column(),
    )
    identity_table = TableSpec(
        "identity",
        QCoreApplication.translate("PlanSections", "The plan"),
        item_columns,
        tuple(identity_rows),
    )

    command_rows: list[tuple[str, str, str]] = [
        (
            QCoreApplication.translate("PlanSections", "Headquarters"),
            command.headquarters,
            command.ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "How it is set up"),
            command.headquarters_set_up,
            command.ref,
        ),
    ]
    for role in command.roles:
        title = role.title_en if words.english else role.title
        command_rows.append((title, words.join(role.holders), role.ref))
    command_rows += [
        (
            QCoreApplication.translate("PlanSections", "Headquarters office"),
            office.name,
            office.ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "Office hosted by"),
            words.unit(office.host_unit),
            office.ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "Office director"),
            office.director,
            office.ref,
        ),
    ]
    office_duty = QCoreApplication.translate("PlanSections", "Office duty")
    command_rows += [(office_duty, duty, _trailing_ref(duty, office.ref)) for duty in office.duties]
    command_rows.append(
        (
            QCoreApplication.translate("PlanSections", "On-scene headquarters"),
            command.onsite_headquarters,
            command.onsite_ref,
        )
    )
    onsite_duty = QCoreApplication.translate("PlanSections", "On-scene headquarters duty")
    command_rows += [
        (onsite_duty, duty, _trailing_ref(duty, command.onsite_ref))
        for duty in command.onsite_duties
    ]
    command_table = TableSpec(
        "command",
        QCoreApplication.translate("PlanSections", "Command structure"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Item"), 12),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Content"), 0),
            _ref_column(),
        ),
        tuple(command_rows),
    )
    return SectionSpec(
        "overview",
        QCoreApplication.translate("PlanSections", "Overview"),
        ((identity_table,), (command_table,)),
    )


def _trailing_ref(text: str, default: str) -> str:
    match = TRAILING_REF.search(text)
    return match.group(1) if match else default


# --- 成员单位 Member units --------------------------------------------------------------


def _kind_label(kind: UnitKind) -> str:
    labels: dict[UnitKind, str] = {
        "party": QCoreApplication.translate("PlanSections", "Party committee department"),
        "government": QCoreApplication.translate("PlanSections", "Government office"),
        "department": QCoreApplication.translate("PlanSections", "Government department"),
        "company": QCoreApplication.translate("PlanSections", "Enterprise"),
        "street": QCoreApplication.translate("PlanSections", "Sub-district office"),
        "institution": QCoreApplication.translate("PlanSections", "Public institution"),
    }
    return labels[kind]


def _units(plan: Plan, words: _PlanWording) -> SectionSpec:
    columns = [ColumnSpec(QCoreApplication.translate("PlanSections", "Name"), 12)]
    if words.english:
        columns.append(ColumnSpec(QCoreApplication.translate("PlanSections", "Chinese name"), 10))
    columns += [
        ColumnSpec(QCoreApplication.translate("PlanSections", "Also called"), 11),
        ColumnSpec(QCoreApplication.translate("PlanSections", "Kind"), 14),
        ColumnSpec(QCoreApplication.translate("PlanSections", "Duties"), 0),
        _ref_column(),
    ]
    rows: list[tuple[str, ...]] = []
    for unit in plan.units:
        names = (unit.name_en, unit.name) if words.english else (unit.name,)
        rows.append(
            (
                *names,
                words.join(unit.aliases),
                _kind_label(unit.kind),
                _lines(unit.duties),
                unit.ref,
            )
        )
    table = TableSpec(
        "units",
        QCoreApplication.translate("PlanSections", "Member units and their duties"),
        tuple(columns),
        tuple(rows),
    )
    return SectionSpec(
        "units", QCoreApplication.translate("PlanSections", "Member units"), ((table,),)
    )


# --- 工作组 Working groups ---------------------------------------------------------------


def _groups(plan: Plan, words: _PlanWording) -> SectionSpec:
    columns = [ColumnSpec(QCoreApplication.translate("PlanSections", "Group"), 8)]
    if words.english:
        columns.append(ColumnSpec(QCoreApplication.translate("PlanSections", "Chinese name"), 7))
    columns += [
        ColumnSpec(QCoreApplication.translate("PlanSections", "Lead"), 9),
        ColumnSpec(QCoreApplication.translate("PlanSections", "Members"), 14),
        ColumnSpec(QCoreApplication.translate("PlanSections", "Duties"), 0),
        ColumnSpec(QCoreApplication.translate("PlanSections", "When activated"), 16),
        _ref_column(),
    ]
    rows: list[tuple[str, ...]] = []
    for group in plan.groups:
        name = group.name_en if words.english else group.name
        names = (name, words.join((group.name, *group.aliases))) if words.english else (name,)
        if not words.english and group.aliases:
            also = QCoreApplication.translate("PlanSections", "also called {names}")
            names = (f"{name}（{also.format(names=words.join(group.aliases))}）",)
        lead = words.unit(group.lead) if group.lead else group.lead_text
        members = [words.unit(member) for member in group.members] + group.other_members
        rows.append(
            (
                *names,
                lead,
                words.join(members),
                group.duties,
                group.activation_note,
                _refs(group.ref, group.measures_ref),
            )
        )
    table = TableSpec(
        "groups",
        QCoreApplication.translate("PlanSections", "Working groups of the headquarters"),
        tuple(columns),
        tuple(rows),
    )
    return SectionSpec(
        "groups", QCoreApplication.translate("PlanSections", "Working groups"), ((table,),)
    )


# --- 事件分级 Incident levels ------------------------------------------------------------


def _levels(plan: Plan, words: _PlanWording) -> SectionSpec:
    categories = TableSpec(
        "categories",
        QCoreApplication.translate("PlanSections", "Categories"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Category"), 9),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Description"), 0),
            _ref_column(),
        ),
        tuple(
            (
                category.name_en if words.english else category.name,
                category.description,
                category.ref,
            )
            for category in plan.categories
        ),
    )
    band_rows: list[tuple[str, ...]] = []
    for criterion in plan.level_criteria:
        for band in sorted(criterion.bands, key=lambda b: level_rank(b.level)):
            band_rows.append(
                (
                    criterion.label,
                    words.level(band.level),
                    band.text,
                    words.reading(band.describe(), criterion.fact),
                    band.ref,
                )
            )
    bands = TableSpec(
        "level_bands",
        QCoreApplication.translate("PlanSections", "Criteria by level"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Criterion"), 17),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Level"), 9),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Text in the plan"), 0),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Numeric reading"), 21),
            ColumnSpec("§", 14),
        ),
        tuple(band_rows),
    )
    return SectionSpec(
        "levels",
        QCoreApplication.translate("PlanSections", "Incident levels"),
        ((categories,), (bands,)),
    )


# --- 分级应对 Response by level ------------------------------------------------------------


def _responses(plan: Plan, words: _PlanWording) -> SectionSpec:
    """One row per duty, one column per level: the levels side by side."""
    responses = [plan.response_for(level_id) for level_id in LEVEL_ORDER]
    assisted = QCoreApplication.translate("PlanSections", "assisted by {parties}")
    on_scene_units = QCoreApplication.translate("PlanSections", "Units on scene: {units}")

    def releases(response: LevelResponse) -> str:
        text = words.party(response.releases_information)
        if response.information_assisted_by:
            helpers = words.parties(response.information_assisted_by)
            text = f"{text}（{assisted.format(parties=helpers)}）"
        return text

    def on_scene(response: LevelResponse) -> str:
        lines = [words.join(response.on_scene)]
        if response.on_scene_units:
            units = words.join(words.unit(unit) for unit in response.on_scene_units)
            lines.append(on_scene_units.format(units=units))
        return _lines(lines)

    aspects: list[tuple[str, Callable[[LevelResponse], str], Callable[[LevelResponse], str | None]]]
    aspects = [
        (
            QCoreApplication.translate("PlanSections", "Leads the response"),
            lambda r: words.party(r.leads),
            lambda r: r.leads_ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "First response"),
            lambda r: words.party(r.first_response_by),
            lambda r: r.leads_ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "Response proposed by"),
            lambda r: words.party(r.proposed_by),
            lambda r: r.approval_ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "Response approved by"),
            lambda r: words.party(r.approved_by),
            lambda r: r.approval_ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "On scene"),
            on_scene,
            lambda r: r.approval_ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "Command handed over to"),
            lambda r: words.party(r.command_handover_to),
            lambda r: r.handover_ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "Ends the response"),
            lambda r: words.party(r.ends_response),
            lambda r: r.end_ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "Releases information"),
            releases,
            lambda r: r.information_ref,
        ),
    ]
    rows = tuple(
        (
            aspect,
            *(value(response) for response in responses),
            _refs(*(ref(response) for response in responses)),
        )
        for aspect, value, ref in aspects
    )
    table = TableSpec(
        "responses",
        QCoreApplication.translate("PlanSections", "Who does what at each level"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Duty"), 12),
            *(ColumnSpec(words.level(level_id), 0) for level_id in LEVEL_ORDER),
            ColumnSpec("§", 14),
        ),
        rows,
    )
    return SectionSpec(
        "responses",
        QCoreApplication.translate("PlanSections", "Response by level"),
        ((table,),),
    )


# --- 预警 Warnings ------------------------------------------------------------------------


def _warnings(plan: Plan, words: _PlanWording) -> SectionSpec:
    rules = plan.warnings
    colours = TableSpec(
        "warning_colours",
        QCoreApplication.translate("PlanSections", "Warning levels and who decides"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Colour"), 5),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Severity"), 5),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Issued by"), 9),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Changed by"), 9),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Lifted by"), 9),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Proposed by"), 9),
            ColumnSpec(QCoreApplication.translate("PlanSections", "District role"), 0),
            ColumnSpec("§", 14),
        ),
        tuple(
            (
                words.colour(colour.id),
                colour.severity,
                words.party(colour.issued_by),
                words.party(colour.changed_by),
                words.party(colour.lifted_by),
                words.party(colour.proposed_by),
                colour.district_role,
                _refs(colour.ref, colour.authority_ref),
            )
            for colour in rules.colours
        ),
    )
    criteria_rows: list[tuple[ColourId, tuple[str, ...]]] = []
    for criterion in rules.criteria:
        if isinstance(criterion, BandCriterion):
            for band in criterion.bands:
                reading = words.reading(band.describe(), criterion.fact)
                row = (words.colour(band.colour), criterion.label, band.text, reading, band.ref)
                criteria_rows.append((band.colour, row))
        elif isinstance(criterion, PressureCriterion):
            row = (
                words.colour(criterion.colour),
                QCoreApplication.translate("PlanSections", "Pipeline pressure"),
                criterion.text,
                _pressure_reading(plan, words, criterion),
                criterion.ref,
            )
            criteria_rows.append((criterion.colour, row))
        elif isinstance(criterion, ManualCriterion):
            row = (
                words.colour(criterion.colour),
                QCoreApplication.translate("PlanSections", "Judged by the exercise control"),
                criterion.text,
                NOT_APPLICABLE,
                criterion.ref,
            )
            criteria_rows.append((criterion.colour, row))
    criteria_rows.sort(key=lambda item: colour_rank(item[0]))  # stable: plan order per colour
    criteria = TableSpec(
        "warning_criteria",
        QCoreApplication.translate("PlanSections", "Warning criteria"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Colour"), 5),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Criterion"), 16),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Text in the plan"), 0),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Numeric reading"), 20),
            ColumnSpec("§", 14),
        ),
        tuple(row for _, row in criteria_rows),
    )
    publication = TableSpec(
        "warning_publication",
        QCoreApplication.translate("PlanSections", "Publishing a warning"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Item"), 10),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Content"), 0),
            _ref_column(),
        ),
        (
            (
                QCoreApplication.translate("PlanSections", "Content of a warning"),
                words.join(rules.content),
                rules.content_ref,
            ),
            (
                QCoreApplication.translate("PlanSections", "Channels"),
                words.join(rules.channels),
                rules.content_ref,
            ),
            (
                QCoreApplication.translate("PlanSections", "Special groups"),
                rules.special_groups,
                rules.content_ref,
            ),
            (
                QCoreApplication.translate("PlanSections", "Key periods and areas"),
                rules.raise_for_key_periods,
                rules.ref,
            ),
        ),
    )
    return SectionSpec(
        "warnings",
        QCoreApplication.translate("PlanSections", "Warnings"),
        ((colours,), (criteria,), (publication,)),
    )


def _pressure_reading(plan: Plan, words: _PlanWording, criterion: PressureCriterion) -> str:
    limits = [
        f"{'/'.join(words.fact(f) for f in (limit.fact, *limit.also))} < {limit.below:g} "
        f"{FACTS_BY_KEY[limit.fact].unit}".rstrip()
        for limit in criterion.limits
    ]
    if plan.settings.warning_pressure_conditions.value == "either":
        combined = QCoreApplication.translate("PlanSections", " or ").join(limits)
    else:
        combined = QCoreApplication.translate("PlanSections", " and ").join(limits)
    condition = QCoreApplication.translate("PlanSections", "{limits}; and {flag}")
    return condition.format(limits=combined, flag=words.fact(criterion.requires))


# --- 信息报告 Reporting ------------------------------------------------------------------


def _trigger_label(trigger: Trigger) -> str:
    labels: dict[Trigger, str] = {
        "occurred": QCoreApplication.translate("PlanSections", "When the incident occurs"),
        "known": QCoreApplication.translate("PlanSections", "When the reporting unit learns of it"),
        "sensitive_determined": QCoreApplication.translate(
            "PlanSections", "When it is judged a sensitive event"
        ),
        "disposal_ended": QCoreApplication.translate("PlanSections", "When disposal has ended"),
    }
    return labels[trigger]


def _report_kind_label(kind: ReportKind) -> str:
    labels: dict[ReportKind, str] = {
        "phone": QCoreApplication.translate("PlanSections", "By telephone"),
        "written": QCoreApplication.translate("PlanSections", "In writing"),
        "followup": QCoreApplication.translate("PlanSections", "Follow-up"),
        "final": QCoreApplication.translate("PlanSections", "Final"),
        "sensitive": QCoreApplication.translate("PlanSections", "Sensitive event"),
        "result": QCoreApplication.translate("PlanSections", "Result"),
        "investigation": QCoreApplication.translate("PlanSections", "Investigation"),
    }
    return labels[kind]


def _time_limit(words: _PlanWording, minutes: int | None, extension: int | None) -> str:
    if minutes is None:
        return QCoreApplication.translate("PlanSections", "no fixed time limit")
    text = words.duration(minutes)
    if minutes >= 60:
        text = QCoreApplication.translate("PlanSections", "{minutes} min ({duration})").format(
            minutes=f"{minutes:,}", duration=text
        )
    if extension:
        extra = QCoreApplication.translate("PlanSections", "extendable by {duration}")
        text = f"{text}{ITEM_SEPARATOR}{extra.format(duration=words.duration(extension))}"
    return text


def _reporting(plan: Plan, words: _PlanWording) -> SectionSpec:
    reporting = plan.reporting
    obligations = TableSpec(
        "report_obligations",
        QCoreApplication.translate("PlanSections", "Reports and their time limits"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Report"), 9),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Form"), 8),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Clock starts"), 13),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Time limit in the plan"), 0),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Time limit"), 11),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Reported by"), 12),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Reported to"), 15),
            _ref_column(),
        ),
        tuple(
            (
                obligation.name_en if words.english else obligation.name,
                _report_kind_label(obligation.kind),
                _trigger_label(obligation.trigger),
                obligation.deadline_text,
                _time_limit(words, obligation.deadline_minutes, obligation.extension_minutes),
                words.parties(obligation.reporters),
                words.parties(obligation.recipients),
                obligation.ref,
            )
            for obligation in reporting.obligations
        ),
    )
    checklist = TableSpec(
        "report_content",
        QCoreApplication.translate("PlanSections", "What a report contains"),
        (
            ColumnSpec("#", 2.5),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Item"), 0),
            _ref_column(),
        ),
        tuple(
            (str(number), item.label_en if words.english else item.label, reporting.content_ref)
            for number, item in enumerate(reporting.content, start=1)
        ),
        stretch=3,
    )
    duty = TableSpec(
        "report_duty",
        QCoreApplication.translate("PlanSections", "Duty to report"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Item"), 6),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Content"), 0),
            _ref_column(),
        ),
        (
            (
                QCoreApplication.translate("PlanSections", "Responsible"),
                words.parties(reporting.responsible),
                reporting.responsible_ref,
            ),
            (
                QCoreApplication.translate("PlanSections", "Principles"),
                reporting.principles,
                reporting.responsible_ref,
            ),
        ),
        stretch=4,
    )
    failures = TableSpec(
        "report_failures",
        QCoreApplication.translate("PlanSections", "Failures to report"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Failure"), 0),
            _ref_column(),
        ),
        tuple((failure, reporting.failures_ref) for failure in reporting.failures),
        stretch=2,
    )
    return SectionSpec(
        "reporting",
        QCoreApplication.translate("PlanSections", "Reporting"),
        ((obligations,), (checklist, duty, failures)),
    )


# --- 处置措施 Response actions --------------------------------------------------------------


def _actions(plan: Plan, words: _PlanWording) -> SectionSpec:
    actions = plan.actions
    rows: list[tuple[str, ...]] = []

    def add_steps(stage: str, steps: Sequence[Step]) -> None:
        for number, step in enumerate(steps, start=1):
            rows.append((stage, str(number), step.text, words.parties(step.by), step.ref))

    add_steps(
        QCoreApplication.translate("PlanSections", "First response: safety incidents"),
        actions.first_response_safety,
    )
    add_steps(
        QCoreApplication.translate("PlanSections", "First response: supply"),
        actions.first_response_supply,
    )
    add_steps(
        QCoreApplication.translate("PlanSections", "On a warning"),
        actions.warning_actions,
    )
    add_steps(
        QCoreApplication.translate("PlanSections", "Response: safety incidents"),
        actions.safety_measures,
    )
    add_steps(
        QCoreApplication.translate("PlanSections", "Response: supply"),
        actions.supply_measures,
    )
    priority = QCoreApplication.translate("PlanSections", "Supply priority")
    for number, user in enumerate(actions.supply_priority, start=1):
        name = user.name_en if words.english else user.name
        rows.append((priority, str(number), name, "", actions.supply_priority_ref))
    rows.append(
        (
            QCoreApplication.translate("PlanSections", "Ending the response"),
            "",
            actions.end_condition,
            "",
            actions.end_ref,
        )
    )
    rows.append(
        (
            QCoreApplication.translate("PlanSections", "Escalation"),
            "",
            actions.escalation,
            "",
            actions.escalation_ref,
        )
    )
    table = TableSpec(
        "actions",
        QCoreApplication.translate("PlanSections", "Measures in the order of the response"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Stage"), 11),
            ColumnSpec("#", 2.5),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Measure"), 0),
            ColumnSpec(QCoreApplication.translate("PlanSections", "By"), 16),
            ColumnSpec("§", 14),
        ),
        tuple(rows),
    )
    return SectionSpec(
        "actions",
        QCoreApplication.translate("PlanSections", "Response actions"),
        ((table,),),
    )


# --- 演练 Drills -----------------------------------------------------------------------------


def _drills(plan: Plan, words: _PlanWording) -> SectionSpec:
    drills = plan.drills
    every = QCoreApplication.translate("PlanSections", "Once every {n} years")
    table = TableSpec(
        "drills",
        QCoreApplication.translate("PlanSections", "Drills required by the plan"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Item"), 10),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Content"), 0),
            _ref_column(),
        ),
        (
            (
                QCoreApplication.translate("PlanSections", "How often"),
                every.format(n=drills.interval_years),
                drills.ref,
            ),
            (
                QCoreApplication.translate("PlanSections", "Organised by"),
                words.party(drills.organiser),
                drills.ref,
            ),
            (
                QCoreApplication.translate("PlanSections", "Together with"),
                drills.with_units,
                drills.ref,
            ),
            (
                QCoreApplication.translate("PlanSections", "Forms"),
                words.join(drills.forms),
                drills.ref,
            ),
            (
                QCoreApplication.translate("PlanSections", "What to evaluate"),
                words.join(drills.evaluate),
                drills.ref,
            ),
        ),
    )
    return SectionSpec("drills", QCoreApplication.translate("PlanSections", "Drills"), ((table,),))


# --- 解读设置 Readings ---------------------------------------------------------------------


def _setting_labels() -> dict[str, str]:
    return {
        "reporting_clock_start": QCoreApplication.translate(
            "PlanSections", "When report time limits start"
        ),
        "report_duty": QCoreApplication.translate("PlanSections", "Who must report"),
        "warning_demand_households": QCoreApplication.translate(
            "PlanSections", "Warning item (1): demand and households"
        ),
        "warning_pressure_conditions": QCoreApplication.translate(
            "PlanSections", "Warning item (2): the two pressures"
        ),
        "cross_district_level_iv_led_by_city": QCoreApplication.translate(
            "PlanSections", "Cross-district level IV incidents"
        ),
        "final_report_deadline_minutes": QCoreApplication.translate(
            "PlanSections", "Time limit of the final report"
        ),
        "followup_deadline_minutes": QCoreApplication.translate(
            "PlanSections", "Time limit of a follow-up report (minutes)"
        ),
    }


def _value_label(value: object) -> str:
    labels: dict[object, str] = {
        "occurred": QCoreApplication.translate("PlanSections", "from when the incident occurred"),
        "known": QCoreApplication.translate("PlanSections", "from when the unit learned of it"),
        "each_unit": QCoreApplication.translate("PlanSections", "each bureau reports"),
        "joint": QCoreApplication.translate("PlanSections", "one joint report"),
        "either": QCoreApplication.translate("PlanSections", "either is enough"),
        "both": QCoreApplication.translate("PlanSections", "both are needed"),
    }
    if value is True:
        shown = QCoreApplication.translate("PlanSections", "yes")
        return f"{shown} (true)"
    if value is False:
        shown = QCoreApplication.translate("PlanSections", "no")
        return f"{shown} (false)"
    if value is None:
        shown = QCoreApplication.translate("PlanSections", "no time limit")
        return f"{shown} (null)"
    label = labels.get(value)
    return f"{label} ({value})" if label else str(value)


def _readings(plan: Plan, words: _PlanWording) -> SectionSpec:
    labels = _setting_labels()
    setting_rows: list[tuple[str, ...]] = []
    for name in type(plan.settings).model_fields:
        setting = getattr(plan.settings, name)
        setting_rows.append(
            (
                labels.get(name, name),
                setting.question,
                _value_label(setting.value),
                setting.note,
                setting.ref,
            )
        )
    settings = TableSpec(
        "settings",
        QCoreApplication.translate("PlanSections", "Settings the rules follow"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Setting"), 15),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Question"), 0),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Chosen"), 13),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Note"), 0),
            _ref_column(),
        ),
        tuple(setting_rows),
    )
    readings = TableSpec(
        "readings",
        QCoreApplication.translate("PlanSections", "How the data reads open passages"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Question"), 0),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Reading"), 0),
            _ref_column(),
        ),
        tuple((reading.question, reading.reading, reading.ref) for reading in plan.readings),
    )
    return SectionSpec(
        "readings",
        QCoreApplication.translate("PlanSections", "Readings"),
        ((settings,), (readings,)),
    )
