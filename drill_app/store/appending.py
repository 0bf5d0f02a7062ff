"""Group commit: the rows of many events appended to one exercise's chain at once.

``Store.append_events`` writes a group of events (the submissions that arrived
together at a host) in one transaction with one multi-row INSERT; the chain hash
of each is computed in order, exactly as one by one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from drill_app.core.events import Event
from drill_app.core.refusals import EventError
from drill_app.store.models import EventRow, ExerciseRow

_FIELDS = ("event_id", "kind", "actor", "unit", "payload", "scenario_time", "wall_time")


class Chain(Protocol):
    """The chain's own functions (store.py): an event's fields, a stored row's, the hash."""

    def fields_of(self, event: Event) -> Any: ...
    def fields_of_row(self, row: EventRow) -> Any: ...
    def hash(self, prev_hash: str, exercise_id: str, seq: int, fields: Any) -> str: ...


def new_rows(
    session: Session, row: ExerciseRow, events: Sequence[Event], chain: Chain
) -> list[dict[str, Any]]:
    """The rows to insert for *events* (retries already stored are skipped); moves the head."""
    ids = [event.id for event in events]
    stored = {
        r.event_id: r for r in session.scalars(select(EventRow).where(EventRow.event_id.in_(ids)))
    }
    rows: list[dict[str, Any]] = []
    for event in events:
        fields = chain.fields_of(event)
        known = stored.get(event.id)
        if known is not None:
            if chain.fields_of_row(known) == fields and known.exercise_id == event.exercise_id:
                continue
            raise EventError.of("event_stored_differently", event=event.id)
        seq = row.event_count + 1
        digest = chain.hash(row.head_hash, row.id, seq, fields)
        rows.append(
            {"exercise_id": row.id, "seq": seq, "prev_hash": row.head_hash, "hash": digest}
            | {f: getattr(fields, f) for f in _FIELDS}
        )
        row.event_count, row.head_hash = seq, digest
        if event.kind == "exercise_started":
            row.status = "running"
        elif event.kind == "exercise_ended":
            row.status, row.ended_at = "ended", dt.datetime.now(dt.UTC)
    return rows
