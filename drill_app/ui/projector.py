"""Projector mode, the View menu's part: zoom, full screen, the status board on its own.

``ProjectorActions`` owns the interface zoom (remembered in the settings) and the actions
that drive it: Ctrl+= / Ctrl++ larger, Ctrl+- smaller, Ctrl+0 back to 100 %, F11 full
screen, Ctrl+Shift+B the large status board in a window of its own (full screen on a
second screen when there is one).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from drill_app.ui.shared.settings import AppSettings
from drill_app.ui.shared.zoom import InterfaceZoom

if TYPE_CHECKING:
    from drill_app.ui.exercise.exercise_view import ExerciseView


class ProjectorActions(QObject):
    """Zoom, full screen and the status board window, for *window*'s View menu."""

    def __init__(
        self,
        window: QMainWindow,
        settings: AppSettings,
        exercise_view: Callable[[], ExerciseView | None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self._exercise_view = exercise_view
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.zoom = InterfaceZoom(app, settings)
        self.zoom.zoom_changed.connect(self._zoom_changed)

        self.zoom_in_action = self._action(self.tr("Zoom &in"), ["Ctrl+=", "Ctrl++"])
        self.zoom_in_action.triggered.connect(self.zoom.zoom_in)
        self.zoom_out_action = self._action(self.tr("Zoom &out"), ["Ctrl+-"])
        self.zoom_out_action.triggered.connect(self.zoom.zoom_out)
        self.zoom_reset_action = self._action(self.tr("&Actual size"), ["Ctrl+0"])
        self.zoom_reset_action.triggered.connect(self.zoom.reset)
        self.full_screen_action = self._action(self.tr("&Full screen"), ["F11"])
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.toggled.connect(self.set_full_screen)
        self.board_action = self._action(self.tr("Status &board window"), ["Ctrl+Shift+B"])
        self.board_action.setToolTip(
            self.tr("The status board alone and large: full screen on a second screen")
        )
        self.board_action.triggered.connect(self.show_board_window)

    def _action(self, text: str, keys: list[str]) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(key) for key in keys])
        # (the window's shortcut: QAction's default context; Qt's enums not looked up here)
        return action

    def add_to(self, menu: QMenu) -> None:
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.full_screen_action)
        menu.addAction(self.board_action)

    def update(self) -> None:
        """The board window can be opened while an exercise is on screen."""
        self.board_action.setEnabled(self._exercise_view() is not None)

    def _zoom_changed(self, percent: int) -> None:
        message = self.tr("Zoom: {percent} %").format(percent=percent)
        self.window.statusBar().showMessage(message, 3_000)

    def set_full_screen(self, on: bool) -> None:
        """F11: the window fills the screen (the projector), or back as it was."""
        if on == self.window.isFullScreen():
            return
        if on:
            self.window.showFullScreen()
        else:
            self.window.showNormal()

    def show_board_window(self) -> None:
        view = self._exercise_view()
        if view is None:
            return
        from drill_app.ui.exercise.board_window import StatusBoardWindow

        board = view.findChild(StatusBoardWindow)  # one per exercise view, closed with it
        if board is None:
            board = StatusBoardWindow(view.session, view.timer, view)
        board.show_on_other_screen(self.window)
