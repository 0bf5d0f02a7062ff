"""The start page: the scenario library, recent exercises and the §9.3 drill schedule.

It shows a ``StartPageData`` (from the archive thread) and asks for things through
signals; it never reads files or the database itself.  Until the data arrives it says
that the database is being opened; when the database cannot be opened it says why and
offers another file or a backup copy.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QDesktopServices, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drill_app.ui.shared.table_model import ReadOnlyTableModel, tooltip_html

if TYPE_CHECKING:
    from drill_app.core.compliance import DrillStatus
    from drill_app.core.plan import Plan
    from drill_app.core.scenario import Scenario
    from drill_app.store.store import ExerciseSummary
    from drill_app.ui.session import ScenarioEntry, StartPageData

AnyIndex = QModelIndex | QPersistentModelIndex
Record = TypeVar("Record")

RED = QColor("#c62828")
AMBER = QColor("#b35c00")
GREEN = QColor("#2e7d32")
BLUE = QColor("#1565c0")
GREY = "#666666"
# Days before the due date from which the schedule is shown in amber.
SOON_DAYS = 90
# Widest a column may be, in widths of "中" (by column number; the title takes the rest).
SCENARIO_COLUMN_CAPS = {1: 7, 2: 7, 3: 8, 4: 7, 5: 5, 6: 5, 7: 12}
EXERCISE_COLUMN_CAPS = {2: 22, 3: 7, 4: 5, 5: 4}


# --- names of plan items, in the interface language -----------------------------------------


class DisplayNames(QObject):
    """Display names of the plan's categories, levels, colours and units."""

    def __init__(self, plan: Plan | None, english: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.english = english

    def category(self, category_id: str) -> str:
        if self.plan is not None:
            for category in self.plan.categories:
                if category.id == category_id:
                    return category.name_en if self.english else category.name
        return category_id

    def level(self, level_id: str | None) -> str:
        if level_id is None:
            return self.tr("not set")
        if self.plan is not None:
            for level in self.plan.levels:
                if level.id == level_id:
                    name = level.name_en if self.english else level.name
                    return self.tr("Level {level} ({name})").format(level=level_id, name=name)
        return self.tr("Level {level}").format(level=level_id)

    def warning(self, colour_id: str | None) -> str:
        if colour_id is None:
            return self.tr("no warning")
        name = colour_id
        if self.plan is not None:
            for colour in self.plan.warnings.colours:
                if colour.id == colour_id:
                    name = colour.name_en if self.english else colour.name
        return self.tr("{colour} warning").format(colour=name)

    def unit(self, unit_id: str) -> str:
        if self.plan is not None:
            unit = self.plan.units_by_id.get(unit_id)
            if unit is not None:
                return unit.name_en if self.english else unit.name
        return unit_id

    def exercise_type(self, type_id: str) -> str:
        if type_id == "tabletop":
            return self.tr("Tabletop exercise")
        if type_id == "live":
            return self.tr("Live exercise")
        return type_id

    def duration(self, minutes: float) -> str:
        shown = int(minutes) if float(minutes).is_integer() else round(minutes, 1)
        return self.tr("{minutes} min").format(minutes=shown)

    def exercise_status(self, status: str) -> str:
        if status == "planned":
            return self.tr("Not started")
        if status == "running":
            return self.tr("In progress")
        if status == "ended":
            return self.tr("Ended")
        return status


def scenario_place(scenario: Scenario) -> str:
    """Where the scenario happens: its sub-district and place."""
    place = scenario.location.name
    street = scenario.location.street
    return place if not street or place.startswith(street) else f"{street}{place}"


def short_problem(entry: ScenarioEntry, problem: str) -> str:
    """A problem with the file's name instead of its whole path (still file:line:col)."""
    full = str(entry.path)
    return entry.path.name + problem[len(full) :] if problem.startswith(full) else problem


# --- tables of records -------------------------------------------------------------------


class RecordsModel(ReadOnlyTableModel, Generic[Record]):
    """A table of records (scenario files, exercises) replaced as a whole; the subclass
    names the columns (``headers``, translated when the model is made) and shows a record."""

    def __init__(self, names: DisplayNames, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._names = names
        self._records: tuple[Record, ...] = ()
        self._headers = self.headers()

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _set_records(self, records: Sequence[Record]) -> None:
        self.beginResetModel()
        self._records = tuple(records)
        self.endResetModel()

    def _row_where(self, matches: Callable[[Record], bool]) -> int:
        """The first row whose record *matches*, -1 if none does."""
        return next((row for row, record in enumerate(self._records) if matches(record)), -1)

    def _row_count(self) -> int:
        return len(self._records)


# --- the scenario library ----------------------------------------------------------------


class ScenarioLibraryModel(RecordsModel["ScenarioEntry"]):
    """One row per scenario file, built-in first; invalid files say what is wrong."""

    EntryRole = Qt.ItemDataRole.UserRole + 1
    (TITLE, CATEGORY, TYPE, LEVEL, WARNING, DURATION, SOURCE, STATUS) = range(8)

    def set_entries(self, entries: Sequence[ScenarioEntry]) -> None:
        self._set_records(entries)

    def entry(self, row: int) -> ScenarioEntry:
        return self._records[row]

    def row_of(self, path: Path) -> int:
        return self._row_where(lambda entry: entry.path == path)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Scenario"),
            self.tr("Category"),
            self.tr("Type"),
            self.tr("Level"),
            self.tr("Warning"),
            self.tr("Duration"),
            self.tr("Source"),
            self.tr("Validation"),
        )

    def _text(self, entry: ScenarioEntry, column: int) -> str:
        scenario = entry.scenario
        if column == self.TITLE:
            return scenario.title if scenario is not None else entry.path.name
        if column == self.SOURCE:
            return self.tr("Built-in") if entry.built_in else self.tr("My folder")
        if column == self.STATUS:
            if scenario is not None:
                return self.tr("Valid")
            first = entry.problems[0] if entry.problems else self.tr("cannot be read")
            return short_problem(entry, first)
        if scenario is None:
            return "—"
        names = self._names
        if column == self.CATEGORY:
            return names.category(scenario.category)
        if column == self.TYPE:
            return names.exercise_type(scenario.exercise_type)
        if column == self.LEVEL:
            return names.level(scenario.intended_level)
        if column == self.WARNING:
            return names.warning(scenario.intended_warning)
        return names.duration(scenario.duration_minutes)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        entry = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.STATUS and not entry.valid:
                return tooltip_html("\n".join(entry.problems))
            if column == self.TITLE:
                return tooltip_html(f"{self._text(entry, column)}\n{entry.path}")
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return GREEN if entry.valid else RED
        if role == self.EntryRole:
            return entry
        return None


# --- recent exercises ------------------------------------------------------------------------


class RecentExercisesModel(RecordsModel["ExerciseSummary"]):
    """The exercises of the database, newest first."""

    ExerciseRole = Qt.ItemDataRole.UserRole + 1
    (DATE, TITLE, SCENARIO, TYPE, STATUS, EVENTS) = range(6)

    def set_exercises(self, exercises: Sequence[ExerciseSummary]) -> None:
        self._set_records(exercises)

    def exercise(self, row: int) -> ExerciseSummary:
        return self._records[row]

    def row_of(self, exercise_id: str) -> int:
        return self._row_where(lambda exercise: exercise.id == exercise_id)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Exercise"),
            self.tr("Scenario"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Events"),
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        exercise = self._records[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == self.DATE:
                return exercise.held_on.isoformat()
            if column == self.TITLE:
                return exercise.title
            if column == self.SCENARIO:
                return exercise.scenario_title
            if column == self.TYPE:
                return self._names.exercise_type(exercise.exercise_type)
            if column == self.STATUS:
                return self._names.exercise_status(exercise.status)
            return str(exercise.event_count)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            if exercise.status == "running":
                return BLUE
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.EVENTS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == self.ExerciseRole:
            return exercise
        return None


# --- the §9.3 schedule ---------------------------------------------------------------------


def set_text_colour(label: QLabel, colour: QColor | None, bold: bool = False) -> None:
    """Colour a label's text through its palette (None: the inherited colour)."""
    palette = QPalette(label.palette())
    if colour is None:
        parent = label.parentWidget()
        inherited = parent.palette() if parent is not None else QPalette()
        palette.setColor(
            QPalette.ColorRole.WindowText, inherited.color(QPalette.ColorRole.WindowText)
        )
    else:
        palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)
    font = QFont(label.font())
    font.setBold(bold)
    label.setFont(font)


class DrillSchedulePanel(QGroupBox):
    """Last drill, next due, days left or overdue (red), open improvement items."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Drill schedule"))
        self.rule_label = QLabel(self)
        self.rule_label.setWordWrap(True)
        self.last_label = QLabel(self)
        self.due_label = QLabel(self)
        self.left_label = QLabel(self)
        self.left_label.setObjectName("days_left")
        self.left_label.setWordWrap(True)
        self.improvements_label = QLabel(self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Last drill:"), self.last_label)
        form.addRow(self.tr("Next drill due by:"), self.due_label)
        form.addRow(self.tr("Time left:"), self.left_label)
        form.addRow(self.tr("Open improvement items:"), self.improvements_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule_label)
        layout.addLayout(form)
        layout.addStretch(1)

    def set_status(
        self, status: DrillStatus, interval_years: int, open_items: int, plan_ref: str
    ) -> None:
        self.setTitle(self.tr("Drill schedule (plan {ref})").format(ref=plan_ref))
        self.rule_label.setText(
            self.tr("The plan requires at least one drill every {years} years.").format(
                years=interval_years
            )
        )
        self.last_label.setText(
            status.last_held.isoformat() if status.last_held else self.tr("none on record")
        )
        self.due_label.setText(status.next_due.isoformat() if status.next_due else self.tr("now"))
        if status.days_left is None:
            self.left_label.setText(self.tr("No drill on record: one is due now"))
            set_text_colour(self.left_label, RED, bold=True)
        elif status.overdue:
            self.left_label.setText(
                self.tr("Overdue by {days} days").format(days=-status.days_left)
            )
            set_text_colour(self.left_label, RED, bold=True)
        else:
            self.left_label.setText(self.tr("{days} days left").format(days=status.days_left))
            set_text_colour(self.left_label, AMBER if status.days_left <= SOON_DAYS else GREEN)
        self.improvements_label.setText(self.tr("{count} open").format(count=open_items))
        set_text_colour(self.improvements_label, AMBER if open_items else None)


# --- database problems ------------------------------------------------------------------------


class DatabaseProblemPanel(QWidget):
    """The database could not be opened: why, and the way on (another file or a backup)."""

    open_other_requested = Signal()
    backup_chosen = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("The database could not be opened"), self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = QLabel(
            self.tr(
                "Nothing in the database file was changed. Open another database file, or "
                "continue from a backup copy (the copy is opened, the backup itself is kept)."
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        self.reason_label = QLabel(self.tr("What is wrong:"), self)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("database_problem")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.message_label.setMargin(8)
        self.backups_label = QLabel(self)
        self.backups_model = QStringListModel(self)
        self.backups_view = QListView(self)
        self.backups_view.setModel(self.backups_model)
        self.backups_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backups_view.doubleClicked.connect(self._use_backup)
        self.open_other_button = QPushButton(self.tr("Open another database file…"), self)
        self.open_other_button.clicked.connect(self.open_other_requested)
        self.use_backup_button = QPushButton(self.tr("Use the selected backup"), self)
        self.use_backup_button.clicked.connect(self._use_backup)
        self._backups: list[Path] = []

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_other_button)
        buttons.addWidget(self.use_backup_button)
        buttons.addStretch(1)
        inner = QVBoxLayout()
        inner.addWidget(self.heading)
        inner.addWidget(self.explanation)
        inner.addSpacing(6)
        inner.addWidget(self.reason_label)
        inner.addWidget(self.message_label)
        inner.addWidget(self.backups_label)
        inner.addWidget(self.backups_view)
        inner.addLayout(buttons)
        inner.addStretch(1)
        box = QWidget(self)
        box.setLayout(inner)
        box.setMaximumWidth(900)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(box, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)

    @property
    def backups(self) -> list[Path]:
        return list(self._backups)

    def set_problem(self, message: str, backups: Sequence[Path]) -> None:
        self.message_label.setText(message)
        self._backups = list(backups)
        self.backups_model.setStringList([str(path) for path in self._backups])
        has_backups = bool(self._backups)
        self.backups_label.setText(
            self.tr("Backups of this database (newest first):")
            if has_backups
            else self.tr("There is no backup of this database.")
        )
        self.backups_view.setVisible(has_backups)
        self.use_backup_button.setVisible(has_backups)
        if has_backups:
            self.backups_view.setCurrentIndex(self.backups_model.index(0, 0))
            rows = min(len(self._backups), 6)
            self.backups_view.setFixedHeight(
                rows * (self.fontMetrics().height() + 6) + 2 * self.backups_view.frameWidth() + 4
            )

    def _use_backup(self) -> None:
        row = self.backups_view.currentIndex().row()
        if 0 <= row < len(self._backups):
            self.backup_chosen.emit(self._backups[row])


# --- the page -----------------------------------------------------------------------------


def _table(parent: QWidget, model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView(parent)
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
        self.scenario_view.selectionModel().currentRowChanged.connect(self._scenario_changed)
        self.scenario_view.doubleClicked.connect(self._scenario_double_clicked)
        self.folder_label = QLabel(library)
        self.folder_label.setObjectName("user_folder")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"), library)
        self.open_folder_button.clicked.connect(self._open_user_folder)
        self.rescan_button = QPushButton(self.tr("Check again"), library)
        self.rescan_button.setToolTip(self.tr("Read the scenario files again"))
        self.rescan_button.clicked.connect(self.refresh_requested)
        self.new_button = QPushButton(self.tr("New exercise…"), library)
        self.new_button.setObjectName("new_exercise")
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
        self.detail_view.setOpenLinks(False)
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.detail_view)

        # Recent exercises.
        recent = QGroupBox(self.tr("Exercises"), content)
        self.exercise_view = _table(recent, self.exercise_model, "exercises")
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
        self.open_button.clicked.connect(self._open_clicked)
        open_row = QHBoxLayout()
        open_row.addWidget(self.no_exercises_label, 10)
        open_row.addStretch(1)  # (keeps the button its size when the hint is hidden)
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
        if self._user_folder is not None:
            self.folder_label.setText(
                self.tr("Your own scenarios: put scenario files (.yaml) in {folder}").format(
                    folder=self._user_folder
                )
            )
        self.folder_label.setVisible(self._user_folder is not None)
        self.open_folder_button.setVisible(self._user_folder is not None)
        self.schedule_panel.set_status(
            data.drill_status,
            data.interval_years,
            data.open_improvements,
            plan.drills.ref if plan is not None else "§9.3",
        )
        self.no_exercises_label.setVisible(not data.exercises)
        self._size_columns()
        self.pages.setCurrentIndex(self.READY)
        row = self.scenario_model.row_of(selected_path) if selected_path else -1
        self._select(self.scenario_view, max(row, 0) if data.scenarios else -1)
        row = self.exercise_model.row_of(selected_exercise.id) if selected_exercise else -1
        self._select(self.exercise_view, max(row, 0) if data.exercises else -1)
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
        index = self.scenario_view.selectionModel().currentIndex()
        if not index.isValid() or not self.scenario_view.selectionModel().hasSelection():
            return None
        return self.scenario_model.entry(index.row())

    def selected_scenario_path(self) -> Path | None:
        entry = self.selected_scenario()
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
        self.open_button.setEnabled(exercise is not None)
        if exercise is not None and exercise.status == "running":
            self.open_button.setText(self.tr("Continue the selected exercise"))
        else:
            self.open_button.setText(self.tr("Open the selected exercise"))

    def _show_scenario_detail(self) -> None:
        entry = self.selected_scenario()
        if entry is None:
            self.detail_view.setHtml(
                "<p>" + html.escape(self.tr("Select a scenario to read its summary.")) + "</p>"
            )
            return
        self.detail_view.setHtml(self.scenario_html(entry))

    def scenario_html(self, entry: ScenarioEntry) -> str:
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
        entry = self.scenario_model.entry(index.row())
        if entry.valid:
            self.new_exercise_requested.emit(entry)

    def _open_clicked(self, *_args: object) -> None:
        exercise = self.selected_exercise()
        if exercise is not None:
            self.open_exercise_requested.emit(exercise.id)

    def _open_user_folder(self) -> None:
        if self._user_folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._user_folder)))
