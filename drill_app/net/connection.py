"""One client's connection at the host, and the host's options."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from websockets.asyncio.server import ServerConnection
from websockets.exceptions import ConnectionClosed

from drill_app.net.protocol import (
    PROTOCOL_VERSION,
    Hello,
    Message,
    ProtocolError,
    encode,
    parse_client,
)
from drill_app.net.room import RateLimiter, Seat
from drill_app.net.visibility import Viewer
from drill_app.store.ownership import DEFAULT_LEASE

HELLO_TIMEOUT = 10.0
MAX_GROUP = 1000
MIN_GROUP = 50
"""Submissions committed in one transaction: at most, and at least when that many wait
(below that, the fixed cost of a transaction would dominate); see group_seconds."""
MAX_ERRORS = 50
"""Invalid frames tolerated on one connection before it is closed."""
WRITE_BATCH = 256
"""Frames framed and written to one socket together at most."""
MAX_BACKLOG = 10_000
"""Unsent frames queued for one connection before it is dropped as too slow."""


@dataclass(eq=False)
class Connection:
    ws: ServerConnection
    limiter: RateLimiter
    seat: Seat | None = None
    viewer: Viewer | None = None
    seq: int = 0
    errors: int = 0
    out: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)

    def send(self, message: Message) -> None:
        self.send_frame(encode(message))

    async def write(self) -> None:
        """Send the queued frames until None; whatever is queued goes out in one write.

        Under a burst a seat has several acks and events waiting: framing them together
        and writing them to the socket once (``send_context``, what ``send`` does for one
        message) costs one system call and one wake-up of the reader instead of each."""
        ws = self.ws
        while True:
            batch = [await self.out.get()]
            while batch[-1] is not None and not self.out.empty() and len(batch) < WRITE_BATCH:
                batch.append(self.out.get_nowait())
            texts = [frame for frame in batch if frame is not None]
            try:
                if texts:
                    async with ws.send_context():
                        for text in texts:
                            ws.protocol.send_text(text.encode())
            except ConnectionClosed:
                return
            if batch[-1] is None:
                break
        await ws.close()

    def send_frame(self, frame: str) -> None:
        """An encoded message (fanout.py encodes an event once for many connections)."""
        if self.out.qsize() > MAX_BACKLOG:
            self.out.put_nowait(None)  # the writer closes the connection
            return
        self.out.put_nowait(frame)


@dataclass(frozen=True)
class HostOptions:
    host: str = "127.0.0.1"
    port: int = 0
    code: str | None = None
    lease: float = DEFAULT_LEASE
    tick_seconds: float = 0.05
    group_seconds: float = 0.03
    """A group of submissions is cut to what the host commits in about this long (from
    the cost it measured per submission), so an ack, or an inject released meanwhile,
    waits for at most one such group (each group costs one fsync: far smaller groups
    would lower the throughput, far bigger ones keep everyone behind them waiting)."""
    rate: float = 100.0
    """Messages a second one connection may send on average …"""
    burst: float = 400.0
    """… and in one burst."""
    start_when_joined: tuple[str, ...] | None = None
    """Start the clock once these seats have all joined (None: the controller starts it)."""
    end_at_duration: bool = True
    run_msel: bool = True
    """The host releases the scripted injects when due and ends at the duration (headless);
    False: the controller at the hosting console does (``end_at_duration`` then unused)."""
    speed: float = 1.0
    """Clock speed set when the service starts the exercise."""
    announce: bool = False
    """Announce the exercise by mDNS/DNS-SD (discovery.py) …"""
    announce_interfaces: tuple[str, ...] | None = None
    """… on these interfaces (None: all)."""
    announce_ip: str = "127.0.0.1"
    """The address announced (the one seats should connect to)."""


async def read_hello(conn: Connection) -> Hello | tuple[str, dict[str, Any]]:
    """The client's first frame: a hello of this protocol version, or why not (a code
    and its parameters, for the ``bye``)."""
    try:
        frame = await asyncio.wait_for(conn.ws.recv(), HELLO_TIMEOUT)
        message = parse_client(frame)
    except TimeoutError:
        return "hello_timeout", {}
    except ProtocolError as exc:
        return exc.code, dict(exc.params)
    if not isinstance(message, Hello):
        return "hello_expected", {}
    if message.protocol != PROTOCOL_VERSION:
        return "protocol_version", {"host": PROTOCOL_VERSION, "client": message.protocol}
    return message
