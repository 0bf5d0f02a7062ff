"""The training-room protocol: every message one typed model, JSON over WebSocket.

One WebSocket text frame carries one JSON object with a ``type``.  The models below
are the definition; ``docs/protocol.schema.json`` is generated from them
(``python -m drill_app.net.schema``) and ``docs/protocol.md`` explains them.

Every frame a host receives is parsed with ``parse_client`` (size-limited, strict:
unknown fields and unknown types are refused); a client parses with
``parse_host``.  The version is checked in the handshake: a client speaking another
``protocol`` is refused with ``protocol_version``.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

PROTOCOL_VERSION = 1
MAX_FRAME_BYTES = 64 * 1024
"""Largest frame either side accepts (the WebSocket library closes with 1009 beyond)."""

Role = Literal["seat", "observer"]
"""Who joins over the network; the controller is the host itself and never a client."""

SubmissionId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_.:-]{8,64}$")]
UnitId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
Kind = Annotated[str, Field(pattern=r"^[a-z_]{1,40}$")]
ShortStr = Annotated[str, Field(max_length=200)]
Code = Annotated[str, Field(min_length=4, max_length=16)]
Token = Annotated[str, Field(min_length=16, max_length=128)]


class Message(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# --- client to host ---------------------------------------------------------------------


class Hello(Message):
    """The first frame: join with the code, or resume with the token from ``welcome``."""

    type: Literal["hello"] = "hello"
    protocol: int
    role: Role = "seat"
    unit: UnitId | None = None
    """The seat's unit (role seat); none for an observer."""
    name: ShortStr = ""
    code: Code | None = None
    token: Token | None = None
    last_seq: int = Field(default=0, ge=0)
    """The last event of this client's stream it has seen; the host resends the rest."""


class Submit(Message):
    """An action for the seat's unit (or an evaluator's note). Acknowledged once on disk."""

    type: Literal["submit"] = "submit"
    id: SubmissionId
    """Chosen by the client; a resend with the same id is recorded once."""
    kind: Kind
    payload: dict[str, Any] = {}
    client_time: float = 0.0
    """The client's wall clock when the user sent it (kept for the record only)."""


class Ping(Message):
    type: Literal["ping"] = "ping"
    nonce: int = Field(ge=0, le=2**53)
    client_time: float = 0.0


class Read(Message):
    """Ask for this client's stream again from *from_seq* (a seat naming another unit is
    refused and the refusal logged)."""

    type: Literal["read"] = "read"
    unit: UnitId
    from_seq: int = Field(default=0, ge=0)


ClientMessage = Annotated[Hello | Submit | Ping | Read, Field(discriminator="type")]


# --- host to client ---------------------------------------------------------------------


class ClockView(Message):
    state: Literal["not_started", "running", "paused", "ended"]
    scenario_seconds: float
    speed: float
    host_time: float
    """Host wall clock (POSIX seconds) at which ``scenario_seconds`` was read."""


class SeatBriefing(Message):
    """What a seat's window needs to show its unit's forms (derived by the host's core)."""

    person: ShortStr = ""
    """Who sits at the seat (the name given when joining, else the exercise's roster)."""
    plan_sha256: str = ""
    """The exact plan the exercise runs with; the seat's forms are built from it."""
    plan_title: ShortStr = ""
    actions: list[Kind] = []
    """The kinds of action the plan gives this unit (``core.seat_actions``)."""
    recipients: dict[str, list[str]] = {}
    """Report kind -> whom the plan says this unit reports to (§4.1)."""
    show_deadlines: bool = False
    """The controller chose to show the unit its own deadlines (``obligations``)."""


class Welcome(Message):
    type: Literal["welcome"] = "welcome"
    protocol: int = PROTOCOL_VERSION
    token: Token
    """Per-connection session token (≥128 random bits); resume with it after a drop."""
    exercise: str
    title: str
    scenario_title: str
    duration_minutes: float
    role: Role
    unit: UnitId | None
    clock: ClockView
    seats: list[UnitId]
    briefing: SeatBriefing | None = None
    """For a seat: its unit's forms and options (none for an observer)."""


