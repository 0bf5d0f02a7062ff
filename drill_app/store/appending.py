"""Group commit: the rows of many events appended to one exercise's chain at once.

``Store.append_events`` writes a group of events (the submissions that arrived
together at a host) in one transaction with one multi-row INSERT; each row is
chained by rows.chain_next (chain.chain_hash from the exercise's head, its
genesis for the first), exactly as one by one, so ``verify`` checks it alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from drill_app.core.events import Event
from drill_app.core.refusals import EventError
from drill_app.store.models import EventRow, ExerciseRow
from drill_app.store.rows import chain_next, fields_of_event, fields_of_row


def new_rows(session: Session, row: ExerciseRow, events: Sequence[Event]) -> list[dict[str, Any]]:
    """The rows to insert for *events* (retries already stored are skipped); moves the head."""
    ids = [event.id for event in events]
    stored = {
        r.event_id: r for r in session.scalars(select(EventRow).where(EventRow.event_id.in_(ids)))
    }
    rows: list[dict[str, Any]] = []
    for event in events:
        fields = fields_of_event(event)
        known = stored.get(event.id)
        if known is not None:
            if fields_of_row(known) == fields and known.exercise_id == event.exercise_id:
                continue
            raise EventError.of("event_stored_differently", event=event.id)
        rows.append(chain_next(row, fields, event.kind))
    return rows
