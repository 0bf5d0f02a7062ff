"""Running `drill-app` in-process as a user would, with its exit status and output, and
storing a replayed exercise through it."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill_app.cli import main
from drill_app.paths import SCENARIOS_DIR

REPLAYS = Path(__file__).parent.parent / "fixtures" / "replays"
SCENARIO_A = SCENARIOS_DIR / "a-shanhai-explosion.yaml"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """(exit status, standard output, standard error) of ``drill-app ARGS``."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def save_replay(
    capsys: pytest.CaptureFixture[str], db: str, held_on: str, fixture: str = "a-perfect.jsonl"
) -> str:
    """``drill-app replay SCENARIO_A FIXTURE --save``: the id of the stored exercise."""
    code, _, err = run_cli(
        capsys,
        "--db",
        db,
        "replay",
        str(SCENARIO_A),
        str(REPLAYS / fixture),
        "--save",
        "--held-on",
        held_on,
    )
    assert code == 0, err
    return err.strip().removeprefix("saved as exercise ")
