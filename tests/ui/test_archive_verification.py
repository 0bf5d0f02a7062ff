"""The console opens an altered exercise with the same verdict as `verify`: it says so,
and the documents it prints from it are marked on every page."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import text
from test_session import archive as archive  # the fixture
from test_session import caught, create_and_open, open_store

from drill_app.paths import DEFAULT_SCORING
from drill_app.store.chain import sha256_text
from drill_app.store.store import Store
from drill_app.ui.score.documents import report_context
from drill_app.ui.session import Archive, ExerciseSession
from drill_app.wording import PlanWords, refusal_text


def test_an_altered_exercise_opens_marked_as_not_verified(
    qtbot: QtBot, archive: Archive, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    open_store(qtbot, archive, url)
    first = create_and_open(qtbot, archive)
    assert not first.not_verified
    with Store.open(url) as store:  # the rules the console scores with are bound too
        recorded = store.exercise(first.exercise_id).scoring_sha256
    assert recorded == sha256_text(DEFAULT_SCORING.read_text(encoding="utf-8"))
    with Store.open(url) as store, store.engine.begin() as conn:
        conn.execute(text("update exercises set held_on = '2026-12-01'"))
    with caught(qtbot, archive.worker.failed) as failed:
        archive.open_exercise(first.exercise_id)
    what, message = failed.args
    assert what == "verify_exercise"
    assert "the exercise record or its plan, scenario or rules changed" in str(message)
    with caught(qtbot, archive.worker.exercise_loaded) as loaded:
        archive.open_exercise(first.exercise_id)
    again = loaded.args[0]
    assert again.not_verified
    context = report_context(ExerciseSession(archive, again), [], "zh_CN")
    assert context.not_verified


def test_a_database_failure_at_run_time_reads_as_a_sentence_in_chinese(
    qtbot: QtBot, archive: Archive, tmp_path: Path, chinese: None
) -> None:
    """Another program holds the database locked: the command is refused, in words."""
    import sqlite3

    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    open_store(qtbot, archive, url)
    session = ExerciseSession(archive, create_and_open(qtbot, archive))
    blocker = sqlite3.connect(tmp_path / "a.sqlite3", timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with caught(qtbot, archive.worker.command_refused) as refused:
            session.send("exercise_started", actor="controller")
    finally:
        blocker.rollback()
        blocker.close()
    reason = refusal_text(refused.args[1], PlanWords(session.plan))  # type: ignore[arg-type]
    assert reason.startswith("未保存：无法访问数据库")
    assert "sqlite" not in reason.lower() and "locked" not in reason
    with Store.open(url) as store:
        assert store.verify(session.exercise_id).event_count == 0  # nothing half-saved
