"""Fan-out encodes each event once: every connection still gets exactly its own bytes."""

from __future__ import annotations

from typing import Any, cast

import pytest
from test_visibility import played  # noqa: F401  (the played exercise fixture)

from drill_app.core.events import Event
from drill_app.core.exercise import Exercise
from drill_app.net.connection import Connection
from drill_app.net.fanout import Audience, frames
from drill_app.net.protocol import EventMessage, encode
from drill_app.net.room import RateLimiter
from drill_app.net.visibility import Viewer, seat_audience, view_of


def connection(viewer: Viewer) -> Connection:
    return Connection(cast(Any, None), RateLimiter(1.0, 1.0), viewer=viewer)


@pytest.fixture
def room(played: Exercise) -> list[Connection]:  # noqa: F811
    units = sorted(played.scenario.seats)
    return [connection(Viewer("observer")), *(connection(Viewer("seat", u)) for u in units)]


def one_by_one(events: list[Event], viewer: Viewer) -> list[str]:
    """What the host sent before: each event filtered and encoded for each connection."""
    out: list[str] = []
    for event in events:
        view = view_of(event, viewer)
        if view is not None:
            out.append(encode(EventMessage(seq=len(out) + 1, event=view)))
    return out


def test_each_connection_gets_the_same_bytes_as_one_by_one(
    played: Exercise,  # noqa: F811
    room: list[Connection],
) -> None:
    events = list(played.events)
    got: dict[int, list[str]] = {id(c): [] for c in room}
    audience = Audience.of(room)
    for event in events:
        for conn, frame in frames(event, audience, view_of):
            got[id(conn)].append(frame)
    for conn in room:
        assert conn.viewer is not None
        assert got[id(conn)] == one_by_one(events, conn.viewer), conn.viewer
    # Not vacuous: injects to several units (a view per unit) and reports (one view).
    assert any(len(e.payload["to"]) > 1 for e in events if e.kind == "inject_delivered")
    assert any(e.kind == "report_submitted" for e in events)


def test_the_seat_audience_never_leaves_out_a_seat_that_may_see_the_event(
    played: Exercise,  # noqa: F811
) -> None:
    units = sorted({u.id for u in played.plan.units} | set(played.scenario.seats))
    narrowed = 0
    for event in played.events:
        audience = seat_audience(event)
        seeing = {u for u in units if view_of(event, Viewer("seat", u)) is not None}
        if audience is None:
            continue
        narrowed += 1
        assert seeing <= audience, (event.kind, seeing - audience)
    reports = [e for e in played.events if e.kind == "report_submitted"]
    assert reports and narrowed >= len(reports)
    report = reports[-1]
    assert seat_audience(report) == {report.unit, *report.payload["recipients"]}
