"""The protocol: one definition, a published schema kept current, strict parsing."""

from __future__ import annotations

import json

import pytest

from drill_app.net.protocol import (
    MAX_FRAME_BYTES,
    PROTOCOL_VERSION,
    Hello,
    ProtocolError,
    Submit,
    encode,
    parse_client,
    parse_host,
)
from drill_app.net.schema import SCHEMA_FILE, render


def test_the_published_schema_is_the_one_the_models_give() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == render(), (
        "docs/protocol.schema.json is stale: run python -m drill_app.net.schema"
    )
    schema = json.loads(render())
    assert schema["x-protocol-version"] == PROTOCOL_VERSION
    client_types = {
        d["properties"]["type"]["const"]
        for name, d in schema["$defs"].items()
        if name in {"Hello", "Submit", "Ping", "Read"}
    }
    assert client_types == {"hello", "submit", "ping", "read"}


def test_a_hello_and_a_submission_round_trip() -> None:
    hello = Hello(protocol=PROTOCOL_VERSION, unit="emergency", name="李明", code="ABCDEF")
    assert parse_client(encode(hello)) == hello
    submit = Submit(id="a1b2c3d4e5", kind="report_submitted", payload={"report_kind": "phone"})
    assert parse_client(encode(submit)) == submit


@pytest.mark.parametrize(
    ("frame", "code", "field"),
    [
        ("{", "not_json", None),
        (b'{"type": "ping", "nonce": 1}', "binary_frame", None),
        ('{"type": "teleport"}', "invalid_message", ""),
        ('{"type": "ping", "nonce": 1, "extra": 1}', "invalid_message", "ping.extra"),
        ('{"type": "ping", "nonce": -1}', "invalid_message", "ping.nonce"),
        (
            '{"type": "submit", "id": "x", "kind": "report_submitted"}',
            "invalid_message",
            "submit.id",
        ),
        (
            '{"type": "submit", "id": "abcdefgh", "kind": "Drop Table"}',
            "invalid_message",
            "submit.kind",
        ),
        (
            '{"type": "ping", "nonce": 1, "client_time": 1e999}',
            "invalid_message",
            "ping.client_time",
        ),
        ('{"type": "hello", "protocol": 1, "unit": "../etc"}', "invalid_message", "hello.unit"),
        ("[" * 100_000 + "]" * 100_000, "too_large", None),
        ("[" * 30_000 + "]" * 30_000, "not_json", None),
    ],
)
def test_bad_frames_are_refused_with_a_code_naming_the_field(
    frame: str | bytes, code: str, field: str | None
) -> None:
    with pytest.raises(ProtocolError) as refused:
        parse_client(frame)
    assert refused.value.code == code
    if field:
        assert refused.value.params["field"] == field
    if code == "too_large":
        assert refused.value.params["limit"] == MAX_FRAME_BYTES


def test_a_client_refuses_what_a_host_must_not_send() -> None:
    with pytest.raises(ProtocolError):
        parse_host('{"type": "ack", "id": "abcdefgh"}')
