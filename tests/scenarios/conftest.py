"""Fixtures shared by the scenario tests (the helpers are in ``replaying.py``)."""

from __future__ import annotations

import pytest

from drill_app.core.scoring import ScoringRules, load_scoring_rules
from drill_app.paths import DEFAULT_SCORING


@pytest.fixture(scope="module")
def rules() -> ScoringRules:
    """The built-in scoring rules, loaded once per test module."""
    return load_scoring_rules(DEFAULT_SCORING)
