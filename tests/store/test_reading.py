"""The fast read of a stored exercise (issue 13 §4) answers exactly as the reference
check and the reference decoding do, for intact and for altered records alike."""

from __future__ import annotations

import datetime as dt
import json
from collections import namedtuple
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drill_app.core.plan import load_plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.store.chain import (
    LEGACY_GENESIS,
    ChainedEvent,
    EventFields,
    chain_hash,
    check_chain,
    sha256_text,
)
from drill_app.store.reading import _loads, events_of_rows, verify_rows
from drill_app.store.rows import event_of
from drill_app.store.store import NewExercise, SeatInfo, Store

GENESIS = sha256_text("genesis")
EXERCISE = "drill-1"


def _rows(payloads: list[dict[str, Any]], genesis: str = GENESIS) -> list[list[Any]]:
    rows: list[list[Any]] = []
    prev = genesis
    for seq, payload in enumerate(payloads, start=1):
        fields = EventFields(
            f"e-{seq}",
            "note_added",
            "evaluator",
            None if seq % 3 else "区消防救援大队",
            json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
            60.0 * seq,
            1_764_000_000.5 + seq,
        )
        digest = chain_hash(prev, EXERCISE, seq, fields)
        rows.append([seq, *fields.__dict__.values(), prev, digest])
        prev = digest
    return rows


def _reference(rows: list[list[Any]], stored: tuple[int, str], extra: tuple[str, ...] = ()) -> Any:
    chained = (ChainedEvent(r[0], EventFields(*r[1:8]), r[8], r[9]) for r in rows)
    return check_chain(EXERCISE, GENESIS, chained, stored, extra)


FIELD = st.sampled_from(range(10))
VALUES = st.one_of(
    st.text(max_size=8),
    st.integers(0, 20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.none(),
    st.booleans(),
)
EDITS = st.lists(st.tuples(st.integers(0, 7), FIELD, VALUES), max_size=3)


@given(
    st.lists(st.dictionaries(st.text(max_size=4), st.integers() | st.text()), max_size=8),
    EDITS,
    st.sampled_from(["as_recorded", "count", "head"]),
    st.booleans(),
)
def test_verify_rows_is_check_chain(
    payloads: list[dict[str, Any]],
    edits: list[tuple[int, int, Any]],
    stored_kind: str,
    legacy: bool,
) -> None:
    rows = _rows(payloads, LEGACY_GENESIS if legacy else GENESIS)
    head = rows[-1][9] if rows else GENESIS
    stored = {
        "as_recorded": (len(rows), head),
        "count": (len(rows) + 1, head),
        "head": (len(rows), sha256_text("other")),
    }[stored_kind]
    for row, column, value in edits:  # an altered record: any field of any row
        if rows:
            rows[row % len(rows)][column] = value
    assert _outcome(verify_rows, rows, stored) == _outcome(_reference, rows, stored)


def _outcome(check: Any, rows: list[list[Any]], stored: tuple[int, str]) -> Any:
    """The result, or the kind of error (a value of a type the database never holds)."""
    try:
        return check(*((EXERCISE, GENESIS) if check is verify_rows else ()), rows, stored)
    except Exception as exc:
        return type(exc)


def test_an_intact_record_verifies_and_each_alteration_is_named() -> None:
    rows = _rows([{"text": f"第{n}条"} for n in range(6)])
    stored = (6, rows[-1][9])
    intact = verify_rows(EXERCISE, GENESIS, rows, stored)
    assert intact.ok and intact.event_count == 6 and intact.head_hash == rows[-1][9]
    rows[2][5] = '{"text":"改过"}'
    altered = verify_rows(EXERCISE, GENESIS, rows, stored)
    assert not altered.ok
    assert altered.problems == (
        "event 3 (e-3, note_added): content does not match its hash (altered after it was "
        "recorded)",
    )
    assert altered == _reference(rows, stored)
    removed = rows[:2] + rows[3:]
    assert verify_rows(EXERCISE, GENESIS, removed, stored) == _reference(removed, stored)
    extra = ("the stored plan text does not match its recorded hash (altered)",)
    fine = _rows([{}])
    assert verify_rows(EXERCISE, GENESIS, fine, (1, fine[0][9]), extra) == _reference(
        fine, (1, fine[0][9]), extra
    )


def test_events_are_decoded_as_one_at_a_time() -> None:
    rows = _rows([{"text": "燃气泄漏", "n": [1, 2.5, None, True]}, {}])

    row = namedtuple(
        "row", "seq event_id kind actor unit payload scenario_time wall_time prev_hash hash"
    )
    expected = [event_of(EXERCISE, row(*r)) for r in rows]  # type: ignore[arg-type]
    assert events_of_rows(EXERCISE, rows) == expected


@given(st.text(max_size=30) | st.builds(json.dumps, st.recursive(VALUES, st.lists)))
def test_payload_decoding_is_json_loads(text: str) -> None:
    try:
        expected: Any = json.loads(text)
    except ValueError as exc:
        expected = type(exc)
    try:
        got: Any = _loads(text)
    except ValueError as exc:
        got = type(exc)
    assert repr(got) == repr(expected)


@pytest.mark.parametrize("name", ["a-late-phone", "a-wrong-level", "a-perfect"])
@pytest.mark.parametrize("running", [True, False])
def test_a_verified_record_rebuilds_the_same_exercise_unvalidated(
    tmp_path: Path, name: str, running: bool
) -> None:
    """Followed as committed (the record verified) or replayed through validation: the
    same state, events and sheet, for an exercise still running and for an ended one."""
    plan = load_plan(DEFAULT_PLAN)
    scenario_path = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
    scenario = load_scenario(plan, scenario_path)
    rules = load_scoring_rules(DEFAULT_SCORING)
    actions = read_actions(Path(__file__).parents[1] / "fixtures" / "replays" / f"{name}.jsonl")
    run, _ = replay(plan, scenario, rules, actions, exercise_id="d-1")
    events = [e for e in run.events if not (running and e.kind == "exercise_ended")]
    with Store.open(f"sqlite:///{tmp_path / 'a.sqlite3'}") as store:
        store.create_exercise(
            NewExercise(
                title="t",
                plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
                scenario_text=scenario_path.read_text(encoding="utf-8"),
                held_on=dt.date(2026, 11, 20),
                seats=tuple(SeatInfo(u) for u in scenario.seats),
                exercise_id="d-1",
            ),
            events,
        )
        record = store.stored_record("d-1")
        clock = lambda: events[-1].wall_time + 30.0  # noqa: E731
        trusted = store.load_exercise("d-1", rules, record=record, wall_clock=clock)
        checked = store.load_exercise("d-1", rules, wall_clock=clock)  # validates each event
    assert record.check.ok and trusted.ended == (not running)
    assert trusted.state == checked.state
    assert trusted.events == checked.events == events
    assert trusted.score() == checked.score()
