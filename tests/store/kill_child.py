"""Child process for the kill tests: imports a file, or saves a replayed exercise.

Usage: python kill_child.py import DB_URL FILE
       python kill_child.py save DB_URL EXERCISE_ID
Prints "go" once everything is loaded, just before the write starts, and "done"
once it has returned; the parent kills it (SIGKILL) somewhere in between.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from drill_app.core.plan import load_plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.store.portable import import_exercise
from drill_app.store.store import NewExercise, SeatInfo, Store

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
ACTIONS = Path(__file__).parent.parent / "fixtures" / "replays" / "a-perfect.jsonl"


def main() -> None:
    verb, url, arg = sys.argv[1:4]
    rules = load_scoring_rules(DEFAULT_SCORING)
    store = Store.open(url)
    if verb == "import":
        print("go", flush=True)
        import_exercise(store, Path(arg), rules)
    else:
        plan = load_plan(DEFAULT_PLAN)
        scenario = load_scenario(plan, SCENARIO)
        exercise, _ = replay(plan, scenario, rules, read_actions(ACTIONS), exercise_id=arg)
        new = NewExercise(
            title=scenario.title,
            plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
            scenario_text=SCENARIO.read_text(encoding="utf-8"),
            held_on=dt.date(2026, 11, 20),
            seats=tuple(SeatInfo(u) for u in scenario.seats),
            exercise_id=arg,
        )
        print("go", flush=True)
        store.create_exercise(new, exercise.events)
    print("done", flush=True)
    store.close()


if __name__ == "__main__":
    main()
