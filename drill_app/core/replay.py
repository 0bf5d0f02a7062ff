"""Headless replay: run a whole exercise from a JSON-lines file of timed actions.

Each line of an actions file is one JSON object::

    {"at": 18, "unit": "emergency", "kind": "report_submitted",
     "payload": {"report_kind": "phone", "recipients": ["district_government"]}}

``at`` is the scenario minute.  A line with a ``unit`` acts for that seat; a
line without one is a controller action (release or skip an inject early, an
ad-hoc inject, end of disposal, end of the exercise); ``evaluator_*`` kinds
come from the evaluator.  Scripted injects are released automatically when they
fall due; the exercise ends at the scenario's duration unless a line ends it
first.  See docs/replay-format.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drill_app.core.events import AFTER_END_KINDS, EVALUATION_KINDS, Actor
from drill_app.core.exercise import Exercise, ReplayClock, inject_payload, sequential_ids
from drill_app.core.plan import Plan
from drill_app.core.refusals import EventError
from drill_app.core.scenario import Scenario
from drill_app.core.scoring import ScoreSheet, ScoringRules
from drill_app.core.sourcefile import DataFileError, Problem, loads_json, read_text_file

_KEYS = {"at", "unit", "kind", "payload", "id"}


@dataclass(frozen=True)
class Action:
    line: int
    at: float  # minutes
    kind: str
    unit: str | None
    payload: dict[str, Any]


def parse_actions(text: str, file: str) -> list[Action]:
    """Parse an actions file; DataFileError names the line of each problem."""
    actions: list[Action] = []
    problems: list[Problem] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            obj = loads_json(stripped, file, number)
        except DataFileError as exc:
            problems.extend(exc.problems)
            continue
        problem = _check_action(obj)
        if problem:
            problems.append(Problem(file, number, 1, problem))
            continue
        actions.append(
            Action(
                number,
                float(obj["at"]),
                obj["kind"],
                obj.get("unit"),
                dict(obj.get("payload") or {}),
            )
        )
    if problems:
        raise DataFileError(problems)
    return actions


def _check_action(obj: object) -> str | None:
    if not isinstance(obj, dict):
        return "each line must be a JSON object"
    unknown = set(obj) - _KEYS
    if unknown:
        return f"unknown key {sorted(unknown)[0]!r} (keys: at, unit, kind, payload)"
    at = obj.get("at")
    if isinstance(at, bool) or not isinstance(at, int | float) or at < 0:
        return "'at' must be a scenario minute (a number >= 0)"
    if not isinstance(obj.get("kind"), str):
        return "'kind' is required (text)"
    if obj.get("unit") is not None and not isinstance(obj["unit"], str):
        return "'unit' must be a unit id"
    if obj.get("payload") is not None and not isinstance(obj["payload"], dict):
        return "'payload' must be an object"
    return None


def read_actions(path: Path) -> list[Action]:
    return parse_actions(read_text_file(path), str(path))


def replay(
    plan: Plan,
    scenario: Scenario,
    rules: ScoringRules,
    actions: Iterable[Action],
    *,
    file: str = "<actions>",
    exercise_id: str = "replay",
) -> tuple[Exercise, ScoreSheet]:
    """Run the exercise; an invalid action raises DataFileError naming its line."""
    clock = ReplayClock()
    exercise = Exercise(
        plan, scenario, rules, exercise_id, wall_clock=clock, new_id=sequential_ids(exercise_id)
    )
    exercise.submit("exercise_started", actor="controller")
    end = scenario.duration_minutes * 60
    ordered = sorted(actions, key=lambda a: a.at)  # stable: file order within a minute
    for action in ordered:
        t = action.at * 60
        if t > end:
            raise DataFileError(
                [
                    Problem(
                        file,
                        action.line,
                        1,
                        f"minute {action.at:g} is after the end of the exercise "
                        f"({scenario.duration_minutes:g} minutes)",
                    )
                ]
            )
        if exercise.ended and action.kind not in AFTER_END_KINDS:
            raise DataFileError([Problem(file, action.line, 1, "the exercise has already ended")])
        if exercise.ended:  # the scenario clock stands still; only the record goes on
            clock.now = max(clock.now, t)
        else:
            _advance(exercise, clock, t)
        try:
            _perform(exercise, action)
        except EventError as exc:
            raise DataFileError(
                [Problem(file, action.line, 1, str(exc), refusal=exc.refusal)]
            ) from None
    if not exercise.ended:
        _advance(exercise, clock, end)
        exercise.submit("exercise_ended", actor="controller")
    return exercise, exercise.score()


def _advance(exercise: Exercise, clock: ReplayClock, until: float) -> None:
    """Move the clock to *until*, releasing every inject that falls due on the way."""
    while True:
        due = exercise.due_injects()
        for inject in due:
            exercise.release(inject.id)
        if due:
            continue
        nxt = exercise.next_release_time()
        if nxt is None or nxt > until or nxt <= clock.now:
            break
        clock.now = nxt
    clock.now = max(clock.now, until)
    for inject in exercise.due_injects():
        exercise.release(inject.id)


def _perform(exercise: Exercise, action: Action) -> None:
    actor: Actor
    if action.kind in EVALUATION_KINDS:
        actor = "evaluator"
    elif action.unit is not None:
        actor = "seat"
    else:
        actor = "controller"
    payload = action.payload
    if action.kind == "inject_delivered" and "inject" in payload and "text" not in payload:
        inject = exercise.scenario.injects_by_id.get(payload["inject"])
        if inject is None:
            raise EventError.of("inject_unknown", inject=payload["inject"])
        payload = inject_payload(inject)
    exercise.submit(action.kind, payload, actor=actor, unit=action.unit)
