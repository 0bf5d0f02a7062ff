"""Opening a database: SQLite by default, PostgreSQL by URL; migrations on start.

- A new database gets the current schema (create_all + stamp head).
- An older one is brought up to date with Alembic (SQLite: a backup copy first).
- One written by a newer drill-app is refused and left untouched.
- A damaged or foreign file is refused and never overwritten; the message names
  the backups that exist.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from drill_app.paths import MIGRATIONS_DIR
from drill_app.store.models import Base
from drill_app.store.summaries import SCHEMA_HEAD
from drill_app.store.summaries import default_url as default_url  # (re-exported)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = MIGRATIONS_DIR


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do."""


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """Alembic's own head (imports Alembic; SCHEMA_HEAD is the cheap answer)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


MAX_PATH = 4000
BACKENDS = ("sqlite", "postgresql")


def check_url(url: str) -> URL:
    """The parsed URL, or StoreError saying in one line what is wrong with it."""
    if "\x00" in url:
        raise StoreError("the database URL contains a NUL character")
    if len(url) > MAX_PATH:
        raise StoreError(f"the database URL is too long ({len(url)} characters)")
    try:
        parsed = make_url(url)
        parsed.port  # noqa: B018 (a port that is not a number fails here)
    except (ArgumentError, ValueError):
        raise StoreError(
            f"not a database URL: {url!r} (e.g. sqlite:///drills.sqlite3 or "
            "postgresql+psycopg://user@host/db)"
        ) from None
    backend = parsed.get_backend_name()
    if backend not in BACKENDS:
        raise StoreError(f"unsupported database {backend!r} in {url!r}: use sqlite or postgresql")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise StoreError(f"port {parsed.port} in the database URL is out of range (1-65535)")
    if backend == "sqlite" and sqlite_path(url) is None:
        raise StoreError(
            f"{url!r} names no file: the archive must be kept in a file "
            "(e.g. sqlite:///drills.sqlite3)"
        )
    return parsed


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a committed transaction survives a power cut, not only a killed process.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_begin(conn: Any) -> None:
    # Writers take the lock up front, so concurrent appends queue instead of failing.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a healthy SQLite database, without writing to it."""
    try:
        exists = path.exists()
        if exists and not path.is_file():
            raise StoreError(f"{path}: not a regular file (a folder or a device)")
        if not exists:
            _create_private(path)
            return
    except OSError as exc:
        raise StoreError(f"{path}: cannot use this file: {exc.strerror or exc}") from None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(_damaged(path, str(exc))) from None
    if not result or result[0] != "ok":
        raise StoreError(_damaged(path, str(result[0]) if result else "quick_check failed"))


def _create_private(path: Path) -> None:
    """A new database file (and any folder made for it) readable by the user only.

    SQLite gives its -wal and -shm files the database file's permissions.
    """
    missing = [p for p in (path.parent, *path.parent.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


BACKUP_NAME = re.compile(r"\.backup-[0-9a-z]+-\d{8}-\d{6}$")


def backups_of(path: Path) -> list[Path]:
    """Complete backups only (not a copy still being written, nor SQLite's side files)."""
    found = path.parent.glob(path.name + ".backup-*")
    return sorted((p for p in found if BACKUP_NAME.search(p.name)), reverse=True)


def _damaged(path: Path, reason: str) -> str:
    backups = backups_of(path)
    offer = (
        "Backups: " + "; ".join(str(b) for b in backups) + ". Open one with --db sqlite:///PATH "
        "(copy it first)."
        if backups
        else "There is no backup next to it."
    )
    return f"{path}: not a usable drill-app database ({reason}). Nothing was changed. {offer}"


def create_store_engine(url: str) -> Engine:
    parsed = check_url(url)
    path = sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
    try:
        engine = create_engine(parsed, pool_pre_ping=parsed.get_backend_name() != "sqlite")
    except (NoSuchModuleError, ModuleNotFoundError) as exc:
        raise StoreError(f"no driver for {parsed.drivername!r}: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    event.listen(engine, "handle_error", _unreachable)
    return engine


def _unreachable(context: ExceptionContext) -> None:
    """A database that went away (or stays locked) while in use: a StoreError, in words.

    Constraint violations and the like pass through: the code that writes handles them.
    """
    original = context.original_exception
    if context.is_disconnect or isinstance(context.sqlalchemy_exception, OperationalError):
        raise StoreError(
            f"the database could not be reached (the connection broke, the server stopped "
            f"or another program holds it locked): {one_line(original)}"
        ) from None


def prepare(engine: Engine, *, now: dt.datetime | None = None) -> str:
    """Bring the schema to the current head; return what was done."""
    head = SCHEMA_HEAD
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            current = (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if "alembic_version" in tables
                else None
            )
    except DBAPIError as exc:
        raise StoreError(f"cannot open the database: {one_line(exc)}") from None
    if current is None:
        if tables - {"alembic_version"}:
            raise StoreError(
                "the database has tables but no drill-app schema version: it is not a "
                "drill-app database. Nothing was changed."
            )
        from alembic import command

        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            config = _alembic_config()
            config.attributes["connection"] = conn
            command.stamp(config, "head")
        return "created"
    if current == head:
        return "current"
    if current not in known_revisions():
        raise StoreError(
            f"the database was written by a newer version of drill-app (schema {current}; "
            f"this version knows up to {head}). Nothing was changed: update drill-app."
        )
    path = sqlite_path(str(engine.url))
    if path is not None:
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        backup = path.with_name(f"{path.name}.backup-{current}-{stamp}")
        _copy_sqlite(path, backup)
    from alembic import command

    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return f"upgraded from {current}"


def _copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (WAL included), complete or absent.

    Written under a temporary name and renamed when complete, so a killed backup is
    never offered as one (backups_of only lists finished names).
    """
    partial = target.with_name(target.name + ".part")
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    shutil.copymode(source, partial)
    partial.replace(target)


def one_line(exc: BaseException) -> str:
    """A driver's error as one line (PostgreSQL's messages run over several)."""
    orig = getattr(exc, "orig", None) or exc
    text_ = " ".join(str(orig).split())
    return text_ if len(text_) <= 300 else text_[:297] + "..."
