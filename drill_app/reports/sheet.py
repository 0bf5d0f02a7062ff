"""The scoring sheet (演练评估表), for the whole drill or one unit."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

from PySide6.QtCore import QCoreApplication

from drill_app.core.evaluation import Evaluation
from drill_app.reports.common import (
    STYLE,
    chinese_date,
    clock,
    esc,
    exercise_type_text,
    head_row,
    status_text,
    table,
)
from drill_app.reports.context import ReportContext
from drill_app.reports.record_note import footer_note, full_hash_block, warning_banner
from drill_app.reports.render import Document
from drill_app.wording.events import rating_word


def header_table(ctx: ReportContext, unit: str | None) -> str:
    plan = ctx.plan
    units = "、".join(ctx.unit_name(u) for u, _ in ctx.seats)
    rows = [
        (QCoreApplication.translate("Report", "Exercise"), ctx.title),
        (QCoreApplication.translate("Report", "Date"), chinese_date(ctx.held_on)),
        (QCoreApplication.translate("Report", "Place"), ctx.location or ctx.scenario.location.name),
        (QCoreApplication.translate("Report", "Form"), exercise_type_text(ctx.exercise_type)),
        (QCoreApplication.translate("Report", "Scenario"), ctx.scenario.title),
        (
            QCoreApplication.translate("Report", "Plan"),
            f"{plan.identity.title}（{plan.identity.document_number}）",
        ),
        (QCoreApplication.translate("Report", "Controller"), ctx.controller or "—"),
        (QCoreApplication.translate("Report", "Evaluators"), "、".join(ctx.evaluators) or "—"),
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
            earned = f"{c.points:g} / {c.max_points:g}"
            score = f"{c.score:g}"
        else:
            earned = "—"
            score = QCoreApplication.translate("Report", "not applicable")
        rows.append(
            f"<tr><td>{esc(c.name_en if english else c.name)}</td>"
            f'<td class="num">{c.weight:g}</td><td class="num">{c.lines}</td>'
            f'<td class="num">{earned}</td><td class="num">{esc(score)}</td></tr>'
        )
    total_label = QCoreApplication.translate(
        "Report", "Total (normalised to 100 over the applicable categories)"
    )
    grade_label = QCoreApplication.translate("Report", "Grade")
    total = (
        f"<tr><td>{total_label}</td>"
        f'<td></td><td></td><td></td><td class="num">{ev.total:g}</td></tr>'
        f"<tr><td>{grade_label}</td><td></td><td></td><td></td>"
        f'<td class="c">{esc(ev.grade_en if english else ev.grade)}</td></tr>'
    )
    return table(head + "".join(rows) + total)


def lines_table(ctx: ReportContext, ev: Evaluation) -> str:
    english = ctx.english
    names = {c.id: c.name_en if english else c.name for c in ctx.rules.categories}
    head = head_row(
        (QCoreApplication.translate("Report", "No."), 5),
        (QCoreApplication.translate("Report", "Item evaluated"), 35),
        (QCoreApplication.translate("Report", "Unit"), 15),
        ("§", 10),
        (QCoreApplication.translate("Report", "Due"), 7),
        (QCoreApplication.translate("Report", "Done"), 7),
        (QCoreApplication.translate("Report", "Min late"), 6),
        (QCoreApplication.translate("Report", "Result"), 8),
        (QCoreApplication.translate("Report", "Points"), 7),
    )
    body = []
    number = 0
    order = {c.id: i for i, c in enumerate(ctx.rules.categories)}
    lines = sorted(ev.lines, key=lambda x: order.get(x.category, 99))
    for category, group in groupby(lines, key=lambda x: x.category):
        body.append(
            f'<tr><td colspan="9" style="background-color:#f3f3f3">'
            f"{esc(names.get(category, category))}</td></tr>"
        )
        for line in group:
            number += 1
            title = line.title_en if english else line.title
            detail = f'<br/><span class="small">{esc(line.detail)}</span>' if line.detail else ""
            body.append(
                f'<tr><td class="c">{number}</td><td>{esc(title)}{detail}</td>'
                f"<td>{esc(ctx.unit_name(line.unit))}</td><td>{esc(line.plan_ref)}</td>"
                f'<td class="c">{clock(line.due_at)}</td><td class="c">{clock(line.done_at)}</td>'
                f'<td class="num">{line.minutes_late or ""}</td>'
                f'<td class="c">{esc(status_text(line))}</td>'
                f'<td class="num">{line.points:g}/{line.max_points:g}</td></tr>'
            )
    return table(head + "".join(body))


def objectives_table(ctx: ReportContext, ev: Evaluation) -> str:
    names: dict[str, str] = {r.rating: rating_word(r.rating) for r in ctx.rules.objective_ratings}
    head = head_row(
        (QCoreApplication.translate("Report", "Objective"), 42),
        ("§", 16),
        (QCoreApplication.translate("Report", "Points"), 10),
        (QCoreApplication.translate("Report", "Rating"), 16),
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
        rows.append(
            f"<tr><td>{esc(o.objective.text)}</td><td>{esc(' '.join(o.objective.refs))}</td>"
            f'<td class="num">{points}</td><td>{esc(rating)}</td><td>{esc(o.comment)}</td></tr>'
        )
    return table(head + "".join(rows))


def comments_block(ctx: ReportContext, ev: Evaluation) -> str:
    items = [
        f"<li>{esc(_about(ctx, n.payload.get('about_unit')))}{esc(n.payload['text'])}</li>"
        for n in ev.notes
    ]
    items += [
        f"<li>{esc(f.text)}{'（' + esc(f.plan_ref) + '）' if f.plan_ref else ''}</li>"
        for f in ev.findings
        if f.from_evaluators
    ]
    if not items:
        return "<p>" + QCoreApplication.translate("Report", "None recorded.") + "</p>"
    return "<ol>" + "".join(items) + "</ol>"


def signature_line(who: str) -> str:
    date = QCoreApplication.translate("Report", "Date:")
    return f'<p class="sign">{esc(who)}＿＿＿＿＿＿＿＿　　{esc(date)}＿＿＿＿＿＿</p>'


def _about(ctx: ReportContext, unit: str | None) -> str:
    return f"{ctx.unit_name(unit)}：" if unit else ""


def scoring_sheet(ctx: ReportContext, unit: str | None = None) -> Document:
    ev = ctx.evaluation(unit)
    title = QCoreApplication.translate("Report", "Emergency Drill Scoring Sheet")
    plan_title = ctx.plan.identity.title.removesuffix("应急预案")
    heading = (
        QCoreApplication.translate("Report", "{plan}: Drill Scoring Sheet").format(plan=plan_title)
        if plan_title
        else title
    )
    if unit is not None:
        heading += f"（{ctx.unit_name(unit)}）"
    headings = [
        QCoreApplication.translate("Report", "1. Summary of scores"),
        QCoreApplication.translate("Report", "2. Items scored"),
        QCoreApplication.translate("Report", "3. Objectives (P/S/M/U)"),
        QCoreApplication.translate("Report", "4. Evaluators comments"),
    ]
    sections = [
        summary_table(ev, ctx.english),
        lines_table(ctx, ev),
        objectives_table(ctx, ev),
        comments_block(ctx, ev),
    ]
    body = [STYLE, f"<h1>{esc(heading)}</h1>", warning_banner(ctx), header_table(ctx, unit)]
    for name, section in zip(headings, sections, strict=True):
        body += [f"<h2>{esc(name)}</h2>", section]
    body += [
        signature_line(
            QCoreApplication.translate("Report", "Head of the evaluation team (signature):")
        ),
        signature_line(QCoreApplication.translate("Report", "Exercise controller (signature):")),
        full_hash_block(ctx),
    ]
    issued = ctx.issued_on or dt.date.today()
    note = footer_note(ctx)
    author = ctx.plan.party_name(ctx.plan.drills.organiser)
    return Document(
        html="".join(body),
        title=heading,
        author=author,
        issued_on=chinese_date(issued),
        footer_note=note,
    )
