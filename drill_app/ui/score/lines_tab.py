"""The score view's first tab: the scoring sheet as the engine scored it.

Totals by unit and by category, one row per scored line with its § (filtered by unit and
category), and the events that are the selected line's evidence. Buttons offer the
selected line to the improvement plan and to the findings; the view wires them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.scoring import Line, ScoreSheet, Total
from drill_app.ui.score.evidence_void import EvidenceVoidWidget
from drill_app.ui.score.texts import (
    IMPROVABLE,
    NO_TIME,
    describe_event,
    line_title,
    number_text,
    time_text,
)
from drill_app.ui.shared.describe import describe, explain
from drill_app.ui.shared.table_model import (
    RowsModel,
    TableRow,
    bold_label,
    make_table,
    selected_key,
)
from drill_app.wording import PlanWords
from drill_app.wording.clock import clock_text
from drill_app.wording.events import event_kind_name
from drill_app.wording.palette import HINT_COLOUR, LINE_STATUS_COLOURS
from drill_app.wording.statuses import line_status_text

if TYPE_CHECKING:
    from drill_app.ui.session import ExerciseSession

AnyIndex = QModelIndex | QPersistentModelIndex


class ColumnFilterProxyModel(QSortFilterProxyModel):
    """Keeps the rows whose cells equal the chosen texts (column → text; None = any)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._wanted: dict[int, str | None] = {}

    def set_filter(self, column: int, text: str | None) -> None:
        self.beginFilterChange()
        self._wanted[column] = text
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        for column, text in self._wanted.items():
            if text is None:
                continue
            if model.index(source_row, column, source_parent).data() != text:
                return False
        return True


