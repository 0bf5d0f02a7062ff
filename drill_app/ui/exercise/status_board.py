"""The status board: a row per seated unit, a column per kind of obligation, live deadlines.

The lines come from the core's score (``session.score()``, a pure function of the events):
it is recomputed only when an event is recorded and cached in between. What changes with
the clock alone is derived from the cached lines and ``session.now()`` on each refresh:
the countdown ("剩 12:30" / "超 03:10"), "due soon" (five minutes or less left) and
"overdue" (a pending line past its deadline is live-missed). Those refreshes signal
``dataChanged`` for the cells whose text changed, never a reset.

Columns are derived from the lines: a line's ``kind`` (and for reports, the kind of the
plan's obligation its id names) picks the column; the lines of one unit and column share
a cell, which shows the most urgent of them. A column appears when its first line does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.events import Event
from drill_app.ui.exercise.status_board_model import (
    STATE_COLOURS,
    BoardFilterProxyModel,
    StatusBoardModel,
    state_names,
    unit_labels,
)
from drill_app.ui.session import ExerciseSession
from drill_app.wording.palette import ERROR_COLOUR

# --- the panel ---------------------------------------------------------------------------------


class StatusBoardPanel(QWidget):
    """The board with its legend and the filter, fed by the session."""

    cell_activated = Signal(str, str)
    """A unit's row or cell was double-clicked (or Enter pressed on it): (unit id, column
    key, "" for the unit's name)."""

    def __init__(self, session: ExerciseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        participants = dict(session.loaded.seats)
        seats = list(session.scenario.seats)
        labels = unit_labels(session.plan, seats, participants)
        report_kinds = {o.id: o.kind for o in session.plan.reporting.obligations}
        self.model = StatusBoardModel(list(zip(seats, labels, strict=True)), report_kinds, self)
        self.proxy = BoardFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)

        title = self.tr("Unit status against the plan")
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("board_summary")
        self.only_open = QCheckBox(self.tr("Only units with open items"), self)
        self.only_open.setObjectName("only_open")
        self.only_open.setToolTip(
            self.tr("Hide units that have nothing to do or due at the moment")
        )
        self.only_open.setAccessibleName(self.tr("Only units with open items"))
        self.only_open.toggled.connect(self.proxy.set_only_open)

        self.view = QTableView(self)
        self.view.setObjectName("status_board")
        self.view.setToolTip(
            self.tr("What each unit owes, by when; Enter or a double click acts for it")
        )
        self.view.setModel(self.proxy)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # In the tab order: arrow keys move over the cells, Enter opens the forms.
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setTabKeyNavigation(False)  # Tab leaves the board, never traps
        self.view.activated.connect(self._activated)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().hide()
        line_height = self.fontMetrics().lineSpacing()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # Two lines (state and countdown; unit and participant), tight enough that every
        # unit of a scenario fits a laptop's screen (1366×768) without scrolling.
        self.view.verticalHeader().setDefaultSectionSize(2 * line_height + 4)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        em = self.fontMetrics().horizontalAdvance("中")
        self._column_width = (
            max(
                self.fontMetrics().horizontalAdvance(text)
                for text in ("已超时", "即将到期", "剩 00:00", "1:00:00 left", "Due soon")
            )
            + 14
        )
        header.setMinimumSectionSize(self._column_width)
        widest_label = max(
            (
                self.fontMetrics().horizontalAdvance(part)
                for label in labels
                for part in label.split("\n")
            ),
            default=em * 4,
        )
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.view.setColumnWidth(0, min(widest_label, em * 10) + 14)
        self.empty_hint = QLabel(
            self.tr(
                "Once the exercise has started and units learn of the incident, this board shows "
                "what each unit owes under the plan and by when."
            ),
            self,
        )
        self.empty_hint.setObjectName("board_empty_hint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #555; padding: 4px;")
        self.view.setStyleSheet("QTableView { gridline-color: #ffffff; }")
        self.model.columnsInserted.connect(self._size_columns)

        legend = QHBoxLayout()
        legend.setSpacing(4)
        explanations = {
            "overdue": self.tr("Past the deadline and not done"),
            "soon": self.tr("5 minutes or less left"),
            "wrong": self.tr("Done, but not as the plan requires (see the tooltip)"),
            "pending": self.tr("Due later, or by the end of the exercise"),
            "late": self.tr("Done after the deadline"),
            "met": self.tr("Done in time"),
        }
        for state, name in state_names().items():
            background, text = STATE_COLOURS[state]
            chip = QLabel(name, self)
            chip.setObjectName(f"legend_{state}")
            chip.setToolTip(explanations[state])
            chip.setStyleSheet(
                f"background: {background}; color: {text}; padding: 1px 6px; border-radius: 3px;"
            )
            legend.addWidget(chip)
        # One heading line: the colour key, then the summary (or, while nothing is owed
        # yet, the hint saying so) and the filter, so every row of a scenario's units
        # fits a laptop's screen (1366×768). The board's title is its accessible name.
        legend.addWidget(self.empty_hint, 1)
        legend.addStretch(0)
        legend.addWidget(self.summary_label)
        legend.addWidget(self.only_open)
        self.view.setAccessibleName(title)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(legend)
        layout.addWidget(self.view, 1)

        session.event_added.connect(self._event_added)
        self.rescore()
        self._size_columns()

    def _size_columns(self, *_args: object) -> None:
        """Obligation columns share the width (a projector shows big cells), never narrower
        than their state text and their header."""
        header = self.view.horizontalHeader()
        metrics = header.fontMetrics()
        narrowest = self._column_width
        for column in range(1, self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            widest = max(metrics.horizontalAdvance(part) for part in title.split("\n"))
            narrowest = max(narrowest, widest + 16)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(narrowest)
        empty = self.model.columnCount() <= 1
        self.empty_hint.setVisible(empty)
        self.summary_label.setVisible(not empty)
        self._fit_rows()

    def _fit_rows(self) -> None:
        """The board is never shorter than all its units: no unit is scrolled away."""
        rows = self.model.rowCount()
        header = self.view.horizontalHeader().sizeHint().height()
        height = header + rows * self.view.verticalHeader().defaultSectionSize()
        self.view.setMinimumHeight(height + 2 * self.view.frameWidth() + 2)

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self.cell_activated.emit(*self.model.place_at(source.row(), source.column()))

    def rescore(self) -> None:
        """Recompute the score (after an event) and show it."""
        sheet = self.session.score()
        self.model.set_lines(sheet.lines, self.session.now(), sheet.ended)
        self.proxy.refilter()
        self._show_summary()

    def refresh(self) -> None:
        """The clock moved (the view's refresh timer): countdowns and live states only."""
        if self.model.set_now(self.session.now()):
            self.proxy.refilter()
            self._show_summary()

    def _event_added(self, _event: Event) -> None:
        self.rescore()

    def _show_summary(self) -> None:
        counts = self.model.counts()
        text = self.tr(
            "{overdue} overdue · {soon} due soon · {pending} to do · {done} done"
        ).format(
            overdue=counts["overdue"],
            soon=counts["soon"],
            pending=counts["pending"],
            done=counts["met"] + counts["late"],
        )
        if counts["wrong"]:
            text += self.tr(" · {wrong} wrong").format(wrong=counts["wrong"])
        self.summary_label.setText(text)
        self.summary_label.setStyleSheet(
            f"color: {ERROR_COLOUR}; font-weight: bold;" if counts["overdue"] else ""
        )
