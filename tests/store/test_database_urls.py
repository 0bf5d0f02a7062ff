"""Opening a database: unusable URLs refused in one line, new files private, backups whole."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from drill_app.store.database import StoreError, _copy_sqlite, backups_of
from drill_app.store.store import Store


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://u@h/db", "unsupported database 'mysql'"),
        ("oracle+cx://x", "unsupported database 'oracle'"),
        ("no scheme at all", "not a database URL"),
        ("sqlite://", "names no file"),
        ("sqlite:///:memory:", "names no file"),
        ("sqlite:////dev/null", "/dev/null: not a regular file"),
        ("sqlite:///x\x00y.sqlite3", "contains a NUL character"),
        ("sqlite:///" + "a" * 5000, "is too long"),
        ("postgresql+psycopg://u@127.0.0.1:notaport/db", "not a database URL"),
        ("postgresql+psycopg://u@127.0.0.1:99999/db", "port 99999"),
    ],
)
def test_an_unusable_url_is_refused_in_one_line(url: str, says: str) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    message = str(caught.value)
    assert says in message
    assert "\n" not in message


def test_a_name_too_long_for_the_file_system(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot use this file: File name too long"):
        Store.open(f"sqlite:///{tmp_path / ('n' * 300)}.sqlite3")


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not a regular file"):
        Store.open(f"sqlite:///{tmp_path}")


def test_a_postgresql_server_that_is_not_there_reads_as_one_line() -> None:
    with pytest.raises(StoreError) as caught:
        Store.open("postgresql+psycopg://nobody@127.0.0.1:1/nothing?connect_timeout=2")
    assert str(caught.value).startswith("the database could not be reached (")
    assert "\n" not in str(caught.value)


def test_a_new_database_and_its_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "drills.sqlite3"
    with Store.open(f"sqlite:///{path}") as store:
        store.list_exercises()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700
    for side in path.parent.glob("drills.sqlite3-*"):  # WAL and shared memory
        assert stat.S_IMODE(side.stat().st_mode) == 0o600


def test_only_complete_backups_are_offered(tmp_path: Path) -> None:
    path = tmp_path / "drills.sqlite3"
    Store.open(f"sqlite:///{path}").close()
    done = tmp_path / "drills.sqlite3.backup-0002-20261130-120000"
    _copy_sqlite(path, done)
    for leftover in (
        "drills.sqlite3.backup-0002-20261130-130000.part",  # a killed copy
        "drills.sqlite3.backup-0002-20261130-120000-journal",
        "drills.sqlite3.backup-0002-20261130-120000-wal",
    ):
        (tmp_path / leftover).write_bytes(b"x")
    assert backups_of(path) == [done]
    assert not (tmp_path / (done.name + ".part")).exists()  # renamed once complete


def test_a_database_locked_by_another_program_reads_as_one_line(tmp_path: Path) -> None:
    import sqlite3

    from drill_app.store.store import NewExercise

    path = tmp_path / "a.sqlite3"
    with Store.open(f"sqlite:///{path}") as store:
        blocker = sqlite3.connect(path, timeout=0)
        blocker.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError) as caught:
                store.create_exercise(
                    NewExercise(title="t", plan_text="", scenario_text="", held_on=dt.date.today())
                )
        finally:
            blocker.rollback()
            blocker.close()
    message = str(caught.value)
    assert message.startswith("the database could not be reached (")
    assert message.endswith("database is locked") and "\n" not in message
