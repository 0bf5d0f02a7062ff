"""A command the engine refuses in a replay file is printed through the one wording table."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill_app.cli import main
from drill_app.paths import SCENARIOS_DIR

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"


def test_a_refused_action_names_its_line_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actions = tmp_path / "actions.jsonl"
    actions.write_text(
        '{"at": 1, "unit": "housing", "kind": "group_activated", "payload": {"group": "medical"}}\n'
        '{"at": 2, "unit": "housing", "kind": "group_activated", "payload": {"group": "medical"}}\n',
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as exited:
        main(["replay", str(SCENARIO), str(actions)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.strip().endswith(f"{actions}:2:1: Medical Rescue Group is already activated"), err
