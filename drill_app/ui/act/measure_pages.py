"""Act as a unit, measures: the plan's steps and measures (§5.1, §5.3) and supply cuts
in the priority order (§5.3.2), with the checkable table of steps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from drill_app.core.events import Event, ExerciseState
from drill_app.core.plan import Step
from drill_app.core.refusals import Refusal
from drill_app.ui.act.base import (
    ActContext,
    ActionPageWidget,
    ChoiceListPage,
    button_row,
    shorten,
)
from drill_app.ui.shared.describe import describe
from drill_app.ui.shared.table_model import (
    RowsModel,
    TableRow,
    make_table,
)
from drill_app.wording import PlanWords
from drill_app.wording.clock import clock_text
from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR, OK_COLOUR
from drill_app.wording.plan_words import step_list_names

if TYPE_CHECKING:
    pass

AnyIndex = QModelIndex | QPersistentModelIndex


# --- the steps and measures, checkable ---------------------------------------------------------


@dataclass(frozen=True)
class StepRow:
    step: Step
    section: str
    done_by_unit: Event | None
    done_by_others: tuple[Event, ...]
    pending: bool


class StepsModel(QAbstractTableModel):
    """The plan's steps and measures; ticking an unticked step asks to record it."""

    step_ticked = Signal(str)  # step id

    KeyRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, words: PlanWords, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self._rows: list[StepRow] = []
        self._headers = (
            self.tr("Step or measure"),
            self.tr("§"),
            self.tr("Section"),
            self.tr("By (plan)"),
            self.tr("Recorded"),
        )

    def set_rows(self, rows: Sequence[StepRow]) -> None:
        if [r.step.id for r in rows] == [r.step.id for r in self._rows]:
            self._rows = list(rows)
            if rows:
                last = self.index(len(rows) - 1, len(self._headers) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, step_id: str) -> int:
        for number, row in enumerate(self._rows):
            if row.step.id == step_id:
                return number
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def _recorded_text(self, row: StepRow) -> str:
        parts = []
        if row.done_by_unit is not None:
            parts.append(
                self.tr("{time} this unit").format(time=clock_text(row.done_by_unit.scenario_time))
            )
        for event in row.done_by_others:
            parts.append(f"{clock_text(event.scenario_time)} {self.words.party(event.unit or '')}")
        if row.pending:
            parts.append(self.tr("recording…"))
        return "\n".join(parts)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == 0:
            if row.done_by_unit is not None:
                return Qt.CheckState.Checked
            return Qt.CheckState.PartiallyChecked if row.pending else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return row.step.text
            if column == 1:
                return row.step.ref
            if column == 2:
                return row.section
            if column == 3:
                return self.words.listing([self.words.party(p) for p in row.step.by])
            return self._recorded_text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == 4 and row.done_by_unit:
            return QBrush(QColor(OK_COLOUR))
        if role == StepsModel.KeyRole:
            return row.step.id
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        row = self._rows[index.row()]
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if not checked or row.done_by_unit is not None or row.pending:
            return False
        # The tick shows only once the event is recorded; here it becomes a request.
        self.step_ticked.emit(row.step.id)
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        row = self._rows[index.row()]
        if index.column() == 0 and row.done_by_unit is None and not row.pending:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags


