"""Helpers of the training-room tests (their own module name: no clash with other conftests)."""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from drill_app.paths import DEFAULT_PLAN
from drill_app.store.store import NewExercise, Store

FIXTURES = Path(__file__).parent / "fixtures"
SHORT = FIXTURES / "short-explosion.yaml"
"""Scenario a cut to 45 minutes: at speed 120 it runs in about 23 seconds."""
SHORT_ACTIONS = FIXTURES / "short-late-phone.jsonl"
UNITS_WITH_ACTIONS = (
    "towngas",
    "street",
    "fire",
    "police",
    "health",
    "housing",
    "ecology",
    "emergency",
)
CLI = [sys.executable, "-m", "drill_app.cli"]


def wait_until(condition: Callable[[], object], timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.02)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Proc:
    """A child process whose standard output lines are collected as they come."""

    def __init__(self, args: list[str], name: str) -> None:
        self.name = name
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.p = subprocess.Popen(
            args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.stderr = ""
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.p.stdout is not None
        for line in self.p.stdout:
            self.lines.put(line)

    def next_line(self, timeout: float = 30.0) -> str:
        line = self.lines.get(timeout=timeout)
        self.seen.append(line)
        return line

    def all_lines(self) -> list[str]:
        while True:
            try:
                self.seen.append(self.lines.get_nowait())
            except queue.Empty:
                return self.seen

    def messages(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.all_lines()]

    def wait(self, timeout: float = 120.0) -> int:
        code = self.p.wait(timeout)
        assert self.p.stderr is not None
        self.stderr = self.p.stderr.read()
        return code

    def kill(self) -> None:
        self.p.send_signal(signal.SIGKILL)
        self.p.wait(10)

    def stop(self) -> None:
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait(10)


def start_host(
    procs: list[Proc], db: str, *extra: str, scenario: Path = SHORT
) -> tuple[Proc, dict[str, Any]]:
    host = Proc([*CLI, "host", str(scenario), "--db", db, "--bind", "127.0.0.1", *extra], "host")
    procs.append(host)
    first = json.loads(host.next_line(60))
    return host, first


def start_seat(
    procs: list[Proc], address: str, code: str, unit: str, state: Path, *extra: str
) -> Proc:
    seat = Proc(
        [
            *CLI,
            "seat",
            address,
            "--code",
            code,
            "--unit",
            unit,
            "--name",
            f"{unit}-值班员",
            "--state",
            str(state),
            *extra,
        ],
        unit,
    )
    procs.append(seat)
    return seat


def new_exercise(store: Store, scenario: Path = SHORT) -> str:
    return store.create_exercise(
        NewExercise(
            title="培训室测试",
            plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
            scenario_text=scenario.read_text(encoding="utf-8"),
            held_on=dt.date(2026, 11, 30),
        )
    )
