"""A 4-hour, 30-unit, 5,000-event drill paginates without a row cut between pages."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from bigdrill import build

from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_SCORING
from drill_app.reports.aar import after_action_report
from drill_app.reports.context import ReportContext, seats_of
from drill_app.reports.render import export_pdf
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
        # the whole row — title, detail, unit, § — on one page, once
        row = flat(line.title) + flat(line.detail) + context.unit_name(line.unit) + line.plan_ref
        assert sum(row in page for page in texts) == 1, line.id
    notes = [e for e in context.events if e.kind == "evaluator_note"]
    assert len(notes) > 500
    for note in notes[::25]:
        expected = flat(context.unit_name(note.payload["about_unit"]) + "：" + note.payload["text"])
        assert any(expected in page for page in texts), note.id
    for n, page in enumerate(texts, start=1):
        assert f"第{n}页共{pages}页" in page
    # a continued table repeats its header: every page that lists scored rows has it
    for page in texts:
        if "§4.1.2" in page or "§2.3.2" in page:
            assert "序号评估内容单位§" in page


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
