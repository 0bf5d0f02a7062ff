"""Shared test set-up: Qt runs offscreen; the built-in plan is loaded once."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from drill_app.core.plan import Plan, load_plan
from drill_app.paths import DEFAULT_PLAN


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``xcb`` need a real X server (tools/dev.py runs them under Xvfb)."""
    if os.environ.get("QT_QPA_PLATFORM") == "xcb" and os.environ.get("DISPLAY"):
        return
    skip = pytest.mark.skip(reason="needs QT_QPA_PLATFORM=xcb on an X server (Xvfb)")
    for item in items:
        if item.get_closest_marker("xcb") is not None:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def plan() -> Plan:
    return load_plan(DEFAULT_PLAN)
