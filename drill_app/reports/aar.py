"""The after-action report (演练总结报告)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from drill_app.core.evaluation import Evaluation, Finding
from drill_app.core.readings import settings_in_force
from drill_app.reports.common import STYLE, chinese_date, esc, exercise_type_text, head_row, table
from drill_app.reports.context import ReportContext
from drill_app.reports.record_note import footer_note, full_hash_block, warning_banner
from drill_app.reports.render import Document
from drill_app.reports.sheet import objectives_table, summary_table
from drill_app.reports.timeline import timeline_image
from drill_app.wording.evaluation import improvement_element_name as element_name
from drill_app.wording.evaluation import improvement_status_name as item_status_name
from drill_app.wording.evaluation import review_stage_name as stage_name

ELEMENTS = ("plan_revision", "organisation", "equipment", "training", "exercise")


def overview(ctx: ReportContext) -> str:
    people = "；".join(
        f"{ctx.unit_name(u)}（{p}）" if p else ctx.unit_name(u) for u, p in ctx.seats
    )
    purposes = "<br/>".join(
        f"{i}. {esc(o.text)}" for i, o in enumerate(ctx.scenario.objectives, start=1)
    )
    rows = [
        (QCoreApplication.translate("Report", "Exercise"), esc(ctx.title)),
        (QCoreApplication.translate("Report", "Purpose"), purposes),
        (
            QCoreApplication.translate("Report", "Time and place"),
            esc(f"{chinese_date(ctx.held_on)}　{ctx.location or ctx.scenario.location.name}"),
        ),
        (QCoreApplication.translate("Report", "Form"), esc(exercise_type_text(ctx.exercise_type))),
        (QCoreApplication.translate("Report", "Participating units and people"), esc(people)),
        (QCoreApplication.translate("Report", "Scenario"), esc(ctx.scenario.summary)),
        (
            QCoreApplication.translate("Report", "Controller and evaluators"),
            esc("、".join(x for x in (ctx.controller, *ctx.evaluators) if x) or "—"),
        ),
    ]
    cells = "".join(
        f'<tr><td class="label" width="18%">{esc(k)}</td><td>{v}</td></tr>' for k, v in rows
    )
    return table(cells)


def strengths(ctx: ReportContext, ev: Evaluation) -> str:
    items = [
        f"<li>{esc(f.text)}（{esc(f.plan_ref)}）</li>" for f in ev.findings if f.kind == "strength"
    ]
    for c in ev.categories:
        if c.applicable and c.points == c.max_points:
            done = QCoreApplication.translate(
                "Report", "{category}: all {n} items done on time"
            ).format(category=c.name_en if ctx.english else c.name, n=c.lines)
            items.append(f"<li>{esc(done)}</li>")
    return (
        "<ol>" + "".join(items) + "</ol>"
        if items
        else "<p>" + QCoreApplication.translate("Report", "None recorded.") + "</p>"
    )


def grade_name(ctx: ReportContext, grade: str | None) -> str:
    if grade is None:
        return ""
    rule = ctx.rules.finding_grades[grade]  # type: ignore[index]
    return rule.name_en if ctx.english else rule.name


def problems(ctx: ReportContext, ev: Evaluation) -> str:
    found: list[Finding] = [f for f in ev.findings if f.kind == "area_for_improvement"]
    if not found:
        return "<p>" + QCoreApplication.translate("Report", "None recorded.") + "</p>"
    head = head_row(
        (QCoreApplication.translate("Report", "No."), 6),
        (QCoreApplication.translate("Report", "Problem"), 40),
        ("§", 12),
        (QCoreApplication.translate("Report", "Grade of finding"), 12),
        (QCoreApplication.translate("Report", "Analysis of the cause"), 30),
    )
    pending = QCoreApplication.translate("Report", "to be analysed by the evaluation team")
    rows = "".join(
        f'<tr><td class="c">{i}</td><td>{esc(f.text)}</td><td>{esc(f.plan_ref)}</td>'
        f"<td>{esc(grade_name(ctx, f.grade))}</td>"
        f"<td>{esc(f.cause or pending)}</td></tr>"
        for i, f in enumerate(found, start=1)
    )
    return table(head + rows)


def lessons(ctx: ReportContext, ev: Evaluation) -> str:
    parts = []
    for stage in ("onsite_review", "self_assessment", "team_assessment"):
        reviews = [r for r in ev.reviews if r.stage == stage]
        texts = "".join(
            f"<li>{esc(ctx.unit_name(r.unit) + '：' if r.unit else '')}{esc(r.text)}"
            f"{esc('（' + r.by + '）' if r.by else '')}</li>"
            for r in reviews
        )
        body = (
            f"<ol>{texts}</ol>"
            if texts
            else "<p>" + QCoreApplication.translate("Report", "None recorded.") + "</p>"
        )
        parts.append(f"<p>{esc(stage_name(stage))}</p>{body}")
    return "".join(parts)


def plan_assessment(ctx: ReportContext, ev: Evaluation) -> str:
    """§9.3: how the plan's provisions held up, and which passages need a clearer text."""
    by_ref: dict[str, list[str]] = {}
    for line in ev.lines:
        by_ref.setdefault(line.plan_ref, []).append(line.status)
    head = head_row(
        (QCoreApplication.translate("Report", "Plan provision"), 20),
        (QCoreApplication.translate("Report", "Items"), 12),
        (QCoreApplication.translate("Report", "Met on time"), 14),
        (QCoreApplication.translate("Report", "Assessment"), 54),
    )
    rows = []
    for ref in sorted(by_ref, key=_ref_key):
        statuses = by_ref[ref]
        met = statuses.count("met")
        if met == len(statuses):
            verdict = QCoreApplication.translate("Report", "practical and operable as written")
        elif met == 0:
            verdict = QCoreApplication.translate(
                "Report", "not carried out in the drill: check that duties and deadlines are known"
            )
        else:
            verdict = QCoreApplication.translate(
                "Report", "partly carried out: see the problems above"
            )
        rows.append(
            f'<tr><td>{esc(ref)}</td><td class="num">{len(statuses)}</td>'
            f'<td class="num">{met}</td><td>{esc(verdict)}</td></tr>'
        )
    readings = "".join(
        f"<li>{esc(s.ref)}：{esc(s.question)} "
        + esc(
            QCoreApplication.translate(
                "Report", "This drill read it as: {note} (setting in force: {value})"
            ).format(note=s.note, value="null" if s.value is None else str(s.value).lower())
        )
        + "</li>"
        for s in _settings(ctx)
    )
    intro = QCoreApplication.translate(
        "Report",
        "The plan requires each drill to assess the plan's practicality and operability "
        "(§9.3). The provisions the drill exercised:",
    )
    unclear = QCoreApplication.translate(
        "Report",
        "Passages whose text leaves a choice to the reader; the drill had to fix a reading, "
        "and the plan should state it when it is next revised:",
    )
    return (
        f"<p>{esc(intro)}</p>{table(head + ''.join(rows))}<p>{esc(unclear)}</p><ol>{readings}</ol>"
    )


