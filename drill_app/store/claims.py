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
from drill_app.store.ownership import DEFAULT_LEASE, Claimed, OwnerIdentity, Ownership
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
) -> OwnedExercise:
    """Claim *exercise_id* for *me* and open it writing through the claim."""
    claims = ownership or Ownership(store.engine, wall_clock=wall_clock)
    claim = claims.claim(exercise_id, me, lease=lease)
    exercise = store.open_exercise(
        exercise_id, rules, wall_clock=wall_clock, new_id=new_id, owner=me.owner_id
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
