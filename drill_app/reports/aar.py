"""The after-action report (演练总结报告)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from drill_app.core.evaluation import Evaluation, Finding
from drill_app.reports.common import (
    STYLE,
    esc,
    exercise_type_text,
    head_row,
    held_on_text,
    issued_text,
    keep_together,
    nowrap,
    sections_html,
    table,
)
from drill_app.reports.context import ImprovementRow, ReportContext
from drill_app.reports.planreview import plan_assessment
from drill_app.reports.record_note import warning_banner
from drill_app.reports.render import Document
from drill_app.reports.sheet import objectives_table, summary_table
from drill_app.reports.signing import footer_note, record_block, signatures
from drill_app.reports.timeline import (
    Mark,
    report_kind_label,
    timeline_drawing,
    voided_entries,
)
from drill_app.wording.evaluation import improvement_element_name as element_name
from drill_app.wording.evaluation import improvement_status_name
from drill_app.wording.evaluation import review_stage_name as stage_name

ELEMENTS = ("plan_revision", "organisation", "equipment", "training", "exercise")
PROPOSED_DUE_DAYS = 90
"""An item proposed from a finding is due this many days after the drill (to confirm)."""


def item_status_name(status: str) -> str:
    """An improvement item's status; "proposed" is the report's own: an item it suggests."""
    if status == "proposed":
        return QCoreApplication.translate("Report", "proposed")
    return improvement_status_name(status)


def none_recorded() -> str:
    return "<p>" + QCoreApplication.translate("Report", "None recorded.") + "</p>"


def overview(ctx: ReportContext) -> str:
    people = ctx.listing(
        (ctx.unit_name(u) + ctx.paren(p) if p else ctx.unit_name(u) for u, p in ctx.seats),
        strong=True,
    )
    purposes = "<br/>".join(
        f"{i}. {esc(o.text)}" for i, o in enumerate(ctx.scenario.objectives, start=1)
    )
    rows = [
        (QCoreApplication.translate("Report", "Exercise"), esc(ctx.title)),
        (QCoreApplication.translate("Report", "Organised by"), esc(ctx.organiser)),
        (QCoreApplication.translate("Report", "Purpose"), purposes),
        (
            QCoreApplication.translate("Report", "Time and place"),
            esc(
                held_on_text(ctx.held_on)
                + (", " if ctx.english else "　")
                + (ctx.location or ctx.scenario.location.name)
            ),
        ),
        (QCoreApplication.translate("Report", "Form"), esc(exercise_type_text(ctx.exercise_type))),
        (QCoreApplication.translate("Report", "Participating units and people"), esc(people)),
        (QCoreApplication.translate("Report", "Scenario"), esc(ctx.scenario.summary)),
        (
            QCoreApplication.translate("Report", "Controller and evaluators"),
            esc(ctx.listing(x for x in (ctx.controller, *ctx.evaluators) if x) or "—"),
        ),
    ]
    cells = "".join(
        f'<tr><td class="label" width="18%">{esc(k)}</td><td>{v}</td></tr>' for k, v in rows
    )
    return table(cells)


def conclusion(ctx: ReportContext, ev: Evaluation) -> str:
    """The overall conclusion: total and grade, items by result, objectives by rating."""
    counts = {s: sum(1 for x in ev.lines if x.status == s) for s in ("met", "late", "missed")}
    wrong = sum(1 for x in ev.lines if x.status == "wrong")
    ratings = [o.final for o in ev.objectives if o.final]
    summary = QCoreApplication.translate(
        "Report",
        "The drill scored {total:g} out of 100, graded {grade}. Of {n} items evaluated, "
        "{met} were done on time, {late} late, {missed} not done and {wrong} done wrongly.",
    ).format(
        total=ev.total,
        grade=ev.grade_en if ctx.english else ev.grade,
        n=len(ev.lines),
        met=counts["met"],
        late=counts["late"],
        missed=counts["missed"],
        wrong=wrong,
    )
    objectives = QCoreApplication.translate(
        "Report",
        "Objectives: {p} performed (P), {s} with some challenges (S), {m} with major "
        "challenges (M), {u} unable to be performed (U).",
    ).format(**{r.lower(): ratings.count(r) for r in "PSMU"})
    lowest = ctx.rules.with_overrides(ctx.scenario.scoring).grades[-1].grade
    met = ev.grade != lowest and not any(r in ("M", "U") for r in ratings)
    purpose = (
        QCoreApplication.translate("Report", "The drill met its purpose.")
        if met
        else QCoreApplication.translate("Report", "The drill met its purpose only in part.")
    )
    verdict = purpose + problems_sentence(len(areas_for_improvement(ev)))
    return f"<p>{esc(summary)}</p><p>{esc(objectives)}</p><p>{esc(verdict)}</p>"


def problems_sentence(n: int) -> str:
    if not n:
        return QCoreApplication.translate("Report", " No problem needing correction was found.")
    if n == 1:
        return QCoreApplication.translate(
            "Report",
            " The one problem found is listed in the improvement plan with the unit "
            "responsible for it.",
        )
    return QCoreApplication.translate(
        "Report",
        " The {n} problems found are listed in the improvement plan with the unit responsible "
        "for each.",
    ).format(n=n)


def strengths(ctx: ReportContext, ev: Evaluation) -> str:
    items = [
        f"<li>{esc(ctx.finding_text(f) + (ctx.paren(f.plan_ref) if f.plan_ref else ''))}</li>"
        for f in ev.findings
        if f.kind == "strength"
    ]
    for c in ev.categories:
        if c.applicable and c.points == c.max_points:
            name = c.name_en if ctx.english else c.name
            done = (
                QCoreApplication.translate("Report", "{category}: its one item done on time")
                if c.lines == 1
                else QCoreApplication.translate("Report", "{category}: all {n} items done on time")
            ).format(category=name, n=c.lines)
            items.append(f"<li>{esc(done)}</li>")
    return "<ol>" + "".join(items) + "</ol>" if items else none_recorded()


def grade_name(ctx: ReportContext, grade: str | None) -> str:
    if grade is None:
        return ""
    rule = ctx.rules.finding_grades[grade]  # type: ignore[index]
    return rule.name_en if ctx.english else rule.name


def areas_for_improvement(ev: Evaluation) -> list[Finding]:
    return [f for f in ev.findings if f.kind == "area_for_improvement"]


def problems(ctx: ReportContext, ev: Evaluation) -> str:
    found = areas_for_improvement(ev)
    if not found:
        return none_recorded()
    head = head_row(
        (QCoreApplication.translate("Report", "No."), 6),
        (QCoreApplication.translate("Report", "Problem"), 38),
        ("§", 12),
        (QCoreApplication.translate("Report", "Grade of finding"), 12),
        (QCoreApplication.translate("Report", "Analysis of the cause"), 32),
    )
    rows = "".join(
        f'<tr><td class="c">{i}</td><td>{esc(ctx.finding_text(f))}</td>{nowrap(f.plan_ref)}'
        f"{nowrap(grade_name(ctx, f.grade))}"
        f"<td>{esc(f.cause) if f.cause else '&nbsp;<br/>&nbsp;'}</td></tr>"
        for i, f in enumerate(found, start=1)
    )
    note = QCoreApplication.translate(
        "Report", "A blank cause is left for the evaluation team to fill in by hand."
    )
    blank = any(not f.cause for f in found)
    return table(head + rows) + (f'<p class="small">{esc(note)}</p>' if blank else "")


def lessons(ctx: ReportContext, ev: Evaluation) -> str:
    parts = []
    for stage in ("onsite_review", "self_assessment", "team_assessment"):
        reviews = [r for r in ev.reviews if r.stage == stage]
        texts = "".join(
            f"<li>{esc(ctx.unit_name(r.unit) + ctx.colon if r.unit else '')}{esc(r.text)}"
            f"{esc(ctx.paren(r.by) if r.by else '')}</li>"
            for r in reviews
        )
        body = f"<ol>{texts}</ol>" if texts else none_recorded()
        parts.append(f"<p>{esc(stage_name(stage))}</p>{body}")
    return "".join(parts)


def recommendations(ctx: ReportContext, items: list[ImprovementRow]) -> str:
    lines = [
        f"<li>{esc(element_name(i.element) + ctx.colon) if i.element else ''}"
        f"{esc(i.action or i.issue)}</li>"
        for i in sorted(
            items, key=lambda i: ELEMENTS.index(i.element) if i.element in ELEMENTS else 99
        )
    ]
    lines.append(
        "<li>"
        + esc(
            QCoreApplication.translate(
                "Report",
                "Plan revision: state in the plan text the readings listed under the "
                "practicality and operability of the plan.",
            )
        )
        + "</li>"
    )
    return "<ol>" + "".join(lines) + "</ol>"


def improvement_items(ctx: ReportContext, ev: Evaluation) -> list[ImprovementRow]:
    """The stored items, then one proposed for each area for improvement none answers."""
    items = list(ctx.improvements)
    answered = {(i.plan_ref, i.owner_unit) for i in items}
    base = ctx.held_on or ctx.issued_on or dt.date.today()
    due = base + dt.timedelta(days=PROPOSED_DUE_DAYS)
    for f in areas_for_improvement(ev):
        owner = f.unit or ctx.plan.drills.organiser
        if (f.plan_ref, owner) in answered:
            continue
        answered.add((f.plan_ref, owner))
        items.append(
            ImprovementRow(
                ctx.finding_text(f), "", "", owner, "", f.plan_ref, None, due, "proposed"
            )
        )
    return items


def improvement_plan(ctx: ReportContext, items: list[ImprovementRow]) -> str:
    if not items:
        return none_recorded()
    head = head_row(
        (QCoreApplication.translate("Report", "No."), 5),
        (QCoreApplication.translate("Report", "Problem answered"), 20),
        ("§", 10),
        (QCoreApplication.translate("Report", "Corrective action"), 18),
        (QCoreApplication.translate("Report", "Element"), 9),
        (QCoreApplication.translate("Report", "Responsible unit"), 19),
        (QCoreApplication.translate("Report", "Due"), 11),
        (QCoreApplication.translate("Report", "Status"), 8),
    )
    rows = "".join(
        f'<tr><td class="c">{n}</td><td>{esc(i.issue)}</td>{nowrap(i.plan_ref)}'
        f"<td>{esc(i.action) if i.action else '&nbsp;'}</td>"
        f"<td>{esc(element_name(i.element))}</td>"
        f"<td>{esc(ctx.unit_name(i.owner_unit))}{'<br/>' + esc(i.contact) if i.contact else ''}"
        f"</td>{nowrap(i.due_date.isoformat())}{nowrap(item_status_name(i.status))}</tr>"
        for n, i in enumerate(items, start=1)
    )
    note = QCoreApplication.translate(
        "Report",
        "Items marked proposed come from the problems found; the responsible unit confirms "
        "the corrective action and the due date.",
    )
    proposed = any(i.status == "proposed" for i in items)
    return table(head + rows) + (f'<p class="small">{esc(note)}</p>' if proposed else "")


def participants(ctx: ReportContext) -> str:
    head = head_row(
        (QCoreApplication.translate("Report", "No."), 8),
        (QCoreApplication.translate("Report", "Unit"), 52),
        (QCoreApplication.translate("Report", "Participant"), 40),
    )
    rows = "".join(
        f'<tr><td class="c">{n}</td><td>{esc(ctx.unit_name(u))}</td><td>{esc(p or "—")}</td></tr>'
        for n, (u, p) in enumerate(ctx.seats, start=1)
    )
    return table(head + rows)


def compiled_by(ctx: ReportContext) -> str:
    """编制单位 / 编制日期 / 审核, the evaluators' signatures and the record of the log."""
    rows = [
        (QCoreApplication.translate("Report", "Compiled by"), esc(ctx.organiser)),
        (QCoreApplication.translate("Report", "Date compiled"), esc(issued_text(ctx))),
        (QCoreApplication.translate("Report", "Reviewed by (signature)"), "&nbsp;"),
    ]
    cells = "".join(
        f'<tr><td class="label" width="22%">{esc(k)}</td><td>{v}</td></tr>' for k, v in rows
    )
    return keep_together(table(cells) + signatures(ctx) + "<p></p>" + record_block(ctx))


