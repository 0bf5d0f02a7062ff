"""Evaluator notes and ratings, at any time (also after the exercise ended).

A note is an ``evaluator_note`` event (text, optionally about a unit); a rating is an
``evaluator_rating`` event: P/S/M/U for a scenario objective and/or a unit, with a
comment.  A later rating of the same objective and unit supersedes the earlier one
(``latest_ratings``).  The list below the forms shows every note and rating recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.events import Event
from drill_app.core.refusals import Refusal
from drill_app.ui.act.commanding import PendingCommands, recorded_text, show_feedback
from drill_app.ui.act.form_parts import feedback_label, message_label
from drill_app.ui.shared.describe import describe, set_waiting
from drill_app.ui.shared.table_model import RowsModel, TableRow, bold_label, make_table
from drill_app.wording import PlanWords, refusal_text
from drill_app.wording.clock import clock_text
from drill_app.wording.events import rating_name

if TYPE_CHECKING:
    from drill_app.core.scenario import Scenario
    from drill_app.ui.session import ExerciseSession

RATINGS = ("P", "S", "M", "U")
EVALUATION_KINDS = ("evaluator_note", "evaluator_rating")


def objective_text(scenario: Scenario, objective: str | None) -> str:
    if objective is None:
        return QCoreApplication.translate("EvaluatorPanel", "Exercise as a whole")
    for candidate in scenario.objectives:
        if candidate.id == objective:
            return candidate.text
    return objective


def latest_ratings(events: Sequence[Event]) -> dict[tuple[str | None, str | None], Event]:
    """The rating in force for each (objective, unit): the last one recorded."""
    latest: dict[tuple[str | None, str | None], Event] = {}
    for event in events:
        if event.kind == "evaluator_rating":
            p = event.payload
            latest[(p.get("objective"), p.get("about_unit"))] = event
    return latest


class EvaluatorPanel(QWidget):
    """Record notes and ratings; see them all in a list."""

    def __init__(self, session: ExerciseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.words = PlanWords(session.plan)
        self.commands = PendingCommands(session, self)
        scenario = session.scenario

        # Notes.
        note_box = QGroupBox(self.tr("Observation"), self)
        self.note_text = QPlainTextEdit(note_box)
        self.note_text.setObjectName("note_text")
        describe(
            self.note_text,
            self.tr("What you observed (strengths, problems)"),
            self.tr("Observation"),
        )
        self.note_text.setTabChangesFocus(True)
        self.note_text.setPlaceholderText(self.tr("What you observed (strengths, problems)"))
        self.note_text.setFixedHeight(self.note_text.fontMetrics().lineSpacing() * 3 + 12)
        self.note_unit = self._unit_combo(note_box, "note_unit")
        describe(
            self.note_unit, self.tr("The unit the observation is about"), self.tr("About unit")
        )
        self.note_message = message_label(note_box, "note_message")
        self.note_button = QPushButton(self.tr("Record observation"), note_box)
        self.note_button.setObjectName("record_note")
        describe(self.note_button, self.tr("Record this observation in the exercise log"))
        self.note_feedback = feedback_label(note_box, "note_feedback")
        note_layout = QGridLayout(note_box)
        note_layout.addWidget(self.note_text, 0, 0, 1, 4)
        note_layout.addWidget(self.note_message, 1, 0, 1, 4)
        note_layout.addWidget(self._label(self.tr("About unit"), self.note_unit), 2, 0)
        note_layout.addWidget(self.note_unit, 2, 1)
        note_layout.addWidget(self.note_feedback, 2, 2)
        note_layout.addWidget(self.note_button, 2, 3)
        note_layout.setColumnStretch(2, 1)

        # Ratings.
        rating_box = QGroupBox(self.tr("Rating"), self)
        self.objective_combo = QComboBox(rating_box)
        self.objective_combo.setObjectName("objective")
        describe(
            self.objective_combo,
            self.tr("The scenario's objective being rated, or the drill as a whole"),
            self.tr("Objective"),
        )
        self.objective_combo.addItem(objective_text(scenario, None), None)
        for objective in scenario.objectives:
            refs = " ".join(objective.refs)
            self.objective_combo.addItem(f"{objective.text} {refs}".strip(), objective.id)
            self.objective_combo.setItemData(
                self.objective_combo.count() - 1, objective.text, Qt.ItemDataRole.ToolTipRole
            )
        self.objective_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.objective_combo.setMinimumContentsLength(24)
        self.rating_unit = self._unit_combo(rating_box, "rating_unit")
        describe(self.rating_unit, self.tr("The unit being rated"), self.tr("Unit"))
        self.rating_buttons = QButtonGroup(self)
        ratings_row = QGridLayout()
        for number, rating in enumerate(RATINGS):
            button = QRadioButton(rating_name(rating), rating_box)
            button.setObjectName(f"rating_{rating}")
            describe(
                button, self.tr("Rate the objective: {rating}").format(rating=rating_name(rating))
            )
            self.rating_buttons.addButton(button, number)
            ratings_row.addWidget(button, number // 2, number % 2)
        ratings_row.setColumnStretch(2, 1)
        self.rating_message = message_label(rating_box, "rating_message")
        self.comment = QLineEdit(rating_box)
        self.comment.setObjectName("rating_comment")
        describe(self.comment, self.tr("Comment on the rating (optional)"), self.tr("Comment"))
        self.comment.setPlaceholderText(self.tr("Comment (optional)"))
        self.rating_button = QPushButton(self.tr("Record rating"), rating_box)
        self.rating_button.setObjectName("record_rating")
        describe(self.rating_button, self.tr("Record this rating in the exercise log"))
        self.rating_feedback = feedback_label(rating_box, "rating_feedback")
        rating_layout = QGridLayout(rating_box)
        rating_layout.addWidget(self._label(self.tr("Objective"), self.objective_combo), 0, 0)
        rating_layout.addWidget(self.objective_combo, 0, 1, 1, 3)
        rating_layout.addWidget(self._label(self.tr("Unit"), self.rating_unit), 1, 0)
        rating_layout.addWidget(self.rating_unit, 1, 1)
        rating_layout.addLayout(ratings_row, 2, 0, 1, 4)
        rating_layout.addWidget(self.rating_message, 3, 0, 1, 4)
        rating_layout.addWidget(self._label(self.tr("Comment"), self.comment), 4, 0)
        rating_layout.addWidget(self.comment, 4, 1, 1, 3)
        rating_layout.addWidget(self.rating_feedback, 5, 0, 1, 3)
        rating_layout.addWidget(self.rating_button, 5, 3)
        rating_layout.setColumnStretch(2, 1)

        # Everything recorded so far.
        self.model = RowsModel(
            (
                self.tr("Time"),
                self.tr("Type"),
                self.tr("Objective"),
                self.tr("Unit"),
                self.tr("Rating"),
                self.tr("Text"),
            ),
            self,
        )
        self.view = make_table(self.model, self, 5, {2: 220})
        self.view.setObjectName("evaluations")
        describe(
            self.view,
            self.tr("Every observation and rating recorded so far"),
            self.tr("Observations and ratings"),
        )
        list_title = bold_label(self.tr("Notes and ratings recorded"), self)

        layout = QVBoxLayout(self)
        layout.addWidget(note_box)
        layout.addWidget(rating_box)
        layout.addWidget(list_title)
        layout.addWidget(self.view, 1)

        self.note_button.clicked.connect(self.record_note)
        self.rating_button.clicked.connect(self.record_rating)
        self.note_text.textChanged.connect(self.note_message.hide)
        self.rating_buttons.idClicked.connect(lambda _id: self.rating_message.hide())
        session.event_added.connect(self._event_added)
        self._refresh()

    # --- public -----------------------------------------------------------------------------

    def set_target(self, objective: str | None, unit: str | None) -> None:
        """Prefill the rating form (e.g. from a row of the score view)."""
        self.objective_combo.setCurrentIndex(max(0, self.objective_combo.findData(objective)))
        self.rating_unit.setCurrentIndex(max(0, self.rating_unit.findData(unit)))

    def record_note(self) -> None:
        text = self.note_text.toPlainText().strip()
        if not text:
            self.note_message.setText(self.tr("Write the observation first"))
            self.note_message.show()
            self.note_text.setFocus()
            return
        payload: dict[str, Any] = {"text": text}
        unit = self.note_unit.currentData()
        if unit is not None:
            payload["about_unit"] = unit
        self._send(
            "evaluator_note",
            payload,
            self.note_feedback,
            self.note_button,
            lambda: self.note_text.clear(),
        )

    def record_rating(self) -> None:
        chosen = self.rating_buttons.checkedId()
        if chosen < 0:
            self.rating_message.setText(self.tr("Choose a rating: P, S, M or U"))
            self.rating_message.show()
            return
        payload: dict[str, Any] = {"rating": RATINGS[chosen]}
        objective = self.objective_combo.currentData()
        unit = self.rating_unit.currentData()
        if objective is not None:
            payload["objective"] = objective
        if unit is not None:
            payload["about_unit"] = unit
        comment = self.comment.text().strip()
        if comment:
            payload["comment"] = comment
        self._send(
            "evaluator_rating",
            payload,
            self.rating_feedback,
            self.rating_button,
            self._clear_rating,
        )

    # --- internals ---------------------------------------------------------------------------

    def _clear_rating(self) -> None:
        self.rating_buttons.setExclusive(False)
        for button in self.rating_buttons.buttons():
            button.setChecked(False)
        self.rating_buttons.setExclusive(True)
        self.comment.clear()

    def _send(
        self,
        kind: str,
        payload: dict[str, Any],
        feedback: QLabel,
        button: QPushButton,
        clear: Any,
    ) -> None:
        def recorded(event: Event) -> None:
            set_waiting(button, False)
            show_feedback(feedback, recorded_text(event), "ok")
            clear()

        def refused(reason: Refusal) -> None:
            set_waiting(button, False)
            show_feedback(feedback, refusal_text(reason, self.words), "error")

        command_id = self.commands.send(
            kind, payload, actor="evaluator", unit=None, recorded=recorded, refused=refused
        )
        if command_id is not None:
            set_waiting(button, True)
            show_feedback(feedback, self.tr("Recording…"), "wait")

    def _unit_combo(self, parent: QWidget, name: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.addItem(self.tr("(no particular unit)"), None)
        for unit in self.session.scenario.seats:
            combo.addItem(self.words.party(unit), unit)
        return combo

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    @Slot(object)
    def _event_added(self, event: Event) -> None:
        if event.kind in EVALUATION_KINDS:
            self._refresh()

    def _refresh(self) -> None:
        rows = []
        scenario = self.session.scenario
        for event in self.session.events:
            if event.kind not in EVALUATION_KINDS:
                continue
            p = event.payload
            unit = p.get("about_unit")
            unit_name = self.words.party(unit) if unit else ""
            if event.kind == "evaluator_note":
                rows.append(
                    TableRow(
                        (
                            clock_text(event.scenario_time),
                            self.tr("Note"),
                            "",
                            unit_name,
                            "",
                            p["text"],
                        ),
                        key=event.id,
                    )
                )
            else:
                rows.append(
                    TableRow(
                        (
                            clock_text(event.scenario_time),
                            self.tr("Rating"),
                            objective_text(scenario, p.get("objective")),
                            unit_name,
                            p["rating"],
                            p.get("comment") or "",
                        ),
                        key=event.id,
                        tooltip=rating_name(p["rating"]),
                    )
                )
        self.model.set_rows(rows)
        if rows:
            self.view.scrollToBottom()
