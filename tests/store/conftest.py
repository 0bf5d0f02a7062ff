"""Fixtures for the store tests: a test that takes ``db_url`` runs on SQLite and PostgreSQL.

PostgreSQL is a throwaway server (tests/pg.py) started once per session by ``pg_server``;
each test gets its own empty database from ``pg_url``. Without the server binaries those
tests fail, unless DRILL_APP_SKIP_POSTGRES=1 is set: then they are skipped (and so they
are whenever it is set).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg import PostgresNotInstalled, TempPostgres

SKIP_VARIABLE = "DRILL_APP_SKIP_POSTGRES"
NOT_INSTALLED = (
    "PostgreSQL server not installed: run `python3 tools/dev.py test`, which installs "
    "Debian's postgresql, or set DRILL_APP_SKIP_POSTGRES=1 to skip the PostgreSQL half of "
    "the store tests"
)

_database_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TempPostgres]:
    """One PostgreSQL server for the whole session, stopped and removed at its end."""
    skip = os.environ.get(SKIP_VARIABLE) == "1"
    try:
        server: TempPostgres | None = TempPostgres()
    except PostgresNotInstalled:
        server = None
    if server is None:
        if skip:
            pytest.skip(NOT_INSTALLED)
        pytest.fail(NOT_INSTALLED, pytrace=False)
    if skip:
        pytest.skip(f"{SKIP_VARIABLE}=1: skipping the PostgreSQL half of the store tests")
    with server:
        yield server


@pytest.fixture
def pg_url(pg_server: TempPostgres, request: pytest.FixtureRequest) -> Iterator[str]:
    """SQLAlchemy URL of a new, empty PostgreSQL database for this test alone."""
    stem = re.sub(r"[^a-z0-9]+", "_", request.node.name.lower()).strip("_")[:40]
    name = f"t{next(_database_numbers)}_{stem}"
    url = pg_server.fresh_database(name)
    yield url
    pg_server.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """SQLAlchemy URL of an empty database: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    return url
