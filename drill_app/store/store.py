"""The store: exercises, their append-only event chain, improvement items.

Sessions are framed here and nothing ORM-shaped leaves this module: callers get
frozen dataclasses and core events.  An event is committed (durable) before
``append_event`` returns, which is what lets the UI or a client be told that it
was accepted.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from drill_app.core.events import Event
from drill_app.core.exercise import Exercise
from drill_app.core.plan import Plan, plan_from_document
from drill_app.core.refusals import EventError
from drill_app.core.scenario import Scenario, scenario_from_document
from drill_app.core.scoring import ScoreSheet, ScoringRules, score_exercise
from drill_app.core.sourcefile import DataFileError, parse_yaml
from drill_app.store.appending import new_rows
from drill_app.store.chain import (
    VerifyResult,
    genesis_hash,
    sha256_text,
)
from drill_app.store.database import StoreError, create_store_engine, default_url, prepare
from drill_app.store.models import (
    EventRow,
    ExerciseRow,
    ImprovementItem,
    ImprovementStatusChange,
    PlanVersion,
    ScenarioVersion,
    SeatRow,
)
from drill_app.store.ownership import check_writer
from drill_app.store.reading import events_of_rows, verify_rows
from drill_app.store.receipts import Receipt, write_receipts
from drill_app.store.rows import (
    chain_next,
    chain_rows,
    event_of,
    fields_of_event,
    now_utc,
    record_fields,
)
from drill_app.store.summaries import ExerciseSummary as ExerciseSummary  # (re-exported)

# --- what callers get -----------------------------------------------------------------


@dataclass(frozen=True)
class SeatInfo:
    unit_id: str
    participant: str = ""
    workstation: str = ""


@dataclass(frozen=True)
class NewExercise:
    title: str
    plan_text: str
    scenario_text: str
    held_on: dt.date
    exercise_type: str = "tabletop"
    location: str = ""
    controller: str = ""
    evaluators: tuple[str, ...] = ()
    seats: tuple[SeatInfo, ...] = ()
    options: dict[str, Any] = field(default_factory=dict)
    exercise_id: str | None = None
    scoring_sha256: str = ""
    """SHA-256 of the scoring rules' text the exercise is scored with ("" if not given)."""


@dataclass(frozen=True)
class ExerciseDetail:
    summary: ExerciseSummary
    location: str
    controller: str
    evaluators: tuple[str, ...]
    seats: tuple[SeatInfo, ...]
    options: dict[str, Any]
    plan_text: str
    scenario_text: str
    created_at: dt.datetime
    ended_at: dt.datetime | None
    scoring_sha256: str = ""


@dataclass(frozen=True)
class StoredRecord:
    """An exercise as stored, with its events and the result of verifying it."""

    detail: ExerciseDetail
    events: tuple[Event, ...]
    check: VerifyResult


@dataclass(frozen=True)
class ArchivedExercise:
    """An ended exercise whose record verified, scored from its events as recorded.

    Its events were validated by the engine when they were recorded and the chain
    shows they have not changed since, so they are scored without replaying them
    through the engine (the same sheet, in a fraction of the time).
    """

    plan: Plan
    scenario: Scenario
    rules: ScoringRules
    events: list[Event]

    def score(self) -> ScoreSheet:
        return score_exercise(self.plan, self.scenario, self.events, self.rules)


@dataclass(frozen=True)
class ImprovementInfo:
    id: int
    exercise_id: str | None
    issue: str
    action: str
    element: str
    owner_unit: str
    contact: str
    plan_ref: str
    start_date: dt.date | None
    due_date: dt.date
    status: str
    history: tuple[tuple[str, dt.datetime, str], ...]


IMPROVEMENT_STATUSES = ("open", "in_progress", "closed")
IMPROVEMENT_ELEMENTS = ("plan_revision", "organisation", "equipment", "training", "exercise")


# --- the store --------------------------------------------------------------------------


