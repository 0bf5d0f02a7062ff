"""Nothing acknowledged is lost when the process is killed mid-stream (SIGKILL)."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import time
from pathlib import Path

from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.store.store import NewExercise, Store

CHILD = Path(__file__).parent / "crash_child.py"


def test_sigkill_loses_nothing_acknowledged_and_the_exercise_resumes(db_url: str) -> None:
    with Store.open(db_url) as store:
        exercise_id = store.create_exercise(
            NewExercise(
                title="断电演练",
                plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
                scenario_text=(SCENARIOS_DIR / "a-shanhai-explosion.yaml").read_text(
                    encoding="utf-8"
                ),
                held_on=dt.date(2026, 11, 28),
            )
        )
    child = subprocess.Popen(
        [sys.executable, str(CHILD), db_url, exercise_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acked: list[str] = []
    start_wall = 0.0
    assert child.stdout is not None
    try:
        for line in child.stdout:
            _, event_id, wall = line.split()
            if not acked:
                start_wall = float(wall)
            acked.append(event_id)
            if len(acked) >= 120:
                break
        child.send_signal(signal.SIGKILL)  # mid-stream: the child is writing its next event
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
    assert len(acked) == 120

    time.sleep(0.2)  # the host stays down a moment
    with Store.open(db_url) as store:
        stored = [e.id for e in store.events(exercise_id)]
        assert stored[: len(acked)] == acked  # every acknowledged event, in order
        assert len(stored) - len(acked) <= 1  # at most the one in flight, committed but unacked
        assert store.verify(exercise_id).ok
        reopened_at = time.time()
        exercise = store.open_exercise(exercise_id, load_scoring_rules(DEFAULT_SCORING))
        restart = exercise.events[-1]
        assert restart.kind == "host_restarted"
        assert restart.payload["down_seconds"] >= 0.2
        # the clock continued from the recorded start: time kept running while down
        assert exercise.now() >= reopened_at - start_wall
        assert exercise.started and not exercise.ended
        exercise.submit("step_taken", {"step": "evacuate"}, actor="seat", unit="street")
        assert store.events(exercise_id)[-1].payload == {"step": "evacuate", "note": ""}
        assert store.verify(exercise_id).ok
