"""The plan browser's sections on what is done: warnings, reporting, response actions,
drills and the readings (settings) of the plan."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from drill_app.core.facts import FACTS_BY_KEY
from drill_app.core.plan import (
    BandCriterion,
    ColourId,
    ManualCriterion,
    Plan,
    PressureCriterion,
    ReportKind,
    Step,
    Trigger,
    colour_rank,
)
from drill_app.ui.plan.section_spec import (
    NOT_APPLICABLE,
    ColumnSpec,
    PlanWording,
    SectionSpec,
    TableSpec,
    joined_refs,
    ref_column,
)
from drill_app.ui.shared.table_model import ITEM_SEPARATOR
from drill_app.wording.plan_words import step_list_names

# --- 预警 Warnings ------------------------------------------------------------------------


def warnings_section(plan: Plan, words: PlanWording) -> SectionSpec:
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
                joined_refs(colour.ref, colour.authority_ref),
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
            ref_column(),
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


def _pressure_reading(plan: Plan, words: PlanWording, criterion: PressureCriterion) -> str:
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


def _time_limit(words: PlanWording, minutes: int | None, extension: int | None) -> str:
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


def reporting_section(plan: Plan, words: PlanWording) -> SectionSpec:
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
            ref_column(),
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
            ref_column(),
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
            ref_column(),
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
            ref_column(),
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


def actions_section(plan: Plan, words: PlanWording) -> SectionSpec:
    actions = plan.actions
    rows: list[tuple[str, ...]] = []

    def add_steps(stage: str, steps: Sequence[Step]) -> None:
        for number, step in enumerate(steps, start=1):
            rows.append((stage, str(number), step.text, words.parties(step.by), step.ref))

    for stage, steps in zip(step_list_names(), actions.step_lists, strict=True):
        add_steps(stage, steps)
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


def drills_section(plan: Plan, words: PlanWording) -> SectionSpec:
    drills = plan.drills
    every = QCoreApplication.translate("PlanSections", "Once every {n} years")
    table = TableSpec(
        "drills",
        QCoreApplication.translate("PlanSections", "Drills required by the plan"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Item"), 10),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Content"), 0),
            ref_column(),
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


def readings_section(plan: Plan, words: PlanWording) -> SectionSpec:
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
            ref_column(),
        ),
        tuple(setting_rows),
    )
    readings = TableSpec(
        "readings",
        QCoreApplication.translate("PlanSections", "How the data reads open passages"),
        (
            ColumnSpec(QCoreApplication.translate("PlanSections", "Question"), 0),
            ColumnSpec(QCoreApplication.translate("PlanSections", "Reading"), 0),
            ref_column(),
        ),
        tuple((reading.question, reading.reading, reading.ref) for reading in plan.readings),
    )
    return SectionSpec(
        "readings",
        QCoreApplication.translate("PlanSections", "Readings"),
        ((settings,), (readings,)),
    )
