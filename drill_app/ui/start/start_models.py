"""The start page's models: plan names in the interface language, the scenario library and
the recent exercises as tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from drill_app.ui.shared.table_model import ReadOnlyTableModel, tooltip_html
from drill_app.wording.evaluation import exercise_status_name, exercise_type_name
from drill_app.wording.palette import ERROR_COLOUR

if TYPE_CHECKING:
    from drill_app.core.plan import Plan
    from drill_app.core.scenario import Scenario
    from drill_app.store.summaries import ExerciseSummary
    from drill_app.ui.session import ScenarioEntry
    from drill_app.wording import PlanWords

AnyIndex = QModelIndex | QPersistentModelIndex
Record = TypeVar("Record")


RED = QColor(ERROR_COLOUR)
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

    def _words(self) -> PlanWords | None:
        # (imported here: the plan's model is not needed to paint the first window)
        from drill_app.wording import PlanWords

        return PlanWords(self.plan, self.english) if self.plan is not None else None

    def category(self, category_id: str) -> str:
        words = self._words()
        return words.category(category_id) if words else category_id

    def level(self, level_id: str | None) -> str:
        if level_id is None:
            return self.tr("not set")
        from drill_app.core.plan import LEVEL_ORDER

        words = self._words()
        if words is not None and level_id in LEVEL_ORDER:
            return words.level(level_id)
        return self.tr("Level {level}").format(level=level_id)

    def warning(self, colour_id: str | None) -> str:
        if colour_id is None:
            return self.tr("no warning")
        words = self._words()
        name = words.colour(colour_id) if words else colour_id
        return self.tr("{colour} warning").format(colour=name)

    def unit(self, unit_id: str) -> str:
        words = self._words()
        return words.party(unit_id) if words else unit_id

    def exercise_type(self, type_id: str) -> str:
        return exercise_type_name(type_id)

    def duration(self, minutes: float) -> str:
        shown = int(minutes) if float(minutes).is_integer() else round(minutes, 1)
        return self.tr("{minutes} min").format(minutes=shown)

    def exercise_status(self, status: str) -> str:
        return exercise_status_name(status)


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
