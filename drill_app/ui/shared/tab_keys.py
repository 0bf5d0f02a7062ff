"""Ctrl+Tab / Ctrl+PgDn and Ctrl+Shift+Tab / Ctrl+PgUp between the tabs of a tab widget,
from anywhere in the window part that holds it (issue 12 §2).

Qt's own handling reaches the tab widget only when the focused child lets the key through;
a table takes Ctrl+PgDn for itself, and a control beside the tabs never passes it on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

KEYS = (("Ctrl+Tab", 1), ("Ctrl+PgDown", 1), ("Ctrl+Shift+Tab", -1), ("Ctrl+PgUp", -1))


def next_tab(tabs: QTabWidget, step: int) -> None:
    """The next (*step* 1) or previous (-1) enabled tab, round the end."""
    count = tabs.count()
    index = tabs.currentIndex()
    for _ in range(count):
        index = (index + step) % count
        if tabs.isTabEnabled(index):
            tabs.setCurrentIndex(index)
            return


def add_tab_keys(owner: QWidget, tabs: QTabWidget) -> list[QShortcut]:
    """The four keys on *owner* and its children, moving between *tabs*."""
    shortcuts = []
    for keys, step in KEYS:
        shortcut = QShortcut(QKeySequence(keys), owner)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda step=step: next_tab(tabs, step))
        shortcuts.append(shortcut)
    return shortcuts
