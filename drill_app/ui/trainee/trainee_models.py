"""The trainee window's tables: the inbox of injects, the unit's deadlines, the sent log.

Thin models over what the host sent (``EventView``s, ``ObligationView``s, acks and
refusals): newest first, nothing computed here that the host or the core decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from drill_app.net.protocol import EventView, ObligationView
from drill_app.ui.exercise.event_feed import summarize_payload
from drill_app.ui.shared.table_model import AnyIndex, ReadOnlyTableModel
from drill_app.wording import PlanWords
from drill_app.wording.clock import format_clock, format_span
from drill_app.wording.events import event_kind_name
from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR, LATE_COLOUR, OK_COLOUR

translate = QCoreApplication.translate
DUE_SOON_SECONDS = 5 * 60


# --- the inbox -------------------------------------------------------------------------------


@dataclass(frozen=True)
class InboxItem:
    event_id: str
    time: float
    source: str
    title: str
    text: str
    attachments: tuple[str, ...]
    read: bool = False


def inbox_item(view: EventView) -> InboxItem:
    p = view.payload
    names = [_attachment_name(a) for a in p.get("attachments", ())]
    return InboxItem(
        view.id,
        view.scenario_time,
        str(p.get("source", "")),
        str(p.get("title", "")),
        str(p.get("text", "")),
        tuple(n for n in names if n),
    )


def _attachment_name(attachment: Any) -> str:
    if isinstance(attachment, Mapping):
        return str(attachment.get("name") or attachment.get("title") or attachment.get("file", ""))
    return str(attachment)


class InboxModel(ReadOnlyTableModel):
    """Injects delivered to the unit, newest first; unread rows are bold."""

    def __init__(self, words: PlanWords, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._headers = (
            translate("TraineeWindow", "Time"),
            translate("TraineeWindow", "From"),
            translate("TraineeWindow", "Message"),
        )
        self._words = words
        self._items: list[InboxItem] = []

    def _row_count(self) -> int:
        return len(self._items)

    def add(self, item: InboxItem, read: bool = False) -> bool:
        """Put a delivered inject on top (False if it is there already)."""
        if any(i.event_id == item.event_id for i in self._items):
            return False
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._items.insert(0, replace(item, read=read))
        self.endInsertRows()
        return True

    def item(self, row: int) -> InboxItem:
        return self._items[row]

    @property
    def unread(self) -> int:
        return sum(not i.read for i in self._items)

    def read_ids(self) -> list[str]:
        return [i.event_id for i in self._items if i.read]

    def mark_read(self, row: int) -> None:
        if 0 <= row < len(self._items) and not self._items[row].read:
            self._items[row] = replace(self._items[row], read=True)
            self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return format_clock(item.time)
            if index.column() == 1:
                return self._words.source(item.source) if item.source else ""
            clip = "  📎" if item.attachments else ""
            return (item.title or item.text[:40]) + clip
        if role == Qt.ItemDataRole.FontRole and not item.read:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.text or None
        return None


# --- the unit's deadlines ----------------------------------------------------------------------


class ObligationsModel(ReadOnlyTableModel):
    """The unit's open obligations (only when the controller shows deadlines), soonest
    first, with the time left at scenario time *now*."""

    def __init__(self, english: bool, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._headers = (
            translate("TraineeWindow", "What is due"),
            translate("TraineeWindow", "Due at"),
            translate("TraineeWindow", "Time left"),
        )
        self._english = english
        self._rows: list[ObligationView] = []
        self._now = 0.0

    def _row_count(self) -> int:
        return len(self._rows)

    def set_obligations(self, rows: list[ObligationView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_now(self, now: float) -> None:
        self._now = now
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, 2), self.index(last, 2))

    def left_text(self, row: int) -> str:
        left = self._rows[row].due_at - self._now
        if left < 0:
            return translate("TraineeWindow", "overdue {span}").format(span=format_span(-left))
        return format_span(left)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                title = row.title_en if self._english and row.title_en else row.title
                return f"{title}  {row.ref}" if row.ref else title
            if index.column() == 1:
                return format_clock(row.due_at)
            return self.left_text(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2:
            left = row.due_at - self._now
            colour = ERROR_COLOUR if left < 0 else LATE_COLOUR if left <= DUE_SOON_SECONDS else ""
            return QBrush(QColor(colour)) if colour else None
        return None


# --- what the unit sent ---------------------------------------------------------------------------

SENDING, RECORDED, REFUSED, VOIDED = "sending", "recorded", "refused", "voided"
STATE_COLOURS = {
    SENDING: HINT_COLOUR,
    RECORDED: OK_COLOUR,
    REFUSED: ERROR_COLOUR,
    VOIDED: ERROR_COLOUR,
}


@dataclass(frozen=True)
class SentEntry:
    kind: str
    payload: Mapping[str, Any]
    submission: str = ""
    event_id: str = ""
    state: str = SENDING
    time: float | None = None
    """Host scenario time once recorded."""
    reason: str = ""
    """The refusal or the void's reason, in words."""


