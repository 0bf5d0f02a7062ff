"""The start page: the scenario library, recent exercises and the §9.3 drill schedule.

It shows a ``StartPageData`` (from the archive thread) and asks for things through
signals; it never reads files or the database itself.  Until the data arrives it says
that the database is being opened; when the database cannot be opened it says why and
offers another file or a backup copy.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drill_app.ui.shared.describe import describe, explain
from drill_app.ui.start.start_models import (
    EXERCISE_COLUMN_CAPS,
    GREY,
    RED,
    SCENARIO_COLUMN_CAPS,
    DisplayNames,
    RecentExercisesModel,
    ScenarioLibraryModel,
    scenario_place,
)
from drill_app.ui.start.start_panels import DatabaseProblemPanel, DrillSchedulePanel

if TYPE_CHECKING:
    from drill_app.core.plan import Plan
    from drill_app.core.scenario import Scenario
    from drill_app.store.summaries import ExerciseSummary
    from drill_app.ui.session import ScenarioEntry, StartPageData
    from drill_app.ui.start.start_summary import StartSummary, SummaryRow


def _table(parent: QWidget, model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setTabKeyNavigation(False)  # Tab and Shift+Tab leave the table: no focus trap
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    return view


class StartPageWidget(QWidget):
    """What the controller sees first: pick a scenario, or open an exercise."""

    new_exercise_requested = Signal(object)  # the selected ScenarioEntry, or None
    open_exercise_requested = Signal(str)  # exercise id
    refresh_requested = Signal()
    open_database_requested = Signal()
    backup_chosen = Signal(object)  # Path of a backup to continue from
    join_requested = Signal()  # join an exercise hosted on the network, as a trainee

    LOADING, PROBLEM, READY = range(3)

    def __init__(
        self,
        english: bool = False,
        user_folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.names = DisplayNames(None, english, self)
        self.data: StartPageData | None = None
        self._user_folder = user_folder
        self.scenario_model = ScenarioLibraryModel(self.names, self)
        self.exercise_model = RecentExercisesModel(self.names, self)

        self.pages = QStackedWidget(self)
        self.loading_label = QLabel(self)
        self.loading_label.setObjectName("loading")
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.loading_label.setWordWrap(True)
        self.problem_panel = DatabaseProblemPanel(self)
        self.problem_panel.open_other_requested.connect(self.open_database_requested)
        self.problem_panel.backup_chosen.connect(self.backup_chosen)
        self.pages.addWidget(self.loading_label)
        self.pages.addWidget(self.problem_panel)
        self.pages.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.show_loading("")

    # --- building -------------------------------------------------------------------------

    def _build_content(self) -> QWidget:
        content = QWidget(self)
        self.header_label = QLabel(self.tr("Emergency drills"), content)
        font = QFont(self.header_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.header_label.setFont(font)
        self.source_label = QLabel(content)
        self.source_label.setObjectName("source")
        self.source_label.setStyleSheet(f"color: {GREY}")
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # The scenario library.
        library = QGroupBox(self.tr("Scenario library"), content)
        self.scenario_view = _table(library, self.scenario_model, "scenarios")
        describe(
            self.scenario_view,
            self.tr("The built-in scenarios and yours; double-click one to prepare a drill"),
            self.tr("Scenario library"),
        )
        self.scenario_view.selectionModel().currentRowChanged.connect(self._scenario_changed)
        self.scenario_view.doubleClicked.connect(self._scenario_double_clicked)
        self.folder_label = QLabel(library)
        self.folder_label.setObjectName("user_folder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"), library)
        describe(self.open_folder_button, self.tr("Open your scenario folder in the file manager"))
        self.open_folder_button.clicked.connect(self._open_user_folder)
        self.rescan_button = QPushButton(self.tr("Check again"), library)
        self.rescan_button.setToolTip(self.tr("Read the scenario files again"))
        self.rescan_button.setAccessibleName(self.tr("Check again"))
        self.rescan_button.clicked.connect(self.refresh_requested)
        self.new_button = QPushButton(self.tr("New exercise…"), library)
        self.new_button.setObjectName("new_exercise")
        self.new_button.setAccessibleName(self.tr("New exercise"))
        self.new_button.setDefault(True)
        self.new_button.clicked.connect(self._new_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder_button)
        folder_row.addWidget(self.rescan_button)
        folder_row.addSpacing(24)
        folder_row.addWidget(self.new_button)
        library_layout = QVBoxLayout(library)
        library_layout.addWidget(self.scenario_view, 1)
        library_layout.addLayout(folder_row)

        details = QGroupBox(self.tr("Selected scenario"), content)
        self.detail_view = QTextBrowser(details)
        self.detail_view.setObjectName("scenario_detail")
        describe(
            self.detail_view,
            self.tr(
                "The selected scenario: its summary, units, injects and any problems in its file"
            ),
            self.tr("Selected scenario"),
        )
        self.detail_view.setOpenLinks(False)
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.detail_view)

        # Recent exercises.
        recent = QGroupBox(self.tr("Exercises"), content)
        self.exercise_view = _table(recent, self.exercise_model, "exercises")
        describe(
            self.exercise_view,
            self.tr("The exercises in this database; double-click one to open or continue it"),
            self.tr("Exercises"),
        )
        self.exercise_view.selectionModel().currentRowChanged.connect(self._exercise_changed)
        self.exercise_view.doubleClicked.connect(self._open_clicked)
        self.no_exercises_label = QLabel(
            self.tr(
                "No exercise yet. Choose a scenario above and click “New exercise…” to prepare one."
            ),
            recent,
        )
        self.no_exercises_label.setWordWrap(True)
        self.no_exercises_label.setStyleSheet(f"color: {GREY}")
        self.open_button = QPushButton(self.tr("Open the selected exercise"), recent)
        self.open_button.setObjectName("open_exercise")
        self.open_button.setAccessibleName(self.tr("Open the selected exercise"))
        self.open_button.clicked.connect(self._open_clicked)
        self.join_button = QPushButton(self.tr("Join an exercise…"), recent)
        self.join_button.setObjectName("join_exercise")
        self.join_button.setAccessibleName(self.tr("Join an exercise"))
        self.join_button.setToolTip(
            self.tr("Join an exercise the controller hosts on this network, as a unit's seat")
        )
        self.join_button.clicked.connect(self.join_requested)
        open_row = QHBoxLayout()
        open_row.addWidget(self.no_exercises_label, 10)
        open_row.addStretch(1)  # (keeps the button its size when the hint is hidden)
        open_row.addWidget(self.join_button)
        open_row.addWidget(self.open_button)
        recent_layout = QVBoxLayout(recent)
        recent_layout.addWidget(self.exercise_view, 1)
        recent_layout.addLayout(open_row)

        self.schedule_panel = DrillSchedulePanel(content)

        left = QVBoxLayout()
        left.addWidget(library, 1)
        left.addWidget(recent, 1)
        right = QVBoxLayout()
        right.addWidget(details, 1)
        right.addWidget(self.schedule_panel, 0)
        columns = QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.header_label)
        layout.addWidget(self.source_label)
        layout.addLayout(columns, 1)
        self.details_box = details
        details.setMinimumWidth(320)
        self._update_buttons()
        return content

    # --- states ---------------------------------------------------------------------------

    def show_loading(self, database: str) -> None:
        text = self.tr("Opening the database…")
        if database:
            text += "\n" + database
        self.loading_label.setText(text)
        self.pages.setCurrentIndex(self.LOADING)

    def show_problem(self, message: str, backups: Sequence[Path]) -> None:
        self.problem_panel.set_problem(message, backups)
        self.pages.setCurrentIndex(self.PROBLEM)

    @property
    def state(self) -> int:
        return self.pages.currentIndex()

    def show_summary(
        self,
        summary: StartSummary,
        exercises: Sequence[ExerciseSummary],
        open_improvements: int,
    ) -> None:
        """The page as last shown (start_summary) with the database's *exercises*, until
        ``set_data``; the buttons that need the plan wait for it (their tooltip says so)."""
        from drill_app.core.compliance import drill_status

        held = [x.held_on for x in exercises if x.status == "ended"]
        status = drill_status(held, summary.interval_years, dt.date.today(), summary.in_force_from)
        self.data = None
        self.scenario_model.set_entries(summary.rows)
        self.exercise_model.set_exercises(exercises)
        self.source_label.setText(summary.plan_line)
        self._show_folder()
        self.schedule_panel.set_status(
            status, summary.interval_years, open_improvements, summary.plan_ref
        )
        self._fill(bool(exercises), bool(summary.rows), None, None)
        self.window().repaint()  # now: the plan is loaded next, on this thread

    def summary_rows(self) -> tuple[SummaryRow, ...]:
        """The scenario library's rows as shown now (for start_summary)."""
        from drill_app.ui.start.start_summary import SummaryRow

        model = self.scenario_model
        entries = [model.entry(row) for row in range(model.rowCount())]
        return tuple(
            SummaryRow(
                entry.path,
                entry.built_in,
                entry.valid,
                entry.problems,
                tuple(model._text(entry, column) for column in range(model.columnCount())),
                entry.detail if isinstance(entry, SummaryRow) else self.scenario_html(entry),
            )
            for entry in entries
        )

    def set_data(self, data: StartPageData, plan: Plan | None) -> None:
        """Show *data*, keeping the selected scenario and exercise."""
        selected_path = self.selected_scenario_path()
        selected_exercise = self.selected_exercise()
        self.data = data
        self.names.plan = plan
        self.scenario_model.set_entries(data.scenarios)
        self.exercise_model.set_exercises(data.exercises)
        plan_text = ""
        if plan is not None:
            plan_text = self.tr("Plan: {title} ({number})").format(
                title=plan.identity.title_en if self.names.english else plan.identity.title,
                number=plan.identity.document_number,
            )
        self.source_label.setText(plan_text)
        self._show_folder()
        self.schedule_panel.set_status(
            data.drill_status,
            data.interval_years,
            data.open_improvements,
            plan.drills.ref if plan is not None else "§9.3",
        )
        self._fill(bool(data.exercises), bool(data.scenarios), selected_path, selected_exercise)

    def _show_folder(self) -> None:
        if self._user_folder is not None:
            self.folder_label.setText(
                self.tr("Your own scenarios: put scenario files (.yaml) in {folder}").format(
                    folder=self._user_folder
                )
            )
        self.folder_label.setVisible(self._user_folder is not None)
        self.open_folder_button.setVisible(self._user_folder is not None)

    def _fill(
        self,
        any_exercise: bool,
        any_scenario: bool,
        selected_path: Path | None,
        selected_exercise: ExerciseSummary | None,
    ) -> None:
        """Show the filled page, keeping the selected scenario and exercise."""
        self.no_exercises_label.setVisible(not any_exercise)
        self._size_columns()
        self.pages.setCurrentIndex(self.READY)
        row = self.scenario_model.row_of(selected_path) if selected_path else -1
        self._select(self.scenario_view, max(row, 0) if any_scenario else -1)
        row = self.exercise_model.row_of(selected_exercise.id) if selected_exercise else -1
        self._select(self.exercise_view, max(row, 0) if any_exercise else -1)
        self._show_scenario_detail()
        self._update_buttons()

    def _size_columns(self) -> None:
        """Columns fit their text up to a cap (elided beyond, full text in the tooltip);
        the title takes the rest."""
        em = self.fontMetrics().horizontalAdvance("中")
        for view, title, caps in (
            (self.scenario_view, ScenarioLibraryModel.TITLE, SCENARIO_COLUMN_CAPS),
            (self.exercise_view, RecentExercisesModel.TITLE, EXERCISE_COLUMN_CAPS),
        ):
            header = view.horizontalHeader()
            header.setMinimumSectionSize(3 * em)
            for column in range(view.model().columnCount()):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            view.resizeColumnsToContents()
            for column, cap in caps.items():
                view.setColumnWidth(column, min(view.columnWidth(column), round(cap * em)))
            header.setSectionResizeMode(title, QHeaderView.ResizeMode.Stretch)

    @staticmethod
    def _select(view: QTableView, row: int) -> None:
        model = view.model()
        if row < 0 or row >= model.rowCount():
            view.selectionModel().clear()
            return
        view.selectionModel().setCurrentIndex(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    # --- selection --------------------------------------------------------------------------

    def select_scenario(self, path: Path) -> None:
        self._select(self.scenario_view, self.scenario_model.row_of(path))

    def select_exercise(self, exercise_id: str) -> None:
        self._select(self.exercise_view, self.exercise_model.row_of(exercise_id))

    def selected_scenario(self) -> ScenarioEntry | None:
        """The selected scenario file (None while the page shows a summary)."""
        entry = self._selected_row()
        return None if entry is None or self.data is None else self._loaded(entry)

    def _selected_row(self) -> ScenarioEntry | SummaryRow | None:
        index = self.scenario_view.selectionModel().currentIndex()
        if not index.isValid() or not self.scenario_view.selectionModel().hasSelection():
            return None
        return self.scenario_model.entry(index.row())

    @staticmethod
    def _loaded(entry: ScenarioEntry | SummaryRow) -> ScenarioEntry | None:
        from drill_app.ui.start.start_summary import SummaryRow

        return None if isinstance(entry, SummaryRow) else entry

    def selected_scenario_path(self) -> Path | None:
        entry = self._selected_row()
        return entry.path if entry is not None else None

    def selected_exercise(self) -> ExerciseSummary | None:
        index = self.exercise_view.selectionModel().currentIndex()
        if not index.isValid() or not self.exercise_view.selectionModel().hasSelection():
            return None
        return self.exercise_model.exercise(index.row())

    def valid_scenarios(self) -> list[ScenarioEntry]:
        return [entry for entry in self.data.scenarios if entry.valid] if self.data else []

    def _scenario_changed(self, *_args: object) -> None:
        self._show_scenario_detail()
        self._update_buttons()

    def _exercise_changed(self, *_args: object) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.new_button.setEnabled(bool(self.valid_scenarios()))
        exercise = self.selected_exercise()
        self.open_button.setEnabled(exercise is not None and self.data is not None)
        if exercise is not None and exercise.status == "running":
            self.open_button.setText(self.tr("Continue the selected exercise"))
        else:
            self.open_button.setText(self.tr("Open the selected exercise"))
        waiting = self.tr("Available once the plan is loaded") if self.data is None else ""
        explain(
            self.new_button,
            self.tr("Prepare a new drill on the selected scenario: title, date, participants"),
            waiting
            or self.tr("No scenario can be used: every scenario file has problems (see the list)."),
        )
        explain(
            self.open_button,
            self.tr("Open the selected exercise: run it, or see its score if it has ended"),
            waiting or self.tr("Select an exercise in the list first."),
        )

    def _show_scenario_detail(self) -> None:
        entry = self._selected_row()
        if entry is None:
            self.detail_view.setHtml(
                "<p>" + html.escape(self.tr("Select a scenario to read its summary.")) + "</p>"
            )
            return
        self.detail_view.setHtml(self.scenario_html(entry))

    def scenario_html(self, entry: ScenarioEntry | SummaryRow) -> str:
        from drill_app.ui.start.start_summary import SummaryRow

        if isinstance(entry, SummaryRow):  # the detail as last shown
            return entry.detail
        scenario = entry.scenario
        if scenario is None:
            return self._problems_html(entry)
        return self._scenario_html(entry, scenario)

    def _problems_html(self, entry: ScenarioEntry) -> str:
        items = "".join(f"<li>{html.escape(problem)}</li>" for problem in entry.problems)
        count = len(entry.problems)
        return (
            f"<h3>{html.escape(entry.path.name)}</h3>"
            f"<p style='color:{RED.name()}'>"
            + html.escape(
                self.tr(
                    "This scenario file has {count} problem(s) and cannot be used until they "
                    "are fixed:"
                ).format(count=count)
            )
            + f"</p><ul>{items}</ul>"
            f"<p style='color:{GREY}'>{html.escape(str(entry.path))}</p>"
        )

    def _scenario_html(self, entry: ScenarioEntry, scenario: Scenario) -> str:
        names = self.names
        facts = "　·　".join(
            (
                names.category(scenario.category),
                names.exercise_type(scenario.exercise_type),
                names.level(scenario.intended_level),
                names.warning(scenario.intended_warning),
                names.duration(scenario.duration_minutes),
            )
        )
        place = scenario_place(scenario)
        objectives = "".join(
            f"<li>{html.escape(objective.text)}"
            + (
                f" <span style='color:{GREY}'>{html.escape('、'.join(objective.refs))}</span>"
                if objective.refs
                else ""
            )
            + "</li>"
            for objective in scenario.objectives
        )
        seats = "、".join(names.unit(unit) for unit in scenario.seats)
        seats_title = self.tr("Seats ({count}):").format(count=len(scenario.seats))
        place_title = self.tr("Place:")
        summary_title = self.tr("Summary:")
        objectives_title = self.tr("Objectives:")
        return (
            f"<h3 style='margin-bottom:2px'>{html.escape(scenario.title)}</h3>"
            f"<p style='color:{GREY}; margin-top:0'>{html.escape(facts)}</p>"
            f"<p><b>{html.escape(place_title)}</b> {html.escape(place)}</p>"
            f"<p><b>{html.escape(summary_title)}</b> {html.escape(scenario.summary)}</p>"
            f"<p><b>{html.escape(objectives_title)}</b></p><ol>{objectives}</ol>"
            f"<p><b>{html.escape(seats_title)}</b> {html.escape(seats)}</p>"
            f"<p style='color:{GREY}'>{html.escape(str(entry.path))}</p>"
        )

    # --- actions ----------------------------------------------------------------------------

    def _new_clicked(self) -> None:
        entry = self.selected_scenario()
        self.new_exercise_requested.emit(entry if entry is not None and entry.valid else None)

    def _scenario_double_clicked(self, index: QModelIndex) -> None:
        entry = self._loaded(self.scenario_model.entry(index.row()))
        if entry is not None and entry.valid and self.data is not None:
            self.new_exercise_requested.emit(entry)

    def _open_clicked(self, *_args: object) -> None:
        exercise = self.selected_exercise()
        if exercise is not None and self.data is not None:
            self.open_exercise_requested.emit(exercise.id)

    def _open_user_folder(self) -> None:
        if self._user_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._user_folder)))
