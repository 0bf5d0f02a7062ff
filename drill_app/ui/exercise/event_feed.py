"""The event feed: every recorded event of the exercise, one line each, newest at the bottom.

``EventFeedModel`` appends a row per recorded event (``beginInsertRows``, never a reset);
``EventFilterProxyModel`` filters by unit and by kind. The feed follows new events unless
the user has scrolled up to read older ones.

The names of event kinds and the one-line summaries of payloads live here; the MSEL panel
and others use them too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.events import Event
from drill_app.core.refusals import Refusal
from drill_app.ui.act.commanding import show_feedback
from drill_app.ui.exercise.void_entry import VoidEntryDialog, can_void
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.describe import describe, explain
from drill_app.ui.shared.table_model import ReadOnlyTableModel, tooltip_html
from drill_app.wording import PlanWords, refusal_text
from drill_app.wording.clock import format_clock, format_speed
from drill_app.wording.events import actor_names, event_kind_names, rating_name, report_kind_name

AnyIndex = QModelIndex | QPersistentModelIndex

NO_UNIT = ""
"""The unit filter key of events no unit acted in (the controller's, the system's)."""


translate = QCoreApplication.translate


def level_text(level: str) -> str:
    if level == "none":
        return translate("EventKinds", "below every level criterion")
    return translate("EventKinds", "level {level}").format(level=level)


def names_list(names: Sequence[str]) -> str:
    return translate("EventKinds", ", ").join(names)


def takeover_text(p: Mapping[str, Any]) -> str:
    """Whose exercise was taken over, and how it was known to be dead."""
    reasons = {
        "heartbeat_expired": translate("EventKinds", "its heartbeat had stopped"),
        "process_gone": translate("EventKinds", "its process was gone"),
    }
    return translate(
        "EventKinds", "Taken over from process {pid} on the computer {machine}: {reason}"
    ).format(
        pid=p.get("previous_pid", "?"),
        machine=str(p.get("previous_machine", "")).split("/", 1)[0],
        reason=reasons.get(str(p.get("reason", "")), str(p.get("reason", ""))),
    )


def summarize_payload(names: PlanWords, kind: str, payload: Mapping[str, Any]) -> str:
    """A one-line summary of what an event (or a scenario's expected action) says."""
    p = payload
    if kind == "speed_changed" and "speed" in p:
        return translate("EventKinds", "Clock speed {speed}").format(
            speed=format_speed(float(p["speed"]))
        )
    if kind == "clock_jumped" and "to_seconds" in p:
        return translate("EventKinds", "Clock moved to {time}").format(
            time=format_clock(float(p["to_seconds"]))
        )
    if kind == "host_restarted" and "down_seconds" in p:
        return translate("EventKinds", "Host restarted after {seconds:.0f} s down").format(
            seconds=float(p["down_seconds"])
        )
    if kind == "host_taken_over" and "previous_machine" in p:
        return takeover_text(p)
    if kind == "inject_delivered":
        scripted = p.get("inject") is not None
        template = (
            translate("EventKinds", "[{source}] {title} → {to}")
            if scripted
            else translate("EventKinds", "Ad-hoc [{source}] {title} → {to}")
        )
        return template.format(
            source=names.source(str(p.get("source", ""))),
            title=p.get("title", ""),
            to=names.parties(p.get("to") or []),
        )
    if kind == "inject_skipped":
        title = names.inject_title(str(p.get("inject", "")))
        if p.get("reason"):
            return translate("EventKinds", "Skipped “{title}”: {reason}").format(
                title=title, reason=p["reason"]
            )
        return translate("EventKinds", "Skipped “{title}”").format(title=title)
    if kind == "report_submitted":
        report = report_kind_name(str(p.get("report_kind", "")))
        recipients = p.get("recipients") or []
        text = f"{report} → {names.parties(recipients)}" if recipients else report
        fields = p.get("fields") or {}
        level = fields.get("initial_level") if isinstance(fields, Mapping) else None
        if level:
            text += translate("EventKinds", "; initial level: {level}").format(
                level=level_text(str(level))
            )
        return text
    if kind == "level_determined" and "level" in p:
        return translate("EventKinds", "Level determined: {level}").format(
            level=level_text(str(p["level"]))
        )
    if kind == "group_activated" and "group" in p:
        return translate("EventKinds", "Activated: {group}").format(
            group=names.group(str(p["group"]))
        )
    if kind == "group_stood_down" and "group" in p:
        return translate("EventKinds", "Stood down: {group}").format(
            group=names.group(str(p["group"]))
        )
    if kind == "warning_issued" and "colour" in p:
        return translate("EventKinds", "{colour} warning issued").format(
            colour=names.colour(str(p["colour"]))
        )
    if kind == "warning_changed" and "colour" in p:
        return translate("EventKinds", "Warning changed to {colour}").format(
            colour=names.colour(str(p["colour"]))
        )
    if kind == "step_taken" and "step" in p:
        text = names.step(str(p["step"]))
        return f"{text} — {p['note']}" if p.get("note") else text
    if kind == "supply_cut" and "user_class" in p:
        return translate("EventKinds", "Supply cut: {users}").format(
            users=names.user_class(str(p["user_class"]))
        )
    if kind == "supply_restored" and "user_class" in p:
        return translate("EventKinds", "Supply restored: {users}").format(
            users=names.user_class(str(p["user_class"]))
        )
    if kind == "command_handed_over" and "to" in p:
        return translate("EventKinds", "Command handed over to {party}").format(
            party=names.party(str(p["to"]))
        )
    if kind == "information_released" and "text" in p:
        return translate("EventKinds", "Released: {text}").format(text=p["text"])
    if kind == "help_requested" and "to" in p:
        text = translate("EventKinds", "Help requested from {party}").format(
            party=names.party(str(p["to"]))
        )
        return f"{text}: {p['text']}" if p.get("text") else text
    if kind == "entry_voided" and "reason" in p:
        return translate("EventKinds", "Voided an entry: {reason}").format(reason=p["reason"])
    if kind == "evaluator_note" and "text" in p:
        if p.get("about_unit"):
            return f"{names.party(str(p['about_unit']))}: {p['text']}"
        return str(p["text"])
    if kind == "evaluator_rating" and "rating" in p:
        parts = [rating_name(str(p["rating"]))]
        if p.get("about_unit"):
            parts.insert(0, names.party(str(p["about_unit"])))
        if p.get("objective"):
            parts.append(names.objective(str(p["objective"])))
        if p.get("comment"):
            parts.append(str(p["comment"]))
        return " — ".join(parts)
    return event_kind_names().get(kind, kind)


def unit_label(names: PlanWords, event: Event) -> str:
    if event.unit is not None:
        return names.short_party(event.unit)
    return actor_names().get(event.actor, event.actor)


# --- the model ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedRow:
    event_id: str
    time: str
    unit_key: str  # unit id, or NO_UNIT
    unit: str
    kind: str
    kind_name: str
    summary: str


def feed_row_of(names: PlanWords, event: Event, mark: str = "") -> FeedRow:
    """How the log shows *event* (also what the void dialog shows of an entry)."""
    return FeedRow(
        event_id=event.id,
        time=format_clock(event.scenario_time),
        unit_key=event.unit or NO_UNIT,
        unit=unit_label(names, event),
        kind=event.kind,
        kind_name=event_kind_names().get(event.kind, event.kind),
        summary=mark + summarize_payload(names, event.kind, event.payload),
    )


class EventFeedModel(ReadOnlyTableModel):
    """One row per recorded event, in recording order. Rows are only ever appended."""

    UnitRole = Qt.ItemDataRole.UserRole + 1
    KindRole = Qt.ItemDataRole.UserRole + 2
    EventIdRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, names: PlanWords, parent: QObject | None = None) -> None:
        headers = (
            QCoreApplication.translate("EventFeed", "Time"),
            QCoreApplication.translate("EventFeed", "Unit"),
            QCoreApplication.translate("EventFeed", "Kind"),
            QCoreApplication.translate("EventFeed", "What happened"),
        )
        super().__init__(headers, parent)
        self._names = names
        self._kind_names = event_kind_names()
        self._rows: list[FeedRow] = []
        self._row_of: dict[str, int] = {}
        self.voided: dict[str, str] = {}
        """The reason each voided entry was voided, by its id (the entry keeps its row)."""
        self._ended = False  # voids after the end are corrections of the review stage

    def row(self, row: int) -> FeedRow:
        return self._rows[row]

    def _mark_voided(self, void: Event) -> None:
        entry = str(void.payload["event"])
        self.voided[entry] = str(void.payload["reason"])
        row = self._row_of.get(entry)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _summary(self, row: FeedRow) -> str:
        reason = self.voided.get(row.event_id)
        if reason is None:
            return row.summary
        return translate("EventFeed", "[VOIDED: {reason}] {summary}").format(
            reason=reason, summary=row.summary
        )

    def _row_for(self, event: Event) -> FeedRow:
        return feed_row_of(self._names, event, self._correction_mark(event))

    def _correction_mark(self, event: Event) -> str:
        if event.kind != "entry_voided" or not self._ended:
            return ""
        return translate("EventFeed", "[After the end, in review] ")

    def append_events(self, events: Sequence[Event]) -> None:
        if not events:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(events) - 1)
        for event in events:
            self._rows.append(self._row_for(event))
            self._ended = self._ended or event.kind == "exercise_ended"
        self._row_of.update((e.id, first + i) for i, e in enumerate(events))
        self.endInsertRows()
        for event in events:
            if event.kind == "entry_voided":
                self._mark_voided(event)

    # --- Qt interface ---------------------------------------------------------------

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.time, row.unit, row.kind_name, self._summary(row))[column]
        if role == Qt.ItemDataRole.FontRole and row.event_id in self.voided:
            font = QFont()
            font.setStrikeOut(column != 3)  # the reason stays readable
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            unit = self._names.party(row.unit_key) if row.unit_key else row.unit
            return tooltip_html(
                (row.time, unit, row.kind_name, row.summary)[column]
                if column != 3
                else f"{row.time}  {unit}\n{row.kind_name}\n{self._summary(row)}"
            )
        if role == EventFeedModel.UnitRole:
            return row.unit_key
        if role == EventFeedModel.KindRole:
            return row.kind
        if role == EventFeedModel.EventIdRole:
            return row.event_id
        return None