def timeline_rows(ctx: ReportContext, ev: Evaluation) -> list[tuple[str, list[Mark]]]:
    """One row per seat that owed reports. The seat acting as the 事发单位 is named with
    that role as well (§4.1.1: the company reports as the unit where it happened)."""
    role = ctx.unit_name("incident_unit")  # the plan's name of the party
    rows = []
    for unit, _ in ctx.seats:
        mine = [
            (x, report_kind_label(ctx.plan, x, ctx.english))
            for x in ev.lines
            if x.kind == "report" and x.unit == unit
        ]
        if mine:
            name = ctx.unit_name(unit)
            if unit == ctx.scenario.roles.incident_unit:  # the role on a line of its own
                name += "\n" + ctx.paren(role).strip()
            rows.append((name, mine))
    return rows


def after_action_report(ctx: ReportContext) -> Document:
    ev = ctx.evaluation()
    heading = QCoreApplication.translate("Report", "{plan}: Drill After-Action Report").format(
        plan=ctx.plan_title.removesuffix("应急预案")
    )
    rows = timeline_rows(ctx, ev)
    items = improvement_items(ctx, ev)
    sections = [
        (QCoreApplication.translate("Report", "1. Overview"), overview(ctx)),
        (QCoreApplication.translate("Report", "2. Overall conclusion"), conclusion(ctx, ev)),
        (
            QCoreApplication.translate("Report", "3. Reports against deadlines"),
            '<p><img src="timeline" width="page"/></p>' + voided_entries(ctx),
        ),
        (
            QCoreApplication.translate("Report", "4. Results by category"),
            summary_table(ev, ctx.english) + "<p></p>" + objectives_table(ctx, ev),
        ),
        (QCoreApplication.translate("Report", "5. Strengths"), strengths(ctx, ev)),
        (QCoreApplication.translate("Report", "6. Problems and their causes"), problems(ctx, ev)),
        (QCoreApplication.translate("Report", "7. Reviews and lessons"), lessons(ctx, ev)),
        (
            QCoreApplication.translate(
                "Report", "8. Practicality and operability of the plan (§9.3)"
            ),
            plan_assessment(ctx, ev),
        ),
        (
            QCoreApplication.translate("Report", "9. Recommendations, including plan revisions"),
            recommendations(ctx, items),
        ),
        (
            QCoreApplication.translate("Report", "10. Improvement plan"),
            improvement_plan(ctx, items),
        ),
        (QCoreApplication.translate("Report", "11. Participants"), participants(ctx)),
        (QCoreApplication.translate("Report", "12. Compilation and review"), compiled_by(ctx)),
    ]
    body = [STYLE, f"<h1>{esc(heading)}</h1>", warning_banner(ctx), sections_html(sections)]
    return Document(
        html="".join(body),
        title=heading,
        author=ctx.organiser,
        issued_on=issued_text(ctx),
        footer_note=footer_note(ctx),
        drawings={"timeline": timeline_drawing(rows, ctx.scenario.duration_minutes * 60)},
    )
