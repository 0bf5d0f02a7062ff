"""Sending a command from a form, and reading what is in force, for the console panels.

``PendingCommands`` runs the check → submit → recorded/refused cycle of a form (a
refusal is the core's ``Refusal``, worded by ``drill_app.wording.refusal_text``);
what is in force now comes from the core (``session.mirror.state``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)
from PySide6.QtWidgets import (
    QLabel,
)

from drill_app.core.events import Actor, Event
from drill_app.core.refusals import Refusal
from drill_app.wording.clock import clock_text
from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR, OK_COLOUR

if TYPE_CHECKING:
    from drill_app.ui.session import ExerciseSession

AnyIndex = QModelIndex | QPersistentModelIndex


# --- sending commands --------------------------------------------------------------------


class PendingCommands(QObject):
    """A panel's commands, sent through the session's one way in; knows which still wait."""

    def __init__(self, session: ExerciseSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._waiting: set[str] = set()

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

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
        """Dry-run, then submit.  Returns the command id, or None when refused at once."""

        def done(command_id: str) -> None:
            self._waiting.discard(command_id)

        def on_recorded(event: Event) -> None:
            done(event.id)
            recorded(event)

        def on_refused(reason: Refusal) -> None:
            if command_id is not None:
                done(command_id)
            refused(reason)

        command_id: str | None = None
        command_id = self.session.send(
            kind, payload, actor=actor, unit=unit, recorded=on_recorded, refused=on_refused
        )
        if command_id is not None:
            self._waiting.add(command_id)
        return command_id


def show_feedback(label: QLabel, text: str, kind: str = "ok") -> None:
    """A message next to a button: "ok" (recorded), "error" (refused), "wait" (sending)."""
    colour = {"ok": OK_COLOUR, "error": ERROR_COLOUR}.get(kind, HINT_COLOUR)
    label.setStyleSheet(f"color: {colour}")
    label.setText(text)
    label.setToolTip(text)


def recorded_text(event: Event, what: str = "") -> str:
    time = clock_text(event.scenario_time)
    if what:
        return QCoreApplication.translate("ActAsUnitPanel", "Recorded {time}: {what}").format(
            time=time, what=what
        )
    return QCoreApplication.translate("ActAsUnitPanel", "Recorded {time}").format(time=time)
