"""The base of the act-as-unit pages: a heading with its §, a body, and one way to send.

Every page sends through ``ActionPageWidget.send`` to the context's ``ActionSink``: at
the console the session's one way in (``PendingCommands``: a dry run, then the archive),
at a trainee's workstation the seat client (``ui.trainee.seat_sink``); it shows
"recorded" only when the event is on disk, and the refusal in words
(``drill_app.wording.refusal_text``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from drill_app.core.events import Actor, Event, ExerciseState
from drill_app.core.plan import Plan
from drill_app.core.refusals import Refusal
from drill_app.ui.act.commanding import (
    recorded_text,
    show_feedback,
)
from drill_app.ui.shared.table_model import RowsModel, selected_key
from drill_app.wording import PlanWords, refusal_text
from drill_app.wording.palette import HINT_COLOUR

# --- the pages ---------------------------------------------------------------------------


class ActionSink(Protocol):
    """Where a page's action goes; *recorded* / *refused* are called on the GUI thread."""

    def send(
        self,
        kind: str,
        payload: Mapping[str, Any],
        *,
        actor: Actor,
        unit: str | None,
        recorded: Callable[[Event], None],
        refused: Callable[[Refusal], None],
    ) -> str | None:
        """Send; the command's id, or None when it was refused at once."""
        ...


@dataclass
class ActContext:
    words: PlanWords
    commands: ActionSink
    unit: Callable[[], str | None]
    recipients: Callable[[str, str], list[str]]
    """(unit, report kind) -> whom the plan says the unit reports to (§4.1)."""


class ActionPageWidget(QWidget):
    """One action of the panel: a title with its §, a body, and a way to send."""

    def __init__(self, context: ActContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.words = context.words
        self.plan: Plan = context.words.plan
        self.title = ""
        self.ref = ""
        outer = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("page_title")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        outer.addWidget(self.heading)
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        self._feedback_labels: list[QLabel] = []
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # Enter on the main keys and the keypad
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.send_by_keyboard)

    def send_by_keyboard(self) -> None:
        """Ctrl+Enter anywhere in the page: what the page's default button does."""
        for button in self.findChildren(QPushButton):
            if button.isDefault() and button.isEnabled() and button.isVisible():
                button.click()
                return

    def set_heading(self, title: str, ref: str) -> None:
        self.title = title
        self.ref = ref
        self.heading.setText(f"<b>{title}</b>  <span style='color: {HINT_COLOUR}'>{ref}</span>")

    def feedback_label(self, name: str) -> QLabel:
        label = QLabel(self)
        self._feedback_labels.append(label)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        return label

    def send(
        self,
        kind: str,
        payload: Mapping[str, Any],
        feedback: QLabel,
        *,
        what: str = "",
        button: QPushButton | None = None,
        recorded: Callable[[Event], None] | None = None,
        refused: Callable[[Refusal], None] | None = None,
    ) -> None:
        """Check and send for the chosen unit; report in *feedback*; *button* waits."""
        unit = self.context.unit()

        def on_recorded(event: Event) -> None:
            if button is not None:
                button.setEnabled(True)
            if self.context.unit() == unit:  # a confirmation belongs to its unit
                show_feedback(feedback, recorded_text(event, what), "ok")
            if recorded is not None:
                recorded(event)

        def on_refused(reason: Refusal) -> None:
            if button is not None:
                button.setEnabled(True)
            if self.context.unit() == unit:
                show_feedback(feedback, refusal_text(reason, self.words), "error")
            if refused is not None:
                refused(reason)

        command_id = self.context.commands.send(
            kind, payload, actor="seat", unit=unit, recorded=on_recorded, refused=on_refused
        )
        if command_id is not None:
            show_feedback(feedback, self.tr("Recording…"), "wait")
            if button is not None:
                button.setEnabled(False)

    def explain_controls(self) -> None:
        """Every button says what it does (tooltip) and is named for screen readers: those
        the page did not explain itself get "action: page (§)"."""
        for button in self.findChildren(QAbstractButton):
            action = button.text().replace("&", "").rstrip("…")
            if not button.accessibleName():
                button.setAccessibleName(action)
            if not button.toolTip() and action:
                ref = f" ({self.ref})" if self.ref else ""
                tip = QCoreApplication.translate("ActionPageWidget", "{action}: {page}{ref}")
                button.setToolTip(tip.format(action=action, page=self.title, ref=ref))

    def limit_to(self, allowed: frozenset[str]) -> None:
        """Offer only the actions of *allowed* kinds (a trainee's own unit under the plan);
        a page with several actions hides those of other kinds."""
        del allowed

    def clear_feedback(self) -> None:
        """Another unit chosen: the messages about the previous unit's actions go."""
        for label in self._feedback_labels:
            label.clear()
            label.setToolTip("")

    def refresh(self, state: ExerciseState, unit: str | None) -> None:
        """Show what is in force now (after an event, or when the unit changes)."""


def button_row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        if isinstance(widget, QLabel):
            row.addWidget(widget, 1)
        else:
            row.addWidget(widget)
    return row


def shorten(text: str, length: int = 24) -> str:
    """A long text cut for a one-line message."""
    return text if len(text) <= length else text[: length - 1] + "…"


class ChoiceListPage(ActionPageWidget):
    """A page with a list (groups, user classes …) and two opposite actions on the chosen
    row: the buttons wait for a choice, and an action without one says so."""

    view: QTableView
    model: RowsModel
    feedback: QLabel

    def watch_choice(self, *buttons: QPushButton) -> None:
        self._choice_buttons = buttons
        self.view.selectionModel().selectionChanged.connect(self._choice_changed)
        self._choice_changed()

    def _choice_changed(self, *_args: object) -> None:
        chosen = selected_key(self.view) is not None
        for button in self._choice_buttons:
            button.setEnabled(chosen)

    def select(self, key: str) -> None:
        self.view.selectRow(self.model.row_of(key))

    def chosen(self, missing: str) -> str | None:
        """The key of the chosen row; None (and *missing* shown) when nothing is chosen."""
        key = selected_key(self.view)
        if key is None:
            show_feedback(self.feedback, missing, "error")
            return None
        return str(key)
