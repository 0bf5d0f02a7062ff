"""The plan browser: every section of the plan as read-only tables, with their § references."""

from __future__ import annotations

import html
from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from drill_app import __version__
from drill_app.core.plan import Plan, load_plan
from drill_app.core.sourcefile import DataFileError
from drill_app.paths import PLANS_DIR
from drill_app.ui.plan.plan_sections import SectionSpec, TableSpec, build_sections, plan_title
from drill_app.ui.shared.describe import describe
from drill_app.ui.shared.dialogs import ProblemListDialog, show_about
from drill_app.ui.shared.i18n import DEFAULT_LANGUAGE, is_english
from drill_app.ui.shared.screen_fit import fit_to_screen
from drill_app.ui.shared.table_model import ITEM_SEPARATOR, RowTableModel

# Padding added to a column's text width (cell margins), in pixels.
COLUMN_PADDING = 16
# Tables with at most this many rows are shown whole; longer ones scroll.
SHORT_TABLE_ROWS = 8


class PlanTableWidget(QWidget):
    """One titled table of a section: a view over a filter proxy over a RowTableModel."""

    row_selected = Signal(str)  # the detail HTML of the row that became current

    def __init__(
        self,
        section_title: str,
        spec: TableSpec,
        fit_rows: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.fit_rows = fit_rows  # show every row, no scrolling; else take the free space
        self._section_title = section_title
        self.model = RowTableModel(spec.headers, spec.rows, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.title_label = QLabel(f"<b>{html.escape(spec.title)}</b>", self)
        self.view = QTableView(self)
        self.view.setTabKeyNavigation(False)  # Tab and Shift+Tab leave the table: no trap
        self.view.setObjectName(spec.key)
        describe(
            self.view,
            self.tr("{table} ({section}): select a row to read it whole below").format(
                table=spec.title, section=section_title
            ),
            spec.title,
        )
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)  # long text is elided; the detail pane shows it whole
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._size_columns()
        if self.fit_rows:
            self._fit_height()
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.view)
        if self.fit_rows:
            layout.addStretch(1)

    def _size_columns(self) -> None:
        """Fit each column to its text, up to the spec's width; stretch columns share the rest."""
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        metrics = self.view.fontMetrics()
        header_metrics = header.fontMetrics()
        em = metrics.horizontalAdvance("中")
        header.setMinimumSectionSize(em * 3)
        for column, spec in enumerate(self.spec.columns):
            if spec.width <= 0:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            title_width = header_metrics.horizontalAdvance(spec.title) + COLUMN_PADDING
            widest_text = max(
                (
                    metrics.horizontalAdvance(cells[column].replace(ITEM_SEPARATOR, "  "))
                    for cells in self.spec.rows
                ),
                default=0,
            )
            text_width = min(widest_text + COLUMN_PADDING, round(spec.width * em))
            self.view.setColumnWidth(column, max(title_width, text_width))

    def _fit_height(self) -> None:
        rows = max(len(self.spec.rows), 1)
        height = (
            self.view.horizontalHeader().sizeHint().height()
            + rows * self.view.verticalHeader().defaultSectionSize()
            + 2 * self.view.frameWidth()
            + 2
        )
        self.view.setFixedHeight(height)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)

    def visible_rows(self) -> int:
        return self.proxy.rowCount()

    def total_rows(self) -> int:
        return self.model.rowCount()

    def select_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def detail_html(self, source_row: int) -> str:
        """The whole text of a row: every column beside its title."""
        cells = self.model.row_cells(source_row)
        heading = cells[0].split(ITEM_SEPARATOR)[0]
        lines = [
            f"<h3 style='margin:0'>{html.escape(heading)}</h3>",
            f"<p style='color:#666; margin-top:2px'>{html.escape(self._section_title)} › "
            f"{html.escape(self.spec.title)}</p>",
            "<table cellspacing='0' cellpadding='3'>",
        ]
        for title, text in zip(self.spec.headers, cells, strict=True):
            if not text:
                continue
            value = "<br>".join(html.escape(line) for line in text.split(ITEM_SEPARATOR))
            lines.append(
                f"<tr><td style='color:#444; padding-right:12px' nowrap><b>{html.escape(title)}"
                f"</b></td><td>{value}</td></tr>"
            )
        lines.append("</table>")
        return "".join(lines)

    def _current_row_changed(
        self, current: QModelIndex | QPersistentModelIndex, _previous: object
    ) -> None:
        if not current.isValid():
            return
        source = self.proxy.mapToSource(self.proxy.index(current.row(), 0))
        self.row_selected.emit(self.detail_html(source.row()))


