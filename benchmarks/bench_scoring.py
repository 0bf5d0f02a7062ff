"""Benchmark: score a long exercise; report events per second and how cost grows.

Target (issue 3): the full score of a 10,000-event exercise in under 0.2 s on one
core, and scoring cost growing no worse than linearly with events.

Run:  .venv/bin/python benchmarks/bench_scoring.py
The exercise is scenario a with a realistic mix of seat actions spread over its
four hours (reports with figures, steps, group activations and stand-downs,
warnings issued/changed/lifted, evaluator notes), built once through the real
engine (every event validated), then scored repeatedly.
"""

from __future__ import annotations

import random
import statistics
import time

from drill_app.core.events import Event
from drill_app.core.exercise import Exercise, ReplayClock, sequential_ids
from drill_app.core.plan import load_plan
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules, score_exercise
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR

PLAN = load_plan(DEFAULT_PLAN)
SCENARIO = load_scenario(PLAN, SCENARIOS_DIR / "a-shanhai-explosion.yaml")
RULES = load_scoring_rules(DEFAULT_SCORING)
SEATS = SCENARIO.seats
GROUPS = [g.id for g in PLAN.groups]
STEPS = [s.id for s in PLAN.actions.first_response_safety]


def build(n_events: int, seed: int = 7) -> tuple[list[Event], float]:
    """An exercise of about n_events events; returns the events and the build time."""
    rnd = random.Random(seed)
    clock = ReplayClock()
    ex = Exercise(PLAN, SCENARIO, RULES, "bench", wall_clock=clock, new_id=sequential_ids("b"))
    t0 = time.perf_counter()
    ex.submit("exercise_started", actor="controller")
    end = SCENARIO.duration_minutes * 60
    step = end / n_events
    warning: str | None = None
    active: set[str] = set()
    while len(ex.events) < n_events - 1:
        clock.now = min(end, clock.now + step)
        for inject in ex.due_injects():
            ex.release(inject.id)
        unit = rnd.choice(SEATS)
        r = rnd.random()
        if r < 0.35:
            kind = rnd.choice(["phone", "written", "followup"])
            payload = {"report_kind": kind, "figures": {"deaths": rnd.randint(0, 3)}}
            ex.submit("report_submitted", payload, actor="seat", unit=unit)
        elif r < 0.55:
            ex.submit("step_taken", {"step": rnd.choice(STEPS)}, actor="seat", unit=unit)
        elif r < 0.75:
            group = rnd.choice(GROUPS)
            kind = "group_stood_down" if group in active else "group_activated"
            ex.submit(kind, {"group": group}, actor="seat", unit=unit)
            active ^= {group}
        elif r < 0.80:
            if warning is None:
                warning = rnd.choice(["blue", "yellow"])
                ex.submit("warning_issued", {"colour": warning}, actor="seat", unit="housing")
            elif rnd.random() < 0.5:
                warning = "yellow" if warning == "blue" else "blue"
                ex.submit("warning_changed", {"colour": warning}, actor="seat", unit="housing")
            else:
                warning = None
                ex.submit("warning_lifted", {}, actor="seat", unit="housing")
        elif r < 0.85:
            level = rnd.choice(["IV", "III"])
            ex.submit("level_determined", {"level": level}, actor="seat", unit="housing")
        else:
            ex.submit("evaluator_note", {"text": "记录"}, actor="evaluator")
    clock.now = end
    ex.submit("exercise_ended", actor="controller")
    return list(ex.events), time.perf_counter() - t0


def best_of(repeat: int, fn: object) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    print("scoring benchmark (scenario a, mixed actions over 240 scenario minutes)")
    print(
        f"{'events':>8} {'lines':>6} {'build+validate s':>17} {'score s (best of 7)':>20}"
        f" {'events/s':>10} {'µs/event':>9}"
    )
    per_event = []
    for n in (1_000, 2_500, 5_000, 10_000, 20_000):
        events, build_s = build(n)
        sheet = score_exercise(PLAN, SCENARIO, events, RULES)
        seconds = best_of(7, lambda e=events: score_exercise(PLAN, SCENARIO, e, RULES))
        per_event.append(seconds / len(events))
        print(
            f"{len(events):>8} {len(sheet.lines):>6} {build_s:>17.3f} {seconds:>20.4f}"
            f" {len(events) / seconds:>10,.0f} {1e6 * seconds / len(events):>9.2f}"
        )
    growth = per_event[-1] / statistics.mean(per_event[:2])
    print(
        f"cost per event at 20,000 vs at 1,000-2,500 events: {growth:.2f}x "
        "(1.0 = linear; above 1 grows faster than linear)"
    )


if __name__ == "__main__":
    main()
