"""Reading a stored exercise fast, with the whole record still verified.

Helpers of ``Store.stored_record`` (issue 13 §4: a 5,000-event drill from the archive
reported in under half a second).  Nothing is skipped: every event's hash is
recomputed from its content and the previous hash, every sequence number and link is
compared, and the head is compared with what the exercise row records.  What is
faster is how: one pass over plain row tuples, with the canonical text of each event
written inline, instead of an object per event per step.

The pass only answers "does the whole record hold?".  When it does not (or the rows
hold values the inline text does not cover), ``check_chain`` runs over the same rows
and states every problem, exactly as before; so the result is always check_chain's.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from json.scanner import make_scanner
from typing import Any

from drill_app.core.events import Event
from drill_app.store.chain import (
    LEGACY_GENESIS,
    ChainedEvent,
    EventFields,
    VerifyResult,
    check_chain,
)

ChainRow = Sequence[Any]
"""One row of ``rows.chain_rows``: seq, event_id, kind, actor, unit, payload,
scenario_time, wall_time, prev_hash, hash."""


def verify_rows(
    exercise_id: str,
    genesis: str,
    rows: Sequence[ChainRow],
    stored: tuple[int, str],
    extra: Sequence[str] = (),
) -> VerifyResult:
    """check_chain over *rows*, its answer computed in one tight pass when all holds."""
    if rows and not extra and _holds(exercise_id, genesis, rows, stored):
        legacy = rows[0][8] == LEGACY_GENESIS
        return VerifyResult(True, len(rows), rows[-1][9], (), legacy)
    chained = (ChainedEvent(r[0], EventFields(*r[1:8]), r[8], r[9]) for r in rows)
    return check_chain(exercise_id, genesis, chained, stored, extra)


def _holds(
    exercise_id: str, genesis: str, rows: Sequence[ChainRow], stored: tuple[int, str]
) -> bool:
    try:
        return _chain_holds(exercise_id, genesis, rows, stored)
    except (TypeError, ValueError, AttributeError):  # a value of the wrong type: not ours
        return False


def _chain_holds(
    exercise_id: str, genesis: str, rows: Sequence[ChainRow], stored: tuple[int, str]
) -> bool:
    """True when every link, sequence number and hash holds and the head is *stored*.

    The text hashed is chain.chain_hash's (canonical JSON of the event's fields); a row
    whose numbers are not plain finite floats (never written by the store) answers
    False, and check_chain then decides.
    """
    quote = json.encoder.encode_basestring
    sha256 = hashlib.sha256
    number = float.__repr__
    exercise = quote(exercise_id)
    prev = LEGACY_GENESIS if rows[0][8] == LEGACY_GENESIS else genesis
    for count, (seq, event_id, kind, actor, unit, payload, at, wall, link, digest) in enumerate(
        rows, start=1
    ):
        if seq != count or type(seq) is not int or link != prev:
            return False
        if type(at) is not float or type(wall) is not float or at - at or wall - wall:
            return False  # inf or NaN (inf - inf is NaN, which is true): check_chain's case
        body = (
            f'{{"actor":{quote(actor)},"exercise":{exercise},"id":{quote(event_id)},'
            f'"kind":{quote(kind)},"payload":{quote(payload)},'
            f'"scenario_time":{number(at)},"seq":{seq},'
            f'"unit":{"null" if unit is None else quote(unit)},"wall_time":{number(wall)}}}'
        )
        if sha256((prev + body).encode("utf-8")).hexdigest() != digest:
            return False
        prev = digest
    return (len(rows), prev) == stored


def events_of_rows(exercise_id: str, rows: Sequence[ChainRow]) -> list[Event]:
    """The core events of *rows* (as ``rows.event_of`` makes them, one at a time)."""
    return [
        Event(
            id=r[1],
            exercise_id=exercise_id,
            kind=r[2],
            actor=r[3],
            unit=r[4],
            payload=_loads(r[5]),
            scenario_time=r[6],
            wall_time=r[7],
        )
        for r in rows
    ]


_scan = make_scanner(json.JSONDecoder())  # type: ignore[arg-type]  # (typeshed)


def _loads(text: str) -> Any:
    """json.loads(text), in one call into the C scanner for the texts the store writes
    (canonical JSON: no surrounding space); anything else goes to json.loads itself."""
    try:
        value, end = _scan(text, 0)
    except StopIteration:
        return json.loads(text)
    return value if end == len(text) else json.loads(text)
