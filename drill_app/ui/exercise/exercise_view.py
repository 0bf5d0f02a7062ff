"""The running exercise, as the controller sees it at a projector.

Top: the exercise and scenario titles, then the clock bar. Left: the status board (who owes
what, by when) over the event log. Right, in tabs: the MSEL, "act as unit" (a trainee at
the controller's laptop) and the evaluators' notes. Splitters let the controller trade
space between them.

One QTimer drives every display refresh (the clock, the countdowns, the MSEL's due
statuses); each panel reads the core clock (``session.now()``) when refreshed, so nothing
accumulates ticks. Panels follow ``session.event_added`` for everything else.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.clock import CONTROL_KINDS
from drill_app.core.events import Event
from drill_app.core.refusals import Refusal
from drill_app.ui.act.act_panel import ActAsUnitPanel
from drill_app.ui.evaluation.evaluator_panel import EvaluatorPanel
from drill_app.ui.exercise.clock_bar import ClockBarWidget
from drill_app.ui.exercise.event_feed import EventFeedPanel
from drill_app.ui.exercise.host_panel import HostPanel
from drill_app.ui.exercise.msel_panel import MselPanel
from drill_app.ui.exercise.status_board import StatusBoardPanel
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.tab_keys import add_tab_keys, next_tab
from drill_app.wording import PlanWords, refusal_text
from drill_app.wording.evaluation import exercise_type_name
from drill_app.wording.events import event_kind_names
from drill_app.wording.palette import CAUTION_COLOUR, ERROR_COLOUR

REFRESH_MS = 250
# Refusals of these commands are reported in the view's notice line; the forms of the
# "act as unit" and evaluator panels explain their own.
NOTICED_KINDS = CONTROL_KINDS | {"inject_delivered", "inject_skipped"}


def _scrolling(panel: QWidget, parent: QWidget) -> QScrollArea:
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(panel)
    return area


class ExerciseView(QWidget):
    """The controller's screen for a running exercise."""

    exercise_ended = Signal()
    """An ``exercise_ended`` event was recorded (from here or from anywhere else)."""

    def __init__(self, session: ExerciseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        loaded = session.loaded
        scenario = session.scenario

        self.title_label = QLabel(self)
        self.title_label.setObjectName("exercise_title")
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setText(loaded.title or scenario.title)
        self.scenario_label = QLabel(self)
        self.scenario_label.setObjectName("scenario_title")
        kind = exercise_type_name(scenario.exercise_type)
        self.scenario_label.setText(
            self.tr("Scenario: {title} ({kind}, {place})").format(
                title=scenario.title, kind=kind, place=scenario.location.name
            )
        )
        self.scenario_label.setToolTip(scenario.summary)
        # for the main window's title bar
        self.setWindowTitle(f"{loaded.title or scenario.title} — {scenario.title}")
        self.scenario_label.setStyleSheet("color: #444;")
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("notice")
        self.notice_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()

        self.msel_panel = MselPanel(session, self)
        self.clock_bar = ClockBarWidget(
            session,
            self,
            next_inject_time=lambda: session.mirror.upcoming_release_time(
                self.msel_panel.model.holds
            ),
        )
        self.clock_bar.setObjectName("clock_bar")
        self.clock_bar.setAutoFillBackground(True)
        self.clock_bar.setStyleSheet("#clock_bar { background: #eef2f7; border-radius: 4px; }")
        self.clock_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.status_board = StatusBoardPanel(session, self)
        self.event_feed = EventFeedPanel(session, self)

        self.act_panel = ActAsUnitPanel(session, self)
        self.evaluator_panel = EvaluatorPanel(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("side_tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.msel_panel, self.tr("Injects"))
        # The hosted forms scroll rather than force the window wider than a 1366 px screen.
        self.act_tab = self.tabs.addTab(_scrolling(self.act_panel, self), self.tr("Act as unit"))
        self.tabs.addTab(_scrolling(self.evaluator_panel, self), self.tr("Evaluation"))
        self.host_panel = HostPanel(session, self)
        self.tabs.addTab(self.host_panel, self.tr("Training room"))
        self.tabs.setTabToolTip(0, self.tr("The MSEL: release, skip or delay injects"))
        self.tabs.setTabToolTip(
            1, self.tr("File reports and decisions for a unit whose trainee is at this computer")
        )
        self.tabs.setTabToolTip(2, self.tr("Evaluator observations and ratings"))
        self.tabs.setAccessibleName(self.tr("Injects, acting for a unit, evaluation"))
        self.tabs.setTabToolTip(
            3, self.tr("Host the exercise on the room's network: trainees join from their desks")
        )
        self.msel_panel.due_count_changed.connect(self._due_count_changed)
        self.status_board.cell_activated.connect(self.act_for)
        add_tab_keys(self, self.tabs)  # between the side tabs from anywhere in the view

        self.left = QSplitter(Qt.Orientation.Vertical, self)
        self.left.setObjectName("left_splitter")
        self.left.setChildrenCollapsible(False)
        self.left.addWidget(self.status_board)
        self.left.addWidget(self.event_feed)
        self.left.setStretchFactor(0, 3)
        self.left.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        # Space pauses/resumes over the clock, the board, the log and the MSEL (not in forms)
        self.clock_bar.add_space_area(self.left)
        self.clock_bar.add_space_area(self.msel_panel)

        titles = QHBoxLayout()
        titles.setSpacing(12)
        titles.addWidget(self.title_label)
        titles.addWidget(self.scenario_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(titles)
        layout.addWidget(self.clock_bar)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.splitter, 1)

        self.timer = QTimer(self)
        self.timer.setObjectName("exercise_refresh")
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self._kind_names = event_kind_names()
        self._sized = False
        session.event_added.connect(self._event_added)
        session.command_refused.connect(self._refused)
        self._due_count_changed(self.msel_panel.model.count("due"))
        if session.watched_from is not None:
            self._watch_only()

    def _watch_only(self) -> None:
        """Another process runs this exercise: show it, offer nothing that sends."""
        from drill_app.ui.hosting import owner_text

        for panel in (self.clock_bar, self.msel_panel, self.event_feed):
            for button in panel.findChildren(QPushButton) + panel.findChildren(QToolButton):
                button.hide()
        for index in reversed(range(1, self.tabs.count())):  # forms, evaluation, hosting
            self.tabs.removeTab(index)
        owner = self.session.watched_from
        assert owner is not None
        self.watch_label = QLabel(self)
        self.watch_label.setObjectName("watch_only")
        self.watch_label.setWordWrap(True)
        self.watch_label.setStyleSheet(f"color: {CAUTION_COLOUR}; font-weight: bold;")
        self.watch_label.setText(
            self.tr(
                "Watching only: {owner} runs this exercise; this window shows what it "
                "records and sends nothing."
            ).format(owner=owner_text(owner))
        )
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.watch_label)

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)

    def next_tab(self, step: int) -> None:
        next_tab(self.tabs, step)

    def act_for(self, unit: str, column: str) -> None:
        """A board cell opened: the "act as unit" forms for that unit and obligation."""
        if self.session.watched_from is not None:
            return  # (watching: no forms)
        self.tabs.setCurrentIndex(self.act_tab)
        self.act_panel.act_for(unit, column)

    # --- the one refresh timer ---------------------------------------------------------

    def refresh(self) -> None:
        """Show the clock now: time, countdowns, due injects. One call per timer tick."""
        self.clock_bar.refresh()
        self.msel_panel.refresh()
        self.status_board.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            width = max(self.splitter.width(), 1)
            self.splitter.setSizes([round(width * 0.58), width - round(width * 0.58)])
            height = max(self.left.height(), 1)
            self.left.setSizes([round(height * 0.6), height - round(height * 0.6)])
        self.refresh()
        if not self.session.mirror.ended:
            self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    # --- events --------------------------------------------------------------------------

    def _event_added(self, event: Event) -> None:
        if event.kind in NOTICED_KINDS:
            self.notice_label.hide()
        if event.kind == "exercise_ended":
            self.refresh()
            self.timer.stop()  # the clock is frozen for good
            self.exercise_ended.emit()

    def _refused(self, _command_id: str, kind: str, reason: Refusal) -> None:
        if kind not in NOTICED_KINDS:
            return
        words = PlanWords(self.session.plan, scenario=self.session.scenario)
        self.notice_label.setText(
            self.tr("Not done: {action}: {reason}").format(
                action=self._kind_names.get(kind, kind), reason=refusal_text(reason, words)
            )
        )
        self.notice_label.show()

    def _due_count_changed(self, due: int) -> None:
        if due:
            self.tabs.setTabText(0, self.tr("Injects ({count} due)").format(count=due))
            self.tabs.tabBar().setTabTextColor(0, QColor(ERROR_COLOUR))
        else:
            self.tabs.setTabText(0, self.tr("Injects"))
            self.tabs.tabBar().setTabTextColor(0, self.palette().windowText().color())
