"""The host service in this process, clients over loopback: drops, tokens, refusals, fuzz."""

from __future__ import annotations

import contextlib
import json
import logging
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from roomtest import new_exercise, wait_until
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from drill_app.core.commands import Command, Recorded
from drill_app.core.commands import Refused as CoreRefused
from drill_app.core.scoring import ScoringRules
from drill_app.net.client import JoinRequest, SeatClient
from drill_app.net.connection import HostOptions
from drill_app.net.host import HostService
from drill_app.net.host_thread import HostThread
from drill_app.net.protocol import PROTOCOL_VERSION, Ack, Bye, EventMessage, Refused
from drill_app.store.store import Store

CODE = "TEST42"


class Hosted:
    def __init__(self, store: Store, exercise_id: str, thread: HostThread, address: str) -> None:
        self.store, self.exercise_id, self.thread, self.address = (
            store,
            exercise_id,
            thread,
            address,
        )

    def log(self) -> list[Any]:
        return self.store.events(self.exercise_id)


@pytest.fixture
def hosted(tmp_path: Path, rules: ScoringRules) -> Iterator[Hosted]:
    store = Store.open(f"sqlite:///{tmp_path / 'host.sqlite3'}")
    exercise_id = new_exercise(store)
    service = HostService(store, exercise_id, rules, HostOptions(code=CODE, end_at_duration=False))
    thread = HostThread(service)
    address = thread.start()
    thread.control("exercise_started")
    yield Hosted(store, exercise_id, thread, address)
    thread.stop()
    store.close()


@pytest.fixture
def clients(tmp_path: Path) -> Iterator[list[SeatClient]]:
    started: list[SeatClient] = []
    yield started
    for client in started:
        client.stop()


def join(hosted: Hosted, clients: list[SeatClient], unit: str, state: Path) -> SeatClient:
    client = SeatClient(JoinRequest(hosted.address, CODE, "seat", unit, f"{unit}值班员"), state)
    clients.append(client.start())
    wait_until(lambda: client.status == "online", 10, f"{unit} online")
    return client


def received(client: SeatClient) -> list[Any]:
    out = []
    while not client.messages.empty():
        out.append(client.messages.get())
    return out


def test_submissions_made_while_the_connection_is_down_are_recorded_once_each(
    hosted: Hosted, clients: list[SeatClient], tmp_path: Path
) -> None:
    seat = join(hosted, clients, "emergency", tmp_path / "emergency")
    sent = [seat.submit("information_released", {"text": f"通报{n}"}) for n in range(3)]
    seat.drop_connection()
    sent += [seat.submit("information_released", {"text": f"通报{n}"}) for n in range(3, 20)]
    wait_until(lambda: len(seat.outbox) == 0, 20, "the outbox emptied")
    texts = [e.payload["text"] for e in hosted.log() if e.kind == "information_released"]
    assert sorted(texts) == sorted(f"通报{n}" for n in range(20))
    messages = received(seat)
    assert {m.id for m in messages if isinstance(m, Ack)} == set(sent)
    seqs = [m.seq for m in messages if isinstance(m, EventMessage)]
    assert len(seqs) == len(set(seqs))  # resynchronised from the last event, nothing twice


def test_freeing_a_seat_closes_it_and_its_token_no_longer_opens_anything(
    hosted: Hosted, clients: list[SeatClient], tmp_path: Path
) -> None:
    seat = join(hosted, clients, "police", tmp_path / "police")
    listed = {s.key: s for s in hosted.thread.call(hosted.thread.service.seats)}
    assert (listed["police"].connected, listed["police"].name) == (True, "police值班员")
    assert not listed["fire"].connected
    token = seat.outbox.token
    assert token is not None
    hosted.thread.call(lambda: hosted.thread.service.free_seat("police"))
    wait_until(lambda: seat.closed_code == "seat_freed", 10, "seat freed")
    freed = {s.key: s for s in hosted.thread.call(hosted.thread.service.seats)}["police"]
    assert (freed.token, freed.name) == (None, "")
    with connect(f"ws://{hosted.address}") as ws:
        ws.send(
            json.dumps(
                {"type": "hello", "protocol": PROTOCOL_VERSION, "unit": "police", "token": token}
            )
        )
        assert json.loads(ws.recv(5)) == {"type": "bye", "code": "token_expired", "params": {}}


