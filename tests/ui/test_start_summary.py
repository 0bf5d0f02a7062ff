"""The start page as last shown, shown again before the plan model is loaded.

A window that filled its start page keeps what the scenario library showed in the cache
folder (start_summary).  The next window shows it at once, with the exercises read from
the database now, then loads the plan and fills the page again: what the user sees is the
same both times.  A changed scenario file, or a damaged summary, is not used.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.archives import add_exercise
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.main_window import MainWindow
from drill_app.ui.shared.settings import AppSettings
from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog
from drill_app.ui.start.start_summary import SUMMARY_FILE

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
WAITING = "计划加载后可用"


def what_the_page_shows(window: MainWindow) -> dict[str, Any]:
    """Every cell and tooltip of both tables, the selected scenario's detail, the plan's
    line and the §9.3 schedule, as the user reads them."""
    page = window.start_page

    def cells(model: Any, role: Qt.ItemDataRole) -> list[list[str]]:
        return [
            [model.index(row, column).data(role) for column in range(model.columnCount())]
            for row in range(model.rowCount())
        ]

    panel = page.schedule_panel
    return {
        "scenarios": cells(page.scenario_model, Qt.ItemDataRole.DisplayRole),
        "scenario tips": cells(page.scenario_model, Qt.ItemDataRole.ToolTipRole),
        "exercises": cells(page.exercise_model, Qt.ItemDataRole.DisplayRole),
        "detail": page.detail_view.toPlainText(),
        "plan": page.source_label.text(),
        "schedule": [
            panel.title(),
            panel.rule_label.text(),
            panel.last_label.text(),
            panel.due_label.text(),
            panel.left_label.text(),
            panel.improvements_label.text(),
        ],
    }


class Windows:
    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.tmp_path = tmp_path
        self.cache = tmp_path / "cache"
        self.user_folder = tmp_path / "my-scenarios"
        self.url = f"sqlite:///{tmp_path / 'drills.sqlite3'}"
        self.opened: list[MainWindow] = []

    def open(self, plan: Path = DEFAULT_PLAN) -> tuple[MainWindow, list[dict[str, Any]]]:
        """A started window, and what its page showed from the summary (if it did)."""
        window = MainWindow(
            plan,
            db_url=self.url,
            settings=AppSettings.in_file(self.tmp_path / "settings.ini"),
            user_scenarios=self.user_folder,
            plan_cache=self.cache,
        )
        self.opened.append(window)
        from_summary: list[dict[str, Any]] = []

        def summary_shown() -> None:
            page = window.start_page
            seen = what_the_page_shows(window)
            seen["plan loaded"] = window.plan is not None
            seen["buttons"] = [page.new_button.isEnabled(), page.open_button.isEnabled()]
            seen["tips"] = [page.new_button.toolTip(), page.open_button.toolTip()]
            seen["new action"] = window.new_action.isEnabled()
            from_summary.append(seen)

        window.start_summary_shown.connect(summary_shown)
        window.show()
        self.qtbot.waitExposed(window)
        with self.qtbot.waitSignal(window.start_page_populated, timeout=20_000):
            assert window.start()
        return window, from_summary

    def close(self, window: MainWindow) -> None:
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.opened.remove(window)


@pytest.fixture
def windows(qtbot: QtBot, tmp_path: Path, chinese: None) -> Iterator[Windows]:
    made = Windows(qtbot, tmp_path)
    made.user_folder.mkdir()
    yield made
    for window in list(made.opened):
        made.close(window)


def test_the_kept_page_is_shown_before_the_plan_then_the_same_page_from_the_plan(
    windows: Windows,
) -> None:
    add_exercise(windows.url, "去年的演练", dt.date(2025, 6, 1))
    first, none = windows.open()
    assert none == []  # nothing kept yet: the usual path only
    before = what_the_page_shows(first)
    windows.close(first)
    assert (windows.cache / SUMMARY_FILE).is_file()

    second, summary = windows.open()
    after = what_the_page_shows(second)
    assert len(summary) == 1
    shown = summary[0]
    assert shown.pop("plan loaded") is False  # shown before the plan model was loaded
    assert shown.pop("buttons") == [False, False]  # new exercise, open: wait for the plan
    # each says what it does, then why it waits
    assert [tip.splitlines()[1:] for tip in shown.pop("tips")] == [[WAITING], [WAITING]]
    assert shown.pop("new action") is False
    assert shown == before == after
    assert after["scenarios"][0][0] == "姚家街道山海社区居民楼燃气爆炸事故桌面推演"
    assert after["exercises"][0][:2] == ["2025-06-01", "去年的演练"]
    assert "姚家街道山海社区居民楼燃气爆炸事故桌面推演" in after["detail"]
    page = second.start_page
    assert page.new_button.isEnabled() and page.open_button.isEnabled()
    assert [page.new_button.toolTip(), page.open_button.toolTip()] == [
        "按所选情景准备新演练：名称、日期、参演人员",
        "打开所选演练：进行演练，已结束的查看评分",
    ]  # what they do, no longer why they wait


def test_the_exercises_are_read_now_not_kept(windows: Windows) -> None:
    first, _ = windows.open()
    windows.close(first)
    add_exercise(windows.url, "新加的演练", dt.date(2026, 3, 1))
    second, summary = windows.open()
    assert [row[1] for row in summary[0]["exercises"]] == ["新加的演练"]
    assert what_the_page_shows(second)["schedule"] == summary[0]["schedule"]


def test_a_changed_scenario_file_is_not_shown_from_the_summary(windows: Windows) -> None:
    mine = windows.user_folder / "mine.yaml"
    text = SCENARIO.read_text(encoding="utf-8")
    old_title = "姚家街道山海社区居民楼燃气爆炸事故桌面推演"
    mine.write_text(text.replace(old_title, "我的推演（初稿）"), encoding="utf-8")
    first, _ = windows.open()
    assert "我的推演（初稿）" in [row[0] for row in what_the_page_shows(first)["scenarios"]]
    windows.close(first)

    mine.write_text(text.replace(old_title, "我的推演（定稿）"), encoding="utf-8")
    second, summary = windows.open()
    assert summary == []
    titles = [row[0] for row in what_the_page_shows(second)["scenarios"]]
    assert "我的推演（定稿）" in titles and "我的推演（初稿）" not in titles
    windows.close(second)
    _, summary = windows.open()  # the page kept by the second window is used again
    assert "我的推演（定稿）" in [row[0] for row in summary[0]["scenarios"]]


def test_a_changed_plan_file_is_not_shown_from_the_summary(
    windows: Windows, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(DEFAULT_PLAN, plan)
    first, _ = windows.open(plan)
    windows.close(first)
    _, summary = windows.open(plan)
    assert len(summary) == 1  # the same plan file: the kept page
    plan.write_text(plan.read_text(encoding="utf-8") + "\n# 修订\n", encoding="utf-8")
    second, summary = windows.open(plan)
    assert summary == []
    assert second.plan is not None and second.start_page.data is not None


@pytest.mark.parametrize(
    "damage",
    ["", "{not json", '{"key": "x"}', '{"format": 1, "rows": "none"}', "\x00\x01"],
    ids=["empty", "not JSON", "incomplete", "wrong types", "binary"],
)
def test_a_damaged_summary_is_ignored_and_written_again(windows: Windows, damage: str) -> None:
    first, _ = windows.open()
    before = what_the_page_shows(first)
    windows.close(first)
    (windows.cache / SUMMARY_FILE).write_text(damage, encoding="utf-8")
    second, summary = windows.open()
    assert summary == []
    assert what_the_page_shows(second) == before
    windows.close(second)
    _, summary = windows.open()
    assert len(summary) == 1


def test_new_exercise_works_once_the_plan_is_loaded(
    windows: Windows, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drill_app.store.store import NewExercise, SeatInfo

    first, _ = windows.open()
    windows.close(first)
    window, summary = windows.open()
    assert summary and summary[0]["buttons"] == [False, False]
    offered: list[list[Path]] = []

    def ask(
        cls: type,
        /,
        parent: object,
        plan: object,
        plan_text: str,
        scenarios: list[Any],
        *args: object,
        **kw: object,
    ) -> NewExercise:
        offered.append([entry.path for entry in scenarios])
        return NewExercise(
            title="加载后的演练",
            plan_text=plan_text,
            scenario_text=SCENARIO.read_text(encoding="utf-8"),
            held_on=dt.date(2026, 12, 1),
            seats=(SeatInfo("housing", "张强"),),
        )

    monkeypatch.setattr(NewExerciseDialog, "ask", classmethod(ask))
    window.start_page.select_scenario(SCENARIO)
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.start_page.new_button.click()
    assert sorted(offered[0]) == sorted(SCENARIOS_DIR.glob("*.yaml"))
    assert window.windowTitle() == "drill-app — 加载后的演练"
