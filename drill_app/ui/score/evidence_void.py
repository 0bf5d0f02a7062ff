"""Void the entry behind a scored item, from the score view's evidence list.

The review stage is where a mistaken entry is usually noticed (an entry made for the wrong
unit shows as evidence of that unit's line). The void goes through ``ExerciseSession.send``
like every command and is accepted after the end as a correction of the record
(docs/scoring.md, "Voids"); the score view then scores the standing events again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QWidget

from drill_app.core.events import VOIDABLE_KINDS, Event, voided_ids
from drill_app.core.refusals import Refusal
from drill_app.ui.act.commanding import show_feedback
from drill_app.ui.exercise.event_feed import feed_row_of
from drill_app.ui.exercise.void_entry import VoidEntryDialog
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.describe import explain
from drill_app.ui.shared.table_model import selected_key
from drill_app.wording import PlanWords, refusal_text


class EvidenceVoidWidget(QWidget):
    """作废所选记录… and what became of the last void, under the evidence list."""

    def __init__(
        self, session: ExerciseSession, words: PlanWords, view: QTableView, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.words = words
        self.view = view
        self.dialog: VoidEntryDialog | None = None
        self.button = QPushButton(self.tr("Void the selected entry…"), self)
        self.button.setObjectName("void_evidence")
        self.button.setAccessibleName(self.tr("Void the selected entry"))
        self.button.clicked.connect(self.ask_void)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("void_evidence_feedback")
        self.feedback.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.feedback, 1)
        layout.addWidget(self.button)
        view.selectionModel().selectionChanged.connect(self.update_button)
        view.model().modelReset.connect(self.update_button)
        self.update_button()

    def selected_entry(self) -> Event | None:
        key = selected_key(self.view)
        return next((e for e in self.session.events if e.id == key), None)

    def update_button(self, *_args: object) -> None:
        entry = self.selected_entry()
        voidable = entry is not None and entry.kind in VOIDABLE_KINDS
        voided = entry is not None and entry.id in voided_ids(self.session.events)
        self.button.setEnabled(voidable and not voided)
        explain(
            self.button,
            self.tr(
                "Void the selected entry as a mistake: it stays in the log, marked, and the "
                "score no longer counts it (after the end: a correction of the review)"
            ),
            self.tr("Select a unit's entry in the evidence list first.")
            if not voidable
            else self.tr("This entry has already been voided."),
        )

    def ask_void(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        dialog = VoidEntryDialog(feed_row_of(self.words, entry), self)
        dialog.accepted.connect(lambda: self._send(entry.id, dialog.reason_text()))
        self.dialog = dialog
        dialog.open()

    def _send(self, entry: str, reason: str) -> None:
        show_feedback(self.feedback, self.tr("Recording…"), "wait")
        self.session.send(
            "entry_voided",
            {"event": entry, "reason": reason},
            actor="controller",
            recorded=lambda _e: show_feedback(self.feedback, self.tr("Entry voided"), "ok"),
            refused=self._refused,
        )

    def _refused(self, reason: Refusal) -> None:
        show_feedback(self.feedback, refusal_text(reason, self.words), "error")
