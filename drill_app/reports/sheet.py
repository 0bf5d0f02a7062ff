"""The scoring sheet (演练评估表), for the whole drill or one unit."""

from __future__ import annotations

from itertools import groupby

from PySide6.QtCore import QCoreApplication

from drill_app.core.evaluation import Evaluation
from drill_app.reports.common import (
    STYLE,
    clock,
    esc,
    exercise_type_text,
    head_row,
    held_on_text,
    issued_text,
    keep_together,
    nowrap,
    sections_html,
    status_text,
    table,
)
from drill_app.reports.context import ReportContext
from drill_app.reports.record_note import warning_banner
from drill_app.reports.render import Document
from drill_app.reports.signing import blank_lines, footer_note, record_block, signatures
from drill_app.wording.events import rating_word


def header_table(ctx: ReportContext, unit: str | None) -> str:
    plan = ctx.plan
    units = ctx.listing(ctx.unit_name(u) for u, _ in ctx.seats)
    rows = [
        (QCoreApplication.translate("Report", "Exercise"), ctx.title),
        (QCoreApplication.translate("Report", "Organised by"), ctx.organiser),
        (QCoreApplication.translate("Report", "Date"), held_on_text(ctx.held_on)),
        (QCoreApplication.translate("Report", "Place"), ctx.location or ctx.scenario.location.name),
        (QCoreApplication.translate("Report", "Form"), exercise_type_text(ctx.exercise_type)),
        (QCoreApplication.translate("Report", "Scenario"), ctx.scenario.title),
        (
            QCoreApplication.translate("Report", "Plan"),
            ctx.plan_title + ctx.paren(plan.identity.document_number),
        ),
        (QCoreApplication.translate("Report", "Controller"), ctx.controller or "—"),
        (QCoreApplication.translate("Report", "Evaluators"), ctx.listing(ctx.evaluators) or "—"),
        (QCoreApplication.translate("Report", "Participating units"), units),
    ]
    if unit is not None:
        rows.insert(
            0, (QCoreApplication.translate("Report", "Unit evaluated"), ctx.unit_name(unit))
        )
    cells = "".join(
        f'<tr><td class="label" width="18%">{esc(k)}</td><td>{esc(v)}</td></tr>' for k, v in rows
    )
    return table(cells)


def scoring_standard(ctx: ReportContext) -> str:
    """How a line is scored and how the categories make the 100-point total."""
    rules = ctx.rules.with_overrides(ctx.scenario.scoring)
    text = QCoreApplication.translate(
        "Report",
        "Scoring standard: an item done by its deadline earns its full points; an item done "
        "late earns {late:g}% of them; an item not done, or done wrongly, earns 0. Each "
        "category earns its weight x points earned / points possible; categories the drill "
        "did not exercise are not applicable and left out, and the total is the sum of the "
        "category scores divided by the sum of the applicable weights, x 100.",
    ).format(late=100 * rules.late_factor)
    return f'<p class="small">{esc(text)}</p>'


def summary_table(ev: Evaluation, english: bool) -> str:
    head = head_row(
        (QCoreApplication.translate("Report", "Category"), 40),
        (QCoreApplication.translate("Report", "Weight"), 12),
        (QCoreApplication.translate("Report", "Lines"), 12),
        (QCoreApplication.translate("Report", "Points earned / possible"), 20),
        (QCoreApplication.translate("Report", "Score"), 16),
    )
    rows = []
    for c in ev.categories:
        if c.weight <= 0 and not c.lines:
            continue
        if c.applicable:
            earned, score = f"{c.points:g} / {c.max_points:g}", f"{c.score:.2f}"
        else:
            earned, score = "—", QCoreApplication.translate("Report", "not applicable")
        rows.append(
            f"<tr><td>{esc(c.name_en if english else c.name)}</td>"
            f'<td class="num">{c.weight:g}</td><td class="num">{c.lines}</td>'
            f"{nowrap(earned, 'num')}{nowrap(score, 'num')}</tr>"
        )
    return keep_together(table(head + "".join(rows) + _total_rows(ev, english)))


def _total_rows(ev: Evaluation, english: bool) -> str:
    """The normalisation, written out: Σ scores / Σ applicable weights x 100 = total (to
    one decimal, as the engine rounds it: 99.0, not 99)."""
    subtotal = QCoreApplication.translate("Report", "Sum over the applicable categories")
    formula = QCoreApplication.translate(
        "Report", "Total = {score} / {weight} x 100 (normalised to 100)"
    ).format(score=f"{ev.applicable_score:.2f}", weight=f"{ev.applicable_weight:g}")
    grade_label = QCoreApplication.translate("Report", "Grade")
    return (
        f'<tr><td>{esc(subtotal)}</td><td class="num">{ev.applicable_weight:g}</td>'
        f'<td></td><td></td><td class="num">{ev.applicable_score:.2f}</td></tr>'
        f'<tr><td colspan="4">{esc(formula)}</td><td class="num">{ev.total:.1f}</td></tr>'
        f'<tr><td colspan="4">{esc(grade_label)}</td>'
        f'<td class="c">{esc(ev.grade_en if english else ev.grade)}</td></tr>'
    )


