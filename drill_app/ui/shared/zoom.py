"""Projector mode: the whole interface's text made larger or smaller, remembered.

The zoom scales the application font, which every widget inherits; Ctrl+= and Ctrl+-
step through ``ZOOM_STEPS`` and Ctrl+0 goes back to 100 %. The size at 100 % is the
application font as it was when the first ``InterfaceZoom`` was made (kept on the
application, so a second window does not compound the zoom).

Widgets that enlarge their own font (titles, the clock) do it relative to the font they
inherit when they are made; those already on screen when the zoom changes are scaled by
the same ratio, so a title stays larger than the text around it at every zoom.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from drill_app.ui.shared.settings import ZOOM_STEPS, AppSettings

BASE_SIZE_PROPERTY = "drill_app_base_point_size"
# QFont::SizeResolved: the font's size was set, not inherited (PySide6 does not name the
# ResolveProperties flags).
SIZE_RESOLVED = 0x0002
# Widget classes for which the platform theme sets a font of its own (menus, headers,
# tabs, tooltips…): zoomed along with the application font.
THEMED_CLASSES = (
    "QMenuBar",
    "QMenu",
    "QHeaderView",
    "QTabBar",
    "QToolTip",
    "QMessageBox",
    "QPushButton",
    "QToolButton",
    "QComboBox",
    "QAbstractItemView",
    "QStatusBar",
    "QDockWidget",
    "QGroupBox",
)


class InterfaceZoom(QObject):
    """The zoom of the interface, applied to the application font and to the settings."""

    zoom_changed = Signal(int)  # per cent

    def __init__(self, app: QApplication, settings: AppSettings) -> None:
        super().__init__(app)
        self.app = app
        self.settings = settings
        stored = app.property(BASE_SIZE_PROPERTY)
        if not isinstance(stored, float):
            stored = app.font().pointSizeF()
            app.setProperty(BASE_SIZE_PROPERTY, stored)
        self.base_point_size: float = stored
        self.percent = settings.zoom_percent
        self._apply()

    def zoom_in(self) -> None:
        self.set_percent(next((s for s in ZOOM_STEPS if s > self.percent), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        smaller = [s for s in ZOOM_STEPS if s < self.percent]
        self.set_percent(smaller[-1] if smaller else ZOOM_STEPS[0])

    def reset(self) -> None:
        self.set_percent(100)

    def set_percent(self, percent: int) -> None:
        if percent == self.percent:
            return
        self.percent = percent
        self.settings.zoom_percent = percent
        self._apply()
        self.zoom_changed.emit(percent)

    def point_size(self) -> float:
        return self.base_point_size * self.percent / 100

    def _apply(self) -> None:
        font = QFont(self.app.font())
        previous = font.pointSizeF()
        if previous <= 0 or previous == self.point_size():
            return
        ratio = self.point_size() / previous
        # (PySide6's stubs type the class name as bytes; at run time it takes a str)
        app: Any = self.app
        themed = {name: QFont(app.font(name)) for name in THEMED_CLASSES}
        font.setPointSizeF(self.point_size())
        self.app.setFont(font)
        for class_name, class_font in themed.items():  # read before, as the app font
            class_font.setPointSizeF(class_font.pointSizeF() * ratio)  # changes them
            app.setFont(class_font, class_name)
        _scale_own_fonts(self.app, ratio)


def _scale_own_fonts(app: QApplication, ratio: float) -> None:
    """Scale the fonts that widgets sized themselves (not inherited) by *ratio*."""
    from PySide6.QtCore import Qt  # (its enums: ~25 ms, not before the first paint)

    for widget in app.allWidgets():
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            continue
        own = widget.font()
        if own.pointSizeF() == QApplication.font(widget).pointSizeF():
            continue  # it follows the application (or its class's) font: already zoomed
        if own.resolveMask() & SIZE_RESOLVED and own.pointSizeF() > 0:
            own.setPointSizeF(own.pointSizeF() * ratio)
            widget.setFont(own)
