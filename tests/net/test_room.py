"""The room: join code, session tokens (≥128 bits), freeing a seat, rotating the code."""

from __future__ import annotations

import base64

from drill_app.net.protocol import PROTOCOL_VERSION, Hello
from drill_app.net.room import Admitted, Denied, RateLimiter, Room


def hello(**kw: object) -> Hello:
    return Hello(protocol=PROTOCOL_VERSION, **kw)  # type: ignore[arg-type]


def test_the_code_admits_and_a_token_of_at_least_128_bits_resumes() -> None:
    room = Room(("emergency", "police"), "abc-def")
    assert room.code == "ABCDEF"
    admitted = room.admit(hello(unit="emergency", name="李明", code="abcdef"))
    assert isinstance(admitted, Admitted) and not admitted.resumed
    token = admitted.seat.token
    assert token is not None
    assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) * 8 >= 128
    room.connected(admitted.seat)
    again = room.admit(hello(unit="emergency", token=token))
    assert isinstance(again, Admitted) and again.resumed


def test_wrong_code_unknown_unit_and_a_taken_seat_are_refused() -> None:
    room = Room(("emergency",), "ABCDEF")
    assert room.admit(hello(unit="emergency", code="ABCDEG")) == Denied("wrong_code")
    unknown = room.admit(hello(unit="fire", code="ABCDEF"))
    assert isinstance(unknown, Denied) and unknown.code == "unknown_unit"
    first = room.admit(hello(unit="emergency", code="ABCDEF"))
    assert isinstance(first, Admitted)
    room.connected(first.seat)
    taken = room.admit(hello(unit="emergency", code="ABCDEF", name="冒名者"))
    assert isinstance(taken, Denied) and taken.code == "seat_taken"


def test_freeing_a_seat_or_rotating_the_code_expires_tokens() -> None:
    room = Room(("emergency", "police"), "ABCDEF")
    a = room.admit(hello(unit="emergency", code="ABCDEF"))
    b = room.admit(hello(unit="police", code="ABCDEF"))
    assert isinstance(a, Admitted) and isinstance(b, Admitted)
    token_a, token_b = a.seat.token, b.seat.token
    room.free_seat("emergency")
    assert room.admit(hello(unit="emergency", token=token_a)) == Denied("token_expired")
    assert isinstance(room.admit(hello(unit="police", token=token_b)), Admitted)
    new = room.rotate_code()
    assert new != "ABCDEF" and len(new) == 6
    assert room.admit(hello(unit="police", token=token_b)) == Denied("token_expired")
    assert room.admit(hello(unit="police", token=token_b, code="ABCDEF")) == Denied("wrong_code")
    assert isinstance(room.admit(hello(unit="police", code=new)), Admitted)


def test_a_token_for_one_seat_does_not_open_another() -> None:
    room = Room(("emergency", "police"), "ABCDEF")
    a = room.admit(hello(unit="emergency", code="ABCDEF"))
    assert isinstance(a, Admitted)
    assert room.admit(hello(unit="police", token=a.seat.token)) == Denied("token_expired")


def test_the_rate_limiter_allows_a_burst_then_the_rate() -> None:
    now = [0.0]
    limiter = RateLimiter(rate=10, burst=5, clock=lambda: now[0])
    assert [limiter.allow() for _ in range(6)] == [True] * 5 + [False]
    now[0] += 0.25
    assert [limiter.allow() for _ in range(3)] == [True, True, False]
