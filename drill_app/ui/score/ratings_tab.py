"""The score view's ratings tab: the evaluators' rating in force for each objective and
unit, and the evaluator panel to rate again (the new rating replaces the old)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from drill_app.ui.evaluation.evaluator_panel import EvaluatorPanel, latest_ratings, objective_text
from drill_app.ui.shared.describe import describe
from drill_app.ui.shared.screen_fit import scrolling
from drill_app.ui.shared.table_model import (
    RowsModel,
    TableRow,
    bold_label,
    make_table,
    selected_key,
)
from drill_app.wording import PlanWords
from drill_app.wording.clock import clock_text
from drill_app.wording.events import rating_name
from drill_app.wording.palette import HINT_COLOUR

if TYPE_CHECKING:
    from drill_app.ui.session import ExerciseSession


class RatingsTab(QWidget):
    """The ratings in force, and the evaluator panel aimed at the selected one."""

    def __init__(self, session: ExerciseSession, words: PlanWords, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.words = words
        self.ratings = RowsModel(
            (
                self.tr("Objective"),
                self.tr("Unit"),
                self.tr("Rating"),
                self.tr("Comment"),
                self.tr("Time"),
            ),
            self,
        )
        self.ratings_view = make_table(self.ratings, self, 0, {3: 160})
        self.ratings_view.setObjectName("latest_ratings")
        describe(
            self.ratings_view,
            self.tr("The latest rating of each objective and unit by the evaluators"),
            self.tr("Evaluators' ratings"),
        )
        self.ratings_view.selectionModel().selectionChanged.connect(self._rating_selected)
        self.evaluator = EvaluatorPanel(self.session, self)
        self.evaluator.setObjectName("evaluator")
        hint = QLabel(
            self.tr(
                "The rating in force for each objective and unit. Select a row to rate it "
                "again; the new rating replaces it."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {HINT_COLOUR}")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(bold_label(self.tr("Ratings in force"), left))
        left_layout.addWidget(hint)
        left_layout.addWidget(self.ratings_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(scrolling(self.evaluator, splitter))
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self) -> None:
        """The latest rating of every objective (and unit), from the events."""
        scenario = self.session.scenario
        latest = latest_ratings(self.session.events)
        keys: list[tuple[str | None, str | None]] = [(None, None)]
        keys += [(o.id, None) for o in scenario.objectives]
        keys += [k for k in latest if k not in keys]
        rows = []
        for objective, unit in keys:
            event = latest.get((objective, unit))
            rating = event.payload["rating"] if event else ""
            rows.append(
                TableRow(
                    (
                        objective_text(scenario, objective),
                        self.words.party(unit) if unit else "",
                        rating if event else self.tr("not rated"),
                        (event.payload.get("comment") or "") if event else "",
                        clock_text(event.scenario_time) if event else "",
                    ),
                    key=(objective, unit),
                    tooltip=rating_name(rating) if event else "",
                    colours={} if event else {2: HINT_COLOUR},
                )
            )
        self.ratings.set_rows(rows)

    def _rating_selected(self, *_args: object) -> None:
        key = selected_key(self.ratings_view)
        if isinstance(key, tuple):
            self.evaluator.set_target(key[0], key[1])
