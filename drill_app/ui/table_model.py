"""One read-only table model for every list of the plan browser."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex

# Cells may hold several items separated by newlines (duties, holders). The table shows
# them on one line, elided; the tooltip and the detail pane show one item per line.
ITEM_SEPARATOR = "\n"
ONE_LINE_SEPARATOR = "  "


class RowTableModel(QAbstractTableModel):
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
        super().__init__(parent)
        for number, row in enumerate(rows):
            if len(row) != len(headers):
                raise ValueError(f"row {number} has {len(row)} cells for {len(headers)} headers")
        self._headers = tuple(headers)
        self._rows = tuple(rows)

    @property
    def headers(self) -> tuple[str, ...]:
        return self._headers

    def row_cells(self, row: int) -> tuple[str, ...]:
        return self._rows[row]

    # --- Qt interface ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

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

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def tooltip_html(text: str) -> str:
    lines = (html.escape(line) for line in text.split(ITEM_SEPARATOR))
    return "<p>" + "<br>".join(lines) + "</p>"
