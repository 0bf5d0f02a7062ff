"""Two hosts on one database (issue 15 §1), on SQLite and on PostgreSQL: the second is
refused while the first lives and writes nothing; once the first is killed it takes over."""

from __future__ import annotations

from roomtest import CLI, SHORT, Proc, start_host, wait_until

from drill_app.store.ownership import Ownership
from drill_app.store.store import Store


def test_a_second_host_is_refused_then_takes_over_a_killed_one(
    db_url: str, procs: list[Proc]
) -> None:
    first, shown = start_host(procs, db_url, "--start", "--code", "FIRST1")
    exercise = shown["exercise"]
    with Store.open(db_url) as store:
        owner = Ownership(store.engine).live_owner(exercise)
        assert owner is not None and owner.role == "host" and owner.pid == first.p.pid
        wait_until(
            lambda: (o := Ownership(store.engine).owner_of(exercise)) is not None and o.address, 10
        )
        # Started, and the inject of minute 0 out; the next one is at minute 3.
        wait_until(lambda: store.exercise(exercise).summary.event_count == 2, 10)
        before = store.exercise(exercise).summary.event_count

        second = Proc(
            [
                *CLI,
                "host",
                str(SHORT),
                "--db",
                db_url,
                "--bind",
                "127.0.0.1",
                "--exercise",
                exercise,
            ],
            "second",
        )
        procs.append(second)
        assert second.wait(60) == 2
        assert f"exercise {exercise} is being run by another host" in second.stderr
        assert "127.0.0.1:" in second.stderr  # where to join it instead
        assert "Traceback" not in second.stderr
        assert store.exercise(exercise).summary.event_count == before

        first.kill()
        third, again = start_host(procs, db_url, "--exercise", exercise, "--code", "THIRD3")
        assert again["exercise"] == exercise
        wait_until(lambda: "host_taken_over" in [e.kind for e in store.events(exercise)], 20)
        taken = next(e for e in store.events(exercise) if e.kind == "host_taken_over")
        assert taken.payload["previous_pid"] == first.p.pid
        assert taken.payload["reason"] == "process_gone"
        assert store.verify(exercise).ok
        third.kill()
