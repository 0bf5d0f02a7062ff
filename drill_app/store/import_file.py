"""Importing an exported exercise: every field checked, then one transaction.

Nothing is written until the whole file has been checked: its shape and every
field (types, lengths, dates, finite times), the plan and scenario texts against
their hashes and against the plan and scenario formats, the chain from its
genesis to its head, and the events replayed through the engine and scored, so
an accepted exercise can always be listed, scored, reported and verified.  The
write is one transaction: a refused or killed import leaves no trace.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from drill_app.core.events import Event
from drill_app.core.exercise import Exercise
from drill_app.core.refusals import EventError
from drill_app.core.scoring import ScoringRules
from drill_app.core.sourcefile import DataFileError, loads_json, read_text_file
from drill_app.store.chain import (
    ChainedEvent,
    EventFields,
    RecordFields,
    check_chain,
    genesis_hash,
    sha256_text,
)
from drill_app.store.database import StoreError, one_line
from drill_app.store.models import (
    EventRow,
    ExerciseRow,
    ImprovementItem,
    ImprovementStatusChange,
)
from drill_app.store.rows import record_fields
from drill_app.store.store import (
    IMPROVEMENT_ELEMENTS,
    IMPROVEMENT_STATUSES,
    NewExercise,
    SeatInfo,
    Store,
    parse_plan,
    parse_scenario,
)

Hex64 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Short = Annotated[str, Field(max_length=200)]
Id = Annotated[str, Field(min_length=1, max_length=64)]
Seconds = Annotated[float, Field(allow_inf_nan=False, ge=0, le=1e10)]
ItemStatus = Literal["open", "in_progress", "closed"]
assert set(ItemStatus.__args__) == set(IMPROVEMENT_STATUSES)  # type: ignore[attr-defined]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)


class _Seat(_Strict):
    unit_id: Id
    participant: Short
    workstation: Short


class _Exercise(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
    title: Short
    held_on: dt.date
    status: Literal["planned", "running", "ended"]
    exercise_type: Annotated[str, Field(max_length=20)]
    location: Short
    controller: Short
    evaluators: list[Short]
    options: dict[str, Any]
    scoring_sha256: Annotated[str, Field(pattern=r"^([0-9a-f]{64})?$")] = ""
    created_at: dt.datetime
    ended_at: dt.datetime | None
    seats: list[_Seat]


class _Text(_Strict):
    sha256: Hex64
    content: str


class _Event(_Strict):
    seq: int
    id: Id
    kind: Annotated[str, Field(max_length=40)]
    actor: Literal["controller", "seat", "evaluator", "system"]
    unit: Id | None
    payload: str
    scenario_time: Seconds
    wall_time: Seconds
    prev_hash: Hex64
    hash: Hex64


class _Change(_Strict):
    status: ItemStatus
    changed_at: dt.datetime
    note: str


class _Improvement(_Strict):
    issue: str
    action: str
    element: Literal["plan_revision", "organisation", "equipment", "training", "exercise"]
    owner_unit: Id
    contact: Short
    plan_ref: Annotated[str, Field(max_length=40)]
    start_date: dt.date | None
    due_date: dt.date
    status: ItemStatus
    created_at: dt.datetime
    history: list[_Change]


assert set(_Improvement.model_fields["element"].annotation.__args__) == set(  # type: ignore[union-attr]
    IMPROVEMENT_ELEMENTS
)


class _Export(_Strict):
    format: Literal["drill-app-exercise/1", "drill-app-exercise/2"]
    exercise: _Exercise
    plan: _Text
    scenario: _Text
    events: list[_Event]
    head_hash: Hex64
    improvements: list[_Improvement]


@dataclass(frozen=True)
class ImportResult:
    exercise_id: str
    already_present: bool
    """The same exercise (same final hash) was already here: nothing was written."""
    event_count: int


def import_exercise(store: Store, path: Path, rules: ScoringRules) -> ImportResult:
    """Import an exported exercise; StoreError names what is wrong and nothing is written."""
    try:
        raw = loads_json(read_text_file(path), str(path))
    except DataFileError as exc:
        raise StoreError(f"{exc.problems[0]} (not a drill-app export file)") from None
    try:
        doc = _Export.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(document)"
        raise StoreError(f"{path}: {where}: {first['msg']}") from None
    _check(store, doc, rules, path)
    return _write(store, doc, path)


def _check(store: Store, doc: _Export, rules: ScoringRules, path: Path) -> None:
    for part, text in (("plan", doc.plan), ("scenario", doc.scenario)):
        if sha256_text(text.content) != text.sha256:
            raise StoreError(f"{path}: the {part} text does not match its hash")
    if len({s.unit_id for s in doc.exercise.seats}) != len(doc.exercise.seats):
        raise StoreError(f"{path}: exercise.seats: a unit has two seats")
    if len({e.id for e in doc.events}) != len(doc.events):
        raise StoreError(f"{path}: events: two events have the same id")
    result = check_chain(
        doc.exercise.id,
        genesis_hash(_record(doc)),
        (ChainedEvent(e.seq, _fields(e), e.prev_hash, e.hash) for e in doc.events),
        (len(doc.events), doc.head_hash),
    )
    if not result.ok:
        raise StoreError(f"{path}: the file was altered: {result.problems[0]}")
    _replay(doc, rules, path)


def _replay(doc: _Export, rules: ScoringRules, path: Path) -> None:
    """The events through the engine, then a score: what list, score and report will do."""
    try:
        plan = parse_plan(doc.plan.content)
        scenario = parse_scenario(plan, doc.scenario.content)
    except StoreError as exc:
        raise StoreError(f"{path}: {exc}") from None
    exercise = Exercise(plan, scenario, rules, doc.exercise.id)
    for n, e in enumerate(doc.events, start=1):
        try:
            payload = loads_json(e.payload, f"event {n} payload")
            if not isinstance(payload, dict):
                raise StoreError(f"{path}: events.{n - 1} ({e.kind}): the payload is not an object")
            exercise.apply(
                Event(
                    e.id,
                    doc.exercise.id,
                    e.kind,
                    e.actor,
                    e.unit,
                    payload,
                    e.scenario_time,
                    e.wall_time,
                )
            )
        except DataFileError as exc:
            raise StoreError(f"{path}: events.{n - 1}: {exc.problems[0].message}") from None
        except (EventError, LookupError, TypeError, ValueError) as exc:
            raise StoreError(f"{path}: events.{n - 1} ({e.kind}): {exc}") from None
    try:
        exercise.score()
    except (LookupError, TypeError, ValueError, ArithmeticError) as exc:
        raise StoreError(f"{path}: the exercise cannot be scored: {exc!r}") from None


def _record(doc: _Export) -> RecordFields:
    return record_fields(doc.exercise, doc.plan.sha256, doc.scenario.sha256)


def _fields(e: _Event) -> EventFields:
    return EventFields(e.id, e.kind, e.actor, e.unit, e.payload, e.scenario_time, e.wall_time)


def _write(store: Store, doc: _Export, path: Path) -> ImportResult:
    ex = doc.exercise
    try:
        with Session(store.engine) as session, session.begin():
            existing = session.get(ExerciseRow, ex.id)
            if existing is not None:
                if existing.head_hash == doc.head_hash:
                    return ImportResult(ex.id, True, existing.event_count)
                raise StoreError(
                    f"{path}: exercise {ex.id} already exists here with a different history"
                )
            row = store.add_exercise(session, _new_exercise(doc), ex.id)
            _add_events(session, row, doc)
            for item in doc.improvements:
                session.add(_improvement(row.id, item))
            session.flush()
    except IntegrityError:
        raise StoreError(
            f"{path}: an event id in the file is already stored for another exercise; "
            "nothing was imported"
        ) from None
    except DBAPIError as exc:
        raise StoreError(f"{path}: the database refused the import: {one_line(exc)}") from None
    return ImportResult(ex.id, False, len(doc.events))


def _new_exercise(doc: _Export) -> NewExercise:
    ex = doc.exercise
    return NewExercise(
        title=ex.title,
        plan_text=doc.plan.content,
        scenario_text=doc.scenario.content,
        held_on=ex.held_on,
        exercise_type=ex.exercise_type,
        location=ex.location,
        controller=ex.controller,
        evaluators=tuple(ex.evaluators),
        seats=tuple(SeatInfo(s.unit_id, s.participant, s.workstation) for s in ex.seats),
        options=ex.options,
        exercise_id=ex.id,
        scoring_sha256=ex.scoring_sha256,
    )


def _add_events(session: Session, row: ExerciseRow, doc: _Export) -> None:
    for e in doc.events:
        session.add(
            EventRow(
                exercise_id=row.id,
                seq=e.seq,
                event_id=e.id,
                kind=e.kind,
                actor=e.actor,
                unit=e.unit,
                payload=e.payload,
                scenario_time=e.scenario_time,
                wall_time=e.wall_time,
                prev_hash=e.prev_hash,
                hash=e.hash,
            )
        )
    row.event_count = len(doc.events)
    row.head_hash = doc.head_hash
    row.status = doc.exercise.status
    row.created_at = doc.exercise.created_at
    row.ended_at = doc.exercise.ended_at


def _improvement(exercise_id: str, i: _Improvement) -> ImprovementItem:
    return ImprovementItem(
        exercise_id=exercise_id,
        issue=i.issue,
        action=i.action,
        element=i.element,
        owner_unit=i.owner_unit,
        contact=i.contact,
        plan_ref=i.plan_ref,
        start_date=i.start_date,
        due_date=i.due_date,
        status=i.status,
        created_at=i.created_at,
        history=[
            ImprovementStatusChange(status=h.status, changed_at=h.changed_at, note=h.note)
            for h in i.history
        ],
    )
