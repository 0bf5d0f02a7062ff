"""The status board's model: one row per seated unit, one column per kind of obligation the
scenario can raise (fixed from the start), each cell the most urgent of its lines and
their number, with live minutes from the clock."""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from drill_app.core.board_columns import COLUMN_ORDER, REPORTING_COLUMNS, line_column
from drill_app.core.plan import Plan
from drill_app.core.scoring import Line
from drill_app.ui.shared.table_model import ReadOnlyTableModel
from drill_app.wording.board import STATE_GLYPHS, column_names, state_names
from drill_app.wording.clock import format_clock, format_span
from drill_app.wording.statuses import late_text as line_late_text

AnyIndex = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

DUE_SOON_SECONDS = 5 * 60

# Cell states, most urgent first: the order in which a cell of several lines picks one.
STATES = ("overdue", "soon", "wrong", "pending", "late", "met")
STATE_COLOURS: dict[str, tuple[str, str]] = {  # background, text
    "overdue": ("#d9534f", "#ffffff"),
    "soon": ("#ffd966", "#4d3300"),
    "wrong": ("#8e5ba8", "#ffffff"),
    "pending": ("#e8edf3", "#26323f"),
    "late": ("#f6b26b", "#4a2500"),
    "met": ("#93c47d", "#10330a"),
}
_RANK = {state: i for i, state in enumerate(STATES)}


def late_text(key: str, minutes: int) -> str:
    """ "迟报N分钟" for a report, "延误N分钟" for anything else."""
    return line_late_text(minutes, report=key in REPORTING_COLUMNS)


def column_key(line: Line, report_kinds: Mapping[str, str]) -> str:
    """The board column of a score line (before the fallback to "other")."""
    return line_column(line.kind, line.id, report_kinds)


def whole_minutes(seconds: float) -> int:
    """Minutes left or over, rounded up: a cell says "1分" until the very deadline."""
    return max(1, math.ceil(seconds / 60 - 1e-9)) if seconds > 0 else 0


@dataclass(frozen=True)
class CellWords:
    """A cell's words in the interface language, translated once per board."""

    minutes: str
    hours: str
    late: str
    items: str
    not_done: str

    @classmethod
    def current(cls) -> CellWords:
        return cls(
            minutes=translate("StatusBoard", "{minutes} min"),
            hours=translate("StatusBoard", "{hours} h"),
            late=translate("StatusBoard", "+{minutes} min"),
            items=translate("StatusBoard", "{count} items"),
            not_done=translate("StatusBoard", "Not done"),
        )

    def span(self, minutes: int) -> str:
        """ "12分" below 100 minutes, else whole hours rounded up ("24时")."""
        if minutes < 100:
            return self.minutes.format(minutes=minutes)
        return self.hours.format(hours=math.ceil(minutes / 60))

    def widest(self) -> list[str]:
        """The widest texts a cell line can hold (to size the columns)."""
        return [
            STATE_GLYPHS["overdue"] + self.span(99),
            STATE_GLYPHS["pending"] + self.span(99 * 60),
            STATE_GLYPHS["late"] + self.late.format(minutes=99),
            self.items.format(count=99),
        ]


def line_state(line: Line, now: float, ended: bool) -> tuple[str, float | None]:
    """The live state of a line at scenario time *now*, and the countdown in seconds
    (time left, or time past the deadline when overdue), if there is one to show."""
    if line.status in ("met", "late", "wrong"):
        return line.status, None
    due = line.due_at
    if line.status == "missed":
        return "overdue", (now - due) if due is not None and not ended else None
    if due is None:
        return "pending", None
    left = due - now
    if left < 0:
        return "overdue", -left
    return ("soon" if left <= DUE_SOON_SECONDS else "pending"), left


def unit_labels(plan: Plan, seats: Sequence[str], participants: Mapping[str, str]) -> list[str]:
    """The shortest name of each seated unit (projector-friendly), with its participant."""
    labels = []
    for unit_id in seats:
        unit = plan.units_by_id.get(unit_id)
        names = [unit.name, *unit.aliases] if unit else [plan.party_name(unit_id)]
        short = min(names, key=len)
        person = participants.get(unit_id)
        labels.append(f"{short}\n{person}" if person else short)
    return labels


@dataclass(frozen=True)
class Cell:
    text: str
    state: str
    live: bool
    """The text changes with the clock (minutes left or over are shown)."""
    countdown: float | None = None
    """Seconds left (or past the deadline when overdue) of the most urgent line."""


