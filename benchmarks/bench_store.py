"""Benchmark the store on SQLite and PostgreSQL: durable appends, the archive list.

Targets (issue 4): >= 500 durable events/s on SQLite; the history list of 500
exercises in under 100 ms.  Both engines write to disk with fsync on (SQLite in WAL
mode with synchronous=FULL; PostgreSQL with fsync=on, data directory under /tmp), so
"durable" means what it says: each event is committed, one transaction per event,
through the same path the app uses (validation, hash chain, commit).

Run:  .venv/bin/python benchmarks/bench_store.py
Needs Debian's postgresql package for the PostgreSQL half (the test command installs it).
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.store.store import NewExercise, Store

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from pg import PostgresNotInstalled, TempPostgres

RULES = load_scoring_rules(DEFAULT_SCORING)
PLAN_TEXT = DEFAULT_PLAN.read_text(encoding="utf-8")
SCENARIO_TEXT = (SCENARIOS_DIR / "a-shanhai-explosion.yaml").read_text(encoding="utf-8")


def new(store: Store, day: dt.date) -> str:
    return store.create_exercise(
        NewExercise(
            title=f"演练 {day}",
            plan_text=PLAN_TEXT,
            scenario_text=SCENARIO_TEXT,
            held_on=day,
            location="姚家街道",
            controller="控制员",
        )
    )


def durable_appends(url: str, n: int = 1000) -> float:
    with Store.open(url) as store:
        exercise = store.load_exercise(new(store, dt.date(2026, 11, 28)), RULES)
        exercise.submit("exercise_started", actor="controller")
        t0 = time.perf_counter()
        for i in range(n):
            exercise.submit(
                "step_taken", {"step": "cordon", "note": f"第{i}次"}, actor="seat", unit="towngas"
            )
        return n / (time.perf_counter() - t0)


def list_500(url: str) -> tuple[float, int]:
    with Store.open(url) as store:
        start = dt.date(2000, 1, 1)
        for i in range(500):
            new(store, start + dt.timedelta(days=15 * i))
    timings = []
    for _ in range(7):
        with Store.open(url) as store:  # a fresh process would start like this
            t0 = time.perf_counter()
            rows = store.list_exercises()
            timings.append(time.perf_counter() - t0)
    return statistics.median(timings), len(rows)


def open_and_list_500(url: str) -> float:
    timings = []
    for _ in range(5):
        t0 = time.perf_counter()
        with Store.open(url) as store:
            store.list_exercises()
        timings.append(time.perf_counter() - t0)
    return statistics.median(timings)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-store-", dir="/tmp"))
    engines = {"sqlite": lambda name: f"sqlite:///{folder / name}.sqlite3"}
    server = None
    try:
        server = TempPostgres(base_dir=Path("/tmp"), fsync=True)
        server.start()
        engines["postgresql"] = server.fresh_database
    except PostgresNotInstalled as exc:
        print(f"postgresql: skipped ({exc})")
    try:
        print(
            f"{'engine':<11} {'durable events/s':>17} {'list 500 (median)':>18}"
            f" {'open+list 500':>14}"
        )
        for engine, url_for in engines.items():
            rate = durable_appends(url_for("appends"))
            archive = url_for("archive")
            list_s, rows = list_500(archive)
            assert rows == 500
            open_s = open_and_list_500(archive)
            print(
                f"{engine:<11} {rate:>17,.0f} {list_s * 1000:>15.1f} ms {open_s * 1000:>11.1f} ms"
            )
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
