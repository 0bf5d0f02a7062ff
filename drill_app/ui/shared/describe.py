"""A control's tooltip and accessible name, set together (issue 12 §2).

The tooltip says what the control does or holds; the accessible name is the short name a
screen reader announces (by default the button's own text, or the first line of the
tooltip). ``explain`` gives a button whose enabled state changes the reason it is disabled
now, on a second line of its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSpinBox,
    QComboBox,
    QAbstractItemView,
)
"""What a user operates: each has a tooltip and an accessible name."""


def is_inner_part(widget: QWidget) -> bool:
    """A piece built inside another control (a spin box's line edit, a combo box's popup,
    a table's header or corner button, a tab bar's scroll arrows, a table's frozen column)."""
    if isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QTabBar)):
            return True
        if isinstance(parent, QAbstractItemView) and isinstance(
            widget, (QAbstractButton, QAbstractItemView)
        ):
            return True  # a table's corner button, a frozen column drawn over a table
        parent = parent.parentWidget()
    return False


def short_name(widget: QWidget, tooltip: str) -> str:
    """What a screen reader should call *widget*: its text, or the tooltip's first line."""
    if isinstance(widget, QAbstractButton) and widget.text().strip():
        return widget.text().replace("&", "").rstrip("…").strip()
    return tooltip.splitlines()[0] if tooltip else ""


def describe(widget: QWidget, tooltip: str, name: str = "") -> None:
    """Set *widget*'s tooltip and accessible name (*name*, or one made from the text)."""
    widget.setToolTip(tooltip)
    widget.setAccessibleName(name or short_name(widget, tooltip))


def explain(button: QAbstractButton, does: str, why_not: str) -> None:
    """*does* while *button* is enabled; *does* and then *why_not* while it is disabled."""
    disabled = not button.isEnabled() and bool(why_not)
    button.setToolTip(f"{does}\n{why_not}" if disabled else does)
    button.setStatusTip(why_not if disabled else "")
    if not button.accessibleName():
        button.setAccessibleName(short_name(button, does))
    button.setAccessibleDescription(why_not if disabled else "")


def set_waiting(button: QAbstractButton, waiting: bool, why: str = "") -> None:
    """*button* disabled while what it sent is on its way (its tooltip says so), enabled
    again once it is recorded or refused."""
    button.setEnabled(not waiting)
    does = button.toolTip().splitlines()[0] if button.toolTip() else ""
    explain(
        button,
        does,
        why or QCoreApplication.translate("Describe", "Waiting until the last one is recorded."),
    )
