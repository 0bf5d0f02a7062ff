"""The status board on its own, large: for a projector or a second screen.

A second view of the same session's board (its own model, the same score), in a window of
its own with the scenario clock above it. It follows the exercise view's refresh timer, so
it shows what the controller's screen shows, and it belongs to that view: it closes when
the exercise is closed.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from drill_app.ui.exercise.status_board import StatusBoardPanel
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.screen_fit import FRAME_HEIGHT, available_area, fit_to_screen
from drill_app.wording.clock import format_clock

# The board's text relative to the interface's: readable from the back of a room.
BOARD_SCALE = 1.6


class StatusBoardWindow(QWidget):
    """The status board alone, large, in its own window (F11 or Esc: full screen or not)."""

    def __init__(self, session: ExerciseSession, timer: QTimer, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("status_board_window")
        self.session = session
        title = session.loaded.title or session.scenario.title
        self.setWindowTitle(self.tr("Status board — {title}").format(title=title))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * BOARD_SCALE)
        self.setFont(font)  # before the board is built: its rows size from this font
        self.title_label = QLabel(title, self)
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("board_clock")
        self.clock_label.setAccessibleName(self.tr("Scenario time"))
        big = QFont(font)
        big.setBold(True)
        big.setPointSizeF(font.pointSizeF() * 1.4)
        self.title_label.setFont(big)
        self.clock_label.setFont(big)
        self.board = StatusBoardPanel(session, self)
        heading = QHBoxLayout()
        heading.addWidget(self.title_label, 1)
        heading.addWidget(self.clock_label)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.board, 1)
        QShortcut(QKeySequence("F11"), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)
        timer.timeout.connect(self.refresh)
        self.refresh()
        self._fit_board_to_screen(font)
        fit_to_screen(self, QSize(1280, 800))

    def _fit_board_to_screen(self, font: QFont) -> None:
        """Every unit's row on screen: a board taller than the screen's available height
        (a laptop showing it as a window) is built again at the size that fits."""
        room = available_area(self).height() - FRAME_HEIGHT
        needed = self.minimumSizeHint().height()
        if needed <= room:
            return
        smaller = QFont(font)
        smaller.setPointSizeF(
            max(font.pointSizeF() * room / needed * 0.95, self.font().pointSizeF() / BOARD_SCALE)
        )
        layout = self.layout()
        assert layout is not None
        old = self.board
        self.setFont(smaller)
        self.board = StatusBoardPanel(self.session, self)
        layout.replaceWidget(old, self.board)
        old.hide()
        old.setParent(None)
        old.deleteLater()
        self.board.refresh()

    def refresh(self) -> None:
        self.clock_label.setText(format_clock(self.session.now()))
        self.board.refresh()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def show_on_other_screen(self, beside: QWidget) -> None:
        """Full screen on a screen other than *beside*'s when there is one (the
        projector), else as a window on the same screen."""
        others = [s for s in QGuiApplication.screens() if s is not beside.screen()]
        if others:
            self.setScreen(others[0])
            self.setGeometry(others[0].availableGeometry())
            self.showFullScreen()
        else:
            self.show()
        self.raise_()
