"""The trainee window's link to the host: a ``SeatClient`` seen from the GUI thread.

The client runs on its own thread; its callbacks are turned into signals here (queued to
the window's thread). ``SeatLink`` is also the act pages' ``ActionSink``: an action is
put in the client's outbox on disk (``SeatClient.submit``) and the page hears
``recorded`` when the host acknowledges it (committed, with the host's scenario time)
or ``refused`` with the host's refusal code — worded by the one table.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from drill_app.core.events import Actor, Event
from drill_app.core.refusals import Refusal
from drill_app.net.client import SeatClient
from drill_app.net.protocol import Ack, AnyHostMessage, EventView, Refused


def event_of(view: EventView, exercise_id: str) -> Event:
    """An event of the seat's stream as the core's ``Event`` (for state and wording)."""
    actor: Actor = view.actor if view.actor in ("controller", "seat", "evaluator") else "system"  # type: ignore[assignment]
    return Event(
        view.id,
        exercise_id,
        view.kind,
        actor,
        view.unit,
        dict(view.payload),
        view.scenario_time,
        view.wall_time,
    )


def refusal_of(message: Refused) -> Refusal:
    """A refusal from the host (a core code, or a training-room code) as a ``Refusal``."""
    return Refusal(message.code, dict(message.params))  # type: ignore[arg-type]


@dataclass
class _Waiting:
    kind: str
    payload: dict[str, Any]
    unit: str | None
    recorded: Callable[[Event], None] | None
    refused: Callable[[Refusal], None] | None


class SeatLink(QObject):
    """Signals from a running ``SeatClient``, and the pages' way to send through it."""

    message_received = Signal(object)  # AnyHostMessage
    status_changed = Signal(str)  # connecting, online, offline, closed
    submitted = Signal(str, str, object)  # submission id, kind, payload

    def __init__(self, client: SeatClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self._waiting: dict[str, _Waiting] = {}
        client.on_message = self.message_received.emit
        client.on_status = self.status_changed.emit
        self.message_received.connect(self._received)

    @property
    def exercise_id(self) -> str:
        welcome = self.client.welcome
        return welcome.exercise if welcome is not None else ""

    @property
    def queued(self) -> int:
        """Submissions on disk the host has not answered yet."""
        return len(self.client.outbox)

    def send(
        self,
        kind: str,
        payload: Mapping[str, Any],
        *,
        actor: Actor,
        unit: str | None,
        recorded: Callable[[Event], None],
        refused: Callable[[Refusal], None],
    ) -> str | None:
        """ActionSink: into the outbox (on disk), then to the host when online."""
        del actor  # the host decides: a seat acts as "seat" for its own unit only
        sid = self.client.submit(kind, dict(payload))
        self._waiting[sid] = _Waiting(kind, dict(payload), unit, recorded, refused)
        self.submitted.emit(sid, kind, dict(payload))
        return sid

    @Slot(object)
    def _received(self, message: AnyHostMessage) -> None:
        if isinstance(message, Ack):
            waiting = self._waiting.pop(message.id, None)
            if waiting is not None and waiting.recorded is not None:
                event = Event(
                    message.event_id,
                    self.exercise_id,
                    waiting.kind,
                    "seat",
                    waiting.unit,
                    waiting.payload,
                    message.scenario_time,
                    message.host_time,
                )
                waiting.recorded(event)
        elif isinstance(message, Refused) and message.id is not None:
            waiting = self._waiting.pop(message.id, None)
            if waiting is not None and waiting.refused is not None:
                waiting.refused(refusal_of(message))

    def stop(self) -> None:
        self.client.on_message = None
        self.client.on_status = None
        self.client.stop()
