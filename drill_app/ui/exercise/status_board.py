"""The status board: a row per seated unit, a column per kind of obligation, live deadlines.

The lines come from the core's score (``session.score()``, a pure function of the events):
it is recomputed only when an event is recorded and cached in between. What changes with
the clock alone is derived from the cached lines and ``session.now()`` on each refresh:
the minutes left or over ("○12分" / "▲3分"), "due soon" (five minutes or less left) and
"overdue" (a pending line past its deadline is live-missed). Those refreshes signal
``dataChanged`` for the cells whose text changed, never a reset.

The columns are every kind of obligation the scenario can raise, derived from the plan
and the scenario before the drill starts (``core.board_columns``): none appears or moves
mid-drill. A line's ``kind`` (and for reports, the kind of the plan's obligation its id
names) picks the column; the lines of one unit and column share a cell, which shows the
most urgent of them and how many there are. Short headers, the full name in the header's
tooltip, cells of a glyph and minutes: every column of a built-in scenario fits the
board's share of a 1366-pixel screen.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.board_columns import board_columns
from drill_app.core.events import Event
from drill_app.ui.exercise.status_board_model import (
    STATE_COLOURS,
    BoardFilterProxyModel,
    CellWords,
    StatusBoardModel,
    unit_labels,
)
from drill_app.ui.exercise.status_board_view import FrozenColumnTableView
from drill_app.ui.session import ExerciseSession
from drill_app.wording.board import STATE_GLYPHS, state_names
from drill_app.wording.palette import ERROR_COLOUR
from drill_app.wording.plan_words import PlanWords

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
        words = PlanWords(session.plan)
        labels = unit_labels(session.plan, seats, participants)
        report_kinds = {o.id: o.kind for o in session.plan.reporting.obligations}
        self.model = StatusBoardModel(
            list(zip(seats, labels, strict=True)),
            report_kinds,
            board_columns(session.plan, session.scenario),
            self,
            colours={unit: words.unit_colour(unit) for unit in seats},
        )
        self.proxy = BoardFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self._refilter_pending = False
        self._unit_width = (0, 0)  # wanted, least: set once the labels are measured

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("board_summary")
        self.only_open = QCheckBox(self.tr("Only units with open items"), self)
        self.only_open.setObjectName("only_open")
        self.only_open.setToolTip(
            self.tr("Hide units that have nothing to do or due at the moment")
        )
        self.only_open.toggled.connect(self.proxy.set_only_open)
        self.view = self._make_view()
        # One line that never widens nor heightens the board: the sentence in full is its
        # tooltip.
        self.empty_hint = QLabel(self.tr("From the start: what each unit owes, by when"), self)
        self.empty_hint.setToolTip(
            self.tr(
                "Once the exercise has started and units learn of the incident, this board shows "
                "what each unit owes under the plan and by when."
            )
        )
        self.empty_hint.setObjectName("board_empty_hint")
        self.empty_hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.empty_hint.setStyleSheet("color: #555; padding: 4px;")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._legend())
        layout.addWidget(self.view, 1)

        session.event_added.connect(self._event_added)
        self._size_columns(labels)
        self.rescore()

    def _make_view(self) -> FrozenColumnTableView:
        view = FrozenColumnTableView(self)
        view.setObjectName("status_board")
        view.setAccessibleName(self.tr("Unit status against the plan"))
        view.setModel(self.proxy)
        # One cell is current (the unit and obligation to act for); clock ticks and new
        # events change cells' data only, so it, the selection and the scroll stay put.
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # In the tab order: arrow keys move over the cells, Enter opens the forms.
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        view.setTabKeyNavigation(False)  # Tab leaves the board, never traps
        view.activated.connect(self._activated)
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().hide()
        # signals, not event filters: nothing reaches this panel once it is gone
        view.resized.connect(self._fit_unit_column)
        view.pointer_left.connect(self._pointer_left)
        view.setStyleSheet("QTableView { gridline-color: #ffffff; }")
        # Two lines (glyph and minutes, the number of items; unit and participant), tight
        # enough that every unit of a scenario fits a laptop's screen (1366×768).
        view.set_row_height(2 * self.fontMetrics().lineSpacing() + 4)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        return view

    def _legend(self) -> QHBoxLayout:
        """One heading line: the colour and glyph key, then the summary (or, while nothing
        is owed yet, the hint saying so) and the filter."""
        legend = QHBoxLayout()
        legend.setSpacing(4)
        explanations = {
            "overdue": self.tr("Past the deadline and not done: minutes over"),
            "soon": self.tr("5 minutes or less left"),
            "wrong": self.tr("Done, but not as the plan requires (see the tooltip)"),
            "pending": self.tr("Due later (minutes left), or by the end of the exercise"),
            "late": self.tr("Done after the deadline: minutes late"),
            "met": self.tr("Done in time"),
        }
        for state, name in state_names().items():
            background, text = STATE_COLOURS[state]
            chip = QLabel(f"{STATE_GLYPHS[state]}{name}", self)
            chip.setObjectName(f"legend_{state}")
            chip.setToolTip(explanations[state])
            chip.setStyleSheet(
                f"background: {background}; color: {text}; padding: 1px 4px; border-radius: 3px;"
            )
            legend.addWidget(chip)
        legend.addWidget(self.empty_hint, 1)
        legend.addStretch(0)
        legend.addWidget(self.summary_label)
        legend.addWidget(self.only_open)
        return legend

    def _size_columns(self, labels: Sequence[str]) -> None:
        """The unit column as wide as the longest name; the obligation columns share the
        rest (a projector shows big cells), never narrower than a cell's widest text
        ("▲99分", "○24时", "✓迟15分", "12项") and their short header."""
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        samples = [
            *CellWords.current().widest(),
            *(
                str(self.model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(1, self.model.columnCount())
            ),
        ]
        header.setMinimumSectionSize(max(metrics.horizontalAdvance(t) for t in samples) + 6)
        widest = max(
            (metrics.horizontalAdvance(part) for label in labels for part in label.split("\n")),
            default=metrics.horizontalAdvance("中") * 4,
        )
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self._unit_width = (widest + 10, metrics.horizontalAdvance("中") * 4 + 10)
        self._fit_unit_column()
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        rows = self.model.rowCount()  # the board is never shorter than all its units
        height = header.sizeHint().height() + rows * self.view.verticalHeader().defaultSectionSize()
        self.view.setMinimumHeight(height + 2 * self.view.frameWidth() + 2)

    def _fit_unit_column(self) -> None:
        """Unit names in full when the width allows; when the columns fit only just, the
        names give way (they wrap, never narrower than four characters); when the columns
        scroll sideways anyway, the frozen names keep up to a third of the width."""
        wanted, least = self._unit_width
        if not wanted:
            return
        width = self.view.viewport().width()
        spare = width - (self.model.columnCount() - 1) * (
            self.view.horizontalHeader().minimumSectionSize()
        )
        unit = min(wanted, spare) if spare >= least else min(wanted, width // 3)
        self.view.setColumnWidth(0, max(least, unit))

    def _pointer_left(self) -> None:
        """While the pointer is over the board, hiding units with nothing open waits (no
        row moves under the pointer); it applies when the pointer leaves."""
        if self._refilter_pending:
            self._refilter()

    def _refilter(self) -> None:
        if self.proxy.only_open and self.view.underMouse():
            self._refilter_pending = True
            return
        self._refilter_pending = False
        self.proxy.refilter()

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        if source.isValid():
            self.cell_activated.emit(*self.model.place_at(source.row(), source.column()))

    def rescore(self) -> None:
        """Recompute the score (after an event) and show it."""
        sheet = self.session.score()
        self.model.set_lines(sheet.lines, self.session.now(), sheet.ended)
        self._refilter()
        self._show_summary()

    def refresh(self) -> None:
        """The clock moved (the view's refresh timer): countdowns and live states only."""
        if self.model.set_now(self.session.now()):
            self._refilter()
            self._show_summary()

    def _event_added(self, _event: Event) -> None:
        self.rescore()

    def _show_summary(self) -> None:
        counts = self.model.counts()
        empty = not any(counts.values())
        self.empty_hint.setVisible(empty)
        self.summary_label.setVisible(not empty)
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
        # Beside the key: the glyphs and their numbers; the sentence is the tooltip
        shown = [("overdue", counts["overdue"]), ("soon", counts["soon"])]
        shown += [("wrong", counts["wrong"])] if counts["wrong"] else []
        shown += [("pending", counts["pending"]), ("met", counts["met"] + counts["late"])]
        self.summary_label.setText("  ".join(f"{STATE_GLYPHS[k]}{n}" for k, n in shown))
        self.summary_label.setToolTip(text)
        self.summary_label.setAccessibleName(text)
        self.summary_label.setStyleSheet(
            f"color: {ERROR_COLOUR}; font-weight: bold;" if counts["overdue"] else ""
        )
