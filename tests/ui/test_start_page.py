"""The start page as a controller sees it: scenarios, exercises, the §9.3 schedule, problems.

A real MainWindow with a real Archive thread on a SQLite file in tmp_path; the database
content is prepared beforehand with the Store, as an earlier run of the app would have.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QEvent, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from drill_app.core.compliance import add_years
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.ui.main_window import MainWindow
from drill_app.ui.shared.settings import AppSettings
from drill_app.ui.start.start_page import RED, StartPageWidget

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
TODAY = dt.date.today()
BUILT_IN_TITLES = {
    "姚家街道山海社区居民楼燃气爆炸事故桌面推演": (
        "安全事故类",
        "III级（较大）",
        "无预警",
        "240分钟",
    ),
    "寒潮期间上游气源供应紧张压减供气桌面推演": (
        "供应保障类",
        "IV级（一般）",
        "橙色预警",
        "210分钟",
    ),
    "姚家街道液化石油气充装站卸车泄漏事故桌面推演": (
        "安全事故类",
        "IV级（一般）",
        "无预警",
        "180分钟",
    ),
    "智远街道玖玺珑茂社区燃气企业弃供事件桌面推演": (
        "供应保障类",
        "IV级（一般）",
        "蓝色预警",
        "180分钟",
    ),
}

OpenWindow = Callable[..., MainWindow]


# --- helpers -----------------------------------------------------------------------------------


def add_exercise(
    url: str, title: str, held_on: dt.date, *, started: bool = False, ended: bool = False
) -> str:
    """Store an exercise as the app would have: planned, running (started) or ended."""
    from drill_app.store.store import NewExercise, SeatInfo, Store

    with Store.open(url) as store:
        exercise_id = store.create_exercise(
            NewExercise(
                title=title,
                plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
                scenario_text=SCENARIO.read_text(encoding="utf-8"),
                held_on=held_on,
                seats=(SeatInfo("housing", "张强"), SeatInfo("emergency", "李明")),
            )
        )
        if started or ended:
            exercise = store.load_exercise(exercise_id, load_scoring_rules(DEFAULT_SCORING))
            exercise.submit("exercise_started", actor="controller")
            if ended:
                exercise.submit("exercise_ended", actor="controller")
    return exercise_id


def add_open_improvement(url: str, exercise_id: str) -> None:
    from drill_app.store.store import Store

    with Store.open(url) as store:
        store.add_improvement(
            exercise_id=exercise_id,
            issue="医疗救护组未及时启动",
            action="明确启动条件",
            element="organisation",
            owner_unit="health",
            due_date=TODAY + dt.timedelta(days=30),
        )


def cells(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def row_texts(view: QTableView, row: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for column in range(model.columnCount())]


def check_model(qtmodeltester: ModelTester, model: QAbstractItemModel) -> None:
    qtmodeltester.check(model, force_py=True)


# --- fixtures ----------------------------------------------------------------------------------


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'drills.sqlite3'}"


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path, chinese: None) -> Iterator[OpenWindow]:
    """A started main window on *db_url*, its settings in tmp_path; closed afterwards."""
    windows: list[MainWindow] = []

    def open_it(db_url: str | None, *, wait: bool = True) -> MainWindow:
        window = MainWindow(
            db_url=db_url,
            settings=AppSettings.in_file(tmp_path / "settings.ini"),
            user_scenarios=tmp_path / "my-scenarios",
        )
        windows.append(window)  # (closed below, before pytest-qt deletes widgets)
        window.show()
        qtbot.waitExposed(window)
        if wait:
            with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
                assert window.start()
        return window

    yield open_it
    for window in windows:
        window.close()
        assert window.archive is None or not window.archive._thread.isRunning()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# --- the scenario library ----------------------------------------------------------------------


def test_the_library_lists_the_built_in_scenarios_with_their_levels(
    open_window: OpenWindow, db_url: str, qtmodeltester: ModelTester
) -> None:
    window = open_window(db_url)
    page = window.start_page
    view = page.scenario_view
    check_model(qtmodeltester, view.model())
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == [
        "演练情景",
        "类别",
        "演练形式",
        "预设级别",
        "预设预警",
        "时长",
        "来源",
        "校验",
    ]
    shown = {row_texts(view, r)[0]: row_texts(view, r) for r in range(model.rowCount())}
    assert set(shown) == set(BUILT_IN_TITLES)
    for title, (category, level, warning, duration) in BUILT_IN_TITLES.items():
        assert shown[title] == [
            title,
            category,
            "桌面推演",
            level,
            warning,
            duration,
            "内置",
            "校验通过",
        ]
    # The first scenario is selected and its summary and objectives are shown.
    detail = page.detail_view.toPlainText()
    first = row_texts(view, 0)[0]
    assert detail.startswith(first)
    if first.startswith("姚家街道山海社区"):
        assert "演练目标：" in detail
        assert "检验区应急管理局、区住建局接报后20分钟电话报告" in detail
    assert page.new_button.isEnabled()
    assert page.new_button.text() == "新建演练…"


def test_a_broken_user_scenario_says_where_it_is_wrong(
    open_window: OpenWindow, db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "my-scenarios"
    folder.mkdir()
    broken = folder / "我的情景.yaml"
    broken.write_text("format: 1\nid: mine\n", encoding="utf-8")
    window = open_window(db_url)
    page = window.start_page
    view = page.scenario_view
    (row,) = [r for r in range(view.model().rowCount()) if cells(view, 0)[r] == "我的情景.yaml"]
    status = view.model().index(row, page.scenario_model.STATUS)
    assert row_texts(view, row)[6] == "自定义"
    assert status.data().startswith("我的情景.yaml:1:1: ")
    assert status.data(Qt.ItemDataRole.ForegroundRole) == RED
    # the tooltip has every problem, with the whole path
    assert f"{broken}:1:1: " in status.data(Qt.ItemDataRole.ToolTipRole)
    page.select_scenario(broken)
    detail = page.detail_view.toPlainText()
    assert "修正后才能使用" in detail
    assert f"{broken}:1:1: " in detail
    # the folder is named on the page, so that users know where their files go
    assert str(folder) in page.folder_label.text()


def test_the_user_folder_is_created_when_missing(
    open_window: OpenWindow, db_url: str, tmp_path: Path
) -> None:
    window = open_window(db_url)
    assert (tmp_path / "my-scenarios").is_dir()
    assert window.start_page.folder_label.isVisibleTo(window)


# --- exercises and the §9.3 schedule -----------------------------------------------------------


def test_recent_exercises_and_an_overdue_drill_in_red(
    open_window: OpenWindow, db_url: str, qtmodeltester: ModelTester
) -> None:
    held = TODAY - dt.timedelta(days=3 * 365)
    ended = add_exercise(db_url, "2023年燃气爆炸桌面推演", held, ended=True)
    add_exercise(db_url, "寒潮保供桌面推演", TODAY, started=True)
    add_exercise(db_url, "液化气泄漏推演（准备中）", TODAY - dt.timedelta(days=1))
    add_open_improvement(db_url, ended)

    window = open_window(db_url)
    page = window.start_page
    view = page.exercise_view
    check_model(qtmodeltester, view.model())
    assert row_texts(view, 0) == [
        TODAY.isoformat(),
        "寒潮保供桌面推演",
        "姚家街道山海社区居民楼燃气爆炸事故桌面推演",
        "桌面推演",
        "进行中",
        "1",
    ]
    assert cells(view, 4) == ["进行中", "未开始", "已结束"]
    assert cells(view, 5) == ["1", "0", "2"]
    assert not page.no_exercises_label.isVisibleTo(page)
    # a running exercise is continued, the others opened
    page.select_exercise(page.exercise_model.exercise(0).id)
    assert page.open_button.text() == "继续所选演练"
    page.select_exercise(ended)
    assert page.open_button.text() == "打开所选演练"
    assert page.open_button.isEnabled()

    schedule = page.schedule_panel
    due = add_years(held, 2)
    assert schedule.title() == "演练周期（预案§9.3）"
    assert schedule.last_label.text() == held.isoformat()
    assert schedule.due_label.text() == due.isoformat()
    assert schedule.left_label.text() == f"已逾期{(TODAY - due).days}天"
    assert schedule.left_label.palette().color(QPalette.ColorRole.WindowText) == RED
    assert schedule.left_label.font().bold()
    assert schedule.improvements_label.text() == "1项"


def test_a_drill_within_the_interval_is_not_red(open_window: OpenWindow, db_url: str) -> None:
    add_exercise(db_url, "今年的演练", TODAY - dt.timedelta(days=100), ended=True)
    window = open_window(db_url)
    schedule = window.start_page.schedule_panel
    left = schedule.left_label
    assert left.text().startswith("还剩") and left.text().endswith("天")
    assert left.palette().color(QPalette.ColorRole.WindowText) != RED
    assert schedule.improvements_label.text() == "0项"


def test_an_empty_database_says_what_to_do(open_window: OpenWindow, db_url: str) -> None:
    window = open_window(db_url)
    page = window.start_page
    assert page.exercise_model.rowCount() == 0
    assert page.no_exercises_label.isVisibleTo(page)
    assert "新建演练" in page.no_exercises_label.text()
    assert not page.open_button.isEnabled()
    schedule = page.schedule_panel
    # no drill on record: the first is due two years after the plan took effect (§9.3,
    # §10.2: in force from 2025-11-21), not "overdue now"
    assert schedule.due_label.text() == "2027-11-21"
    if dt.date.today() <= dt.date(2027, 11, 21):
        assert schedule.left_label.text().startswith("还剩")
        assert schedule.left_label.palette().color(QPalette.ColorRole.WindowText) != RED


def test_the_page_says_it_is_loading_until_the_database_is_open(
    open_window: OpenWindow, db_url: str, qtbot: QtBot
) -> None:
    window = open_window(db_url, wait=False)
    page = window.start_page
    assert page.state == StartPageWidget.LOADING
    assert page.loading_label.text().startswith("正在打开数据库…")
    assert not window.new_action.isEnabled()
    with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
        window.start()
    assert page.state == StartPageWidget.READY
    assert window.new_action.isEnabled()
    assert window.database_label.text() == f"数据库：{db_url}"


# --- a database that cannot be opened ------------------------------------------------------------


def test_a_damaged_database_offers_a_backup_and_never_a_traceback(
    open_window: OpenWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    good = f"sqlite:///{tmp_path / 'good.sqlite3'}"
    add_exercise(good, "备份里的演练", TODAY - dt.timedelta(days=10), ended=True)
    damaged = tmp_path / "drills.sqlite3"
    damaged.write_bytes(b"not a database" * 100)
    backup = tmp_path / "drills.sqlite3.backup-0001-20261101-120000"
    backup.write_bytes((tmp_path / "good.sqlite3").read_bytes())

    window = open_window(f"sqlite:///{damaged}", wait=False)
    assert window.start()
    page = window.start_page
    qtbot.waitUntil(lambda: page.state == StartPageWidget.PROBLEM, timeout=20_000)
    panel = page.problem_panel
    assert panel.heading.text() == "无法打开数据库"
    assert panel.message_label.text().startswith(f"{damaged}: not a usable drill-app database")
    assert "Traceback" not in panel.message_label.text()
    assert panel.backups == [backup]
    assert panel.backups_model.stringList() == [str(backup)]
    assert panel.use_backup_button.text() == "使用所选备份"
    assert panel.open_other_button.text() == "打开其他数据库文件…"
    assert not window.new_action.isEnabled()

    with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
        panel.use_backup_button.click()
    assert page.state == StartPageWidget.READY
    assert cells(page.exercise_view, 1) == ["备份里的演练"]
    # a copy was opened; the backup and the damaged file are as they were
    opened = window.database_path()
    assert opened is not None and opened.parent == tmp_path
    assert opened.name.startswith("drills-restored-") and opened.suffix == ".sqlite3"
    assert backup.read_bytes() == (tmp_path / "good.sqlite3").read_bytes()
    assert damaged.read_bytes() == b"not a database" * 100
    assert window.settings.database_url == f"sqlite:///{opened}"


def test_a_damaged_database_without_backup_offers_another_file(
    open_window: OpenWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "drills.sqlite3"
    damaged.write_bytes(b"garbage" * 100)
    window = open_window(f"sqlite:///{damaged}", wait=False)
    window.start()
    page = window.start_page
    qtbot.waitUntil(lambda: page.state == StartPageWidget.PROBLEM, timeout=20_000)
    panel = page.problem_panel
    assert panel.backups_label.text() == "该数据库没有备份。"
    assert not panel.use_backup_button.isVisibleTo(panel)

    other = tmp_path / "other.sqlite3"
    monkeypatch.setattr(MainWindow, "ask_database_file", lambda self: other)
    with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
        panel.open_other_button.click()
    assert page.state == StartPageWidget.READY
    assert window.database_label.text() == f"数据库：sqlite:///{other}"
