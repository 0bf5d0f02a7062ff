"""One client's connection at the host, and the host's options."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from websockets.asyncio.server import ServerConnection

from drill_app.net.protocol import Message, encode
from drill_app.net.room import RateLimiter, Seat
from drill_app.net.visibility import Viewer
from drill_app.store.ownership import DEFAULT_LEASE

HELLO_TIMEOUT = 10.0
MAX_GROUP = 1000
MAX_ERRORS = 50
"""Invalid frames tolerated on one connection before it is closed."""
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
        if self.out.qsize() > MAX_BACKLOG:
            self.out.put_nowait(None)  # the writer closes the connection
            return
        self.out.put_nowait(encode(message))


@dataclass(frozen=True)
class HostOptions:
    host: str = "127.0.0.1"
    port: int = 0
    code: str | None = None
    lease: float = DEFAULT_LEASE
    tick_seconds: float = 0.05
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
