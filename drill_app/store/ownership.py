"""One writer per running exercise: ownership recorded in the database.

A process that runs an exercise (the console, or a host on the network) *claims*
it: a row in ``exercise_owners`` with its owner id, machine, process id and a
heartbeat it renews.  ``Store.append_event`` refuses a write from anyone but the
claimant while a claim exists, so a second console on the same database (SQLite
file or shared PostgreSQL) can only watch or join; it never writes.

An owner is dead when its heartbeat is older than its lease, or when it ran on
this machine and its process is gone.  A dead owner can be taken over; the new
owner records a ``host_taken_over`` event in the exercise's log.

The claim is decided inside one transaction that first locks the exercise's row
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN IMMEDIATE`` serialises
writers), so two processes racing for the same exercise cannot both win.
"""

from __future__ import annotations

import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from drill_app.store.database import StoreError
from drill_app.store.models import ExerciseOwner, ExerciseRow

DEFAULT_LEASE = 15.0
"""Seconds without a heartbeat after which an owner counts as dead."""

DeathReason = Literal["heartbeat_expired", "process_gone"]


@dataclass(frozen=True)
class OwnerIdentity:
    """Who is claiming: a fresh id per process run, plus where it runs."""

    owner_id: str
    machine: str
    pid: int
    role: str = "console"
    address: str = ""

    @classmethod
    def this_process(cls, role: str = "console", address: str = "") -> OwnerIdentity:
        return cls(uuid.uuid4().hex, machine_name(), os.getpid(), role, address)


@dataclass(frozen=True)
class OwnerInfo:
    exercise_id: str
    owner_id: str
    machine: str
    pid: int
    role: str
    address: str
    claimed_at: float
    heartbeat_at: float
    lease_seconds: float


@dataclass(frozen=True)
class Claimed:
    """The claim succeeded; *taken_over* names the dead owner it replaced, if any."""

    owner: OwnerInfo
    taken_over: OwnerInfo | None = None
    reason: DeathReason | None = None


class OwnedElsewhere(StoreError):
    """The exercise is run by a live owner; join or watch it instead."""

    def __init__(self, owner: OwnerInfo) -> None:
        self.owner = owner
        where = f" at {owner.address}" if owner.address else ""
        super().__init__(
            f"exercise {owner.exercise_id} is being run by another {owner.role} "
            f"(machine {owner.machine}, process {owner.pid}{where}); join it or watch it"
        )


class NotOwner(StoreError):
    """A write was refused: the writer does not hold the exercise's claim."""


def machine_name() -> str:
    """This machine's name, with its machine id when the system has one (pids are per machine)."""
    host = socket.gethostname()
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            with open(path, encoding="ascii") as f:  # noqa: PTH123
                return f"{host}/{f.read().strip()[:12]}"
        except OSError:
            continue
    return host


