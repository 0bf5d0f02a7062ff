"""What the start page lists, read without SQLAlchemy when that is safe.

``ExerciseSummary`` is defined here (and re-exported by ``store.store``) so that the
start page can be filled from a plain ``sqlite3`` read before SQLAlchemy (~250 ms to
import) has been loaded: ``quick_start_page`` answers only for a SQLite file at the
current schema (``SCHEMA_HEAD``) that passes SQLite's own check, read-only, and
returns None in every other case, where the caller opens the ``Store`` as usual
(which creates, migrates with a backup, or refuses the database).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

SCHEMA_HEAD = "0004"
"""The newest migration; equal to Alembic's head (a test checks).  Known without
importing Alembic, so opening an up-to-date database does not pay for it."""
ENV_VAR = "DRILL_APP_DB"


def default_url() -> str:
    """$DRILL_APP_DB, else a SQLite file in the platform's user data directory."""
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return from_env
    import platformdirs

    folder = Path(platformdirs.user_data_dir("drill-app", appauthor=False))
    return f"sqlite:///{folder / 'drill-app.sqlite3'}"


@dataclass(frozen=True)
class ExerciseSummary:
    id: str
    title: str
    held_on: dt.date
    status: str
    exercise_type: str
    scenario_title: str
    plan_document_number: str
    event_count: int
    head_hash: str


@dataclass(frozen=True)
class QuickStartPage:
    """The start page's rows from the database, read before the Store is opened."""

    exercises: tuple[ExerciseSummary, ...]
    open_improvements: int


# The same rows, in the same order, as Store.list_exercises (held_on, then created_at,
# newest first) and the count of Store.improvements(open_only=True).
_EXERCISES = """
SELECT e.id, e.title, e.held_on, e.status, e.exercise_type, s.title, p.document_number,
       e.event_count, e.head_hash
FROM exercises AS e
JOIN scenario_versions AS s ON e.scenario_version_id = s.id
JOIN plan_versions AS p ON e.plan_version_id = p.id
ORDER BY e.held_on DESC, e.created_at DESC
"""
_OPEN_IMPROVEMENTS = "SELECT count(*) FROM improvement_items WHERE status != 'closed'"


def sqlite_file_of(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL (no driver, no query), else None."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    name = unquote(url[len(prefix) :])
    if name in ("", ":memory:"):
        return None
    return Path(name)


def quick_start_page(url: str) -> QuickStartPage | None:
    """The start page's rows read with sqlite3, or None when the Store must open first.

    None for anything but an existing, healthy SQLite file whose schema is current:
    a new, older, newer, damaged or foreign database goes through ``Store.open``.
    Nothing is written (the file is opened read-only).
    """
    path = sqlite_file_of(url)
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        return _read(conn)
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection) -> QuickStartPage | None:
    check = conn.execute("PRAGMA quick_check").fetchone()
    if not check or check[0] != "ok":
        return None
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    if "alembic_version" not in tables:
        return None
    versions = [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")]
    if versions != [SCHEMA_HEAD]:
        return None
    exercises = tuple(_summary(row) for row in conn.execute(_EXERCISES))
    (open_items,) = conn.execute(_OPEN_IMPROVEMENTS).fetchone()
    return QuickStartPage(exercises, int(open_items))


def _summary(row: tuple[object, ...]) -> ExerciseSummary:
    ident, title, held_on, status, kind, scenario, number, count, head = row
    if not isinstance(held_on, str):
        raise TypeError(f"held_on is {held_on!r}")
    return ExerciseSummary(
        id=str(ident),
        title=str(title),
        held_on=dt.date.fromisoformat(held_on),
        status=str(status),
        exercise_type=str(kind),
        scenario_title=str(scenario),
        plan_document_number=str(number),
        event_count=int(str(count)),
        head_hash=str(head),
    )
