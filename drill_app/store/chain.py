"""The tamper-evident record of one exercise: a genesis hash and a chain of event hashes.

The chain starts from a *genesis* hash that binds everything that can change a
score or a printed sheet besides the events: the exercise's identity, title,
date, type, place, controller, evaluators and participants, the exact plan and
scenario texts (their SHA-256) and the scoring rules (theirs).  Each event's
hash covers its content and the previous hash, so the final hash stands for the
whole record.

What a chain cannot do: someone with write access to the database can recompute
every hash after an edit.  That is found only against a copy of the final hash
kept elsewhere (the signed paper sheet): ``drill-app verify EXERCISE --expect HASH``.

Exercises recorded before the genesis existed start from ``LEGACY_GENESIS`` (64
zeros); their chain covers the events only, and ``verify`` says so.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

LEGACY_GENESIS = "0" * 64
GENESIS_FORMAT = "drill-app-genesis/1"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class RecordFields:
    """What the genesis hash binds (everything but the events)."""

    exercise_id: str
    title: str
    held_on: str  # ISO date
    exercise_type: str
    location: str
    controller: str
    evaluators: tuple[str, ...]
    seats: tuple[tuple[str, str, str], ...]  # unit, participant, workstation
    options: dict[str, Any]
    plan_sha256: str
    scenario_sha256: str
    scoring_sha256: str


def genesis_hash(record: RecordFields) -> str:
    body = canonical_json(
        {
            "format": GENESIS_FORMAT,
            "exercise": record.exercise_id,
            "title": record.title,
            "held_on": record.held_on,
            "exercise_type": record.exercise_type,
            "location": record.location,
            "controller": record.controller,
            "evaluators": list(record.evaluators),
            "seats": [list(s) for s in record.seats],
            "options": record.options,
            "plan_sha256": record.plan_sha256,
            "scenario_sha256": record.scenario_sha256,
            "scoring_sha256": record.scoring_sha256,
        }
    )
    return sha256_text(body)


@dataclass(frozen=True)
class EventFields:
    event_id: str
    kind: str
    actor: str
    unit: str | None
    payload: str
    scenario_time: float
    wall_time: float


def chain_hash(prev_hash: str, exercise_id: str, seq: int, row: EventFields) -> str:
    """The hash of one stored event: its content and the previous event's hash.

    The text hashed is canonical_json of the event's fields (sorted keys, no spaces),
    written out directly here: five times faster, and a test holds the two equal.
    """
    q = _quote
    unit = "null" if row.unit is None else q(row.unit)
    body = (
        f'{{"actor":{q(row.actor)},"exercise":{q(exercise_id)},"id":{q(row.event_id)},'
        f'"kind":{q(row.kind)},"payload":{q(row.payload)},'
        f'"scenario_time":{_number(row.scenario_time)},"seq":{_number(seq)},"unit":{unit},'
        f'"wall_time":{_number(row.wall_time)}}}'
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


_quote = json.encoder.encode_basestring  # what json.dumps(ensure_ascii=False) uses


def _number(value: float) -> str:
    # json.dumps writes ints with int.__repr__ and finite floats with float.__repr__
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return json.dumps(value)
        return float.__repr__(value)
    return int.__repr__(int(value))


def chain_hash_reference(prev_hash: str, exercise_id: str, seq: int, row: EventFields) -> str:
    """chain_hash as first written (canonical_json of a dict): the definition it must match."""
    body = canonical_json(
        {
            "exercise": exercise_id,
            "seq": seq,
            "id": row.event_id,
            "kind": row.kind,
            "actor": row.actor,
            "unit": row.unit,
            "payload": row.payload,
            "scenario_time": row.scenario_time,
            "wall_time": row.wall_time,
        }
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainedEvent:
    seq: int
    fields: EventFields
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    event_count: int
    head_hash: str
    problems: tuple[str, ...]
    legacy: bool = False
    """The chain starts from zeros: made before the genesis record, events only."""

    def with_expected(self, expected: str) -> VerifyResult:
        """This result checked against a final hash kept elsewhere (the signed sheet)."""
        want = expected.strip().lower()
        if want == self.head_hash:
            return self
        problem = (
            f"the final hash {self.head_hash} is not the expected {want}: the record was "
            "changed (and its chain recomputed) since that hash was written down"
            if len(want) == 64
            else f"the expected hash must be the 64 hex digits of the final hash, not {want!r}"
        )
        return VerifyResult(
            False, self.event_count, self.head_hash, (*self.problems, problem), self.legacy
        )


def check_chain(
    exercise_id: str,
    genesis: str,
    events: Iterable[ChainedEvent],
    stored: tuple[int, str] | None = None,
    extra: Sequence[str] = (),
) -> VerifyResult:
    """Recompute the chain from *genesis* (or legacy zeros, when that is where it starts)."""
    problems = list(extra)
    prev: str | None = None
    count = 0
    legacy = False
    for event in events:
        count += 1
        if prev is None:
            legacy = event.prev_hash == LEGACY_GENESIS
            prev = LEGACY_GENESIS if legacy else genesis
        if event.seq != count:
            problems.append(f"event {count}: sequence number {event.seq} (a gap)")
        if event.prev_hash != prev:
            problems.append(
                f"event {event.seq} ({event.fields.event_id}): previous hash does not match"
                + (
                    " (the exercise record or its plan, scenario or rules changed)"
                    if count == 1
                    else ""
                )
            )
        expected = chain_hash(prev, exercise_id, event.seq, event.fields)
        if event.hash != expected:
            problems.append(
                f"event {event.seq} ({event.fields.event_id}, {event.fields.kind}): content "
                "does not match its hash (altered after it was recorded)"
            )
        prev = event.hash
    if prev is None:  # no events: the head is the genesis itself
        legacy = stored is not None and stored[1] == LEGACY_GENESIS
        prev = LEGACY_GENESIS if legacy else genesis
        if stored is None or stored == (0, prev):
            return VerifyResult(not problems, 0, prev, tuple(problems), legacy)
        if stored[0] == 0:
            problems.append(
                "the genesis hash does not match (the exercise record or its plan, scenario "
                "or rules changed)"
            )
            return VerifyResult(False, 0, prev, tuple(problems), legacy)
    if stored is not None and (count != stored[0] or prev != stored[1]):
        problems.append(
            f"the exercise records {stored[0]} events ending in {stored[1][:12]}…, "
            f"the log has {count} ending in {prev[:12]}… (events removed or added, or the "
            "exercise record changed)"
        )
    return VerifyResult(not problems, count, prev, tuple(problems), legacy)
