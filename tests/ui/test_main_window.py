"""The main window: menus, creating and opening exercises through the real archive, the
remembered settings, and reopening a running exercise after a crash."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.main_window import MainWindow
from drill_app.ui.plan.plan_browser import PlanBrowserWindow
from drill_app.ui.session import Archive, ExerciseSession, LoadedExercise
from drill_app.ui.shared.settings import AppSettings
from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"

OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'drills.sqlite3'}"


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "drill-app.ini"


@pytest.fixture
def open_window(
    qtbot: QtBot, tmp_path: Path, settings_file: Path, chinese: None
) -> Iterator[OpenWindow]:
    """A started main window with its settings in a temporary file; closed afterwards."""
    windows: list[MainWindow] = []

    def open_it(db_url: str | None = None) -> MainWindow:
        window = MainWindow(
            db_url=db_url,
            settings=AppSettings.in_file(settings_file),
            user_scenarios=tmp_path / "my-scenarios",
        )
        windows.append(window)  # (closed below, before pytest-qt deletes widgets)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
            assert window.start()
        return window

    yield open_it
    for window in windows:
        close_and_check(window)
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def close_and_check(window: MainWindow) -> None:
    """Close as the user does; afterwards no thread or timer of the window is running."""
    timers = window.findChildren(QTimer)  # the views' too, before they are let go
    window.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    assert window.archive is None or not window.archive._thread.isRunning()
    running = [t for t in timers if shiboken6.isValid(t) and t.isActive()]
    assert not running, f"timers still running: {running}"


def new_exercise(title: str = "山海社区燃气爆炸桌面推演") -> object:
    from drill_app.store.store import NewExercise, SeatInfo

    return NewExercise(
        title=title,
        plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
        scenario_text=SCENARIO.read_text(encoding="utf-8"),
        held_on=dt.date(2026, 11, 28),
        location="区应急指挥中心",
        controller="孙立",
        evaluators=("郑洁",),
        seats=(SeatInfo("housing", "张强"), SeatInfo("emergency", "李明")),
        options={"show_deadlines": True, "clock_speed": 2},
    )


def stored_events(url: str, exercise_id: str) -> list[str]:
    from drill_app.store.store import Store

    with Store.open(url) as store:
        return [event.kind for event in store.events(exercise_id)]


def menu_texts(window: MainWindow) -> dict[str, list[str]]:
    return {
        menu_action.text(): [a.text() for a in menu_action.menu().actions() if a.text()]
        for menu_action in window.menuBar().actions()
    }


def test_archive_reports_are_handled_on_the_window_thread(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, db_url: str, chinese: None
) -> None:
    window = MainWindow(
        db_url=db_url,
        settings=AppSettings.in_file(tmp_path / "s.ini"),
        user_scenarios=tmp_path / "mine",
    )
    qtbot.addWidget(window)
    on_gui_thread: list[bool] = []
    window.start_page_populated.connect(
        lambda: on_gui_thread.append(QThread.currentThread() == qapp.thread()),
        Qt.ConnectionType.DirectConnection,
    )
    with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
        window.start()
    assert on_gui_thread == [True]
    close_and_check(window)


# --- menus ------------------------------------------------------------------------------------


def test_the_menus(open_window: OpenWindow, db_url: str, qtbot: QtBot) -> None:
    window = open_window(db_url)
    menus = menu_texts(window)
    assert list(menus) == ["文件(&F)", "视图(&V)", "帮助(&H)"]
    assert menus["文件(&F)"] == ["新建演练(&N)…", "打开数据库(&D)…", "退出(&Q)"]
    assert menus["视图(&V)"][:2] == ["首页(&S)", "预案浏览(&P)"]
    assert menus["帮助(&H)"] == ["关于(&A)"]
    assert not window.home_action.isEnabled()  # already there

    window.plan_browser_action.trigger()
    browser = window.plan_browser
    assert isinstance(browser, PlanBrowserWindow)
    qtbot.waitExposed(browser)
    assert browser.plan.identity.document_number == "历下政办字〔2025〕5号"
    window.plan_browser_action.trigger()  # the same window again, not a second one
    assert window.plan_browser is browser


def test_the_language_is_remembered_for_the_next_start(
    open_window: OpenWindow, db_url: str, settings_file: Path
) -> None:
    window = open_window(db_url)
    (english,) = [a for a in window.language_actions.actions() if a.data() == "en"]
    english.trigger()
    assert window.statusBar().currentMessage() == "界面语言将在下次启动时生效。"
    # …and a notice that stays until then, readable in the language chosen
    assert window.language_notice.isVisible()
    assert window.language_notice.text() == "界面语言：English from the next start"
    assert AppSettings.in_file(settings_file).language == "en"
    (chinese,) = [a for a in window.language_actions.actions() if a.data() == "zh_CN"]
    chinese.trigger()  # back to the language on screen: nothing pending
    assert not window.language_notice.isVisible()


# --- exercises --------------------------------------------------------------------------------


def test_a_new_exercise_is_created_in_the_archive_and_opened(
    open_window: OpenWindow, db_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_url)
    page = window.start_page
    asked: list[object] = []

    def ask(
        cls: type,
        parent: object,
        plan: object,
        plan_text: str,
        scenarios: list,
        selected: Path | None,
        **kw: object,
    ) -> object:  # type: ignore[type-arg]
        asked.append((plan_text, [e.path for e in scenarios], selected))
        return new_exercise()

    monkeypatch.setattr(NewExerciseDialog, "ask", classmethod(ask))
    page.select_scenario(SCENARIO)
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000) as shown:
        page.new_button.click()
    exercise_id = shown.args[0]

    # The dialog got the plan file's text and the valid scenarios, the selected one first.
    plan_text, offered, selected = asked[0]  # type: ignore[misc]
    assert plan_text == DEFAULT_PLAN.read_text(encoding="utf-8")
    assert selected == SCENARIO
    assert sorted(offered) == sorted(SCENARIOS_DIR.glob("*.yaml"))

    assert window.stack.currentWidget() is window.exercise_page
    assert window.windowTitle() == "drill-app — 山海社区燃气爆炸桌面推演"
    assert isinstance(window.session, ExerciseSession)
    assert window.session.exercise_id == exercise_id
    assert window.settings.open_exercise_id == exercise_id
    assert window.settings.roster == {"housing": "张强", "emergency": "李明"}  # for next time
    assert window.home_action.isEnabled()
    from drill_app.ui.exercise.exercise_view import ExerciseView

    assert isinstance(window.exercise_page.currentWidget(), ExerciseView)

    from drill_app.store.store import Store

    with Store.open(db_url) as store:
        detail = store.exercise(exercise_id)
    assert detail.summary.title == "山海社区燃气爆炸桌面推演"
    assert [(s.unit_id, s.participant) for s in detail.seats] == [
        ("housing", "张强"),
        ("emergency", "李明"),
    ]
    assert detail.options == {"show_deadlines": True, "clock_speed": 2}
    assert detail.scenario_text == SCENARIO.read_text(encoding="utf-8")

    # Back on the start page, the exercise is listed, not started.
    with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
        window.home_action.trigger()
    assert window.stack.currentWidget() is page
    assert page.exercise_model.exercise(0).title == "山海社区燃气爆炸桌面推演"
    assert page.exercise_model.index(0, 4).data() == "未开始"
    assert window.settings.open_exercise_id == ""


def test_ending_the_exercise_shows_its_score(
    open_window: OpenWindow, db_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_url)
    monkeypatch.setattr(
        NewExerciseDialog, "ask", classmethod(lambda cls, *args, **kw: new_exercise())
    )
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000) as shown:
        window.new_action.trigger()
    session = window.session
    assert session is not None
    with qtbot.waitSignal(session.event_added, timeout=20_000):
        session.send("exercise_started", actor="controller")
    assert window.stack.currentWidget() is window.exercise_page
    with qtbot.waitSignal(window.start_page_populated, timeout=20_000):  # refreshed too
        session.send("exercise_ended", actor="controller")
    assert window.stack.currentWidget() is window.score_page
    assert window.score_view is not None and window.score_view.isVisibleTo(window)
    assert window.settings.open_exercise_id == ""
    assert window.start_page.exercise_model.index(0, 4).data() == "已结束"
    assert stored_events(db_url, shown.args[0]) == ["exercise_started", "exercise_ended"]


def test_an_ended_exercise_opens_on_its_score(
    open_window: OpenWindow, db_url: str, qtbot: QtBot, tmp_path: Path
) -> None:
    exercise_id = run_exercise(qtbot, tmp_path, db_url, end=True)
    window = open_window(db_url)
    page = window.start_page
    page.select_exercise(exercise_id)
    assert page.open_button.text() == "打开所选演练"
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        page.open_button.click()
    assert window.stack.currentWidget() is window.score_page
    assert window.score_view is not None
    assert window.settings.open_exercise_id == ""  # nothing to resume


def test_a_refused_creation_is_reported(
    open_window: OpenWindow, db_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataclasses import replace

    from drill_app.ui.shared.dialogs import ProblemListDialog

    window = open_window(db_url)
    shown: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        ProblemListDialog,
        "show_modal",
        classmethod(lambda cls, parent, title, text, problems: shown.append((title, problems))),
    )
    broken = replace(new_exercise(), scenario_text="format: 1\n")  # type: ignore[type-var]
    window.create_exercise(broken)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    ((title, problems),) = shown
    assert title == "未能新建演练"
    assert "the stored scenario is not valid" in problems[0]
    assert "Traceback" not in problems[0]
    assert window.stack.currentWidget() is window.start_page


# --- settings -----------------------------------------------------------------------------------


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    settings = AppSettings.in_file(path)
    assert settings.database_url == ""
    assert settings.language == ""
    assert settings.open_exercise_id == ""
    assert settings.window_geometry.isEmpty()
    settings.database_url = "sqlite:////data/演练.sqlite3"
    settings.language = "en"
    settings.open_exercise_id = "abc123"
    settings.window_geometry = QByteArray(b"\x01\x02geometry")
    settings.sync()

    again = AppSettings.in_file(path)
    assert again.database_url == "sqlite:////data/演练.sqlite3"
    assert again.language == "en"
    assert again.open_exercise_id == "abc123"
    assert again.window_geometry == QByteArray(b"\x01\x02geometry")
    again.open_exercise_id = ""  # back to the default: the key is removed
    again.sync()
    raw = QSettings(str(path), QSettings.Format.IniFormat)
    assert raw.value("exercise/open") is None
    assert raw.value("version") is not None
    # a value of the wrong type (a hand-edited file) reads as the default
    raw.setValue("window/geometry", "not bytes")
    raw.sync()
    assert AppSettings.in_file(path).window_geometry.isEmpty()


def test_window_and_database_are_remembered(
    open_window: OpenWindow, db_url: str, settings_file: Path
) -> None:
    window = open_window(db_url)
    window.resize(700, 500)  # (the offscreen screen is 800 × 600)
    close_and_check(window)
    settings = AppSettings.in_file(settings_file)
    assert settings.database_url == db_url
    assert not settings.window_geometry.isEmpty()

    again = open_window()  # no --db: the database used last time
    assert again.database_label.text() == f"数据库：{db_url}"
    assert (again.width(), again.height()) == (700, 500)


def test_the_saved_size_is_kept_from_the_first_paint_to_the_filled_page(
    open_window: OpenWindow, db_url: str, settings_file: Path, qtbot: QtBot
) -> None:
    """The first paint shows the frame before the start page is built; building and
    filling the page then changes neither the saved width nor the height."""
    window = open_window(db_url)
    window.resize(700, 480)  # (narrower than the window opens by default)
    close_and_check(window)

    again = MainWindow(db_url=db_url, settings=AppSettings.in_file(settings_file))
    again.show()
    qtbot.waitExposed(again)
    QApplication.processEvents()  # the first paint, as run_gui does
    assert (again.width(), again.height()) == (700, 480)
    with qtbot.waitSignal(again.start_page_populated, timeout=20_000):
        assert again.start()
    QApplication.processEvents()
    assert again.stack.currentWidget() is again.start_page and again.start_page.isVisible()
    assert (again.width(), again.height()) == (700, 480)
    assert again.start_page.width() == again.centralWidget().width() <= 700
    close_and_check(again)
    again.deleteLater()


# --- a crash in the middle of an exercise --------------------------------------------------------


def run_exercise(qtbot: QtBot, tmp_path: Path, db_url: str, *, end: bool = False) -> str:
    """A first run of the app: create and start an exercise (and end it if *end*)."""
    archive = Archive(user_scenarios=tmp_path / "my-scenarios")
    try:
        with qtbot.waitSignal(archive.worker.store_opened, timeout=20_000):
            archive.open_store(db_url)
        with qtbot.waitSignal(archive.worker.exercise_created, timeout=20_000) as created:
            archive.create_exercise(new_exercise("停电前的演练"))
        with qtbot.waitSignal(archive.worker.exercise_loaded, timeout=20_000) as loaded:
            archive.open_exercise(created.args[0])
        session = ExerciseSession(archive, loaded.args[0])
        for kind in ("exercise_started", "exercise_ended") if end else ("exercise_started",):
            with qtbot.waitSignal(session.event_added, timeout=20_000):
                session.send(kind, actor="controller")
        session.deleteLater()
        return str(created.args[0])
    finally:
        archive.shutdown()  # the process "dies": nothing more is written


def test_a_running_exercise_is_reopened_after_a_crash(
    open_window: OpenWindow,
    db_url: str,
    qtbot: QtBot,
    tmp_path: Path,
    settings_file: Path,
) -> None:
    exercise_id = run_exercise(qtbot, tmp_path, db_url)
    # What the window of that first run had remembered.
    settings = AppSettings.in_file(settings_file)
    settings.database_url = db_url
    settings.open_exercise_id = exercise_id
    settings.sync()
    assert stored_events(db_url, exercise_id) == ["exercise_started"]

    window = MainWindow(settings=AppSettings.in_file(settings_file), user_scenarios=tmp_path)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000) as shown:
        window.start()
    assert shown.args == [exercise_id]
    assert window.stack.currentWidget() is window.exercise_page
    assert window.statusBar().currentMessage() == "已恢复进行中的演练：停电前的演练"
    session = window.session
    assert session is not None
    loaded: LoadedExercise = session.loaded
    assert [e.kind for e in loaded.events] == ["exercise_started", "host_restarted"]
    assert session.mirror.started and not session.mirror.ended
    assert session.now() > 0  # the clock went on while the app was down
    close_and_check(window)
    assert stored_events(db_url, exercise_id) == ["exercise_started", "host_restarted"]
    # Still open when the app was closed: it would be reopened again.
    assert AppSettings.in_file(settings_file).open_exercise_id == exercise_id


def test_an_ended_exercise_is_not_reopened(
    open_window: OpenWindow, db_url: str, qtbot: QtBot, tmp_path: Path, settings_file: Path
) -> None:
    exercise_id = run_exercise(qtbot, tmp_path, db_url, end=True)
    settings = AppSettings.in_file(settings_file)
    settings.open_exercise_id = exercise_id
    settings.sync()
    window = open_window(db_url)
    QApplication.processEvents()
    assert window.stack.currentWidget() is window.start_page
    assert window.session is None
    assert stored_events(db_url, exercise_id) == ["exercise_started", "exercise_ended"]


def test_a_broken_plan_is_reported_and_nothing_is_started(
    qtbot: QtBot, tmp_path: Path, chinese: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from drill_app.ui.shared.dialogs import ProblemListDialog

    shown: list[list[str]] = []
    monkeypatch.setattr(
        ProblemListDialog,
        "show_modal",
        classmethod(lambda cls, parent, title, text, problems: shown.append(problems)),
    )
    broken = tmp_path / "plan.yaml"
    broken.write_text("schema_version: 1\n", encoding="utf-8")
    window = MainWindow(
        plan_path=broken,
        settings=AppSettings.in_file(tmp_path / "s.ini"),
        user_scenarios=tmp_path / "mine",
    )
    qtbot.addWidget(window)
    assert not window.start()
    assert window.archive is None
    assert shown and shown[0][0].startswith(f"{broken}:")
    window.close()
    assert not (tmp_path / "s.ini").exists()  # nothing worth remembering
    assert not (tmp_path / "mine").exists()  # nothing created either


def test_the_exercise_views_layout_is_remembered(
    open_window: OpenWindow, db_url: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(db_url)
    monkeypatch.setattr(
        NewExerciseDialog, "ask", classmethod(lambda cls, *args, **kw: new_exercise())
    )
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000) as shown:
        window.new_action.trigger()
    view = window.exercise_page.currentWidget()
    total = sum(view.splitter.sizes())
    view.splitter.setSizes([total - 420, 420])  # the user widens the board
    wanted = view.splitter.sizes()
    with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
        window.home_action.trigger()  # leaving the exercise remembers its layout
    assert window.archive is not None
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.archive.open_exercise(shown.args[0])
    again = window.exercise_page.currentWidget()
    assert again is not view
    qtbot.waitUntil(lambda: again.splitter.sizes() == wanted, timeout=5_000)


def test_a_window_out_of_step_says_so_and_reloads_from_disk(
    open_window: OpenWindow,
    db_url: str,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    chinese: None,
) -> None:
    from drill_app.core.events import Event

    window = open_window(db_url)
    monkeypatch.setattr(
        NewExerciseDialog, "ask", classmethod(lambda cls, *args, **kw: new_exercise())
    )
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000) as shown:
        window.new_action.trigger()
    first = window.session
    assert first is not None
    with qtbot.waitSignal(first.event_added, timeout=20_000):
        first.send("exercise_started", actor="controller")
    assert window.archive is not None
    # A committed event the window cannot follow (earlier than what it has): out of step.
    stray = Event("stray", shown.args[0], "exercise_paused", "controller", None, {}, -1.0, 0.0)
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.archive.worker.event_recorded.emit(stray)
    assert window.session is not first
    assert [e.kind for e in window.session.events] == stored_events(db_url, shown.args[0])
    assert window.statusBar().currentMessage() == (
        "窗口与存档不一致（时间00:00:00早于上一条记录（00:00:00）），已从磁盘重新载入。"
    )
