"""Projector mode: the interface zoom (Ctrl+= / Ctrl+-, remembered) and full screen (F11)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from drill_app.ui.main_window import MainWindow
from drill_app.ui.shared.settings import AppSettings
from drill_app.ui.shared.zoom import BASE_SIZE_PROPERTY

OpenWindow = Callable[[], MainWindow]


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "drill-app.ini"


@pytest.fixture
def open_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, settings_file: Path, chinese: None
) -> Iterator[OpenWindow]:
    base_font = qapp.font()
    windows: list[MainWindow] = []

    def open_it() -> MainWindow:
        window = MainWindow(
            db_url=f"sqlite:///{tmp_path / 'drills.sqlite3'}",
            settings=AppSettings.in_file(settings_file),
            user_scenarios=tmp_path / "mine",
        )
        windows.append(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
            assert window.start()
        return window

    yield open_it
    for window in windows:
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.setFont(base_font)
    qapp.setProperty(BASE_SIZE_PROPERTY, None)


def press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def label_size(window: MainWindow) -> float:
    """The point size of the text a user reads on the start page."""
    labels = [w for w in window.start_page.findChildren(QLabel) if w.isVisible() and w.text()]
    assert labels
    return labels[0].font().pointSizeF()


def test_zoom_scales_the_whole_interface_and_is_remembered(
    open_window: OpenWindow, qtbot: QtBot, settings_file: Path, qapp: QApplication
) -> None:
    window = open_window()
    normal = label_size(window)
    menu_normal = window.menuBar().font().pointSizeF()

    press(qtbot, window, Qt.Key.Key_Equal)  # Ctrl+=
    press(qtbot, window, Qt.Key.Key_Equal)
    assert window.projector.zoom.percent == 125
    assert label_size(window) == pytest.approx(normal * 1.25)
    assert window.menuBar().font().pointSizeF() == pytest.approx(menu_normal * 1.25)
    assert window.statusBar().currentMessage() == "缩放：125 %"

    press(qtbot, window, Qt.Key.Key_Minus)  # Ctrl+-
    assert window.projector.zoom.percent == 110
    assert label_size(window) == pytest.approx(normal * 1.10)
    window.close()
    assert (
        QSettings(str(settings_file), QSettings.Format.IniFormat).value("interface/zoom") == "110"
    )

    # The next start opens at the same zoom, not 110 % of 110 %.
    again = open_window()
    assert again.projector.zoom.percent == 110
    assert label_size(again) == pytest.approx(normal * 1.10)
    press(qtbot, again, Qt.Key.Key_0)  # Ctrl+0: back to the system's size
    assert label_size(again) == pytest.approx(normal)
    assert qapp.font().pointSizeF() == pytest.approx(again.projector.zoom.base_point_size)


def test_zoom_stops_at_its_smallest_and_largest_steps(open_window: OpenWindow) -> None:
    window = open_window()
    for _ in range(12):
        window.projector.zoom_in_action.trigger()
    assert window.projector.zoom.percent == 200
    for _ in range(12):
        window.projector.zoom_out_action.trigger()
    assert window.projector.zoom.percent == 80


def test_f11_shows_the_window_full_screen_and_back(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.projector.full_screen_action.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())


def test_the_status_board_opens_alone_and_large_and_closes_with_the_exercise(
    open_window: OpenWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
    from drill_app.store.store import NewExercise, SeatInfo
    from drill_app.ui.exercise.board_window import StatusBoardWindow
    from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog

    new = NewExercise(
        title="山海社区燃气爆炸桌面推演",
        plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
        scenario_text=(SCENARIOS_DIR / "a-shanhai-explosion.yaml").read_text(encoding="utf-8"),
        held_on=dt.date(2026, 11, 28),
        seats=(SeatInfo("housing", "张强"),),
    )
    monkeypatch.setattr(NewExerciseDialog, "ask", classmethod(lambda cls, *a, **kw: new))
    window = open_window()
    assert not window.projector.board_action.isEnabled()  # no exercise on screen
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.new_action.trigger()
    assert window.projector.board_action.isEnabled()
    qtbot.keyClick(
        window,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    view = window.exercise_view
    assert view is not None
    board = view.findChild(StatusBoardWindow)
    assert board is not None and board.isVisible() and board.isWindow()
    assert board.windowTitle() == "状态看板 — 山海社区燃气爆炸桌面推演"
    main_board = view.status_board
    assert board.board.font().pointSizeF() == pytest.approx(main_board.font().pointSizeF() * 1.6)
    assert board.board.model.rowCount() == main_board.model.rowCount() == 10
    assert board.clock_label.text() == "00:00:00"
    # It follows the session: a recorded event reaches both boards.
    session = window.session
    assert session is not None
    with qtbot.waitSignal(session.event_added, timeout=20_000):
        session.send("exercise_started", actor="controller")
    qtbot.waitUntil(lambda: board.board.summary_label.text() == main_board.summary_label.text())
    window.home_action.trigger()  # the exercise closes, and its board window with it
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, StatusBoardWindow)]
