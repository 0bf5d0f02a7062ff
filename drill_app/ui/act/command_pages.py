"""Act as a unit, command and information: hand over command, sensitive events, ending
disposal and the response, requests for help (§5.5–§5.7) and information release (§5.6)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from drill_app.core.events import Event, ExerciseState
from drill_app.ui.act.base import ActContext, ActionPageWidget, button_row, shorten
from drill_app.ui.shared.table_model import (
    bold_label,
)
from drill_app.wording.clock import clock_text
from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR

if TYPE_CHECKING:
    pass


class CommandActionWidget(ActionPageWidget):
    """Hand-over of command, sensitive event, end of disposal, end of the response."""

    KINDS = ("command_handed_over", "sensitive_determined", "disposal_ended", "response_ended")

    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_heading(self.tr("Command and response"), "§5.3.1.7 §5.5")
        plan = self.plan
        targets = [r.command_handover_to for r in plan.responses if r.command_handover_to]
        handover_ref = next((r.handover_ref for r in plan.responses if r.handover_ref), "")
        self.handover_to = QComboBox(self)
        self.handover_to.setObjectName("handover_to")
        for party in dict.fromkeys(targets):
            self.handover_to.addItem(self.words.party(party), party)
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        self.status: dict[str, QLabel] = {}
        self.feedback: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        self._rows: dict[str, tuple[QWidget, ...]] = {}
        rows = [
            (
                "command_handed_over",
                self.tr("Hand over command to"),
                handover_ref,
                self.tr("Hand over command"),
            ),
            (
                "sensitive_determined",
                self.tr("Determine that this is a sensitive event (e.g. abandoned supply)"),
                next(o.ref for o in plan.reporting.obligations if o.kind == "sensitive"),
                self.tr("Sensitive event"),
            ),
            (
                "disposal_ended",
                self.tr("Disposal has ended (scene under control, repair begun)"),
                next(r.end_ref for r in plan.responses),
                self.tr("End disposal"),
            ),
            (
                "response_ended",
                self.tr("Declare the emergency response ended"),
                plan.actions.end_ref,
                self.tr("End response"),
            ),
        ]
        for number, (kind, description, ref, button_text) in enumerate(rows):
            label = QLabel(f"{description}  <span style='color: {HINT_COLOUR}'>{ref}</span>", self)
            label.setWordWrap(True)
            cell: QWidget = label
            if kind == "command_handed_over":
                cell = QWidget(self)
                line = QHBoxLayout(cell)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(label)
                line.addWidget(self.handover_to)
                line.addStretch(1)
            button = QPushButton(button_text, self)
            button.setObjectName(kind)
            status = QLabel(self)
            status.setObjectName(f"{kind}_status")
            status.setStyleSheet(f"color: {HINT_COLOUR}")
            feedback = self.feedback_label(f"{kind}_feedback")
            grid.addWidget(cell, number * 2, 0, 1, 2)
            grid.addWidget(button, number * 2, 3)
            grid.addWidget(status, number * 2 + 1, 0, 1, 2)
            grid.addWidget(feedback, number * 2 + 1, 2, 1, 2)
            self.status[kind] = status
            self.feedback[kind] = feedback
            self.buttons[kind] = button
            self._rows[kind] = (cell, button, status, feedback)
            button.clicked.connect(lambda _checked=False, k=kind: self._act(k))
        self.body.addLayout(grid)
        self.body.addStretch(1)

    def limit_to(self, allowed: frozenset[str]) -> None:
        for kind, row in self._rows.items():
            for widget in row:
                widget.setVisible(kind in allowed)

    def _act(self, kind: str) -> None:
        payload: dict[str, Any] = {}
        what = ""
        if kind == "command_handed_over":
            payload = {"to": self.handover_to.currentData()}
            what = self.words.party(str(payload["to"]))
        self.send(kind, payload, self.feedback[kind], what=what, button=self.buttons[kind])

    def refresh(self, state: ExerciseState, unit: str | None) -> None:
        def said(event: Event | None, text: str) -> str:
            if event is None:
                return ""
            return text.format(
                time=clock_text(event.scenario_time), unit=self.words.party(event.unit or "")
            )

        handed = state.handed_over
        self.status["command_handed_over"].setText(
            said(handed, self.tr("Handed over at {time} ({unit}) to "))
            + (self.words.party(handed.payload["to"]) if handed else "")
        )
        self.status["sensitive_determined"].setText(
            said(state.sensitive, self.tr("Determined sensitive at {time} ({unit})"))
        )
        self.status["disposal_ended"].setText(
            said(state.disposal_ended, self.tr("Disposal ended at {time} ({unit})"))
        )
        self.status["response_ended"].setText(
            said(state.response_ended, self.tr("Response ended at {time} ({unit})"))
        )


class InformationActionWidget(ActionPageWidget):
    """Release information to the public; ask another body for help."""

    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        ref = context.words.plan.responses[0].information_ref
        super().__init__(context, parent)
        self.set_heading(self.tr("Release information, request support"), ref)
        self.release_text = QPlainTextEdit(self)
        self.release_text.setObjectName("release_text")
        self.release_text.setPlaceholderText(self.tr("Text released to the public"))
        self.release_text.setTabChangesFocus(True)
        self.release_message = self._message_label("release_message")
        self.release_button = QPushButton(self.tr("Release information"), self)
        self.release_button.setObjectName("release_information")
        self.release_feedback = self.feedback_label("release_feedback")

        self.help_to = QComboBox(self)
        self.help_to.setObjectName("help_to")
        for party in self.plan.parties:
            self.help_to.addItem(self.words.party(party), party)
        self.help_to.setCurrentIndex(max(0, self.help_to.findData("city_hq")))
        self.help_text = QLineEdit(self)
        self.help_text.setObjectName("help_text")
        self.help_text.setPlaceholderText(self.tr("What is needed (optional)"))
        self.help_button = QPushButton(self.tr("Request support"), self)
        self.help_button.setObjectName("request_help")
        self.help_feedback = self.feedback_label("help_feedback")

        release_title = bold_label(self.tr("Information release"), self)
        self._release_widgets: tuple[QWidget, ...] = (
            release_title,
            self.release_text,
            self.release_button,
            self.release_feedback,
        )
        self.body.addWidget(release_title)
        self.release_text.setMaximumHeight(self.release_text.fontMetrics().lineSpacing() * 8 + 12)
        self.body.addWidget(self.release_text)
        self.body.addWidget(self.release_message)
        self.body.addLayout(button_row(self.release_feedback, self.release_button))
        help_title = bold_label(self.tr("Request support"), self)
        self.body.addWidget(help_title)
        to_row = QHBoxLayout()
        to_label = QLabel(self.tr("From"), self)
        to_label.setBuddy(self.help_to)
        to_row.addWidget(to_label)
        to_row.addWidget(self.help_to)
        to_row.addWidget(self.help_text, 1)
        self.body.addLayout(to_row)
        self.body.addLayout(button_row(self.help_feedback, self.help_button))
        self.body.addStretch(1)
        self.release_button.clicked.connect(self._release)
        self.help_button.clicked.connect(self._request_help)
        self.release_text.textChanged.connect(self.release_message.hide)

    def limit_to(self, allowed: frozenset[str]) -> None:
        for widget in self._release_widgets:
            widget.setVisible("information_released" in allowed)

    def _message_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setStyleSheet(f"color: {ERROR_COLOUR}")
        label.hide()
        return label

    def _release(self) -> None:
        text = self.release_text.toPlainText().strip()
        if not text:
            self.release_message.setText(self.tr("Write the text to release"))
            self.release_message.show()
            self.release_text.setFocus()
            return
        self.send(
            "information_released",
            {"text": text},
            self.release_feedback,
            what=shorten(text),
            button=self.release_button,
            recorded=lambda _event: self.release_text.clear(),
        )

    def _request_help(self) -> None:
        payload: dict[str, Any] = {"to": self.help_to.currentData()}
        text = self.help_text.text().strip()
        if text:
            payload["text"] = text
        self.send(
            "help_requested",
            payload,
            self.help_feedback,
            what=self.words.party(str(payload["to"])),
            button=self.help_button,
            recorded=lambda _event: self.help_text.clear(),
        )
