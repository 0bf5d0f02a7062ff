"""`score` and `report` verify the record first; `verify --expect` checks the paper hash;
piped output and unusable database URLs end in one line, never a traceback."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from test_archive_cli import run, save

from drill_app.store.store import Store


@pytest.fixture
def stored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str, str]:
    """(database URL, exercise id, final hash) of a saved replay."""
    db = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    exercise_id = save(capsys, db, "2026-11-20", "a-late-phone.jsonl")
    _, out, _ = run(capsys, "--db", db, "verify", exercise_id)
    return db, exercise_id, out.split("final hash ")[1].strip()


def _alter_the_deadline(db: str) -> None:
    """What an editor of the database file would do: a 20-minute deadline made 60."""
    with Store.open(db) as store, store.engine.begin() as conn:
        conn.execute(
            text(
                "update plan_versions set content = "
                "replace(content, 'deadline_minutes: 20', 'deadline_minutes: 60')"
            )
        )


def test_verify_expect_matches_the_paper_hash(
    stored: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, exercise_id, final = stored
    with Store.open(db) as store:
        count = len(store.events(exercise_id))
    code, out, _ = run(capsys, "--db", db, "verify", exercise_id, "--expect", final.upper())
    assert (code, out) == (
        0,
        f"{exercise_id}: ok, {count} events, final hash {final}, the hash on the signed sheet\n",
    )
    other = "0123456789abcdef" * 4
    code, _, err = run(capsys, "--db", db, "verify", exercise_id, "--expect", other)
    assert code == 1
    assert f"the final hash {final} is not the expected {other}" in err
    code, _, err = run(capsys, "--db", db, "verify", exercise_id, "--expect", final[:16])
    assert code == 1 and "must be the 64 hex digits" in err


def test_score_refuses_an_altered_record_and_force_marks_it(
    stored: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, exercise_id, _ = stored
    _alter_the_deadline(db)
    code, out, err = run(capsys, "--db", db, "score", exercise_id)
    assert (code, out) == (1, "")
    assert err.startswith(
        f"drill-app score: {exercise_id}: the record fails verification (the stored plan text "
        "does not match its recorded hash (altered)); nothing printed."
    )
    assert err.count("\n") == 1
    code, out, _ = run(capsys, "--db", db, "score", exercise_id, "--force")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == lines[-1] == "校验未通过：记录已被改动，本评分不能作为评估依据（--force）"
    assert "已被改动" in lines[-2]
    code, out, _ = run(capsys, "--db", db, "score", exercise_id, "--json", "--force")
    result = json.loads(out)
    assert (code, result["chain_ok"]) == (1, False)
    assert result["verification_problems"][0].startswith("the stored plan text")


def test_score_refuses_rules_other_than_those_recorded(
    stored: tuple[str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from drill_app.paths import DEFAULT_SCORING

    db, exercise_id, _ = stored
    other = tmp_path / "rules.yaml"
    other.write_text(DEFAULT_SCORING.read_text(encoding="utf-8") + "\n# edited\n", "utf-8")
    code, _, err = run(capsys, "--db", db, "score", exercise_id, "--scoring", str(other))
    assert code == 1
    assert f"{other} is not the scoring rules recorded with the exercise" in err


def _pdf_pages(path: Path) -> list[str]:
    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout.split("\f")[:-1]


def test_report_refuses_an_altered_record_and_force_marks_every_page(
    stored: tuple[str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, exercise_id, final = stored
    sheet = tmp_path / "sheet.pdf"
    code, _, _ = run(capsys, "--db", db, "report", exercise_id, "--sheet", "--pdf", str(sheet))
    assert code == 0
    whole = "".join(_pdf_pages(sheet))
    assert final in whole.replace("\n", "").replace(" ", "")  # the full hash, not 16 characters
    _alter_the_deadline(db)
    aar = tmp_path / "aar.pdf"
    args = ["--db", db, "report", exercise_id, "--aar", "--pdf", str(aar)]
    code, out, err = run(capsys, *args)
    assert (code, out, aar.exists()) == (1, "", False)
    assert "the record fails verification" in err
    code, _, _ = run(capsys, *args, "--force")
    assert code == 1
    pages = _pdf_pages(aar)
    assert len(pages) > 1
    for page in pages:
        assert "校验未通过：记录已被改动" in page


def test_output_piped_into_head_ends_quietly(stored: tuple[str, str, str]) -> None:
    """The reader is gone before the first line is written (what `| head` leads to)."""
    db, exercise_id, _ = stored
    child = subprocess.Popen(
        [sys.executable, "-m", "drill_app.cli", "--db", db, "score", exercise_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # like head after its lines: nobody reads what follows
    err = child.stderr.read()
    child.stderr.close()
    assert (child.wait(timeout=60), err) == (0, "")


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("mysql://u@h/db", "unsupported database 'mysql'"),
        ("sqlite:///:memory:", "names no file"),
        ("sqlite:////dev/zero", "not a regular file"),
        ("postgresql+psycopg://u@127.0.0.1:99999/db", "port 99999"),
    ],
)
def test_an_unusable_db_url_is_one_line_and_exit_2(
    url: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for verb in (["history"], ["verify", "x"], ["score", "x"]):
        code, out, err = run(capsys, "--db", url, *verb)
        assert (code, out) == (2, "")
        assert err.startswith(f"drill-app {verb[0]}: ") and says in err
        assert err.count("\n") == 1


def test_events_put_out_of_order_are_refused_in_words_even_with_force(
    stored: tuple[str, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    db, exercise_id, _ = stored
    with Store.open(db) as store, store.engine.begin() as conn:
        conn.execute(text("update events set scenario_time = 99999 where seq = 5"))
    for verb in (["score", exercise_id, "--force"], ["score", exercise_id, "--json", "--force"]):
        code, out, err = run(capsys, "--db", db, *verb)
        assert (code, out) == (1, "")
        assert re.fullmatch(
            f"drill-app score: {exercise_id}: the stored events of {exercise_id} cannot be "
            r"replayed \(event 6, \w+\): scenario time \d+ s is before the last event "
            r"\(99999 s\)\n",
            err,
        ), err


def test_export_to_a_folder_that_does_not_exist_is_one_line(
    stored: tuple[str, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db, exercise_id, _ = stored
    target = tmp_path / "no-such-folder" / "x.json"
    code, out, err = run(capsys, "--db", db, "export", exercise_id, str(target))
    assert (code, out) == (2, "")
    assert err == f"drill-app export: {target}: cannot write: No such file or directory\n"
