"""Voiding a mistaken entry from the event feed (issue 12 §3).

The controller selects a unit's entry in the feed, presses 作废… and gives the reason; the
void goes through ``ExerciseSession.send`` like every command. The entry stays in the log,
marked, and no longer counts in the score.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from drill_app.core.events import VOIDABLE_KINDS
from drill_app.ui.shared.describe import describe, explain

if TYPE_CHECKING:
    from drill_app.ui.exercise.event_feed import FeedRow


class VoidEntryDialog(QDialog):
    """Asks why an entry is voided; OK only once a reason is given."""

    def __init__(self, row: FeedRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("void_entry_dialog")
        self.setWindowTitle(self.tr("Void an entry"))
        what = QLabel(f"{row.time}  {row.unit}  {row.kind_name}\n{row.summary}", self)
        what.setWordWrap(True)
        note = QLabel(
            self.tr(
                "The entry stays in the log, marked as voided with your reason, and no longer "
                "counts in the score. Nothing is deleted."
            ),
            self,
        )
        note.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("void_reason")
        describe(
            self.reason,
            self.tr("Why the entry is a mistake: kept in the log and on the report"),
            self.tr("Reason"),
        )
        self.reason.setPlaceholderText(self.tr("Why is this entry a mistake?"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Void"))
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(self._reason_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        describe(
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel),
            self.tr("Close without voiding anything"),
        )
        layout = QFormLayout(self)
        layout.addRow(what)
        layout.addRow(self.tr("Reason"), self.reason)
        layout.addRow(note)
        layout.addRow(self.buttons)
        self._reason_changed("")

    def _reason_changed(self, text: str) -> None:
        self.ok.setEnabled(bool(text.strip()))
        explain(
            self.ok,
            self.tr("Void the entry: it stays in the log, marked, and no longer counts"),
            self.tr("Give the reason first."),
        )

    def reason_text(self) -> str:
        return self.reason.text().strip()


def can_void(row: FeedRow | None, voided: set[str] | dict[str, str]) -> bool:
    """Whether the void button applies to *row* (the core decides in the end)."""
    return row is not None and row.kind in VOIDABLE_KINDS and row.event_id not in voided
