"""Shared test set-up: Qt runs offscreen; the built-in plan is loaded once."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from drill_app.core.plan import Plan, load_plan
from drill_app.paths import DEFAULT_PLAN


@pytest.fixture(scope="session")
def plan() -> Plan:
    return load_plan(DEFAULT_PLAN)
