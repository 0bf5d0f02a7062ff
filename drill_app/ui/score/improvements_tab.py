"""The score view's improvement plan tab: the items of this exercise, a form to add one
(prefilled from a missed, late or wrong line) and the status of the selected item, all
loaded and saved through the archive."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.scoring import Line
from drill_app.ui.act.commanding import show_feedback
from drill_app.ui.act.form_parts import PLAN_REF
from drill_app.ui.score.texts import line_problem
from drill_app.ui.shared.describe import describe, explain, set_waiting
from drill_app.ui.shared.screen_fit import scrolling
from drill_app.ui.shared.table_model import RowsModel, TableRow, make_table, selected_key
from drill_app.wording import PlanWords
from drill_app.wording.evaluation import IMPROVEMENT_ELEMENTS as ELEMENTS
from drill_app.wording.evaluation import (
    IMPROVEMENT_STATUSES,
    improvement_status_name,
)
from drill_app.wording.evaluation import improvement_element_name as element_name
from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR, LATE_COLOUR, OK_COLOUR

if TYPE_CHECKING:
    from drill_app.store.store import ImprovementInfo
    from drill_app.ui.session import Archive, ExerciseSession


class ImprovementsTab(QWidget):
    """The improvement plan of one exercise: list, add, change status."""

    def __init__(
        self, session: ExerciseSession, archive: Archive, words: PlanWords, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.archive = archive
        self.exercise_id = session.exercise_id
        self.words = words
        self.items: tuple[ImprovementInfo, ...] = ()
        self.loaded = False
        self._adding = False
        self._status_pending = False
        self.improvements = RowsModel(
            (
                self.tr("Issue"),
                self.tr("Corrective action"),
                self.tr("Element"),
                self.tr("Owner unit"),
                self.tr("Contact"),
                self.tr("§"),
                self.tr("Start"),
                self.tr("Due"),
                self.tr("Status"),
            ),
            self,
        )
        self.improvements_view = make_table(self.improvements, self, (0, 1))
        self.improvements_view.setObjectName("improvements")
        describe(
            self.improvements_view,
            self.tr("The improvement plan: each item, its owner, due date and status"),
            self.tr("Improvement plan"),
        )
        self.improvements_view.selectionModel().selectionChanged.connect(self._improvement_selected)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self._build_add_box())
        side_layout.addWidget(self._build_status_box())
        side_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.improvements_view)
        splitter.addWidget(scrolling(side, splitter))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        archive.worker.improvements_ready.connect(self._improvements_ready)
        archive.worker.failed.connect(self._archive_failed)

    def _build_add_box(self) -> QGroupBox:
        """The form that adds an item."""
        add_box = QGroupBox(self.tr("New improvement item"), self)
        self.issue_edit = self._text_box(add_box, "issue")
        describe(self.issue_edit, self.tr("The problem found in the drill"), self.tr("Issue"))
        self.action_edit = self._text_box(add_box, "action")
        describe(
            self.action_edit, self.tr("What will be done about it"), self.tr("Corrective action")
        )
        self.element_combo = QComboBox(add_box)
        self.element_combo.setObjectName("element")
        describe(
            self.element_combo,
            self.tr("What the action improves (plan, organisation, training, equipment …)"),
            self.tr("Element"),
        )
        for element in ELEMENTS:
            self.element_combo.addItem(element_name(element), element)
        self.owner_combo = QComboBox(add_box)
        self.owner_combo.setObjectName("owner_unit")
        describe(
            self.owner_combo, self.tr("The unit responsible for the item"), self.tr("Owner unit")
        )
        self.owner_combo.addItem(self.tr("(choose the unit)"), None)
        for unit in self.session.plan.units:
            self.owner_combo.addItem(self.words.party(unit.id), unit.id)
        self.contact_edit = QLineEdit(add_box)
        self.contact_edit.setObjectName("contact")
        describe(self.contact_edit, self.tr("Who to contact: name and phone"), self.tr("Contact"))
        self.contact_edit.setPlaceholderText(self.tr("Name and phone"))
        self.ref_edit = QLineEdit(add_box)
        self.ref_edit.setObjectName("plan_ref")
        describe(
            self.ref_edit,
            self.tr("The section of the plan the item refers to, e.g. §4.1.2"),
            self.tr("Plan section"),
        )
        self.ref_edit.setPlaceholderText("§4.1.2")
        today = QDate.currentDate()
        self.start_edit = self._date_edit(add_box, "start_date", today)
        describe(
            self.start_edit, self.tr("When the work on the item starts"), self.tr("Start date")
        )
        self.due_edit = self._date_edit(add_box, "due_date", today.addMonths(3))
        describe(self.due_edit, self.tr("When the item is due to be done"), self.tr("Due date"))
        self.add_button = QPushButton(self.tr("Add item"), add_box)
        self.add_button.setObjectName("add_improvement")
        describe(self.add_button, self.tr("Add the item to the improvement plan"))
        self.add_feedback = QLabel(add_box)
        self.add_feedback.setObjectName("add_feedback")
        self.add_feedback.setWordWrap(True)
        self.field_messages: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, editor in (
            ("issue", self.tr("Issue found"), self.issue_edit),
            ("action", self.tr("Corrective action"), self.action_edit),
            ("element", self.tr("Element"), self.element_combo),
            ("owner_unit", self.tr("Owner unit"), self.owner_combo),
            ("contact", self.tr("Contact"), self.contact_edit),
            ("plan_ref", self.tr("Plan §"), self.ref_edit),
            ("start_date", self.tr("Start"), self.start_edit),
            ("due_date", self.tr("Due"), self.due_edit),
        ):
            message = QLabel(add_box)
            message.setObjectName(f"{name}_message")
            message.setStyleSheet(f"color: {ERROR_COLOUR}")
            message.hide()
            self.field_messages[name] = message
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(editor)
            cell.addWidget(message)
            form.addRow(label, cell)
        add_layout = QVBoxLayout(add_box)
        add_layout.addLayout(form)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_feedback, 1)
        add_row.addWidget(self.add_button)
        add_layout.addLayout(add_row)
        self.add_button.clicked.connect(self.add_improvement)
        return add_box

    def _build_status_box(self) -> QGroupBox:
        """Changing the status of the selected item."""
        status_box = QGroupBox(self.tr("Status of the selected item"), self)
        self.status_combo = QComboBox(status_box)
        self.status_combo.setObjectName("improvement_status")
        describe(
            self.status_combo,
            self.tr("The new status of the selected item"),
            self.tr("Status"),
        )
        for status in IMPROVEMENT_STATUSES:
            self.status_combo.addItem(improvement_status_name(status), status)
        self.status_note = QLineEdit(status_box)
        self.status_note.setObjectName("status_note")
        describe(
            self.status_note, self.tr("A note on the change of status (optional)"), self.tr("Note")
        )
        self.status_note.setPlaceholderText(self.tr("Note (what was done)"))
        self.status_button = QPushButton(self.tr("Update status"), status_box)
        self.status_button.setObjectName("update_status")
        self.status_button.setEnabled(False)
        self.status_feedback = QLabel(status_box)
        self.status_feedback.setObjectName("status_feedback")
        self.status_feedback.setWordWrap(True)
        self.history_label = QLabel(status_box)
        self.history_label.setObjectName("status_history")
        self.history_label.setStyleSheet(f"color: {HINT_COLOUR}")
        status_layout = QGridLayout(status_box)
        status_layout.addWidget(self.status_combo, 0, 0)
        status_layout.addWidget(self.status_note, 0, 1)
        status_layout.addWidget(self.status_button, 0, 2)
        status_layout.addWidget(self.status_feedback, 1, 0, 1, 3)
        status_layout.addWidget(self.history_label, 2, 0, 1, 3)
        status_layout.setColumnStretch(1, 1)
        self.status_button.clicked.connect(self.change_status)
        return status_box

    def _text_box(self, parent: QWidget, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(parent)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
        edit.textChanged.connect(lambda: self.field_messages[name].hide())
        return edit

    def _date_edit(self, parent: QWidget, name: str, date: QDate) -> QDateEdit:
        edit = QDateEdit(date, parent)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(lambda _d: self.field_messages["due_date"].hide())
        return edit

    def suggest(self, line: Line) -> None:
        """Prefill a new item from a missed, late or wrong *line*."""
        self.issue_edit.setPlainText(line_problem(line, self.words))
        self.ref_edit.setText(line.plan_ref)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(line.unit)))
        element = "organisation" if line.kind in ("group", "handover", "authority") else "training"
        self.element_combo.setCurrentIndex(self.element_combo.findData(element))
        self.action_edit.setFocus()

    def improvement_fields(self) -> dict[str, Any] | None:
        """The fields of the new item, or None after showing what is wrong."""
        for message in self.field_messages.values():
            message.hide()
        problems: dict[str, str] = {}
        issue = self.issue_edit.toPlainText().strip()
        action = self.action_edit.toPlainText().strip()
        owner = self.owner_combo.currentData()
        ref = self.ref_edit.text().strip()
        if ref and not ref.startswith("§"):
            ref = "§" + ref
        start = self.start_edit.date().toPython()
        due = self.due_edit.date().toPython()
        if not issue:
            problems["issue"] = self.tr("Describe the issue found")
        if not action:
            problems["action"] = self.tr("Describe the corrective action")
        if owner is None:
            problems["owner_unit"] = self.tr("Choose the unit responsible")
        if ref and not PLAN_REF.match(ref):
            problems["plan_ref"] = self.tr("Write a section of the plan, e.g. §4.1.2")
        if isinstance(start, dt.date) and isinstance(due, dt.date) and due < start:
            problems["due_date"] = self.tr("The due date is before the start date")
        for name, text in problems.items():
            self.field_messages[name].setText(text)
            self.field_messages[name].show()
        if problems:
            return None
        return {
            "issue": issue,
            "action": action,
            "element": self.element_combo.currentData(),
            "owner_unit": owner,
            "contact": self.contact_edit.text().strip(),
            "plan_ref": ref,
            "start_date": start,
            "due_date": due,
        }

    def add_improvement(self) -> None:
        fields = self.improvement_fields()
        if fields is None:
            show_feedback(self.add_feedback, self.tr("Not added: see the fields marked"), "error")
            return
        self._adding = True
        set_waiting(self.add_button, True)
        show_feedback(self.add_feedback, self.tr("Saving…"), "wait")
        self.archive.add_improvement(self.exercise_id, fields)

    def selected_improvement(self) -> ImprovementInfo | None:
        key = selected_key(self.improvements_view)
        return next((i for i in self.items if i.id == key), None)

    def change_status(self) -> None:
        item = self.selected_improvement()
        if item is None:
            return
        self._status_pending = True
        self.status_button.setEnabled(False)
        show_feedback(self.status_feedback, self.tr("Saving…"), "wait")
        self.archive.set_improvement_status(
            self.exercise_id,
            item.id,
            str(self.status_combo.currentData()),
            self.status_note.text().strip(),
        )

    def _improvement_selected(self, *_args: object) -> None:
        item = self.selected_improvement()
        self.status_button.setEnabled(item is not None and not self._status_pending)
        explain(
            self.status_button,
            self.tr("Record the selected item's new status"),
            self.tr("Waiting until the last change is saved.")
            if self._status_pending
            else self.tr("Select an item in the improvement plan first."),
        )
        if item is None:
            self.history_label.clear()
            return
        self.status_combo.setCurrentIndex(self.status_combo.findData(item.status))
        history = [
            f"{when:%Y-%m-%d %H:%M} {improvement_status_name(status)} {note}".strip()
            for status, when, note in item.history
        ]
        self.history_label.setText(self.tr("History:") + "\n" + "\n".join(history))

    @Slot(str, object)
    def _improvements_ready(self, exercise_id: str, items: tuple[ImprovementInfo, ...]) -> None:
        if exercise_id != self.exercise_id:
            return
        self.items = tuple(items)
        self.loaded = True
        rows = []
        for item in items:
            status_colour = {"closed": OK_COLOUR, "in_progress": LATE_COLOUR}.get(
                item.status, ERROR_COLOUR
            )
            rows.append(
                TableRow(
                    (
                        item.issue,
                        item.action,
                        element_name(item.element),
                        self.words.party(item.owner_unit),
                        item.contact,
                        item.plan_ref,
                        item.start_date.isoformat() if item.start_date else "",
                        item.due_date.isoformat(),
                        improvement_status_name(item.status),
                    ),
                    key=item.id,
                    colours={8: status_colour},
                )
            )
        self.improvements.set_rows(rows)
        if self._adding:
            self._adding = False
            set_waiting(self.add_button, False)
            show_feedback(self.add_feedback, self.tr("Item added"), "ok")
            self._clear_add_form()
        if self._status_pending:
            self._status_pending = False
            show_feedback(self.status_feedback, self.tr("Status updated"), "ok")
            self.status_note.clear()
        self._improvement_selected()

    @Slot(str, str)
    def _archive_failed(self, what: str, message: str) -> None:
        if what == "add_improvement" and self._adding:
            self._adding = False
            set_waiting(self.add_button, False)
            show_feedback(
                self.add_feedback, self.tr("Not added: {error}").format(error=message), "error"
            )
        elif what == "set_improvement_status" and self._status_pending:
            self._status_pending = False
            self._improvement_selected()
            show_feedback(
                self.status_feedback, self.tr("Not saved: {error}").format(error=message), "error"
            )

    def _clear_add_form(self) -> None:
        self.issue_edit.clear()
        self.action_edit.clear()
        self.contact_edit.clear()
        self.ref_edit.clear()
        self.owner_combo.setCurrentIndex(0)
        for message in self.field_messages.values():
            message.hide()
