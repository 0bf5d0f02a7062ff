"""Group commit: the rows of many events appended to one exercise's chain at once.

``Store.append_events`` writes a group of events (the submissions that arrived
together at a host) in one transaction with one multi-row INSERT; the chain hash
of each is computed in order, exactly as one by one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from drill_app.core.events import Event, EventError
from drill_app.store.models import EventRow, ExerciseRow

_FIELDS = ("event_id", "kind", "actor", "unit", "payload", "scenario_time", "wall_time")


def new_rows(session: Session, row: ExerciseRow, events: Sequence[Event]) -> list[dict[str, Any]]:
    """The rows to insert for *events* (retries already stored are skipped); moves the head."""
    from drill_app.store.store import EventFields, _fields_of_row, _now, chain_hash

    ids = [event.id for event in events]
    stored = {
        r.event_id: r for r in session.scalars(select(EventRow).where(EventRow.event_id.in_(ids)))
    }
    rows: list[dict[str, Any]] = []
    for event in events:
        fields = EventFields.of(event)
        known = stored.get(event.id)
        if known is not None:
            if _fields_of_row(known) == fields and known.exercise_id == event.exercise_id:
                continue
            raise EventError(f"event id {event.id} is already stored with other content")
        seq = row.event_count + 1
        digest = chain_hash(row.head_hash, row.id, seq, fields)
        rows.append(
            {"exercise_id": row.id, "seq": seq, "prev_hash": row.head_hash, "hash": digest}
            | {f: getattr(fields, f) for f in _FIELDS}
        )
        row.event_count, row.head_hash = seq, digest
        if event.kind == "exercise_started":
            row.status = "running"
        elif event.kind == "exercise_ended":
            row.status, row.ended_at = "ended", _now()
    return rows