class SentLogModel(ReadOnlyTableModel):
    """Each action the unit sent: 发送中 until the host's ack, then 已记录 with the host's
    time; refused with the reason; voided by the controller with the reason."""

    def __init__(self, words: PlanWords, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._headers = (
            translate("TraineeWindow", "Action"),
            translate("TraineeWindow", "Status"),
        )
        self._words = words
        self._entries: list[SentEntry] = []

    def _row_count(self) -> int:
        return len(self._entries)

    def entry(self, row: int) -> SentEntry:
        return self._entries[row]

    def _find(self, **key: str) -> int:
        name, value = next(iter(key.items()))
        return next(
            (n for n, e in enumerate(self._entries) if value and getattr(e, name) == value), -1
        )

    def _insert(self, entry: SentEntry) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._entries.insert(0, entry)
        self.endInsertRows()

    def _set(self, row: int, entry: SentEntry) -> None:
        self._entries[row] = entry
        self.dataChanged.emit(self.index(row, 0), self.index(row, 1))

    def sending(self, submission: str, kind: str, payload: Mapping[str, Any]) -> None:
        if self._find(submission=submission) < 0:
            self._insert(SentEntry(kind, payload, submission=submission))

    def acknowledged(self, submission: str, event_id: str, time: float) -> None:
        row = self._find(submission=submission)
        if row < 0:
            return
        if self._find(event_id=event_id) >= 0:  # already shown from the stream (a resend)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._entries[row]
            self.endRemoveRows()
            return
        self._set(row, replace(self._entries[row], state=RECORDED, event_id=event_id, time=time))

    def refused(self, submission: str, reason: str) -> None:
        row = self._find(submission=submission)
        if row >= 0:
            self._set(row, replace(self._entries[row], state=REFUSED, reason=reason))

    def recorded(self, view: EventView) -> None:
        """The unit's own entry in the stream (sent before a restart, or by the console)."""
        if self._find(event_id=view.id) < 0:
            entry = SentEntry(
                view.kind, view.payload, event_id=view.id, state=RECORDED, time=view.scenario_time
            )
            self._insert(entry)

    def voided(self, event_id: str, reason: str) -> None:
        row = self._find(event_id=event_id)
        if row >= 0:
            self._set(row, replace(self._entries[row], state=VOIDED, reason=reason))

    def status_text(self, entry: SentEntry) -> str:
        if entry.state == SENDING:
            return translate("TraineeWindow", "Sending")
        if entry.state == RECORDED:
            return translate("TraineeWindow", "Recorded {time}").format(
                time=format_clock(entry.time or 0.0)
            )
        if entry.state == REFUSED:
            return translate("TraineeWindow", "Refused: {reason}").format(reason=entry.reason)
        return translate("TraineeWindow", "Voided: {reason}").format(reason=entry.reason)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 0:
                summary = summarize_payload(self._words, entry.kind, entry.payload)
                name = event_kind_name(entry.kind)
                return name if summary in ("", name) else f"{name}：{summary}"
            return self.status_text(entry)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(QColor(STATE_COLOURS[entry.state]))
        if role == Qt.ItemDataRole.FontRole and entry.state == VOIDED and index.column() == 0:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None