def test_rotating_the_code_expires_every_session(
    hosted: Hosted, clients: list[SeatClient], tmp_path: Path
) -> None:
    seat = join(hosted, clients, "fire", tmp_path / "fire")
    new = hosted.thread.call(lambda: hosted.thread.service.rotate_code())
    wait_until(lambda: seat.closed_code == "token_expired", 10, "token expired")
    assert new != CODE


def test_a_seat_asking_for_another_units_stream_is_refused_and_it_is_logged(
    hosted: Hosted, clients: list[SeatClient], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="drill_app.net.host"),
        connect(f"ws://{hosted.address}") as ws,
    ):
        ws.send(
            json.dumps(
                {"type": "hello", "protocol": PROTOCOL_VERSION, "unit": "health", "code": CODE}
            )
        )
        assert json.loads(ws.recv(5))["type"] == "welcome"
        ws.send(json.dumps({"type": "read", "unit": "emergency"}))
        ws.send(
            json.dumps(
                {"type": "submit", "id": "ctl-00001", "kind": "exercise_ended", "payload": {}}
            )
        )
        refusals: list[dict[str, Any]] = []
        while len(refusals) < 2:
            answer = json.loads(ws.recv(5))
            if answer["type"] == "refused":
                refusals.append(answer)
    assert [(r["code"], r["params"]) for r in refusals] == [
        ("not_your_unit", {"unit": "emergency"}),
        ("not_allowed", {"kind": "exercise_ended"}),
    ]
    assert "not_your_unit" in caplog.text and "not_allowed" in caplog.text
    assert "exercise_ended" not in [e.kind for e in hosted.log()]


def test_an_old_protocol_version_is_refused_in_the_handshake(hosted: Hosted) -> None:
    with connect(f"ws://{hosted.address}") as ws:
        ws.send(json.dumps({"type": "hello", "protocol": 0, "unit": "health", "code": CODE}))
        bye = json.loads(ws.recv(5))
    assert bye == {
        "type": "bye",
        "code": "protocol_version",
        "params": {"host": PROTOCOL_VERSION, "client": 0},
    }


# --- fuzz ----------------------------------------------------------------------------------

HOSTILE_KINDS = [
    "exercise_ended",
    "inject_delivered",
    "clock_jumped",
    "speed_changed",
    "evaluator_note",
    "host_taken_over",
    "report_submitted",
    "level_determined",
]


def hostile_frame(rng: random.Random) -> str | bytes:
    """One frame that must change nothing: garbage, wrong shapes, or forbidden commands."""
    pick = rng.randrange(9)
    if pick == 0:
        return rng.randbytes(rng.randrange(1, 300))
    if pick == 1:
        return "".join(chr(rng.randrange(1, 0x2FFF)) for _ in range(rng.randrange(1, 200)))
    if pick == 2:
        return json.dumps(_junk(rng, 4))
    if pick == 3:  # forbidden: the clock, injects, the end, evaluations from a seat
        kind = rng.choice(HOSTILE_KINDS[:6])
        return json.dumps(
            {
                "type": "submit",
                "id": f"fz{rng.randrange(10**9):09d}",
                "kind": kind,
                "payload": _junk(rng, 2) if rng.random() < 0.5 else {},
            }
        )
    if pick == 4:  # allowed kinds with payloads the engine must refuse
        kind = rng.choice(
            [
                "report_submitted",
                "level_determined",
                "group_activated",
                "warning_issued",
                "supply_cut",
            ]
        )
        payload = (
            {"report_kind": "gossip"}
            if kind == "report_submitted"
            else {"level": "IX", "group": "no_such", "colour": "pink", "user_class": "?"}
        )
        payload["unexpected"] = _junk(rng, 2)
        return json.dumps(
            {
                "type": "submit",
                "id": f"fz{rng.randrange(10**9):09d}",
                "kind": kind,
                "payload": payload,
            }
        )
    if pick == 5:
        return json.dumps(
            {"type": "read", "unit": rng.choice(["emergency", "police", "../../etc", "A"])}
        )
    if pick == 6:
        return json.dumps({"type": "hello", "protocol": 1, "unit": "housing", "code": "AAAAAA"})
    if pick == 7:
        return '{"type": "submit", "id": "' + "x" * rng.randrange(1, 100) + '", "kind": 5}'
    return json.dumps({"type": "ping", "nonce": rng.choice([-1, 2**60, "1", None, 1.5])})


