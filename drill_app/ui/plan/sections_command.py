"""The plan browser's sections on who commands: overview, member units, working groups,
incident levels and the response by level."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from drill_app.core.plan import LEVEL_ORDER, LevelResponse, Plan, UnitKind, level_rank
from drill_app.ui.plan.section_spec import (
    ColumnSpec,
    PlanWording,
    SectionSpec,
    TableSpec,
    joined_lines,
    joined_refs,
    plan_title,
    ref_column,
    trailing_ref,
)

# --- 概况 Overview -------------------------------------------------------------------


def overview_section(plan: Plan, words: PlanWording) -> SectionSpec:
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
            words.party(identity.interpreted_by),
            identity.ref,
        ),
    ]
    item_columns = (
        ColumnSpec(QCoreApplication.translate("PlanSections", "Item"), 10),
        ColumnSpec(QCoreApplication.translate("PlanSections", "Content"), 0),
        ref_column(),
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
            words.party(office.host_unit),
            office.ref,
        ),
        (
            QCoreApplication.translate("PlanSections", "Office director"),
            office.director,
            office.ref,
        ),
    ]
    office_duty = QCoreApplication.translate("PlanSections", "Office duty")
    command_rows += [(office_duty, duty, trailing_ref(duty, office.ref)) for duty in office.duties]
    command_rows.append(
        (
            QCoreApplication.translate("PlanSections", "On-scene headquarters"),
            command.onsite_headquarters,
            command.onsite_ref,
        )
    )
    onsite_duty = QCoreApplication.translate("PlanSections", "On-scene headquarters duty")
    command_rows += [
        (onsite_duty, duty, trailing_ref(duty, command.onsite_ref))
        for duty in command.onsite_duties
    ]
    command_table = TableSpec(
        "command",
        QCoreApplication.translate("PlanSections", "Command structure"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Item"), 12),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Content"), 0),
            ref_column(),
        ),
        tuple(command_rows),
    )
    return SectionSpec(
        "overview",
        QCoreApplication.translate("PlanSections", "Overview"),
        ((identity_table,), (command_table,)),
    )


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


def units_section(plan: Plan, words: PlanWording) -> SectionSpec:
    columns = [ColumnSpec(QCoreApplication.translate("PlanSections", "Name"), 12)]
    if words.english:
        columns.append(ColumnSpec(QCoreApplication.translate("PlanSections", "Chinese name"), 10))
    columns += [
        ColumnSpec(QCoreApplication.translate("PlanSections", "Also called"), 11),
        ColumnSpec(QCoreApplication.translate("PlanSections", "Kind"), 14),
        ColumnSpec(QCoreApplication.translate("PlanSections", "Duties"), 0),
        ref_column(),
    ]
    rows: list[tuple[str, ...]] = []
    for unit in plan.units:
        names = (unit.name_en, unit.name) if words.english else (unit.name,)
        rows.append(
            (
                *names,
                words.join(unit.aliases),
                _kind_label(unit.kind),
                joined_lines(unit.duties),
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


def groups_section(plan: Plan, words: PlanWording) -> SectionSpec:
    columns = [ColumnSpec(QCoreApplication.translate("PlanSections", "Group"), 8)]
    if words.english:
        columns.append(ColumnSpec(QCoreApplication.translate("PlanSections", "Chinese name"), 7))
    columns += [
        ColumnSpec(QCoreApplication.translate("PlanSections", "Lead"), 9),
        ColumnSpec(QCoreApplication.translate("PlanSections", "Members"), 14),
        ColumnSpec(QCoreApplication.translate("PlanSections", "Duties"), 0),
        ColumnSpec(QCoreApplication.translate("PlanSections", "When activated"), 16),
        ref_column(),
    ]
    rows: list[tuple[str, ...]] = []
    for group in plan.groups:
        name = group.name_en if words.english else group.name
        names = (name, words.join((group.name, *group.aliases))) if words.english else (name,)
        if not words.english and group.aliases:
            also = QCoreApplication.translate("PlanSections", "also called {names}")
            names = (f"{name}（{also.format(names=words.join(group.aliases))}）",)
        lead = words.party(group.lead) if group.lead else group.lead_text
        members = [words.party(member) for member in group.members] + group.other_members
        rows.append(
            (
                *names,
                lead,
                words.join(members),
                group.duties,
                group.activation_note,
                joined_refs(group.ref, group.measures_ref),
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


def levels_section(plan: Plan, words: PlanWording) -> SectionSpec:
    categories = TableSpec(
        "categories",
        QCoreApplication.translate("PlanSections", "Categories"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Category"), 9),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Description"), 0),
            ref_column(),
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
                    words.level_heading(band.level),
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


def responses_section(plan: Plan, words: PlanWording) -> SectionSpec:
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
            units = words.join(words.party(unit) for unit in response.on_scene_units)
            lines.append(on_scene_units.format(units=units))
        return joined_lines(lines)

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
            joined_refs(*(ref(response) for response in responses)),
        )
        for aspect, value, ref in aspects
    )
    table = TableSpec(
        "responses",
        QCoreApplication.translate("PlanSections", "Who does what at each level"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Duty"), 12),
            *(ColumnSpec(words.level_heading(level_id), 0) for level_id in LEVEL_ORDER),
            ColumnSpec("§", 14),
        ),
        rows,
    )
    return SectionSpec(
        "responses",
        QCoreApplication.translate("PlanSections", "Response by level"),
        ((table,),),
    )
