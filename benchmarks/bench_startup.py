"""Benchmark: start-up time of the window, as a ratio to a bare PySide6 script.

Targets (issue 12, §5): the main window shown in at most 1.5x the time a bare script
takes to show a QMainWindow with a QTableView; the start page fully populated from the
database in at most 3x.

Run:  .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--tree DIR]

--tree DIR times drill-app from another checkout (e.g. ``git archive main | tar -x -C
DIR``) with the same launcher, to compare before and after in like conditions.

Each measurement is a fresh process, offscreen, timed from spawn to a marker line it
prints on standard output (read here as soon as it is written):
- baseline: a script that shows a QMainWindow with a QTableView, processes events once
  and prints "shown";
- drill-app: the real command with DRILL_APP_BENCH=1, which makes it print "shown" once
  the main window has been painted and "populated" once the start page shows the
  database's content, then quit (the hook is ``_report_startup`` in drill_app/ui/app.py).
  After the warm-up run, "populated" is the page as last shown (ui/start/start_summary.py,
  kept by content hash) with the exercises read from the database then; the plan is
  loaded and the page filled again right after, which this benchmark does not time.
The database is a temporary SQLite file with a few exercises; settings and the user
data and cache folders are temporary too (XDG_CONFIG_HOME, XDG_DATA_HOME,
XDG_CACHE_HOME).  One warm-up run of each comes first (it also writes the validated-plan
cache and the start page summary, as the first start on a user's machine does); runs
alternate so both see the same machine state.  Medians are reported: of the wall times
(the targets), of each run's ratio to the baseline just before it, and of the CPU time
each process reports at its marker (DRILL_APP_BENCH_CPU=1), which on a shared machine
varies far less than the wall time.

Python may write bytecode (PYTHONDONTWRITEBYTECODE is removed from the children's
environment): an installed drill-app has its .pyc files, and compiling every module of
the app from source on each start (~60 ms here) is not what a user waits for.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = """\
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.show()
app.processEvents()
import time
print("shown", f"{time.process_time():.4f}", flush=True)
"""
TARGET_SHOWN = 1.5
TARGET_POPULATED = 3.0


def timed_markers(
    command: list[str], env: dict[str, str], markers: tuple[str, ...]
) -> list[tuple[float, float]]:
    """(seconds from spawning *command*, CPU seconds it reported) at each marker line.

    A marker line is the marker, then optionally the CPU time the process has used
    (DRILL_APP_BENCH_CPU=1); NaN when it did not say."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert process.stdout is not None
    seen: list[tuple[float, float]] = []
    for line in process.stdout:
        words = line.split()
        if words and words[0] == markers[len(seen)]:
            cpu = float(words[1]) if len(words) > 1 else float("nan")
            seen.append((time.perf_counter() - start, cpu))
            if len(seen) == len(markers):
                break
    process.stdout.close()
    if process.wait(timeout=60) != 0 or len(seen) != len(markers):
        raise SystemExit(f"{command[0]} failed: saw {len(seen)} of the markers {markers}")
    return seen


def seed_database(url: str) -> None:
    """A few exercises: ended ones (the §9.3 history), one running, one planned."""
    from drill_app.core.scoring import load_scoring_rules
    from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
    from drill_app.store.store import NewExercise, SeatInfo, Store

    rules = load_scoring_rules(DEFAULT_SCORING)
    plan_text = DEFAULT_PLAN.read_text(encoding="utf-8")
    scenarios = sorted(SCENARIOS_DIR.glob("*.yaml"))
    with Store.open(url) as store:
        for number, (held_on, state) in enumerate(
            [
                (dt.date(2022, 6, 15), "ended"),
                (dt.date(2023, 9, 20), "ended"),
                (dt.date(2024, 5, 10), "ended"),
                (dt.date(2026, 11, 20), "running"),
                (dt.date(2026, 12, 10), "planned"),
            ]
        ):
            exercise_id = store.create_exercise(
                NewExercise(
                    title=f"演练 {held_on}",
                    plan_text=plan_text,
                    scenario_text=scenarios[number % len(scenarios)].read_text(encoding="utf-8"),
                    held_on=held_on,
                    seats=(SeatInfo("housing", "张强"), SeatInfo("emergency", "李明")),
                )
            )
            if state != "planned":
                exercise = store.load_exercise(exercise_id, rules)
                exercise.submit("exercise_started", actor="controller")
                if state == "ended":
                    exercise.submit("exercise_ended", actor="controller")


# --tree DIR: drill-app from another checkout (e.g. an export of main, to compare), ahead
# of the installed (editable) package.
FROM_TREE = """\
import sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
sys.path.insert(0, sys.argv.pop(1))
from drill_app.cli import main
sys.exit(main())
"""


def app_command(tree: Path | None = None) -> list[str]:
    if tree is not None:
        return [sys.executable, "-c", FROM_TREE, str(tree.resolve())]
    script = Path(sys.executable).parent / "drill-app"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "drill_app.cli"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tree", type=Path, default=None, help="run drill-app from this checkout")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="drill-bench-") as scratch:
        folder = Path(scratch)
        baseline_script = folder / "baseline.py"
        baseline_script.write_text(BASELINE, encoding="utf-8")
        url = f"sqlite:///{folder / 'drills.sqlite3'}"
        seed_database(url)
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=str(folder / "config"),
            XDG_DATA_HOME=str(folder / "data"),
            XDG_CACHE_HOME=str(folder / "cache"),
            DRILL_APP_BENCH="1",
            DRILL_APP_BENCH_CPU="1",
        )
        env.pop("DRILL_APP_DB", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        baseline_command = [sys.executable, str(baseline_script)]
        app = [*app_command(args.tree), "--db", url]

        timed_markers(baseline_command, env, ("shown",))  # warm-up
        timed_markers(app, env, ("shown", "populated"))
        runs: list[list[tuple[float, float]]] = []  # baseline, shown, populated per run
        for _ in range(args.runs):
            runs.append(timed_markers(baseline_command, env, ("shown",)))
            runs[-1].extend(timed_markers(app, env, ("shown", "populated")))

    print(f"medians of {args.runs} runs, offscreen, from process spawn")
    print("  wall: ratio of the medians; per run: median of each run's ratio to the baseline")
    print("  run just before it.  CPU: the process's own CPU time (all its threads) at the")
    print("  marker, which the shared machine's load changes far less than the wall time.")
    met = True
    labels = ("bare PySide6 window (baseline)", "drill-app: main window shown")
    labels += ("drill-app: start page populated",)
    for column, (label, target) in enumerate(
        zip(labels, (None, TARGET_SHOWN, TARGET_POPULATED), strict=True)
    ):
        wall = statistics.median(run[column][0] for run in runs)
        cpu = statistics.median(run[column][1] for run in runs)
        line = f"  {label:34s} wall {wall * 1000:5.0f} ms  CPU {cpu * 1000:5.0f} ms"
        if target is not None:
            base_wall = statistics.median(run[0][0] for run in runs)
            base_cpu = statistics.median(run[0][1] for run in runs)
            per_run = statistics.median(run[column][0] / run[0][0] for run in runs)
            ok = wall / base_wall <= target
            met = met and ok
            line += (
                f"   {wall / base_wall:4.2f}x (per run {per_run:4.2f}x, CPU {cpu / base_cpu:4.2f}x)"
                f"  target <= {target}x: {'ok' if ok else 'MISSED'}"
            )
        print(line)
    print("all targets met" if met else "a target was missed")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
