"""`drill-app` with no verb opens the window without building the verb table; a verb,
``--help``, ``--version`` or a bad option still goes through the one full parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.cli import run_cli

from drill_app.paths import DEFAULT_PLAN

# Runs the real command in a fresh process (DRILL_APP_BENCH=1: it quits once the start
# page is populated), then says which of our CLI modules were ever imported.
WINDOW_ONLY = """\
import sys
from drill_app.cli import main
code = main(sys.argv[1:])
print("exit", code)
print("verbs imported:", "drill_app.cli.verbs" in sys.modules)
"""


def test_the_window_opens_without_importing_the_verb_table(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        DRILL_APP_BENCH="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    env.pop("DRILL_APP_DB", None)
    url = f"sqlite:///{tmp_path / 'drills.sqlite3'}"
    proc = subprocess.run(
        [sys.executable, "-c", WINDOW_ONLY, "--lang", "en", "--db", url],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[:2] == ["shown", "populated"]
    assert "exit 0" in lines
    assert "verbs imported: False" in lines


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("--lang", "xx"), "argument --lang: invalid choice: 'xx'"),
        (("--plan",), "argument --plan: expected one argument"),
        (("--no-such-option",), "unrecognized arguments: --no-such-option"),
        (("no-such-verb",), "argument COMMAND: invalid choice: 'no-such-verb'"),
    ],
)
def test_bad_global_options_are_reported_by_the_full_parser(
    words: tuple[str, ...], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, *words)
    assert code == 2
    assert out == ""
    assert err.startswith("usage: drill-app [-h] [--plan FILE] [--db URL]")
    assert expected in err
    assert "COMMAND ..." in err  # the usage of the full parser, verbs included


def test_help_and_version_come_from_the_full_parser(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0
    assert "Without a command, opens the application window." in out
    assert "history" in out and "--version" in out
    code, out, _ = run_cli(capsys, "--version")
    assert code == 0
    assert out.startswith("drill-app ")


def test_global_options_before_a_verb_still_reach_the_verb(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run_cli(capsys, "--plan", str(DEFAULT_PLAN), "plan", "check", str(DEFAULT_PLAN))
    assert code == 0, out