class PlanSectionWidget(QWidget):
    """One navigation entry: its tables, in rows top to bottom, side by side within a row."""

    row_selected = Signal(str)  # the detail HTML of the row that became current

    def __init__(self, spec: SectionSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.tables: list[PlanTableWidget] = []
        self.current_detail = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        # Short tables are shown whole; the long ones share the rest of the height. When
        # every table is short, the last row takes the rest so that no blank area is left.
        growing = [any(len(t.rows) > SHORT_TABLE_ROWS for t in row) for row in spec.layout]
        if not any(growing):
            growing[-1] = True
        for row, grows in zip(spec.layout, growing, strict=True):
            if len(row) == 1:
                row_widget: QWidget = self._add_table(row[0], fit_rows=not grows)
            else:
                splitter = QSplitter(Qt.Orientation.Horizontal, self)
                splitter.setChildrenCollapsible(False)
                for column, table_spec in enumerate(row):
                    splitter.addWidget(self._add_table(table_spec, fit_rows=not grows))
                    splitter.setStretchFactor(column, table_spec.stretch)
                row_widget = splitter
            layout.addWidget(row_widget, 1 if grows else 0)

        for table in self.tables:
            table.row_selected.connect(partial(self._table_row_selected, table))
        if self.tables:
            self.tables[0].select_row(0)

    def _add_table(self, spec: TableSpec, fit_rows: bool) -> PlanTableWidget:
        table = PlanTableWidget(self.spec.title, spec, fit_rows, self)
        self.tables.append(table)
        return table

    def table(self, key: str) -> PlanTableWidget:
        for table in self.tables:
            if table.spec.key == key:
                return table
        raise KeyError(key)

    def set_filter(self, text: str) -> None:
        for table in self.tables:
            table.set_filter(text)

    def visible_rows(self) -> int:
        return sum(table.visible_rows() for table in self.tables)

    def total_rows(self) -> int:
        return sum(table.total_rows() for table in self.tables)

    def _table_row_selected(self, table: PlanTableWidget, detail: str) -> None:
        # One current row per section: picking a row in one table clears the others, so
        # that picking their old row again counts as a change.
        for other in self.tables:
            if other is not table:
                other.view.selectionModel().clear()
        self.current_detail = detail
        self.row_selected.emit(detail)


class PlanBrowserWindow(QMainWindow):
    """Browse a plan by section; open another plan file from the File menu."""

    plan_opened = Signal(object)  # the Path of the plan file now shown, or None

    def __init__(
        self,
        plan: Plan,
        plan_path: Path | None = None,
        language: str = DEFAULT_LANGUAGE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._english = is_english(language)
        self._plan = plan
        self._plan_path = plan_path
        self._sections: list[PlanSectionWidget] = []

        self._build_menus()
        self._build_central()
        self.plan_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.plan_label, 1)
        fit_to_screen(self, QSize(1280, 800))
        self.set_plan(plan, plan_path)

    # --- building -------------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open plan…"), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._open_plan_requested)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About"), self)
        self.about_action.triggered.connect(self._about_requested)
        help_menu.addAction(self.about_action)

    def _build_central(self) -> None:
        self.navigation = QListWidget(self)
        self.navigation.setObjectName("navigation")
        describe(
            self.navigation,
            self.tr("The plan's sections: choose one to show its tables"),
            self.tr("Sections"),
        )
        self.navigation.currentRowChanged.connect(self._section_chosen)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter")
        describe(
            self.filter_edit,
            self.tr("Show only the rows of this section that contain the text (Ctrl+F)"),
            self.tr("Filter"),
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter the rows of this section"))
        self.filter_edit.textChanged.connect(self._filter_changed)
        filter_label = QLabel(self.tr("F&ilter:"), self)
        filter_label.setBuddy(self.filter_edit)
        self.row_count_label = QLabel(self)
        filter_action = QAction(self)
        filter_action.setShortcut(QKeySequence.StandardKey.Find)
        filter_action.triggered.connect(self._focus_filter)
        self.addAction(filter_action)

        self.stack = QStackedWidget(self)
        self.detail_view = QTextBrowser(self)
        self.detail_view.setObjectName("detail")
        describe(
            self.detail_view,
            self.tr("The selected row's full text and its place in the plan"),
            self.tr("Detail"),
        )
        self.detail_view.setOpenLinks(False)
        self.detail_view.setPlaceholderText(self.tr("Select a row to read its full text here."))

        filter_row = QHBoxLayout()
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter_edit, 1)
        filter_row.addWidget(self.row_count_label)

        content_splitter = QSplitter(Qt.Orientation.Vertical)
        content_splitter.setChildrenCollapsible(False)
        content_splitter.addWidget(self.stack)
        content_splitter.addWidget(self.detail_view)
        content_splitter.setStretchFactor(0, 3)
        content_splitter.setStretchFactor(1, 1)
        content_splitter.setSizes([560, 180])

        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(filter_row)
        content_layout.addWidget(content_splitter, 1)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setChildrenCollapsible(False)
        self.main_splitter.addWidget(self.navigation)
        self.main_splitter.addWidget(content)
        self.main_splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.main_splitter)
        self.main_splitter.setContentsMargins(6, 6, 6, 0)

    # --- the plan ---------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def plan_path(self) -> Path | None:
        return self._plan_path

    @property
    def sections(self) -> list[PlanSectionWidget]:
        return list(self._sections)

    def set_plan(self, plan: Plan, plan_path: Path | None) -> None:
        """Show *plan*, staying on the section that is open."""
        current_key = self.current_section().spec.key if self._sections else None
        for section in self._sections:
            self.stack.removeWidget(section)
            section.deleteLater()
        self._plan = plan
        self._plan_path = plan_path

        specs = build_sections(plan, self._english)
        self._sections = [PlanSectionWidget(spec, self.stack) for spec in specs]
        self.navigation.blockSignals(True)
        self.navigation.clear()
        item_height = self.navigation.fontMetrics().height() + 14
        for section in self._sections:
            self.stack.addWidget(section)
            item = QListWidgetItem(section.spec.title, self.navigation)
            item.setSizeHint(QSize(0, item_height))
            section.row_selected.connect(partial(self._section_row_selected, section))
            section.set_filter(self.filter_edit.text())
        self.navigation.blockSignals(False)
        self._fit_navigation()

        title = plan_title(plan, self._english)
        self.setWindowTitle(f"drill-app — {title}")
        self.plan_label.setText(f"{title}　{plan.identity.document_number}")
        self.plan_label.setToolTip(str(plan_path) if plan_path else "")
        keys = [section.spec.key for section in self._sections]
        self.show_section(current_key if current_key in keys else keys[0])
        self.plan_opened.emit(plan_path)

    def open_plan(self, path: Path) -> bool:
        """Load and show the plan at *path*; on errors show them and keep the current plan."""
        try:
            plan = load_plan(path)
        except DataFileError as error:
            self.show_error(
                self.tr("Cannot open the plan"),
                self.tr("The plan file {file} has errors and was not opened:").format(
                    file=path.name
                ),
                [str(problem) for problem in error.problems],
            )
            return False
        self.set_plan(plan, path)
        return True

    # --- sections ------------------------------------------------------------------------

    def current_section(self) -> PlanSectionWidget:
        return self._sections[max(self.navigation.currentRow(), 0)]

    def section(self, key: str) -> PlanSectionWidget:
        for section in self._sections:
            if section.spec.key == key:
                return section
        raise KeyError(key)

    def show_section(self, key: str) -> None:
        self.navigation.setCurrentRow(self._sections.index(self.section(key)))
        # setCurrentRow does not signal when the row is already current.
        self._section_chosen(self.navigation.currentRow())

    def _section_chosen(self, row: int) -> None:
        if not 0 <= row < len(self._sections):
            return
        section = self._sections[row]
        self.stack.setCurrentWidget(section)
        section.set_filter(self.filter_edit.text())
        self.detail_view.setHtml(section.current_detail)
        self._update_row_count()

    def _section_row_selected(self, section: PlanSectionWidget, detail: str) -> None:
        if self._sections and section is self.current_section():
            self.detail_view.setHtml(detail)

    def _filter_changed(self, text: str) -> None:
        if self._sections:
            self.current_section().set_filter(text)
            self._update_row_count()

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def _update_row_count(self) -> None:
        section = self.current_section()
        self.row_count_label.setText(
            self.tr("{shown} of {total} rows").format(
                shown=section.visible_rows(), total=section.total_rows()
            )
        )

    def _fit_navigation(self) -> None:
        metrics = self.navigation.fontMetrics()
        widest = max(metrics.horizontalAdvance(s.spec.title) for s in self._sections)
        width = widest + 48
        self.navigation.setMinimumWidth(width)
        self.main_splitter.setSizes([width, max(self.width() - width, 600)])

    # --- menu actions and dialogs --------------------------------------------------------

    def _open_plan_requested(self) -> None:
        start = self._plan_path.parent if self._plan_path else PLANS_DIR
        path = self.ask_plan_path(
            self,
            self.tr("Open plan"),
            start,
            self.tr("Plan files (*.yaml *.yml *.json);;All files (*)"),
        )
        if path is not None:
            self.open_plan(path)

    @classmethod
    def ask_plan_path(
        cls, parent: QWidget, title: str, start_dir: Path, file_filter: str
    ) -> Path | None:
        """Ask for a plan file (modal); None when the user cancels."""
        chosen, _selected = QFileDialog.getOpenFileName(parent, title, str(start_dir), file_filter)
        return Path(chosen) if chosen else None

    def show_error(self, title: str, text: str, problems: list[str]) -> None:
        ProblemListDialog.show_modal(self, title, text, problems)

    def _about_requested(self) -> None:
        lines = [
            f"<p><b>drill-app</b> {html.escape(__version__)}</p>",
            "<p>"
            + html.escape(
                self.tr(
                    "Runs and scores emergency drills against a district urban gas emergency plan."
                )
            )
            + "</p>",
            "<p>"
            + html.escape(
                self.tr("Plan: {title} ({number})").format(
                    title=plan_title(self._plan, self._english),
                    number=self._plan.identity.document_number,
                )
            )
            + "</p>",
        ]
        show_about(self, self.tr("About drill-app"), "".join(lines))
