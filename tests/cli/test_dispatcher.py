"""One dispatcher for every verb: each registered verb runs, and every kind of bad input
ends the same way (one line ``drill-app VERB: message`` on stderr, exit status 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers.cli import run_cli

from drill_app.cli.verbs import VERBS, Verb
from drill_app.paths import SCENARIOS_DIR

FIXTURES = Path(__file__).parent.parent / "fixtures" / "replays"
SCENARIO = str(SCENARIOS_DIR / "a-shanhai-explosion.yaml")


def leaves(verbs: tuple[Verb, ...], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for verb in verbs:
        if verb.subverbs:
            out += leaves(verb.subverbs, (*prefix, verb.name))
        else:
            out.append((*prefix, verb.name))
    return out


@pytest.mark.parametrize("words", leaves(VERBS), ids=" ".join)
def test_every_registered_verb_has_help_and_runs(
    words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, *words, "--help")
    assert code == 0
    assert out.startswith(f"usage: drill-app {' '.join(words)} ")


def test_every_verb_resolves_to_a_function() -> None:
    def check(verbs: tuple[Verb, ...]) -> None:
        for verb in verbs:
            if verb.subverbs:
                check(verb.subverbs)
            else:
                assert callable(verb.runner()), verb.name

    check(VERBS)


def test_the_top_level_help_lists_every_verb(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "--help")
    assert code == 0
    for verb in VERBS:
        assert f"    {verb.name} " in out


@pytest.mark.parametrize(
    "args",
    [
        ["verify", "x"],
        ["history"],
        ["score", "x"],
        ["export", "x", "out.json"],
        ["report", "x", "--sheet", "--pdf", "out.pdf"],
        ["replay", SCENARIO, str(FIXTURES / "a-perfect.jsonl"), "--save"],
    ],
    ids=lambda a: a[0],
)
def test_an_unusable_database_is_one_line_and_exit_2_for_every_verb(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not sqlite at all" * 50)
    code, _, err = run_cli(capsys, "--db", f"sqlite:///{bad}", *args)
    assert code == 2
    assert err.startswith(f"drill-app {args[0]}: {bad}: not a usable drill-app database (")
    assert err.count("\n") == 1
    assert bad.read_bytes() == b"not sqlite at all" * 50


def test_the_console_script_module_runs_without_a_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "drill_app.cli",
            "--db",
            f"sqlite:///{tmp_path}/x.db",
            "verify",
            "n",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == "drill-app verify: no exercise 'n' in this database\n"
