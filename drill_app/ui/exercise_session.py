"""The GUI's read model of the open exercise (``ui/session.py`` runs the archive thread).

``ExerciseSession`` is a second core ``Exercise`` fed only with recorded events. Views
read the clock, the MSEL, the state and the live score from it; forms dry-run a command
against it for immediate, field-level messages, then send it, the one way in, to the
archive (or, while the exercise is hosted, through the archive to the host). So the
window never shows anything that is not on disk, and shows exactly the core's state.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from drill_app.core.commands import Command, ExerciseReader
from drill_app.core.events import Actor, Event
from drill_app.core.exercise import Exercise
from drill_app.core.refusals import EventError, Refusal
from drill_app.core.scoring import ScoreSheet
from drill_app.ui.archive_data import LoadedExercise
from drill_app.wording import PlanWords, refusal_text

if TYPE_CHECKING:
    from drill_app.ui.session import Archive


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
