"""The committed JSON Schema matches the scenario model."""

from __future__ import annotations

from drill_app.core.scenario import scenario_json_schema
from drill_app.paths import ASSETS_DIR


def test_committed_schema_is_current() -> None:
    committed = (ASSETS_DIR.parent / "docs" / "scenario.schema.json").read_text(encoding="utf-8")
    assert committed == scenario_json_schema(), "run: drill-app schema > docs/scenario.schema.json"
