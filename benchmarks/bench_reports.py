"""Benchmark: the scoring sheet and the after-action report of a big drill.

Target (issue 6): for a 4-hour, 30-unit, 5,000-event exercise, each document
generated (scored, laid out, paginated, written as a PDF) in under 2 s.
Target (issue 13 §4): the scoring sheet of that exercise stored in the archive, end to
end in-process (open, read, verify, rebuild, score, lay out, write), in <= 0.5 s; printed
beside the same sheet from memory, with the steps as ratios to it.

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
from typing import Any

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
    stored_report(folder, rules, plan, scenario, exercise)


def stored_report(folder: Path, rules: Any, plan: Any, scenario: Any, exercise: Any) -> None:
    """Issue 13 §4: the same drill stored in the archive, its sheet made from the database.

    End to end in one process: open the database, read and verify the whole record,
    rebuild and score the exercise, lay out and write the PDF.  Beside it, the same
    sheet from the exercise already in memory (the baseline, measured in this run).
    Target: <= 0.5 s.
    """
    from drill_app.cli.archive_cli import verified_exercise
    from drill_app.store.store import (
        NewExercise,
        SeatInfo,
        Store,
        stored_plan,
        stored_scenario,
    )

    url = f"sqlite:///{folder / 'archive.sqlite3'}"
    with Store.open(url) as store:
        store.create_exercise(
            NewExercise(
                title=scenario.title,
                plan_text=next(folder.glob("lixia-*.yaml")).read_text(encoding="utf-8"),
                scenario_text=_scenario_file(folder).read_text(encoding="utf-8"),
                held_on=dt.date(2026, 11, 20),
                seats=tuple(SeatInfo(u) for u in scenario.seats),
                exercise_id=exercise.exercise_id,
            ),
            exercise.events,
        )

    def context(stored: Any, check_hash: str | None) -> ReportContext:
        return ReportContext(
            title=scenario.title,
            held_on=dt.date(2026, 11, 20),
            location="历下区",
            exercise_type="live",
            controller="王建国",
            evaluators=("李明",),
            seats=seats_of(stored.scenario),
            plan=stored.plan,
            scenario=stored.scenario,
            rules=stored.rules,
            sheet=stored.score(),
            events=tuple(stored.events),
            final_hash=check_hash,
        )

    in_memory, from_store, cold = [], [], 0.0
    for run in range(6):
        if run == 0:  # a first report in a fresh process: the stored texts not yet parsed
            stored_plan.cache_clear()
            stored_scenario.cache_clear()
        t0 = time.perf_counter()
        export_pdf(scoring_sheet(context(exercise, None)), folder / "memory.pdf")
        t1 = time.perf_counter()
        with Store.open(url) as store:
            stored, check = verified_exercise(
                store, exercise.exercise_id, DEFAULT_SCORING, force=False
            )
        export_pdf(scoring_sheet(context(stored, check.head_hash)), folder / "stored.pdf")
        t2 = time.perf_counter()
        if run == 0:
            cold = t2 - t1
            continue
        in_memory.append(t1 - t0)
        from_store.append(t2 - t1)
    base, stored_s = statistics.median(in_memory), statistics.median(from_store)
    print(
        f"scoring sheet, exercise in memory     {base:6.3f} s median of 5\n"
        f"scoring sheet, from the archive       {stored_s:6.3f} s median of 5 "
        f"({stored_s / base:.2f}x in memory; the first, texts not yet parsed, {cold:.3f} s "
        f"= {cold / base:.2f}x); target <= 0.5 s"
    )
    _breakdown(url, exercise.exercise_id, context, base, folder)


def _breakdown(url: str, exercise_id: str, context: Any, base: float, folder: Path) -> None:
    """Where the time from the archive goes, step by step (medians of 5, ratios to *base*)."""
    from drill_app.store.store import Store, stored_plan, stored_scenario

    steps: dict[str, list[float]] = {}
    laps: list[float] = []

    def lap(name: str) -> None:
        laps.append(time.perf_counter())
        steps.setdefault(name, []).append(laps[-1] - laps[-2])

    for _ in range(5):
        stored_plan.cache_clear()
        stored_scenario.cache_clear()
        laps[:] = [time.perf_counter()]
        rules = load_scoring_rules(DEFAULT_SCORING)
        lap("scoring rules read")
        store = Store.open(url)
        lap("database opened")
        record = store.stored_record(exercise_id)
        lap("read + verified")
        store.archived_exercise(record, rules)
        lap("texts parsed (first time)")
        stored = store.archived_exercise(record, rules)
        lap("texts parsed (again)")
        store.close()
        ctx = context(stored, record.check.head_hash)
        lap("scored")
        document = scoring_sheet(ctx)
        lap("document built")
        export_pdf(document, folder / "steps.pdf")
        lap("laid out + PDF written")
    for name, times in steps.items():
        median = statistics.median(times)
        print(f"  {name:<28} {median * 1000:7.1f} ms  {median / base:5.2f}x in memory")


def _scenario_file(folder: Path) -> Path:
    return next(p for p in folder.glob("*.yaml") if not p.name.startswith("lixia-"))


if __name__ == "__main__":
    main()
