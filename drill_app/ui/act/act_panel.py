"""Act as a unit: a trainee's actions, at the controller's laptop, for the unit of their seat.

One laptop, trainees taking turns: choose the unit, then an action; each form produces
exactly the payload of a core event kind, sent with ``actor="seat"`` and the chosen unit.
Every action is dry-run with ``session.check`` first (the reason is shown next to the
button if it would be refused), then sent with ``session.submit``; it is shown as
"recorded" only when the session reports the event (it is on disk then), and a form is
cleared only then.

The command cycle and the state in force are in ``commanding``; the table model in
``table_model``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.duties import plan_recipients
from drill_app.core.events import Event
from drill_app.core.plan import COLOUR_ORDER, LEVEL_ORDER, Plan, Step
from drill_app.ui.act.commanding import (
    ActionState,
    PendingCommands,
    action_state,
    recorded_text,
    refusal_text,
    show_feedback,
)
from drill_app.ui.act.report_form import (
    ERROR_COLOUR,
    HINT_COLOUR,
    OK_COLOUR,
    PlanWords,
    ReportForm,
    clock_text,
    report_kind_name,
)
from drill_app.ui.shared.table_model import (
    RowsModel,
    TableRow,
    bold_label,
    make_table,
    selected_key,
)

if TYPE_CHECKING:
    from drill_app.ui.session import ExerciseSession

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


# --- the pages ---------------------------------------------------------------------------


@dataclass
class ActContext:
    session: ExerciseSession
    words: PlanWords
    commands: PendingCommands
    unit: Callable[[], str | None]


class ActionPageWidget(QWidget):
    """One action of the panel: a title with its §, a body, and a way to send."""

    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.words = context.words
        self.plan: Plan = context.words.plan
        self.title = ""
        outer = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("page_title")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        outer.addWidget(self.heading)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)

    def set_heading(self, title: str, ref: str) -> None:
        self.title = title
        self.heading.setText(f"<b>{title}</b>  <span style='color: {HINT_COLOUR}'>{ref}</span>")

    def feedback_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return label

    def send(
        self,
        kind: str,
        payload: Mapping[str, Any],
        feedback: QLabel,
        *,
        what: str = "",
        button: QPushButton | None = None,
        recorded: Callable[[Event], None] | None = None,
        refused: Callable[[str], None] | None = None,
    ) -> None:
        """Check and send for the chosen unit; report in *feedback*; *button* waits."""
        unit = self.context.unit()

        def on_recorded(event: Event) -> None:
            if button is not None:
                button.setEnabled(True)
            show_feedback(feedback, recorded_text(event, what), "ok")
            if recorded is not None:
                recorded(event)

        def on_refused(reason: str) -> None:
            if button is not None:
                button.setEnabled(True)
            show_feedback(feedback, refusal_text(reason, self.words), "error")
            if refused is not None:
                refused(reason)

        command_id = self.context.commands.send(
            kind, payload, actor="seat", unit=unit, recorded=on_recorded, refused=on_refused
        )
        if command_id is not None:
            show_feedback(feedback, self.tr("Recording…"), "wait")
            if button is not None:
                button.setEnabled(False)

    def refresh(self, state: ActionState, unit: str | None) -> None:
        """Show what is in force now (after an event, or when the unit changes)."""


def button_row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        if isinstance(widget, QLabel):
            row.addWidget(widget, 1)
        else:
            row.addWidget(widget)
    return row


class ReportActionWidget(ActionPageWidget):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        plan = context.words.plan
        refs = f"{plan.reporting.obligations[0].ref} {plan.reporting.content_ref}"
        super().__init__(context, parent)
        self.set_heading(self.tr("File a report"), refs)
        self.form = ReportForm(plan, self.words, self)
        self.form.setObjectName("report_form")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.send_button = QPushButton(self.tr("Send report"), self)
        self.send_button.setObjectName("send_report")
        self.send_button.setDefault(True)
        self.feedback = self.feedback_label("report_feedback")
        self.body.addWidget(scroll, 1)
        self.body.addLayout(button_row(self.feedback, self.send_button))
        self.send_button.clicked.connect(self.send_report)
        self.form.kind_combo.currentIndexChanged.connect(self.prefill_recipients)

    def refresh(self, state: ActionState, unit: str | None) -> None:
        self.prefill_recipients()

    def prefill_recipients(self) -> None:
        """Tick the recipients the plan names for this unit and report kind (§4.1)."""
        unit = self.context.unit()
        if unit is not None:
            scenario = self.context.session.scenario
            kind = self.form.report_kind()
            self.form.set_recipients(plan_recipients(self.plan, scenario, unit, kind))

    def send_report(self) -> None:
        self.form.clear_messages()
        payload = self.form.payload()
        filled, total = self.form.completeness()
        what = self.tr("{kind}, filled {filled}/{total} items").format(
            kind=report_kind_name(payload["report_kind"]), filled=filled, total=total
        )
        self.send(
            "report_submitted",
            payload,
            self.feedback,
            what=what,
            button=self.send_button,
            recorded=lambda _event: self._recorded(),
            refused=self._refused,
        )

    def _recorded(self) -> None:
        self.form.clear()
        self.prefill_recipients()

    def _refused(self, reason: str) -> None:
        match = re.fullmatch(r"report_submitted: figures: figure '(\w+)' (.*)", reason)
        if match and match[1] in self.form.figure_inputs:
            self.form.show_field_message(match[1], f"{self.words.fact(match[1])}: {match[2]}")


class LevelActionWidget(ActionPageWidget):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        ref = context.words.plan.level("IV").ref
        super().__init__(context, parent)
        self.set_heading(self.tr("Determine the level"), ref)
        self.current = QLabel(self)
        self.current.setObjectName("current_level")
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("level")
        for level_id in reversed(LEVEL_ORDER):
            self.level_combo.addItem(self.words.level(level_id), level_id)
        self.button = QPushButton(self.tr("Determine level"), self)
        self.button.setObjectName("determine_level")
        self.feedback = self.feedback_label("level_feedback")
        row = QHBoxLayout()
        label = QLabel(self.tr("Level of the incident"), self)
        label.setBuddy(self.level_combo)
        row.addWidget(label)
        row.addWidget(self.level_combo)
        row.addStretch(1)
        self.body.addWidget(self.current)
        self.body.addLayout(row)
        self.body.addLayout(button_row(self.feedback, self.button))
        self.body.addStretch(1)
        self.button.clicked.connect(self._determine)

    def _determine(self) -> None:
        level = str(self.level_combo.currentData())
        self.send(
            "level_determined",
            {"level": level},
            self.feedback,
            what=self.words.level(level),
            button=self.button,
        )

    def refresh(self, state: ActionState, unit: str | None) -> None:
        event = state.levels.get(unit or "")
        if event is None:
            self.current.setText(self.tr("This unit has not determined a level yet."))
        else:
            self.current.setText(
                self.tr("This unit's determination: {level} (at {time})").format(
                    level=self.words.level(event.payload["level"]),
                    time=clock_text(event.scenario_time),
                )
            )


class GroupsActionWidget(ActionPageWidget):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        plan = context.words.plan
        super().__init__(context, parent)
        self.set_heading(self.tr("Activate or stand down working groups"), "§2.3.2")
        self.model = RowsModel(
            (self.tr("Working group"), self.tr("§"), self.tr("Lead"), self.tr("Status")), self
        )
        self.view = make_table(self.model, self, 2)
        self.view.setObjectName("groups")
        self.activate_button = QPushButton(self.tr("Activate group"), self)
        self.activate_button.setObjectName("activate_group")
        self.stand_down_button = QPushButton(self.tr("Stand down group"), self)
        self.stand_down_button.setObjectName("stand_down_group")
        self.feedback = self.feedback_label("groups_feedback")
        self.body.addWidget(self.view, 1)
        self.body.addLayout(button_row(self.feedback, self.activate_button, self.stand_down_button))
        self.activate_button.clicked.connect(lambda: self._change("group_activated"))
        self.stand_down_button.clicked.connect(lambda: self._change("group_stood_down"))
        self._plan = plan
        self.refresh(ActionState(), None)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        chosen = selected_key(self.view) is not None
        self.activate_button.setEnabled(chosen)
        self.stand_down_button.setEnabled(chosen)

    def select_group(self, group_id: str) -> None:
        self.view.selectRow(self.model.row_of(group_id))

    def _change(self, kind: str) -> None:
        group = selected_key(self.view)
        if group is None:
            show_feedback(self.feedback, self.tr("Choose a working group in the list"), "error")
            return
        name = self.words.group(str(group))
        if kind == "group_activated":
            what = self.tr("{group} activated").format(group=name)
        else:
            what = self.tr("{group} stood down").format(group=name)
        self.send(kind, {"group": group}, self.feedback, what=what)

    def refresh(self, state: ActionState, unit: str | None) -> None:
        rows = []
        for group in self._plan.groups:
            event = state.active_groups.get(group.id)
            lead = self.words.party(group.lead) if group.lead else group.lead_text
            if event is not None:
                status = self.tr("Active since {time} ({unit})").format(
                    time=clock_text(event.scenario_time), unit=self.words.party(event.unit or "")
                )
                colours = {3: OK_COLOUR}
            else:
                status = self.tr("Not active")
                colours = {}
            rows.append(
                TableRow(
                    (self.words.group(group.id), group.ref, lead, status),
                    key=group.id,
                    colours=colours,
                    tooltip=group.duties,
                )
            )
        self.model.set_rows(rows)


# Background and text colour of a warning in force.
WARNING_STYLE = {
    "red": ("#d32f2f", "white"),
    "orange": ("#f57c00", "white"),
    "yellow": ("#fbc02d", "black"),
    "blue": ("#1976d2", "white"),
}


class WarningActionWidget(ActionPageWidget):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        plan = context.words.plan
        super().__init__(context, parent)
        self.set_heading(self.tr("Issue, change or lift a warning"), plan.warnings.ref)
        self.in_force = QLabel(self)
        self.in_force.setObjectName("warning_in_force")
        self.colour_combo = QComboBox(self)
        self.colour_combo.setObjectName("colour")
        for colour_id in reversed(COLOUR_ORDER):
            colour = plan.colour(colour_id)
            self.colour_combo.addItem(
                self.tr("{colour} warning ({severity})").format(
                    colour=self.words.colour(colour_id), severity=colour.severity
                ),
                colour_id,
            )
        self.issue_button = QPushButton(self.tr("Issue warning"), self)
        self.issue_button.setObjectName("issue_warning")
        self.change_button = QPushButton(self.tr("Change warning"), self)
        self.change_button.setObjectName("change_warning")
        self.lift_button = QPushButton(self.tr("Lift warning"), self)
        self.lift_button.setObjectName("lift_warning")
        self.authority = QLabel(self)
        self.authority.setWordWrap(True)
        self.authority.setStyleSheet(f"color: {HINT_COLOUR}")
        self.feedback = self.feedback_label("warning_feedback")
        row = QHBoxLayout()
        label = QLabel(self.tr("Warning level"), self)
        label.setBuddy(self.colour_combo)
        row.addWidget(label)
        row.addWidget(self.colour_combo)
        row.addStretch(1)
        self.body.addWidget(self.in_force, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addLayout(row)
        self.body.addWidget(self.authority)
        self.body.addLayout(
            button_row(self.feedback, self.issue_button, self.change_button, self.lift_button)
        )
        self.body.addStretch(1)
        self.issue_button.clicked.connect(lambda: self._colour_action("warning_issued"))
        self.change_button.clicked.connect(lambda: self._colour_action("warning_changed"))
        self.lift_button.clicked.connect(self._lift)
        self.colour_combo.currentIndexChanged.connect(self._show_authority)
        self._show_authority()

    def _show_authority(self, *_args: object) -> None:
        colour = self.plan.colour(self.colour_combo.currentData())
        self.authority.setText(
            self.tr("Issued by {body} ({ref}). {role}").format(
                body=self.words.party(colour.issued_by),
                ref=colour.authority_ref,
                role=colour.district_role,
            )
        )

    def _colour_action(self, kind: str) -> None:
        colour = str(self.colour_combo.currentData())
        name = self.words.colour(colour)
        if kind == "warning_issued":
            what = self.tr("{colour} warning issued").format(colour=name)
        else:
            what = self.tr("warning changed to {colour}").format(colour=name)
        self.send(kind, {"colour": colour}, self.feedback, what=what)

    def _lift(self) -> None:
        self.send("warning_lifted", {}, self.feedback, what=self.tr("warning lifted"))

    def refresh(self, state: ActionState, unit: str | None) -> None:
        event = state.warning
        if event is None:
            self.in_force.setStyleSheet("")
            self.in_force.setText(self.tr("No warning is in force."))
            return
        colour = event.payload["colour"]
        background, text = WARNING_STYLE.get(colour, ("#dddddd", "black"))
        self.in_force.setStyleSheet(
            f"background: {background}; color: {text}; padding: 4px 8px; font-weight: bold"
        )
        self.in_force.setText(
            self.tr("In force: {colour} warning, since {time} ({unit})").format(
                colour=self.words.colour(colour),
                time=clock_text(event.scenario_time),
                unit=self.words.party(event.unit or ""),
            )
        )


class StepsActionWidget(ActionPageWidget):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_heading(self.tr("Steps and measures taken"), "§5.1 §3.5 §5.3.2")
        actions = self.plan.actions
        self._sections: list[tuple[str, list[Step]]] = [
            (self.tr("First response (safety incident)"), actions.first_response_safety),
            (self.tr("First response (supply shortage)"), actions.first_response_supply),
            (self.tr("Actions once a warning is issued"), actions.warning_actions),
            (self.tr("Safety incident measures"), actions.safety_measures),
            (self.tr("Supply assurance measures"), actions.supply_measures),
            (self.tr("Response: leaders on scene"), actions.response_steps),
        ]
        self.section_combo = QComboBox(self)
        self.section_combo.setObjectName("step_section")
        self.section_combo.addItem(self.tr("All sections"), -1)
        for number, (name, steps) in enumerate(self._sections):
            refs = sorted({s.ref.split("(")[0] for s in steps}, key=len)
            self.section_combo.addItem(f"{name} {refs[0] if refs else ''}", number)
        self.model = StepsModel(self.words, self)
        self.view = make_table(self.model, self, 0, {2: 110, 3: 120, 4: 130})
        self.view.setObjectName("steps")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.note = QLineEdit(self)
        self.note.setObjectName("step_note")
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
        self._state = ActionState()
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

        def refused(_reason: str) -> None:
            self._pending.discard(step_id)
            self._rebuild()

        self._pending.add(step_id)
        self.send(
            "step_taken",
            payload,
            self.feedback,
            what=_shorten(step_text),
            recorded=done,
            refused=refused,
        )
        if step_id in self._pending:
            self._rebuild()

    def refresh(self, state: ActionState, unit: str | None) -> None:
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


def _shorten(text: str, length: int = 24) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class SupplyActionWidget(ActionPageWidget):
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
        self.refresh(ActionState(), None)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        chosen = selected_key(self.view) is not None
        self.cut_button.setEnabled(chosen)
        self.restore_button.setEnabled(chosen)

    def select_user_class(self, class_id: str) -> None:
        self.view.selectRow(self.model.row_of(class_id))

    def _change(self, kind: str) -> None:
        user_class = selected_key(self.view)
        if user_class is None:
            show_feedback(self.feedback, self.tr("Choose a user class in the list"), "error")
            return
        name = self.words.user_class(str(user_class))
        if kind == "supply_cut":
            what = self.tr("{users}: supply cut").format(users=name)
        else:
            what = self.tr("{users}: supply restored").format(users=name)
        self.send(kind, {"user_class": user_class}, self.feedback, what=what)

    def refresh(self, state: ActionState, unit: str | None) -> None:
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


class CommandActionWidget(ActionPageWidget):
    """Hand-over of command, sensitive event, end of disposal, end of the response."""

    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_heading(self.tr("Command and response"), "§5.3.1.7 §5.5")
        plan = self.plan
        targets = [r.command_handover_to for r in plan.responses if r.command_handover_to]
        handover_ref = next((r.handover_ref for r in plan.responses if r.handover_ref), "")
        self.handover_to = QComboBox(self)
        self.handover_to.setObjectName("handover_to")
        for party in dict.fromkeys(targets):
            self.handover_to.addItem(self.words.party(party), party)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.status: dict[str, QLabel] = {}
        self.feedback: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        rows = [
            (
                "command_handed_over",
                self.tr("Hand over command to"),
                handover_ref,
                self.tr("Hand over command"),
            ),
            (
                "sensitive_determined",
                self.tr("Determine that this is a sensitive event (e.g. abandoned supply)"),
                next(o.ref for o in plan.reporting.obligations if o.kind == "sensitive"),
                self.tr("Sensitive event"),
            ),
            (
                "disposal_ended",
                self.tr("Disposal has ended (scene under control, repair begun)"),
                next(r.end_ref for r in plan.responses),
                self.tr("End disposal"),
            ),
            (
                "response_ended",
                self.tr("Declare the emergency response ended"),
                plan.actions.end_ref,
                self.tr("End response"),
            ),
        ]
        for number, (kind, description, ref, button_text) in enumerate(rows):
            label = QLabel(f"{description}  <span style='color: {HINT_COLOUR}'>{ref}</span>", self)
            label.setWordWrap(True)
            cell: QWidget = label
            if kind == "command_handed_over":
                cell = QWidget(self)
                line = QHBoxLayout(cell)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(label)
                line.addWidget(self.handover_to)
                line.addStretch(1)
            button = QPushButton(button_text, self)
            button.setObjectName(kind)
            status = QLabel(self)
            status.setObjectName(f"{kind}_status")
            status.setStyleSheet(f"color: {HINT_COLOUR}")
            feedback = self.feedback_label(f"{kind}_feedback")
            grid.addWidget(cell, number * 2, 0, 1, 2)
            grid.addWidget(button, number * 2, 3)
            grid.addWidget(status, number * 2 + 1, 0, 1, 2)
            grid.addWidget(feedback, number * 2 + 1, 2, 1, 2)
            self.status[kind] = status
            self.feedback[kind] = feedback
            self.buttons[kind] = button
            button.clicked.connect(lambda _checked=False, k=kind: self._act(k))
        self.body.addLayout(grid)
        self.body.addStretch(1)

    def _act(self, kind: str) -> None:
        payload: dict[str, Any] = {}
        what = ""
        if kind == "command_handed_over":
            payload = {"to": self.handover_to.currentData()}
            what = self.words.party(str(payload["to"]))
        self.send(kind, payload, self.feedback[kind], what=what, button=self.buttons[kind])

    def refresh(self, state: ActionState, unit: str | None) -> None:
        def said(event: Event | None, text: str) -> str:
            if event is None:
                return ""
            return text.format(
                time=clock_text(event.scenario_time), unit=self.words.party(event.unit or "")
            )

        handed = state.handed_over
        self.status["command_handed_over"].setText(
            said(handed, self.tr("Handed over at {time} ({unit}) to "))
            + (self.words.party(handed.payload["to"]) if handed else "")
        )
        self.status["sensitive_determined"].setText(
            said(state.sensitive, self.tr("Determined sensitive at {time} ({unit})"))
        )
        self.status["disposal_ended"].setText(
            said(state.disposal_ended, self.tr("Disposal ended at {time} ({unit})"))
        )
        self.status["response_ended"].setText(
            said(state.response_ended, self.tr("Response ended at {time} ({unit})"))
        )


class InformationActionWidget(ActionPageWidget):
    """Release information to the public; ask another body for help."""

    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        ref = context.words.plan.responses[0].information_ref
        super().__init__(context, parent)
        self.set_heading(self.tr("Release information, request support"), ref)
        self.release_text = QPlainTextEdit(self)
        self.release_text.setObjectName("release_text")
        self.release_text.setPlaceholderText(self.tr("Text released to the public"))
        self.release_text.setTabChangesFocus(True)
        self.release_message = self._message_label("release_message")
        self.release_button = QPushButton(self.tr("Release information"), self)
        self.release_button.setObjectName("release_information")
        self.release_feedback = self.feedback_label("release_feedback")

        self.help_to = QComboBox(self)
        self.help_to.setObjectName("help_to")
        for party in self.plan.parties:
            self.help_to.addItem(self.words.party(party), party)
        self.help_to.setCurrentIndex(max(0, self.help_to.findData("city_hq")))
        self.help_text = QLineEdit(self)
        self.help_text.setObjectName("help_text")
        self.help_text.setPlaceholderText(self.tr("What is needed (optional)"))
        self.help_button = QPushButton(self.tr("Request support"), self)
        self.help_button.setObjectName("request_help")
        self.help_feedback = self.feedback_label("help_feedback")

        release_title = bold_label(self.tr("Information release"), self)
        self.body.addWidget(release_title)
        self.release_text.setMaximumHeight(self.release_text.fontMetrics().lineSpacing() * 8 + 12)
        self.body.addWidget(self.release_text)
        self.body.addWidget(self.release_message)
        self.body.addLayout(button_row(self.release_feedback, self.release_button))
        help_title = bold_label(self.tr("Request support"), self)
        self.body.addWidget(help_title)
        to_row = QHBoxLayout()
        to_label = QLabel(self.tr("From"), self)
        to_label.setBuddy(self.help_to)
        to_row.addWidget(to_label)
        to_row.addWidget(self.help_to)
        to_row.addWidget(self.help_text, 1)
        self.body.addLayout(to_row)
        self.body.addLayout(button_row(self.help_feedback, self.help_button))
        self.body.addStretch(1)
        self.release_button.clicked.connect(self._release)
        self.help_button.clicked.connect(self._request_help)
        self.release_text.textChanged.connect(self.release_message.hide)

    def _message_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setStyleSheet(f"color: {ERROR_COLOUR}")
        label.hide()
        return label

    def _release(self) -> None:
        text = self.release_text.toPlainText().strip()
        if not text:
            self.release_message.setText(self.tr("Write the text to release"))
            self.release_message.show()
            self.release_text.setFocus()
            return
        self.send(
            "information_released",
            {"text": text},
            self.release_feedback,
            what=_shorten(text),
            button=self.release_button,
            recorded=lambda _event: self.release_text.clear(),
        )

    def _request_help(self) -> None:
        payload: dict[str, Any] = {"to": self.help_to.currentData()}
        text = self.help_text.text().strip()
        if text:
            payload["text"] = text
        self.send(
            "help_requested",
            payload,
            self.help_feedback,
            what=self.words.party(str(payload["to"])),
            button=self.help_button,
            recorded=lambda _event: self.help_text.clear(),
        )


# --- the panel ----------------------------------------------------------------------------


class ActAsUnitPanel(QWidget):
    """Choose the unit of a seat, then one of its actions."""

    unit_changed = Signal(str)

    def __init__(self, session: ExerciseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.words = PlanWords(session.plan)
        self.commands = PendingCommands(session, self)
        participants = dict(session.loaded.seats)

        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("unit")
        for unit in session.scenario.seats:
            name = self.words.party(unit)
            person = participants.get(unit, "")
            self.unit_combo.addItem(f"{name} — {person}" if person else name, unit)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        unit_label = QLabel(self.tr("Acting for"), self)
        unit_label.setBuddy(self.unit_combo)
        font = unit_label.font()
        font.setBold(True)
        unit_label.setFont(font)

        context = ActContext(session, self.words, self.commands, self.current_unit)
        self.report_page = ReportActionWidget(context, self)
        self.level_page = LevelActionWidget(context, self)
        self.groups_page = GroupsActionWidget(context, self)
        self.warning_page = WarningActionWidget(context, self)
        self.steps_page = StepsActionWidget(context, self)
        self.supply_page = SupplyActionWidget(context, self)
        self.command_page = CommandActionWidget(context, self)
        self.information_page = InformationActionWidget(context, self)
        self.pages: list[ActionPageWidget] = [
            self.report_page,
            self.level_page,
            self.groups_page,
            self.warning_page,
            self.steps_page,
            self.supply_page,
            self.command_page,
            self.information_page,
        ]
        names = [
            self.tr("Reports"),
            self.tr("Level"),
            self.tr("Working groups"),
            self.tr("Warning"),
            self.tr("Steps and measures"),
            self.tr("Gas supply"),
            self.tr("Command and response"),
            self.tr("Information and support"),
        ]
        self.stack = QStackedWidget(self)
        for page in self.pages:
            self.stack.addWidget(page)
        self.actions_model = QStringListModel(names, self)
        self.actions_view = QListView(self)
        self.actions_view.setObjectName("actions")
        self.actions_view.setModel(self.actions_model)
        self.actions_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions_view.setSpacing(2)
        width = max(self.actions_view.fontMetrics().horizontalAdvance(n) for n in names)
        self.actions_view.setFixedWidth(width + 36)
        self.actions_view.selectionModel().currentChanged.connect(
            lambda current, _previous: self.stack.setCurrentIndex(max(0, current.row()))
        )
        self.actions_view.setCurrentIndex(self.actions_model.index(0, 0))

        top = QHBoxLayout()
        top.addWidget(unit_label)
        top.addWidget(self.unit_combo)
        top.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.actions_view)
        middle.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)

        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        session.event_added.connect(self._event_added)
        self._refresh()

    # --- public -----------------------------------------------------------------------------

    def current_unit(self) -> str | None:
        data = self.unit_combo.currentData()
        return str(data) if data is not None else None

    def set_unit(self, unit: str) -> None:
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(unit))

    def show_page(self, page: ActionPageWidget) -> None:
        self.actions_view.setCurrentIndex(self.actions_model.index(self.pages.index(page), 0))

    # --- internals ----------------------------------------------------------------------------

    def _unit_changed(self, _index: int) -> None:
        self._refresh()
        unit = self.current_unit()
        if unit is not None:
            self.unit_changed.emit(unit)

    @Slot(object)
    def _event_added(self, _event: Event) -> None:
        self._refresh()

    def _refresh(self) -> None:
        state = action_state(self.session.events)
        unit = self.current_unit()
        for page in self.pages:
            page.refresh(state, unit)
