"""The host service: an exercise served to the room over WebSocket (RFC 6455).

``HostService`` owns the exercise (a claim in the database, renewed by a heartbeat),
listens with the ``websockets`` library on asyncio, admits seats and observers
through the ``Room``, and runs every change of the exercise on one worker thread
(``Runner``) while the loop keeps reading and writing. The engine takes the
controller's commands, joins and reads first, then the oldest waiting submissions as
one transaction, cut to about ``group_seconds`` of work so that an inject or an ack
waits for at most one group; acks go out after the commit; then every committed event
is fanned out (``fanout``: filtered for the connections it may concern, encoded once).

Run it with ``await service.run()`` (the headless host) or ``HostThread(service)``
(the console: a thread with its own event loop; its methods are thread-safe).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from drill_app.core.clock import CONTROL_KINDS
from drill_app.core.commands import Command
from drill_app.core.commands import Outcome as CoreOutcome
from drill_app.core.events import Event
from drill_app.core.scoring import ScoringRules
from drill_app.net.briefing import Briefer
from drill_app.net.connection import (
    MAX_ERRORS,
    MAX_GROUP,
    MIN_GROUP,
    Connection,
    HostOptions,
    read_hello,
)
from drill_app.net.fanout import Audience, frames
from drill_app.net.protocol import (
    MAX_FRAME_BYTES,
    Ack,
    Bye,
    ClockMessage,
    ClockView,
    EventMessage,
    EventView,
    Hello,
    Ping,
    Pong,
    ProtocolError,
    Read,
    Refused,
    Submit,
    parse_client,
)
from drill_app.net.room import Admitted, RateLimiter, Room, Seat
from drill_app.net.runner import Outcome, Runner, Submission
from drill_app.net.visibility import Known, Viewer, stream, view_of
from drill_app.store.claims import open_owned
from drill_app.store.ownership import Heartbeat, OwnerIdentity, Ownership
from drill_app.store.store import Store

log = logging.getLogger(__name__)
T = TypeVar("T")
_GROUP = object()
"""Put among the jobs when submissions start waiting: the engine wakes for them."""
PING_SECONDS = 2.0
"""How often the host pings each seat (round trip and last seen in the host panel)."""


class HostService:
    def __init__(
        self,
        store: Store,
        exercise_id: str,
        rules: ScoringRules,
        options: HostOptions | None = None,
        *,
        on_change: Callable[[], None] | None = None,
        on_events: Callable[[Sequence[Event]], None] | None = None,
        record_restart: bool = True,
    ) -> None:
        """*on_change*: the seats changed (host panel); *on_events*: events committed;
        *record_restart* False: this process ran it until now (a console starts hosting)."""
        self.store = store
        self.exercise_id = exercise_id
        self.options = options = options or HostOptions()
        self._rules = rules
        self._on_change = on_change
        self._on_events = on_events
        self.identity = OwnerIdentity.this_process("host")
        owned = open_owned(
            store,
            exercise_id,
            rules,
            self.identity,
            lease=options.lease,
            record_restart=record_restart,
        )
        self.claim = owned.claim
        self.runner = Runner(owned.exercise, self._persist, self._reopen)
        self.room = Room(tuple(owned.exercise.scenario.seats), options.code)
        self.briefer = Briefer.of(store, exercise_id)
        self.known = Known.of(owned.exercise.scenario, lambda: self.runner.exercise.events)
        self._conns: set[Connection] = set()
        self._jobs: asyncio.Queue[Any] = asyncio.Queue()
        """Controller commands, joins, reads (and _GROUP: submissions are waiting)."""
        self._inbox: deque[Submission] = deque()
        self._cost_each = 0.0002
        """Seconds a submission costs to commit and fan out (measured; sizes groups)."""
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="drill-host-db")
        self._server: Server | None = None
        self._stopping: asyncio.Event | None = None
        self._heartbeat: Heartbeat | None = None
        self._engine_task: asyncio.Task[None] | None = None
        self._announcer: Any = None
        self._next_tick = 0.0
        self._listeners: list[Callable[[CoreOutcome], None]] = []
        self.address = ""
        self.ended = asyncio.Event()
        self._tell_seats = False

    # --- persistence (worker thread) -------------------------------------------------

    def _persist(self, events: Sequence[Event], receipts: Sequence[Any]) -> None:
        self.store.append_events(events, owner=self.identity.owner_id, receipts=receipts)

    def _reopen(self) -> Any:
        return self.store.open_exercise(
            self.exercise_id, self._rules, record_restart=False, owner=self.identity.owner_id
        )

    # --- lifecycle ----------------------------------------------------------------------

    async def start(self) -> str:
        """Listen; return the address (HOST:PORT) the seats connect to."""
        self._stopping = asyncio.Event()
        self._server = await serve(
            self._handle,
            self.options.host,
            self.options.port,
            max_size=MAX_FRAME_BYTES,
            compression=None,
            origins=[None],  # no browser pages: a web page cannot join a drill
            ping_interval=2.0,
            ping_timeout=10.0,
        )
        port = next(iter(self._server.sockets)).getsockname()[1]
        self.address = f"{self.options.host}:{port}"
        ownership = Ownership(self.store.engine)
        wildcard = self.options.host in ("0.0.0.0", "::", "")
        reachable = f"{self.options.announce_ip}:{port}" if wildcard else self.address
        ownership.heartbeat(self.exercise_id, self.identity.owner_id, address=reachable)
        self._heartbeat = Heartbeat(
            ownership,
            self.exercise_id,
            self.identity.owner_id,
            lease=self.options.lease,
            on_lost=self._lost_claim,
        ).start()
        self._engine_task = asyncio.get_running_loop().create_task(self._engine())
        if self.options.announce:
            await self._announce(port)
        if self.runner.exercise.ended:
            self.ended.set()
        return self.address

    async def _announce(self, port: int) -> None:
        from drill_app.net.discovery import Announcer

        ex = self.runner.exercise
        o = self.options
        announcer = Announcer(
            o.announce_ip, port, self.exercise_id, ex.scenario.title, o.announce_interfaces
        )
        self._announcer = await self._on_worker(announcer.start)

    def _lost_claim(self) -> None:
        log.error("another process took this exercise over; hosting stops")
        loop, stopping = self._loop, self._stopping
        if loop is not None and stopping is not None:
            loop.call_soon_threadsafe(stopping.set)

    async def run(self, until_ended: bool = True) -> None:
        """Serve until stopped (or until the exercise has ended and seats have heard it)."""
        if self._server is None:
            await self.start()
        assert self._stopping is not None
        waits = [asyncio.ensure_future(self._stopping.wait())]
        if until_ended:
            waits.append(asyncio.ensure_future(self.ended.wait()))
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        for w in waits:
            w.cancel()
        await self.close()

    async def close(self) -> None:
        if self._tell_seats:  # the controller stopped hosting: the seats are told
            for conn in list(self._conns):
                self._close(conn, "host_stopped")
        await self._drain()
        if self._engine_task is not None:
            self._engine_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._engine_task
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        if self._heartbeat is not None:
            self._heartbeat.stop()
        if self._announcer is not None:
            self._announcer.close()
        Ownership(self.store.engine).release(self.exercise_id, self.identity.owner_id)
        self._executor.shutdown(wait=True)

    async def _drain(self, timeout: float = 2.0) -> None:
        """Give each connection's queued frames a moment to leave."""
        deadline = time.monotonic() + timeout
        while any(c.out.qsize() for c in self._conns) and time.monotonic() < deadline:
            await asyncio.sleep(0.01)

    def stop(self, tell_seats: bool = False) -> None:
        """Stop serving; *tell_seats*: the controller ends hosting (``bye`` ``host_stopped``,
        the seats do not reconnect), else they reconnect when a host is back."""
        self._tell_seats = tell_seats
        if self._stopping is not None:
            self._stopping.set()

    @property
    def _loop(self) -> asyncio.AbstractEventLoop | None:
        return self._server.get_loop() if self._server is not None else None

    # --- the engine: one job at a time, in log order -----------------------------------

    async def _on_worker(self, fn: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._executor, fn)

    async def _engine(self) -> None:
        """Controller commands, joins and reads first; then one bounded group; repeat."""
        while True:
            try:
                job = await asyncio.wait_for(self._jobs.get(), self._until_tick())
            except TimeoutError:
                job = None
            while True:
                while job is not None:
                    if job is not _GROUP:
                        await job()
                    job = self._jobs.get_nowait() if not self._jobs.empty() else None
                if time.monotonic() >= self._next_tick:
                    await self._fan_out(await self._on_worker(self._tick))
                if not self._inbox:
                    break
                await self._flush(self._take_group())
                job = self._jobs.get_nowait() if not self._jobs.empty() else None

    def _until_tick(self) -> float:
        return min(self.options.tick_seconds, max(0.0, self._next_tick - time.monotonic()))

    def _take_group(self) -> list[Submission]:
        """The oldest submissions waiting, as many as commit in about group_seconds."""
        size = max(MIN_GROUP, min(MAX_GROUP, int(self.options.group_seconds / self._cost_each)))
        return [self._inbox.popleft() for _ in range(min(size, len(self._inbox)))]

    def _tick(self) -> list[Event]:
        """Release what fell due; under load, at most half the worker's time goes to it."""
        if not self.options.run_msel:
            self._next_tick = float("inf")  # the console's controller releases them
            return []
        began = time.monotonic()
        try:
            return self.runner.tick(self.options.end_at_duration)
        finally:
            cost = time.monotonic() - began
            self._next_tick = began + max(self.options.tick_seconds, 2 * cost)

    async def _flush(self, group: list[Submission]) -> None:
        if not group:
            return
        began = time.monotonic()
        try:
            outcomes, events = await self._on_worker(lambda: self.runner.submit_group(group))
        except Exception:
            log.exception("a group of %d submissions could not be committed", len(group))
            return  # nothing acknowledged; the clients send them again
        for outcome in outcomes:
            self._answer(outcome)
        await self._fan_out(events)
        each = (time.monotonic() - began) / len(group)
        self._cost_each = 0.7 * self._cost_each + 0.3 * each

    def _answer(self, outcome: Outcome) -> None:
        conn, sub = outcome.submission.connection, outcome.submission
        if not isinstance(conn, Connection):
            return
        if outcome.event is None:
            log.warning(
                "refused %s from %s: %s %s", sub.kind, sub.sender, outcome.code, outcome.params
            )
            conn.send(Refused(id=sub.submission_id, code=outcome.code, params=outcome.params or {}))
            return
        conn.send(
            Ack(
                id=sub.submission_id,
                event_id=outcome.event.id,
                scenario_time=outcome.event.scenario_time,
                host_time=outcome.event.wall_time,
            )
        )

    async def _fan_out(self, events: Sequence[Event]) -> None:
        if not events:
            return
        audience = Audience.of(self._conns)
        for event in events:
            for conn, frame in frames(event, audience, self._view_of):
                conn.send_frame(frame)
            if event.kind in CONTROL_KINDS:
                clock = ClockMessage(clock=self.clock_view())
                for conn in self._conns:
                    conn.send(clock)
            if event.kind == "exercise_ended":
                self.ended.set()
        await self._send_obligations()
        if self._on_events is not None:
            self._on_events(events)

    def _view_of(self, event: Event, viewer: Viewer) -> EventView | None:
        return view_of(event, viewer, self.known)

    async def _send_obligations(self, only: Connection | None = None) -> None:
        """Each seat's open obligations, when the controller shows deadlines (briefing)."""
        if not self.briefer.show_deadlines:
            return
        lines = await self._on_worker(lambda: self.briefer.open_lines(self.runner.exercise))
        for conn in [only] if only is not None else list(self._conns):
            unit = conn.viewer.unit if conn.viewer is not None else None
            if unit is not None:
                message = self.briefer.changed(conn, lines, unit)
                if message is not None:
                    conn.send(message)

    def clock_view(self) -> ClockView:
        wall = time.time()
        reading = self.runner.exercise.clock()
        return ClockView(
            state=reading.state,
            scenario_seconds=reading.scenario_seconds,
            speed=reading.speed,
            host_time=wall,
        )

    # --- controller commands (any thread through HostThread; or awaited) ----------------

    async def control(self, kind: str, payload: dict[str, Any] | None = None) -> None:
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def run() -> list[Event]:  # and what fell due with it (a start, a jump) at once
            return self.runner.control(kind, payload) + self._tick()

        async def job() -> None:
            try:
                await self._fan_out(await self._on_worker(run))
                done.set_result(None)
            except Exception as exc:
                done.set_exception(exc)

        self._jobs.put_nowait(job)
        await done

    async def execute(self, command: Command) -> CoreOutcome:
        """Run a command of the host's own console; committed and fanned out like any other.

        The outcome also goes to every ``subscribe``d listener (the console's views)."""
        done: asyncio.Future[CoreOutcome] = asyncio.get_running_loop().create_future()

        async def job() -> None:
            outcome, events = await self._on_worker(lambda: self.runner.execute(command))
            await self._fan_out(events)
            for listener in list(self._listeners):
                listener(outcome)
            done.set_result(outcome)

        self._jobs.put_nowait(job)
        return await done

    def subscribe(self, listener: Callable[[CoreOutcome], None]) -> Callable[[], None]:
        """EventSource: outcomes of the console's commands, in commit order (host's thread)."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def rotate_code(self, code: str | None = None) -> str:
        new = self.room.rotate_code(code)
        for conn in list(self._conns):
            self._close(conn, "token_expired")
        self._changed()
        return new

    def free_seat(self, key: str) -> None:
        seat = self.room.seats.get(key)
        for conn in list(self._conns):
            if conn.seat is seat:
                self._close(conn, "seat_freed")
        self.room.free_seat(key)
        self._changed()

    def move_seat(self, key: str, unit: str) -> bool:
        """Move the person at seat *key* to *unit*'s free seat: the workstation is told
        (``bye`` ``seat_moved`` with the unit) and joins that seat with the code."""
        seat = self.room.seats.get(key)
        conns = [c for c in self._conns if seat is not None and c.seat is seat]
        if self.room.move_seat(key, unit) is None:
            return False
        for conn in conns:
            self._close(conn, "seat_moved", unit=unit)
        self._changed()
        return True

    def seats(self) -> list[Seat]:
        return list(self.room.seats.values())

    def _close(self, conn: Connection, code: str, **params: Any) -> None:
        conn.send(Bye(code=code, params=params))
        conn.out.put_nowait(None)
        self._conns.discard(conn)

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()

    # --- connections ----------------------------------------------------------------------

    async def _handle(self, ws: ServerConnection) -> None:
        conn = Connection(ws, RateLimiter(self.options.rate, self.options.burst))
        writer = asyncio.get_running_loop().create_task(conn.write())
        pinger: asyncio.Task[None] | None = None
        try:
            hello = await self._hello(conn)
            if hello is not None:
                await self._join(conn, hello)
                pinger = asyncio.get_running_loop().create_task(self._ping(conn))
                async for frame in ws:
                    await self._frame(conn, frame)
        except ConnectionClosed:
            pass
        finally:
            if pinger is not None:
                pinger.cancel()
            self._conns.discard(conn)
            if conn.seat is not None and not any(c.seat is conn.seat for c in self._conns):
                self.room.disconnected(conn.seat)
                self._changed()
            conn.out.put_nowait(None)
            with contextlib.suppress(Exception):
                await writer

    async def _ping(self, conn: Connection) -> None:
        """The seat's round trip and last sign of life, from WebSocket pings (host panel)."""
        while True:
            with contextlib.suppress(ConnectionClosed, TimeoutError):
                rtt = await asyncio.wait_for(await conn.ws.ping(), PING_SECONDS * 5)
                if conn.seat is not None:
                    conn.seat.rtt, conn.seat.last_seen = rtt, time.time()
            await asyncio.sleep(PING_SECONDS)

    async def _hello(self, conn: Connection) -> Hello | None:
        message = await read_hello(conn)
        if not isinstance(message, Hello):
            code, params = message
            return self._refuse_hello(conn, code, **params)
        verdict = self.room.admit(message)
        if not isinstance(verdict, Admitted):
            return self._refuse_hello(conn, verdict.code, **verdict.params)
        for other in [c for c in self._conns if c.seat is verdict.seat]:
            self._close(other, "replaced")  # the same seat came back on a new connection
        conn.seat = verdict.seat
        conn.viewer = Viewer(message.role, message.unit if message.role == "seat" else None)
        return message

    def _refuse_hello(self, conn: Connection, code: str, **params: Any) -> Hello | None:
        log.warning("refused a connection from %s: %s %s", conn.ws.remote_address, code, params)
        self._close(conn, code, **params)
        return None

    async def _join(self, conn: Connection, hello: Hello) -> None:
        """Welcome, then the stream from the client's last event; registered atomically."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        viewer, seat = conn.viewer, conn.seat
        assert viewer is not None and seat is not None

        async def job() -> None:
            views = await self._on_worker(
                lambda: list(stream(self.runner.exercise.events, viewer, self.known))
            )
            assert seat.token is not None
            clock = self.clock_view()
            ex = self.runner.exercise
            conn.send(
                self.briefer.welcome(ex, self.exercise_id, viewer, seat.token, seat.name, clock)
            )
            for n, view in enumerate(views[hello.last_seq :], start=hello.last_seq + 1):
                conn.send(EventMessage(seq=n, event=view))
            conn.seq = len(views)
            await self._send_obligations(conn)
            self._conns.add(conn)
            self.room.connected(seat)
            done.set_result(None)

        self._jobs.put_nowait(job)
        await done
        self._changed()
        await self._maybe_start()

    async def start_exercise(self) -> None:
        """Start the clock (at the options' speed)."""
        await self.control("exercise_started")
        if self.options.speed != 1.0:
            await self.control("speed_changed", {"speed": self.options.speed})

    async def _maybe_start(self) -> None:
        wanted = self.options.start_when_joined
        if wanted is None or self.runner.exercise.started:
            return
        if all(self.room.seats[u].connected for u in wanted if u in self.room.seats):
            await self.start_exercise()

    async def _frame(self, conn: Connection, frame: str | bytes) -> None:
        assert conn.seat is not None and conn.viewer is not None
        conn.seat.last_seen = time.time()
        if not conn.limiter.allow():
            self._error(conn, "rate_limited", None, {"rate": self.options.rate})
            return
        try:
            message = parse_client(frame)
        except ProtocolError as exc:
            self._error(conn, exc.code, None, exc.params)
            return
        if isinstance(message, Submit):
            self._submit(conn, message)
        elif isinstance(message, Ping):
            conn.send(
                Pong(nonce=message.nonce, client_time=message.client_time, clock=self.clock_view())
            )
        elif isinstance(message, Read):
            await self._read(conn, message)
        else:
            self._error(conn, "already_joined", None, {})

    def _error(self, conn: Connection, code: str, sid: str | None, params: dict[str, Any]) -> None:
        conn.errors += 1
        log.warning("refused a frame from %s: %s %s", conn.seat and conn.seat.key, code, params)
        conn.send(Refused(id=sid, code=code, params=params))
        if conn.errors > MAX_ERRORS:
            self._close(conn, "too_many_errors")

    def _submit(self, conn: Connection, message: Submit) -> None:
        assert conn.viewer is not None and conn.seat is not None
        if not conn.viewer.may_submit(message.kind):
            self._error(conn, "not_allowed", message.id, {"kind": message.kind})
            return
        self._inbox.append(
            Submission(
                conn.viewer,
                conn.seat.name,
                message.id,
                message.kind,
                dict(message.payload),
                message.client_time,
                conn,
            )
        )
        if len(self._inbox) == 1:
            self._jobs.put_nowait(_GROUP)  # wakes the engine

    async def _read(self, conn: Connection, message: Read) -> None:
        assert conn.viewer is not None
        if not conn.viewer.may_read(message.unit):
            self._error(conn, "not_your_unit", None, {"unit": message.unit})
            return
        viewer = conn.viewer  # its own stream again (a seat may name only its own unit)
        views = await self._on_worker(
            lambda: list(stream(self.runner.exercise.events, viewer, self.known))
        )
        for n, view in enumerate(views[message.from_seq :], start=message.from_seq + 1):
            conn.send(EventMessage(seq=n, event=view))
