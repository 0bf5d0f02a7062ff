"""The score view, shown after the exercise ends.

Everything scored here is the engine's ``session.score()``, unchanged: the header total
and grade, the totals by unit and by category, and one row per scored line with its §
and the events that are its evidence.  Evaluators add ratings and comments here too
(``evaluator_rating`` / ``evaluator_note`` events, allowed after the end), and the
improvement plan is kept here: items loaded, added and updated through the archive.
The post-exercise reviews and the findings (strengths, problems) have their own tab
(``FindingsPanel``), and the two documents, the scoring sheet and the after-action
report, print and export from the buttons at the top (``DocumentsPanel``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.evaluation import evaluate
from drill_app.core.events import Event
from drill_app.core.scoring import Line, ScoreSheet, Total
from drill_app.reports.context import ReportContext
from drill_app.ui.act.commanding import show_feedback
from drill_app.ui.act.report_form import (
    ERROR_COLOUR,
    HINT_COLOUR,
    OK_COLOUR,
    PlanWords,
    clock_text,
    rating_name,
    report_summary,
)
from drill_app.ui.evaluation.evaluator_panel import (
    EvaluatorPanel,
    latest_ratings,
    objective_text,
)
from drill_app.ui.evaluation.findings_panel import PLAN_REF, FindingsPanel
from drill_app.ui.score.documents import DocumentsPanel, report_context
from drill_app.ui.shared.table_model import (
    RowsModel,
    TableRow,
    bold_label,
    make_table,
    selected_key,
)

if TYPE_CHECKING:
    from drill_app.store.store import ImprovementInfo
    from drill_app.ui.session import Archive, ExerciseSession

AnyIndex = QModelIndex | QPersistentModelIndex

LATE_COLOUR = "#c25e00"
STATUS_COLOURS = {
    "met": OK_COLOUR,
    "late": LATE_COLOUR,
    "missed": ERROR_COLOUR,
    "wrong": ERROR_COLOUR,
    "pending": HINT_COLOUR,
}
IMPROVABLE = frozenset({"missed", "late", "wrong"})
ELEMENTS = ("plan_revision", "organisation", "equipment", "training", "exercise")
IMPROVEMENT_STATUSES = ("open", "in_progress", "closed")
NO_TIME = "—"


def number_text(value: float) -> str:
    """A score as the sheet states it: 7.5, 10, 0."""
    return f"{value:g}"


def time_text(seconds: float | None) -> str:
    return NO_TIME if seconds is None else clock_text(seconds)


def status_text(line: Line) -> str:
    if line.status == "met":
        return (
            QCoreApplication.translate("ScoreView", "On time")
            if line.due_at is not None
            else QCoreApplication.translate("ScoreView", "Done")
        )
    if line.status == "late":
        if line.kind == "report":
            return QCoreApplication.translate("ScoreView", "Reported {minutes} min late").format(
                minutes=line.minutes_late
            )
        return QCoreApplication.translate("ScoreView", "{minutes} min late").format(
            minutes=line.minutes_late
        )
    if line.status == "missed":
        return QCoreApplication.translate("ScoreView", "Not done")
    if line.status == "wrong":
        return QCoreApplication.translate("ScoreView", "Wrong")
    return QCoreApplication.translate("ScoreView", "Not yet due")


def element_name(element: str) -> str:
    names = {
        "plan_revision": QCoreApplication.translate("ScoreView", "Plan revision"),
        "organisation": QCoreApplication.translate("ScoreView", "Organisation"),
        "equipment": QCoreApplication.translate("ScoreView", "Equipment"),
        "training": QCoreApplication.translate("ScoreView", "Training"),
        "exercise": QCoreApplication.translate("ScoreView", "Exercises"),
    }
    return names.get(element, element)


def improvement_status_name(status: str) -> str:
    names = {
        "open": QCoreApplication.translate("ScoreView", "Not started"),
        "in_progress": QCoreApplication.translate("ScoreView", "In progress"),
        "closed": QCoreApplication.translate("ScoreView", "Completed"),
    }
    return names.get(status, status)


def event_kind_name(kind: str) -> str:
    names = {
        "exercise_started": QCoreApplication.translate("EventKind", "Exercise started"),
        "exercise_paused": QCoreApplication.translate("EventKind", "Exercise paused"),
        "exercise_resumed": QCoreApplication.translate("EventKind", "Exercise resumed"),
        "speed_changed": QCoreApplication.translate("EventKind", "Clock speed changed"),
        "clock_jumped": QCoreApplication.translate("EventKind", "Clock jumped"),
        "exercise_ended": QCoreApplication.translate("EventKind", "Exercise ended"),
        "host_restarted": QCoreApplication.translate("EventKind", "Host restarted"),
        "inject_delivered": QCoreApplication.translate("EventKind", "Inject delivered"),
        "inject_skipped": QCoreApplication.translate("EventKind", "Inject skipped"),
        "disposal_ended": QCoreApplication.translate("EventKind", "Disposal ended"),
        "report_submitted": QCoreApplication.translate("EventKind", "Report"),
        "level_determined": QCoreApplication.translate("EventKind", "Level determined"),
        "group_activated": QCoreApplication.translate("EventKind", "Group activated"),
        "group_stood_down": QCoreApplication.translate("EventKind", "Group stood down"),
        "warning_issued": QCoreApplication.translate("EventKind", "Warning issued"),
        "warning_changed": QCoreApplication.translate("EventKind", "Warning changed"),
        "warning_lifted": QCoreApplication.translate("EventKind", "Warning lifted"),
        "step_taken": QCoreApplication.translate("EventKind", "Step taken"),
        "supply_cut": QCoreApplication.translate("EventKind", "Supply cut"),
        "supply_restored": QCoreApplication.translate("EventKind", "Supply restored"),
        "command_handed_over": QCoreApplication.translate("EventKind", "Command handed over"),
        "response_ended": QCoreApplication.translate("EventKind", "Response ended"),
        "information_released": QCoreApplication.translate("EventKind", "Information released"),
        "sensitive_determined": QCoreApplication.translate("EventKind", "Determined sensitive"),
        "help_requested": QCoreApplication.translate("EventKind", "Support requested"),
        "evaluator_note": QCoreApplication.translate("EventKind", "Evaluator note"),
        "evaluator_rating": QCoreApplication.translate("EventKind", "Evaluator rating"),
    }
    return names.get(kind, kind)


def describe_event(event: Event, words: PlanWords) -> str:
    """What an event says, in a line."""
    p = event.payload
    kind = event.kind
    plan = words.plan
    if kind == "report_submitted":
        return report_summary(words, p)
    if kind == "level_determined":
        return words.level(p["level"])
    if kind in ("group_activated", "group_stood_down"):
        return words.group(p["group"])
    if kind in ("warning_issued", "warning_changed"):
        return words.colour(p["colour"])
    if kind == "step_taken":
        actions = plan.actions
        steps = [
            *actions.first_response_safety,
            *actions.first_response_supply,
            *actions.warning_actions,
            *actions.safety_measures,
            *actions.supply_measures,
        ]
        text = next((s.text for s in steps if s.id == p["step"]), p["step"])
        return f"{text} {p['note']}".strip() if p.get("note") else text
    if kind in ("supply_cut", "supply_restored"):
        return words.user_class(p["user_class"])
    if kind == "command_handed_over":
        return words.party(p["to"])
    if kind == "help_requested":
        return f"{words.party(p['to'])} {p.get('text') or ''}".strip()
    if kind in ("information_released", "evaluator_note"):
        return str(p["text"])
    if kind == "evaluator_rating":
        return f"{rating_name(p['rating'])} {p.get('comment') or ''}".strip()
    if kind == "inject_delivered":
        return str(p["title"])
    if kind == "speed_changed":
        return f"×{p['speed']:g}"
    if kind == "clock_jumped":
        return clock_text(p["to_seconds"])
    return ""


class ColumnFilterProxyModel(QSortFilterProxyModel):
    """Keeps the rows whose cells equal the chosen texts (column → text; None = any)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted: dict[int, str | None] = {}

    def set_filter(self, column: int, text: str | None) -> None:
        self.beginFilterChange()
        self._wanted[column] = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        for column, text in self._wanted.items():
            if text is None:
                continue
            if model.index(source_row, column, source_parent).data() != text:
                return False
        return True


