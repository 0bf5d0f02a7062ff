"""The score view, shown after the exercise ends.

Everything scored here is the engine's ``session.score()``, unchanged: the header total
and grade, the totals by unit and by category, and one row per scored line with its §
and the events that are its evidence.  Evaluators add ratings and comments here too
(``evaluator_rating`` / ``evaluator_note`` events, allowed after the end), and the
improvement plan is kept here: items loaded, added and updated through the archive.
The post-exercise reviews and the findings (strengths, problems) have their own tab
(``FindingsPanel``), and the two documents, the scoring sheet and the after-action
report, print and export from the buttons at the top (``DocumentsPanel``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from drill_app.core.evaluation import evaluate
from drill_app.core.events import Event
from drill_app.core.scoring import Line, ScoreSheet
from drill_app.reports.context import ReportContext
from drill_app.ui.evaluation.findings_panel import FindingsPanel
from drill_app.ui.score.documents import DocumentsPanel, report_context
from drill_app.ui.score.improvements_tab import ImprovementsTab
from drill_app.ui.score.lines_tab import LinesTab
from drill_app.ui.score.ratings_tab import RatingsTab
from drill_app.ui.score.texts import (
    IMPROVABLE,
    line_problem,
    line_title,
    number_text,
)
from drill_app.ui.shared.tab_keys import add_tab_keys
from drill_app.wording import PlanWords
from drill_app.wording.clock import clock_text
from drill_app.wording.palette import ERROR_COLOUR, LATE_COLOUR, OK_COLOUR
from drill_app.wording.statuses import line_status_text

if TYPE_CHECKING:
    from drill_app.ui.session import Archive, ExerciseSession


class ScoreView(QWidget):
    """The scoring sheet of the exercise, the evaluators' ratings and the improvement plan."""

    def __init__(
        self, session: ExerciseSession, archive: Archive, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.archive = archive
        self.exercise_id = session.exercise_id
        self.words = PlanWords(session.plan)
        self.sheet: ScoreSheet = session.score()

        # Header.
        self.title_label = QLabel(self)
        self.title_label.setObjectName("score_title")
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.4)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setWordWrap(True)
        self.scenario_label = QLabel(self)
        self.scenario_label.setObjectName("score_scenario")
        self.scenario_label.setWordWrap(True)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("score_total")
        total_font = self.total_label.font()
        total_font.setPointSizeF(total_font.pointSizeF() * 1.3)
        self.total_label.setFont(total_font)
        self.total_label.setWordWrap(True)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("score_state")
        self.state_label.setStyleSheet(f"color: {ERROR_COLOUR}")

        self.documents = DocumentsPanel(session, self.report_context, self)
        self.documents.setObjectName("documents")

        self.findings_panel = FindingsPanel(session, self)
        self.findings_panel.setObjectName("findings_panel")
        self.lines_tab = LinesTab(session, self.words, self)
        self.ratings_tab = RatingsTab(session, self.words, self)
        self.improvements_tab = ImprovementsTab(session, archive, self.words, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("score_tabs")
        self.tabs.addTab(self.lines_tab, self.tr("Scoring sheet"))
        self.tabs.addTab(self.ratings_tab, self.tr("Evaluators' ratings"))
        self.tabs.addTab(self.findings_panel, self.tr("Reviews and findings"))
        self.tabs.addTab(self.improvements_tab, self.tr("Improvement plan"))
        self.tabs.setAccessibleName(self.tr("Score of the drill"))
        for index, tip in enumerate(
            (
                self.tr("Every scored item, the totals and the evidence of each (Ctrl+Tab)"),
                self.tr("The evaluators' latest rating of each objective and unit"),
                self.tr("The reviews after the drill and the strengths and problems found"),
                self.tr("The improvement plan: items, owners, due dates and status"),
            )
        ):
            self.tabs.setTabToolTip(index, tip)
        add_tab_keys(self, self.tabs)

        heading = QVBoxLayout()
        heading.addWidget(self.title_label)
        heading.addWidget(self.scenario_label)
        heading.addWidget(self.total_label)
        heading.addWidget(self.state_label)
        heading.addStretch(1)
        header = QHBoxLayout()
        header.addLayout(heading, 1)
        header.addWidget(self.documents)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)

        self.lines_tab.unit_chosen.connect(self.documents.set_unit)
        self.lines_tab.improvement_suggested.connect(self.suggest_improvement)
        self.lines_tab.finding_suggested.connect(self.suggest_finding)
        session.event_added.connect(self._event_added)
        self.refresh()
        archive.load_improvements(self.exercise_id)

    def refresh(self) -> None:
        sheet = self.sheet = self.session.score()
        loaded = self.session.loaded
        self.title_label.setText(loaded.title)
        self.scenario_label.setText(
            self.tr("Scenario: {title}").format(title=self.session.scenario.title)
        )
        # The grade is the scoring sheet's (演练评估表): the 100-point total weighted by
        # category over the applicable categories, as printed.
        evaluation = evaluate(
            self.session.plan, self.session.scenario, sheet, self.session.events, self.session.rules
        )
        grade = evaluation.grade_en if self.words.english else evaluation.grade
        grade_colour = (
            OK_COLOUR
            if evaluation.total >= 75
            else (LATE_COLOUR if evaluation.total >= 60 else ERROR_COLOUR)
        )
        self.total_label.setText(
            self.tr(
                "Total {points} / {max} points, {percent}%; scoring sheet {total} of 100, "
                "grade {grade}"
            ).format(
                points=number_text(sheet.overall.points),
                max=number_text(sheet.overall.max_points),
                percent=number_text(sheet.overall.percent),
                total=f"<b>{number_text(evaluation.total)}</b>",
                grade=f"<b style='color: {grade_colour}'>{grade}</b>",
            )
        )
        self.total_label.setToolTip(
            self.tr(
                "The scoring sheet weights each category and counts only the categories the "
                "scenario exercised (normalised to 100)."
            )
        )
        self.state_label.setVisible(not sheet.ended)
        self.state_label.setText(
            self.tr("The exercise has not ended: the score is as of {time}.").format(
                time=clock_text(sheet.scenario_seconds)
            )
        )
        self.lines_tab.show_sheet(sheet)
        self.findings_panel.set_lines(
            [
                (line, f"{line_title(line, self.words)} — {line_status_text(line)}")
                for line in sheet.lines
            ]
        )
        self.ratings_tab.refresh()

    def suggest_improvement(self, line: Line) -> None:
        """A new improvement item prefilled from *line*, on its tab."""
        self.tabs.setCurrentWidget(self.improvements_tab)
        self.improvements_tab.suggest(line)

    def suggest_finding(self, line: Line) -> None:
        """Prefill a finding (strength or problem) about *line*."""
        text = line_problem(line, self.words) if line.status in IMPROVABLE else ""
        self.findings_panel.offer_line(line.id, text)
        self.tabs.setCurrentWidget(self.findings_panel)
        self.findings_panel.finding_text.setFocus()

    def report_context(self) -> ReportContext:
        """The exercise as the documents print it: this view's score and improvement items."""
        language = "en" if self.words.english else "zh_CN"
        return report_context(self.session, self.improvements_tab.items, language)

    @Slot(object)
    def _event_added(self, _event: Event) -> None:
        selected = self.lines_tab.selected_line()
        self.refresh()
        if selected is not None:
            self.lines_tab.select_line(selected.id)
