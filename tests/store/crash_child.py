"""Child process for the crash test: runs an exercise and acknowledges each event.

Usage: python crash_child.py DB_URL EXERCISE_ID
Prints one line per event once append_event has returned (i.e. committed), then
keeps going until it is killed.
"""

from __future__ import annotations

import itertools
import sys

from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_SCORING
from drill_app.store.store import Store


def main() -> None:
    url, exercise_id = sys.argv[1], sys.argv[2]
    store = Store.open(url)
    exercise = store.load_exercise(exercise_id, load_scoring_rules(DEFAULT_SCORING))
    started = exercise.submit("exercise_started", actor="controller")
    print(f"ack {started.id} {started.wall_time!r}", flush=True)
    for n in itertools.count():
        if n % 3 == 0:
            event = exercise.submit("evaluator_note", {"text": f"记录{n}"}, actor="evaluator")
        elif n % 3 == 1:
            event = exercise.submit(
                "report_submitted",
                {"report_kind": "followup", "figures": {"deaths": n % 4}},
                actor="seat",
                unit="emergency",
            )
        else:
            event = exercise.submit("step_taken", {"step": "cordon"}, actor="seat", unit="towngas")
        print(f"ack {event.id} {event.wall_time!r}", flush=True)


if __name__ == "__main__":
    main()
