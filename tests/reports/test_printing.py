"""The scoring sheet printed through a real print system (CUPS, cups-pdf queue)."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pypdf
from cups import output_dir, wait_for_job_output
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from drill_app.core.plan import load_plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.reports.context import ReportContext, seats_of
from drill_app.reports.render import export_pdf, print_document
from drill_app.reports.sheet import scoring_sheet

FIXTURES = Path(__file__).parent.parent / "fixtures" / "replays"
A4 = (595, 842)


def sheet_context() -> ReportContext:
    plan = load_plan(DEFAULT_PLAN)
    rules = load_scoring_rules(DEFAULT_SCORING)
    scenario = load_scenario(plan, SCENARIOS_DIR / "a-shanhai-explosion.yaml")
    exercise, sheet = replay(plan, scenario, rules, read_actions(FIXTURES / "a-late-phone.jsonl"))
    return ReportContext(
        title=scenario.title,
        held_on=dt.date(2026, 11, 20),
        location=scenario.location.name,
        exercise_type="tabletop",
        controller="王建国",
        evaluators=("李明",),
        seats=seats_of(scenario),
        plan=plan,
        scenario=scenario,
        rules=exercise.rules,
        sheet=sheet,
        events=tuple(exercise.events),
    )


def test_the_sheet_prints_on_a_real_queue(print_queue: str, chinese: None, tmp_path: Path) -> None:
    assert print_queue in [p.printerName() for p in QPrinterInfo.availablePrinters()]
    document = scoring_sheet(sheet_context())
    exported = export_pdf(document, tmp_path / "sheet.pdf")

    folder = output_dir()
    before = set(folder.glob("*.pdf")) if folder.exists() else set()
    printer = QPrinter(QPrinterInfo.printerInfo(print_queue), QPrinter.PrinterMode.HighResolution)
    printer.setDocName("drill-app scoring sheet")
    printed = print_document(document, printer)
    del printer  # ends the job
    output = wait_for_job_output(before)

    reader = pypdf.PdfReader(output)
    assert printed == exported == len(reader.pages)
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == A4
    # The job went through Ghostscript (text does not extract): look at a rendered page.
    subprocess.run(
        ["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(output), str(tmp_path / "page")],
        check=True,
    )
    (png,) = tmp_path.glob("page*.png")
    image = QImage(str(png))
    dark = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert image.width() < image.height()  # portrait
    assert dark > 500  # a page of ruled tables and text, not a blank sheet
