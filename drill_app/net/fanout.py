"""Committed events out to the room: each event filtered and encoded once, not per seat.

A burst of 2,000 reports in a room of 50 seats is 100,000 (event, connection) pairs;
asking ``view_of`` and encoding an ``EventMessage`` for each is most of the host's
fan-out time. Instead, for each event:

- only the connections that may see it are asked: every observer, and the seats of the
  units in ``seat_audience`` (all seats when it cannot narrow them down); ``view_of``
  still decides for each of those;
- the view is encoded once (a report looks the same to its sender, its recipients and
  the observers; an inject differs per recipient, and is encoded per unit), and each
  connection's frame is that text with its own sequence number spliced in: byte for
  byte what ``encode(EventMessage(seq=…, event=view))`` gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from drill_app.core.events import Event
from drill_app.net.connection import Connection
from drill_app.net.protocol import EventView
from drill_app.net.visibility import Viewer, seat_audience

ViewOf = Callable[[Event, Viewer], EventView | None]


def event_frame(seq: int, view_json: str) -> str:
    """The ``event`` frame of an encoded view (``EventMessage``'s field order)."""
    return f'{{"type":"event","seq":{seq},"event":{view_json}}}'


@dataclass
class Audience:
    """The joined connections, by who they are: observers, and seats by unit."""

    observers: list[Connection] = field(default_factory=list)
    seats: dict[str, list[Connection]] = field(default_factory=dict)

    @classmethod
    def of(cls, conns: Iterable[Connection]) -> Audience:
        audience = cls()
        for conn in conns:
            viewer = conn.viewer
            if viewer is None:
                continue
            if viewer.role == "seat" and viewer.unit is not None:
                audience.seats.setdefault(viewer.unit, []).append(conn)
            else:
                audience.observers.append(conn)
        return audience

    def candidates(self, event: Event) -> Iterator[Connection]:
        """Every connection that might see *event* (a superset; view_of decides)."""
        yield from self.observers
        units = seat_audience(event)
        if units is None:
            for conns in self.seats.values():
                yield from conns
            return
        for unit in units:
            yield from self.seats.get(unit, ())


def frames(event: Event, audience: Audience, view_of: ViewOf) -> Iterator[tuple[Connection, str]]:
    """(connection, frame) for each connection that may see *event*; numbers each one.

    Most events look the same to everyone who may see them: each view is compared with
    the first one encoded and reuses its text when equal (an inject to many units, where
    each view differs, is encoded per unit)."""
    first: tuple[EventView, str] | None = None
    for conn in audience.candidates(event):
        assert conn.viewer is not None
        view = view_of(event, conn.viewer)
        if view is None:
            continue
        if first is not None and view == first[0]:
            text = first[1]
        else:
            text = view.model_dump_json()
            first = first or (view, text)
        conn.seq += 1
        yield conn, event_frame(conn.seq, text)