class Store:
    """A drill-app database.  Open with ``Store.open(url)``; close when done."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Open (creating or upgrading) the database; StoreError says what is wrong."""
        url = url or default_url()
        engine = create_store_engine(url)
        try:
            prepare(engine)
        except StoreError:
            engine.dispose()
            raise
        return cls(engine, url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plans and scenarios ------------------------------------------------------

    def _plan_version(self, session: Session, text: str) -> PlanVersion:
        digest = sha256_text(text)
        row = session.scalar(select(PlanVersion).where(PlanVersion.sha256 == digest))
        if row is None:
            plan = parse_plan(text)
            row = PlanVersion(
                sha256=digest,
                plan_key=plan.identity.id,
                title=plan.identity.title,
                document_number=plan.identity.document_number,
                content=text,
                stored_at=now_utc(),
            )
            session.add(row)
            session.flush()
        return row

    def _scenario_version(self, session: Session, plan_text: str, text: str) -> ScenarioVersion:
        digest = sha256_text(text)
        row = session.scalar(select(ScenarioVersion).where(ScenarioVersion.sha256 == digest))
        if row is None:
            scenario = parse_scenario(parse_plan(plan_text), text)
            row = ScenarioVersion(
                sha256=digest,
                scenario_key=scenario.id,
                title=scenario.title,
                content=text,
                stored_at=now_utc(),
            )
            session.add(row)
            session.flush()
        return row

    # --- exercises ---------------------------------------------------------------------

    def create_exercise(self, new: NewExercise, events: Sequence[Event] = ()) -> str:
        """Store a new exercise (and, for a finished one, its events) in one transaction."""
        exercise_id = new.exercise_id or uuid.uuid4().hex
        with Session(self.engine) as session, session.begin():
            row = self.add_exercise(session, new, exercise_id)
            for event in events:
                session.add(EventRow(**chain_next(row, fields_of_event(event), event.kind)))
        return exercise_id

    def add_exercise(self, session: Session, new: NewExercise, exercise_id: str) -> ExerciseRow:
        plan = self._plan_version(session, new.plan_text)
        scenario = self._scenario_version(session, new.plan_text, new.scenario_text)
        row = ExerciseRow(
            id=exercise_id,
            title=new.title,
            plan_version_id=plan.id,
            scenario_version_id=scenario.id,
            exercise_type=new.exercise_type,
            location=new.location,
            held_on=new.held_on,
            controller=new.controller,
            evaluators=list(new.evaluators),
            options=dict(new.options),
            scoring_sha256=new.scoring_sha256,
            status="planned",
            created_at=now_utc(),
            ended_at=None,
            event_count=0,
            head_hash="",
            seats=[
                SeatRow(unit_id=s.unit_id, participant=s.participant, workstation=s.workstation)
                for s in new.seats
            ],
        )
        row.head_hash = genesis_hash(
            record_fields(row, sha256_text(plan.content), sha256_text(scenario.content))
        )
        session.add(row)
        session.flush()
        return row

    def list_exercises(self) -> list[ExerciseSummary]:
        query = (
            select(
                ExerciseRow.id,
                ExerciseRow.title,
                ExerciseRow.held_on,
                ExerciseRow.status,
                ExerciseRow.exercise_type,
                ScenarioVersion.title,
                PlanVersion.document_number,
                ExerciseRow.event_count,
                ExerciseRow.head_hash,
            )
            .join(ScenarioVersion, ExerciseRow.scenario_version_id == ScenarioVersion.id)
            .join(PlanVersion, ExerciseRow.plan_version_id == PlanVersion.id)
            .order_by(ExerciseRow.held_on.desc(), ExerciseRow.created_at.desc())
        )
        with Session(self.engine) as session:
            return [ExerciseSummary(*row) for row in session.execute(query)]

    def exercise(self, exercise_id: str) -> ExerciseDetail:
        with Session(self.engine) as session:
            row = session.get(ExerciseRow, exercise_id)
            if row is None:
                raise StoreError(f"no exercise {exercise_id!r} in this database")
            return _detail(row)

    def find_exercise(self, prefix: str) -> str:
        """The full id of the exercise whose id starts with *prefix* (ids are long)."""
        with Session(self.engine) as session:
            ids = session.scalars(
                select(ExerciseRow.id).where(ExerciseRow.id.startswith(prefix, autoescape=True))
            ).all()
        if not ids:
            raise StoreError(f"no exercise {prefix!r} in this database")
        if len(ids) > 1:
            raise StoreError(f"{prefix!r} matches {len(ids)} exercises; give more of the id")
        return ids[0]

    # --- the event chain --------------------------------------------------------------------

    def append_event(self, event: Event, *, owner: str | None = None) -> str:
        """Append one event, committed before returning; idempotent by id; see append_events."""
        return self.append_events([event], owner=owner)

    def append_events(
        self, events: Sequence[Event], *, owner: str | None = None, receipts: Sequence[Receipt] = ()
    ) -> str:
        """Append events of one exercise in one transaction (group commit), all or none;
        returns the head hash.  *owner*: the writer's claim (store/ownership.py): a claimed
        exercise takes writes from its claimant only (NotOwner).  *receipts*: how network
        submissions among them arrived."""
        if not events:
            raise StoreError("nothing to append")
        exercise_id = events[0].exercise_id
        with Session(self.engine) as session, session.begin():
            row = session.get(ExerciseRow, exercise_id, with_for_update=True)
            if row is None:
                raise StoreError(f"no exercise {exercise_id!r} in this database")
            check_writer(session, exercise_id, owner)
            if any(event.exercise_id != exercise_id for event in events):
                raise StoreError("a group of events must belong to one exercise")
            if rows := new_rows(session, row, events):
                session.execute(insert(EventRow.metadata.tables["events"]), rows)
            write_receipts(session, receipts)
            return row.head_hash

    def events(self, exercise_id: str) -> list[Event]:
        with Session(self.engine) as session:
            return [event_of(exercise_id, r) for r in session.execute(chain_rows(exercise_id))]

    def verify(self, exercise_id: str) -> VerifyResult:
        """Recompute the whole record: the genesis (exercise, plan, scenario) and the chain."""
        return self.stored_record(exercise_id, with_events=False).check

    def stored_record(self, exercise_id: str, *, with_events: bool = True) -> StoredRecord:
        """The exercise, its events and its verification, read in one pass."""
        with Session(self.engine) as session:
            row = session.get(ExerciseRow, exercise_id)
            if row is None:
                raise StoreError(f"no exercise {exercise_id!r} in this database")
            detail = _detail(row)
            extra = [
                f"the stored {what} text does not match its recorded hash (altered)"
                for what, version in (("plan", row.plan), ("scenario", row.scenario))
                if sha256_text(version.content) != version.sha256
            ]
            genesis = genesis_hash(
                record_fields(row, sha256_text(row.plan.content), sha256_text(row.scenario.content))
            )
            rows = session.connection().execute(chain_rows(exercise_id)).all()  # plain rows
        stored = (detail.summary.event_count, detail.summary.head_hash)
        with _no_cycle_collection():  # thousands of acyclic objects: nothing to collect
            check = verify_rows(exercise_id, genesis, rows, stored, extra)
            events = events_of_rows(exercise_id, rows) if with_events else []
        return StoredRecord(detail, tuple(events), check)

    def open_exercise(
        self,
        exercise_id: str,
        rules: ScoringRules,
        *,
        wall_clock: Callable[[], float] = time.time,
        new_id: Callable[[], str] | None = None,
        record_restart: bool = True,
        owner: str | None = None,
        record: StoredRecord | None = None,
    ) -> Exercise:
        """The exercise rebuilt from its stored events, writing new events through to here.

        *record*: the stored record already read (by ``stored_record``), to read it once.

        A running exercise reopened after its host stopped gets a ``host_restarted``
        event recording the gap; its clock has kept running meanwhile, since scenario
        time is computed from the recorded control events and the wall clock.
        """
        detail = record.detail if record is not None else self.exercise(exercise_id)
        plan = stored_plan(detail.plan_text)
        scenario = stored_scenario(detail.plan_text, detail.scenario_text)
        exercise = Exercise(
            plan, scenario, rules, exercise_id, wall_clock=wall_clock, new_id=new_id
        )
        stored = list(record.events) if record is not None else self.events(exercise_id)
        # A record that verified holds the events as the engine validated them when they
        # were recorded: followed as committed (same state, test_reading), not re-validated.
        trusted = record is not None and record.check.ok
        apply = exercise.apply_committed if trusted else exercise.apply
        for n, event in enumerate(stored, start=1):
            try:
                apply(event)
            except EventError as exc:
                raise StoreError(
                    f"the stored events of {exercise_id} cannot be replayed (event {n}, "
                    f"{event.kind}): {exc}"
                ) from None
        exercise.attach_persistence(lambda event: self.append_event(event, owner=owner))
        if record_restart and exercise.started and not exercise.ended and stored:
            gap = max(0.0, wall_clock() - stored[-1].wall_time)
            exercise.submit("host_restarted", {"down_seconds": gap}, actor="system")
        return exercise

    def archived_exercise(
        self, record: StoredRecord, rules: ScoringRules
    ) -> ArchivedExercise | Exercise:
        """The exercise of *record* for reading: scored as recorded when it verified and
        has ended, else rebuilt through the engine (which checks every event)."""
        if record.check.ok and record.detail.summary.status == "ended":
            detail = record.detail
            plan = stored_plan(detail.plan_text)
            scenario = stored_scenario(detail.plan_text, detail.scenario_text)
            return ArchivedExercise(plan, scenario, rules, list(record.events))
        return self.load_exercise(record.detail.summary.id, rules, record=record)

    def load_exercise(
        self,
        exercise_id: str,
        rules: ScoringRules,
        *,
        wall_clock: Callable[[], float] = time.time,
        new_id: Callable[[], str] | None = None,
        owner: str | None = None,
        record: StoredRecord | None = None,
    ) -> Exercise:
        """An existing exercise rebuilt from its stored events, recording no restart (to read
        it, score it, or write to it from a tool)."""
        return self.open_exercise(
            exercise_id,
            rules,
            wall_clock=wall_clock,
            new_id=new_id,
            record_restart=False,
            owner=owner,
            record=record,
        )

    # --- improvement plan -------------------------------------------------------------------

    def add_improvement(
        self,
        *,
        issue: str,
        action: str,
        element: str,
        owner_unit: str,
        due_date: dt.date,
        exercise_id: str | None = None,
        contact: str = "",
        plan_ref: str = "",
        start_date: dt.date | None = None,
    ) -> int:
        if element not in IMPROVEMENT_ELEMENTS:
            raise StoreError(f"element must be one of {', '.join(IMPROVEMENT_ELEMENTS)}")
        with Session(self.engine) as session, session.begin():
            now = now_utc()
            item = ImprovementItem(
                exercise_id=exercise_id,
                issue=issue,
                action=action,
                element=element,
                owner_unit=owner_unit,
                contact=contact,
                plan_ref=plan_ref,
                start_date=start_date,
                due_date=due_date,
                status="open",
                created_at=now,
                history=[ImprovementStatusChange(status="open", changed_at=now, note="")],
            )
            session.add(item)
            session.flush()
            return item.id

    def set_improvement_status(self, item_id: int, status: str, note: str = "") -> None:
        if status not in IMPROVEMENT_STATUSES:
            raise StoreError(f"status must be one of {', '.join(IMPROVEMENT_STATUSES)}")
        with Session(self.engine) as session, session.begin():
            item = session.get(ImprovementItem, item_id)
            if item is None:
                raise StoreError(f"no improvement item {item_id}")
            item.status = status
            item.history.append(
                ImprovementStatusChange(status=status, changed_at=now_utc(), note=note)
            )

    def improvements(self, *, open_only: bool = False) -> list[ImprovementInfo]:
        query = select(ImprovementItem).order_by(
            ImprovementItem.owner_unit, ImprovementItem.due_date, ImprovementItem.id
        )
        if open_only:
            query = query.where(ImprovementItem.status != "closed")
        with Session(self.engine) as session:
            return [_improvement(item) for item in session.scalars(query)]

    def count_exercises(self) -> int:
        with Session(self.engine) as session:
            return int(session.scalar(select(func.count()).select_from(ExerciseRow)) or 0)


# --- helpers -------------------------------------------------------------------------------


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Without it, loading 5,000 events triggers full collections over the whole heap
    that cost as much as the loading itself.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_plan(text: str) -> Plan:
    try:
        return plan_from_document(parse_yaml(text, "<stored plan>"))
    except DataFileError as exc:
        raise StoreError(f"the stored plan is not valid: {exc.problems[0]}") from None


def parse_scenario(plan: Plan, text: str) -> Scenario:
    try:
        return scenario_from_document(plan, parse_yaml(text, "<stored scenario>"))
    except DataFileError as exc:
        raise StoreError(f"the stored scenario is not valid: {exc.problems[0]}") from None


@functools.lru_cache(maxsize=8)
def stored_plan(text: str) -> Plan:
    """parse_plan, once per text: the archive holds a few plans under many exercises.

    Keyed by the exact text read now (a changed text is parsed anew); a Plan is frozen.
    """
    return parse_plan(text)


@functools.lru_cache(maxsize=8)
def stored_scenario(plan_text: str, text: str) -> Scenario:
    """parse_scenario under stored_plan(*plan_text*), once per pair of texts."""
    return parse_scenario(stored_plan(plan_text), text)


def _summary(row: ExerciseRow) -> ExerciseSummary:
    return ExerciseSummary(
        row.id,
        row.title,
        row.held_on,
        row.status,
        row.exercise_type,
        row.scenario.title,
        row.plan.document_number,
        row.event_count,
        row.head_hash,
    )


def _detail(row: ExerciseRow) -> ExerciseDetail:
    return ExerciseDetail(
        summary=_summary(row),
        location=row.location,
        controller=row.controller,
        evaluators=tuple(row.evaluators),
        seats=tuple(SeatInfo(s.unit_id, s.participant, s.workstation) for s in row.seats),
        options=dict(row.options),
        plan_text=row.plan.content,
        scenario_text=row.scenario.content,
        created_at=row.created_at,
        ended_at=row.ended_at,
        scoring_sha256=row.scoring_sha256,
    )


def _improvement(item: ImprovementItem) -> ImprovementInfo:
    return ImprovementInfo(
        item.id,
        item.exercise_id,
        item.issue,
        item.action,
        item.element,
        item.owner_unit,
        item.contact,
        item.plan_ref,
        item.start_date,
        item.due_date,
        item.status,
        tuple((h.status, h.changed_at, h.note) for h in item.history),
    )