_EMPTY = Cell("", "", False)


def _urgency(item: tuple[tuple[str, float | None], Line]) -> tuple[int, float]:
    """Most urgent first: by state, then the longest overdue or the least time left."""
    (state, countdown), _line = item
    if state == "overdue":
        return _RANK[state], -(countdown or 0.0)
    return _RANK[state], countdown if countdown is not None else float("inf")


class StatusBoardModel(ReadOnlyTableModel):
    """Units x obligation kinds. The columns are fixed when the board is made (every kind
    the scenario can raise, ``core.board_columns``); fed with score lines (``set_lines``)
    and the clock (``set_now``), both signal only the cells that changed.

    A cell shows the glyph of its most urgent line's state and its minutes ("▲12分": 12
    minutes overdue), with the number of its lines below when there are several ("3项"),
    in the colour of the most urgent; the tooltip lists every line, most urgent first."""

    StateRole = Qt.ItemDataRole.UserRole + 1
    """The cell's state key: overdue, soon, wrong, pending, late, met, or "" when empty."""
    HasLinesRole = Qt.ItemDataRole.UserRole + 2
    """On column 0: the unit has at least one obligation so far."""
    OpenRole = Qt.ItemDataRole.UserRole + 3
    """On column 0: the unit has an obligation not yet done."""
    UnitRole = Qt.ItemDataRole.UserRole + 4
    CountRole = Qt.ItemDataRole.UserRole + 5
    """How many lines the cell holds."""

    def __init__(
        self,
        units: Sequence[tuple[str, str]],
        report_kinds: Mapping[str, str],
        columns: Sequence[str] = COLUMN_ORDER,
        parent: QObject | None = None,
        colours: Mapping[str, str] | None = None,
    ) -> None:
        """*units*: (unit id, label) per row; *report_kinds*: obligation id -> report kind;
        *columns*: the column keys, in order (``core.board_columns.board_columns``; every
        column when not given); a line
        of a column not among them goes to "other" (added last when missing);
        *colours*: unit id -> its colour ("#rrggbb")."""
        super().__init__(parent=parent)
        self._units = list(units)
        self._row_of = {unit: row for row, (unit, _label) in enumerate(self._units)}
        self._report_kinds = dict(report_kinds)
        self._columns = list(dict.fromkeys([*columns, "other"]))
        self._column_of = {key: i + 1 for i, key in enumerate(self._columns)}
        self._names = column_names()
        self._state_names = state_names()
        self._words = CellWords.current()
        self._colours = dict(colours or {})
        self._lines: dict[tuple[int, str], list[Line]] = {}
        self._cells: dict[tuple[int, str], Cell] = {}
        self._live: set[tuple[int, str]] = set()
        self._tooltips: dict[tuple[int, str], str] = {}
        self._now = 0.0
        self._ended = False

    # --- reading ----------------------------------------------------------------------

    @property
    def columns(self) -> tuple[str, ...]:
        """Column keys after the unit column."""
        return tuple(self._columns)

    def column_of(self, key: str) -> int:
        return self._column_of[key]

    def row_of(self, unit: str) -> int:
        return self._row_of[unit]

    def place_at(self, row: int, column: int) -> tuple[str, str]:
        """(unit id, column key) of a cell; the key is "" for the unit's own column."""
        unit = self._units[row][0]
        return unit, self._columns[column - 1] if 0 < column <= len(self._columns) else ""

    def cell_text(self, unit: str, key: str) -> str:
        return self._cells.get((self._row_of[unit], key), _EMPTY).text

    def cell_state(self, unit: str, key: str) -> str:
        return self._cells.get((self._row_of[unit], key), _EMPTY).state

    def counts(self) -> dict[str, int]:
        """How many lines are in each live state now."""
        out = dict.fromkeys(STATES, 0)
        for lines in self._lines.values():
            for line in lines:
                out[line_state(line, self._now, self._ended)[0]] += 1
        return out

    # --- feeding ----------------------------------------------------------------------

    def set_lines(self, lines: Sequence[Line], now: float, ended: bool) -> None:
        """New score lines (after an event): regroup, signal the changed cells."""
        grouped: dict[tuple[int, str], list[Line]] = {}
        for line in lines:
            row = self._row_of.get(line.unit)
            if row is None:
                continue
            key = column_key(line, self._report_kinds)
            grouped.setdefault((row, key if key in self._column_of else "other"), []).append(line)
        self._lines = grouped
        self._tooltips = {}
        self._now, self._ended = now, ended
        old = self._cells
        self._cells = {place: self._cell(place[1], lines) for place, lines in grouped.items()}
        self._live = {place for place, cell in self._cells.items() if cell.live}
        changed = [p for p in set(old) | set(self._cells) if old.get(p) != self._cells.get(p)]
        if changed:  # one signal over the rows concerned (the unit column's roles change too)
            rows = [row for row, _key in changed]
            self.dataChanged.emit(
                self.index(min(rows), 0), self.index(max(rows), self.columnCount() - 1)
            )

    def set_now(self, now: float) -> int:
        """The clock moved: update the live cells; return how many changed.

        Signals ``dataChanged`` for the changed cells only: one signal per run of adjacent
        changed cells in a row (a row's countdowns usually sit side by side)."""
        self._now = now
        changed: dict[int, list[int]] = {}
        for place in self._live:
            cell = self._cell(place[1], self._lines[place])
            if cell != self._cells[place]:
                self._cells[place] = cell
                self._tooltips.pop(place, None)
                changed.setdefault(place[0], []).append(self._column_of[place[1]])
        self._live = {place for place in self._live if self._cells[place].live}
        for row, columns in changed.items():
            columns.sort()
            first = previous = columns[0]
            for column in [*columns[1:], -1]:
                if column != previous + 1:
                    self.dataChanged.emit(self.index(row, first), self.index(row, previous))
                    first = column
                previous = column
        return sum(len(columns) for columns in changed.values())

    def _cell(self, key: str, lines: Sequence[Line]) -> Cell:
        words = self._words
        if len(lines) == 1:
            state, countdown = line_state(lines[0], self._now, self._ended)
        else:
            (state, countdown), _line = min(
                ((line_state(line, self._now, self._ended), line) for line in lines),
                key=_urgency,
            )
        text = STATE_GLYPHS[state]
        if state == "late":
            late = max(line.minutes_late for line in lines if line.status == "late")
            text += words.late.format(minutes=late)
        elif countdown is not None:
            minutes = whole_minutes(countdown)
            text += words.span(minutes)
            countdown = float(minutes)  # the cell changes when its whole minutes do
        elif state == "overdue" and self._ended:
            text += words.not_done
        if len(lines) > 1:
            text += "\n" + words.items.format(count=len(lines))
        return Cell(text, state, countdown is not None, countdown)

    def _tooltip(self, place: tuple[int, str]) -> str:
        tip = self._tooltips.get(place)
        if tip is None:
            tip = self._tooltip_html(self._lines.get(place, []))
            self._tooltips[place] = tip
        return tip

    def _ordered(self, lines: Sequence[Line]) -> list[tuple[tuple[str, float | None], Line]]:
        """The lines with their live state, most urgent first."""
        states = [(line_state(line, self._now, self._ended), line) for line in lines]
        return sorted(states, key=_urgency)

    def _status_text(self, state: str, countdown: float | None, line: Line) -> str:
        if state == "late":
            return late_text(column_key(line, self._report_kinds), line.minutes_late)
        if state == "overdue" and self._ended:
            return translate("StatusBoard", "Not done")
        status = self._state_names[state]
        if countdown is None:
            return status
        template = (
            translate("StatusBoard", "{time} over")
            if state == "overdue"
            else translate("StatusBoard", "{time} left")
        )
        return f"{status} {template.format(time=format_span(countdown))}"

    def _tooltip_html(self, lines: Sequence[Line]) -> str:
        if not lines:
            return ""
        rows = []
        for (state, countdown), line in self._ordered(lines):
            due = (
                format_clock(line.due_at)
                if line.due_at is not None
                else translate("StatusBoard", "no deadline (by the end)")
            )
            done = format_clock(line.done_at) if line.done_at is not None else "—"
            status = self._status_text(state, countdown, line)
            parts = [
                f"<b>{html.escape(line.title)}</b> <span style='color:#555'>"
                f"{html.escape(line.plan_ref)}</span>",
                html.escape(
                    translate("StatusBoard", "Due {due} · done {done} · {status}").format(
                        due=due, done=done, status=status
                    )
                ),
            ]
            if line.detail:
                parts.append(html.escape(line.detail))
            rows.append("<br>".join(parts))
        heading = ""
        if len(lines) > 1:
            heading = html.escape(
                translate("StatusBoard", "{count} obligations, the most urgent first").format(
                    count=len(lines)
                )
            )
            heading = f"<i>{heading}</i><hr>"
        return "<p style='white-space:pre-wrap'>" + heading + "<hr>".join(rows) + "</p>"

    def _accessible_text(self, place: tuple[int, str]) -> str:
        """The cell read aloud: unit, column, the most urgent line's state and time, and
        how many lines it holds."""
        row, key = place
        unit_name = self._units[row][1].replace("\n", " ")
        column = self._names[key][1]
        lines = self._lines.get(place, [])
        if not lines:
            status = translate("StatusBoard", "nothing owed")
        else:
            ordered = self._ordered(lines)
            (state, countdown), line = ordered[0]
            status = f"{self._status_text(state, countdown, line)} ({line.plan_ref})"
            if len(lines) > 1:
                status += " · " + translate(
                    "StatusBoard", "{count} obligations, the most urgent first"
                ).format(count=len(lines))
        return f"{unit_name} · {column}: {status}"

    # --- Qt interface ---------------------------------------------------------------

    def _row_count(self) -> int:
        return len(self._units)

    def _header_titles(self) -> tuple[str, ...]:
        """The unit column's, then the columns' short headers."""
        return (
            translate("StatusBoard", "Unit"),
            *(self._names[key][0] for key in self._columns),
        )

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        # as many as the titles, without translating them for every index
        return 0 if parent.isValid() else 1 + len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        """Short headers; the full name (with its §) as the tooltip and accessible text."""
        full = role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
        if orientation == Qt.Orientation.Horizontal and full:
            if 0 < section <= len(self._columns):
                return self._names[self._columns[section - 1]][1]
            return translate("StatusBoard", "Unit") if section == 0 else None
        return super().headerData(section, orientation, role)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._units):
            return None
        row, column = index.row(), index.column()
        if column == 0:
            return self._unit_data(row, role)
        if not 0 < column <= len(self._columns):
            return None
        place = (row, self._columns[column - 1])
        cell = self._cells.get(place, _EMPTY)
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == StatusBoardModel.StateRole:
            return cell.state
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(STATE_COLOURS[cell.state][0])) if cell.state else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATE_COLOURS[cell.state][1])) if cell.state else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(place) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(place)
        if role == StatusBoardModel.UnitRole:
            return self._units[row][0]
        if role == StatusBoardModel.CountRole:
            return len(self._lines.get(place, ()))
        return None

    def _unit_data(self, row: int, role: int) -> object:
        unit, label = self._units[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == StatusBoardModel.UnitRole:
            return unit
        if role == Qt.ItemDataRole.ForegroundRole and unit in self._colours:
            return QBrush(QColor(self._colours[unit]))
        if role == StatusBoardModel.HasLinesRole:
            return any(r == row for r, _key in self._lines)
        if role == StatusBoardModel.OpenRole:
            return any(
                r == row and cell.state in ("overdue", "soon", "pending")
                for (r, _key), cell in self._cells.items()
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return html.escape(label.replace("\n", " · "))
        return None


class BoardFilterProxyModel(QSortFilterProxyModel):
    """Optionally hides the units that have nothing open (nothing to do, nothing due).

    Which units show is decided only when asked (``set_only_open``, ``refilter``), never
    as a side effect of a cell changing, so rows move only when the board says so."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._only_open = False
        self._shown: tuple[bool, ...] = ()

    @property
    def only_open(self) -> bool:
        return self._only_open

    def set_only_open(self, only_open: bool) -> None:
        if only_open != self._only_open:
            self.beginFilterChange()
            self._only_open = only_open
            self._shown = self._open_rows()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _open_rows(self) -> tuple[bool, ...]:
        model = self.sourceModel()
        return tuple(
            bool(model.index(row, 0).data(StatusBoardModel.OpenRole))
            for row in range(model.rowCount())
        )

    def refilter(self) -> None:
        """Re-evaluate the rows after new lines, if the answer can have changed."""
        if not self._only_open:
            return
        shown = self._open_rows()
        if shown != self._shown:
            self.beginFilterChange()
            self._shown = shown
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._only_open or source_parent.isValid():
            return True
        return source_row < len(self._shown) and self._shown[source_row]
