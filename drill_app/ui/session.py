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

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from drill_app.core.commands import Command, ExerciseReader, Refused, execute
from drill_app.core.compliance import plan_drill_status
from drill_app.core.events import Actor, Event
from drill_app.core.exercise import Exercise
from drill_app.core.plan import Plan, load_plan
from drill_app.core.refusals import EventError, Refusal, refusal
from drill_app.core.scoring import ScoreSheet, ScoringRules, load_scoring_rules
from drill_app.core.sourcefile import DataFileError
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING
from drill_app.ui.archive_data import LoadedExercise as LoadedExercise
from drill_app.ui.archive_data import ScenarioEntry as ScenarioEntry
from drill_app.ui.archive_data import StartPageData as StartPageData
from drill_app.ui.archive_data import scan_scenarios as scan_scenarios
from drill_app.wording import PlanWords, refusal_text

if TYPE_CHECKING:  # the store (and SQLAlchemy) is imported in the worker thread only
    from drill_app.store.claims import ExerciseClaim
    from drill_app.store.ownership import OwnerInfo
    from drill_app.store.store import NewExercise, Store
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
        self._plan: Plan | None = None
        self._rules: ScoringRules | None = None
        self._exercise: Exercise | None = None
        self._claim: ExerciseClaim | None = None
        self.watching: tuple[str, int] | None = None
        """(exercise id, events seen) of an exercise watched read-only."""
        self.hosted: HostedExercise | None = None

    # Slots run in the worker thread (queued connections).

    @Slot(str)
    def open_store(self, url: str) -> None:
        try:
            from drill_app.store.database import StoreError
            from drill_app.store.store import Store

            try:
                if self._store is not None:
                    self.close_exercise()
                    self._store.close()
                self._store = Store.open(url or None)
                self._plan = load_plan(self._plan_path)
                self._rules = load_scoring_rules(DEFAULT_SCORING)
            except (StoreError, DataFileError) as exc:
                self._store = None
                self.store_failed.emit(str(exc))
                return
            self.store_opened.emit(self._start_page())
        except Exception:  # never a traceback in front of the user; report it
            self.failed.emit("open_store", traceback.format_exc(limit=3))

    @Slot()
    def refresh_start_page(self) -> None:
        if self._store is None:
            return
        self.start_page_ready.emit(self._start_page())

    def _start_page(self) -> StartPageData:
        assert self._store is not None and self._plan is not None
        exercises = tuple(self._store.list_exercises())
        held = [x.held_on for x in exercises if x.status == "ended"]
        interval = self._plan.drills.interval_years
        return StartPageData(
            database=self._store.url,
            scenarios=scan_scenarios(self._plan, self._user_scenarios),
            exercises=exercises,
            drill_status=plan_drill_status(self._plan, held, dt.date.today()),
            interval_years=interval,
            open_improvements=len(self._store.improvements(open_only=True)),
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
        hosted.thread.stop()  # seats are told; the host's claim is released
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
        lease: float | None = None,
    ) -> None:
        from drill_app.ui.hosting import RoomWorker

        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("drill-app archive")
        self.worker = ArchiveWorker(plan_path, user_scenarios, wall_clock, lease)
        self.worker.moveToThread(self._thread)
        self.room = RoomWorker(self.worker)  # hosting the open exercise (same thread)
        self.room.moveToThread(self._thread)
        self._watch.connect(self.room.watch_exercise)
        self._poll_watched.connect(self.room.poll_watched)
        self._close_exercise.connect(self.worker.close_exercise)
        self._abandon.connect(self.worker.abandon, Qt.ConnectionType.BlockingQueuedConnection)
        self._open_store.connect(self.worker.open_store)
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


# --- the read model ----------------------------------------------------------------------------

_command_numbers = itertools.count(1)
WATCH_POLL_MS = 1000
"""How often a window watching another process's exercise reads the new events."""


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
        self.watched_from = loaded.watched_from
        """Watching read-only: the live owner that runs it (the archive refuses commands)."""
        archive.worker.chain_advanced.connect(self._chain_advanced)
        archive.worker.event_recorded.connect(self._recorded)
        archive.worker.command_refused.connect(self._refused)
        if self.watched_from is not None:  # follow what the owner records
            self._poll = QTimer(self)
            self._poll.setInterval(WATCH_POLL_MS)
            self._poll.timeout.connect(archive.poll_watched)
            self._poll.start()

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
            if self.watched_from is not None:
                self.archive.watch_exercise(self.exercise_id)
            else:
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
