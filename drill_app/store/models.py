"""The database schema (SQLAlchemy 2 typed ORM).

Plans and scenarios are stored by content hash, so an exercise is always scored
against the exact plan and scenario it ran with.  Events are append-only; each
row carries a hash over its content and the previous row's hash, starting from a
genesis hash over the exercise record (a chain that ``drill-app verify`` checks).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Sha256 = Annotated[str, mapped_column(String(64))]
ShortText = Annotated[str, mapped_column(String(200))]
Timestamp = Annotated[dt.datetime, mapped_column(DateTime(timezone=True))]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class PlanVersion(Base):
    __tablename__ = "plan_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[Sha256] = mapped_column(unique=True)
    plan_key: Mapped[ShortText]
    title: Mapped[ShortText]
    document_number: Mapped[ShortText]
    content: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[Timestamp]


class ScenarioVersion(Base):
    __tablename__ = "scenario_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[Sha256] = mapped_column(unique=True)
    scenario_key: Mapped[ShortText]
    title: Mapped[ShortText]
    content: Mapped[str] = mapped_column(Text)
    stored_at: Mapped[Timestamp]


class ExerciseRow(Base):
    __tablename__ = "exercises"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    title: Mapped[ShortText]
    plan_version_id: Mapped[int] = mapped_column(ForeignKey("plan_versions.id"))
    scenario_version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"))
    exercise_type: Mapped[str] = mapped_column(String(20))
    location: Mapped[ShortText]
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    controller: Mapped[ShortText]
    evaluators: Mapped[list[str]] = mapped_column(JSON)
    options: Mapped[dict[str, Any]] = mapped_column(JSON)
    scoring_sha256: Mapped[str] = mapped_column(String(64), default="", server_default="")
    """SHA-256 of the scoring rules' text ("" when not recorded); bound by the genesis."""
    status: Mapped[str] = mapped_column(String(20), index=True)  # planned, running, ended
    created_at: Mapped[Timestamp]
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    event_count: Mapped[int] = mapped_column(Integer, default=0)
    head_hash: Mapped[Sha256]
    """Hash of the last event (the genesis hash when there is none; see store/chain.py)."""

    plan: Mapped[PlanVersion] = relationship()
    scenario: Mapped[ScenarioVersion] = relationship()
    seats: Mapped[list[SeatRow]] = relationship(
        back_populates="exercise", cascade="all, delete-orphan", order_by="SeatRow.id"
    )


class SeatRow(Base):
    __tablename__ = "seats"
    __table_args__ = (UniqueConstraint("exercise_id", "unit_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exercise_id: Mapped[str] = mapped_column(ForeignKey("exercises.id", ondelete="CASCADE"))
    unit_id: Mapped[str] = mapped_column(String(64))
    participant: Mapped[ShortText]
    workstation: Mapped[ShortText]

    exercise: Mapped[ExerciseRow] = relationship(back_populates="seats")


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_exercise_kind", "exercise_id", "kind"),)

    exercise_id: Mapped[str] = mapped_column(
        ForeignKey("exercises.id", ondelete="CASCADE"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(20))
    unit: Mapped[str | None] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    """Canonical JSON (sorted keys), the exact text the hash covers."""
    scenario_time: Mapped[float] = mapped_column(Float(precision=53))
    wall_time: Mapped[float] = mapped_column(Float(precision=53))
    prev_hash: Mapped[Sha256]
    hash: Mapped[Sha256]


class ImprovementItem(Base):
    """An after-action corrective action; stays open across exercises until closed."""

    __tablename__ = "improvement_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    exercise_id: Mapped[str | None] = mapped_column(
        ForeignKey("exercises.id", ondelete="SET NULL"), index=True
    )
    issue: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(Text)
    element: Mapped[str] = mapped_column(String(40))
    owner_unit: Mapped[str] = mapped_column(String(64), index=True)
    contact: Mapped[ShortText]
    plan_ref: Mapped[str] = mapped_column(String(40))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    due_date: Mapped[dt.date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), index=True)  # open, in_progress, closed
    created_at: Mapped[Timestamp]

    history: Mapped[list[ImprovementStatusChange]] = relationship(
        back_populates="item",
        cascade="all, delete-orphan",
        order_by="ImprovementStatusChange.id",
    )


class ImprovementStatusChange(Base):
    __tablename__ = "improvement_status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("improvement_items.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(20))
    changed_at: Mapped[Timestamp]
    note: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[ImprovementItem] = relationship(back_populates="history")
