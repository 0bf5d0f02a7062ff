"""Receipts of network submissions: the client's clock and the sender, kept for the record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from drill_app.store.models import SubmissionReceipt


@dataclass(frozen=True)
class Receipt:
    event_id: str
    submission_id: str
    client_time: float
    sender: str


def write_receipts(session: Session, receipts: Sequence[Receipt]) -> None:
    """Inside the transaction that appends the receipts' events."""
    if receipts:
        session.flush()
        table = SubmissionReceipt.metadata.tables["submission_receipts"]
        session.execute(insert(table), [dict(vars(r)) for r in receipts])  # asdict: 5x slower


def receipts_of(session: Session, event_ids: Sequence[str]) -> list[Receipt]:
    rows = session.scalars(
        select(SubmissionReceipt).where(SubmissionReceipt.event_id.in_(event_ids))
    )
    return [Receipt(r.event_id, r.submission_id, r.client_time, r.sender) for r in rows]
