"""Windows sized to the screen they open on: a laptop's 1366×768 included.

A window asks for the size it would like; it gets at most the screen's available area
(the desktop less its panels) less room for the window frame, so its title bar and
status bar stay on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# Room the window manager's frame takes around a window (title bar and borders).
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def available_area(widget: QWidget) -> QRect:
    """The available geometry of the screen *widget* is on (or of the primary screen)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fitted_size(preferred: QSize, area: QRect) -> QSize:
    """*preferred*, made no larger than *area* less the window frame."""
    return QSize(
        min(preferred.width(), area.width() - FRAME_WIDTH),
        min(preferred.height(), area.height() - FRAME_HEIGHT),
    )


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Resize *window* to *preferred* or to what its screen has room for, and keep it
    on that screen."""
    area = available_area(window)
    size = fitted_size(preferred, area)
    window.resize(size)
    if window.isWindow() and not area.contains(window.frameGeometry()):
        window.move(
            area.x() + max(0, (area.width() - size.width() - FRAME_WIDTH) // 2),
            area.y() + max(0, (area.height() - size.height() - FRAME_HEIGHT) // 2),
        )


def scrolling(panel: QWidget, parent: QWidget) -> QScrollArea:
    """*panel* in a frameless scroll area: a tall form scrolls on a short screen instead of
    making its window taller than the screen."""
    from PySide6.QtCore import Qt  # (their enums: ~30 ms, not on the first paint's path)
    from PySide6.QtWidgets import QStyle

    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    bar = area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    area.setMinimumWidth(panel.minimumSizeHint().width() + bar)
    return area
