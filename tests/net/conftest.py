"""Training-room tests: real host and seat processes on loopback, and in-process services.

Helpers are in ``roomtest.py`` (a module name of its own)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from roomtest import Proc

# The store tests' database fixtures: SQLite, then a throwaway PostgreSQL.
from store.conftest import db_url, pg_server, pg_url  # noqa: F401

from drill_app.core.scoring import ScoringRules, load_scoring_rules
from drill_app.paths import DEFAULT_SCORING


@pytest.fixture
def procs() -> Iterator[list[Proc]]:
    """Every process started through this list is killed at the end of the test."""
    started: list[Proc] = []
    yield started
    for proc in started:
        proc.stop()


@pytest.fixture(scope="session")
def rules() -> ScoringRules:
    return load_scoring_rules(DEFAULT_SCORING)