class LinesTab(QWidget):
    """Totals, scored lines and the evidence of the selected line."""

    improvement_suggested = Signal(object)  # the selected Line (missed, late or wrong)
    finding_suggested = Signal(object)  # the selected Line (anything but pending)
    unit_chosen = Signal(object)  # a unit id, or None for all units

    LINE_COLUMNS = 10

    def __init__(self, session: ExerciseSession, words: PlanWords, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.words = words
        self._lines: dict[str, Line] = {}
        upper = QWidget(self)
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(self._build_totals())
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(self._build_lines())
        lower_layout.addWidget(self.lines_view, 3)
        lower_layout.addLayout(self._build_evidence())
        lower_layout.addWidget(self.evidence_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        row_height = self.fontMetrics().lineSpacing() + 10
        splitter.setSizes([row_height * 7 + 30, row_height * 30])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.lines_view.selectionModel().selectionChanged.connect(self._line_selected)

    def _build_totals(self) -> QHBoxLayout:
        """The totals by unit and by category, side by side."""
        self.unit_totals = RowsModel(
            (self.tr("Unit"), self.tr("Points"), self.tr("Max"), self.tr("Percent")), self
        )
        self.category_totals = RowsModel(
            (self.tr("Category"), self.tr("Points"), self.tr("Max"), self.tr("Percent")), self
        )
        self.unit_totals_view = make_table(self.unit_totals, self, 0)
        self.unit_totals_view.setObjectName("unit_totals")
        describe(
            self.unit_totals_view,
            self.tr("Points by unit; select a unit to show its items"),
            self.tr("Totals by unit"),
        )
        self.unit_totals_view.selectionModel().selectionChanged.connect(self._unit_total_selected)
        self.category_totals_view = make_table(self.category_totals, self, 0)
        self.category_totals_view.setObjectName("category_totals")
        describe(
            self.category_totals_view,
            self.tr("Points by category of the scoring rules"),
            self.tr("Totals by category"),
        )
        totals = QHBoxLayout()
        for title, view in (
            (self.tr("By unit"), self.unit_totals_view),
            (self.tr("By category"), self.category_totals_view),
        ):
            box = QVBoxLayout()
            box.addWidget(QLabel(f"<b>{title}</b>", self))
            box.addWidget(view)
            totals.addLayout(box, 1)
        return totals

    def _build_lines(self) -> QHBoxLayout:
        """The scored lines (self.lines_view); returns their title row with the filters."""
        self.lines = RowsModel(
            (
                self.tr("Category"),
                self.tr("Unit"),
                self.tr("Item"),
                self.tr("§"),
                self.tr("Due"),
                self.tr("Done"),
                self.tr("Status"),
                self.tr("Points"),
                self.tr("Max"),
                self.tr("Detail"),
            ),
            self,
        )
        self.lines_proxy = ColumnFilterProxyModel(self)
        self.lines_proxy.setSourceModel(self.lines)
        self.lines_view = make_table(self.lines_proxy, self, 2, {1: 170})
        self.lines_view.setObjectName("lines")
        describe(
            self.lines_view,
            self.tr("Every scored item: what the plan asks, what was done, the points"),
            self.tr("Scoring sheet"),
        )
        self.lines_view.setSortingEnabled(False)
        self.unit_filter = QComboBox(self)
        self.unit_filter.setObjectName("unit_filter")
        describe(
            self.unit_filter, self.tr("Show the items of one unit only"), self.tr("Unit filter")
        )
        self.category_filter = QComboBox(self)
        self.category_filter.setObjectName("category_filter")
        describe(
            self.category_filter,
            self.tr("Show the items of one category only"),
            self.tr("Category filter"),
        )
        self.unit_filter.currentIndexChanged.connect(self._unit_filter_changed)
        self.category_filter.currentIndexChanged.connect(
            lambda _i: self.lines_proxy.set_filter(0, self.category_filter.currentData())
        )
        filters = QHBoxLayout()
        filters.addWidget(bold_label(self.tr("Scored items"), self))
        filters.addStretch(1)
        for text, combo in (
            (self.tr("Unit"), self.unit_filter),
            (self.tr("Category"), self.category_filter),
        ):
            label = QLabel(text, self)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
        return filters

    def _build_evidence(self) -> QHBoxLayout:
        """The selected line's evidence (self.evidence_view); returns its title row."""
        self.evidence = RowsModel(
            (self.tr("Time"), self.tr("Unit"), self.tr("Event"), self.tr("Content")), self
        )
        self.evidence_view = make_table(self.evidence, self, 3)
        self.evidence_view.setObjectName("evidence")
        describe(
            self.evidence_view,
            self.tr("The log entries the selected item was judged on"),
            self.tr("Evidence"),
        )
        self.evidence_title = QLabel(self)
        self.evidence_title.setObjectName("evidence_title")
        self.evidence_title.setWordWrap(True)
        self.suggest_button = QPushButton(self.tr("Add an improvement item for this"), self)
        self.suggest_button.setObjectName("suggest_improvement")
        self.suggest_button.setEnabled(False)
        self.suggest_button.clicked.connect(self._suggest_improvement)
        self.finding_button = QPushButton(self.tr("Record a strength or problem about this"), self)
        self.finding_button.setObjectName("suggest_finding")
        self.finding_button.setEnabled(False)
        self.finding_button.clicked.connect(self._suggest_finding)
        evidence_header = QHBoxLayout()
        evidence_header.addWidget(self.evidence_title, 1)
        evidence_header.addWidget(self.finding_button)
        evidence_header.addWidget(self.suggest_button)
        self.void_controls = EvidenceVoidWidget(self.session, self.words, self.evidence_view, self)
        evidence_header.addWidget(self.void_controls)
        return evidence_header

    def show_sheet(self, sheet: ScoreSheet) -> None:
        """Fill the totals and lines from *sheet*, keeping the filters."""
        self.unit_totals.set_rows(
            [
                TableRow(self._total_cells(self.words.party(unit), total), unit)
                for unit, total in sheet.by_unit.items()
            ]
        )
        self.category_totals.set_rows(
            [
                TableRow(self._total_cells(self._category_name(category), total), category)
                for category, total in sheet.by_category.items()
            ]
        )
        self._lines = {line.id: line for line in sheet.lines}
        self.lines.set_rows(
            [
                TableRow(self.line_cells(line), line.id, {6: LINE_STATUS_COLOURS[line.status]})
                for line in sheet.lines
            ]
        )
        self._fill_filter(
            self.unit_filter,
            [self.words.party(u) for u in dict.fromkeys(x.unit for x in sheet.lines)],
        )
        self._fill_filter(
            self.category_filter,
            [self._category_name(c) for c in dict.fromkeys(x.category for x in sheet.lines)],
        )
        self._line_selected()

    def line_cells(self, line: Line) -> tuple[str, ...]:
        return (
            self._category_name(line.category),
            self.words.party(line.unit),
            self.line_title(line),
            line.plan_ref,
            time_text(line.due_at),
            time_text(line.done_at),
            line_status_text(line),
            number_text(line.points),
            number_text(line.max_points),
            line.detail,
        )

    def line_title(self, line: Line) -> str:
        return line_title(line, self.words)

    def _category_name(self, category: str) -> str:
        for candidate in self.session.mirror.rules.categories:
            if candidate.id == category:
                return candidate.name_en if self.words.english else candidate.name
        return category

    def _total_cells(self, name: str, total: Total) -> tuple[str, ...]:
        return (
            name,
            number_text(total.points),
            number_text(total.max_points),
            f"{number_text(total.percent)}%",
        )

    def _fill_filter(self, combo: QComboBox, names: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All"), None)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def selected_line(self) -> Line | None:
        key = selected_key(self.lines_view)
        return self._lines.get(str(key)) if key is not None else None

    def select_line(self, line_id: str) -> None:
        row = self.lines.row_of(line_id)
        proxy_index = self.lines_proxy.mapFromSource(self.lines.index(row, 0))
        self.lines_view.selectRow(proxy_index.row())

    def _line_selected(self, *_args: object) -> None:
        line = self.selected_line()
        self.suggest_button.setEnabled(line is not None and line.status in IMPROVABLE)
        self.finding_button.setEnabled(line is not None and line.status != "pending")
        select = self.tr("Select a scored item above first.")
        explain(
            self.suggest_button,
            self.tr("Start an improvement plan item from the selected scored item"),
            select if line is None else self.tr("This item was done as the plan asks."),
        )
        explain(
            self.finding_button,
            self.tr("Record a strength or a problem citing the selected item as evidence"),
            select if line is None else self.tr("This item is not decided yet."),
        )
        if line is None:
            evidence, hint = self.tr("Evidence"), self.tr("select an item above")
            self.evidence_title.setText(
                f"<b>{evidence}</b>  <span style='color: {HINT_COLOUR}'>{hint}</span>"
            )
            self.evidence.set_rows([])
            return
        by_id = {event.id: event for event in self.session.events}
        rows = []
        for event_id in line.evidence:
            event = by_id.get(event_id)
            if event is None:
                continue
            rows.append(
                TableRow(
                    (
                        clock_text(event.scenario_time),
                        self.words.party(event.unit) if event.unit else NO_TIME,
                        event_kind_name(event.kind),
                        describe_event(event, self.words),
                    ),
                    event.id,
                )
            )
        self.evidence.set_rows(rows)
        title = self.tr("Evidence for: {item}").format(item=self.line_title(line))
        if not rows:
            title += "  " + self.tr("(no event)")
        self.evidence_title.setText(f"<b>{title}</b>")

    def _unit_of(self, name: object) -> str | None:
        return next((u for u in self.session.scenario.seats if self.words.party(u) == name), None)

    def _unit_filter_changed(self, _index: int) -> None:
        name = self.unit_filter.currentData()
        self.lines_proxy.set_filter(1, name)
        self.unit_chosen.emit(self._unit_of(name))

    def _unit_total_selected(self, *_args: object) -> None:
        unit = selected_key(self.unit_totals_view)
        if isinstance(unit, str) and unit in self.session.scenario.seats:
            self.unit_chosen.emit(unit)

    def _suggest_improvement(self) -> None:
        line = self.selected_line()
        if line is not None and line.status in IMPROVABLE:
            self.improvement_suggested.emit(line)

    def _suggest_finding(self) -> None:
        line = self.selected_line()
        if line is not None:
            self.finding_suggested.emit(line)
