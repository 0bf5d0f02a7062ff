"""A 4-hour, 30-unit, 5,000-event drill paginates without a row cut between pages."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest
from bigdrill import build
from pdftext import A4_HEIGHT, BOTTOM_MARGIN, TOP_MARGIN, baselines, lines

from drill_app.core.scoring import Line, load_scoring_rules
from drill_app.paths import DEFAULT_SCORING
from drill_app.reports.aar import after_action_report
from drill_app.reports.context import ReportContext, seats_of
from drill_app.reports.render import Document, export_pdf
from drill_app.reports.sheet import scoring_sheet


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> ReportContext:
    import datetime as dt

    rules = load_scoring_rules(DEFAULT_SCORING)
    plan, scenario, exercise = build(tmp_path_factory.mktemp("drill"), rules)
    return ReportContext(
        title=scenario.title,
        held_on=dt.date(2026, 11, 20),
        location="历下区",
        exercise_type="live",
        controller="王建国",
        evaluators=("李明",),
        seats=seats_of(scenario),
        plan=plan,
        scenario=scenario,
        rules=exercise.rules,
        sheet=exercise.score(),
        events=tuple(exercise.events),
    )


def sorted_lines(context: ReportContext) -> list[Line]:
    """The scored lines in the sheet's order (by category, then as scored)."""
    order = {c.id: i for i, c in enumerate(context.rules.categories)}
    return sorted(
        (x for x in context.sheet.lines if x.status != "pending"),
        key=lambda x: order.get(x.category, 99),
    )


def pages_text(path: Path) -> list[str]:
    return [flat(p.extract_text()) for p in pypdf.PdfReader(path).pages]


def test_every_scored_row_stands_whole_on_one_page(
    chinese: None, context: ReportContext, tmp_path: Path
) -> None:
    path = tmp_path / "sheet.pdf"
    pages = export_pdf(scoring_sheet(context), path)
    texts = pages_text(path)
    assert pages == len(texts) > 3
    for line in context.sheet.lines:
        # the whole row — title, unit, §, then its 说明 — on one page, once
        row = flat(line.title) + context.unit_name(line.unit) + line.plan_ref
        assert sum(row in page for page in texts) == 1, line.id
        assert flat(line.detail) in next(page for page in texts if row in page), line.id
    notes = [e for e in context.events if e.kind == "evaluator_note"]
    assert len(notes) > 500
    for note in notes[::25]:
        expected = flat(context.unit_name(note.payload["about_unit"]) + "：" + note.payload["text"])
        assert any(expected in page for page in texts), note.id
    for n, page in enumerate(texts, start=1):
        assert f"第{n}页共{pages}页" in page
    # nothing drawn outside a page's band: a row's first line is not also on the page
    # before, clipped (its number and first characters occur once in the whole document)
    joined = "".join(texts)
    starts = [f"{n}{flat(x.title)[:4]}" for n, x in enumerate(sorted_lines(context), start=1)]
    for n, start in enumerate(starts, start=1):  # "12区应急" also contains "2区应急"
        expected = sum(s.endswith(start) for s in starts[n - 1 :])
        assert joined.count(start) == expected, start


def test_after_action_report_lists_all_thirty_participants(
    chinese: None, context: ReportContext, tmp_path: Path
) -> None:
    path = tmp_path / "aar.pdf"
    export_pdf(after_action_report(context), path)
    texts = pages_text(path)
    joined = "".join(texts)
    for unit, _ in context.seats:
        assert context.unit_name(unit) in joined
    assert "龙洞街道办事处" in joined and "舜华路街道办事处" in joined


@pytest.mark.parametrize("make", [scoring_sheet, after_action_report])
def test_no_lone_header_or_heading_at_the_foot_of_a_page(
    chinese: None, context: ReportContext, tmp_path: Path, make: Callable[..., Document]
) -> None:
    path = tmp_path / "out.pdf"
    export_pdf(make(context), path)
    pages = lines(path)
    assert len(pages) > 3
    repeated = {p[0][1] for p in pages[1:] if p[0][1].startswith("序号")}
    assert repeated  # continued tables repeat their header row
    for page, following in itertools.pairwise(pages):
        last = page[-1][1]
        assert not re.match(r"^[一二三四五六七八九十]+、", last), last
        assert last not in repeated, last
        # no line at the foot of a page is drawn again at the top of the next
        top = [line for _, line in following[:2] if line not in repeated]
        assert last not in top, last
    for page in baselines(path):  # nor anything outside the page's frame
        assert all(BOTTOM_MARGIN <= y <= A4_HEIGHT - TOP_MARGIN for y in page)