def _junk(rng: random.Random, depth: int) -> Any:
    choice = rng.randrange(7 if depth > 0 else 5)
    if choice == 0:
        return rng.randrange(-(10**30), 10**30)
    if choice == 1:
        return rng.choice([None, True, 1e308, -0.0, "", "𠀀", "\u0000"])
    if choice == 2:
        return "".join(chr(rng.randrange(32, 0x9FFF)) for _ in range(rng.randrange(0, 30)))
    if choice == 3:
        return rng.random()
    if choice == 4:
        return rng.choice(["type", "submit", "hello", "id"])
    if choice == 5:
        return [_junk(rng, depth - 1) for _ in range(rng.randrange(0, 5))]
    return {str(_junk(rng, 0)): _junk(rng, depth - 1) for _ in range(rng.randrange(0, 5))}


def _seat_connection(
    stack: contextlib.ExitStack, address: str, token: str | None
) -> tuple[ClientConnection, str]:
    ws = stack.enter_context(connect(f"ws://{address}", max_size=None))
    hello = {"type": "hello", "protocol": PROTOCOL_VERSION, "unit": "housing", "code": CODE}
    if token:
        hello["token"] = token
    ws.send(json.dumps(hello))
    welcome = json.loads(ws.recv(5))
    assert welcome["type"] == "welcome", welcome
    return ws, welcome["token"]


def test_a_thousand_hostile_frames_leave_the_exercise_untouched(
    hosted: Hosted, clients: list[SeatClient], tmp_path: Path
) -> None:
    # The inject scripted at minute 0 is out; the next is at minute 3, beyond this test.
    wait_until(lambda: len(hosted.log()) == 2, 10, "the first inject released")
    before = hosted.log()
    rng = random.Random(15)
    stack = contextlib.ExitStack()
    ws, token = _seat_connection(stack, hosted.address, None)
    sent = closed = 0
    for n in range(1200):
        frame = hostile_frame(rng) if n % 100 else "[" * 70_000  # and now and then, too large
        try:
            ws.send(frame)
            sent += 1
        except ConnectionClosed:
            closed += 1
            ws, token = _seat_connection(stack, hosted.address, token)
    for _ in range(20):  # frames before any hello
        with connect(f"ws://{hosted.address}") as raw:
            raw.send(hostile_frame(rng))
            assert json.loads(raw.recv(5))["type"] == "bye"
    stack.close()
    assert sent >= 1000 and closed >= 1  # oversized frames and floods close the connection
    # The host is still serving, and a real seat still gets through.
    seat = join(hosted, clients, "emergency", tmp_path / "emergency")
    seat.submit("information_released", {"text": "正常发布"})
    wait_until(lambda: len(seat.outbox) == 0, 10, "the real submission acknowledged")
    after = hosted.log()
    assert after[:-1] == before
    assert (after[-1].kind, after[-1].unit, after[-1].actor) == (
        "information_released",
        "emergency",
        "seat",
    )
    assert hosted.store.verify(hosted.exercise_id).ok
    assert [m for m in received(seat) if isinstance(m, Refused | Bye)] == []


def test_the_hosts_own_console_sends_commands_and_follows_their_outcomes(
    hosted: Hosted, clients: list[SeatClient], tmp_path: Path
) -> None:
    seat = join(hosted, clients, "emergency", tmp_path / "emergency")
    outcomes: list[Any] = []
    hosted.thread.call(lambda: hosted.thread.service.subscribe(outcomes.append))
    inject = {
        "title": "补充情况",
        "text": "现场风力增大。",
        "source": "controller",
        "to": ["emergency"],
    }
    hosted.thread.send(Command("console-000001", "inject_delivered", inject))
    hosted.thread.send(Command("console-000002", "exercise_resumed"))  # not paused: refused
    wait_until(lambda: len(outcomes) == 2, 10, "both outcomes")
    assert isinstance(outcomes[0], Recorded) and outcomes[0].event.id == "console-000001"
    assert (
        isinstance(outcomes[1], CoreRefused) and outcomes[1].refusal.code == "exercise_not_paused"
    )
    wait_until(
        lambda: any(
            isinstance(m, EventMessage) and m.event.id == "console-000001"
            for m in seat.messages.queue
        ),
        10,
        "the inject at the seat",
    )
    assert [e.id for e in hosted.log()][-1] == "console-000001"
