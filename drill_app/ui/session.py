"""The bridge between the windows and the archive: one writer thread, one read model.

``ArchiveWorker`` lives in its own QThread and owns the Store and the authoritative
core ``Exercise``.  Every user action becomes a command sent to it; it validates,
commits (durable) and only then emits ``event_recorded``.  SQLAlchemy is imported in
that thread, off the path to the first paint.

``ExerciseSession`` is the GUI's read model: a second core ``Exercise`` fed only with
recorded events.  Views read the clock, the MSEL, the state and the live score from
it; forms dry-run a command against it for immediate, field-level messages.  So the
window never shows anything that is not on disk, and shows exactly the core's state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import time
import traceback
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from drill_app.core.commands import Command, ExerciseReader, Refused, execute
from drill_app.core.compliance import DrillStatus, plan_drill_status
from drill_app.core.events import Actor, Event
from drill_app.core.exercise import Exercise
from drill_app.core.plan import Plan, load_plan
from drill_app.core.refusals import EventError, Refusal
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import ScoreSheet, ScoringRules, load_scoring_rules
from drill_app.core.sourcefile import DataFileError
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING
from drill_app.ui.start.start_summary import scenario_files
from drill_app.wording import PlanWords, refusal_text

if TYPE_CHECKING:  # the store (and SQLAlchemy) is imported in the worker thread only
    from drill_app.store.store import NewExercise, Store
    from drill_app.store.summaries import ExerciseSummary


# --- what crosses the thread boundary (frozen, no ORM objects) -------------------------------


@dataclass(frozen=True)
class ScenarioEntry:
    """A scenario file in the library, with its validation status."""

    path: Path
    built_in: bool
    scenario: Scenario | None
    problems: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return self.scenario is not None


@dataclass(frozen=True)
class StartPageData:
    database: str
    scenarios: tuple[ScenarioEntry, ...]
    exercises: tuple[ExerciseSummary, ...]
    drill_status: DrillStatus
    interval_years: int
    open_improvements: int


@dataclass(frozen=True)
class LoadedExercise:
    exercise_id: str
    title: str
    plan: Plan
    scenario: Scenario
    rules: ScoringRules
    events: tuple[Event, ...]
    options: Mapping[str, Any]
    seats: tuple[tuple[str, str], ...]
    """(unit id, participant name)."""
    held_on: dt.date
    location: str
    exercise_type: str
    controller: str
    evaluators: tuple[str, ...]
    head_hash: str
    """The hash at the head of the stored event chain when it was loaded."""
    not_verified: bool = False
    """The stored record failed verification when it was loaded (documents say so)."""


# --- the worker -------------------------------------------------------------------------------


def scan_scenarios(plan: Plan, user_folder: Path | None) -> tuple[ScenarioEntry, ...]:
    entries: list[ScenarioEntry] = []
    for path, built_in in scenario_files(user_folder):  # (the files the start summary keys)
        try:
            entries.append(ScenarioEntry(path, built_in, load_scenario(plan, path)))
        except DataFileError as exc:
            problems = tuple(str(p) for p in exc.problems)
            entries.append(ScenarioEntry(path, built_in, None, problems))
    return tuple(entries)


class ArchiveWorker(QObject):
    """Owns the Store and the live Exercise.  Lives in the archive thread."""

    store_opened = Signal(object)  # StartPageData
    store_failed = Signal(str)  # message (the database could not be opened)
    start_page_ready = Signal(object)  # StartPageData
    exercise_created = Signal(str)  # exercise id
    exercise_loaded = Signal(object)  # LoadedExercise
    event_recorded = Signal(object)  # Event (committed)
    chain_advanced = Signal(str, str)  # exercise id, new head hash (just before event_recorded)
    command_refused = Signal(str, object)  # command id, Refusal
    failed = Signal(str, str)  # what, message
    improvements_ready = Signal(str, object)  # exercise id, tuple[ImprovementInfo]
    flushed = Signal()  # every request queued before ``flush`` has been handled

    def __init__(
        self,
        plan_path: Path = DEFAULT_PLAN,
        user_scenarios: Path | None = None,
        wall_clock: Callable[[], float] = time.time,
        plan: Plan | None = None,
    ) -> None:
        super().__init__()
        self._plan_path = plan_path
        self._user_scenarios = user_scenarios
        self._wall = wall_clock
        self._store: Store | None = None
        self._given_plan = plan  # as the window loaded it (frozen; not read again)
        self._plan: Plan | None = None
        self._pending_url: str | None = None  # listed by a quick read, not opened yet
        self._quick: StartPageData | None = None
        self._rules: ScoringRules | None = None
        self._exercise: Exercise | None = None

    # Slots run in the worker thread (queued connections).

    @Slot(str)
    def open_store(self, url: str) -> None:
        """Report the start page of *url* ("" = the default).  A current SQLite file is
        listed by a sqlite3 read (store.summaries) and the Store (SQLAlchemy) opened at
        ``complete_opening``; any other database is opened (migrated…) before listing."""
        try:
            if self._store is not None:
                self._store.close()
                self._store = None
            self._pending_url = None
            quick = self._quick_start_page(url)
            if quick is not None:
                self._pending_url = url
                self.store_opened.emit(quick)
                return
            if self._open(url):
                self.store_opened.emit(self._start_page())
        except Exception:  # never a traceback in front of the user; report it
            self.failed.emit("open_store", traceback.format_exc(limit=3))

    @Slot()
    def complete_opening(self) -> None:
        """Open the Store after a quick start page; say so if what it lists differs."""
        url, self._pending_url = self._pending_url, None
        if url is None:
            return
        try:
            if self._open(url):
                full = self._start_page()
                if full != self._quick:
                    self.start_page_ready.emit(full)
        except Exception:  # never a traceback in front of the user; report it
            self.failed.emit("open_store", traceback.format_exc(limit=3))

    def _open(self, url: str) -> bool:
        """Open the Store (SQLAlchemy is imported here); False when it was refused."""
        from drill_app.store.database import StoreError
        from drill_app.store.store import Store

        try:
            self._store = Store.open(url or None)
            self._load_plan_and_rules()
        except (StoreError, DataFileError) as exc:
            self._store = None
            self.store_failed.emit(str(exc))
            return False
        return True

    def _load_plan_and_rules(self) -> None:
        if self._plan is None:
            self._plan = self._given_plan or load_plan(self._plan_path)
        if self._rules is None:
            self._rules = load_scoring_rules(DEFAULT_SCORING)

    def _quick_start_page(self, url: str) -> StartPageData | None:
        """The start page read without SQLAlchemy, when the database allows (else None)."""
        from drill_app.store.summaries import default_url, quick_start_page

        resolved = url or default_url()
        quick = quick_start_page(resolved)
        if quick is None:
            return None
        try:
            self._load_plan_and_rules()
        except DataFileError:  # reported by the usual path (store_failed)
            return None
        self._quick = self._start_page_data(resolved, quick.exercises, quick.open_improvements)
        return self._quick

    @Slot()
    def refresh_start_page(self) -> None:
        if self._store is None:
            return
        self.start_page_ready.emit(self._start_page())

    def _start_page(self) -> StartPageData:
        assert self._store is not None
        return self._start_page_data(
            self._store.url,
            tuple(self._store.list_exercises()),
            len(self._store.improvements(open_only=True)),
        )

    def _start_page_data(
        self, database: str, exercises: tuple[ExerciseSummary, ...], open_improvements: int
    ) -> StartPageData:
        assert self._plan is not None
        held = [x.held_on for x in exercises if x.status == "ended"]
        return StartPageData(
            database=database,
            scenarios=scan_scenarios(self._plan, self._user_scenarios),
            exercises=exercises,
            drill_status=plan_drill_status(self._plan, held, dt.date.today()),
            interval_years=self._plan.drills.interval_years,
            open_improvements=open_improvements,
        )

    @Slot(object)
    def create_exercise(self, new: NewExercise) -> None:
        from drill_app.store.database import StoreError

        assert self._store is not None
        if not new.scoring_sha256:  # the rules this console scores with are part of the record
            rules_text = DEFAULT_SCORING.read_text(encoding="utf-8")
            digest = hashlib.sha256(rules_text.encode("utf-8")).hexdigest()
            new = replace(new, scoring_sha256=digest)
        try:
            exercise_id = self._store.create_exercise(new)
        except StoreError as exc:
            self.failed.emit("create_exercise", str(exc))
            return
        self.exercise_created.emit(exercise_id)

    @Slot(str)
    def open_exercise(self, exercise_id: str) -> None:
        from drill_app.store.database import StoreError

        assert self._store is not None and self._rules is not None
        try:
            self._exercise = self._store.open_exercise(
                exercise_id, self._rules, wall_clock=self._wall
            )
            detail = self._store.exercise(exercise_id)
            check = self._store.verify(exercise_id)
        except StoreError as exc:
            self.failed.emit("open_exercise", str(exc))
            return
        except EventError as exc:  # a stored event the engine refuses: say why, in words
            assert self._plan is not None
            self.failed.emit("open_exercise", refusal_text(exc.refusal, PlanWords(self._plan)))
            return
        if not check.ok:
            self.failed.emit("verify_exercise", check.problems[0])
        ex = self._exercise
        ex.attach_persistence(self._persist)
        self.exercise_loaded.emit(
            LoadedExercise(
                exercise_id=exercise_id,
                title=detail.summary.title,
                plan=ex.plan,
                scenario=ex.scenario,
                rules=ex.rules,
                events=tuple(ex.events),
                options=dict(detail.options),
                seats=tuple((s.unit_id, s.participant) for s in detail.seats),
                held_on=detail.summary.held_on,
                location=detail.location,
                exercise_type=detail.summary.exercise_type,
                controller=detail.controller,
                evaluators=tuple(detail.evaluators),
                head_hash=detail.summary.head_hash,
                not_verified=not check.ok,
            )
        )

    def _persist(self, event: Event) -> None:
        """Commit *event*, then tell the GUI the chain's new head (before the event itself)."""
        assert self._store is not None
        head = self._store.append_event(event)
        self.chain_advanced.emit(event.exercise_id, head)

    @Slot(object)
    def submit(self, command: Command) -> None:
        """The authority runs the command (validated once, committed, applied)."""
        outcome = execute(self._exercise, command)
        if isinstance(outcome, Refused):
            self.command_refused.emit(command.command_id, outcome.refusal)
        else:
            self.event_recorded.emit(outcome.event)

    @Slot(str)
    def load_improvements(self, exercise_id: str) -> None:
        assert self._store is not None
        items = tuple(i for i in self._store.improvements() if i.exercise_id == exercise_id)
        self.improvements_ready.emit(exercise_id, items)

    @Slot(str, object)
    def add_improvement(self, exercise_id: str, fields: Mapping[str, Any]) -> None:
        """fields: issue, action, element, owner_unit, due_date, contact, plan_ref, start_date."""
        from drill_app.store.database import StoreError

        assert self._store is not None
        try:
            self._store.add_improvement(exercise_id=exercise_id, **fields)
        except (StoreError, TypeError) as exc:
            self.failed.emit("add_improvement", str(exc))
            return
        self.load_improvements(exercise_id)

    @Slot(str, int, str, str)
    def set_improvement_status(
        self, exercise_id: str, item_id: int, status: str, note: str
    ) -> None:
        from drill_app.store.database import StoreError

        assert self._store is not None
        try:
            self._store.set_improvement_status(item_id, status, note)
        except StoreError as exc:
            self.failed.emit("set_improvement_status", str(exc))
            return
        self.load_improvements(exercise_id)

    @Slot()
    def flush(self) -> None:
        self.flushed.emit()

    @Slot()
    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class Archive(QObject):
    """The GUI-side handle on the archive thread: start it, talk to it, stop it."""

    _open_store = Signal(str)
    _complete_opening = Signal()
    _refresh = Signal()
    _create = Signal(object)
    _open_exercise = Signal(str)
    _submit = Signal(object)
    _close = Signal()
    _load_improvements = Signal(str)
    _add_improvement = Signal(str, object)
    _set_improvement_status = Signal(str, int, str, str)
    _flush = Signal()

    def __init__(
        self,
        plan_path: Path = DEFAULT_PLAN,
        user_scenarios: Path | None = None,
        wall_clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
        plan: Plan | None = None,
    ) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("drill-app archive")
        self.worker = ArchiveWorker(plan_path, user_scenarios, wall_clock, plan)
        self.worker.moveToThread(self._thread)
        self._open_store.connect(self.worker.open_store)
        self._complete_opening.connect(self.worker.complete_opening)
        self._refresh.connect(self.worker.refresh_start_page)
        self._create.connect(self.worker.create_exercise)
        self._open_exercise.connect(self.worker.open_exercise)
        self._submit.connect(self.worker.submit)
        self._close.connect(self.worker.close)
        self._load_improvements.connect(self.worker.load_improvements)
        self._add_improvement.connect(self.worker.add_improvement)
        self._set_improvement_status.connect(self.worker.set_improvement_status)
        self._flush.connect(self.worker.flush)
        self._thread.start()

    def open_store(self, url: str | None) -> None:
        self._open_store.emit(url or "")

    def complete_opening(self) -> None:
        """Open the Store behind a start page that was listed by a quick read (if any)."""
        self._complete_opening.emit()

    def refresh_start_page(self) -> None:
        self._refresh.emit()

    def create_exercise(self, new: NewExercise) -> None:
        self._create.emit(new)

    def open_exercise(self, exercise_id: str) -> None:
        self._open_exercise.emit(exercise_id)

    def submit(self, command: Command) -> None:
        self._submit.emit(command)

    def load_improvements(self, exercise_id: str) -> None:
        self._load_improvements.emit(exercise_id)

    def add_improvement(self, exercise_id: str, fields: Mapping[str, Any]) -> None:
        self._add_improvement.emit(exercise_id, dict(fields))

    def set_improvement_status(
        self, exercise_id: str, item_id: int, status: str, note: str = ""
    ) -> None:
        self._set_improvement_status.emit(exercise_id, item_id, status, note)

    def flush(self) -> None:
        """Ask for ``worker.flushed`` once every request sent so far has been handled."""
        self._flush.emit()

    def shutdown(self) -> None:
        """Close the database and stop the thread (waits for pending commits)."""
        if self._thread.isRunning():
            self._close.emit()
            self._thread.quit()
            self._thread.wait()


