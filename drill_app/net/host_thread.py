"""The host service on its own thread and event loop, for a window (the console)."""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from drill_app.core.commands import Command
from drill_app.net.host import HostService

T = TypeVar("T")


class HostThread:
    """A HostService on its own thread and event loop, for a GUI (thread-safe methods)."""

    def __init__(self, service: HostService) -> None:
        self.service = service
        self._loop = asyncio.new_event_loop()
        self._started: asyncio.Future[str] | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._main, name="drill-host", daemon=True)

    def start(self, timeout: float = 10.0) -> str:
        """Start listening; return the address."""
        ready = concurrent.futures.Future[str]()

        async def main() -> None:
            try:
                ready.set_result(await self.service.start())
            except Exception as exc:
                ready.set_exception(exc)
                return
            await self.service.run(until_ended=False)

        self._main_coro = main
        self._thread.start()
        return ready.result(timeout)

    def _main(self) -> None:
        try:
            self._loop.run_until_complete(self._main_coro())
        finally:
            self._loop.close()
            self._done.set()

    def call(self, fn: Callable[[], T], timeout: float = 10.0) -> T:
        """Run *fn* (a service method) on the host's loop and return its result
        (RuntimeError once the host has stopped, rather than waiting for a loop that ended)."""

        async def wrapper() -> T:
            return fn()

        if self._done.is_set() or not self._loop.is_running():
            raise RuntimeError("the host has stopped")
        future = asyncio.run_coroutine_threadsafe(wrapper(), self._loop)
        deadline = time.monotonic() + timeout
        while True:
            try:
                return future.result(0.05)
            except concurrent.futures.TimeoutError:
                if self._done.is_set():
                    raise RuntimeError("the host has stopped") from None
                if time.monotonic() > deadline:
                    raise

    def control(
        self, kind: str, payload: dict[str, Any] | None = None, timeout: float = 10.0
    ) -> None:
        asyncio.run_coroutine_threadsafe(self.service.control(kind, payload), self._loop).result(
            timeout
        )

    def send(self, command: Command) -> None:
        """CommandSink: hand a console command to the host (returns at once; the outcome
        reaches the listeners of ``service.subscribe``, on the host's thread)."""
        asyncio.run_coroutine_threadsafe(self.service.execute(command), self._loop)

    def stop(self, timeout: float = 10.0, *, tell_seats: bool = False) -> None:
        """Stop serving (seats are told, the claim released) and wait for the thread to end
        (by an event, not ``join``: from a Qt thread, ``join`` would register that thread
        with ``threading`` for good)."""
        if not self._done.is_set():
            self._loop.call_soon_threadsafe(lambda: self.service.stop(tell_seats))
        self._done.wait(timeout)

    def abandon(self, timeout: float = 10.0) -> None:
        """After a failed ``start``: wait for the thread to end (nothing was served)."""
        self._done.wait(timeout)
