"""A seat's outbox on disk: what the user sent that the host has not acknowledged yet.

One JSON line per change, appended and fsynced before ``put`` returns: a
submission survives the seat being killed (SIGKILL) or a power cut, and is sent
again after a restart. ``done`` (acknowledged, or refused for good) appends a
line too; a torn last line (the process died while writing) is ignored. The file
is compacted when it is opened.

The same folder keeps the last event sequence number the seat saw, so a restarted
seat resynchronises from there (a plain file, rewritten atomically).
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Pending:
    id: str
    kind: str
    payload: dict[str, Any]
    client_time: float


class Outbox:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self._path = folder / "outbox.jsonl"
        self._seq_path = folder / "last_seq"
        self._lock = threading.Lock()
        self._pending: dict[str, Pending] = self._load()
        self._compact()
        self._file = self._path.open("a", encoding="utf-8")

    def _load(self) -> dict[str, Pending]:
        pending: dict[str, Pending] = {}
        if not self._path.exists():
            return pending
        for line in self._path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                record = json.loads(line)
                if record["op"] == "put":
                    pending[record["id"]] = Pending(
                        record["id"], record["kind"], record["payload"], record["client_time"]
                    )
                else:
                    pending.pop(record["id"], None)
            except (ValueError, KeyError, TypeError):
                continue  # a torn line
        return pending

    def _compact(self) -> None:
        tmp = self._path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as f:
            for p in self._pending.values():
                f.write(_line({"op": "put", **p.__dict__}))
            f.flush()
            os.fsync(f.fileno())
        tmp.replace(self._path)

    def put(self, pending: Pending) -> None:
        with self._lock:
            self._file.write(_line({"op": "put", **pending.__dict__}))
            self._file.flush()
            os.fsync(self._file.fileno())
            self._pending[pending.id] = pending

    def done(self, submission_id: str) -> bool:
        """Forget a submission (acknowledged or refused); False if it was not pending."""
        with self._lock:
            if self._pending.pop(submission_id, None) is None:
                return False
            self._file.write(_line({"op": "done", "id": submission_id}))
            self._file.flush()
            return True

    def pending(self) -> list[Pending]:
        with self._lock:
            return list(self._pending.values())

    def __len__(self) -> int:
        return len(self._pending)

    @property
    def last_seq(self) -> int:
        try:
            return int(self._seq_path.read_text(encoding="ascii"))
        except (OSError, ValueError):
            return 0

    def save_last_seq(self, seq: int) -> None:
        tmp = self._seq_path.with_suffix(".tmp")
        tmp.write_text(str(seq), encoding="ascii")
        tmp.replace(self._seq_path)

    @property
    def token(self) -> str | None:
        try:
            return (self.folder / "token").read_text(encoding="ascii").strip() or None
        except OSError:
            return None

    def save_token(self, token: str) -> None:
        tmp = self.folder / "token.tmp"
        tmp.write_text(token, encoding="ascii")
        tmp.replace(self.folder / "token")

    def close(self) -> None:
        self._file.close()


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
