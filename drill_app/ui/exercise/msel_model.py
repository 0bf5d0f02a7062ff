"""The MSEL as a table model: rows, statuses, local holds, and conditions in words.

Rows are the scenario's scripted injects in MSEL order, then the ad-hoc injects written
during the exercise. Statuses come from the read model (``session.mirror``): delivered
and skipped injects from the recorded events, due ones from the core's release times.
Delaying is a local hold kept here (see ``msel_panel``).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from drill_app.core.events import Event
from drill_app.core.exercise import inject_payload
from drill_app.core.facts import FACTS_BY_KEY, FactValue
from drill_app.core.scenario import Inject, InjectCondition
from drill_app.ui.exercise.event_feed import summarize_payload
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.table_model import ReadOnlyTableModel, tooltip_html
from drill_app.wording import PlanWords
from drill_app.wording.clock import format_clock, format_hhmm
from drill_app.wording.events import event_kind_names, report_kind_name

AnyIndex = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

DUE_BACKGROUND = QColor("#ffe08a")
DUE_FOREGROUND = QColor("#5c3c00")
HELD_FOREGROUND = QColor("#7a5a00")
DONE_FOREGROUND = QColor("#6b6b6b")
SENDING_FOREGROUND = QColor("#1a4f8a")


# --- conditions in words -------------------------------------------------------------------------

_OPERATORS = {">": ">", ">=": "≥", "<": "<", "<=": "≤", "==": "=", "!=": "≠"}


def _number(value: FactValue) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def describe_expectation(names: PlanWords, expectation_id: str) -> str:
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
    if prefix == "scenario" and rest and names.scenario is not None:
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


def describe_condition(names: PlanWords, condition: InjectCondition) -> str:
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
        self.names = PlanWords(session.plan, scenario=session.scenario)
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
