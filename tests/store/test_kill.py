"""SIGKILL during `import` and `replay --save`: the whole exercise or nothing, never half.

Each run kills the writer at a random moment inside its write (between "go" and
"done"); afterwards the database holds either no trace of the exercise or all of
it (every event, a chain that verifies), and a later import or save succeeds.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_SCORING
from drill_app.store.portable import export_exercise, import_exercise
from drill_app.store.store import Store

CHILD = Path(__file__).parent / "kill_child.py"
RUNS = 20


def _run_child(verb: str, url: str, arg: str, kill_after: float | None) -> float:
    """Run the child; kill it *kill_after* seconds after "go" (None: let it finish).

    Returns how long the write took (go to done), or the delay before the kill.
    """
    child = subprocess.Popen(
        [sys.executable, str(CHILD), verb, url, arg],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "go", child.stderr and child.stderr.read()
        start = time.perf_counter()
        if kill_after is None:
            assert child.stdout.readline().strip() == "done"
            child.wait(timeout=60)
            return time.perf_counter() - start
        time.sleep(kill_after)  # a random point inside the write (the point of the test)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        return kill_after
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        if child.stderr is not None:
            child.stderr.close()


def _whole_or_nothing(url: str, exercise_id: str, events: int) -> bool:
    """True if the exercise is there whole, False if there is no trace; else the test fails."""
    with Store.open(url) as store:
        present = [x for x in store.list_exercises() if x.id == exercise_id]
        with store.engine.connect() as conn:
            stray = conn.execute(
                text("select count(*) from events where exercise_id = :e"), {"e": exercise_id}
            ).scalar()
        if not present:
            assert stray == 0
            return False
        check = store.verify(exercise_id)
        assert (check.ok, check.event_count) == (True, events), check.problems
        return True


def _source(tmp_path: Path) -> tuple[Path, int]:
    """An export file of a finished drill (saved by the child, exported here)."""
    url = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    _run_child("save", url, "drill-k", None)
    with Store.open(url) as store:
        count = export_exercise(store, "drill-k", tmp_path / "drill.json")
    return tmp_path / "drill.json", count


def _clear(url: str) -> None:
    with Store.open(url) as store, store.engine.begin() as conn:
        for table in ("improvement_items", "events", "seats", "exercises"):
            conn.execute(text(f"delete from {table}"))


def test_a_killed_import_leaves_the_whole_exercise_or_nothing(db_url: str, tmp_path: Path) -> None:
    export, count = _source(tmp_path)
    span = _run_child("import", db_url, str(export), None)  # how long a whole import takes
    _clear(db_url)
    rng = random.Random(11)
    outcomes = []
    for _ in range(RUNS):
        _run_child("import", db_url, str(export), rng.uniform(0, span * 1.2))
        outcomes.append(_whole_or_nothing(db_url, "drill-k", count))
        if outcomes[-1]:
            _clear(db_url)
    assert False in outcomes  # some kills landed inside the write...
    with Store.open(db_url) as store:  # ...and none blocked the real import
        result = import_exercise(store, export, load_scoring_rules(DEFAULT_SCORING))
        assert (result.already_present, store.verify("drill-k").ok) == (False, True)


def test_a_killed_replay_save_leaves_the_whole_exercise_or_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'saves.sqlite3'}"
    span = _run_child("save", url, "drill-0", None)
    with Store.open(url) as store:
        count = store.verify("drill-0").event_count
    rng = random.Random(12)
    outcomes = []
    for n in range(1, RUNS + 1):
        _run_child("save", url, f"drill-{n}", rng.uniform(0, span * 1.2))
        outcomes.append(_whole_or_nothing(url, f"drill-{n}", count))
    assert False in outcomes
    with Store.open(url) as store:
        statuses = {x.id: x.status for x in store.list_exercises()}
    assert "running" not in statuses.values()  # never a half-saved drill marked 进行中
