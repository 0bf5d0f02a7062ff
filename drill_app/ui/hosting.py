"""The console's exercise in the room: hosting it on the network, or watching another's.

``RoomWorker`` lives in the archive thread beside ``ArchiveWorker``. ``start_hosting``
serves the open exercise with a ``HostService`` on its own thread (``HostThread``), in
this process: the host takes the exercise's claim and becomes its one writer. From then
on the archive worker hands every console command to the host (``HostThread.send``), and
every event the host commits (the console's own and the seats') comes back as the
worker's ``event_recorded`` (a refusal as ``command_refused``), so the windows follow the
host exactly as they follow the archive. ``stop_hosting`` tells the seats, and the
console claims the exercise again and writes it itself.

``watch_exercise`` opens an exercise that a live process runs, read-only: the worker
refuses every command (``exercise_watched``) and ``poll_watched`` reads what the owner
recorded since the last look.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from drill_app.core.commands import Outcome, Refused
from drill_app.core.events import Event
from drill_app.core.refusals import Refusal, refusal

if TYPE_CHECKING:
    from drill_app.net.connection import HostOptions
    from drill_app.net.host_thread import HostThread
    from drill_app.net.room import Seat
    from drill_app.store.ownership import OwnerInfo
    from drill_app.ui.session import ArchiveWorker


@dataclass(frozen=True)
class HostedExercise:
    """An exercise this console serves to the room (handed from the archive thread)."""

    exercise_id: str
    thread: HostThread
    port: int

    @property
    def code(self) -> str:
        return self.thread.call(lambda: self.thread.service.room.code)

    def seats(self) -> list[Seat]:
        """A copy of the room's seats now (read on the host's thread)."""
        service = self.thread.service
        return self.thread.call(lambda: [replace(seat) for seat in service.seats()])

    def rotate_code(self) -> str:
        """A new join code; every seat's token expires (they must join again)."""
        service = self.thread.service
        return self.thread.call(service.rotate_code)

    def move_seat(self, key: str, unit: str) -> bool:
        """Move the seat's person to *unit*'s free seat (the workstation is told)."""
        service = self.thread.service
        return self.thread.call(lambda: service.move_seat(key, unit))

    def free_seat(self, key: str) -> None:
        """Disconnect the seat and expire its token; someone else may take it."""
        service = self.thread.service
        self.thread.call(lambda: service.free_seat(key))


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback (where seats can reach it)."""
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    found: list[str] = []
    for address in QNetworkInterface.allAddresses():
        if address.protocol() != QAbstractSocket.NetworkLayerProtocol.IPv4Protocol:
            continue
        if address.isLoopback() or address.isLinkLocal():
            continue
        text = address.toString()
        if text not in found:
            found.append(text)
    return found


class RoomWorker(QObject):
    """Hosting and watching, in the archive thread, on the archive worker's store."""

    hosting_started = Signal(object)  # HostedExercise
    hosting_stopped = Signal(str)  # exercise id (the console writes it itself again)
    hosting_refused = Signal(object)  # Refusal (hosting_failed)
    seats_changed = Signal()  # a seat joined, left or was freed (emitted on the host's thread)

    def __init__(self, worker: ArchiveWorker) -> None:
        super().__init__()
        self.worker = worker

    @Slot(object)
    def start_hosting(self, options: HostOptions) -> None:
        """Serve the console's open exercise to the room (the host becomes its writer)."""
        w = self.worker
        ex = w._exercise
        if w.hosted is not None or ex is None or w._claim is None:
            return
        assert w._store is not None and w._rules is not None
        hosted = self._serve(ex.exercise_id, options)
        if isinstance(hosted, Refusal) and options.port:  # the usual port is taken: any other
            hosted = self._serve(ex.exercise_id, replace(options, port=0))
        if isinstance(hosted, Refusal):
            w.reclaim(ex.exercise_id)
            self.hosting_refused.emit(hosted)
            return
        w.hosted, w._exercise = hosted, None
        w._claim.abandon()  # the host holds the claim now: its row, its heartbeat
        self.hosting_started.emit(hosted)

    def _serve(self, exercise_id: str, options: HostOptions) -> HostedExercise | Refusal:
        from drill_app.net.host import HostService
        from drill_app.net.host_thread import HostThread
        from drill_app.store.database import StoreError

        w = self.worker
        assert w._store is not None and w._rules is not None
        try:
            service = HostService(
                w._store,
                exercise_id,
                w._rules,
                options,
                on_change=self.seats_changed.emit,
                on_events=self._committed,
                record_restart=False,
            )
        except StoreError as exc:
            return refusal("hosting_failed", error=str(exc))
        service.subscribe(self._outcome)
        thread = HostThread(service)
        try:
            address = thread.start()
        except Exception as exc:  # the port is taken, the address is not this machine's …
            thread.abandon()
            error = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            return refusal("hosting_failed", error=error)
        return HostedExercise(exercise_id, thread, int(address.rsplit(":", 1)[1]))

    def _committed(self, events: Sequence[Event]) -> None:
        """(host's thread) Committed events, in log order, to the windows."""
        for event in events:
            self.worker.event_recorded.emit(event)

    def _outcome(self, outcome: Outcome) -> None:
        """(host's thread) A console command refused by the host (recorded ones are events)."""
        if isinstance(outcome, Refused):
            self.worker.command_refused.emit(outcome.command.command_id, outcome.refusal)

    @Slot()
    def stop_hosting(self) -> None:
        """Stop serving (seats are told); the console claims it and writes it again."""
        w = self.worker
        exercise_id = w.take_back()
        if exercise_id is None:
            return
        if w.reclaim(exercise_id) and w._store is not None:
            head = w._store.exercise(exercise_id).summary.head_hash
            w.chain_advanced.emit(exercise_id, head)
        self.hosting_stopped.emit(exercise_id)

    # --- watching an exercise another process runs ------------------------------------------

    @Slot(str)
    def watch_exercise(self, exercise_id: str) -> None:
        """Open it read-only; every command is refused (``exercise_watched``)."""
        opened = self.worker.watch(exercise_id)
        if opened is not None:
            self.worker.exercise_opened(*opened)

    @Slot()
    def poll_watched(self) -> None:
        """Emit the events the owner recorded since the last look."""
        from drill_app.store.database import StoreError

        w = self.worker
        if w.watching is None or w._store is None:
            return
        exercise_id, seen = w.watching
        try:
            if w._store.exercise(exercise_id).summary.event_count == seen:
                return
            new = w._store.events(exercise_id)[seen:]
        except StoreError:
            return
        w.watching = (exercise_id, seen + len(new))
        for event in new:
            w.event_recorded.emit(event)


def owner_text(owner: OwnerInfo) -> str:
    """Who runs an exercise, in words: the role, the computer and where to join it."""
    roles = {
        "console": QCoreApplication.translate("Hosting", "the controller's console"),
        "host": QCoreApplication.translate("Hosting", "a host"),
    }
    machine = owner.machine.split("/", 1)[0]  # the host name, without the machine id
    role = roles.get(owner.role, owner.role)
    if owner.address:
        return QCoreApplication.translate(
            "Hosting", "{role} on the computer {machine} (address {address})"
        ).format(role=role, machine=machine, address=owner.address)
    return QCoreApplication.translate("Hosting", "{role} on the computer {machine}").format(
        role=role, machine=machine
    )
