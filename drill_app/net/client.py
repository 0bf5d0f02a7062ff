"""The seat client: joins a host, keeps its outbox, reconnects by itself. No Qt.

``SeatClient`` runs its own asyncio loop on a thread. A window (or the headless
seat) calls ``submit`` from any thread; every message from the host is put on
``messages`` (a ``queue.Queue``) and passed to ``on_message``; connection changes
go to ``on_status`` ("connecting", "online", "offline", "closed"). Callbacks run on
the client's thread: a Qt window forwards them to its own thread with a signal.

A submission is written to the outbox on disk before ``submit`` returns; it is
sent when online, sent again after every reconnect until the host acknowledges it
(``ack``: committed at the host) or refuses it, and recorded once (the host keys
it by its id). After a drop the client resumes with its session token and the
last event it saw; if the host no longer knows the token (restarted) it joins
again with the code. A refusal that cannot be cured by retrying (wrong code,
protocol version, seat freed …) closes the client with that code.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from drill_app.net.outbox import Outbox, Pending
from drill_app.net.protocol import (
    MAX_FRAME_BYTES,
    PROTOCOL_VERSION,
    Ack,
    AnyHostMessage,
    Bye,
    ClockMessage,
    ClockView,
    EventMessage,
    Hello,
    Ping,
    Pong,
    ProtocolError,
    Refused,
    Role,
    Submit,
    Welcome,
    encode,
    parse_host,
)

FATAL = frozenset(
    {
        "wrong_code",
        "code_required",
        "protocol_version",
        "unknown_unit",
        "seat_taken",
        "seat_freed",
        "seat_moved",
        "token_expired",
        "too_many_errors",
        "host_stopped",
    }
)
"""Bye codes after which reconnecting cannot help (the user must act)."""


@dataclass(frozen=True)
class JoinRequest:
    address: str
    """HOST:PORT"""
    code: str
    role: Role = "seat"
    unit: str | None = None
    name: str = ""


class SeatClient:
    def __init__(
        self,
        join: JoinRequest,
        state_dir: Path,
        *,
        on_message: Callable[[AnyHostMessage], None] | None = None,
        on_status: Callable[[str], None] | None = None,
        retry_seconds: tuple[float, float] = (0.1, 2.0),
    ) -> None:
        self.join = join
        self.outbox = Outbox(state_dir)
        self.messages: queue.Queue[AnyHostMessage] = queue.Queue()
        self.on_message = on_message
        self.on_status = on_status
        self.status = "connecting"
        self.closed_code: str | None = None
        self.welcome: Welcome | None = None
        self.last_seq = self.outbox.last_seq
        self.ended = threading.Event()
        self._retry = retry_seconds
        self._token: str | None = self.outbox.token
        self._clock: tuple[ClockView, float] | None = None
        self._loop = asyncio.new_event_loop()
        self._ws: ClientConnection | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._main, name="drill-seat", daemon=True)

    # --- the caller's side (any thread) ------------------------------------------------

    def start(self) -> SeatClient:
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        if self._stop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has already finished
                self._loop.call_soon_threadsafe(self._stop.set)
                self._loop.call_soon_threadsafe(self._close_socket)
        self._thread.join(timeout)
        self.outbox.close()

    def submit(
        self, kind: str, payload: dict[str, Any] | None = None, *, submission_id: str = ""
    ) -> str:
        """Queue an action; on disk before this returns. Returns its submission id.

        Give *submission_id* when the same action may be submitted again (a script
        restarted): the host records one id once."""
        sid = submission_id or uuid.uuid4().hex
        pending = Pending(sid, kind, dict(payload or {}), time.time())
        self.outbox.put(pending)
        with contextlib.suppress(RuntimeError):  # the loop has stopped: sent on next start
            self._loop.call_soon_threadsafe(self._send_pending, pending)
        return pending.id

    def scenario_seconds(self) -> float | None:
        """The host's scenario clock now, estimated from its last reading."""
        if self._clock is None:
            return None
        view, received = self._clock
        if view.state == "not_started":
            return None
        if view.state != "running":
            return view.scenario_seconds
        return view.scenario_seconds + (time.monotonic() - received) * view.speed

    def drop_connection(self) -> None:
        """Close the network connection (as a cable pulled would); the client reconnects."""

        async def close() -> None:
            if self._ws is not None:
                self._ws.transport.abort()

        asyncio.run_coroutine_threadsafe(close(), self._loop)

    # --- the client's thread ----------------------------------------------------------------

    def _close_socket(self) -> None:
        """Stopping: close the connection now (not when the host next sends something)."""
        if self._ws is not None:
            self._loop.create_task(self._ws.close())

    def _main(self) -> None:
        self._loop.run_until_complete(self._run())

    async def _run(self) -> None:
        self._stop = asyncio.Event()
        delay = self._retry[0]
        while not self._stop.is_set() and self.closed_code is None and not self.ended.is_set():
            self._set_status("connecting")
            try:
                await self._session()
                delay = self._retry[0]
            except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError, ProtocolError):
                pass
            self._ws = None
            if self.closed_code is not None or self.ended.is_set():
                break
            self._set_status("offline")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), delay)
            delay = min(self._retry[1], delay * 2)
        self._set_status("closed")

    async def _session(self) -> None:
        url = f"ws://{self.join.address}"
        async with connect(
            url, max_size=MAX_FRAME_BYTES, compression=None, open_timeout=5, ping_interval=2
        ) as ws:
            self._ws = ws
            await ws.send(encode(self._hello()))
            stopper = asyncio.ensure_future(self._stop.wait()) if self._stop else None
            try:
                async for frame in ws:
                    self._receive(parse_host(frame))
                    if self.closed_code is not None or self.ended.is_set():
                        await self._settle()
                        return
                    if stopper is not None and stopper.done():
                        return
            finally:
                if stopper is not None:
                    stopper.cancel()

    async def _settle(self) -> None:
        """After the end: wait briefly for the acks of what is still in flight."""
        deadline = time.monotonic() + 2.0
        while len(self.outbox) and time.monotonic() < deadline and self._ws is not None:
            try:
                frame = await asyncio.wait_for(self._ws.recv(), deadline - time.monotonic())
            except (TimeoutError, ConnectionClosed):
                return
            self._receive(parse_host(frame))

    def _hello(self) -> Hello:
        j = self.join
        return Hello(
            protocol=PROTOCOL_VERSION,
            role=j.role,
            unit=j.unit if j.role == "seat" else None,
            name=j.name,
            code=j.code,
            token=self._token,
            last_seq=self.last_seq,
        )

    def _receive(self, message: AnyHostMessage) -> None:
        if isinstance(message, Welcome):
            self.welcome, self._token = message, message.token
            self.outbox.save_token(message.token)
            self._clock = (message.clock, time.monotonic())
            self._set_status("online")
            for pending in self.outbox.pending():
                self._send_pending(pending)
        elif isinstance(message, EventMessage):
            if message.seq <= self.last_seq:
                return  # already seen (a resend after a reconnect)
            self.last_seq = message.seq
            self.outbox.save_last_seq(message.seq)
            if message.event.kind == "exercise_ended":
                self.ended.set()
        elif isinstance(message, Ack | Refused) and message.id is not None:
            self.outbox.done(message.id)
        elif isinstance(message, ClockMessage | Pong):
            self._clock = (message.clock, time.monotonic())
        elif isinstance(message, Bye) and message.code in FATAL:
            self.closed_code = message.code
        self.messages.put(message)
        if self.on_message is not None:
            self.on_message(message)

    def _send_pending(self, pending: Pending) -> None:
        ws = self._ws
        if ws is None or self.status != "online":
            return
        frame = encode(
            Submit(
                id=pending.id,
                kind=pending.kind,
                payload=pending.payload,
                client_time=pending.client_time,
            )
        )
        self._loop.create_task(self._send(ws, frame))

    async def _send(self, ws: ClientConnection, frame: str) -> None:
        with contextlib.suppress(ConnectionClosed):
            await ws.send(frame)

    def ping(self, nonce: int = 0) -> None:
        ws = self._ws
        if ws is not None:
            frame = encode(Ping(nonce=nonce, client_time=time.time()))
            self._loop.call_soon_threadsafe(lambda: self._loop.create_task(self._send(ws, frame)))

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            if self.on_status is not None:
                self.on_status(status)
