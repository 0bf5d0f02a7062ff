"""The clock bar of the running exercise: scenario time, state, speed and the clock controls.

The time shown is read from the core clock (``session.now()``) whenever the view's one
refresh timer calls ``refresh``; nothing here counts ticks. Every button sends a control
command through ``session.submit``; the display changes only when the recorded event
comes back (``session.event_added``).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.clock import CONTROL_KINDS, ClockState
from drill_app.core.events import Event
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.describe import explain
from drill_app.ui.shared.dialogs import confirm
from drill_app.wording.clock import format_clock, format_speed
from drill_app.wording.palette import ERROR_COLOUR

SPEEDS: tuple[float, ...] = (1.0, 2.0, 5.0, 10.0)
# A jump needs a target comfortably ahead of the clock, or the clock passes it before the
# command is recorded and the core refuses a jump backwards.
MIN_JUMP_SECONDS = 2.0


def clock_state_names() -> dict[ClockState, str]:
    return {
        "not_started": QCoreApplication.translate("ClockBar", "Not started"),
        "running": QCoreApplication.translate("ClockBar", "Running"),
        "paused": QCoreApplication.translate("ClockBar", "Paused"),
        "ended": QCoreApplication.translate("ClockBar", "Ended"),
    }


STATE_COLOURS: dict[ClockState, str] = {
    "not_started": "#5f6368",
    "running": "#1b7d3a",
    "paused": "#b26a00",
    "ended": ERROR_COLOUR,
}


class ClockBarWidget(QWidget):
    """Large scenario time, state and speed; start, pause, resume, speed, jump, end.

    ``next_inject_time`` returns the scenario second the jump button goes to (the view
    passes the MSEL's, which knows about delayed injects); by default the next release
    time of the pending injects.
    """

    command_sent = Signal(str, str)  # command id, kind

    def __init__(
        self,
        session: ExerciseSession,
        parent: QWidget | None = None,
        next_inject_time: Callable[[], float | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        if next_inject_time is None:

            def next_inject_time() -> float | None:
                return session.mirror.upcoming_release_time({})

        self._next_inject_time = next_inject_time
        self._in_flight: dict[str, str] = {}  # command id -> kind
        self._start_command: str | None = None
        self._jump_target: float | None = None
        self._shown: tuple[object, ...] = ()

        self.time_label = QLabel("00:00:00", self)
        self.time_label.setObjectName("scenario_time")
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        big.setStyleHint(QFont.StyleHint.Monospace)
        big.setFeature(QFont.Tag("tnum"), 1)  # digits of one width: the time does not wobble
        self.time_label.setFont(big)
        self.time_label.setToolTip(self.tr("Scenario time (hours:minutes:seconds)"))
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.time_label.setMinimumWidth(
            self.time_label.fontMetrics().horizontalAdvance("00:00:00 ")
        )

        self.state_label = QLabel(self)
        self.state_label.setObjectName("clock_state")
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.state_label.setFont(bold)
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("clock_speed")
        status = QVBoxLayout()
        status.setSpacing(0)
        status.addWidget(self.state_label)
        status.addWidget(self.speed_label)

        self.start_button = self._button(self.tr("Start"), "F5", self._start)
        self.start_button.setObjectName("start")
        self.start_button.setAccessibleName(self.tr("Start"))
        self.pause_button = self._button(self.tr("Pause"), None, self._pause)
        self.pause_button.setAccessibleName(self.tr("Pause"))
        self.resume_button = self._button(self.tr("Resume"), None, self._resume)
        self.resume_button.setAccessibleName(self.tr("Resume"))

        speed_title = QLabel(self.tr("Speed:"), self)
        self.speed_group = QButtonGroup(self)
        self.speed_group.setExclusive(False)  # the check marks follow the recorded speed
        self.speed_buttons: dict[float, QToolButton] = {}
        speed_row = QHBoxLayout()
        speed_row.setSpacing(2)
        speed_row.addWidget(speed_title)
        for number, speed in enumerate(SPEEDS):
            button = QToolButton(self)
            button.setText(format_speed(speed))
            button.setCheckable(True)
            button.setObjectName(f"speed_{speed:g}")
            key = f"Ctrl+{(number + 1) % 10}"
            button.setAccessibleName(self.tr("Speed {speed}").format(speed=format_speed(speed)))
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("10×") + 16)
            button.clicked.connect(partial(self._set_speed, speed))
            self._shortcut(key, partial(self._set_speed, speed))
            self.speed_group.addButton(button)
            self.speed_buttons[speed] = button
            speed_row.addWidget(button)

        self.jump_button = self._button(self.tr("Jump to next inject"), "Ctrl+J", self._jump)
        self.jump_button.setObjectName("jump")
        self.jump_button.setAccessibleName(self.tr("Jump to next inject"))
        self.end_button = self._button(self.tr("End exercise"), "Ctrl+E", self._end)
        self.end_button.setObjectName("end")
        self.end_button.setAccessibleName(self.tr("End exercise"))
        self.end_button.setStyleSheet(
            f"QPushButton:enabled {{ color: {ERROR_COLOUR}; font-weight: bold; }}"
        )
        self._shortcut("Pause", self._toggle_pause)
        self.add_space_area(self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(10)
        layout.addWidget(self.time_label)
        layout.addLayout(status)
        layout.addSpacing(8)
        layout.addWidget(self.start_button)
        layout.addWidget(self.pause_button)
        layout.addWidget(self.resume_button)
        layout.addWidget(_separator(self))
        layout.addLayout(speed_row)
        layout.addWidget(_separator(self))
        layout.addWidget(self.jump_button)
        layout.addStretch(1)
        layout.addWidget(self.end_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        session.event_added.connect(self._event_added)
        session.command_refused.connect(self._refused)
        self.refresh()

    def _button(self, text: str, key: str | None, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        if key is not None:
            self._shortcut(key, slot)
            button.setToolTip(f"{text} ({key})")
        return button

    def _shortcut(self, key: str, slot: Callable[[], None]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def add_space_area(self, area: QWidget) -> None:
        """Space pauses and resumes while the focus is in *area*.

        Not window-wide: in the forms of the "act as unit" and evaluator panels Space must
        keep ticking check boxes and pressing buttons."""
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), area)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._toggle_pause)

    # --- display ----------------------------------------------------------------------

    @property
    def state(self) -> ClockState:
        return self.session.mirror.clock().state

    @property
    def jump_target(self) -> float | None:
        """Where the jump button would take the clock, as last shown."""
        return self._jump_target

    def refresh(self) -> None:
        """Show the core clock now. Called by the view's refresh timer and after events."""
        reading = self.session.mirror.clock()
        now = self.session.now()
        state = reading.state
        idle = not self._in_flight
        target = self._next_inject_time() if state in ("running", "paused") else None
        if target is not None and target < now + MIN_JUMP_SECONDS:
            target = None
        self._jump_target = target
        shown = (format_clock(now), state, reading.speed, idle, target)
        if shown == self._shown:
            return
        self._shown = shown
        self.time_label.setText(format_clock(now))
        self.state_label.setText(clock_state_names()[state])
        self.state_label.setStyleSheet(f"color: {STATE_COLOURS[state]};")
        self.speed_label.setText(self.tr("Speed {speed}").format(speed=format_speed(reading.speed)))
        live = state in ("running", "paused")
        self.start_button.setEnabled(idle and state == "not_started")
        self.pause_button.setEnabled(idle and state == "running")
        self.resume_button.setEnabled(idle and state == "paused")
        for speed, button in self.speed_buttons.items():
            button.setEnabled(idle and live)
            button.setChecked(math.isclose(speed, reading.speed))
        self.jump_button.setEnabled(idle and target is not None)
        if target is not None:
            self.jump_button.setText(
                self.tr("Jump to next inject ({time})").format(time=format_clock(target))
            )
        else:
            self.jump_button.setText(self.tr("Jump to next inject"))
        self.end_button.setEnabled(idle and live)
        self._explain_buttons(idle, state, target is not None)

    def _explain_buttons(self, idle: bool, state: str, inject_waiting: bool) -> None:
        """Each button's tooltip says what it does and, while it is disabled, why now."""
        why_not = {
            "not_started": self.tr("The exercise has not started yet."),
            "ended": self.tr("The exercise has ended."),
        }.get(state, "")
        if not idle:
            why_not = self.tr("Waiting until the last clock command is recorded.")
        started = self.tr("The exercise has already started.")
        texts: dict[QAbstractButton, tuple[str, str]] = {
            self.start_button: (self.tr("Start the exercise clock (F5)"), why_not or started),
            self.pause_button: (
                self.tr("Pause the exercise clock (Space, Pause)"),
                why_not or self.tr("The clock is already paused."),
            ),
            self.resume_button: (
                self.tr("Resume the exercise clock (Space, Pause)"),
                why_not or self.tr("The clock is running."),
            ),
            self.jump_button: (
                self.tr("Move the scenario clock forward to the next inject's time (Ctrl+J)"),
                why_not or ("" if inject_waiting else self.tr("No inject is waiting.")),
            ),
            self.end_button: (
                self.tr(
                    "End the exercise: no more injects or unit actions, only evaluation (Ctrl+E)"
                ),
                why_not,
            ),
        }
        for number, (speed, speed_button) in enumerate(self.speed_buttons.items()):
            texts[speed_button] = (
                self.tr("Run the scenario clock {speed} as fast as real time ({key})").format(
                    speed=format_speed(speed), key=f"Ctrl+{(number + 1) % 10}"
                ),
                why_not,
            )
        for button, (does, reason) in texts.items():
            explain(button, does, reason)

    # --- commands -----------------------------------------------------------------------

    def _send(self, kind: str, payload: dict[str, object] | None = None) -> str | None:
        command_id = self.session.send(kind, payload or {}, actor="controller")
        if command_id is None:  # refused by the dry run: the view's notice says why
            return None
        self._in_flight[command_id] = kind
        self.command_sent.emit(command_id, kind)
        self.refresh()
        return command_id

    def _start(self) -> None:
        if self.start_button.isEnabled():
            self._start_command = self._send("exercise_started")

    def _pause(self) -> None:
        if self.pause_button.isEnabled():
            self._send("exercise_paused")

    def _resume(self) -> None:
        if self.resume_button.isEnabled():
            self._send("exercise_resumed")

    def _toggle_pause(self) -> None:
        if self.pause_button.isEnabled():
            self._pause()
        elif self.resume_button.isEnabled():
            self._resume()

    def _set_speed(self, speed: float, *_checked: object) -> None:
        button = self.speed_buttons.get(speed)
        reading = self.session.mirror.clock()
        if button is None or not button.isEnabled() or math.isclose(speed, reading.speed):
            self.refresh()  # a click on the checked speed must not uncheck it
            return
        self._send("speed_changed", {"speed": speed})

    def _jump(self) -> None:
        self.refresh()
        if self.jump_button.isEnabled() and self._jump_target is not None:
            self._send("clock_jumped", {"to_seconds": self._jump_target})

    def _end(self) -> None:
        if not self.end_button.isEnabled():
            return
        if type(self).confirm_end(self):
            self._send("exercise_ended")

    @classmethod
    def confirm_end(cls, parent: QWidget) -> bool:
        """Ask before ending (the modal seam: tests replace this classmethod)."""
        return confirm(
            parent,
            QCoreApplication.translate("ClockBar", "End the exercise?"),
            QCoreApplication.translate(
                "ClockBar",
                "End the exercise now? The clock stops for good; injects can no longer be "
                "released and units can no longer act. Evaluator notes and ratings can still "
                "be added.",
            ),
            yes=QCoreApplication.translate("ClockBar", "End exercise"),
            no=QCoreApplication.translate("ClockBar", "Continue the exercise"),
        )

    # --- results ------------------------------------------------------------------------

    def _event_added(self, event: Event) -> None:
        mine = self._in_flight.pop(event.id, None) is not None
        if mine and event.id == self._start_command:
            self._start_command = None
            self._apply_option_speed()
        if mine or event.kind in CONTROL_KINDS:
            self.refresh()

    def _apply_option_speed(self) -> None:
        """The exercise's clock-speed option takes effect right after the recorded start."""
        try:
            wanted = float(self.session.loaded.options.get("clock_speed", 1) or 1)
        except (TypeError, ValueError):
            return
        if wanted > 0 and not math.isclose(wanted, self.session.mirror.clock().speed):
            self._send("speed_changed", {"speed": wanted})

    def _refused(self, command_id: str, _kind: str, _reason: object) -> None:
        if self._in_flight.pop(command_id, None) is not None:
            if command_id == self._start_command:
                self._start_command = None
            self.refresh()


def _separator(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
