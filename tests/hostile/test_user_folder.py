"""The console's user scenario folder holding the whole hostile corpus: every file is
listed as invalid with its located problem, and the scan does not blow up or hang."""

from __future__ import annotations

import shutil
from pathlib import Path

from hostile_support import CORPUS

from drill_app.core.plan import Plan
from drill_app.ui.session import scan_scenarios


def test_the_user_folder_lists_each_hostile_scenario_as_invalid(plan: Plan, tmp_path: Path) -> None:
    for path in (CORPUS / "scenarios").iterdir():
        shutil.copy(path, tmp_path / path.name)
    entries = {e.path.name: e for e in scan_scenarios(plan, tmp_path) if not e.built_in}
    assert set(entries) == {p.name for p in (CORPUS / "scenarios").glob("*.y*ml")}
    for name, entry in entries.items():
        assert not entry.valid, name
        assert entry.problems[0].startswith(f"{tmp_path / name}:"), entry.problems[0]
    bomb = entries["alias-bomb.yaml"].problems[0]
    assert bomb.endswith(":5:30: too many values (more than 50,000, aliases expanded)")
