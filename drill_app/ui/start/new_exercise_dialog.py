"""Prepare a new exercise: scenario, title, date, place, type, seats and options.

``NewExerciseDialog.ask(...)`` is the seam: it returns the ``NewExercise`` to store, or
None when the user cancelled.  Every field says what is wrong with it, and the create
button stays disabled until nothing is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from drill_app.ui.shared.screen_fit import fit_to_screen
from drill_app.ui.shared.table_model import ReadOnlyTableModel
from drill_app.ui.start.start_models import DisplayNames, scenario_place
from drill_app.wording.palette import CAUTION_COLOUR
from drill_app.wording.palette import ERROR_COLOUR as ERROR_RED

if TYPE_CHECKING:
    from drill_app.core.plan import Plan
    from drill_app.store.store import NewExercise
    from drill_app.ui.session import ScenarioEntry

AnyIndex = QModelIndex | QPersistentModelIndex

CLOCK_SPEEDS = (1, 2, 5, 10)
EXERCISE_TYPES = ("tabletop", "live")
# Separators between evaluator names: commas (ASCII and full width), 、 and semicolons.
NAME_SEPARATORS = re.compile(r"[,，、;；]+")
# A date further ahead than this is probably a typing error.
MAX_DAYS_AHEAD = 365
ERROR_COLOUR = QColor(ERROR_RED)
MISSING_BACKGROUND = QColor("#fff4e5")


def read_text_file(path: Path) -> str:
    """The text of a UTF-8 data file as its loader reads it (a leading BOM removed)."""
    return path.read_bytes().decode("utf-8-sig")


def split_names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in NAME_SEPARATORS.split(text) if name.strip())


class SeatAssignmentModel(ReadOnlyTableModel):
    """One row per seat of the scenario: the plan unit, and who sits there (editable)."""

    UNIT, PARTICIPANT = range(2)
    UnitIdRole = Qt.ItemDataRole.UserRole + 1

    participants_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        self._units: list[tuple[str, str]] = []  # (unit id, unit name)
        self._participants: list[str] = []
        self._headers = self.headers()

    def set_units(
        self, units: Sequence[tuple[str, str]], roster: Mapping[str, str] | None = None
    ) -> None:
        """New seats; names already entered for a unit that keeps its seat are kept, the
        others come from *roster* (who played the unit last time), if it names them."""
        kept = {
            unit: name
            for (unit, _), name in zip(self._units, self._participants, strict=True)
            if name.strip()
        }
        known = {**(roster or {}), **kept}
        self.beginResetModel()
        self._units = list(units)
        self._participants = [known.get(unit_id, "") for unit_id, _ in self._units]
        self.endResetModel()
        self.participants_changed.emit()

    def seats(self) -> list[tuple[str, str]]:
        """(unit id, participant name) per seat, names stripped."""
        return [
            (unit_id, name.strip())
            for (unit_id, _), name in zip(self._units, self._participants, strict=True)
        ]

    def missing(self) -> list[str]:
        """Names of the units that have no participant yet."""
        return [
            unit_name
            for (_, unit_name), name in zip(self._units, self._participants, strict=True)
            if not name.strip()
        ]

    def headers(self) -> tuple[str, str]:
        return (self.tr("Participating unit"), self.tr("Participant"))

    def _row_count(self) -> int:
        return len(self._units)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._units):
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._units[row][1] if column == self.UNIT else self._participants[row]
        if role == Qt.ItemDataRole.BackgroundRole and column == self.PARTICIPANT:
            return MISSING_BACKGROUND if not self._participants[row].strip() else None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.PARTICIPANT:
            if not self._participants[row].strip():
                return self.tr("Type the name of the person who plays this unit")
            return None
        if role == self.UnitIdRole:
            return self._units[row][0]
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != self.PARTICIPANT
            or not 0 <= index.row() < len(self._units)
        ):
            return False
        text = "" if value is None else str(value)
        if text == self._participants[index.row()]:
            return True
        self._participants[index.row()] = text
        self.dataChanged.emit(index, index)
        self.participants_changed.emit()
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.PARTICIPANT:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, ERROR_COLOUR)
    label.setPalette(palette)
    label.hide()
    return label


def _with_error(parent: QWidget, field: QWidget, error: QLabel) -> QWidget:
    box = QWidget(parent)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class NewExerciseDialog(QDialog):
    """Fill in a new exercise; ``ask`` returns it as a NewExercise, or None."""

    def __init__(
        self,
        plan: Plan,
        plan_text: str,
        scenarios: Sequence[ScenarioEntry],
        selected: Path | None = None,
        *,
        english: bool = False,
        today: dt.date | None = None,
        roster: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._roster = dict(roster or {})
        self.setWindowTitle(self.tr("New exercise"))
        self._plan = plan
        self._plan_text = plan_text
        self._entries = [entry for entry in scenarios if entry.valid]
        self._today = today or dt.date.today()
        self._names = DisplayNames(plan, english, self)
        self._scenario_text: str | None = None
        self._prefilled: dict[str, str] = {}
        self._build()
        rows = [entry.path for entry in self._entries]
        self.scenario_combo.setCurrentIndex(rows.index(selected) if selected in rows else 0)
        self._scenario_chosen()
        self.validate()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.scenario_combo = QComboBox(self)
        self.scenario_combo.setObjectName("scenario")
        for entry in self._entries:
            assert entry.scenario is not None
            self.scenario_combo.addItem(entry.scenario.title, str(entry.path))
        self.scenario_combo.currentIndexChanged.connect(self._scenario_chosen)
        self.scenario_error = _error_label(self, "scenario_error")
        self.scenario_facts = QLabel(self)
        self.scenario_facts.setStyleSheet("color: #666666")

        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("title")
        self.title_error = _error_label(self, "title_error")

        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("held_on")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMinimumDate(QDate(2000, 1, 1))
        self.date_edit.setMaximumDate(QDate(self._today.year + 10, 12, 31))
        self.date_edit.setDate(QDate(self._today.year, self._today.month, self._today.day))
        self.date_error = _error_label(self, "date_error")

        self.place_edit = QLineEdit(self)
        self.place_edit.setObjectName("place")

        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("exercise_type")
        for type_id in EXERCISE_TYPES:
            self.type_combo.addItem(self._names.exercise_type(type_id), type_id)

        self.controller_edit = QLineEdit(self)
        self.controller_edit.setObjectName("controller")
        self.controller_edit.setPlaceholderText(self.tr("Who directs the exercise"))
        self.evaluators_edit = QLineEdit(self)
        self.evaluators_edit.setObjectName("evaluators")
        self.evaluators_edit.setPlaceholderText(self.tr("Several names separated by commas or 、"))

        self.deadlines_check = QCheckBox(self.tr("Show reporting deadlines to trainees"), self)
        self.deadlines_check.setObjectName("show_deadlines")
        self.deadlines_check.setChecked(False)  # off for a graded drill: do they know them?
        self.deadlines_check.setToolTip(
            self.tr(
                "Trainees see the countdown to each deadline. Clear it to test whether units "
                "know the plan's deadlines by themselves."
            )
        )
        self.speed_combo = QComboBox(self)
        self.speed_combo.setObjectName("clock_speed")
        for speed in CLOCK_SPEEDS:
            self.speed_combo.addItem(f"{speed}×", speed)
        self.speed_combo.setToolTip(
            self.tr("How fast scenario time runs when the exercise starts; it can be changed.")
        )

        form = QFormLayout()
        form.addRow(
            self.tr("Scenario:"),
            _with_error(self, self.scenario_combo, self.scenario_error),
        )
        form.addRow("", self.scenario_facts)
        form.addRow(self.tr("Title:"), _with_error(self, self.title_edit, self.title_error))
        form.addRow(self.tr("Date held:"), _with_error(self, self.date_edit, self.date_error))
        form.addRow(self.tr("Place:"), self.place_edit)
        form.addRow(self.tr("Exercise type:"), self.type_combo)
        form.addRow(self.tr("Controller:"), self.controller_edit)
        form.addRow(self.tr("Evaluators:"), self.evaluators_edit)
        form.addRow(self.tr("Clock speed:"), self.speed_combo)
        form.addRow("", self.deadlines_check)
        self.next_hint = QLabel(
            self.tr(
                "The new exercise is not started yet: the controller starts its clock on the "
                "exercise console when everyone is in place."
            ),
            self,
        )
        self.next_hint.setWordWrap(True)
        self.next_hint.setStyleSheet("color: #666666")
        basics = QGroupBox(self.tr("Exercise"), self)
        basics_layout = QVBoxLayout(basics)
        basics_layout.addLayout(form)
        basics_layout.addStretch(1)
        basics_layout.addWidget(self.next_hint)

        self.seat_model = SeatAssignmentModel(self)
        self.seat_model.participants_changed.connect(self.validate)
        self.seat_view = QTableView(self)
        self.seat_view.setObjectName("seats")
        self.seat_view.setModel(self.seat_model)
        self.seat_view.verticalHeader().hide()
        self.seat_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.seat_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.seat_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.seat_view.horizontalHeader()
        header.setSectionResizeMode(SeatAssignmentModel.UNIT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SeatAssignmentModel.PARTICIPANT, QHeaderView.ResizeMode.Stretch)
        self.seats_hint = QLabel(
            self.tr(
                "One seat per participating unit. Enter the person who plays each unit "
                "(click a cell in the right-hand column and type)."
            ),
            self,
        )
        self.seats_hint.setWordWrap(True)
        self.seats_warning = QLabel(self)
        self.seats_warning.setObjectName("seats_warning")
        self.seats_warning.setWordWrap(True)
        self.seats_warning.setStyleSheet(f"color: {CAUTION_COLOUR}; font-weight: bold;")
        self.seats_warning.hide()
        seats = QGroupBox(self.tr("Seats"), self)
        seats_layout = QVBoxLayout(seats)
        seats_layout.addWidget(self.seats_hint)
        seats_layout.addWidget(self.seat_view, 1)
        seats_layout.addWidget(self.seats_warning)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        self.ok_button: QPushButton = ok
        self.ok_button.setText(self.tr("Create exercise"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(basics, 5)
        columns.addWidget(seats, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)

        self.title_edit.textChanged.connect(self.validate)
        self.date_edit.dateChanged.connect(self.validate)
        self.evaluators_edit.textChanged.connect(self.validate)
        fit_to_screen(self, QSize(1000, 600))

    # --- the scenario -------------------------------------------------------------------------

    def current_entry(self) -> ScenarioEntry | None:
        row = self.scenario_combo.currentIndex()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _scenario_chosen(self) -> None:
        entry = self.current_entry()
        if entry is None or entry.scenario is None:
            self._scenario_text = None
            self.seat_model.set_units([])
            self.validate()
            return
        scenario = entry.scenario
        try:
            self._scenario_text = read_text_file(entry.path)
        except (OSError, UnicodeDecodeError):
            self._scenario_text = None
        # Fields still showing the previous scenario's values follow the new scenario.
        self._refill(self.title_edit, "title", scenario.title)
        self._refill(self.place_edit, "place", scenario_place(scenario))
        self.type_combo.setCurrentIndex(EXERCISE_TYPES.index(scenario.exercise_type))
        names = self._names
        self.scenario_facts.setText(
            "　·　".join(
                (
                    names.category(scenario.category),
                    names.level(scenario.intended_level),
                    names.warning(scenario.intended_warning),
                    names.duration(scenario.duration_minutes),
                )
            )
        )
        self.seat_model.set_units(
            [(unit, names.unit(unit)) for unit in scenario.seats], self._roster
        )
        self.validate()

    def _refill(self, edit: QLineEdit, key: str, value: str) -> None:
        if edit.text() == self._prefilled.get(key, ""):
            edit.setText(value)
        self._prefilled[key] = value

    # --- validation ----------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """What is wrong, by field: scenario, title, held_on."""
        found: dict[str, str] = {}
        entry = self.current_entry()
        if entry is None:
            found["scenario"] = self.tr("There is no valid scenario to choose.")
        elif self._scenario_text is None:
            found["scenario"] = self.tr("The scenario file {file} cannot be read.").format(
                file=entry.path
            )
        if not self.title_edit.text().strip():
            found["title"] = self.tr("Enter a title for the exercise.")
        held_on = self.held_on()
        if (held_on - self._today).days > MAX_DAYS_AHEAD:
            found["held_on"] = self.tr(
                "{date} is more than a year from today; check the date."
            ).format(date=held_on.isoformat())
        return found

    def seat_warning(self) -> str:
        """Seats without a name: allowed (a name may come later), but said."""
        missing = self.seat_model.missing()
        if not missing:
            return ""
        return self.tr(
            "No participant yet for: {units}. The exercise can be created; these seats "
            "show no name."
        ).format(units="、".join(missing))

    def validate(self) -> bool:
        if not hasattr(self, "ok_button"):
            return False  # still building
        found = self.problems()
        for key, label in (
            ("scenario", self.scenario_error),
            ("title", self.title_error),
            ("held_on", self.date_error),
        ):
            label.setText(found.get(key, ""))
            label.setVisible(key in found)
        warning = self.seat_warning()
        self.seats_warning.setText(warning)
        self.seats_warning.setVisible(bool(warning))
        self.ok_button.setEnabled(not found)
        return not found

    def held_on(self) -> dt.date:
        date = self.date_edit.date()
        return dt.date(date.year(), date.month(), date.day())

    # --- the result --------------------------------------------------------------------

    def new_exercise(self) -> NewExercise:
        """The exercise as filled in (call when ``validate()`` is true)."""
        from drill_app.store.store import NewExercise, SeatInfo

        entry = self.current_entry()
        assert entry is not None and self._scenario_text is not None
        return NewExercise(
            title=self.title_edit.text().strip(),
            plan_text=self._plan_text,
            scenario_text=self._scenario_text,
            held_on=self.held_on(),
            exercise_type=str(self.type_combo.currentData()),
            location=self.place_edit.text().strip(),
            controller=self.controller_edit.text().strip(),
            evaluators=split_names(self.evaluators_edit.text()),
            seats=tuple(SeatInfo(unit, name) for unit, name in self.seat_model.seats()),
            options={
                "show_deadlines": self.deadlines_check.isChecked(),
                "clock_speed": int(self.speed_combo.currentData()),
            },
        )

    def accept(self) -> None:
        if self.validate():
            super().accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        plan: Plan,
        plan_text: str,
        scenarios: Sequence[ScenarioEntry],
        selected: Path | None = None,
        *,
        english: bool = False,
        today: dt.date | None = None,
        roster: Mapping[str, str] | None = None,
    ) -> NewExercise | None:
        """Show the dialog; the exercise to create, or None if cancelled. *roster*: who
        played each unit last time (unit id -> name), offered for the seats."""
        dialog = cls(
            plan,
            plan_text,
            scenarios,
            selected,
            english=english,
            today=today,
            roster=roster,
            parent=parent,
        )
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.new_exercise()
            return None
        finally:
            dialog.deleteLater()
