"""Benchmark: start-up time of the window, as a ratio to a bare PySide6 script.

Targets (issue 12, §5): the main window shown in at most 1.5x the time a bare script
takes to show a QMainWindow with a QTableView; the start page fully populated from the
database in at most 3x.

Run:  .venv/bin/python benchmarks/bench_startup.py [--runs 7]

Each measurement is a fresh process, offscreen, timed from spawn to a marker line it
prints on standard output (read here as soon as it is written):
- baseline: a script that shows a QMainWindow with a QTableView, processes events once
  and prints "shown";
- drill-app: the real command with DRILL_APP_BENCH=1, which makes it print "shown" once
  the main window has been painted and "populated" once the start page shows the
  database's content, then quit (the hook is ``_report_startup`` in drill_app/ui/app.py).
The database is a temporary SQLite file with a few exercises; settings and the user
data and cache folders are temporary too (XDG_CONFIG_HOME, XDG_DATA_HOME,
XDG_CACHE_HOME).  One warm-up run of each comes first (it also writes the validated-plan
cache, as the first start on a user's machine does); runs alternate so both see the same
machine state.  Medians are reported.

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
print("shown", flush=True)
"""
TARGET_SHOWN = 1.5
TARGET_POPULATED = 3.0


def timed_markers(command: list[str], env: dict[str, str], markers: tuple[str, ...]) -> list[float]:
    """Seconds from spawning *command* to each marker line, in order."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    assert process.stdout is not None
    times: list[float] = []
    for line in process.stdout:
        if line.strip() == markers[len(times)]:
            times.append(time.perf_counter() - start)
            if len(times) == len(markers):
                break
    process.stdout.close()
    if process.wait(timeout=60) != 0 or len(times) != len(markers):
        raise SystemExit(f"{command[0]} failed: saw {len(times)} of the markers {markers}")
    return times


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


def app_command() -> list[str]:
    script = Path(sys.executable).parent / "drill-app"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "drill_app.cli"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7)
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
        )
        env.pop("DRILL_APP_DB", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        baseline_command = [sys.executable, str(baseline_script)]
        app = [*app_command(), "--db", url]

        timed_markers(baseline_command, env, ("shown",))  # warm-up
        timed_markers(app, env, ("shown", "populated"))
        baseline: list[float] = []
        shown: list[float] = []
        populated: list[float] = []
        for _ in range(args.runs):
            baseline.extend(timed_markers(baseline_command, env, ("shown",)))
            window, page = timed_markers(app, env, ("shown", "populated"))
            shown.append(window)
            populated.append(page)

    base = statistics.median(baseline)
    rows = [
        ("bare PySide6 window (baseline)", base, None),
        ("drill-app: main window shown", statistics.median(shown), TARGET_SHOWN),
        ("drill-app: start page populated", statistics.median(populated), TARGET_POPULATED),
    ]
    print(f"medians of {args.runs} runs, offscreen, from process spawn")
    met = True
    for label, seconds, target in rows:
        line = f"  {label:34s} {seconds * 1000:7.0f} ms"
        if target is not None:
            ratio = seconds / base
            ok = ratio <= target
            met = met and ok
            line += f"   {ratio:4.2f}x  (target <= {target}x: {'ok' if ok else 'MISSED'})"
        print(line)
    print("all targets met" if met else "a target was missed")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