def lines_table(ctx: ReportContext, ev: Evaluation) -> str:
    english = ctx.english
    names = {c.id: c.name_en if english else c.name for c in ctx.rules.categories}
    unit_width = 16 if english else 13  # English names are longer, words unbreakable
    head = head_row(
        (QCoreApplication.translate("Report", "No."), 5),
        (QCoreApplication.translate("Report", "Item evaluated"), 22),
        (QCoreApplication.translate("Report", "Unit"), unit_width),
        ("§", 11),
        (QCoreApplication.translate("Report", "Due"), 6),
        (QCoreApplication.translate("Report", "Done"), 6),
        (QCoreApplication.translate("Report", "Min late"), 5),
        (QCoreApplication.translate("Report", "Result"), 7),
        (QCoreApplication.translate("Report", "Points"), 6),
        (QCoreApplication.translate("Report", "Note"), 33 - unit_width),
    )
    body = []
    number = 0
    order = {c.id: i for i, c in enumerate(ctx.rules.categories)}
    lines = sorted(ev.lines, key=lambda x: order.get(x.category, 99))
    for category, group in groupby(lines, key=lambda x: x.category):
        body.append(
            f'<tr><td colspan="10" style="background-color:#f3f3f3">'
            f"{esc(names.get(category, category))}</td></tr>"
        )
        for line in group:
            number += 1
            body.append(
                f'<tr><td class="c">{number}</td>'
                f"<td>{esc(line.title_en if english else line.title)}</td>"
                f"<td>{esc(ctx.unit_name(line.unit))}</td>{nowrap(line.plan_ref)}"
                f'<td class="c">{clock(line.due_at)}</td><td class="c">{clock(line.done_at)}</td>'
                f'<td class="num">{line.minutes_late or ""}</td>'
                f"{nowrap(status_text(line), 'c')}"
                f"{nowrap(f'{line.points:g}/{line.max_points:g}', 'num')}"
                f'<td class="small">{esc(line.detail)}</td></tr>'
            )
    return table(head + "".join(body))


def objectives_table(ctx: ReportContext, ev: Evaluation) -> str:
    names: dict[str, str] = {r.rating: rating_word(r.rating) for r in ctx.rules.objective_ratings}
    head = head_row(
        (QCoreApplication.translate("Report", "Objective"), 38),
        ("§", 13),
        (QCoreApplication.translate("Report", "Points"), 9),
        (QCoreApplication.translate("Report", "Rating"), 24),
        (QCoreApplication.translate("Report", "Comment"), 16),
    )
    rows = []
    for o in ev.objectives:
        final = o.final
        if final is None:
            rating = "—"
        elif o.rating is None:
            rating = QCoreApplication.translate("Report", "{r} {name} (suggested)").format(
                r=final, name=names[final]
            )
        else:
            rating = f"{final} {names[final]}"
        points = f"{o.points:g}/{o.max_points:g}" if o.max_points else "—"
        refs = "<br/>".join(esc(r) for r in o.objective.refs)
        rows.append(
            f"<tr><td>{esc(o.objective.text)}</td><td style='white-space: nowrap'>{refs}</td>"
            f"{nowrap(points, 'num')}<td>{esc(rating)}</td>"
            f"<td>{esc(o.comment)}</td></tr>"
        )
    return keep_together(table(head + "".join(rows)))


def comments_block(ctx: ReportContext, ev: Evaluation) -> str:
    """The evaluators' notes with their time, their findings, and room to write."""
    items = [
        f"<li>[{clock(n.scenario_time)}] {esc(_about(ctx, n.payload.get('about_unit')))}"
        f"{esc(n.payload['text'])}</li>"
        for n in ev.notes
    ]
    items += [
        f"<li>{esc(ctx.finding_text(f) + (ctx.paren(f.plan_ref) if f.plan_ref else ''))}</li>"
        for f in ev.findings
        if f.from_evaluators
    ]
    recorded = (
        "<ol>" + "".join(items) + "</ol>"
        if items
        else "<p>" + QCoreApplication.translate("Report", "None recorded.") + "</p>"
    )
    by_hand = QCoreApplication.translate("Report", "Further comments of the evaluation team:")
    return recorded + keep_together(f"<p>{esc(by_hand)}</p>{blank_lines(5)}")


def _about(ctx: ReportContext, unit: str | None) -> str:
    return ctx.unit_name(unit) + ctx.colon if unit else ""


def sheet_heading(ctx: ReportContext) -> str:
    return QCoreApplication.translate("Report", "{plan}: Drill Scoring Sheet").format(
        plan=ctx.plan_title.removesuffix("应急预案")
    )


def scoring_sheet(ctx: ReportContext, unit: str | None = None) -> Document:
    ev = ctx.evaluation(unit)
    heading = sheet_heading(ctx)
    title = f"<h1>{esc(heading)}</h1>"
    if unit is not None:  # the unit's name on a line of its own, never broken
        name = ctx.paren(ctx.unit_name(unit))
        title += f'<h1 style="white-space: pre">{esc(name.strip())}</h1>'
        heading += name
    sections = [
        (
            QCoreApplication.translate("Report", "1. Summary of scores"),
            scoring_standard(ctx) + summary_table(ev, ctx.english),
        ),
        (QCoreApplication.translate("Report", "2. Items scored"), lines_table(ctx, ev)),
        (
            QCoreApplication.translate("Report", "3. Objectives (P/S/M/U)"),
            objectives_table(ctx, ev),
        ),
        (QCoreApplication.translate("Report", "4. Evaluators' comments"), comments_block(ctx, ev)),
        (
            QCoreApplication.translate("Report", "5. Signatures"),
            keep_together(signatures(ctx, unit) + "<p></p>" + record_block(ctx)),
        ),
    ]
    body = [
        STYLE,
        title,
        warning_banner(ctx),
        sections_html(sections, before=header_table(ctx, unit)),
    ]
    return Document(
        html="".join(body),
        title=heading,
        author=ctx.organiser,
        issued_on=issued_text(ctx),
        footer_note=footer_note(ctx),
    )