class EventView(Message):
    """One event of the exercise as this client may see it (filtered by the host)."""

    id: str
    kind: str
    actor: str
    unit: str | None
    payload: dict[str, Any]
    scenario_time: float
    wall_time: float


class EventMessage(Message):
    type: Literal["event"] = "event"
    seq: int = Field(ge=1)
    """Position in this client's own stream (1, 2, 3 …), stable across reconnects."""
    event: EventView


class Ack(Message):
    """The submission is committed: on disk at the host, with the host's time."""

    type: Literal["ack"] = "ack"
    id: SubmissionId
    event_id: str
    scenario_time: float
    """Host receive time in scenario seconds (authoritative)."""
    host_time: float


class Refused(Message):
    """A message was refused: a code with parameters, worded by the client's table."""

    type: Literal["refused"] = "refused"
    id: str | None = None
    """The submission refused, if the refusal is about one."""
    code: str
    params: dict[str, Any] = {}


class Pong(Message):
    type: Literal["pong"] = "pong"
    nonce: int
    client_time: float
    clock: ClockView


class ClockMessage(Message):
    type: Literal["clock"] = "clock"
    clock: ClockView


class ObligationView(Message):
    """One of the unit's open obligations, as the plan derives it (no verdict, no points)."""

    id: str
    title: str
    title_en: str = ""
    ref: str = ""
    due_at: float
    """Scenario seconds by which it is due."""


class Obligations(Message):
    """A seat's open obligations with deadlines: sent only when the controller chose to
    show deadlines to trainees, again whenever they change (the whole list each time)."""

    type: Literal["obligations"] = "obligations"
    obligations: list[ObligationView]


class Bye(Message):
    """The host closes this connection (the code, the token, or the seat is gone)."""

    type: Literal["bye"] = "bye"
    code: str
    params: dict[str, Any] = {}


HostMessage = Annotated[
    Welcome | EventMessage | Ack | Refused | Pong | ClockMessage | Obligations | Bye,
    Field(discriminator="type"),
]

CLIENT_ADAPTER: TypeAdapter[Hello | Submit | Ping | Read] = TypeAdapter(ClientMessage)
AnyHostMessage = Welcome | EventMessage | Ack | Refused | Pong | ClockMessage | Obligations | Bye
HOST_ADAPTER: TypeAdapter[AnyHostMessage] = TypeAdapter(HostMessage)


NET_CODES = (
    # a frame
    "binary_frame",
    "too_large",
    "not_json",
    "invalid_message",
    "rate_limited",
    "too_many_errors",
    # joining
    "hello_timeout",
    "hello_expected",
    "already_joined",
    "protocol_version",
    "code_required",
    "wrong_code",
    "token_expired",
    "unknown_unit",
    "seat_taken",
    "seat_freed",
    "seat_moved",
    "replaced",
    "host_stopped",
    # what a client may do
    "not_allowed",
    "not_your_unit",
)
"""The codes of ``refused`` and ``bye`` that come from the network layer; a refusal by the
exercise itself carries the core's refusal code and parameters instead."""


class ProtocolError(ValueError):
    """A frame is not a valid message; ``code`` and ``params`` say why."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


def _load(frame: str | bytes) -> Any:
    if isinstance(frame, bytes):
        raise ProtocolError("binary_frame")
    if len(frame.encode("utf-8", "surrogatepass")) > MAX_FRAME_BYTES:
        raise ProtocolError("too_large", limit=MAX_FRAME_BYTES)
    try:
        return json.loads(frame)
    except (ValueError, RecursionError) as exc:
        raise ProtocolError("not_json", detail=str(exc)[:200]) from None


def _invalid(exc: ValidationError) -> ProtocolError:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return ProtocolError("invalid_message", field=where[:200], problem=str(err["msg"])[:200])


def parse_client(frame: str | bytes) -> Hello | Submit | Ping | Read:
    """A frame from a client as a typed message, or ProtocolError."""
    data = _load(frame)
    try:
        return CLIENT_ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise _invalid(exc) from None


def parse_host(frame: str | bytes) -> AnyHostMessage:
    data = _load(frame)
    try:
        return HOST_ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise _invalid(exc) from None


def encode(message: Message) -> str:
    return message.model_dump_json()
