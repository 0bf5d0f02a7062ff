"""Every file of the hostile corpus: one clear message, exit 2 (or 1 for wrong data),
no traceback, nothing changed on disk.  Run in CI, none skipped."""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_support import CORPUS, run_cli, snapshot

from drill_app.cli import main
from drill_app.paths import SCENARIOS_DIR

SCENARIO = str(SCENARIOS_DIR / "a-shanhai-explosion.yaml")
LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): \S")

# Files a drill file can never be: unreadable as data, so exit 2 (not 1, "problems found").
UNREADABLE = {
    "alias-bomb.yaml",
    "alias-cycle.yaml",
    "binary.yaml",
    "control-char.yaml",
    "deep-block.yaml",
    "deep-flow.yaml",
    "empty.yaml",
    "huge-integer.yaml",
    "huge-list.yaml",
    "huge-string.yaml",
    "infinite.yaml",
    "invalid-utf8.yaml",
    "not-a-number.yaml",
    "nul.yaml",
    "overflow-float.yaml",
    "tab-indent.yaml",
    "too-large.yaml",
    "utf16-bom.yaml",
}


def corpus(folder: str) -> list[Path]:
    files = sorted((CORPUS / folder).iterdir())
    assert files, f"the {folder} corpus is missing"
    return files


def test_the_corpus_covers_what_the_issue_lists() -> None:
    names = {p.name for p in corpus("scenarios")}
    assert names >= UNREADABLE
    assert len(corpus("actions")) >= 15 and len(corpus("exports")) >= 25


@pytest.mark.parametrize("path", corpus("scenarios"), ids=lambda p: p.name)
def test_a_hostile_scenario_is_refused_with_its_position(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = path.read_bytes()
    code, out, err = run_cli(capsys, "validate", str(path))
    assert code == (2 if path.name in UNREADABLE else 1), out
    first = out.splitlines()[0]
    located = LOCATED.match(first)
    assert located and located["file"] == str(path), first
    assert path.read_bytes() == before
    # The same file given to replay: refused before anything runs, in one line.
    code, out, err = run_cli(capsys, "replay", str(path), str(CORPUS / "actions" / "at-text.jsonl"))
    assert (code, out) == (2, "")
    assert err.startswith("drill-app replay: invalid scenario: ") and err.count("\n") == 1


@pytest.mark.parametrize("path", corpus("actions"), ids=lambda p: p.name)
def test_a_hostile_actions_file_is_refused_with_its_line(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "replay", SCENARIO, str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    located = LOCATED.match(err.removeprefix("drill-app replay: "))
    assert located and located["file"] == str(path), err


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding one exercise already (what a refused import must not touch)."""
    folder = tmp_path_factory.mktemp("archive")
    db = folder / "archive.sqlite3"
    url = f"sqlite:///{db}"
    code = main(
        [
            "--db",
            url,
            "replay",
            SCENARIO,
            str(Path(__file__).parents[1] / "fixtures" / "replays" / "a-late-phone.jsonl"),
            "--save",
            "--held-on",
            "2026-11-01",
        ]
    )
    assert code == 0
    return db


@pytest.mark.parametrize("path", corpus("exports"), ids=lambda p: p.name)
def test_a_hostile_export_is_refused_and_changes_nothing(
    path: Path, archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite3"
    shutil.copy(archive, db)
    url = f"sqlite:///{db}"
    before = snapshot(url)
    code, out, err = run_cli(capsys, "--db", url, "import", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"drill-app import: {path}") and err.count("\n") == 1, err
    assert snapshot(url) == before


def _limit_memory() -> None:
    cap = 1024 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def test_the_alias_bomb_is_refused_at_once_under_a_memory_cap() -> None:
    """A 1 GB address-space cap: expanding the bomb would need many times that."""
    bomb = CORPUS / "scenarios" / "alias-bomb.yaml"
    assert bomb.stat().st_size < 1000
    done = subprocess.run(
        [sys.executable, "-m", "drill_app.cli", "validate", str(bomb)],
        capture_output=True,
        text=True,
        preexec_fn=_limit_memory,
        timeout=60,  # a guard against hanging only; the refusal itself takes milliseconds
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == f"{bomb}:5:30: too many values (more than 50,000, aliases expanded)\n"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('{"deaths": ' + "9" * 5000 + "}", "the number is too large (at most 15 digits)"),
        ('{"deaths": NaN}', "fact 'deaths' must be a finite number"),
        ('{"deaths": 1e999}', "fact 'deaths' must be a finite number"),
        ("[" * 100_000, "JSON nested too deeply"),
        ('{"deaths": 1, "deaths": 2}', "duplicate key 'deaths'"),
    ],
)
def test_hostile_facts_for_classify_are_refused_in_one_line(
    content: str, says: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "facts.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run_cli(capsys, "classify", str(path))
    assert (code, out) == (2, "")
    assert err == f"drill-app classify: {path}: {says}\n"
