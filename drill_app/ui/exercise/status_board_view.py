"""The status board's table: its first column (the units) stays in place when the other
columns scroll sideways (a narrow window, a scenario of many kinds of obligation).

Qt's frozen-column pattern: a second table view over the first column, on the same model
and selection, its rows scrolled with the main view's. It takes no focus: the keyboard
stays on the main view (Tab in and out, arrows over the cells)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QTableView, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex


class FrozenColumnTableView(QTableView):
    """A table view whose column 0 does not scroll horizontally."""

    resized = Signal()
    """The view (and its viewport) changed size."""
    pointer_left = Signal()
    """The pointer left the view (its cells, its frozen column and its headers)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frozen = QTableView(self)
        frozen.setObjectName("status_board_units")
        frozen.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        frozen.verticalHeader().hide()
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        frozen.horizontalHeader().setHighlightSections(False)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        frozen.setFrameShape(QFrame.Shape.NoFrame)
        frozen.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        frozen.setWordWrap(True)
        frozen.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.frozen = frozen
        self.viewport().stackUnder(frozen)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        frozen.activated.connect(self.activated)
        frozen.show()

    # --- kept in step with the main view ----------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        self.frozen.setModel(model)
        self.frozen.setSelectionModel(self.selectionModel())
        for column in range(1, model.columnCount() if model is not None else 0):
            self.frozen.setColumnHidden(column, True)
        self._place()

    def set_row_height(self, height: int) -> None:
        """Every row *height* pixels high, in both views."""
        for view in (self, self.frozen):
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            view.verticalHeader().setDefaultSectionSize(height)

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0:
            self.frozen.setColumnWidth(0, new)
            self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()
        self.resized.emit()

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.pointer_left.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._place()

    def _place(self) -> None:
        frozen_header, header = self.frozen.horizontalHeader(), self.horizontalHeader()
        frozen_header.setFixedHeight(header.height())
        frame = self.frameWidth()
        self.frozen.setGeometry(
            frame,
            frame,
            self.columnWidth(0),
            self.viewport().height() + self.horizontalHeader().height(),
        )

    # --- the keyboard never puts the current cell under the frozen column ------------------

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        current = super().moveCursor(cursorAction, modifiers)
        left = self.visualRect(current).left()
        if current.column() > 0 and left < self.frozen.columnWidth(0):
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() + left - self.frozen.columnWidth(0))
        return current

    def scrollTo(
        self,
        index: AnyIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        if index.column() == 0:  # the row only: the frozen column is always in view
            beside = self.columnAt(self.frozen.columnWidth(0) + 1)
            model = self.model()
            if beside < 0 or model is None or not index.isValid():
                return
            index = model.index(index.row(), beside)
        super().scrollTo(index, hint)
