"""Start-up: the start page is listed before the Store is open, and nothing is lost by it.

A current SQLite archive is listed with a plain sqlite3 read; the Store (SQLAlchemy) opens
after that, and the page follows it if the archive changed meanwhile.  An older archive
is still migrated, with its backup, before anything is listed; the plan is read from the
cache folder the window is given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.archives import add_exercise, downgrade_to, revision_of
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drill_app.core.plan import load_plan
from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.store.database import backups_of
from drill_app.store.store import NewExercise, SeatInfo, Store
from drill_app.store.summaries import quick_start_page
from drill_app.ui.main_window import MainWindow
from drill_app.ui.session import ArchiveWorker, StartPageData
from drill_app.ui.shared.settings import AppSettings


def exercise_titles(window: MainWindow) -> list[str]:
    model = window.start_page.exercise_model
    return [model.exercise(row).title for row in range(model.rowCount())]


@pytest.fixture
def started(qtbot: QtBot, tmp_path: Path, chinese: None) -> Iterator[list[MainWindow]]:
    windows: list[MainWindow] = []
    yield windows
    for window in windows:
        window.close()
        assert window.archive is None or not window.archive._thread.isRunning()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def open_window(
    qtbot: QtBot, tmp_path: Path, windows: list[MainWindow], url: str, cache: Path | None = None
) -> MainWindow:
    window = MainWindow(
        db_url=url,
        settings=AppSettings.in_file(tmp_path / "settings.ini"),
        user_scenarios=tmp_path / "my-scenarios",
        plan_cache=cache,
    )
    windows.append(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
        assert window.start()
    return window


def test_an_older_archive_is_migrated_with_its_backup_when_the_console_opens_it(
    qtbot: QtBot, tmp_path: Path, started: list[MainWindow]
) -> None:
    path = tmp_path / "drills.sqlite3"
    url = f"sqlite:///{path}"
    add_exercise(url, "旧版本档案里的演练", dt.date(2024, 5, 10))
    downgrade_to(url, "0003")
    assert quick_start_page(url) is None  # not listed before the Store has migrated it

    window = open_window(qtbot, tmp_path, started, url)
    assert exercise_titles(window) == ["旧版本档案里的演练"]
    assert revision_of(url) == "0004"
    (backup,) = backups_of(path)
    assert ".backup-0003-" in backup.name
    assert revision_of(f"sqlite:///{backup}") == "0003"
    # and the migrated archive is in use: an exercise is created in it
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.create_exercise(
            NewExercise(
                title="迁移后的第一场演练",
                plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
                scenario_text=sorted(SCENARIOS_DIR.glob("*.yaml"))[0].read_text("utf-8"),
                held_on=dt.date(2026, 12, 1),
                seats=(SeatInfo("housing", "张强"),),
            )
        )
    with Store.open(url) as store:
        assert {x.title for x in store.list_exercises()} == {
            "旧版本档案里的演练",
            "迁移后的第一场演练",
        }


def test_a_current_archive_is_listed_then_opened_and_used(
    qtbot: QtBot, tmp_path: Path, started: list[MainWindow]
) -> None:
    url = f"sqlite:///{tmp_path / 'drills.sqlite3'}"
    first = add_exercise(url, "去年的演练", dt.date(2025, 6, 1))
    window = open_window(qtbot, tmp_path, started, url, cache=tmp_path / "cache")
    assert exercise_titles(window) == ["去年的演练"]
    assert window.plan == load_plan(DEFAULT_PLAN)
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".json"]
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000) as shown:
        window.open_exercise(first)
    assert shown.args == [first]


def test_the_page_follows_the_store_when_the_archive_changed_after_the_quick_list(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'drills.sqlite3'}"
    add_exercise(url, "第一场", dt.date(2025, 6, 1))
    worker = ArchiveWorker(DEFAULT_PLAN, None, plan=load_plan(DEFAULT_PLAN))
    opened: list[StartPageData] = []
    ready: list[StartPageData] = []
    worker.store_opened.connect(opened.append)
    worker.start_page_ready.connect(ready.append)
    worker.failed.connect(lambda what, message: pytest.fail(f"{what}: {message}"))
    try:
        worker.open_store(url)  # (called directly: the worker has no thread here)
        assert [x.title for x in opened[0].exercises] == ["第一场"]
        add_exercise(url, "第二场", dt.date(2025, 7, 1))  # by another program, meanwhile
        worker.complete_opening()
        assert [x.title for x in ready[-1].exercises] == ["第二场", "第一场"]
        assert ready[-1].database == opened[0].database == url

        worker.open_store(url)  # nothing changed between the two reads: no second report
        worker.complete_opening()
        assert len(opened) == 2 and len(ready) == 1
    finally:
        worker.close()


def test_an_invalid_plan_file_is_reported_as_before_even_for_a_current_archive(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'drills.sqlite3'}"
    add_exercise(url, "第一场", dt.date(2025, 6, 1))
    broken = tmp_path / "plan.yaml"
    broken.write_text("schema_version: 1\nidentity: [\n", encoding="utf-8")
    worker = ArchiveWorker(broken, None)  # no plan given: the worker reads the file
    opened: list[StartPageData] = []
    refused: list[str] = []
    worker.store_opened.connect(opened.append)
    worker.store_failed.connect(refused.append)
    worker.failed.connect(lambda what, message: pytest.fail(f"{what}: {message}"))
    try:
        worker.open_store(url)
    finally:
        worker.close()
    assert opened == []
    assert refused == [
        f"{broken}:3:1: YAML syntax: expected the node content, but found '<stream end>'"
    ]
