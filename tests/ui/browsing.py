"""Helpers of the plan browser tests: reading what a section's tables show.

A plain module, not a test file: pytest puts tests/ui on sys.path, so tests import it as
``browsing``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from drill_app.ui.plan.plan_browser import PlanBrowserWindow


def headers(view: QTableView) -> list[str]:
    model = view.model()
    return [
        model.headerData(column, Qt.Orientation.Horizontal) for column in range(model.columnCount())
    ]


def column_texts(view: QTableView, header: str) -> list[str]:
    """What the view shows in the column titled *header*, top to bottom."""
    model = view.model()
    column = headers(view).index(header)
    return [model.index(row, column).data() for row in range(model.rowCount())]


def row_texts(view: QTableView, row: int) -> dict[str, str]:
    """The shown row *row* as {column title: text}."""
    model = view.model()
    return {title: model.index(row, column).data() for column, title in enumerate(headers(view))}


def find_row(view: QTableView, header: str, text: str) -> int:
    texts = column_texts(view, header)
    assert text in texts, f"{text!r} not in column {header!r}: {texts}"
    return texts.index(text)


def table_view(window: PlanBrowserWindow, section: str, table: str) -> QTableView:
    window.show_section(section)
    return window.section(section).table(table).view
