"""The start page's quick read (plain sqlite3, before SQLAlchemy): the Store's own rows, or
nothing at all when the Store must open the database first."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from helpers.archives import add_exercise, upgrade_to
from sqlalchemy import create_engine, text

from drill_app.store.store import Store
from drill_app.store.summaries import quick_start_page


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def seeded(path: Path) -> str:
    """Three exercises (two on the same day), one closed and two open improvement items."""
    url = sqlite_url(path)
    ids = [
        add_exercise(url, "二〇二三年演练", dt.date(2023, 9, 20), 0),
        add_exercise(url, "同日第一场", dt.date(2025, 5, 10), 1),
        add_exercise(url, "同日第二场", dt.date(2025, 5, 10), 2),
    ]
    with Store.open(url) as store:
        for issue in ("通讯录未更新", "报告超时", "物资清单缺项"):
            store.add_improvement(
                exercise_id=ids[0],
                issue=issue,
                action="整改",
                element="training",
                owner_unit="housing",
                due_date=dt.date(2026, 1, 1),
            )
        first = store.improvements()[0]
        store.set_improvement_status(first.id, "closed", "已整改")
    return url


def test_the_quick_read_lists_what_the_store_lists(tmp_path: Path) -> None:
    url = seeded(tmp_path / "drills.sqlite3")
    quick = quick_start_page(url)
    assert quick is not None
    with Store.open(url) as store:
        assert list(quick.exercises) == store.list_exercises()
        assert quick.open_improvements == len(store.improvements(open_only=True)) == 2
    assert [x.title for x in quick.exercises] == ["同日第二场", "同日第一场", "二〇二三年演练"]
    assert quick.exercises[0].held_on == dt.date(2025, 5, 10)
    assert quick.exercises[0].plan_document_number == "历下政办字〔2025〕5号"


def test_an_empty_database_lists_nothing(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "empty.sqlite3")
    Store.open(url).close()
    quick = quick_start_page(url)
    assert quick is not None
    assert quick.exercises == () and quick.open_improvements == 0


def test_a_path_with_spaces_and_chinese(tmp_path: Path) -> None:
    url = seeded(tmp_path / "演练 档案" / "drills #1.sqlite3")
    quick = quick_start_page(url)
    assert quick is not None and len(quick.exercises) == 3


def test_no_quick_read_when_the_store_must_open_first(tmp_path: Path) -> None:
    missing = tmp_path / "new.sqlite3"
    assert quick_start_page(sqlite_url(missing)) is None
    assert not missing.exists()  # nothing created

    older = tmp_path / "older.sqlite3"
    upgrade_to(sqlite_url(older), "0003")
    before = older.read_bytes()
    assert quick_start_page(sqlite_url(older)) is None
    assert older.read_bytes() == before  # nothing written: the Store migrates it

    newer = tmp_path / "newer.sqlite3"
    Store.open(sqlite_url(newer)).close()
    engine = create_engine(sqlite_url(newer))
    with engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num = '9999'"))
    engine.dispose()
    assert quick_start_page(sqlite_url(newer)) is None

    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x13" * 5000)
    assert quick_start_page(sqlite_url(damaged)) is None

    foreign = tmp_path / "foreign.sqlite3"
    engine = create_engine(sqlite_url(foreign))
    with engine.begin() as conn:
        conn.execute(text("create table notes (x text)"))
    engine.dispose()
    assert quick_start_page(sqlite_url(foreign)) is None

    assert quick_start_page("postgresql+psycopg://user@localhost/drills") is None
    assert quick_start_page(sqlite_url(tmp_path)) is None  # a folder


def test_the_quick_read_does_not_import_sqlalchemy(tmp_path: Path) -> None:
    url = seeded(tmp_path / "drills.sqlite3")
    probe = (
        "import sys; from drill_app.store.summaries import quick_start_page; "
        "q = quick_start_page(sys.argv[1]); "
        "print(len(q.exercises), 'sqlalchemy' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, url], capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["3", "False"]
