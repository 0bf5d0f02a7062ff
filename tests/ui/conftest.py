"""Fixtures for the interface tests.

QT_QPA_PLATFORM=offscreen and the session ``plan`` fixture come from tests/conftest.py.
Every test here also fails when a Qt callback raised, or when a timer or thread of ours
is still running afterwards. ``chinese`` installs the Chinese interface; the running-exercise
tests share ``wall``, ``database`` and ``session`` (helpers in exercising.py); the tests of
the forms and the score share ``drill``, ``panel`` (the act-as-unit panel) and ``view``
(the score view of a short drill), with helpers in drilling.py. A test module may define
a fixture of the same name for itself.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

import pytest
from drilling import SCENARIO, Drill, WallClock, run_short_drill
from exercising import FakeWall, database_url, opened_session
from PySide6.QtCore import QThreadPool, QTimer, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from seating import Room, close_room, open_room

from drill_app.core.plan import Plan
from drill_app.core.scoring import ScoringRules, load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING
from drill_app.ui.act.act_panel import ActAsUnitPanel
from drill_app.ui.main_window import MainWindow
from drill_app.ui.plan.plan_browser import PlanBrowserWindow
from drill_app.ui.score.score_view import ScoreView
from drill_app.ui.session import Archive, ExerciseSession
from drill_app.ui.shared.i18n import install_translators, interface_font, remove_translators

OpenBrowser = Callable[..., PlanBrowserWindow]


@pytest.fixture(scope="session", autouse=True)
def interface_font_applied(qapp: QApplication) -> None:
    """The same application font as run_gui sets."""
    qapp.setFont(interface_font(qapp.font()))


@pytest.fixture(autouse=True)
def fail_on_exceptions_in_qt_callbacks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """PySide6 reports an exception raised in a slot or Qt virtual through sys.excepthook."""
    caught: list[str] = []

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        caught.append("".join(traceback.format_exception(kind, error, tb)))

    monkeypatch.setattr(sys, "excepthook", hook)
    yield
    assert not caught, "exception in a Qt callback:\n" + "\n".join(caught)


@pytest.fixture(autouse=True)
def nothing_left_running(qapp: QApplication) -> Iterator[None]:
    threads_before = set(threading.enumerate())
    yield
    qapp.processEvents()
    owners = [qapp, *(w for w in qapp.topLevelWidgets() if isinstance(w, PlanBrowserWindow))]
    timers = [timer for owner in owners for timer in owner.findChildren(QTimer) if timer.isActive()]
    assert not timers, f"timers still running: {timers}"
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    new_threads = [t for t in set(threading.enumerate()) - threads_before if t.is_alive()]
    assert not new_threads, f"threads still running: {new_threads}"


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The Chinese interface, for the tests that make their windows or models themselves."""
    installed: list[QTranslator] = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, installed)


@pytest.fixture
def open_browser(qtbot: QtBot, qapp: QApplication, plan: Plan) -> Iterator[OpenBrowser]:
    """Open a plan browser as a user would see it: ``open_browser(language="zh_CN")``."""
    installed: list[QTranslator] = []

    def open_window(
        language: str = "zh_CN", shown_plan: Plan | None = None, path: Path = DEFAULT_PLAN
    ) -> PlanBrowserWindow:
        installed.extend(install_translators(qapp, language))
        window = PlanBrowserWindow(shown_plan or plan, path, language)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield open_window
    remove_translators(qapp, installed)


# --- a running exercise (exercise view, MSEL, status board, event feed) -----------------------


@pytest.fixture
def wall() -> FakeWall:
    return FakeWall()


@pytest.fixture
def database(tmp_path: Path) -> str:
    return database_url(tmp_path)


@pytest.fixture
def session(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, wall: FakeWall, database: str
) -> Iterator[ExerciseSession]:
    """A new exercise of scenario A on a real archive, in Chinese; shut down afterwards."""
    with opened_session(qtbot, qapp, tmp_path, wall, database) as opened:
        yield opened


# --- a drill acted through the forms (act panel, report form, evaluation, score view) ---------


@pytest.fixture
def drill(qtbot: QtBot, tmp_path: Path, chinese: None) -> Iterator[Drill]:
    from drill_app.store.store import NewExercise, SeatInfo

    clock = WallClock()
    archive = Archive(user_scenarios=tmp_path / "none", wall_clock=clock)
    try:
        url = f"sqlite:///{tmp_path / 'drill.sqlite3'}"
        with qtbot.waitSignal(archive.worker.store_opened, timeout=10_000):
            archive.open_store(url)
        new = NewExercise(
            title="山海社区燃气爆炸桌面推演",
            plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
            scenario_text=SCENARIO.read_text(encoding="utf-8"),
            held_on=dt.date(2026, 11, 28),
            seats=(SeatInfo("housing", "张强"), SeatInfo("emergency", "李明")),
        )
        with qtbot.waitSignal(archive.worker.exercise_created, timeout=10_000) as created:
            archive.create_exercise(new)
        with qtbot.waitSignal(archive.worker.exercise_loaded, timeout=10_000) as loaded:
            archive.open_exercise(created.args[0])
        session = ExerciseSession(archive, loaded.args[0], wall_clock=clock)
        yield Drill(archive, session, url, clock)
    finally:
        archive.shutdown()


@pytest.fixture
def panel(qtbot: QtBot, drill: Drill) -> ActAsUnitPanel:
    widget = ActAsUnitPanel(drill.session)
    qtbot.addWidget(widget)
    widget.resize(1000, 720)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def view(qtbot: QtBot, drill: Drill) -> Iterator[ScoreView]:
    run_short_drill(qtbot, drill)
    widget = ScoreView(drill.session, drill.archive)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.improvements_tab.loaded, timeout=10_000)
    widget.resize(1280, 860)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


# --- the main window, started on a temporary database and settings ---------------------------


@pytest.fixture
def started_window(qtbot: QtBot, tmp_path: Path, chinese: None) -> Iterator[MainWindow]:
    """The Chinese main window at a laptop's size, its start page populated; closed after."""
    from PySide6.QtCore import QEvent

    from drill_app.ui.shared.settings import AppSettings

    window = MainWindow(
        db_url=f"sqlite:///{tmp_path / 'drills.sqlite3'}",
        settings=AppSettings.in_file(tmp_path / "settings.ini"),
        user_scenarios=tmp_path / "mine",
    )
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
        assert window.start()
    yield window
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# --- the training room (tests/ui/test_trainee_*.py; helpers in seating.py) ------------------


@pytest.fixture(scope="session")
def rules() -> ScoringRules:
    return load_scoring_rules(DEFAULT_SCORING)


@pytest.fixture
def room(tmp_path: Path, rules: ScoringRules) -> Iterator[Room]:
    """A real host on loopback (SQLite); deadlines not shown to trainees (the default)."""
    hosted = open_room(tmp_path, rules, show_deadlines=False)
    yield hosted
    close_room(hosted)
