"""The host panel: the running exercise opened to the training room's network.

在局域网开放 starts a host for the exercise in this process (``ui/hosting.py``): the
panel then shows where the workstations join (this machine's LAN addresses and the
port), the join code in large letters, and the seats: the unit in the plan's words, the
person, whether the workstation is connected, when it was last heard from and its round
trip. The controller can rotate the code (every workstation must join again), free a
seat, and stop hosting (the seats are told; the console writes the exercise itself again).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.refusals import Refusal
from drill_app.ui.hosting import HostedExercise, lan_addresses
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.describe import describe
from drill_app.ui.shared.dialogs import confirm
from drill_app.ui.shared.table_model import RowsModel, TableRow, make_table, selected_key
from drill_app.wording import PlanWords, refusal_text
from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR, OK_COLOUR

if TYPE_CHECKING:  # the network (websockets, the store) is imported when hosting starts
    from drill_app.net.room import Seat

SEATS_REFRESH_MS = 1000


def seat_row(seat: Seat, words: PlanWords, now: float) -> TableRow:
    """One line of the seats table: unit, person, connection, last seen, round trip."""
    unit = (
        words.short_party(seat.unit)
        if seat.unit
        else QCoreApplication.translate("HostPanel", "Observer / evaluator")
    )
    if seat.connected:
        state, colour = QCoreApplication.translate("HostPanel", "connected"), OK_COLOUR
    elif seat.token is not None:
        state, colour = (
            QCoreApplication.translate("HostPanel", "offline (may reconnect)"),
            ERROR_COLOUR,
        )
    else:
        state, colour = QCoreApplication.translate("HostPanel", "not joined"), HINT_COLOUR
    seen = (
        QCoreApplication.translate("HostPanel", "{seconds} s ago").format(
            seconds=max(0, round(now - seat.last_seen))
        )
        if seat.last_seen
        else "—"
    )
    rtt = (
        QCoreApplication.translate("HostPanel", "{ms} ms").format(ms=f"{seat.rtt * 1000:.1f}")
        if seat.rtt is not None
        else "—"
    )
    full = words.party(seat.unit) if seat.unit else unit
    return TableRow((unit, seat.name or "—", state, seen, rtt), seat.key, {2: colour}, full)


class HostPanel(QWidget):
    """Host the open exercise on the room's network and watch who has joined."""

    _start_hosting = Signal(object)  # HostOptions (to the archive thread's RoomWorker)
    _stop_hosting = Signal()

    def __init__(
        self,
        session: ExerciseSession,
        parent: QWidget | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.hosted: HostedExercise | None = None
        self._stopping = False
        self.bind = "0.0.0.0"
        """Where to listen (all of this machine's addresses); tests use loopback …"""
        self.port: int | None = None
        """… and any free port (0); None: the usual port, or any if it is taken …"""
        self.announce = True
        """… and no mDNS announcement (DNS-SD, for 加入演练's list of hosts)."""
        self._wall = wall_clock
        self._words = PlanWords(session.plan, scenario=session.scenario)
        self._build()
        room = session.archive.room
        self._start_hosting.connect(room.start_hosting)
        self._stop_hosting.connect(room.stop_hosting)
        room.hosting_started.connect(self._hosting_started)
        room.hosting_stopped.connect(self._hosting_stopped)
        room.hosting_refused.connect(self._hosting_refused)
        room.seats_changed.connect(self.refresh_seats)
        self.timer = QTimer(self)
        self.timer.setInterval(SEATS_REFRESH_MS)
        self.timer.timeout.connect(self.refresh_seats)
        self._show_state()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.intro = QLabel(
            self.tr(
                "Open this exercise to the training room's network: each unit's workstation "
                "joins it as a seat (加入演练) with the address and the join code below, and "
                "files its own reports against the clock."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Host on the network"), self)
        self.open_button.setObjectName("host_open")
        describe(
            self.open_button,
            self.tr("Listen on this computer's network: workstations join with the code"),
        )
        self.open_button.clicked.connect(self.start_hosting)
        self.address_label = QLabel(self)
        self.address_label.setObjectName("host_addresses")
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label = QLabel(self)
        self.code_label.setObjectName("host_code")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 4)
        self.code_label.setFont(font)
        self.copy_button = QPushButton(self.tr("Copy"), self)
        describe(self.copy_button, self.tr("Copy the address and the join code"))
        self.copy_button.clicked.connect(self.copy_join_details)
        self.model = RowsModel(
            [
                self.tr("Unit"),
                self.tr("Person"),
                self.tr("Connection"),
                self.tr("Last seen"),
                self.tr("Round trip"),
            ],
            self,
        )
        self.table = make_table(self.model, self, stretch=0)
        self.table.setObjectName("host_seats")
        describe(
            self.table,
            self.tr("The seats: unit, person, connected or not, last seen, round trip"),
            self.tr("Seats"),
        )
        self.rotate_button = self._button(self.tr("New join code…"), self.rotate_code)
        describe(
            self.rotate_button, self.tr("A new code; every workstation must join again with it")
        )
        self.free_button = self._button(self.tr("Free seat…"), self.free_seat)
        describe(
            self.free_button,
            self.tr("Disconnect the selected seat; another person may take it with the code"),
        )
        self.move_button = self._button(self.tr("Move seat…"), self.move_seat)
        describe(
            self.move_button, self.tr("Give the selected seat's person another unit's free seat")
        )
        self.stop_button = self._button(self.tr("Stop hosting…"), self.stop_hosting)
        describe(
            self.stop_button,
            self.tr("Disconnect every workstation; this computer runs the exercise alone again"),
        )
        self.notice = QLabel(self)
        self.notice.setObjectName("host_notice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {ERROR_COLOUR};")
        self._lay_out()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        return button

    def _lay_out(self) -> None:
        code_row = QHBoxLayout()
        code_row.addWidget(QLabel(self.tr("Join code:"), self))
        code_row.addWidget(self.code_label)
        code_row.addWidget(self.copy_button)
        code_row.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.rotate_button, self.free_button, self.move_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.address_label)
        layout.addLayout(code_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)
        self._hosting_widgets: tuple[QWidget, ...] = (
            self.address_label,
            self.code_label,
            self.copy_button,
            self.rotate_button,
            self.free_button,
            self.move_button,
            self.stop_button,
        )

    # --- state ----------------------------------------------------------------------------

    @property
    def hosting(self) -> bool:
        return self.hosted is not None

    def _show_state(self) -> None:
        hosting = self.hosting
        self.open_button.setVisible(not hosting)
        self.open_button.setEnabled(not self.session.mirror.ended)
        for widget in self._hosting_widgets:
            widget.setVisible(hosting)
        if hosting:
            self.timer.start()
        else:
            self.timer.stop()

    def addresses(self) -> list[str]:
        """Where the workstations join: HOST:PORT for each of this machine's addresses."""
        if self.hosted is None:
            return []
        bound = self.bind
        hosts = lan_addresses() if bound in ("0.0.0.0", "") else [bound]
        return [f"{host}:{self.hosted.port}" for host in hosts or ["127.0.0.1"]]

    # --- actions --------------------------------------------------------------------------

    def start_hosting(self) -> None:
        if self.hosting:
            return
        from drill_app.net.connection import HostOptions
        from drill_app.net.discovery import DEFAULT_PORT

        self.notice.clear()
        self.open_button.setEnabled(False)
        reachable = lan_addresses() if self.bind in ("0.0.0.0", "") else [self.bind]
        options = HostOptions(
            host=self.bind,
            port=DEFAULT_PORT if self.port is None else self.port,
            announce=self.announce,
            announce_ip=(reachable or ["127.0.0.1"])[0],
            run_msel=False,  # the controller releases the injects and ends the exercise
            end_at_duration=False,
        )
        self._start_hosting.emit(options)

    def _hosting_started(self, hosted: HostedExercise) -> None:
        if hosted.exercise_id != self.session.exercise_id:
            return
        self.hosted = hosted
        self.address_label.setText(
            self.tr("Address: {addresses}").format(addresses="　".join(self.addresses()))
        )
        self.code_label.setText(hosted.code)
        self._show_state()
        self.refresh_seats()

    def _hosting_stopped(self, exercise_id: str) -> None:
        if exercise_id != self.session.exercise_id:
            return
        self.hosted, self._stopping = None, False
        self.model.set_rows([])
        self._show_state()

    def _hosting_refused(self, reason: Refusal) -> None:
        self.notice.setText(refusal_text(reason, self._words))
        self._show_state()

    def refresh_seats(self) -> None:
        if self.hosted is None or self._stopping:
            return
        try:
            seats = self.hosted.seats()
        except RuntimeError:  # the host's loop has just stopped
            return
        now = self._wall()
        self.model.set_rows([seat_row(seat, self._words, now) for seat in seats])

    def copy_join_details(self) -> None:
        text = self.tr("Address: {addresses}  Join code: {code}").format(
            addresses=" ".join(self.addresses()), code=self.code_label.text()
        )
        QGuiApplication.clipboard().setText(text)

    def rotate_code(self) -> None:
        if self.hosted is None or not confirm(
            self,
            self.tr("New join code"),
            self.tr(
                "Make a new join code? Every workstation is disconnected and must join "
                "again with the new code."
            ),
            yes=self.tr("New code"),
            no=self.tr("Keep the code"),
        ):
            return
        self.code_label.setText(self.hosted.rotate_code())
        self.refresh_seats()

    def free_seat(self) -> None:
        key = selected_key(self.table)
        if self.hosted is None or not isinstance(key, str):
            self.notice.setText(self.tr("Select the seat to free first."))
            return
        row = self.model.row_of(key)
        if not confirm(
            self,
            self.tr("Free seat"),
            self.tr(
                "Free the seat of {unit}? Its workstation is disconnected and must join "
                "again with the code."
            ).format(unit=self.model.cell(row, 0)),
            yes=self.tr("Free the seat"),
            no=self.tr("Cancel"),
        ):
            return
        self.notice.clear()
        self.hosted.free_seat(key)
        self.refresh_seats()

    def move_seat(self) -> None:
        key = selected_key(self.table)
        if self.hosted is None or not isinstance(key, str):
            self.notice.setText(self.tr("Select the seat to move first."))
            return
        seats = {seat.key: seat for seat in self.hosted.seats()}
        free = [
            seat.key
            for seat in seats.values()
            if seat.role == "seat" and seat.key != key and not seat.connected and not seat.token
        ]
        unit = self.choose_seat(
            self.tr("Move {name} from {unit} to:").format(
                name=seats[key].name or "—", unit=self._words.short_party(key)
            ),
            free,
        )
        if unit is None:
            return
        self.notice.clear()
        self.hosted.move_seat(key, unit)
        self.refresh_seats()

    def choose_seat(self, question: str, units: list[str]) -> str | None:
        """Ask which free seat (the modal seam tests replace); None: cancelled."""
        if not units:
            self.notice.setText(self.tr("No seat is free to move to."))
            return None
        names = [self._words.short_party(unit) for unit in units]
        name, ok = QInputDialog.getItem(
            self, self.tr("Move seat"), question, names, 0, editable=False
        )
        return units[names.index(name)] if ok and name in names else None

    def stop_hosting(self, *, ask: bool = True) -> None:
        if self.hosted is None:
            return
        if ask and not confirm(
            self,
            self.tr("Stop hosting"),
            self.tr(
                "Stop hosting this exercise on the network? The workstations are told and "
                "disconnected; this computer goes on running the exercise by itself."
            ),
            yes=self.tr("Stop hosting"),
            no=self.tr("Go on hosting"),
        ):
            return
        self.timer.stop()
        self._stopping = True  # (the seats are read no more)
        self._stop_hosting.emit()
