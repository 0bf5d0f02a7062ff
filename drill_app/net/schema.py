"""Generate docs/protocol.schema.json from the protocol models.

Run ``python -m drill_app.net.schema`` after changing ``protocol.py``; a test checks
that the committed file is what this prints.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from drill_app.net.protocol import CLIENT_ADAPTER, HOST_ADAPTER, MAX_FRAME_BYTES, PROTOCOL_VERSION

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "protocol.schema.json"


def protocol_schema() -> dict[str, Any]:
    client = CLIENT_ADAPTER.json_schema(ref_template="#/$defs/{model}")
    host = HOST_ADAPTER.json_schema(ref_template="#/$defs/{model}")
    defs = {**client.pop("$defs", {}), **host.pop("$defs", {})}
    defs["ClientMessage"] = client
    defs["HostMessage"] = host
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://drill-app.invalid/protocol.schema.json",
        "title": f"drill-app training-room protocol, version {PROTOCOL_VERSION}",
        "description": (
            "One WebSocket text frame is one JSON object: a ClientMessage from a seat or "
            f"observer, a HostMessage from the host. Frames over {MAX_FRAME_BYTES} bytes "
            "are refused. See docs/protocol.md."
        ),
        "x-protocol-version": PROTOCOL_VERSION,
        "oneOf": [{"$ref": "#/$defs/ClientMessage"}, {"$ref": "#/$defs/HostMessage"}],
        "$defs": dict(sorted(defs.items())),
    }


def render() -> str:
    return json.dumps(protocol_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def main() -> None:
    if sys.argv[1:] == ["--check"]:
        sys.exit(0 if SCHEMA_FILE.read_text(encoding="utf-8") == render() else 1)
    SCHEMA_FILE.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main()
