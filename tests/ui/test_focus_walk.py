"""No focus traps (issue 12 §2): in every window and dialog, Tab from each control moves the
focus on (a table does not walk its cells, a text box does not take the Tab as text), and
Shift+Tab moves it back; Ctrl+Tab and Ctrl+PgDn move between tabs from anywhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QWidget
from pytestqt.qtbot import QtBot
from walking import findings_on_every_screen

from drill_app.ui.main_window import MainWindow
from drill_app.ui.score.score_view import ScoreView
from drill_app.ui.shared.describe import CONTROLS, is_inner_part

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def focusable(window: QWidget) -> list[QWidget]:
    return [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, CONTROLS)
        and not is_inner_part(w)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def kept(control: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is control or (focus is not None and control.isAncestorOf(focus))


def traps(where: str, window: QWidget, qtbot: QtBot) -> list[str]:
    found = []
    window.activateWindow()
    controls = focusable(window)
    if len(controls) < 2:  # a box with one button: the focus has nowhere else to go
        return []
    for control in controls:
        # A date's Tab steps through its year, month and day, then leaves (Qt's way).
        presses = control.sectionCount() if isinstance(control, QDateTimeEdit) else 1
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            control.setFocus(Qt.FocusReason.TabFocusReason)
            if not control.hasFocus():
                continue
            for _ in range(presses):
                if kept(control):
                    qtbot.keyClick(QApplication.focusWidget(), key)
            if kept(control):
                name = "Shift+Tab" if key == Qt.Key.Key_Backtab else "Tab"
                found.append(f"{where} · {type(control).__name__} {control.objectName()!r}: {name}")
    return found


@pytest.fixture
def window(started_window: MainWindow) -> MainWindow:
    started_window.resize(1366, 728)
    return started_window


def test_tab_and_shift_tab_move_on_from_every_control(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = findings_on_every_screen(
        window, qtbot, monkeypatch, lambda where, shown: traps(where, shown, qtbot)
    )
    assert not found, "focus kept:\n" + "\n".join(found)


def test_ctrl_tab_and_ctrl_page_keys_move_between_the_score_tabs_from_anywhere(
    qtbot: QtBot, view: ScoreView
) -> None:
    """From a table inside a tab (which takes Ctrl+PgDn for itself) and from the documents
    panel beside the tabs alike."""
    view.activateWindow()
    count = view.tabs.count()
    for start in (view.lines_tab.lines_view, view.documents.unit_combo):
        view.tabs.setCurrentIndex(0)
        start.setFocus()
        qtbot.waitUntil(start.hasFocus)
        for key, modifiers, expected in (
            (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier, 1),
            (Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier, 2),
            (Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier, 1),
            (Qt.Key.Key_Backtab, CTRL_SHIFT, 0),
            (Qt.Key.Key_Backtab, CTRL_SHIFT, count - 1),  # round the end
        ):
            qtbot.keyClick(QApplication.focusWidget() or view, key, modifiers)
            assert view.tabs.currentIndex() == expected, (start.objectName(), key, expected)
    # a plain key last, so that no modifier seems held for whatever runs next
    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Escape)
