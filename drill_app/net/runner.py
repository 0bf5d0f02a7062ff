"""The host's exercise: submissions committed in groups, injects released on time.

All access to the exercise goes through one ``Runner`` on one thread (the host
service gives it a single worker), so the log order is the order of commits.

Group commit: the submissions that arrived together are submitted to the engine
with persistence *staged*, then written in one transaction (``append_events``).
Only after that transaction commits are they acknowledged and fanned out. If the
commit fails, the exercise is rebuilt from the database and nothing is acknowledged
(the clients still hold them in their outboxes and send them again).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from drill_app.core.commands import Command, Recorded, execute
from drill_app.core.commands import Outcome as CoreOutcome
from drill_app.core.commands import Refused as CoreRefused
from drill_app.core.events import Actor, Event
from drill_app.core.exercise import Exercise
from drill_app.core.refusals import refusal
from drill_app.net.visibility import Viewer
from drill_app.store.receipts import Receipt

_IDS = uuid.UUID("6d1f3c52-9f0e-4e55-9a53-5b8f0f3a2c11")


@dataclass(frozen=True)
class Submission:
    """One ``submit`` from a client, with who sent it."""

    viewer: Viewer
    sender: str
    submission_id: str
    kind: str
    payload: dict[str, Any]
    client_time: float
    connection: object = None


@dataclass(frozen=True)
class Outcome:
    submission: Submission
    event: Event | None
    code: str = ""
    params: dict[str, Any] | None = None


def event_id_for(exercise_id: str, viewer: Viewer, submission_id: str) -> str:
    """The event id of a submission: the same for every resend, distinct per sender."""
    name = f"{exercise_id}/{viewer.role}/{viewer.unit or ''}/{submission_id}"
    return "n" + uuid.uuid5(_IDS, name).hex


Persist = Callable[[Sequence[Event], Sequence[Receipt]], object]
Reopen = Callable[[], Exercise]


class Runner:
    def __init__(self, exercise: Exercise, persist: Persist, reopen: Reopen) -> None:
        """*persist* writes a group of events (and receipts) in one transaction;
        *reopen* rebuilds the exercise from the database after a failed commit."""
        self.exercise = exercise
        self._persist = persist
        self._reopen = reopen
        self._staged: list[Event] = []
        exercise.attach_persistence(self._staged.append)

    def _commit(self, receipts: Sequence[Receipt] = ()) -> list[Event]:
        staged, self._staged[:] = list(self._staged), []
        if staged:
            try:
                self._persist(staged, receipts)
            except Exception:
                self.exercise = self._reopen()
                self.exercise.attach_persistence(self._staged.append)
                raise
        return staged

    def submit_group(self, group: Sequence[Submission]) -> tuple[list[Outcome], list[Event]]:
        """Submit what arrived together; one transaction. Returns outcomes and new events."""
        outcomes = [self._one(sub) for sub in group]
        new_ids = {e.id for e in self._staged}
        receipts = [
            Receipt(
                o.event.id,
                o.submission.submission_id,
                o.submission.client_time,
                o.submission.sender,
            )
            for o in outcomes
            if o.event is not None and o.event.id in new_ids
        ]
        return outcomes, self._commit(receipts)

    def _one(self, sub: Submission) -> Outcome:
        viewer = sub.viewer
        if not viewer.may_submit(sub.kind):
            return Outcome(sub, None, "not_allowed", {"kind": sub.kind, "role": viewer.role})
        actor: Actor = "seat" if viewer.role == "seat" else "evaluator"
        event_id = event_id_for(self.exercise.exercise_id, viewer, sub.submission_id)
        command = Command(event_id, sub.kind, sub.payload, actor, viewer.unit)
        outcome = execute(self.exercise, command)  # the core's one step; never raises
        if isinstance(outcome, Recorded):
            return Outcome(sub, outcome.event)
        return Outcome(sub, None, outcome.refusal.code, dict(outcome.refusal.params))

    def execute(self, command: Command) -> tuple[CoreOutcome, list[Event]]:
        """A command from the host's own console (the controller, or its act-as-unit forms)."""
        outcome = execute(self.exercise, command)
        try:
            return outcome, self._commit()
        except Exception as exc:
            return CoreRefused(command, refusal("not_saved", error=str(exc))), []

    def control(self, kind: str, payload: dict[str, Any] | None = None) -> list[Event]:
        """A controller command (start, pause, speed, end …), committed at once."""
        self.exercise.submit(kind, payload or {}, actor="controller")
        return self._commit()

    def release(self, inject_id: str) -> list[Event]:
        self.exercise.release(inject_id)
        return self._commit()

    def tick(self, end_at_duration: bool = True) -> list[Event]:
        """Release every inject that has fallen due; end the exercise at its duration."""
        ex = self.exercise
        if not ex.started or ex.ended or ex.clock().state != "running":
            return []
        for _ in range(len(ex.scenario.injects) + 1):
            due = ex.due_injects()
            if not due:
                break
            for inject in due:
                ex.release(inject.id)
        if end_at_duration and ex.now() >= ex.scenario.duration_minutes * 60:
            ex.submit("exercise_ended", actor="controller")
        return self._commit()