def process_alive(pid: int) -> bool:
    """True when a process with this id exists on this machine."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def why_dead(
    owner: OwnerInfo, now: float, here: str, alive: Callable[[int], bool] = process_alive
) -> DeathReason | None:
    """Why *owner* counts as dead at wall time *now* (seen from machine *here*), or None."""
    if owner.machine == here and not alive(owner.pid):
        return "process_gone"
    if now - owner.heartbeat_at > owner.lease_seconds:
        return "heartbeat_expired"
    return None


def _info(row: ExerciseOwner) -> OwnerInfo:
    return OwnerInfo(
        row.exercise_id,
        row.owner_id,
        row.machine,
        row.pid,
        row.role,
        row.address,
        row.claimed_at,
        row.heartbeat_at,
        row.lease_seconds,
    )


class Ownership:
    """Claims on exercises in one database."""

    def __init__(
        self,
        engine: Engine,
        *,
        wall_clock: Callable[[], float] = time.time,
        here: str | None = None,
        alive: Callable[[int], bool] = process_alive,
    ) -> None:
        self.engine = engine
        self._wall = wall_clock
        self._here = here or machine_name()
        self._alive = alive

    def owner_of(self, exercise_id: str) -> OwnerInfo | None:
        with Session(self.engine) as session:
            row = session.get(ExerciseOwner, exercise_id)
            return None if row is None else _info(row)

    def live_owner(self, exercise_id: str) -> OwnerInfo | None:
        """The owner if it is alive (a console uses this to offer join / watch)."""
        owner = self.owner_of(exercise_id)
        if owner is None or why_dead(owner, self._wall(), self._here, self._alive):
            return None
        return owner

    def claim(
        self, exercise_id: str, me: OwnerIdentity, *, lease: float = DEFAULT_LEASE
    ) -> Claimed:
        """Become the exercise's one writer, or raise OwnedElsewhere naming the live owner."""
        now = self._wall()
        with Session(self.engine) as session, session.begin():
            if session.get(ExerciseRow, exercise_id, with_for_update=True) is None:
                raise StoreError(f"no exercise {exercise_id!r} in this database")
            row = session.get(ExerciseOwner, exercise_id, with_for_update=True)
            previous = None if row is None else _info(row)
            reason = None
            if previous is not None and previous.owner_id != me.owner_id:
                reason = why_dead(previous, now, self._here, self._alive)
                if reason is None and not self._same_process(previous, me):
                    raise OwnedElsewhere(previous)
            if row is None:
                row = ExerciseOwner(exercise_id=exercise_id)
                session.add(row)
            row.owner_id, row.machine, row.pid = me.owner_id, me.machine, me.pid
            row.role, row.address = me.role, me.address
            row.claimed_at = now if previous is None or reason else previous.claimed_at
            row.heartbeat_at, row.lease_seconds = now, lease
            session.flush()
            mine = _info(row)
        taken = previous if reason is not None else None
        return Claimed(mine, taken, reason)

    def _same_process(self, previous: OwnerInfo, me: OwnerIdentity) -> bool:
        """An earlier claim of this very process (a window reopened): no other writer."""
        return (previous.machine, previous.pid) == (self._here, me.pid) == (me.machine, me.pid)

    def heartbeat(self, exercise_id: str, owner_id: str, *, address: str | None = None) -> bool:
        """Renew the claim; False when it is no longer ours (someone took it over)."""
        with Session(self.engine) as session, session.begin():
            row = session.get(ExerciseOwner, exercise_id, with_for_update=True)
            if row is None or row.owner_id != owner_id:
                return False
            row.heartbeat_at = self._wall()
            if address is not None:
                row.address = address
            return True

    def release(self, exercise_id: str, owner_id: str) -> None:
        """Give the exercise up (stop hosting, close it); a no-op if it is not ours."""
        with Session(self.engine) as session, session.begin():
            session.execute(
                delete(ExerciseOwner).where(
                    ExerciseOwner.exercise_id == exercise_id, ExerciseOwner.owner_id == owner_id
                )
            )


def check_writer(session: Session, exercise_id: str, owner_id: str | None) -> None:
    """Inside a write transaction: refuse unless the writer holds the claim (if any).

    An exercise nobody claims may be written by anyone (replays, imports, tests); a
    claimed one only by its claimant, dead or alive: a dead owner is taken over
    first, which records the takeover.
    """
    holder = session.scalar(
        select(ExerciseOwner.owner_id).where(ExerciseOwner.exercise_id == exercise_id)
    )
    if holder is not None and holder != owner_id:
        raise NotOwner(
            f"exercise {exercise_id} is run by another process; this one may not write to it"
        )


class Heartbeat:
    """Renews a claim from a daemon thread every third of its lease until stopped.

    *on_lost* is called (from that thread) once when the claim turns out to be gone.
    """

    def __init__(
        self,
        ownership: Ownership,
        exercise_id: str,
        owner_id: str,
        *,
        lease: float = DEFAULT_LEASE,
        on_lost: Callable[[], None] | None = None,
    ) -> None:
        self._ownership = ownership
        self._exercise_id = exercise_id
        self._owner_id = owner_id
        self._interval = max(0.05, lease / 3)
        self._on_lost = on_lost
        self._stop = threading.Event()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="drill-heartbeat", daemon=True)

    def start(self) -> Heartbeat:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop and wait for the thread to end (by an event, not ``join``: called from a
        Qt thread, ``join`` would register that thread with ``threading`` for good)."""
        self._stop.set()
        if self._thread.ident is not None:
            self._done.wait()

    def _run(self) -> None:
        try:
            self._beat()
        finally:
            self._done.set()

    def _beat(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                ours = self._ownership.heartbeat(self._exercise_id, self._owner_id)
            except Exception:
                continue
            if not ours:
                if self._on_lost is not None:
                    self._on_lost()
                return
