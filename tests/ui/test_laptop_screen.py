"""Every window within a laptop's screen (1366×768): nothing cut off, nothing to scroll on
the status board of a built-in scenario.

``fitted_size`` is checked everywhere; the windows themselves are checked on a real X
server (marked ``xcb``: tools/dev.py test runs them under Xvfb with a 1366×768 screen),
where the screen's available area and the window frame are real.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from walking import every_screen

from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.main_window import MainWindow
from drill_app.ui.shared.screen_fit import FRAME_HEIGHT, FRAME_WIDTH, available_area, fitted_size
from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog

LAPTOP = QRect(0, 0, 1366, 768)


def test_a_window_asks_for_no_more_than_the_screen_has() -> None:
    assert fitted_size(QSize(1280, 800), LAPTOP) == QSize(1280, 768 - FRAME_HEIGHT)
    assert fitted_size(QSize(900, 1000), LAPTOP) == QSize(900, 768 - FRAME_HEIGHT)
    assert fitted_size(QSize(1600, 600), LAPTOP) == QSize(1366 - FRAME_WIDTH, 600)
    assert fitted_size(QSize(640, 480), LAPTOP) == QSize(640, 480)


def assert_on_screen(window: QWidget) -> None:
    area = available_area(window)
    frame = window.frameGeometry()
    assert area.contains(frame), f"{type(window).__name__} {frame} is not within {area}"
    hint = window.minimumSizeHint()
    assert hint.height() <= area.height() - FRAME_HEIGHT, f"minimum height {hint.height()}"
    assert hint.width() <= area.width() - FRAME_WIDTH, f"minimum width {hint.width()}"


@pytest.fixture
def window(started_window: MainWindow) -> MainWindow:
    return started_window


def exercise_of(scenario: Path) -> object:
    """*scenario* with every seat's participant named: each board row then holds two lines
    (unit and person), the tallest the board gets."""
    from drill_app.core.plan import load_plan
    from drill_app.core.scenario import load_scenario
    from drill_app.store.store import NewExercise, SeatInfo

    seats = load_scenario(load_plan(DEFAULT_PLAN), scenario).seats
    return NewExercise(
        title="屏幕检查",
        plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
        scenario_text=scenario.read_text(encoding="utf-8"),
        held_on=dt.date(2026, 11, 28),
        seats=tuple(SeatInfo(unit, f"参演{n}号") for n, unit in enumerate(seats, 1)),
    )


@pytest.mark.xcb
def test_the_start_page_plan_browser_and_new_exercise_dialog_fit(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert_on_screen(window)
    window.show_plan_browser()
    assert window.plan_browser is not None
    qtbot.waitExposed(window.plan_browser)
    assert_on_screen(window.plan_browser)
    assert window.plan is not None
    dialog = NewExerciseDialog(window.plan, "", window.start_page.valid_scenarios(), parent=window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_on_screen(dialog)
    dialog.reject()


@pytest.mark.xcb
@pytest.mark.parametrize("scenario", sorted(SCENARIOS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_the_running_exercise_shows_every_unit_without_scrolling(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, scenario: Path
) -> None:
    monkeypatch.setattr(
        NewExerciseDialog, "ask", classmethod(lambda cls, *args, **kw: exercise_of(scenario))
    )
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.new_action.trigger()
    session = window.session
    assert session is not None and window.exercise_view is not None
    with qtbot.waitSignal(session.event_added, timeout=20_000):
        session.send("exercise_started", actor="controller")
    board = window.exercise_view.status_board  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: board.view.isVisible())
    QApplication.processEvents()
    assert_on_screen(window)
    rows = board.proxy.rowCount()
    assert rows == len(session.scenario.seats)
    assert board.view.verticalScrollBar().maximum() == 0, "the board scrolls"
    last = board.view.visualRect(board.proxy.index(rows - 1, 0))
    assert board.view.viewport().rect().contains(last)

    session.send("exercise_ended", actor="controller")
    qtbot.waitUntil(lambda: window.score_view is not None and window.score_view.isVisible())
    assert_on_screen(window)


@pytest.mark.xcb
def test_every_window_and_dialog_opens_within_the_screen(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _where, shown in every_screen(window, qtbot, monkeypatch):
        qtbot.waitExposed(shown)
        assert_on_screen(shown)