class EventFilterProxyModel(QSortFilterProxyModel):
    """Rows of one unit (or of no unit) and of one kind; None = every unit / kind."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unit: str | None = None
        self._kind: str | None = None

    @property
    def unit(self) -> str | None:
        return self._unit

    @property
    def kind(self) -> str | None:
        return self._kind

    def set_unit(self, unit: str | None) -> None:
        if unit != self._unit:
            self.beginFilterChange()
            self._unit = unit
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: str | None) -> None:
        if kind != self._kind:
            self.beginFilterChange()
            self._kind = kind
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._unit is not None and model.data(index, EventFeedModel.UnitRole) != self._unit:
            return False
        return self._kind is None or model.data(index, EventFeedModel.KindRole) == self._kind


# --- the panel ---------------------------------------------------------------------------------


class EventFeedPanel(QWidget):
    """The feed with its two filters. Follows new events unless scrolled up."""

    def __init__(self, session: ExerciseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        names = PlanWords(session.plan, scenario=session.scenario)
        self.model = EventFeedModel(names, self)
        self.proxy = EventFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        title = QLabel(self.tr("Event log"), self)
        title_font = QFont(title.font())
        title_font.setBold(True)
        title.setFont(title_font)
        self.unit_filter = QComboBox(self)
        self.unit_filter.setObjectName("unit_filter")
        self.unit_filter.setToolTip(self.tr("Show the events of one unit only"))
        self.unit_filter.setAccessibleName(self.tr("Unit filter"))
        self.unit_filter.addItem(self.tr("All units"), None)
        self.unit_filter.addItem(self.tr("Control cell / system (no unit)"), NO_UNIT)
        for unit in session.scenario.seats:
            self.unit_filter.addItem(session.plan.party_name(unit), unit)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setObjectName("kind_filter")
        self.kind_filter.setToolTip(self.tr("Show one kind of event only"))
        self.kind_filter.setAccessibleName(self.tr("Kind filter"))
        self.kind_filter.addItem(self.tr("All kinds"), None)
        for kind, name in event_kind_names().items():
            self.kind_filter.addItem(name, kind)
        for combo in (self.unit_filter, self.kind_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
        self.unit_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_unit(self.unit_filter.currentData())
        )
        self.kind_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_filter.currentData())
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("event_count")

        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab and Shift+Tab leave the table: no trap
        self.view.setObjectName("event_feed")
        describe(
            self.view,
            self.tr(
                "Everything recorded, with its scenario time; select a unit's entry to void it"
            ),
            self.tr("Event log"),
        )
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        row_height = self.fontMetrics().height() + 8
        self.view.verticalHeader().setDefaultSectionSize(row_height)
        header = self.view.horizontalHeader()
        # At least the newest line (Qt's own minimum is larger): on a laptop screen the
        # board keeps every unit in view (12 named participants at 1366x768) first.
        self.view.setMinimumHeight(header.sizeHint().height() + row_height + 2)
        header.setHighlightSections(False)
        metrics = self.view.fontMetrics()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.view.setColumnWidth(0, metrics.horizontalAdvance("00:00:00") + 16)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(1, metrics.horizontalAdvance("市公安局历下分局") + 16)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        widest_kind = max(metrics.horizontalAdvance(name) for name in event_kind_names().values())
        em = metrics.horizontalAdvance("中")
        self.view.setColumnWidth(2, min(widest_kind, em * 7) + 16)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.empty_hint = QLabel(
            self.tr(
                "Nothing has happened yet. From the start, every action of the control cell and "
                "of the units is logged here with its scenario time."
            ),
            self,
        )
        self.empty_hint.setObjectName("feed_empty_hint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #555; padding: 4px;")

        self._words = names
        self.void_button = QPushButton(self.tr("Void…"), self)
        self.void_button.setObjectName("void_entry")
        self.void_button.setAccessibleName(self.tr("Void"))
        self.void_button.setEnabled(False)
        self.void_button.clicked.connect(self.ask_void)
        self.void_feedback = QLabel(self)
        self.void_feedback.setObjectName("void_feedback")
        self.void_feedback.setWordWrap(True)
        self.void_feedback.hide()  # takes room from the feed only once there is a void
        self.void_dialog: VoidEntryDialog | None = None
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.dataChanged.connect(self._selection_changed)

        self._following = True
        scroll = self.view.verticalScrollBar()
        scroll.valueChanged.connect(self._scrolled)
        scroll.rangeChanged.connect(self._range_changed)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        filters.addWidget(title)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.unit_filter)
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.void_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(filters)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.void_feedback)

        self.model.append_events(session.events)
        # after the proxy (connected first) has taken the new rows in
        self.model.rowsInserted.connect(self._update_count)
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_count)
        self._update_count()
        self._selection_changed()
        session.event_added.connect(self._event_added)

    def _event_added(self, event: Event) -> None:
        self.model.append_events([event])

    # --- voiding a mistaken entry ------------------------------------------------------

    def selected_row(self) -> FeedRow | None:
        rows = self.view.selectionModel().selectedRows()
        if len(rows) != 1:
            return None
        return self.model.row(self.proxy.mapToSource(rows[0]).row())

    def _selection_changed(self, *_args: object) -> None:
        row = self.selected_row()
        self.void_button.setEnabled(can_void(row, self.model.voided))
        explain(
            self.void_button,
            self.tr("Void the selected unit entry as a mistake: it stays in the log, marked"),
            self._why_not_void(row),
        )

    def _why_not_void(self, row: FeedRow | None) -> str:
        if row is None:
            return self.tr("Select a unit's entry in the log first.")
        if row.event_id in self.model.voided:
            return self.tr("This entry has already been voided.")
        return self.tr(
            "Only the units' entries can be voided; control events, injects and "
            "evaluators' records stand as recorded."
        )

    def ask_void(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = VoidEntryDialog(row, self)
        dialog.accepted.connect(lambda: self._send_void(row.event_id, dialog.reason_text()))
        self.void_dialog = dialog
        dialog.open()

    def _send_void(self, entry: str, reason: str) -> None:
        self.void_feedback.show()
        show_feedback(self.void_feedback, self.tr("Recording…"), "wait")
        self.session.send(
            "entry_voided",
            {"event": entry, "reason": reason},
            actor="controller",
            recorded=lambda _e: show_feedback(self.void_feedback, self.tr("Entry voided"), "ok"),
            refused=self._void_refused,
        )

    def _void_refused(self, reason: Refusal) -> None:
        show_feedback(self.void_feedback, refusal_text(reason, self._words), "error")

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.empty_hint.setVisible(total == 0)
        if shown == total:
            self.count_label.setText(self.tr("{count} events").format(count=total))
        else:
            self.count_label.setText(
                self.tr("{shown} of {count} events").format(shown=shown, count=total)
            )

    @property
    def following(self) -> bool:
        """True while the feed scrolls to each new event (the user has not scrolled up)."""
        return self._following

    def _scrolled(self, value: int) -> None:
        self._following = value >= self.view.verticalScrollBar().maximum()

    def _range_changed(self, _minimum: int, maximum: int) -> None:
        if self._following:
            self.view.verticalScrollBar().setValue(maximum)
