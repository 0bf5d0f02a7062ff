"""Fixtures for the interface tests.

QT_QPA_PLATFORM=offscreen and the session ``plan`` fixture come from tests/conftest.py.
Every test here also fails when a Qt callback raised, or when a timer or thread of ours
is still running afterwards. ``chinese`` installs the Chinese interface; the running-exercise
tests share ``wall``, ``database`` and ``session`` (helpers in exercising.py). A test module
may define a fixture of the same name for itself.
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

import pytest
from exercising import FakeWall, database_url, opened_session
from PySide6.QtCore import QThreadPool, QTimer, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drill_app.core.plan import Plan
from drill_app.paths import DEFAULT_PLAN
from drill_app.ui.plan.plan_browser import PlanBrowserWindow
from drill_app.ui.session import ExerciseSession
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
