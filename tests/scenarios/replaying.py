"""Helpers shared by the scenario tests: replay a recorded run and read its score sheet.

Each ``test_scenario_*.py`` module replays the action files in ``tests/fixtures/replays``
against its own scenario.  One of them, the *perfect run*, meets every line on time;
each other file (a *variant*) is the perfect run with one thing changed, and its test
states exactly which lines that change alters (:func:`changed_lines`).

This is a plain module, not a package: ``tests/`` has no ``__init__.py``, so pytest's
default (``prepend``) import mode puts ``tests/scenarios`` on ``sys.path`` and the test
modules import it as ``from replaying import ...``.  The ``rules`` fixture lives in this
folder's ``conftest.py``; ``plan`` in ``tests/conftest.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from drill_app.core.exercise import Exercise
from drill_app.core.plan import Plan
from drill_app.core.replay import Action, parse_actions, read_actions, replay
from drill_app.core.scenario import Scenario
from drill_app.core.scoring import Line, ScoreSheet, ScoringRules

FIXTURES = Path(__file__).parent.parent / "fixtures" / "replays"
"""The recorded action files (``<scenario letter>-<what>.jsonl``)."""

M = 60.0
"""Seconds in a scenario minute: score lines and events carry times in seconds."""

Row = tuple[str, str, str, float | None, float | None, str, int, float, float]
"""A score line as the tests state it: see :func:`row`."""


def run(
    plan: Plan, scenario: Scenario, rules: ScoringRules, name: str
) -> tuple[Exercise, ScoreSheet]:
    """Replay the action file *name* (in :data:`FIXTURES`) and return the exercise and its sheet."""
    path = FIXTURES / name
    return replay(plan, scenario, rules, read_actions(path), file=str(path))


def lines_by_id(sheet: ScoreSheet) -> dict[str, Line]:
    """The sheet's lines keyed by id; fails if two lines share an id."""
    lines = {line.id: line for line in sheet.lines}
    assert len(lines) == len(sheet.lines), "duplicate line ids"
    return lines


def row(line: Line) -> Row:
    """What a test checks of a line, apart from its detail text.

    ``(id, unit, plan_ref, due_at, done_at, status, minutes_late, points, max_points)``,
    times in seconds (multiply minutes by :data:`M`).
    """
    return (
        line.id,
        line.unit,
        line.plan_ref,
        line.due_at,
        line.done_at,
        line.status,
        line.minutes_late,
        line.points,
        line.max_points,
    )


def met(id_: str, unit: str, ref: str, due: float | None, done: float, points: float = 10.0) -> Row:
    """The :func:`row` of a line met on time (full *points*); *due* and *done* in minutes."""
    return (id_, unit, ref, None if due is None else due * M, done * M, "met", 0, points, points)


def changed_lines(
    plan: Plan,
    scenario: Scenario,
    rules: ScoringRules,
    perfect_run: str,
    name: str,
    lost: frozenset[str] = frozenset(),
) -> tuple[Exercise, ScoreSheet, dict[str, tuple[Row, str]]]:
    """Replay the variant *name* and return what differs from the perfect run *perfect_run*.

    Returns ``(exercise, sheet, changed)`` for the variant, where *changed* maps the id of
    each line that is new, or whose :func:`row` or detail differs from the perfect run's,
    to ``(row, detail)``.  A test asserting ``changed == {...}`` thereby also asserts that
    every other line is exactly as in the perfect run.  A line of the perfect run that the
    variant lacks fails here, unless the test names it in *lost* (a line the change
    legitimately removes, e.g. a follow-up whose news went into a later first report).
    """
    _, perfect_sheet = run(plan, scenario, rules, perfect_run)
    perfect = lines_by_id(perfect_sheet)
    exercise, sheet = run(plan, scenario, rules, name)
    got = lines_by_id(sheet)
    assert set(perfect) - set(got) == lost, f"lines lost: {sorted(set(perfect) - set(got))}"
    changed = {
        i: (row(line), line.detail)
        for i, line in got.items()
        if i not in perfect or (row(perfect[i]), perfect[i].detail) != (row(line), line.detail)
    }
    return exercise, sheet, changed


def delivered_at(exercise: Exercise) -> dict[str, float]:
    """The minute at which each inject was delivered, by inject id."""
    return {i: e.scenario_time / M for i, e in exercise.record.delivered.items()}


def variant(
    plan: Plan,
    scenario: Scenario,
    rules: ScoringRules,
    base: str,
    *,
    drop: Callable[[Action], bool] = lambda a: False,
    add: Iterable[dict[str, Any]] = (),
) -> tuple[Exercise, dict[str, Line]]:
    """Replay the action file *base* without the actions *drop* selects and with the
    actions *add* (``{"at", "unit", "kind", "payload"}`` as in an actions file)."""
    actions = [a for a in read_actions(FIXTURES / base) if not drop(a)]
    text = "\n".join(json.dumps(a, ensure_ascii=False) for a in add)
    actions += parse_actions(text, "<added>")
    exercise, sheet = replay(plan, scenario, rules, actions)
    return exercise, lines_by_id(sheet)


def short(line: Line) -> tuple[object, ...]:
    """(status, unit, plan_ref, due, done, minutes_late, detail) with times in minutes."""
    return (
        line.status,
        line.unit,
        line.plan_ref,
        None if line.due_at is None else line.due_at / M,
        None if line.done_at is None else line.done_at / M,
        line.minutes_late,
        line.detail,
    )


def is_action(kind: str, unit: str | None = None, **payload: Any) -> Callable[[Action], bool]:
    """A selector for :func:`variant`'s *drop*: actions of *kind* (by *unit*, with *payload*)."""

    def match(action: Action) -> bool:
        return (
            action.kind == kind
            and (unit is None or action.unit == unit)
            and all(action.payload.get(k) == v for k, v in payload.items())
        )

    return match
