"""Act as a unit, reporting: file a report (§4.1.2, §4.1.3) and determine the level (§1.6.2)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from drill_app.core.events import ExerciseState
from drill_app.core.plan import LEVEL_ORDER
from drill_app.core.refusals import Refusal
from drill_app.ui.act.base import ActContext, ActionPageWidget, button_row
from drill_app.ui.act.report_form import ReportForm
from drill_app.wording import refusal_text
from drill_app.wording.clock import clock_text
from drill_app.wording.events import report_kind_name


class ReportActionWidget(ActionPageWidget):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        plan = context.words.plan
        refs = f"{plan.reporting.obligations[0].ref} {plan.reporting.content_ref}"
        super().__init__(context, parent)
        self.set_heading(self.tr("File a report"), refs)
        self.form = ReportForm(plan, self.words, self)
        self.form.setObjectName("report_form")
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.send_button = QPushButton(self.tr("Send report"), self)
        self.send_button.setObjectName("send_report")
        self.send_button.setDefault(True)
        self.send_button.setToolTip(self.tr("Send the report as filled in (Ctrl+Enter)"))
        self.feedback = self.feedback_label("report_feedback")
        self.body.addWidget(scroll, 1)
        self.body.addLayout(button_row(self.feedback, self.send_button))
        self.send_button.clicked.connect(self.send_report)
        self.form.kind_combo.currentIndexChanged.connect(self.prefill_recipients)

    def refresh(self, state: ExerciseState, unit: str | None) -> None:
        self.prefill_recipients()

    def prefill_recipients(self) -> None:
        """Tick the recipients the plan names for this unit and report kind (§4.1)."""
        unit = self.context.unit()
        if unit is not None:
            self.form.set_recipients(self.context.recipients(unit, self.form.report_kind()))

    def send_report(self) -> None:
        self.form.clear_messages()
        payload = self.form.payload()
        filled, total = self.form.completeness()
        what = self.tr("{kind}, filled {filled}/{total} items").format(
            kind=report_kind_name(payload["report_kind"]), filled=filled, total=total
        )
        self.send(
            "report_submitted",
            payload,
            self.feedback,
            what=what,
            button=self.send_button,
            recorded=lambda _event: self._recorded(),
            refused=self._refused,
        )

    def _recorded(self) -> None:
        self.form.clear()
        self.prefill_recipients()

    def _refused(self, reason: Refusal) -> None:
        """A refused figure is also shown beside its input."""
        figure = reason.get("fact") if reason.get("field") == "figures" else None
        if reason.code == "invalid_fact" and figure in self.form.figure_inputs:
            self.form.show_field_message(figure, refusal_text(reason, self.words))


class LevelActionWidget(ActionPageWidget):
    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        ref = context.words.plan.level("IV").ref
        super().__init__(context, parent)
        self.set_heading(self.tr("Determine the level"), ref)
        self.current = QLabel(self)
        self.current.setObjectName("current_level")
        self.level_combo = QComboBox(self)
        self.level_combo.setObjectName("level")
        for level_id in reversed(LEVEL_ORDER):
            self.level_combo.addItem(self.words.level(level_id), level_id)
        self.button = QPushButton(self.tr("Determine level"), self)
        self.button.setObjectName("determine_level")
        self.feedback = self.feedback_label("level_feedback")
        row = QHBoxLayout()
        label = QLabel(self.tr("Level of the incident"), self)
        label.setBuddy(self.level_combo)
        row.addWidget(label)
        row.addWidget(self.level_combo)
        row.addStretch(1)
        self.body.addWidget(self.current)
        self.body.addLayout(row)
        self.body.addLayout(button_row(self.feedback, self.button))
        self.body.addStretch(1)
        self.button.clicked.connect(self._determine)

    def _determine(self) -> None:
        level = str(self.level_combo.currentData())
        self.send(
            "level_determined",
            {"level": level},
            self.feedback,
            what=self.words.level(level),
            button=self.button,
        )

    def refresh(self, state: ExerciseState, unit: str | None) -> None:
        event = state.levels.get(unit or "")
        if event is None:
            self.current.setText(self.tr("This unit has not determined a level yet."))
        else:
            self.current.setText(
                self.tr("This unit's determination: {level} (at {time})").format(
                    level=self.words.level(event.payload["level"]),
                    time=clock_text(event.scenario_time),
                )
            )
