"""Who is in the room: the join code, the seats and their session tokens.

Pure bookkeeping, no network: the host service asks the room whether a ``hello``
may join, and the host panel reads the seats from it.

- The join code is short (6 characters, no look-alikes) and is typed by people; it
  only admits. Each admitted connection gets a session token (``secrets``, 192
  bits) that resumes it after a drop.
- Freeing a seat expires its token; rotating the code expires every token (and the
  old code). Connections holding an expired token are closed by the host.
- One live connection per seat: a second join for a connected seat is refused.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from drill_app.net.protocol import Hello, Role

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
TOKEN_BYTES = 24
"""192 random bits per session token (the issue asks for at least 128)."""


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


@dataclass
class Seat:
    """One unit's seat (or one observer) as the host panel lists it."""

    key: str
    """The unit id, or ``observer:<token prefix>`` for an observer."""
    role: Role
    unit: str | None
    name: str = ""
    token: str | None = None
    connected: bool = False
    last_seen: float = 0.0
    """Host wall time of the last frame received."""
    rtt: float | None = None
    """Round-trip time in seconds, measured by WebSocket pings."""


@dataclass(frozen=True)
class Admitted:
    seat: Seat
    resumed: bool


@dataclass(frozen=True)
class Denied:
    code: str
    params: dict[str, object] = field(default_factory=dict)


class Room:
    def __init__(
        self,
        units: tuple[str, ...],
        code: str | None = None,
        *,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.units = units
        self.code = normalise_code(code) if code else new_code()
        self._wall = wall_clock
        self.seats: dict[str, Seat] = {u: Seat(u, "seat", u) for u in units}
        self._by_token: dict[str, Seat] = {}

    def admit(self, hello: Hello) -> Admitted | Denied:
        """Decide whether *hello* may join or resume; issue or keep its token."""
        if hello.token is not None:
            seat = self._by_token.get(hello.token)
            if seat is not None and seat.role == hello.role and seat.unit == hello.unit:
                return Admitted(seat, resumed=True)
        if hello.code is None:
            return Denied("token_expired" if hello.token else "code_required")
        if not secrets.compare_digest(normalise_code(hello.code), self.code):
            return Denied("wrong_code")
        if hello.role == "observer":
            seat = Seat("", "observer", None)
        else:
            if hello.unit not in self.seats:
                return Denied("unknown_unit", {"unit": hello.unit, "seats": list(self.units)})
            seat = self.seats[hello.unit]
            if seat.connected:
                return Denied("seat_taken", {"unit": hello.unit, "name": seat.name})
        self._issue(seat)
        seat.name = hello.name
        return Admitted(seat, resumed=False)

    def _issue(self, seat: Seat) -> None:
        if seat.token is not None:
            self._by_token.pop(seat.token, None)
        seat.token = secrets.token_urlsafe(TOKEN_BYTES)
        self._by_token[seat.token] = seat
        if seat.role == "observer":
            seat.key = f"observer:{seat.token[:8]}"
            self.seats[seat.key] = seat

    def valid(self, token: str | None) -> bool:
        return token is not None and token in self._by_token

    def connected(self, seat: Seat) -> None:
        seat.connected = True
        seat.last_seen = self._wall()

    def disconnected(self, seat: Seat) -> None:
        seat.connected = False

    def free_seat(self, key: str) -> Seat | None:
        """Expire the seat's token (its connection is closed); the seat may be joined anew."""
        seat = self.seats.get(key)
        if seat is None:
            return None
        if seat.token is not None:
            self._by_token.pop(seat.token, None)
        seat.token = None
        seat.name = ""
        seat.connected = False  # (its connection is being closed)
        if seat.role == "observer":
            del self.seats[key]
        return seat

    def move_seat(self, key: str, unit: str) -> Seat | None:
        """Free *key*'s seat and keep *unit*'s seat for its person (who joins it anew with
        the code); None when *unit* is no free seat of this exercise."""
        seat, target = self.seats.get(key), self.seats.get(unit)
        if seat is None or target is None or target is seat or target.role != "seat":
            return None
        if target.connected or target.token is not None:
            return None
        name = seat.name
        self.free_seat(key)
        target.name = name
        return target

    def rotate_code(self, code: str | None = None) -> str:
        """A new join code; every token issued so far expires."""
        self.code = normalise_code(code) if code else new_code()
        for seat in list(self.seats.values()):
            self.free_seat(seat.key)
        return self.code


class RateLimiter:
    """A token bucket: *rate* messages a second on average, bursts up to *burst*."""

    def __init__(
        self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._level = burst
        self._at = clock()

    def allow(self) -> bool:
        now = self._clock()
        self._level = min(self.burst, self._level + (now - self._at) * self.rate)
        self._at = now
        if self._level >= 1:
            self._level -= 1
            return True
        return False
