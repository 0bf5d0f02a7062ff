"""Opening an exercise as its one writer: claim it, rebuild it, record a takeover.

``open_owned`` is what a console or a host calls before running an exercise. It
raises ``OwnedElsewhere`` when a live process runs it (offer to join or watch);
when the previous owner is dead it takes over and writes ``host_taken_over``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from drill_app.core.exercise import Exercise
from drill_app.core.scoring import ScoringRules
from drill_app.store.ownership import DEFAULT_LEASE, Claimed, Heartbeat, OwnerIdentity, Ownership
from drill_app.store.store import Store


@dataclass(frozen=True)
class OwnedExercise:
    exercise: Exercise
    claim: Claimed


def open_owned(
    store: Store,
    exercise_id: str,
    rules: ScoringRules,
    me: OwnerIdentity,
    *,
    lease: float = DEFAULT_LEASE,
    wall_clock: Callable[[], float] = time.time,
    new_id: Callable[[], str] | None = None,
    ownership: Ownership | None = None,
    record_restart: bool = True,
) -> OwnedExercise:
    """Claim *exercise_id* for *me* and open it writing through the claim.

    *record_restart* False: this process held it a moment ago (it stopped hosting it), so
    the log gets no ``host_restarted``."""
    claims = ownership or Ownership(store.engine, wall_clock=wall_clock)
    claim = claims.claim(exercise_id, me, lease=lease)
    exercise = store.open_exercise(
        exercise_id,
        rules,
        wall_clock=wall_clock,
        new_id=new_id,
        owner=me.owner_id,
        record_restart=record_restart,
    )
    dead = claim.taken_over
    if dead is not None and claim.reason is not None and exercise.started and not exercise.ended:
        payload = {
            "previous_owner": dead.owner_id,
            "previous_machine": dead.machine,
            "previous_pid": dead.pid,
            "last_heartbeat": dead.heartbeat_at,
            "reason": claim.reason,
        }
        exercise.submit("host_taken_over", payload, actor="system")
    return OwnedExercise(exercise, claim)


_BEATING: dict[str, Heartbeat] = {}
"""This process's heartbeats by exercise (one hold per exercise per process)."""


class ExerciseClaim:
    """A console's (or host's) hold on the one exercise it runs: claim, heartbeat, release.

    ``open`` gives up the exercise held before, claims the new one (``OwnedElsewhere``
    when a live process runs it: offer to join or watch), opens it writing through the
    claim and keeps the claim alive from a daemon thread; ``release`` lets it go.
    Write through ``owner_id`` (``Store.append_event(event, owner=claim.owner_id)``).
    ``abandon`` stops the heartbeat and keeps the claim: what a killed process leaves.
    """

    def __init__(
        self,
        store: Store,
        role: str = "console",
        lease: float = DEFAULT_LEASE,
        me: OwnerIdentity | None = None,
    ) -> None:
        self.store = store
        self.me = me or OwnerIdentity.this_process(role)
        self.lease = lease
        self.exercise_id: str | None = None
        self.claimed: Claimed | None = None
        """The last claim made: ``taken_over`` names the dead owner it replaced."""
        self._heartbeat: Heartbeat | None = None

    @property
    def owner_id(self) -> str:
        return self.me.owner_id

    def open(
        self,
        exercise_id: str,
        rules: ScoringRules,
        *,
        wall_clock: Callable[[], float] = time.time,
        record_restart: bool = True,
    ) -> Exercise:
        self.release()
        owned = open_owned(
            self.store,
            exercise_id,
            rules,
            self.me,
            lease=self.lease,
            wall_clock=wall_clock,
            record_restart=record_restart,
        )
        self.exercise_id = exercise_id
        self.claimed = owned.claim
        earlier = _BEATING.pop(exercise_id, None)
        if earlier is not None:  # this process's earlier hold (a window that went away)
            earlier.stop()
        claims = Ownership(self.store.engine)
        self._heartbeat = Heartbeat(claims, exercise_id, self.owner_id, lease=self.lease).start()
        _BEATING[exercise_id] = self._heartbeat
        return owned.exercise

    def release(self) -> None:
        exercise_id = self._stop_heartbeat()
        if exercise_id is not None:
            Ownership(self.store.engine).release(exercise_id, self.owner_id)

    def abandon(self) -> None:
        """Stop renewing the claim without giving it up, as a killed process would: the
        next claimant finds the heartbeat expire and takes the exercise over."""
        self._stop_heartbeat()

    def _stop_heartbeat(self) -> str | None:
        if self._heartbeat is not None:
            self._heartbeat.stop()
            if self.exercise_id is not None and _BEATING.get(self.exercise_id) is self._heartbeat:
                del _BEATING[self.exercise_id]
            self._heartbeat = None
        exercise_id, self.exercise_id = self.exercise_id, None
        return exercise_id
