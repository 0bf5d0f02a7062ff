"""Export one exercise to a single portable file, and import it elsewhere.

The file is UTF-8 JSON holding the exact plan and scenario texts, the exercise,
its seats, every event with its chain hashes, and its improvement items.  An
import re-checks the whole chain before writing anything, so the archive on the
other machine is the same archive: same events, same hashes, same score.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from drill_app.store.database import StoreError
from drill_app.store.models import (
    EventRow,
    ExerciseRow,
    ImprovementItem,
    ImprovementStatusChange,
)
from drill_app.store.store import GENESIS, EventFields, Store, chain_hash, sha256_text

FORMAT = "drill-app-exercise/1"


def export_exercise(store: Store, exercise_id: str, path: Path) -> int:
    """Write the exercise to *path*; returns the number of events."""
    detail = store.exercise(exercise_id)
    with Session(store.engine) as session:
        rows = session.scalars(
            select(EventRow).where(EventRow.exercise_id == exercise_id).order_by(EventRow.seq)
        ).all()
        events = [
            {
                "seq": r.seq,
                "id": r.event_id,
                "kind": r.kind,
                "actor": r.actor,
                "unit": r.unit,
                "payload": r.payload,
                "scenario_time": r.scenario_time,
                "wall_time": r.wall_time,
                "prev_hash": r.prev_hash,
                "hash": r.hash,
            }
            for r in rows
        ]
        items = session.scalars(
            select(ImprovementItem).where(ImprovementItem.exercise_id == exercise_id)
        ).all()
        improvements = [
            {
                "issue": i.issue,
                "action": i.action,
                "element": i.element,
                "owner_unit": i.owner_unit,
                "contact": i.contact,
                "plan_ref": i.plan_ref,
                "start_date": i.start_date.isoformat() if i.start_date else None,
                "due_date": i.due_date.isoformat(),
                "status": i.status,
                "created_at": i.created_at.isoformat(),
                "history": [
                    {"status": h.status, "changed_at": h.changed_at.isoformat(), "note": h.note}
                    for h in i.history
                ],
            }
            for i in items
        ]
    s = detail.summary
    document = {
        "format": FORMAT,
        "exercise": {
            "id": s.id,
            "title": s.title,
            "held_on": s.held_on.isoformat(),
            "status": s.status,
            "exercise_type": s.exercise_type,
            "location": detail.location,
            "controller": detail.controller,
            "evaluators": list(detail.evaluators),
            "options": detail.options,
            "created_at": detail.created_at.isoformat(),
            "ended_at": detail.ended_at.isoformat() if detail.ended_at else None,
            "seats": [
                {"unit_id": x.unit_id, "participant": x.participant, "workstation": x.workstation}
                for x in detail.seats
            ],
        },
        "plan": {"sha256": sha256_text(detail.plan_text), "content": detail.plan_text},
        "scenario": {"sha256": sha256_text(detail.scenario_text), "content": detail.scenario_text},
        "events": events,
        "head_hash": s.head_hash,
        "improvements": improvements,
    }
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return len(events)


def import_exercise(store: Store, path: Path) -> str:
    """Import an exported exercise; StoreError names what is wrong and nothing is written."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise StoreError(f"{path}: not a drill-app export file ({exc})") from None
    try:
        return _import(store, document, path)
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"{path}: damaged export file: {exc!r}") from None


def _import(store: Store, doc: dict[str, Any], path: Path) -> str:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise StoreError(f"{path}: not a drill-app export file (format {FORMAT} expected)")
    ex = doc["exercise"]
    for part in ("plan", "scenario"):
        if sha256_text(doc[part]["content"]) != doc[part]["sha256"]:
            raise StoreError(f"{path}: the {part} text does not match its hash")
    prev = GENESIS
    for n, e in enumerate(doc["events"], start=1):
        fields = EventFields(
            e["id"],
            e["kind"],
            e["actor"],
            e["unit"],
            e["payload"],
            float(e["scenario_time"]),
            float(e["wall_time"]),
        )
        if (
            e["seq"] != n
            or e["prev_hash"] != prev
            or chain_hash(prev, ex["id"], n, fields) != e["hash"]
        ):
            raise StoreError(
                f"{path}: event {n} does not match the hash chain: the file was altered"
            )
        prev = e["hash"]
    if prev != doc["head_hash"]:
        raise StoreError(f"{path}: the event chain does not end in the recorded head hash")

    existing = [x for x in store.list_exercises() if x.id == ex["id"]]
    if existing:
        if existing[0].head_hash == doc["head_hash"]:
            return str(ex["id"])  # already imported: nothing to do
        raise StoreError(
            f"{path}: exercise {ex['id']} already exists here with a different history"
        )
    from drill_app.store.store import NewExercise, SeatInfo

    store.create_exercise(
        NewExercise(
            title=ex["title"],
            plan_text=doc["plan"]["content"],
            scenario_text=doc["scenario"]["content"],
            held_on=dt.date.fromisoformat(ex["held_on"]),
            exercise_type=ex["exercise_type"],
            location=ex["location"],
            controller=ex["controller"],
            evaluators=tuple(ex["evaluators"]),
            seats=tuple(SeatInfo(**s) for s in ex["seats"]),
            options=ex["options"],
            exercise_id=ex["id"],
        )
    )
    with Session(store.engine) as session, session.begin():
        row = session.get(ExerciseRow, ex["id"])
        assert row is not None
        for e in doc["events"]:
            session.add(
                EventRow(
                    exercise_id=row.id,
                    seq=e["seq"],
                    event_id=e["id"],
                    kind=e["kind"],
                    actor=e["actor"],
                    unit=e["unit"],
                    payload=e["payload"],
                    scenario_time=float(e["scenario_time"]),
                    wall_time=float(e["wall_time"]),
                    prev_hash=e["prev_hash"],
                    hash=e["hash"],
                )
            )
        row.event_count = len(doc["events"])
        row.head_hash = doc["head_hash"]
        row.status = ex["status"]
        row.created_at = dt.datetime.fromisoformat(ex["created_at"])
        row.ended_at = dt.datetime.fromisoformat(ex["ended_at"]) if ex["ended_at"] else None
        for i in doc["improvements"]:
            session.add(
                ImprovementItem(
                    exercise_id=row.id,
                    issue=i["issue"],
                    action=i["action"],
                    element=i["element"],
                    owner_unit=i["owner_unit"],
                    contact=i["contact"],
                    plan_ref=i["plan_ref"],
                    start_date=dt.date.fromisoformat(i["start_date"]) if i["start_date"] else None,
                    due_date=dt.date.fromisoformat(i["due_date"]),
                    status=i["status"],
                    created_at=dt.datetime.fromisoformat(i["created_at"]),
                    history=[
                        ImprovementStatusChange(
                            status=h["status"],
                            changed_at=dt.datetime.fromisoformat(h["changed_at"]),
                            note=h["note"],
                        )
                        for h in i["history"]
                    ],
                )
            )
    return str(ex["id"])