# --- the read model ----------------------------------------------------------------------------

_command_numbers = itertools.count(1)


def new_command_id(exercise_id: str) -> str:
    return f"{exercise_id}-{int(time.time() * 1000):x}-{next(_command_numbers)}"


@dataclass
class _Pending:
    command: Command
    recorded: Callable[[Event], None] | None = None
    refused: Callable[[Refusal], None] | None = None


class ExerciseSession(QObject):
    """The open exercise as the windows see it: every recorded event, nothing else.

    The windows read it through ``mirror``, a read-only view (``ExerciseReader``), and
    send through ``send``, the one way in: a dry run against the mirror for the form's
    message, then the command goes to the archive (the authority), whose outcome comes
    back as ``event_added`` or ``command_refused``. A committed event the mirror cannot
    follow means it is out of step: ``out_of_step`` says why and the exercise is opened
    again from disk (``Archive.open_exercise``).
    """

    event_added = Signal(object)  # Event, after the mirror applied it
    command_refused = Signal(str, str, object)  # command id, kind, Refusal
    idle = Signal()  # every command sent has been recorded or refused
    out_of_step = Signal(str)  # why the mirror could not follow a committed event (worded)

    def __init__(
        self,
        archive: Archive,
        loaded: LoadedExercise,
        wall_clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.archive = archive
        self.loaded = loaded
        self.exercise_id = loaded.exercise_id
        self.plan = loaded.plan
        self.scenario = loaded.scenario
        self.rules = loaded.rules
        self._mirror = Exercise(
            loaded.plan, loaded.scenario, loaded.rules, loaded.exercise_id, wall_clock=wall_clock
        )
        for event in loaded.events:
            self._mirror.apply_committed(event)
        self._pending: dict[str, _Pending] = {}
        self.head_hash = loaded.head_hash
        """The stored chain's head: printed in the documents' footer."""
        archive.worker.chain_advanced.connect(self._chain_advanced)
        archive.worker.event_recorded.connect(self._recorded)
        archive.worker.command_refused.connect(self._refused)

    # --- reading ------------------------------------------------------------------------

    @property
    def mirror(self) -> ExerciseReader:
        """The exercise as recorded so far (read-only)."""
        return self._mirror

    @property
    def events(self) -> Sequence[Event]:
        return self._mirror.events

    def now(self) -> float:
        return self._mirror.now()

    def score(self) -> ScoreSheet:
        return self._mirror.score()

    @property
    def busy(self) -> bool:
        """Commands sent and not yet recorded or refused."""
        return bool(self._pending)

    # --- writing ------------------------------------------------------------------------

    def check(
        self, kind: str, payload: Mapping[str, Any], *, actor: Actor, unit: str | None = None
    ) -> None:
        """Raise EventError if the command would be refused now (for form messages)."""
        self._mirror.dry_run(kind, payload, actor=actor, unit=unit)

    def send(
        self,
        kind: str,
        payload: Mapping[str, Any] | None = None,
        *,
        actor: Actor,
        unit: str | None = None,
        recorded: Callable[[Event], None] | None = None,
        refused: Callable[[Refusal], None] | None = None,
    ) -> str | None:
        """The one way to send a command. Returns its id, or None when the dry run refused it.

        A refusal (at once, or later by the archive) goes to *refused* and to
        ``command_refused``; the committed event to *recorded* and ``event_added``.
        """
        command = Command(new_command_id(self.exercise_id), kind, dict(payload or {}), actor, unit)
        try:
            self.check(kind, command.payload, actor=actor, unit=unit)
        except EventError as error:
            if refused is not None:
                refused(error.refusal)
            self.command_refused.emit(command.command_id, kind, error.refusal)
            return None
        self._pending[command.command_id] = _Pending(command, recorded, refused)
        self.archive.submit(command)
        return command.command_id

    @Slot(str, str)
    def _chain_advanced(self, exercise_id: str, head: str) -> None:
        if exercise_id == self.exercise_id:
            self.head_hash = head

    @Slot(object)
    def _recorded(self, event: Event) -> None:
        if event.exercise_id != self.exercise_id:
            return
        pending = self._pending.pop(event.id, None)
        try:
            self._mirror.apply_committed(event)
        except EventError as error:
            self._pending.clear()
            words = PlanWords(self.plan, scenario=self.scenario)
            self.out_of_step.emit(refusal_text(error.refusal, words))
            self.archive.open_exercise(self.exercise_id)
            return
        self.event_added.emit(event)
        if pending is not None and pending.recorded is not None:
            pending.recorded(event)
        self._maybe_idle()

    @Slot(str, object)
    def _refused(self, command_id: str, reason: Refusal) -> None:
        pending = self._pending.pop(command_id, None)
        if pending is None:
            return
        if pending.refused is not None:
            pending.refused(reason)
        self.command_refused.emit(command_id, pending.command.kind, reason)
        self._maybe_idle()

    def _maybe_idle(self) -> None:
        if not self._pending:
            self.idle.emit()
