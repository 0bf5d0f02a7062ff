"""One writer per running exercise (issue 15 §1), on SQLite and PostgreSQL.

Two consoles on one database: the second is refused while the first lives, and never
writes; a dead first one (heartbeat expired, or its process gone on this machine) is
taken over, the takeover is in the log, and the exercise still scores and reopens.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text
from test_store import new_exercise

from drill_app.core.exercise import ReplayClock
from drill_app.core.scoring import ScoringRules, load_scoring_rules
from drill_app.paths import DEFAULT_SCORING
from drill_app.store.claims import ExerciseClaim, open_owned
from drill_app.store.ownership import (
    Heartbeat,
    NotOwner,
    OwnedElsewhere,
    OwnerIdentity,
    Ownership,
    machine_name,
)
from drill_app.store.store import Store


@pytest.fixture(scope="module")
def rules() -> ScoringRules:
    return load_scoring_rules(DEFAULT_SCORING)


def console(machine: str = "", pid: int = 0, role: str = "console") -> OwnerIdentity:
    """This process, or (with *machine*) a process on another workstation."""
    me = OwnerIdentity.this_process(role)
    if machine:
        return OwnerIdentity(me.owner_id, machine, pid or me.pid, role)
    return me


def kinds(store: Store, exercise_id: str) -> list[str]:
    return [e.kind for e in store.events(exercise_id)]


def test_a_second_console_never_writes_to_a_live_owned_exercise(
    db_url: str, rules: ScoringRules
) -> None:
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
        # The first console runs on another workstation (a different process, alive: it beats).
        first = open_owned(store, exercise_id, rules, console("pc-07/1a2b", 4242, role="host"))
        first.exercise.submit("exercise_started", actor="controller")
        first.exercise.release("i01_hotline")
        with pytest.raises(OwnedElsewhere) as refused:
            open_owned(store, exercise_id, rules, console())
        assert refused.value.owner.role == "host"
        assert refused.value.owner.pid == first.claim.owner.pid
        # A console that never claimed (an older copy of the app) cannot write either.
        watcher = store.open_exercise(exercise_id, rules, record_restart=False)
        with pytest.raises(NotOwner):
            watcher.submit("step_taken", {"step": "cordon"}, actor="seat", unit="towngas")
        assert kinds(store, exercise_id) == ["exercise_started", "inject_delivered"]
        first.exercise.submit("step_taken", {"step": "cordon"}, actor="seat", unit="towngas")
        assert store.verify(exercise_id).ok
        # Reopened afterwards, the exercise scores (the old failure: "already released").
        reopened = store.open_exercise(exercise_id, rules, record_restart=False)
        assert [e.kind for e in reopened.events][-1] == "step_taken"
        assert reopened.score().lines


def test_an_owner_whose_heartbeat_expired_is_taken_over_and_that_is_logged(
    db_url: str, rules: ScoringRules
) -> None:
    clock = ReplayClock()
    clock.now = 1_000_000.0
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
        claims = Ownership(store.engine, wall_clock=clock)
        elsewhere = console(machine="other-pc/abc", pid=4242, role="host")
        old = open_owned(
            store, exercise_id, rules, elsewhere, lease=15, wall_clock=clock, ownership=claims
        )
        old.exercise.submit("exercise_started", actor="controller")
        clock.now += 14  # inside the lease: still alive, even though pid 4242 means nothing here
        with pytest.raises(OwnedElsewhere):
            claims.claim(exercise_id, console(), lease=15)
        clock.now += 2  # 16 s without a heartbeat
        assert claims.live_owner(exercise_id) is None
        me = console()
        new = open_owned(store, exercise_id, rules, me, wall_clock=clock, ownership=claims)
        assert new.claim.reason == "heartbeat_expired"
        taken = store.events(exercise_id)[-1]
        assert taken.kind == "host_taken_over"
        assert dict(taken.payload) == {
            "previous_owner": elsewhere.owner_id,
            "previous_machine": "other-pc/abc",
            "previous_pid": 4242,
            "last_heartbeat": 1_000_000.0,
            "reason": "heartbeat_expired",
        }
        # The old owner, back from the dead, is fenced off.
        with pytest.raises(NotOwner):
            old.exercise.submit("exercise_paused", actor="controller")
        assert kinds(store, exercise_id)[-1] == "host_taken_over"
        assert claims.owner_of(exercise_id) is not None
        assert claims.heartbeat(exercise_id, elsewhere.owner_id) is False


def test_an_owner_whose_process_is_gone_on_this_machine_is_taken_over(
    db_url: str, rules: ScoringRules
) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead_pid = int(gone.stdout)
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
        dead = console(machine=machine_name(), pid=dead_pid, role="host")
        old = open_owned(store, exercise_id, rules, dead)
        old.exercise.submit("exercise_started", actor="controller")
        new = open_owned(store, exercise_id, rules, console())
        assert new.claim.reason == "process_gone"
        assert new.claim.taken_over is not None
        assert new.claim.taken_over.pid == dead_pid
        assert kinds(store, exercise_id)[-2:] == ["host_restarted", "host_taken_over"]
        new.exercise.submit("exercise_ended", actor="controller")
        assert store.verify(exercise_id).ok
        assert store.exercise(exercise_id).summary.status == "ended"


def test_heartbeats_keep_a_claim_alive_and_report_when_it_was_taken(db_url: str) -> None:
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
        claims = Ownership(store.engine)
        me = console("pc-07/1a2b", 4242)  # another workstation, alive while it beats
        claims.claim(exercise_id, me, lease=0.3)
        lost: list[bool] = []
        beat = Heartbeat(
            claims, exercise_id, me.owner_id, lease=0.3, on_lost=lambda: lost.append(True)
        )
        beat.start()
        try:
            first = claims.owner_of(exercise_id)
            assert first is not None
            for _ in range(200):
                now = claims.owner_of(exercise_id)
                if now is not None and now.heartbeat_at > first.heartbeat_at:
                    break
                beat._stop.wait(0.02)
            assert claims.live_owner(exercise_id) is not None
            with pytest.raises(OwnedElsewhere):
                claims.claim(exercise_id, console(), lease=0.3)
        finally:
            beat.stop()
        claims.release(exercise_id, me.owner_id)
        assert claims.owner_of(exercise_id) is None
        assert lost == []


RACER = textwrap.dedent(
    """
    import sys
    from drill_app.store.ownership import OwnedElsewhere, OwnerIdentity, Ownership
    from drill_app.store.store import Store
    store = Store.open(sys.argv[1])
    sys.stdin.readline()  # start together
    try:
        Ownership(store.engine).claim(sys.argv[2], OwnerIdentity.this_process(), lease=60)
        print("won", flush=True)
    except OwnedElsewhere:
        print("refused", flush=True)
    sys.stdin.readline()  # stay alive until both have answered
    """
)


def test_two_consoles_racing_for_one_exercise_one_wins(db_url: str) -> None:
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, db_url, exercise_id],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    try:
        for p in racers:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        answers = sorted(p.stdout.readline().strip() for p in racers if p.stdout)
        assert answers == ["refused", "refused", "won"]
    finally:
        for p in racers:
            if p.stdin:
                p.stdin.close()
            p.wait(timeout=30)


def test_a_consoles_claim_is_released_when_it_opens_another_or_closes(
    db_url: str, rules: ScoringRules
) -> None:
    with Store.open(db_url) as store:
        first_id, second_id = new_exercise(store), new_exercise(store)
        one, two = ExerciseClaim(store), ExerciseClaim(store)
        one.me = console("pc-07/1a2b", 4242)  # another workstation's console
        exercise = one.open(first_id, rules)
        with pytest.raises(OwnedElsewhere):
            two.open(first_id, rules)
        exercise.attach_persistence(lambda e: store.append_event(e, owner=one.owner_id))
        exercise.submit("exercise_started", actor="controller")
        one.open(second_id, rules)  # gives the first exercise up
        again = two.open(first_id, rules)
        assert again.events[0].kind == "exercise_started"
        two.release()
        one.release()
        assert Ownership(store.engine).owner_of(first_id) is None
        assert Ownership(store.engine).owner_of(second_id) is None


def _chain_of(store: Store, exercise_id: str) -> list[tuple[int, str, str]]:
    check = store.verify(exercise_id)
    assert check.ok and not check.legacy, check.problems  # chained from the genesis record
    with store.engine.connect() as conn:
        rows = conn.execute(text("select seq, prev_hash, hash from events order by seq"))
        return [(r.seq, r.prev_hash, r.hash) for r in rows]


def test_events_appended_as_one_group_hash_exactly_as_one_by_one_from_the_genesis(
    tmp_path: Path, rules: ScoringRules
) -> None:
    """A host writes what arrived together in one INSERT; the chain must not tell."""
    with Store.open(f"sqlite:///{tmp_path / 'single.sqlite3'}") as store:
        exercise_id = new_exercise(store, exercise_id="e" * 32)
        exercise = store.open_exercise(exercise_id, rules, record_restart=False)
        exercise.submit("exercise_started", actor="controller")
        exercise.release("i01_hotline")
        exercise.submit("step_taken", {"step": "cordon"}, actor="seat", unit="towngas")
        events = store.events(exercise_id)
        one_by_one = _chain_of(store, exercise_id)
    with Store.open(f"sqlite:///{tmp_path / 'group.sqlite3'}") as store:
        new_exercise(store, exercise_id="e" * 32)
        store.append_events(events)  # one transaction, one multi-row INSERT
        grouped = _chain_of(store, exercise_id)
    assert len(one_by_one) == 3 and one_by_one[0][1] != "0" * 64
    assert grouped == one_by_one
