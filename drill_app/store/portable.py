"""Export one exercise to a single portable file (imported by import_file.py).

The file is UTF-8 JSON holding the exact plan and scenario texts, the exercise,
its seats, every event with its chain hashes, and its improvement items.  The
import re-checks every field and the whole chain before writing anything, and
writes in one transaction, so the archive on the other machine is the same
archive: same events, same hashes, same score.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from drill_app.store.chain import sha256_text
from drill_app.store.database import StoreError
from drill_app.store.models import EventRow, ImprovementItem
from drill_app.store.store import Store

FORMAT = "drill-app-exercise/2"
"""/2 adds the scoring rules' hash to the exercise (its chain starts from a genesis hash);
/1 files (chains from 64 zeros) are still imported."""


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
            "scoring_sha256": detail.scoring_sha256,
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
    try:
        tmp.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
    except (OSError, ValueError) as exc:
        with contextlib.suppress(OSError, ValueError):  # no half-written file left
            tmp.unlink(missing_ok=True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise StoreError(f"{path}: cannot write: {reason}") from None
    return len(events)


from drill_app.store.import_file import ImportResult, import_exercise  # noqa: E402

__all__ = ["FORMAT", "ImportResult", "export_exercise", "import_exercise"]