def _ref_key(ref: str) -> tuple[int, ...]:
    digits = ref.lstrip("§").replace("(", ".").replace(")", "")
    return tuple(int(p) for p in digits.split(".") if p.isdigit())


def _settings(ctx: ReportContext) -> list:  # type: ignore[type-arg]
    """Every reading the plan file fixes (new ones appear without code)."""
    return settings_in_force(ctx.plan)


def recommendations(ctx: ReportContext) -> str:
    items = [
        f"<li>{esc(element_name(i.element))}：{esc(i.action)}</li>"
        for i in sorted(
            ctx.improvements,
            key=lambda i: ELEMENTS.index(i.element) if i.element in ELEMENTS else 99,
        )
    ]
    items.append(
        "<li>"
        + esc(
            QCoreApplication.translate(
                "Report", "Plan revision: state the readings listed in section 7 in the plan text."
            )
        )
        + "</li>"
    )
    return "<ol>" + "".join(items) + "</ol>"


def improvement_plan(ctx: ReportContext) -> str:
    if not ctx.improvements:
        return "<p>" + QCoreApplication.translate("Report", "None recorded.") + "</p>"
    head = head_row(
        (QCoreApplication.translate("Report", "No."), 5),
        (QCoreApplication.translate("Report", "Issue"), 20),
        (QCoreApplication.translate("Report", "Corrective action"), 22),
        (QCoreApplication.translate("Report", "Element"), 9),
        (QCoreApplication.translate("Report", "Responsible unit"), 13),
        (QCoreApplication.translate("Report", "Contact"), 9),
        (QCoreApplication.translate("Report", "Start"), 8),
        (QCoreApplication.translate("Report", "Due"), 8),
        (QCoreApplication.translate("Report", "Status"), 6),
    )
    rows = "".join(
        f'<tr><td class="c">{n}</td><td>{esc(i.issue)}</td><td>{esc(i.action)}</td>'
        f"<td>{esc(element_name(i.element))}</td><td>{esc(ctx.unit_name(i.owner_unit))}</td>"
        f"<td>{esc(i.contact)}</td><td>{esc(i.start_date.isoformat() if i.start_date else '')}</td>"
        f"<td>{esc(i.due_date.isoformat())}</td><td>{esc(item_status_name(i.status))}</td></tr>"
        for n, i in enumerate(ctx.improvements, start=1)
    )
    return table(head + rows)


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


