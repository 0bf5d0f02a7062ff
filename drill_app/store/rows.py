"""Rows of the event chain: from and to events, and what the genesis binds.

Helpers of store.py (kept apart so each module stays one idea): building a row's
chain hash inside a session, reading an exercise's events as plain rows.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from sqlalchemy import Row, Select, select
from sqlalchemy.orm import Session

from drill_app.core.events import Event
from drill_app.store.chain import EventFields, RecordFields, canonical_json, chain_hash
from drill_app.store.models import EventRow, ExerciseRow


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def fields_of_event(event: Event) -> EventFields:
    return EventFields(
        event.id,
        event.kind,
        event.actor,
        event.unit,
        canonical_json(dict(event.payload)),
        float(event.scenario_time),
        float(event.wall_time),
    )


class RecordSource(Protocol):
    """An exercise as a row of the database or as the exercise of an export file."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def held_on(self) -> dt.date: ...
    @property
    def exercise_type(self) -> str: ...
    @property
    def location(self) -> str: ...
    @property
    def controller(self) -> str: ...
    @property
    def evaluators(self) -> Sequence[str]: ...
    @property
    def seats(self) -> Sequence[Any]: ...
    @property
    def options(self) -> Mapping[str, Any]: ...
    @property
    def scoring_sha256(self) -> str: ...


def record_fields(row: RecordSource, plan_sha256: str, scenario_sha256: str) -> RecordFields:
    """What the genesis binds, as *row* (a database row or an export's exercise) holds it."""
    return RecordFields(
        exercise_id=row.id,
        title=row.title,
        held_on=row.held_on.isoformat(),
        exercise_type=row.exercise_type,
        location=row.location,
        controller=row.controller,
        evaluators=tuple(row.evaluators),
        seats=tuple((s.unit_id, s.participant, s.workstation) for s in row.seats),
        options=dict(row.options),
        plan_sha256=plan_sha256,
        scenario_sha256=scenario_sha256,
        scoring_sha256=row.scoring_sha256,
    )


def chain_event(row: ExerciseRow, session: Session, fields: EventFields, kind: str) -> str:
    """Append one event to *row*'s chain in *session*; returns the new head hash."""
    seq = row.event_count + 1
    digest = chain_hash(row.head_hash, row.id, seq, fields)
    session.add(
        EventRow(
            exercise_id=row.id,
            seq=seq,
            event_id=fields.event_id,
            kind=fields.kind,
            actor=fields.actor,
            unit=fields.unit,
            payload=fields.payload,
            scenario_time=fields.scenario_time,
            wall_time=fields.wall_time,
            prev_hash=row.head_hash,
            hash=digest,
        )
    )
    row.event_count = seq
    row.head_hash = digest
    if kind == "exercise_started":
        row.status = "running"
    elif kind == "exercise_ended":
        row.status = "ended"
        row.ended_at = now_utc()
    return digest


def fields_of_row(row: EventRow) -> EventFields:
    return EventFields(
        row.event_id, row.kind, row.actor, row.unit, row.payload, row.scenario_time, row.wall_time
    )


def chain_rows(exercise_id: str) -> Select[*tuple[Any, ...]]:
    """An exercise's events as plain rows in chain order (no ORM objects: 5,000 load fast)."""
    return (
        select(
            EventRow.seq,
            EventRow.event_id,
            EventRow.kind,
            EventRow.actor,
            EventRow.unit,
            EventRow.payload,
            EventRow.scenario_time,
            EventRow.wall_time,
            EventRow.prev_hash,
            EventRow.hash,
        )
        .where(EventRow.exercise_id == exercise_id)
        .order_by(EventRow.seq)
    )


def event_of(exercise_id: str, row: Row[*tuple[Any, ...]]) -> Event:
    return Event(
        id=row.event_id,
        exercise_id=exercise_id,
        kind=row.kind,
        actor=row.actor,
        unit=row.unit,
        payload=json.loads(row.payload),
        scenario_time=row.scenario_time,
        wall_time=row.wall_time,
    )
