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
    assert window.zoom.percent == 125
    assert label_size(window) == pytest.approx(normal * 1.25)
    assert window.menuBar().font().pointSizeF() == pytest.approx(menu_normal * 1.25)
    assert window.statusBar().currentMessage() == "缩放：125 %"

    press(qtbot, window, Qt.Key.Key_Minus)  # Ctrl+-
    assert window.zoom.percent == 110
    assert label_size(window) == pytest.approx(normal * 1.10)
    window.close()
    assert (
        QSettings(str(settings_file), QSettings.Format.IniFormat).value("interface/zoom") == "110"
    )

    # The next start opens at the same zoom, not 110 % of 110 %.
    again = open_window()
    assert again.zoom.percent == 110
    assert label_size(again) == pytest.approx(normal * 1.10)
    press(qtbot, again, Qt.Key.Key_0)  # Ctrl+0: back to the system's size
    assert label_size(again) == pytest.approx(normal)
    assert qapp.font().pointSizeF() == pytest.approx(again.zoom.base_point_size)


def test_zoom_stops_at_its_smallest_and_largest_steps(open_window: OpenWindow) -> None:
    window = open_window()
    for _ in range(12):
        window.zoom_in_action.trigger()
    assert window.zoom.percent == 200
    for _ in range(12):
        window.zoom_out_action.trigger()
    assert window.zoom.percent == 80


def test_f11_shows_the_window_full_screen_and_back(open_window: OpenWindow, qtbot: QtBot) -> None:
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.full_screen_action.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
