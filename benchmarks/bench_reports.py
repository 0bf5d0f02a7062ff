"""Benchmark: the scoring sheet and the after-action report of a big drill.

Target (issue 6): for a 4-hour, 30-unit, 5,000-event exercise, each document
generated (scored, laid out, paginated, written as a PDF) in under 2 s.

Run:  .venv/bin/python benchmarks/bench_reports.py
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "reports"))

from bigdrill import build
from PySide6.QtGui import QGuiApplication

from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_SCORING
from drill_app.reports.aar import after_action_report
from drill_app.reports.context import ReportContext, seats_of
from drill_app.reports.render import export_pdf
from drill_app.reports.sheet import scoring_sheet
from drill_app.ui.shared.i18n import install_translators


def main() -> None:
    app = QGuiApplication(sys.argv[:1])
    translators = install_translators(app, "zh_CN")
    folder = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    rules = load_scoring_rules(DEFAULT_SCORING)
    plan, scenario, exercise = build(folder, rules)
    print(
        f"drill: {len(scenario.seats)} seats, {len(exercise.events)} events, "
        f"{scenario.duration_minutes:g} minutes"
    )
    for name, make in (
        ("scoring sheet", scoring_sheet),
        ("after-action report", after_action_report),
    ):
        timings = []
        pages = 0
        for _ in range(5):
            t0 = time.perf_counter()
            context = ReportContext(
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
            pages = export_pdf(make(context), folder / "out.pdf")
            timings.append(time.perf_counter() - t0)
        print(
            f"{name:<20} {statistics.median(timings):6.3f} s median of 5 "
            f"(min {min(timings):.3f} s), {pages} pages"
        )
    del translators


if __name__ == "__main__":
    main()
