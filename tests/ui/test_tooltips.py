"""Every control of every window has a tooltip and an accessible name (issue 12 §2), in
Chinese; a disabled button's tooltip says why it is disabled now (§4).

The walk (walking.py) opens every window and dialog as a user meets them; on each screen
every visible button, input, combo box and table or list is read. Qt's inner parts of a
control (a spin box's line edit, a combo box's popup, a table's header or corner button, a
tab bar's scroll arrows) belong to their control and are not read on their own.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot
from walking import findings_on_every_screen

from drill_app.ui.main_window import MainWindow
from drill_app.ui.shared.describe import CONTROLS, is_inner_part

HAN = re.compile(r"[\u4e00-\u9fff]")


def controls(window: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, CONTROLS) and widget.isVisible() and not is_inner_part(widget)
    ]


def described(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} {getattr(widget, 'text', str)()!r}"


def undescribed(where: str, window: QWidget) -> list[str]:
    found = []
    for widget in controls(window):
        missing = [
            what
            for what, text in (
                ("tooltip", widget.toolTip()),
                ("accessible name", widget.accessibleName()),
            )
            if not HAN.search(text)
        ]
        if missing:
            found.append(f"{where} · {described(widget)}: no Chinese {' or '.join(missing)}")
    for tabs in window.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        if not HAN.search(tabs.accessibleName()):
            found.append(f"{where} · tabs {tabs.objectName()!r}: no Chinese accessible name")
        for index in range(tabs.count()):
            if not HAN.search(tabs.tabToolTip(index)):
                found.append(f"{where} · tab {tabs.tabText(index)!r}: no Chinese tooltip")
    return found


@pytest.fixture
def window(started_window: MainWindow) -> MainWindow:
    started_window.resize(1366, 728)
    return started_window


def test_every_control_of_every_window_has_a_tooltip_and_an_accessible_name(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = findings_on_every_screen(window, qtbot, monkeypatch, undescribed)
    assert not found, f"{len(found)} controls undescribed:\n" + "\n".join(found)


def unexplained(where: str, window: QWidget) -> list[str]:
    """Disabled buttons whose tooltip does not end with a line saying why (in Chinese)."""
    found = []
    for button in controls(window):
        if not isinstance(button, QAbstractButton) or button.isEnabled():
            continue
        lines = button.toolTip().splitlines()
        if len(lines) < 2 or not HAN.search(lines[-1]):
            found.append(f"{where} · {described(button)}: {button.toolTip()!r}")
    return found


def test_every_disabled_button_says_why_it_is_disabled_now(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    disabled: list[str] = []

    def check(where: str, shown: QWidget) -> list[str]:
        disabled.extend(
            described(b)
            for b in controls(shown)
            if isinstance(b, QAbstractButton) and not b.isEnabled()
        )
        return unexplained(where, shown)

    found = findings_on_every_screen(window, qtbot, monkeypatch, check)
    assert len(set(disabled)) >= 10  # the walk meets disabled buttons (before the start …)
    assert not found, "disabled without a reason:\n" + "\n".join(found)
