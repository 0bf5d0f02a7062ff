"""The MSEL panel: the scenario's injects, what is due, and releasing, skipping or delaying them.

Rows are the scenario's scripted injects in MSEL order, then the ad-hoc injects written
during the exercise. Statuses come from the read model (``session.mirror``): delivered
and skipped injects from the recorded events, due ones from the core's release times.

Delaying ("推迟 N 分钟") is a local hold in this window, not an event: the inject stays
pending and is not offered as due (nor released by "release all due") before the hold
ends. Nothing is recorded for the hold itself; what the log records is the actual release
(``inject_delivered`` at the scenario time it was released), and that is what scoring
and the after-action report see. A hold does not survive closing the window: after a
restart the inject is simply due again.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.events import Event
from drill_app.core.exercise import Exercise, inject_payload
from drill_app.core.facts import FACTS_BY_KEY, FactValue
from drill_app.core.scenario import Inject, InjectCondition
from drill_app.ui.act.report_form import report_kind_name
from drill_app.ui.exercise.adhoc_inject_dialog import AdhocInjectDialog
from drill_app.ui.exercise.clock_bar import format_clock, format_hhmm
from drill_app.ui.exercise.event_feed import (
    PlanNames,
    event_kind_names,
    summarize_payload,
)
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.table_model import ReadOnlyTableModel, tooltip_html

AnyIndex = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

DUE_BACKGROUND = QColor("#ffe08a")
DUE_FOREGROUND = QColor("#5c3c00")
HELD_FOREGROUND = QColor("#7a5a00")
DONE_FOREGROUND = QColor("#6b6b6b")
SENDING_FOREGROUND = QColor("#1a4f8a")


# --- the next moment the MSEL needs the controller ---------------------------------------------


def upcoming_release_time(mirror: Exercise, holds: Mapping[str, float], now: float) -> float | None:
    """The next scenario second, after *now*, at which a pending inject becomes due.

    The core's ``next_release_time`` is the earliest moment of all pending injects, which
    is in the past while a due inject waits; a jump needs the next one still ahead: the
    release times of timed (and already triggered) injects, the ends of local holds, and
    the deadlines that conditional injects of the form "expectation missed" wait for.
    """
    candidates: list[float] = []
    core_next = mirror.next_release_time()
    if core_next is not None and core_next > now:
        candidates.append(core_next)
    for inject in mirror.pending_injects():
        release = mirror.release_time(inject)
        if release is not None:
            candidates.append(max(release, holds.get(inject.id, release)))
        elif inject.when is not None:
            delay = inject.delay_minutes * 60
            candidates.extend(t + delay for t in _deadlines(mirror, inject.when))
    ahead = [t for t in candidates if t > now]
    return min(ahead) if ahead else None


def _deadlines(mirror: Exercise, condition: InjectCondition) -> Iterable[float]:
    for sub in condition.any_of or condition.all_of or []:
        yield from _deadlines(mirror, sub)
    if condition.expectation_missed is not None:
        expectation = mirror.expectations().get(condition.expectation_missed)
        if expectation is not None and expectation.due_at is not None:
            yield expectation.due_at


# --- conditions in words -------------------------------------------------------------------------

_OPERATORS = {">": ">", ">=": "≥", "<": "<", "<=": "≤", "==": "=", "!=": "≠"}


def _number(value: FactValue) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def describe_expectation(names: PlanNames, expectation_id: str) -> str:
    """What an expectation id asks for, in words (phone_report:emergency: 区应急管理局电话报告)."""
    prefix, _, rest = expectation_id.partition(":")
    plan = names.plan
    obligations = {o.id: o for o in plan.reporting.obligations}
    if prefix in obligations and rest:
        return translate("Msel", "{report} by {unit}").format(
            report=obligations[prefix].name, unit=names.party(rest)
        )
    if prefix == "report_content" and rest:
        return translate("Msel", "complete written report by {unit}").format(unit=names.party(rest))
    if prefix == "accuracy" and rest:
        return translate("Msel", "accurate figures in the reports of {unit}").format(
            unit=names.party(rest)
        )
    if prefix == "level" and rest in ("I", "II", "III", "IV"):
        return translate("Msel", "level {level} determined").format(level=rest)
    if prefix == "group" and rest:
        return translate("Msel", "{group} activated").format(group=names.group(rest))
    if prefix == "warning" and rest and rest != "unwarranted":
        return translate("Msel", "{colour} warning issued").format(colour=names.colour(rest))
    if prefix == "step" and rest:
        return names.step(rest)
    if prefix == "scenario" and rest:
        for inject in names.scenario.injects:
            for expected in inject.expects:
                if expected.id == rest:
                    return expected.text
    fixed = {
        "handover": translate("Msel", "command handed over"),
        "supply_order": translate("Msel", "supply cut in the priority order"),
        "response_end": translate("Msel", "end of the response announced"),
        "information_release": translate("Msel", "information released"),
    }
    return fixed.get(expectation_id, expectation_id)


def describe_condition(names: PlanNames, condition: InjectCondition) -> str:
    """A condition of a conditional inject in words (the interface language)."""
    if condition.any_of is not None:
        parts = [describe_condition(names, c) for c in condition.any_of]
        return translate("Msel", " or ").join(parts)
    if condition.all_of is not None:
        parts = [describe_condition(names, c) for c in condition.all_of]
        return translate("Msel", " and ").join(parts)
    if condition.expectation_missed is not None:
        return translate("Msel", "{what} overdue").format(
            what=describe_expectation(names, condition.expectation_missed)
        )
    if condition.expectation_met is not None:
        return translate("Msel", "{what} done").format(
            what=describe_expectation(names, condition.expectation_met)
        )
    if condition.fact is not None:
        fact = FACTS_BY_KEY[condition.fact]
        value = condition.value
        if fact.is_flag and condition.op in ("==", "!=") and isinstance(value, bool):
            holds = value if condition.op == "==" else not value
            template = (
                translate("Msel", "{fact}: yes") if holds else translate("Msel", "{fact}: no")
            )
            return template.format(fact=fact.label_zh)
        op = _OPERATORS.get(condition.op or "==", condition.op or "")
        shown = _number(value) if value is not None else ""
        return f"{fact.label_zh} {op} {shown}{fact.unit}"
    if condition.action is not None:
        action = condition.action
        what = summarize_payload(names, action.kind, action.payload)
        if action.kind == "report_submitted" and "report_kind" in action.payload:
            what = report_kind_name(action.payload["report_kind"])
        elif not action.payload:
            what = event_kind_names().get(action.kind, action.kind)
        who = names.party(action.unit) if action.unit else translate("Msel", "any unit")
        return translate("Msel", "{unit}: {action}").format(unit=who, action=what)
    return ""


# --- the model ---------------------------------------------------------------------------------

MselState = str
"""pending | held | due | sending | delivered | skipped | unreleased (the exercise ended
before it was released). Ad-hoc rows are delivered. Nothing is due before the start."""


@dataclass(frozen=True)
class MselRow:
    cells: tuple[str, str, str, str, str]
    state: MselState
    inject_id: str | None
    release_at: float | None
    """When it is (or was) due; for a delivered inject, when it was delivered."""


class MselModel(ReadOnlyTableModel):
    """The injects with their live status. Scripted rows first, then ad-hoc ones."""

    StateRole = Qt.ItemDataRole.UserRole + 1
    InjectIdRole = Qt.ItemDataRole.UserRole + 2

    TIME, STATUS, TITLE, SOURCE, RECIPIENTS = range(5)

    def __init__(self, session: ExerciseSession, parent: QObject | None = None) -> None:
        headers = (
            translate("Msel", "Time"),
            translate("Msel", "Status"),
            translate("Msel", "Inject"),
            translate("Msel", "Source"),
            translate("Msel", "To"),
        )
        super().__init__(headers, parent)
        self.session = session
        self.names = PlanNames(session.plan, session.scenario)
        self.holds: dict[str, float] = {}
        """Inject id -> scenario second before which it is not offered as due."""
        self._scripted: list[Inject] = list(session.scenario.injects)
        self._adhoc: list[Event] = []
        self._skip_reasons: dict[str, str] = {}
        self._sending: dict[str, str] = {}  # command id -> inject id
        self._rows: list[MselRow] = []
        for event in session.events:
            self._note(event)
        self._rows = self._compute()

    # --- reading ----------------------------------------------------------------------

    def row(self, row: int) -> MselRow:
        return self._rows[row]

    def inject_at(self, row: int) -> Inject | None:
        return self._scripted[row] if 0 <= row < len(self._scripted) else None

    def adhoc_event_at(self, row: int) -> Event | None:
        offset = row - len(self._scripted)
        return self._adhoc[offset] if 0 <= offset < len(self._adhoc) else None

    def row_of(self, inject_id: str) -> int:
        for number, inject in enumerate(self._scripted):
            if inject.id == inject_id:
                return number
        raise KeyError(inject_id)

    def due_injects(self) -> list[Inject]:
        """Injects to release now: due, not held, not being sent."""
        return [
            self._scripted[number]
            for number, row in enumerate(self._rows[: len(self._scripted)])
            if row.state == "due"
        ]

    def count(self, state: MselState) -> int:
        return sum(1 for row in self._rows if row.state == state)

    # --- changes ----------------------------------------------------------------------

    def _note(self, event: Event) -> None:
        if event.kind == "inject_delivered" and event.payload.get("inject") is None:
            self._adhoc.append(event)
        elif event.kind == "inject_skipped":
            self._skip_reasons[str(event.payload["inject"])] = str(event.payload.get("reason", ""))

    def event_added(self, event: Event) -> None:
        self._sending.pop(event.id, None)
        if event.kind == "inject_delivered" and event.payload.get("inject") is None:
            first = len(self._scripted) + len(self._adhoc)
            self.beginInsertRows(QModelIndex(), first, first)
            self._note(event)
            self._rows.append(self._compute_adhoc(event))
            self.endInsertRows()
        else:
            self._note(event)
        if event.kind in ("inject_delivered", "inject_skipped"):
            self.holds.pop(str(event.payload.get("inject")), None)
        self.refresh()

    def sending(self, command_id: str, inject_id: str) -> None:
        self._sending[command_id] = inject_id
        self.refresh()

    def refused(self, command_id: str) -> None:
        if self._sending.pop(command_id, None) is not None:
            self.refresh()

    def hold(self, inject_id: str, minutes: int) -> float:
        """Do not offer *inject_id* as due for *minutes* more; return when the hold ends."""
        inject = self.session.scenario.injects_by_id[inject_id]
        now = self.session.now()
        release = self.session.mirror.release_time(inject)
        base = max(now, release if release is not None else now, self.holds.get(inject_id, now))
        self.holds[inject_id] = base + minutes * 60
        self.refresh()
        return self.holds[inject_id]

    def refresh(self) -> None:
        """Recompute every status for the current clock; signal only rows that changed."""
        rows = self._compute()
        changed = [
            n for n, (old, new) in enumerate(zip(self._rows, rows, strict=True)) if old != new
        ]
        self._rows = rows
        for number in changed:
            self.dataChanged.emit(self.index(number, 0), self.index(number, self.RECIPIENTS))

    def _compute(self) -> list[MselRow]:
        now = self.session.now()
        rows = [self._compute_scripted(inject, now) for inject in self._scripted]
        rows.extend(self._compute_adhoc(event) for event in self._adhoc)
        return rows

    def _compute_scripted(self, inject: Inject, now: float) -> MselRow:
        mirror = self.session.mirror
        names = self.names
        delivered = mirror.record.delivered.get(inject.id)
        release = mirror.release_time(inject) if delivered is None else None
        if inject.at is not None:
            time = format_hhmm(inject.at * 60)
        else:
            assert inject.when is not None
            condition = translate("Msel", "Condition: {condition}").format(
                condition=describe_condition(names, inject.when)
            )
            if release is not None:
                time = f"{format_hhmm(release)} {condition}"
            elif delivered is not None:
                time = f"{format_hhmm(delivered.scenario_time)} {condition}"
            else:
                time = condition
        sending = inject.id in self._sending.values()
        hold = self.holds.get(inject.id)
        if delivered is not None:
            state = "delivered"
            status = translate("Msel", "Released {time}").format(
                time=format_hhmm(delivered.scenario_time)
            )
            at: float | None = delivered.scenario_time
        elif inject.id in self._skip_reasons:
            state, status, at = "skipped", translate("Msel", "Skipped"), release
        elif sending:
            state, status, at = "sending", translate("Msel", "Sending…"), release
        elif hold is not None and hold > now:
            state = "held"
            status = translate("Msel", "Delayed to {time}").format(time=format_hhmm(hold))
            at = hold
        elif mirror.ended:
            state, status, at = "unreleased", translate("Msel", "Not released"), release
        elif release is not None and release <= now + 1e-9 and mirror.started:
            state, status, at = "due", translate("Msel", "Due"), release
        else:
            state, status, at = "pending", translate("Msel", "Pending"), release
        return MselRow(
            (time, status, inject.title, names.source(inject.source), names.parties(inject.to)),
            state,
            inject.id,
            at,
        )

    def _compute_adhoc(self, event: Event) -> MselRow:
        p = event.payload
        return MselRow(
            (
                translate("Msel", "Ad-hoc"),
                translate("Msel", "Released {time}").format(time=format_hhmm(event.scenario_time)),
                str(p.get("title", "")),
                self.names.source(str(p.get("source", ""))),
                self.names.parties(p.get("to") or []),
            ),
            "delivered",
            None,
            event.scenario_time,
        )

    # --- Qt interface ---------------------------------------------------------------

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_html(row.cells[index.column()])
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(DUE_BACKGROUND) if row.state == "due" else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = {
                "due": DUE_FOREGROUND,
                "held": HELD_FOREGROUND,
                "sending": SENDING_FOREGROUND,
                "delivered": DONE_FOREGROUND,
                "skipped": DONE_FOREGROUND,
                "unreleased": DONE_FOREGROUND,
            }.get(row.state)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.FontRole:
            if row.state == "due":
                font = QFont()
                font.setBold(True)
                return font
            if row.state == "skipped" and index.column() == self.TITLE:
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        if role == MselModel.StateRole:
            return row.state
        if role == MselModel.InjectIdRole:
            return row.inject_id
        return None

    # --- details ----------------------------------------------------------------------

    def detail_html(self, row: int) -> str:
        """Everything about the inject of *row*, for the detail pane."""
        inject = self.inject_at(row)
        shown = self._rows[row]
        names = self.names
        if inject is not None:
            payload: Mapping[str, Any] = inject_payload(inject)
            when = (
                translate("Msel", "minute {minute} ({time})").format(
                    minute=f"{inject.at:g}", time=format_hhmm(inject.at * 60)
                )
                if inject.at is not None
                else shown.cells[self.TIME]
            )
            if inject.when is not None and inject.delay_minutes:
                when += translate(
                    "Msel", "; released {minutes} min after the condition holds"
                ).format(minutes=f"{inject.delay_minutes:g}")
        else:
            event = self.adhoc_event_at(row)
            assert event is not None
            payload = event.payload
            when = translate("Msel", "Ad-hoc inject, released at {time}").format(
                time=format_clock(event.scenario_time)
            )
        items: list[tuple[str, str]] = [
            (translate("Msel", "When"), when),
            (translate("Msel", "Source"), names.source(str(payload.get("source", "")))),
            (translate("Msel", "To"), names.parties(payload.get("to") or [])),
            (translate("Msel", "Status"), shown.cells[self.STATUS]),
        ]
        if inject is not None and inject.id in self._skip_reasons:
            items.append((translate("Msel", "Reason"), self._skip_reasons[inject.id] or "—"))
        if payload.get("informs_incident"):
            items.append(
                (
                    translate("Msel", "Informs"),
                    translate(
                        "Msel", "The recipients learn of the incident (reporting clocks start)"
                    ),
                )
            )
        facts = payload.get("facts") or {}
        if facts:
            facts_text = "；".join(
                f"{FACTS_BY_KEY[k].label_zh}：{_fact_value(k, v)}" for k, v in facts.items()
            )
            items.append((translate("Msel", "Facts"), facts_text))
        if inject is not None and inject.attachments:
            items.append(
                (
                    translate("Msel", "Attachments"),
                    "；".join(
                        f"{a.name}（{a.description}）" if a.description else a.name
                        for a in inject.attachments
                    ),
                )
            )
        if inject is not None and inject.expects:
            items.append(
                (
                    translate("Msel", "Expected"),
                    "；".join(
                        translate("Msel", "{text} (within {minutes} min)").format(
                            text=e.text, minutes=f"{e.within_minutes:g}"
                        )
                        for e in inject.expects
                    ),
                )
            )
        table = "".join(
            f"<tr><td style='color:#444; padding-right:10px' nowrap><b>{html.escape(k)}</b></td>"
            f"<td>{html.escape(v)}</td></tr>"
            for k, v in items
        )
        text = html.escape(str(payload.get("text", ""))).replace("\n", "<br>")
        return (
            f"<h3 style='margin:0'>{html.escape(str(payload.get('title', '')))}</h3>"
            f"<table cellspacing='0' cellpadding='2'>{table}</table>"
            f"<p style='margin-top:6px'>{text}</p>"
        )


def _fact_value(key: str, value: FactValue) -> str:
    fact = FACTS_BY_KEY[key]
    if fact.is_flag:
        return translate("Msel", "yes") if value else translate("Msel", "no")
    if isinstance(value, int | float) and value >= 10_000:
        return f"{value:,.0f}{fact.unit}" if float(value).is_integer() else f"{value:,}{fact.unit}"
    return f"{_number(value)}{fact.unit}"


# --- the panel ---------------------------------------------------------------------------------


class MselPanel(QWidget):
    """The injects table, the actions on the selected inject, and its full text."""

    due_count_changed = Signal(int)

    def __init__(self, session: ExerciseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = MselModel(session, self)
        self._due_count = -1

        title = QLabel(self.tr("Injects (MSEL)"), self)
        title_font = QFont(title.font())
        title_font.setBold(True)
        title.setFont(title_font)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("msel_summary")

        self.view = QTableView(self)
        self.view.setObjectName("msel")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        metrics = self.view.fontMetrics()
        # The title takes the room left; the rest is elided (the tooltip and the detail pane
        # show it whole) so that the table fits the side pane of a 1366 px screen.
        widths = {
            MselModel.TIME: metrics.horizontalAdvance("00:00 条件："),
            MselModel.STATUS: max(
                metrics.horizontalAdvance(text)
                for text in (
                    translate("Msel", "Released {time}").format(time="00:00"),
                    translate("Msel", "Delayed to {time}").format(time="00:00"),
                    translate("Msel", "Not released"),
                )
            ),
            MselModel.SOURCE: metrics.horizontalAdvance("12345市民服务"),
            MselModel.RECIPIENTS: metrics.horizontalAdvance("区住房和城乡建设"),
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, width + 16)
        header.setSectionResizeMode(MselModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(metrics.horizontalAdvance("中") * 4)

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("inject_detail")
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(self.tr("Select an inject to read its full text."))

        self.release_button = QPushButton(self.tr("Release now"), self)
        self.release_button.setObjectName("release")
        self.release_button.setToolTip(self.tr("Deliver the selected inject to its recipients now"))
        self.skip_button = QPushButton(self.tr("Skip…"), self)
        self.skip_button.setObjectName("skip")
        self.skip_button.setToolTip(self.tr("Leave the selected inject out of this exercise"))
        self.delay_minutes = QSpinBox(self)
        self.delay_minutes.setObjectName("delay_minutes")
        self.delay_minutes.setRange(1, 240)
        self.delay_minutes.setValue(5)
        self.delay_minutes.setSuffix(self.tr(" min"))
        self.delay_button = QPushButton(self.tr("Delay"), self)
        self.delay_button.setObjectName("delay")
        self.delay_button.setToolTip(
            self.tr(
                "Hold the selected inject back: it is not offered as due until then. Only the "
                "actual release is recorded."
            )
        )
        self.release_due_button = QPushButton(self.tr("Release all due"), self)
        self.release_due_button.setObjectName("release_due")
        self.adhoc_button = QPushButton(self.tr("Ad-hoc inject…"), self)
        self.adhoc_button.setObjectName("adhoc")
        self.adhoc_button.setToolTip(self.tr("Write and release an inject that is not in the MSEL"))
        for button in (
            self.release_button,
            self.skip_button,
            self.delay_button,
            self.release_due_button,
            self.adhoc_button,
        ):
            button.setAutoDefault(False)
        self.release_button.clicked.connect(self.release_selected)
        self.skip_button.clicked.connect(self.skip_selected)
        self.delay_button.clicked.connect(self.delay_selected)
        self.release_due_button.clicked.connect(self.release_all_due)
        self.adhoc_button.clicked.connect(self.write_adhoc)

        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.summary_label)
        selected_actions = QHBoxLayout()
        selected_actions.setSpacing(6)
        selected_actions.addWidget(self.release_button)
        selected_actions.addWidget(self.skip_button)
        selected_actions.addWidget(self.delay_button)
        selected_actions.addWidget(self.delay_minutes)
        selected_actions.addStretch(1)
        all_actions = QHBoxLayout()
        all_actions.setSpacing(6)
        all_actions.addWidget(self.release_due_button)
        all_actions.addWidget(self.adhoc_button)
        all_actions.addStretch(1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(heading)
        layout.addLayout(all_actions)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(selected_actions)

        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.dataChanged.connect(self._model_changed)
        self.model.rowsInserted.connect(self._model_changed)
        session.event_added.connect(self._event_added)
        session.command_refused.connect(self._refused)
        self._model_changed()

    # --- selection ----------------------------------------------------------------------

    def selected_row(self) -> int | None:
        index = self.view.selectionModel().currentIndex()
        return index.row() if index.isValid() else None

    def select_inject(self, inject_id: str) -> None:
        index = self.model.index(self.model.row_of(inject_id), 0)
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _selected_pending(self) -> Inject | None:
        row = self.selected_row()
        if row is None:
            return None
        inject = self.model.inject_at(row)
        if inject is None or self.model.row(row).state not in ("pending", "held", "due"):
            return None
        return inject

    def _current_changed(self, current: AnyIndex, _previous: AnyIndex) -> None:
        self._show_detail()
        self._update_actions()

    def _show_detail(self) -> None:
        row = self.selected_row()
        self.detail.setHtml(self.model.detail_html(row) if row is not None else "")

    # --- state ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute due statuses for the current clock (the view's refresh timer)."""
        self.model.refresh()

    def _model_changed(self, *_args: object) -> None:
        due = self.model.count("due")
        pending = self.model.count("pending") + self.model.count("held")
        released = self.model.count("delivered")
        self.summary_label.setText(
            self.tr("{due} due · {pending} to come · {released} released").format(
                due=due, pending=pending, released=released
            )
        )
        self.summary_label.setStyleSheet("color: #8a5a00; font-weight: bold;" if due else "")
        self._update_actions()
        if self.selected_row() is not None:
            self._show_detail()
        if due != self._due_count:
            self._due_count = due
            self.due_count_changed.emit(due)

    def _update_actions(self) -> None:
        mirror = self.session.mirror
        live = mirror.started and not mirror.ended
        selected = self._selected_pending()
        self.release_button.setEnabled(live and selected is not None)
        self.skip_button.setEnabled(live and selected is not None)
        self.delay_button.setEnabled(live and selected is not None)
        self.delay_minutes.setEnabled(live and selected is not None)
        due = len(self.model.due_injects())
        self.release_due_button.setEnabled(live and due > 0)
        self.release_due_button.setText(
            self.tr("Release all due ({count})").format(count=due)
            if due
            else self.tr("Release all due")
        )
        self.adhoc_button.setEnabled(live)
        if not live:
            reason = (
                self.tr("The exercise has ended.")
                if mirror.ended
                else self.tr("Start the exercise first.")
            )
            for button in (self.release_button, self.release_due_button, self.adhoc_button):
                button.setStatusTip(reason)

    # --- actions ----------------------------------------------------------------------

    def _release(self, inject: Inject) -> None:
        command_id = self.session.submit(
            "inject_delivered", inject_payload(inject), actor="controller"
        )
        self.model.sending(command_id, inject.id)

    def release_selected(self) -> None:
        inject = self._selected_pending()
        if inject is not None:
            self._release(inject)

    def release_all_due(self) -> None:
        for inject in self.model.due_injects():
            self._release(inject)

    def skip_selected(self) -> None:
        inject = self._selected_pending()
        if inject is None:
            return
        reason = type(self).ask_skip_reason(self, inject.title)
        if reason is None:
            return
        command_id = self.session.submit(
            "inject_skipped", {"inject": inject.id, "reason": reason}, actor="controller"
        )
        self.model.sending(command_id, inject.id)

    def delay_selected(self) -> None:
        inject = self._selected_pending()
        if inject is not None:
            self.model.hold(inject.id, self.delay_minutes.value())

    def write_adhoc(self) -> None:
        payload = AdhocInjectDialog.ask(self.session, self)
        if payload is not None:
            self.session.submit("inject_delivered", payload, actor="controller")

    @classmethod
    def ask_skip_reason(cls, parent: QWidget, title: str) -> str | None:
        """The reason for skipping, or None if the user cancelled (the modal seam)."""
        text, ok = QInputDialog.getText(
            parent,
            translate("Msel", "Skip inject"),
            translate("Msel", "Skip “{title}”. Reason (optional, goes into the log):").format(
                title=title
            ),
        )
        return text.strip() if ok else None

    # --- results ------------------------------------------------------------------------

    def _event_added(self, event: Event) -> None:
        self.model.event_added(event)
        self._update_actions()

    def _refused(self, command_id: str, _kind: str, _reason: str) -> None:
        self.model.refused(command_id)