def after_action_report(ctx: ReportContext) -> Document:
    ev = ctx.evaluation()
    plan_title = ctx.plan.identity.title.removesuffix("应急预案")
    heading = QCoreApplication.translate("Report", "{plan}: Drill After-Action Report").format(
        plan=plan_title
    )
    report_lines = [x for x in ev.lines if x.kind == "report"]
    rows = []
    for unit, _ in ctx.seats:
        mine = [x for x in report_lines if x.unit == unit]
        if mine:
            rows.append((ctx.unit_name(unit), mine))
    chart = timeline_image(rows, ctx.scenario.duration_minutes * 60)
    sections = [
        (QCoreApplication.translate("Report", "1. Overview"), overview(ctx)),
        (
            QCoreApplication.translate("Report", "2. Reports against deadlines"),
            '<p><img src="timeline.png" width="page"/></p>',
        ),
        (
            QCoreApplication.translate("Report", "3. Results by category"),
            summary_table(ev, ctx.english) + "<p></p>" + objectives_table(ctx, ev),
        ),
        (QCoreApplication.translate("Report", "4. Strengths"), strengths(ctx, ev)),
        (QCoreApplication.translate("Report", "5. Problems and their causes"), problems(ctx, ev)),
        (QCoreApplication.translate("Report", "6. Reviews and lessons"), lessons(ctx, ev)),
        (
            QCoreApplication.translate(
                "Report", "7. Practicality and operability of the plan (§9.3)"
            ),
            plan_assessment(ctx, ev),
        ),
        (
            QCoreApplication.translate("Report", "8. Recommendations, including plan revisions"),
            recommendations(ctx),
        ),
        (QCoreApplication.translate("Report", "9. Improvement plan"), improvement_plan(ctx)),
        (QCoreApplication.translate("Report", "10. Participants"), participants(ctx)),
    ]
    body = [STYLE, f"<h1>{esc(heading)}</h1>", warning_banner(ctx)]
    for name, section in sections:
        body += [f"<h2>{esc(name)}</h2>", section]
    body.append(full_hash_block(ctx))
    issued = ctx.issued_on or dt.date.today()
    note = footer_note(ctx)
    return Document(
        html="".join(body),
        title=heading,
        author=ctx.plan.party_name(ctx.plan.drills.organiser),
        issued_on=chinese_date(issued),
        footer_note=note,
        images={"timeline.png": chart},
    )
