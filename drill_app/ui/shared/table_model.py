"""Read-only table models: ``ReadOnlyTableModel``, the base of the application's tables
(headers, row numbers, selectable but not editable cells), ``RowTableModel`` for the plan
browser's fixed lists, ``RowsModel`` for the console's lists whose rows are replaced as
events arrive, and the helpers that make a table view of any of them."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex

# Cells may hold several items separated by newlines (duties, holders). The table shows
# them on one line, elided; the tooltip and the detail pane show one item per line.
ITEM_SEPARATOR = "\n"
ONE_LINE_SEPARATOR = "  "


class ReadOnlyTableModel(QAbstractTableModel):
    """A flat table of rows under column headers; cells are enabled and selectable, never
    editable, and the rows are numbered from 1 in the vertical header.

    Subclasses give the number of rows (``_row_count``) and the headers: fixed *headers*
    passed here (or set as ``self._headers`` after ``super().__init__`` when made with
    ``self.tr``), or an override of ``_header_titles`` for headers that change. The number
    of columns is the number of headers.
    """

    def __init__(self, headers: Sequence[str] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)

    def _header_titles(self) -> Sequence[str]:
        return self._headers

    def _row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header_titles())

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            titles = self._header_titles()
            return titles[section] if 0 <= section < len(titles) else None
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class RowTableModel(ReadOnlyTableModel):
    """Rows of text under fixed headers; nothing is editable.

    ``rows`` are tuples of strings, one per header. ``FullTextRole`` gives a cell's text
    unchanged (with its newlines), for the detail pane and for tests.
    """

    FullTextRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        headers: Sequence[str],
        rows: Sequence[tuple[str, ...]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(headers, parent)
        for number, row in enumerate(rows):
            if len(row) != len(headers):
                raise ValueError(f"row {number} has {len(row)} cells for {len(headers)} headers")
        self._rows = tuple(rows)

    @property
    def headers(self) -> tuple[str, ...]:
        return self._headers

    def row_cells(self, row: int) -> tuple[str, ...]:
        return self._rows[row]

    # --- Qt interface ---------------------------------------------------------------

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text.replace(ITEM_SEPARATOR, ONE_LINE_SEPARATOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Rich text so that long duties wrap instead of making a screen-wide tooltip.
            return tooltip_html(text) if text else None
        if role == RowTableModel.FullTextRole:
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None


def tooltip_html(text: str) -> str:
    lines = (html.escape(line) for line in text.split(ITEM_SEPARATOR))
    return "<p>" + "<br>".join(lines) + "</p>"


# --- a table whose rows change as events arrive ----------------------------------------------


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    key: object = None
    colours: Mapping[int, str] = field(default_factory=dict)
    """Text colour by column."""
    tooltip: str = ""


class RowsModel(ReadOnlyTableModel):
    """Rows of text under fixed headers, replaced as a whole when the data changes.

    Replacing rows of the same count keeps the selection (dataChanged, not a reset).
    ``KeyRole`` gives the row's key (an id), ``FullTextRole`` a cell's whole text.
    """

    KeyRole = Qt.ItemDataRole.UserRole + 1
    FullTextRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(headers, parent)
        self._rows: list[TableRow] = []

    @property
    def rows(self) -> list[TableRow]:
        return list(self._rows)

    def set_rows(self, rows: Sequence[TableRow]) -> None:
        for number, row in enumerate(rows):
            if len(row.cells) != len(self._headers):
                raise ValueError(f"row {number} has {len(row.cells)} cells")
        if len(rows) == len(self._rows) and [r.key for r in rows] == [r.key for r in self._rows]:
            self._rows = list(rows)
            if rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(rows) - 1, len(self._headers) - 1)
                )
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_of(self, key: object) -> int:
        for number, row in enumerate(self._rows):
            if row.key == key:
                return number
        return -1

    def key(self, row: int) -> object:
        return self._rows[row].key if 0 <= row < len(self._rows) else None

    def cell(self, row: int, column: int) -> str:
        return self._rows[row].cells[column]

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        text = row.cells[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, RowsModel.FullTextRole):
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tooltip or text or None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = row.colours.get(index.column())
            return QBrush(QColor(colour)) if colour else None
        if role == RowsModel.KeyRole:
            return row.key
        return None


def bold_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def make_table(
    model: QAbstractItemModel,
    parent: QWidget,
    stretch: int | Sequence[int],
    widths: Mapping[int, int] | None = None,
) -> QTableView:
    """A read-only table: *stretch* columns share the free width, *widths* are set by hand
    (wrapped text), the others fit their contents."""
    view = QTableView(parent)
    view.setTabKeyNavigation(False)  # Tab and Shift+Tab leave the table: no focus trap
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in [stretch] if isinstance(stretch, int) else stretch:
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    for column, width in (widths or {}).items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, width)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def selected_key(view: QTableView) -> object:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].data(RowsModel.KeyRole) if rows else None
