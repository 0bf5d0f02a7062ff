"""The bridge between the windows and the archive: one writer thread, one read model.

``ArchiveWorker`` lives in its own QThread and owns the Store and the authoritative
core ``Exercise``.  Every user action becomes a command sent to it; it validates,
commits (durable) and only then emits ``event_recorded``.  SQLAlchemy is imported in
that thread, off the path to the first paint.

``ExerciseSession`` (``ui/exercise_session.py``, offered here too) is the GUI's read
model, fed only with recorded events.  The console claims the exercise it opens (one
writer, ``store/claims.py``); ``ui/hosting.py`` hosts it on the network or watches it
when another process runs it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from drill_app.core.commands import Command, Refused, execute
from drill_app.core.compliance import plan_drill_status
from drill_app.core.events import Event
from drill_app.core.exercise import Exercise
from drill_app.core.plan import Plan, load_plan
from drill_app.core.refusals import EventError, refusal
from drill_app.core.scoring import ScoringRules, load_scoring_rules
from drill_app.core.sourcefile import DataFileError
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING
from drill_app.ui.archive_data import LoadedExercise as LoadedExercise
from drill_app.ui.archive_data import ScenarioEntry as ScenarioEntry
from drill_app.ui.archive_data import StartPageData as StartPageData
from drill_app.ui.archive_data import scan_scenarios as scan_scenarios
from drill_app.ui.exercise_session import ExerciseSession as ExerciseSession
from drill_app.ui.exercise_session import new_command_id as new_command_id
from drill_app.wording import PlanWords, refusal_text

if TYPE_CHECKING:  # the store (and SQLAlchemy) is imported in the worker thread only
    from drill_app.store.claims import ExerciseClaim
    from drill_app.store.ownership import OwnerInfo
    from drill_app.store.store import NewExercise, Store
    from drill_app.store.summaries import ExerciseSummary
    from drill_app.ui.hosting import HostedExercise


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
    owned_elsewhere = Signal(str, str, object)  # exercise id, title, OwnerInfo (a live owner)

    def __init__(
        self,
        plan_path: Path = DEFAULT_PLAN,
        user_scenarios: Path | None = None,
        wall_clock: Callable[[], float] = time.time,
        plan: Plan | None = None,
        lease: float | None = None,
    ) -> None:
        """*lease*: seconds without a heartbeat after which this console's claim on the
        exercise it runs counts as dead (None: the store's default)."""
        super().__init__()
        self._plan_path = plan_path
        self._user_scenarios = user_scenarios
        self._wall = wall_clock
        self._lease = lease
        self._store: Store | None = None
        self._given_plan = plan  # as the window loaded it (frozen; not read again)
        self._plan: Plan | None = None
        self._pending_url: str | None = None  # listed by a quick read, not opened yet
        self._quick: StartPageData | None = None
        self._rules: ScoringRules | None = None
        self._exercise: Exercise | None = None
        self._claim: ExerciseClaim | None = None
        self.watching: tuple[str, int] | None = None
        """(exercise id, events seen) of an exercise watched read-only."""
        self.hosted: HostedExercise | None = None

    # Slots run in the worker thread (queued connections).

    @Slot(str)
    def open_store(self, url: str) -> None:
        """Report the start page of *url* ("" = the default).  A current SQLite file is
        listed by a sqlite3 read (store.summaries) and the Store (SQLAlchemy) opened at
        ``complete_opening``; any other database is opened (migrated…) before listing."""
        try:
            if self._store is not None:
                self.close_exercise()
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
        """Claim the exercise and open it as its one writer (``owned_elsewhere`` when a
        live process runs it: nothing is written then)."""
        from drill_app.store.claims import ExerciseClaim
        from drill_app.store.ownership import DEFAULT_LEASE

        assert self._store is not None
        self.close_exercise()
        self._claim = ExerciseClaim(self._store, "console", self._lease or DEFAULT_LEASE)
        try:
            if self.reclaim(exercise_id, record_restart=True):
                assert self._exercise is not None
                self.exercise_opened(self._exercise)
        except Exception as exc:  # (StoreError, EventError: worded by _open_failed)
            self._claim = None
            self._open_failed(exc)

    def reclaim(self, exercise_id: str, *, record_restart: bool = False) -> bool:
        """Claim the exercise and write it here; False when a live process runs it."""
        from drill_app.store.ownership import OwnedElsewhere

        assert self._claim is not None and self._rules is not None and self._store is not None
        try:
            self._exercise = self._claim.open(
                exercise_id, self._rules, wall_clock=self._wall, record_restart=record_restart
            )
        except OwnedElsewhere as elsewhere:
            self._claim = self._exercise = None
            title = self._store.exercise(exercise_id).summary.title
            self.owned_elsewhere.emit(exercise_id, title, elsewhere.owner)
            return False
        self._exercise.attach_persistence(self._persist)
        return True

    def watch(self, exercise_id: str) -> tuple[Exercise, OwnerInfo | None] | None:
        """The exercise rebuilt read-only, and who runs it (None: it could not be read)."""
        from drill_app.store.ownership import Ownership

        assert self._store is not None and self._rules is not None
        self.close_exercise()
        try:
            watched = self._store.load_exercise(exercise_id, self._rules, wall_clock=self._wall)
        except Exception as exc:
            self._open_failed(exc)
            return None
        self.watching = (exercise_id, len(watched.events))
        return watched, Ownership(self._store.engine).owner_of(exercise_id)

    def _open_failed(self, exc: Exception) -> None:
        if isinstance(exc, EventError):  # a stored event the engine refuses: say why, in words
            assert self._plan is not None
            self.failed.emit("open_exercise", refusal_text(exc.refusal, PlanWords(self._plan)))
        else:
            self.failed.emit("open_exercise", str(exc))

    def exercise_opened(self, ex: Exercise, watched_from: OwnerInfo | None = None) -> None:
        assert self._store is not None
        exercise_id = ex.exercise_id
        detail = self._store.exercise(exercise_id)
        check = self._store.verify(exercise_id)
        if not check.ok:
            self.failed.emit("verify_exercise", check.problems[0])
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
                watched_from=watched_from,
            )
        )

    @Slot()
    def close_exercise(self) -> None:
        """Leave the open exercise: stop hosting it, give up the claim (it keeps its clock)."""
        self._let_go()
        self._exercise = None
        self.watching = None

    def _let_go(self) -> None:
        self.take_back()
        if self._claim is not None:
            self._claim.release()
            self._claim = None

    def _persist(self, event: Event) -> None:
        """Commit *event*, then tell the GUI the chain's new head (before the event itself)."""
        assert self._store is not None and self._claim is not None
        head = self._store.append_event(event, owner=self._claim.owner_id)
        self.chain_advanced.emit(event.exercise_id, head)

    @Slot(object)
    def submit(self, command: Command) -> None:
        """The authority runs the command (validated once, committed, applied); while the
        exercise is hosted, the host runs it (one writer) and reports back by signals."""
        if self.hosted is not None:
            self.hosted.thread.send(command)
            return
        if self.watching is not None:
            self.command_refused.emit(command.command_id, refusal("exercise_watched"))
            return
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

    def take_back(self) -> str | None:
        """Stop hosting (ui/hosting.py): the exercise's id (None when it was not hosted)."""
        hosted, self.hosted = self.hosted, None
        if hosted is None:
            return None
        hosted.thread.stop(tell_seats=True)  # (and the host's claim is released)
        return hosted.exercise_id

    @Slot()
    def close(self) -> None:
        """Stop hosting, give up the claim, close the database (nothing more is saved)."""
        if self._store is not None:
            self._let_go()
            self._store.close()
            self._store = None

    @Slot()
    def abandon(self) -> None:
        """Close as a killed process would: the claim stays, its heartbeat stops (tests)."""
        if self._claim is not None:
            self._claim.abandon()
            self._claim = None
        self.close()


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
    _watch = Signal(str)
    _poll_watched = Signal()
    _close_exercise = Signal()
    _abandon = Signal()

    def __init__(
        self,
        plan_path: Path = DEFAULT_PLAN,
        user_scenarios: Path | None = None,
        wall_clock: Callable[[], float] = time.time,
        parent: QObject | None = None,
        plan: Plan | None = None,
        lease: float | None = None,
    ) -> None:
        from drill_app.ui.hosting import RoomWorker

        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("drill-app archive")
        self.worker = ArchiveWorker(plan_path, user_scenarios, wall_clock, plan, lease)
        self.worker.moveToThread(self._thread)
        self.room = RoomWorker(self.worker)  # hosting the open exercise (same thread)
        self.room.moveToThread(self._thread)
        self._watch.connect(self.room.watch_exercise)
        self._poll_watched.connect(self.room.poll_watched)
        self._close_exercise.connect(self.worker.close_exercise)
        self._abandon.connect(self.worker.abandon, Qt.ConnectionType.BlockingQueuedConnection)
        self._open_store.connect(self.worker.open_store)
        self._complete_opening.connect(self.worker.complete_opening)
        self._refresh.connect(self.worker.refresh_start_page)
        self._create.connect(self.worker.create_exercise)
        self._open_exercise.connect(self.worker.open_exercise)
        self._submit.connect(self.worker.submit)
        # (blocking: the claim is released and the database closed before the thread quits)
        self._close.connect(self.worker.close, Qt.ConnectionType.BlockingQueuedConnection)
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

    def watch_exercise(self, exercise_id: str) -> None:
        """Open it read-only (``exercise_loaded`` with ``watched_from``)."""
        self._watch.emit(exercise_id)

    def poll_watched(self) -> None:
        self._poll_watched.emit()

    def close_exercise(self) -> None:
        """Leave the open exercise: stop hosting it and give up the claim."""
        self._close_exercise.emit()

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

    def abandon(self) -> None:
        """Stop as a killed process would: the claim is kept, unrenewed (crash tests)."""
        if self._thread.isRunning():
            self._abandon.emit()
            self._thread.quit()
            self._thread.wait()