class StepsActionWidget(ActionPageWidget):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_heading(self.tr("Steps and measures taken"), "§5.1 §3.5 §5.3.2")
        self._sections: list[tuple[str, list[Step]]] = list(
            zip(step_list_names(), self.plan.actions.step_lists, strict=True)
        )
        self.section_combo = QComboBox(self)
        self.section_combo.setObjectName("step_section")
        describe(
            self.section_combo,
            self.tr("Show the steps and measures of one section of the plan"),
            self.tr("Plan section"),
        )
        self.section_combo.addItem(self.tr("All sections"), -1)
        for number, (name, steps) in enumerate(self._sections):
            refs = sorted({s.ref.split("(")[0] for s in steps}, key=len)
            self.section_combo.addItem(f"{name} {refs[0] if refs else ''}", number)
        self.model = StepsModel(self.words, self)
        self.view = make_table(self.model, self, 0, {2: 110, 3: 120, 4: 130})
        self.view.setObjectName("steps")
        describe(
            self.view,
            self.tr("The plan's steps and measures: tick one when the unit takes it"),
            self.tr("Steps and measures"),
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.note = QLineEdit(self)
        self.note.setObjectName("step_note")
        describe(
            self.note,
            self.tr("A note recorded with the next step you tick (optional)"),
            self.tr("Note"),
        )
        self.note.setPlaceholderText(self.tr("Note for the next step you tick (optional)"))
        self.feedback = self.feedback_label("steps_feedback")
        self.section_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.section_combo.setMinimumContentsLength(14)
        hint = QLabel(self.tr("Tick a step to record that this unit took it."), self)
        hint.setStyleSheet(f"color: {HINT_COLOUR}")
        hint.setWordWrap(True)
        top = QHBoxLayout()
        label = QLabel(self.tr("Show"), self)
        label.setBuddy(self.section_combo)
        top.addWidget(label)
        top.addWidget(self.section_combo)
        top.addStretch(1)
        self.body.addLayout(top)
        self.body.addWidget(hint)
        self.body.addWidget(self.view, 1)
        self.body.addWidget(self.note)
        self.body.addWidget(self.feedback)
        self.model.step_ticked.connect(self.record_step)
        self.section_combo.currentIndexChanged.connect(lambda _i: self._rebuild())
        self._pending: set[str] = set()
        self._state = ExerciseState()
        self._unit: str | None = None

    def record_step(self, step_id: str) -> None:
        payload: dict[str, Any] = {"step": step_id}
        note = self.note.text().strip()
        if note:
            payload["note"] = note
        step_text = next(s.text for _, steps in self._sections for s in steps if s.id == step_id)

        def done(_event: Event) -> None:
            self._pending.discard(step_id)
            self.note.clear()
            self._rebuild()

        def refused(_reason: Refusal) -> None:
            self._pending.discard(step_id)
            self._rebuild()

        self._pending.add(step_id)
        self.send(
            "step_taken",
            payload,
            self.feedback,
            what=shorten(step_text),
            recorded=done,
            refused=refused,
        )
        if step_id in self._pending:
            self._rebuild()

    def refresh(self, state: ExerciseState, unit: str | None) -> None:
        self._state, self._unit = state, unit
        self._rebuild()

    def _rebuild(self) -> None:
        chosen = self.section_combo.currentData()
        self.view.setColumnHidden(2, chosen != -1)  # the section, when all are shown
        rows: list[StepRow] = []
        seen: set[str] = set()
        for number, (name, steps) in enumerate(self._sections):
            if chosen not in (-1, number):
                continue
            for step in steps:
                if step.id in seen:
                    continue
                seen.add(step.id)
                events = self._state.steps.get(step.id, [])
                mine = next((e for e in events if e.unit == self._unit), None)
                others = tuple(e for e in events if e.unit != self._unit)
                rows.append(StepRow(step, name, mine, others, step.id in self._pending))
        self.model.set_rows(rows)


class SupplyActionWidget(ChoiceListPage):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        plan = context.words.plan
        super().__init__(context, parent)
        self.set_heading(self.tr("Cut or restore gas supply"), plan.actions.supply_priority_ref)
        hint = QLabel(
            self.tr("User classes in the plan's order of priority (1 = protected first)."), self
        )
        hint.setStyleSheet(f"color: {HINT_COLOUR}")
        hint.setWordWrap(True)
        self.model = RowsModel(
            (self.tr("Priority"), self.tr("User class"), self.tr("Supply")), self
        )
        self.view = make_table(self.model, self, 1)
        self.view.setObjectName("supply")
        describe(
            self.view,
            self.tr("Gas users in the plan's order of priority and whether their supply is cut"),
            self.tr("Gas supply"),
        )
        self.cut_button = QPushButton(self.tr("Cut supply"), self)
        self.cut_button.setObjectName("cut_supply")
        self.restore_button = QPushButton(self.tr("Restore supply"), self)
        self.restore_button.setObjectName("restore_supply")
        self.feedback = self.feedback_label("supply_feedback")
        self.body.addWidget(hint)
        self.body.addWidget(self.view, 1)
        self.body.addLayout(button_row(self.feedback, self.cut_button, self.restore_button))
        self.cut_button.clicked.connect(lambda: self._change("supply_cut"))
        self.restore_button.clicked.connect(lambda: self._change("supply_restored"))
        self.refresh(ExerciseState(), None)
        self.watch_choice(self.cut_button, self.restore_button)

    def select_user_class(self, class_id: str) -> None:
        self.select(class_id)

    def _change(self, kind: str) -> None:
        user_class = self.chosen(self.tr("Choose a user class in the list"))
        if user_class is None:
            return
        name = self.words.user_class(user_class)
        if kind == "supply_cut":
            what = self.tr("{users}: supply cut").format(users=name)
        else:
            what = self.tr("{users}: supply restored").format(users=name)
        self.send(kind, {"user_class": user_class}, self.feedback, what=what)

    def refresh(self, state: ExerciseState, unit: str | None) -> None:
        rows = []
        for number, user in enumerate(self.plan.actions.supply_priority, start=1):
            event = state.cut.get(user.id)
            if event is None:
                status, colours = self.tr("Supplied"), {}
            else:
                status = self.tr("Cut since {time}").format(time=clock_text(event.scenario_time))
                colours = {2: ERROR_COLOUR}
            rows.append(
                TableRow((str(number), self.words.user_class(user.id), status), user.id, colours)
            )
        self.model.set_rows(rows)
