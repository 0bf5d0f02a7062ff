"""Tamper evidence over the whole record: each kind of edit to the database is found.

The chain starts from a genesis hash over the exercise record and the exact plan,
scenario and scoring rules, so an edited deadline, scenario or date is found as
surely as an edited event.  A chain recomputed by someone with write access is
found only against the hash kept on paper: ``verify --expect``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from drill_app.core.plan import load_plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.store.chain import (
    LEGACY_GENESIS,
    EventFields,
    chain_hash,
    genesis_hash,
    sha256_text,
)
from drill_app.store.rows import record_fields
from drill_app.store.store import NewExercise, SeatInfo, Store

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "replays"


@pytest.fixture
def archived(tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """A finished exercise (the late-phone replay of scenario A) in a fresh SQLite file."""
    plan = load_plan(DEFAULT_PLAN)
    rules = load_scoring_rules(DEFAULT_SCORING)
    replayed, _ = replay(
        plan,
        load_scenario(plan, SCENARIO),
        rules,
        read_actions(FIXTURES / "a-late-phone.jsonl"),
        exercise_id="drill-1",
    )
    store = Store.open(f"sqlite:///{tmp_path / 'archive.sqlite3'}")
    store.create_exercise(
        NewExercise(
            title="山海社区燃气爆炸桌面推演",
            plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
            scenario_text=SCENARIO.read_text(encoding="utf-8"),
            held_on=dt.date(2026, 11, 20),
            seats=(SeatInfo("emergency", "李明", "PC-02"),),
            exercise_id="drill-1",
            scoring_sha256=sha256_text(DEFAULT_SCORING.read_text(encoding="utf-8")),
        ),
        replayed.events,
    )
    assert store.verify("drill-1").ok
    with store:
        yield store, "drill-1"


def edit(store: Store, sql: str, **params: object) -> None:
    with store.engine.begin() as conn:
        conn.execute(text(sql), params)


def problems_after(store: Store, exercise_id: str, sql: str, **params: object) -> str:
    edit(store, sql, **params)
    result = store.verify(exercise_id)
    assert not result.ok
    return "\n".join(result.problems)


def test_an_edited_payload_is_found(archived: tuple[Store, str]) -> None:
    store, ex = archived
    found = problems_after(
        store,
        ex,
        "update events set payload = replace(payload, '\"phone\"', '\"written\"') "
        "where kind = 'report_submitted' and seq = (select min(seq) from events "
        "where kind = 'report_submitted')",
    )
    assert "content does not match its hash" in found


def test_an_edited_time_is_found(archived: tuple[Store, str]) -> None:
    store, ex = archived
    found = problems_after(store, ex, "update events set scenario_time = 60 where seq = 5")
    assert found.startswith("event 5 (") and "content does not match its hash" in found


def test_a_deleted_event_is_found(archived: tuple[Store, str]) -> None:
    store, ex = archived
    found = problems_after(store, ex, "delete from events where seq = 7")
    assert "event 7: sequence number 8 (a gap)" in found


def test_reordered_events_are_found(archived: tuple[Store, str]) -> None:
    store, ex = archived
    edit(store, "update events set seq = -1 where seq = 3")
    edit(store, "update events set seq = 3 where seq = 4")
    found = problems_after(store, ex, "update events set seq = 4 where seq = -1")
    assert "event 3 (" in found and "does not match" in found


def test_a_truncated_log_is_found(archived: tuple[Store, str]) -> None:
    store, ex = archived
    count = store.verify(ex).event_count
    found = problems_after(store, ex, "delete from events where seq > :n", n=count - 3)
    assert f"the exercise records {count} events" in found


def test_a_truncated_log_with_its_head_rewritten_is_found_only_by_the_paper_hash(
    archived: tuple[Store, str],
) -> None:
    store, ex = archived
    before = store.verify(ex)
    edit(store, "delete from events where seq > :n", n=before.event_count - 3)
    new_head = store.events(ex)  # the surviving events
    with store.engine.begin() as conn:
        head = conn.execute(text("select hash from events order by seq desc limit 1")).scalar()
        conn.execute(
            text("update exercises set head_hash = :h, event_count = :n"),
            {"h": head, "n": len(new_head)},
        )
    after = store.verify(ex)
    assert after.ok  # consistent in itself...
    checked = after.with_expected(before.head_hash)
    assert not checked.ok  # ...but not the record the signed sheet names
    assert f"is not the expected {before.head_hash}" in checked.problems[-1]


def test_an_edited_plan_deadline_is_found(archived: tuple[Store, str]) -> None:
    store, ex = archived
    plan = DEFAULT_PLAN.read_text(encoding="utf-8")
    assert "deadline_minutes: 20" in plan
    found = problems_after(
        store,
        ex,
        "update plan_versions set content = replace(content, 'deadline_minutes: 20', 'deadline_minutes: 60')",
    )
    assert "the stored plan text does not match its recorded hash" in found


def test_an_edited_plan_with_its_hash_column_updated_is_found(
    archived: tuple[Store, str],
) -> None:
    store, ex = archived
    edited = DEFAULT_PLAN.read_text(encoding="utf-8").replace(
        "deadline_minutes: 20", "deadline_minutes: 60"
    )
    found = problems_after(
        store,
        ex,
        "update plan_versions set content = :c, sha256 = :h",
        c=edited,
        h=sha256_text(edited),
    )
    assert "event 1 (" in found and "the exercise record or its plan, scenario" in found


def test_an_edited_scenario_is_found(archived: tuple[Store, str]) -> None:
    store, ex = archived
    edited = SCENARIO.read_text(encoding="utf-8").replace("山海", "山河")
    found = problems_after(
        store,
        ex,
        "update scenario_versions set content = :c, sha256 = :h",
        c=edited,
        h=sha256_text(edited),
    )
    assert "previous hash does not match (the exercise record" in found


@pytest.mark.parametrize(
    "sql",
    [
        "update exercises set held_on = '2026-11-27'",
        "update exercises set title = '另一次演练'",
        "update exercises set scoring_sha256 = ''",
        "update seats set participant = '王五'",
    ],
)
def test_an_edited_exercise_record_is_found(archived: tuple[Store, str], sql: str) -> None:
    store, ex = archived
    found = problems_after(store, ex, sql)
    assert "the exercise record or its plan, scenario or rules changed" in found


def test_a_recomputed_chain_passes_alone_and_fails_against_the_paper_hash(
    archived: tuple[Store, str],
) -> None:
    store, ex = archived
    signed = store.verify(ex).head_hash
    edit(store, "update exercises set held_on = '2026-11-27'")
    _recompute_chain(store, ex)
    alone = store.verify(ex)
    assert alone.ok and alone.head_hash != signed
    against = alone.with_expected(signed)
    assert not against.ok
    assert store.verify(ex).with_expected(alone.head_hash).ok


def test_a_chain_rewritten_from_zeros_says_it_covers_the_events_only(
    archived: tuple[Store, str],
) -> None:
    store, ex = archived
    _recompute_chain(store, ex, start=LEGACY_GENESIS)
    result = store.verify(ex)
    assert result.ok and result.legacy


def _recompute_chain(store: Store, exercise_id: str, start: str | None = None) -> None:
    """What an attacker with write access does: every hash redone after the edit."""
    from sqlalchemy.orm import Session

    from drill_app.store.models import EventRow, ExerciseRow

    with Session(store.engine) as session, session.begin():
        row = session.get(ExerciseRow, exercise_id)
        assert row is not None
        prev = start or genesis_hash(
            record_fields(row, sha256_text(row.plan.content), sha256_text(row.scenario.content))
        )
        for event in session.query(EventRow).filter_by(exercise_id=exercise_id).order_by("seq"):
            fields = EventFields(
                event.event_id,
                event.kind,
                event.actor,
                event.unit,
                event.payload,
                event.scenario_time,
                event.wall_time,
            )
            event.prev_hash = prev
            event.hash = prev = chain_hash(prev, exercise_id, event.seq, fields)
        row.head_hash = prev