class ScoreView(QWidget):
    """The scoring sheet of the exercise, the evaluators' ratings and the improvement plan."""

    LINE_COLUMNS = 10

    def __init__(
        self, session: ExerciseSession, archive: Archive, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.archive = archive
        self.exercise_id = session.exercise_id
        self.words = PlanWords(session.plan)
        self.sheet: ScoreSheet = session.score()
        self._lines: dict[str, Line] = {}
        self._improvements: tuple[ImprovementInfo, ...] = ()
        self.improvements_loaded = False
        self._adding = False
        self._status_pending = False

        # Header.
        self.title_label = QLabel(self)
        self.title_label.setObjectName("score_title")
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setWordWrap(True)
        self.scenario_label = QLabel(self)
        self.scenario_label.setObjectName("score_scenario")
        self.scenario_label.setWordWrap(True)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("score_total")
        total_font = self.total_label.font()
        total_font.setPointSizeF(total_font.pointSizeF() * 1.3)
        self.total_label.setFont(total_font)
        self.total_label.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("score_state")
        self.state_label.setStyleSheet(f"color: {ERROR_COLOUR}")

        self.documents = DocumentsPanel(session, self.report_context, self)
        self.documents.setObjectName("documents")

        self.findings_panel = FindingsPanel(session, self)
        self.findings_panel.setObjectName("findings_panel")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("score_tabs")
        self.lines_tab = self._build_lines_tab()
        self.ratings_tab = self._build_ratings_tab()
        self.improvements_tab = self._build_improvements_tab()
        self.tabs.addTab(self.lines_tab, self.tr("Scoring sheet"))
        self.tabs.addTab(self.ratings_tab, self.tr("Evaluators' ratings"))
        self.tabs.addTab(self.findings_panel, self.tr("Reviews and findings"))
        self.tabs.addTab(self.improvements_tab, self.tr("Improvement plan"))

        heading = QVBoxLayout()
        heading.addWidget(self.title_label)
        heading.addWidget(self.scenario_label)
        heading.addWidget(self.total_label)
        heading.addWidget(self.state_label)
        heading.addStretch(1)
        header = QHBoxLayout()
        header.addLayout(heading, 1)
        header.addWidget(self.documents)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        session.event_added.connect(self._event_added)
        archive.worker.improvements_ready.connect(self._improvements_ready)
        archive.worker.failed.connect(self._archive_failed)
        self.refresh()
        archive.load_improvements(self.exercise_id)

    # --- building -----------------------------------------------------------------------------

    def _build_lines_tab(self) -> QWidget:
        tab = QWidget(self)
        self.unit_totals = RowsModel(
            (self.tr("Unit"), self.tr("Points"), self.tr("Max"), self.tr("Percent")), self
        )
        self.category_totals = RowsModel(
            (self.tr("Category"), self.tr("Points"), self.tr("Max"), self.tr("Percent")), self
        )
        self.unit_totals_view = make_table(self.unit_totals, tab, 0)
        self.unit_totals_view.setObjectName("unit_totals")
        self.unit_totals_view.selectionModel().selectionChanged.connect(self._unit_total_selected)
        self.category_totals_view = make_table(self.category_totals, tab, 0)
        self.category_totals_view.setObjectName("category_totals")
        totals = QHBoxLayout()
        for title, view in (
            (self.tr("By unit"), self.unit_totals_view),
            (self.tr("By category"), self.category_totals_view),
        ):
            box = QVBoxLayout()
            box.addWidget(QLabel(f"<b>{title}</b>", tab))
            box.addWidget(view)
            totals.addLayout(box, 1)

        self.lines = RowsModel(
            (
                self.tr("Category"),
                self.tr("Unit"),
                self.tr("Item"),
                self.tr("§"),
                self.tr("Due"),
                self.tr("Done"),
                self.tr("Status"),
                self.tr("Points"),
                self.tr("Max"),
                self.tr("Detail"),
            ),
            self,
        )
        self.lines_proxy = ColumnFilterProxyModel(self)
        self.lines_proxy.setSourceModel(self.lines)
        self.lines_view = make_table(self.lines_proxy, tab, 2, {1: 170})
        self.lines_view.setObjectName("lines")
        self.lines_view.setSortingEnabled(False)
        self.unit_filter = QComboBox(tab)
        self.unit_filter.setObjectName("unit_filter")
        self.category_filter = QComboBox(tab)
        self.category_filter.setObjectName("category_filter")
        self.unit_filter.currentIndexChanged.connect(self._unit_filter_changed)
        self.category_filter.currentIndexChanged.connect(
            lambda _i: self.lines_proxy.set_filter(0, self.category_filter.currentData())
        )
        filters = QHBoxLayout()
        filters.addWidget(bold_label(self.tr("Scored items"), tab))
        filters.addStretch(1)
        for text, combo in (
            (self.tr("Unit"), self.unit_filter),
            (self.tr("Category"), self.category_filter),
        ):
            label = QLabel(text, tab)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)

        self.evidence = RowsModel(
            (self.tr("Time"), self.tr("Unit"), self.tr("Event"), self.tr("Content")), self
        )
        self.evidence_view = make_table(self.evidence, tab, 3)
        self.evidence_view.setObjectName("evidence")
        self.evidence_title = QLabel(tab)
        self.evidence_title.setObjectName("evidence_title")
        self.evidence_title.setWordWrap(True)
        self.suggest_button = QPushButton(self.tr("Add an improvement item for this"), tab)
        self.suggest_button.setObjectName("suggest_improvement")
        self.suggest_button.setEnabled(False)
        self.suggest_button.clicked.connect(self.suggest_improvement)
        self.finding_button = QPushButton(self.tr("Record a strength or problem about this"), tab)
        self.finding_button.setObjectName("suggest_finding")
        self.finding_button.setEnabled(False)
        self.finding_button.clicked.connect(self.suggest_finding)
        evidence_header = QHBoxLayout()
        evidence_header.addWidget(self.evidence_title, 1)
        evidence_header.addWidget(self.finding_button)
        evidence_header.addWidget(self.suggest_button)

        upper = QWidget(tab)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(totals)
        lower = QWidget(tab)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(filters)
        lower_layout.addWidget(self.lines_view, 3)
        lower_layout.addLayout(evidence_header)
        lower_layout.addWidget(self.evidence_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, tab)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        row_height = self.fontMetrics().lineSpacing() + 10
        splitter.setSizes([row_height * 7 + 30, row_height * 30])
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter)
        self.lines_view.selectionModel().selectionChanged.connect(self._line_selected)
        return tab

    def _build_ratings_tab(self) -> QWidget:
        tab = QWidget(self)
        self.ratings = RowsModel(
            (
                self.tr("Objective"),
                self.tr("Unit"),
                self.tr("Rating"),
                self.tr("Comment"),
                self.tr("Time"),
            ),
            self,
        )
        self.ratings_view = make_table(self.ratings, tab, 0, {3: 160})
        self.ratings_view.setObjectName("latest_ratings")
        self.ratings_view.selectionModel().selectionChanged.connect(self._rating_selected)
        self.evaluator = EvaluatorPanel(self.session, tab)
        self.evaluator.setObjectName("evaluator")
        hint = QLabel(
            self.tr(
                "The rating in force for each objective and unit. Select a row to rate it "
                "again; the new rating replaces it."
            ),
            tab,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {HINT_COLOUR}")
        left = QWidget(tab)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(bold_label(self.tr("Ratings in force"), left))
        left_layout.addWidget(hint)
        left_layout.addWidget(self.ratings_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        splitter.addWidget(left)
        splitter.addWidget(self.evaluator)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter)
        return tab

    def _build_improvements_tab(self) -> QWidget:
        tab = QWidget(self)
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
        self.improvements_view = make_table(self.improvements, tab, (0, 1))
        self.improvements_view.setObjectName("improvements")
        self.improvements_view.selectionModel().selectionChanged.connect(self._improvement_selected)

        # Adding an item.
        add_box = QGroupBox(self.tr("New improvement item"), tab)
        self.issue_edit = self._text_box(add_box, "issue")
        self.action_edit = self._text_box(add_box, "action")
        self.element_combo = QComboBox(add_box)
        self.element_combo.setObjectName("element")
        for element in ELEMENTS:
            self.element_combo.addItem(element_name(element), element)
        self.owner_combo = QComboBox(add_box)
        self.owner_combo.setObjectName("owner_unit")
        self.owner_combo.addItem(self.tr("(choose the unit)"), None)
        for unit in self.session.plan.units:
            self.owner_combo.addItem(self.words.party(unit.id), unit.id)
        self.contact_edit = QLineEdit(add_box)
        self.contact_edit.setObjectName("contact")
        self.contact_edit.setPlaceholderText(self.tr("Name and phone"))
        self.ref_edit = QLineEdit(add_box)
        self.ref_edit.setObjectName("plan_ref")
        self.ref_edit.setPlaceholderText("§4.1.2")
        today = QDate.currentDate()
        self.start_edit = self._date_edit(add_box, "start_date", today)
        self.due_edit = self._date_edit(add_box, "due_date", today.addMonths(3))
        self.add_button = QPushButton(self.tr("Add item"), add_box)
        self.add_button.setObjectName("add_improvement")
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

        # Changing the status of the selected item.
        status_box = QGroupBox(self.tr("Status of the selected item"), tab)
        self.status_combo = QComboBox(status_box)
        self.status_combo.setObjectName("improvement_status")
        for status in IMPROVEMENT_STATUSES:
            self.status_combo.addItem(improvement_status_name(status), status)
        self.status_note = QLineEdit(status_box)
        self.status_note.setObjectName("status_note")
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

        side = QWidget(tab)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(add_box)
        side_layout.addWidget(status_box)
        side_layout.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        splitter.addWidget(self.improvements_view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter)
        return tab

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

    # --- the score ------------------------------------------------------------------------------

    def line_cells(self, line: Line) -> tuple[str, ...]:
        return (
            self._category_name(line.category),
            self.words.party(line.unit),
            self.line_title(line),
            line.plan_ref,
            time_text(line.due_at),
            time_text(line.done_at),
            status_text(line),
            number_text(line.points),
            number_text(line.max_points),
            line.detail,
        )

    def line_title(self, line: Line) -> str:
        return line.title_en if self.words.english else line.title

    def _category_name(self, category: str) -> str:
        for candidate in self.session.mirror.rules.categories:
            if candidate.id == category:
                return candidate.name_en if self.words.english else candidate.name
        return category

    def _total_cells(self, name: str, total: Total) -> tuple[str, ...]:
        return (
            name,
            number_text(total.points),
            number_text(total.max_points),
            f"{number_text(total.percent)}%",
        )

    def refresh(self) -> None:
        sheet = self.sheet = self.session.score()
        loaded = self.session.loaded
        self.title_label.setText(loaded.title)
        self.scenario_label.setText(
            self.tr("Scenario: {title}").format(title=self.session.scenario.title)
        )
        # The grade is the scoring sheet's (演练评估表): the 100-point total weighted by
        # category over the applicable categories, as printed.
        evaluation = evaluate(
            self.session.plan, self.session.scenario, sheet, self.session.events, self.session.rules
        )
        grade = evaluation.grade_en if self.words.english else evaluation.grade
        grade_colour = (
            OK_COLOUR
            if evaluation.total >= 75
            else (LATE_COLOUR if evaluation.total >= 60 else ERROR_COLOUR)
        )
        self.total_label.setText(
            self.tr(
                "Total {points} / {max} points, {percent}%; scoring sheet {total} of 100, "
                "grade {grade}"
            ).format(
                points=number_text(sheet.overall.points),
                max=number_text(sheet.overall.max_points),
                percent=number_text(sheet.overall.percent),
                total=f"<b>{number_text(evaluation.total)}</b>",
                grade=f"<b style='color: {grade_colour}'>{grade}</b>",
            )
        )
        self.total_label.setToolTip(
            self.tr(
                "The scoring sheet weights each category and counts only the categories the "
                "scenario exercised (normalised to 100)."
            )
        )
        self.state_label.setVisible(not sheet.ended)
        self.state_label.setText(
            self.tr("The exercise has not ended: the score is as of {time}.").format(
                time=clock_text(sheet.scenario_seconds)
            )
        )
        self.unit_totals.set_rows(
            [
                TableRow(self._total_cells(self.words.party(unit), total), unit)
                for unit, total in sheet.by_unit.items()
            ]
        )
        self.category_totals.set_rows(
            [
                TableRow(self._total_cells(self._category_name(category), total), category)
                for category, total in sheet.by_category.items()
            ]
        )
        self._lines = {line.id: line for line in sheet.lines}
        self.lines.set_rows(
            [
                TableRow(self.line_cells(line), line.id, {6: STATUS_COLOURS[line.status]})
                for line in sheet.lines
            ]
        )
        self._fill_filter(
            self.unit_filter,
            [self.words.party(u) for u in dict.fromkeys(x.unit for x in sheet.lines)],
        )
        self._fill_filter(
            self.category_filter,
            [self._category_name(c) for c in dict.fromkeys(x.category for x in sheet.lines)],
        )
        self.findings_panel.set_lines(
            [(line, f"{self.line_title(line)} — {status_text(line)}") for line in sheet.lines]
        )
        self._refresh_ratings()
        self._line_selected()

    def _fill_filter(self, combo: QComboBox, names: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All"), None)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def selected_line(self) -> Line | None:
        key = selected_key(self.lines_view)
        return self._lines.get(str(key)) if key is not None else None

    def select_line(self, line_id: str) -> None:
        row = self.lines.row_of(line_id)
        proxy_index = self.lines_proxy.mapFromSource(self.lines.index(row, 0))
        self.lines_view.selectRow(proxy_index.row())

    def _line_selected(self, *_args: object) -> None:
        line = self.selected_line()
        self.suggest_button.setEnabled(line is not None and line.status in IMPROVABLE)
        self.finding_button.setEnabled(line is not None and line.status != "pending")
        if line is None:
            evidence, hint = self.tr("Evidence"), self.tr("select an item above")
            self.evidence_title.setText(
                f"<b>{evidence}</b>  <span style='color: {HINT_COLOUR}'>{hint}</span>"
            )
            self.evidence.set_rows([])
            return
        by_id = {event.id: event for event in self.session.events}
        rows = []
        for event_id in line.evidence:
            event = by_id.get(event_id)
            if event is None:
                continue
            rows.append(
                TableRow(
                    (
                        clock_text(event.scenario_time),
                        self.words.party(event.unit) if event.unit else NO_TIME,
                        event_kind_name(event.kind),
                        describe_event(event, self.words),
                    ),
                    event.id,
                )
            )
        self.evidence.set_rows(rows)
        title = self.tr("Evidence for: {item}").format(item=self.line_title(line))
        if not rows:
            title += "  " + self.tr("(no event)")
        self.evidence_title.setText(f"<b>{title}</b>")

    def _unit_of(self, name: object) -> str | None:
        return next((u for u in self.session.scenario.seats if self.words.party(u) == name), None)

    def _unit_filter_changed(self, _index: int) -> None:
        name = self.unit_filter.currentData()
        self.lines_proxy.set_filter(1, name)
        self.documents.set_unit(self._unit_of(name))

    def _unit_total_selected(self, *_args: object) -> None:
        unit = selected_key(self.unit_totals_view)
        if isinstance(unit, str) and unit in self.session.scenario.seats:
            self.documents.set_unit(unit)

    def suggest_finding(self) -> None:
        """Prefill a finding (strength or problem) about the selected line."""
        line = self.selected_line()
        if line is None:
            return
        text = ""
        if line.status in IMPROVABLE:
            text = f"{self.line_title(line)}：{status_text(line)}"
            if line.detail:
                text += f"（{line.detail}）"
        self.findings_panel.offer_line(line.id, text)
        self.tabs.setCurrentWidget(self.findings_panel)
        self.findings_panel.finding_text.setFocus()

    # --- documents ------------------------------------------------------------------------------

    def report_context(self) -> ReportContext:
        """The exercise as the documents print it: this view's score and improvement items."""
        language = "en" if self.words.english else "zh_CN"
        return report_context(self.session, self._improvements, language)

    # --- ratings --------------------------------------------------------------------------------

    def _refresh_ratings(self) -> None:
        scenario = self.session.scenario
        latest = latest_ratings(self.session.events)
        keys: list[tuple[str | None, str | None]] = [(None, None)]
        keys += [(o.id, None) for o in scenario.objectives]
        keys += [k for k in latest if k not in keys]
        rows = []
        for objective, unit in keys:
            event = latest.get((objective, unit))
            rating = event.payload["rating"] if event else ""
            rows.append(
                TableRow(
                    (
                        objective_text(scenario, objective),
                        self.words.party(unit) if unit else "",
                        rating if event else self.tr("not rated"),
                        (event.payload.get("comment") or "") if event else "",
                        clock_text(event.scenario_time) if event else "",
                    ),
                    key=(objective, unit),
                    tooltip=rating_name(rating) if event else "",
                    colours={} if event else {2: HINT_COLOUR},
                )
            )
        self.ratings.set_rows(rows)

    def _rating_selected(self, *_args: object) -> None:
        key = selected_key(self.ratings_view)
        if isinstance(key, tuple):
            self.evaluator.set_target(key[0], key[1])

    # --- improvement plan ---------------------------------------------------------------------

    def suggest_improvement(self) -> None:
        """Prefill a new improvement item from the selected missed/late/wrong line."""
        line = self.selected_line()
        if line is None or line.status not in IMPROVABLE:
            return
        issue = f"{self.line_title(line)}：{status_text(line)}"
        if line.detail:
            issue += f"（{line.detail}）"
        self.issue_edit.setPlainText(issue)
        self.ref_edit.setText(line.plan_ref)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(line.unit)))
        element = "organisation" if line.kind in ("group", "handover", "authority") else "training"
        self.element_combo.setCurrentIndex(self.element_combo.findData(element))
        self.tabs.setCurrentWidget(self.improvements_tab)
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
        self.add_button.setEnabled(False)
        show_feedback(self.add_feedback, self.tr("Saving…"), "wait")
        self.archive.add_improvement(self.exercise_id, fields)

    def selected_improvement(self) -> ImprovementInfo | None:
        key = selected_key(self.improvements_view)
        return next((i for i in self._improvements if i.id == key), None)

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
        self._improvements = tuple(items)
        self.improvements_loaded = True
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
            self.add_button.setEnabled(True)
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
            self.add_button.setEnabled(True)
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

    @Slot(object)
    def _event_added(self, _event: Event) -> None:
        selected = self.selected_line()
        self.refresh()
        if selected is not None:
            self.select_line(selected.id)
