"""The post-exercise steps of AQ/T 9009 and the findings, in the score view.

Reviews are ``review_recorded`` events: the controller's on-the-spot review (现场点评),
the participants' self-assessment (参演人员自评, per unit) and the evaluation team's
assessment (评估组评估).  Findings are ``finding_recorded`` events: strengths (亮点) and
areas for improvement (问题) with their plan §, cause and grade (不足项 / 整改项 / 改进项),
and as evidence the events of the scored item they are about.  Both are allowed after
the exercise ended; the after-action report lists them (drill_app/core/evaluation.py).
Every entry goes through the session and is listed only once it is recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.events import Event
from drill_app.core.refusals import Refusal
from drill_app.core.scoring import Line
from drill_app.ui.act.commanding import PendingCommands, recorded_text, show_feedback
from drill_app.ui.act.form_parts import (
    PLAN_REF,
    feedback_label,
    hint_label,
    message_label,
    text_box,
)
from drill_app.ui.evaluation.review_words import (
    FINDINGS,
    GRADES,
    finding_name,
    stage_hint,
)
from drill_app.ui.shared.describe import describe, set_waiting
from drill_app.ui.shared.table_model import RowsModel, TableRow, bold_label, make_table
from drill_app.wording import PlanWords, refusal_text
from drill_app.wording.clock import clock_text
from drill_app.wording.evaluation import REVIEW_STAGES as STAGES
from drill_app.wording.evaluation import review_stage_name as stage_name
from drill_app.wording.palette import ERROR_COLOUR, OK_COLOUR

if TYPE_CHECKING:
    from drill_app.ui.session import ExerciseSession


class FindingsPanel(QWidget):
    """Record reviews, strengths and problems; see what has been recorded."""

    def __init__(self, session: ExerciseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.words = PlanWords(session.plan)
        self.commands = PendingCommands(session, self)
        self._lines: dict[str, Line] = {}
        self._offered_ref = ""
        self._offered_by = ""

        forms = QWidget(self)
        forms_layout = QVBoxLayout(forms)
        forms_layout.setContentsMargins(0, 0, 4, 0)
        forms_layout.addWidget(self._build_review_box(forms))
        forms_layout.addWidget(self._build_finding_box(forms))
        forms_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(forms)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(forms.sizeHint().width() + 24)

        self.reviews = RowsModel(
            (self.tr("Time"), self.tr("Step"), self.tr("Unit"), self.tr("By"), self.tr("Text")),
            self,
        )
        self.reviews_view = make_table(self.reviews, self, 4)
        self.reviews_view.setObjectName("reviews")
        describe(
            self.reviews_view,
            self.tr("The reviews recorded after the drill, stage by stage"),
            self.tr("Reviews"),
        )
        self.findings = RowsModel(
            (
                self.tr("Time"),
                self.tr("Type"),
                self.tr("Grade"),
                self.tr("§"),
                self.tr("Unit"),
                self.tr("Finding"),
                self.tr("Cause"),
            ),
            self,
        )
        self.findings_view = make_table(self.findings, self, (5, 6))
        self.findings_view.setObjectName("findings")
        describe(
            self.findings_view,
            self.tr("The strengths and problems recorded, with their grade and evidence"),
            self.tr("Findings"),
        )
        lists = QWidget(self)
        lists_layout = QVBoxLayout(lists)
        lists_layout.setContentsMargins(4, 0, 0, 0)
        lists_layout.addWidget(bold_label(self.tr("Reviews recorded"), lists))
        lists_layout.addWidget(self.reviews_view, 1)
        lists_layout.addWidget(bold_label(self.tr("Strengths and problems recorded"), lists))
        lists_layout.addWidget(self.findings_view, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(scroll)
        splitter.addWidget(lists)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        session.event_added.connect(self._event_added)
        self._stage_changed()
        self._finding_kind_changed()
        self._show_evidence()
        self._refresh()

    # --- building -------------------------------------------------------------------------------

    def _build_review_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Reviews after the drill (AQ/T 9009)"), parent)
        self.stage_combo = QComboBox(box)
        self.stage_combo.setObjectName("review_stage")
        describe(
            self.stage_combo,
            self.tr(
                "The review stage (AQ/T 9009): on-site review, self-assessment, evaluation team"
            ),
            self.tr("Review stage"),
        )
        for stage in STAGES:
            self.stage_combo.addItem(stage_name(stage), stage)
        self.stage_hint = hint_label(box)
        self.review_unit = self._unit_combo(box, "review_unit")
        describe(
            self.review_unit, self.tr("The unit the review is about"), self.tr("Unit reviewed")
        )
        self.review_by = QLineEdit(box)
        self.review_by.setObjectName("review_by")
        describe(self.review_by, self.tr("Name of the person speaking"), self.tr("Speaker"))
        self.review_by.setPlaceholderText(self.tr("Name of the person speaking"))
        self.review_text = text_box(box, "review_text", 4)
        describe(self.review_text, self.tr("What was said: the main points"), self.tr("Review"))
        self.review_text.setPlaceholderText(self.tr("What was said: the main points"))
        self.review_messages = {
            "unit": message_label(box, "review_unit_message"),
            "text": message_label(box, "review_text_message"),
        }
        self.review_button = QPushButton(self.tr("Record review"), box)
        self.review_button.setObjectName("record_review")
        describe(self.review_button, self.tr("Record this review in the exercise log"))
        self.review_feedback = feedback_label(box, "review_feedback")
        grid = QGridLayout(box)
        grid.addWidget(self._label(self.tr("Step"), self.stage_combo), 0, 0)
        grid.addWidget(self.stage_combo, 0, 1, 1, 3)
        grid.addWidget(self.stage_hint, 1, 1, 1, 3)
        grid.addWidget(self._label(self.tr("Unit"), self.review_unit), 2, 0)
        grid.addWidget(self.review_unit, 2, 1)
        grid.addWidget(self._label(self.tr("By"), self.review_by), 2, 2)
        grid.addWidget(self.review_by, 2, 3)
        grid.addWidget(self.review_messages["unit"], 3, 1, 1, 3)
        grid.addWidget(self._label(self.tr("Review"), self.review_text), 4, 0)
        grid.addWidget(self.review_text, 4, 1, 1, 3)
        grid.addWidget(self.review_messages["text"], 5, 1, 1, 3)
        row = QHBoxLayout()
        row.addWidget(self.review_feedback, 1)
        row.addWidget(self.review_button)
        grid.addLayout(row, 6, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.stage_combo.currentIndexChanged.connect(self._stage_changed)
        self.review_unit.currentIndexChanged.connect(self._review_unit_changed)
        self.review_text.textChanged.connect(self.review_messages["text"].hide)
        self.review_button.clicked.connect(self.record_review)
        return box

    def _build_finding_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Strengths and problems"), parent)
        self.kind_buttons = QButtonGroup(self)
        kinds = QHBoxLayout()
        for number, finding in enumerate(FINDINGS):
            text = (
                self.tr("Strength")
                if finding == "strength"
                else self.tr("Problem (area for improvement)")
            )
            button = QRadioButton(text, box)
            button.setObjectName(f"finding_{finding}")
            describe(button, self.tr("The kind of finding: {kind}").format(kind=text))
            self.kind_buttons.addButton(button, number)
            kinds.addWidget(button)
        kinds.addStretch(1)
        self.kind_buttons.button(1).setChecked(True)
        self.line_combo = QComboBox(box)
        self.line_combo.setObjectName("finding_line")
        describe(
            self.line_combo,
            self.tr("The scored item the finding is about; its evidence comes with it"),
            self.tr("Scored item"),
        )
        self.line_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.line_combo.setMinimumContentsLength(20)
        self.line_combo.addItem(self.tr("(no scored item)"), None)
        self.evidence_label = hint_label(box)
        self.evidence_label.setObjectName("finding_evidence")
        self.ref_edit = QLineEdit(box)
        self.ref_edit.setObjectName("finding_plan_ref")
        describe(
            self.ref_edit,
            self.tr("The section of the plan the finding refers to, e.g. §4.1.2"),
            self.tr("Plan section"),
        )
        self.ref_edit.setPlaceholderText("§4.1.2")
        self.finding_unit = self._unit_combo(box, "finding_unit")
        describe(self.finding_unit, self.tr("The unit the finding is about"), self.tr("Unit"))
        self.finding_text = text_box(box, "finding_text", 3)
        describe(
            self.finding_text, self.tr("What went well, or what went wrong"), self.tr("Finding")
        )
        self.finding_text.setPlaceholderText(self.tr("What went well, or what went wrong"))
        self.cause_text = text_box(box, "finding_cause", 2)
        describe(
            self.cause_text, self.tr("Why it happened (analysis of the cause)"), self.tr("Cause")
        )
        self.cause_text.setPlaceholderText(self.tr("Why it happened (analysis of the cause)"))
        self.grade_combo = QComboBox(box)
        self.grade_combo.setObjectName("finding_grade")
        self.grade_combo.setAccessibleName(self.tr("Grade"))
        self.grade_combo.addItem(self.tr("(choose the grade)"), None)
        rules = self.session.rules.finding_grades
        for grade in GRADES:
            rule = rules.get(grade)  # type: ignore[call-overload]
            name = (rule.name_en if self.words.english else rule.name) if rule else grade
            self.grade_combo.addItem(name, grade)
        self.grade_combo.setToolTip(
            self.tr(
                "Deficiency: not done; needs rectification: done wrongly; "
                "could be improved: done late or only partly"
            )
        )
        self.finding_messages = {
            "text": message_label(box, "finding_text_message"),
            "plan_ref": message_label(box, "finding_plan_ref_message"),
            "grade": message_label(box, "finding_grade_message"),
        }
        self.finding_button = QPushButton(self.tr("Record"), box)
        self.finding_button.setObjectName("record_finding")
        describe(self.finding_button, self.tr("Record this finding in the exercise log"))
        self.finding_feedback = feedback_label(box, "finding_feedback")
        self.cause_label = self._label(self.tr("Cause"), self.cause_text)
        self.grade_label = self._label(self.tr("Grade"), self.grade_combo)

        grid = QGridLayout(box)
        grid.addLayout(kinds, 0, 0, 1, 4)
        grid.addWidget(self._label(self.tr("Scored item"), self.line_combo), 1, 0)
        grid.addWidget(self.line_combo, 1, 1, 1, 3)
        grid.addWidget(self.evidence_label, 2, 1, 1, 3)
        grid.addWidget(self._label(self.tr("Plan §"), self.ref_edit), 3, 0)
        grid.addWidget(self.ref_edit, 3, 1)
        grid.addWidget(self._label(self.tr("Unit"), self.finding_unit), 3, 2)
        grid.addWidget(self.finding_unit, 3, 3)
        grid.addWidget(self.finding_messages["plan_ref"], 4, 1, 1, 3)
        grid.addWidget(self._label(self.tr("Finding"), self.finding_text), 5, 0)
        grid.addWidget(self.finding_text, 5, 1, 1, 3)
        grid.addWidget(self.finding_messages["text"], 6, 1, 1, 3)
        grid.addWidget(self.cause_label, 7, 0)
        grid.addWidget(self.cause_text, 7, 1, 1, 3)
        grid.addWidget(self.grade_label, 8, 0)
        grid.addWidget(self.grade_combo, 8, 1)
        grid.addWidget(self.finding_messages["grade"], 9, 1, 1, 3)
        row = QHBoxLayout()
        row.addWidget(self.finding_feedback, 1)
        row.addWidget(self.finding_button)
        grid.addLayout(row, 10, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.kind_buttons.idToggled.connect(self._finding_kind_changed)
        self.line_combo.currentIndexChanged.connect(self._line_chosen)
        self.finding_text.textChanged.connect(self.finding_messages["text"].hide)
        self.ref_edit.textChanged.connect(self.finding_messages["plan_ref"].hide)
        self.grade_combo.currentIndexChanged.connect(self.finding_messages["grade"].hide)
        self.finding_button.clicked.connect(self.record_finding)
        return box

    # --- public ---------------------------------------------------------------------------------

    def set_lines(self, lines: Sequence[tuple[Line, str]]) -> None:
        """The scored items a finding may be about: (line, how the score view names it)."""
        current = self.line_combo.currentData()
        self._lines = {line.id: line for line, _label in lines}
        self.line_combo.blockSignals(True)
        self.line_combo.clear()
        self.line_combo.addItem(self.tr("(no scored item)"), None)
        for line, label in lines:
            self.line_combo.addItem(label, line.id)
            self.line_combo.setItemData(
                self.line_combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole
            )
        self.line_combo.setCurrentIndex(max(0, self.line_combo.findData(current)))
        self.line_combo.blockSignals(False)
        self._show_evidence()

    def offer_line(self, line_id: str, text: str = "") -> None:
        """Prefill a finding about a scored item: its §, unit, evidence and grade."""
        line = self._lines.get(line_id)
        if line is None:
            return
        problem = line.status in ("missed", "wrong", "late")
        self.kind_buttons.button(1 if problem else 0).setChecked(True)
        self.line_combo.setCurrentIndex(max(0, self.line_combo.findData(line_id)))
        self._line_chosen()
        if problem:
            grade = self._grade_for_status(line.status)
            self.grade_combo.setCurrentIndex(max(0, self.grade_combo.findData(grade)))
        if text:
            self.finding_text.setPlainText(text)

    def selected_line(self) -> Line | None:
        data = self.line_combo.currentData()
        return self._lines.get(str(data)) if data is not None else None

    def finding_kind(self) -> str:
        return FINDINGS[max(0, self.kind_buttons.checkedId())]

    def review_payload(self) -> dict[str, Any] | None:
        """The review as the event records it, or None after marking what is wrong."""
        for message in self.review_messages.values():
            message.hide()
        stage = str(self.stage_combo.currentData())
        unit = self.review_unit.currentData()
        text = self.review_text.toPlainText().strip()
        problems: dict[str, str] = {}
        if stage == "self_assessment" and unit is None:
            problems["unit"] = self.tr("A self-assessment is by a unit: choose the unit")
        if not text:
            problems["text"] = self.tr("Write what was said")
        for name, problem in problems.items():
            self.review_messages[name].setText(problem)
            self.review_messages[name].show()
        if problems:
            return None
        return {
            "stage": stage,
            "text": text,
            "about_unit": unit,
            "by": self.review_by.text().strip(),
        }

    def finding_payload(self) -> dict[str, Any] | None:
        """The finding as the event records it, or None after marking what is wrong."""
        for message in self.finding_messages.values():
            message.hide()
        kind = self.finding_kind()
        problem = kind == "area_for_improvement"
        text = self.finding_text.toPlainText().strip()
        ref = self.ref_edit.text().strip()
        if ref and not ref.startswith("§"):
            ref = "§" + ref
        grade = self.grade_combo.currentData() if problem else None
        problems: dict[str, str] = {}
        if not text:
            problems["text"] = (
                self.tr("Describe the problem") if problem else self.tr("Describe the strength")
            )
        if ref and not PLAN_REF.match(ref):
            problems["plan_ref"] = self.tr("Write a section of the plan, e.g. §4.1.2")
        if problem and grade is None:
            problems["grade"] = self.tr("Choose the grade of the problem")
        for name, text_of_problem in problems.items():
            self.finding_messages[name].setText(text_of_problem)
            self.finding_messages[name].show()
        if problems:
            return None
        line = self.selected_line()
        return {
            "finding": kind,
            "text": text,
            "plan_ref": ref,
            "cause": self.cause_text.toPlainText().strip() if problem else "",
            "grade": grade,
            "evidence": list(line.evidence) if line is not None else [],
            "about_unit": self.finding_unit.currentData(),
        }

    def record_review(self) -> None:
        payload = self.review_payload()
        if payload is None:
            show_feedback(
                self.review_feedback, self.tr("Not recorded: see the fields marked"), "error"
            )
            return
        self._send(
            "review_recorded",
            payload,
            self.review_feedback,
            self.review_button,
            [self.review_text.clear],
        )

    def record_finding(self) -> None:
        payload = self.finding_payload()
        if payload is None:
            show_feedback(
                self.finding_feedback, self.tr("Not recorded: see the fields marked"), "error"
            )
            return
        self._send(
            "finding_recorded",
            payload,
            self.finding_feedback,
            self.finding_button,
            [self.finding_text.clear, self.cause_text.clear],
        )

    # --- internals ------------------------------------------------------------------------------

    def _send(
        self,
        kind: str,
        payload: dict[str, Any],
        feedback: QLabel,
        button: QPushButton,
        clear: list[Callable[[], None]],
    ) -> None:
        def recorded(event: Event) -> None:
            set_waiting(button, False)
            show_feedback(feedback, recorded_text(event), "ok")
            for step in clear:
                step()

        def refused(reason: Refusal) -> None:
            set_waiting(button, False)
            show_feedback(feedback, refusal_text(reason, self.words), "error")

        command_id = self.commands.send(
            kind, payload, actor="evaluator", unit=None, recorded=recorded, refused=refused
        )
        if command_id is not None:
            set_waiting(button, True)
            show_feedback(feedback, self.tr("Recording…"), "wait")

    def _grade_for_status(self, status: str) -> str | None:
        for grade, rule in self.session.rules.finding_grades.items():
            if rule.from_status == status:
                return str(grade)
        return None

    @Slot()
    def _stage_changed(self) -> None:
        stage = str(self.stage_combo.currentData())
        self.stage_hint.setText(stage_hint(stage))
        self.review_messages["unit"].hide()
        if stage == "onsite_review":
            self._offer_by(str(getattr(self.session.loaded, "controller", "") or ""))
        else:
            self._review_unit_changed()

    @Slot()
    def _review_unit_changed(self) -> None:
        self.review_messages["unit"].hide()
        if self.stage_combo.currentData() != "self_assessment":
            return
        participants = dict(self.session.loaded.seats)
        unit = self.review_unit.currentData()
        self._offer_by(participants.get(unit, "") if unit else "")

    def _offer_by(self, name: str) -> None:
        """Fill in who speaks, unless the user typed a name of their own."""
        if self.review_by.text().strip() in ("", self._offered_by):
            self.review_by.setText(name)
            self._offered_by = name

    @Slot()
    def _finding_kind_changed(self, *_args: object) -> None:
        problem = self.finding_kind() == "area_for_improvement"
        for widget in (self.cause_label, self.cause_text, self.grade_label, self.grade_combo):
            widget.setVisible(problem)
        if not problem:
            self.finding_messages["grade"].hide()
        self.finding_button.setText(
            self.tr("Record problem") if problem else self.tr("Record strength")
        )

    @Slot()
    def _line_chosen(self, *_args: object) -> None:
        line = self.selected_line()
        if line is not None:
            if self.ref_edit.text().strip() in ("", self._offered_ref):
                self.ref_edit.setText(line.plan_ref)
                self._offered_ref = line.plan_ref
            self.finding_unit.setCurrentIndex(max(0, self.finding_unit.findData(line.unit)))
        self._show_evidence()

    def _show_evidence(self) -> None:
        line = self.selected_line()
        if line is None:
            self.evidence_label.setText(
                self.tr("Choose the scored item the finding is about, to attach its evidence")
            )
        elif line.evidence:
            self.evidence_label.setText(
                self.tr("Evidence: {count} events of this item").format(count=len(line.evidence))
            )
        else:
            self.evidence_label.setText(self.tr("Evidence: this item has no event"))

    def _unit_combo(self, parent: QWidget, name: str) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.addItem(self.tr("(whole drill)"), None)
        for unit in self.session.scenario.seats:
            combo.addItem(self.words.party(unit), unit)
        return combo

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    @Slot(object)
    def _event_added(self, event: Event) -> None:
        if event.kind in ("review_recorded", "finding_recorded"):
            self._refresh()

    def _refresh(self) -> None:
        reviews: list[TableRow] = []
        findings: list[TableRow] = []
        grades = self.session.rules.finding_grades
        for event in self.session.events:
            p = event.payload
            unit = p.get("about_unit")
            unit_name = self.words.party(unit) if unit else ""
            if event.kind == "review_recorded":
                reviews.append(
                    TableRow(
                        (
                            clock_text(event.scenario_time),
                            stage_name(p["stage"]),
                            unit_name,
                            p.get("by") or "",
                            p["text"],
                        ),
                        key=event.id,
                    )
                )
            elif event.kind == "finding_recorded":
                grade = p.get("grade")
                rule = grades.get(grade) if grade else None
                grade_text = (rule.name_en if self.words.english else rule.name) if rule else ""
                findings.append(
                    TableRow(
                        (
                            clock_text(event.scenario_time),
                            finding_name(p["finding"]),
                            grade_text,
                            p.get("plan_ref") or "",
                            unit_name,
                            p["text"],
                            p.get("cause") or "",
                        ),
                        key=event.id,
                        colours={1: ERROR_COLOUR if p["finding"] != "strength" else OK_COLOUR},
                    )
                )
        self.reviews.set_rows(reviews)
        self.findings.set_rows(findings)
        if reviews:
            self.reviews_view.scrollToBottom()
        if findings:
            self.findings_view.scrollToBottom()
