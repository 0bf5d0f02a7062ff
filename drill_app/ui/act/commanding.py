"""Sending a command from a form, and reading what is in force, for the console panels.

``PendingCommands`` runs the check → submit → recorded/refused cycle of a form (a
refusal is the core's ``Refusal``, worded by ``drill_app.wording.refusal_text``);
``action_state`` derives what is in force now (active groups, the warning, cut supply …)
from the events.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Slot,
)
from PySide6.QtWidgets import (
    QLabel,
)

from drill_app.core.events import Actor, Event
from drill_app.core.refusals import EventError, Refusal
from drill_app.wording.clock import clock_text
from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR, OK_COLOUR

if TYPE_CHECKING:
    from drill_app.ui.session import ExerciseSession

AnyIndex = QModelIndex | QPersistentModelIndex


# --- sending commands --------------------------------------------------------------------


class PendingCommands(QObject):
    """The commands a panel sent: each ends as recorded (with its event) or refused."""

    def __init__(self, session: ExerciseSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._waiting: dict[str, tuple[Callable[[Event], None], Callable[[Refusal], None]]] = {}
        session.event_added.connect(self._added)
        session.command_refused.connect(self._refused)

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
        try:
            self.session.check(kind, payload, actor=actor, unit=unit)
        except EventError as error:
            refused(error.refusal)
            return None
        command_id = self.session.submit(kind, payload, actor=actor, unit=unit)
        self._waiting[command_id] = (recorded, refused)
        return command_id

    @Slot(object)
    def _added(self, event: Event) -> None:
        callbacks = self._waiting.pop(event.id, None)
        if callbacks is not None:
            callbacks[0](event)

    @Slot(str, str, object)
    def _refused(self, command_id: str, _kind: str, reason: Refusal) -> None:
        callbacks = self._waiting.pop(command_id, None)
        if callbacks is not None:
            callbacks[1](reason)


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


# --- what is in force now -------------------------------------------------------------------


@dataclass
class ActionState:
    """The decisions in force after the events so far (derived, never stored)."""

    started: bool = False
    ended: bool = False
    active_groups: dict[str, Event] = field(default_factory=dict)
    warning: Event | None = None
    cut: dict[str, Event] = field(default_factory=dict)
    levels: dict[str, Event] = field(default_factory=dict)
    """The latest level determined, by unit."""
    steps: dict[str, list[Event]] = field(default_factory=dict)
    handed_over: Event | None = None
    sensitive: Event | None = None
    disposal_ended: Event | None = None
    response_ended: Event | None = None


def action_state(events: Sequence[Event]) -> ActionState:
    state = ActionState()
    for event in events:
        kind, p = event.kind, event.payload
        if kind == "exercise_started":
            state.started = True
        elif kind == "exercise_ended":
            state.ended = True
        elif kind == "group_activated":
            state.active_groups[p["group"]] = event
        elif kind == "group_stood_down":
            state.active_groups.pop(p["group"], None)
        elif kind in ("warning_issued", "warning_changed"):
            state.warning = event
        elif kind == "warning_lifted":
            state.warning = None
        elif kind == "supply_cut":
            state.cut[p["user_class"]] = event
        elif kind == "supply_restored":
            state.cut.pop(p["user_class"], None)
        elif kind == "level_determined" and event.unit is not None:
            state.levels[event.unit] = event
        elif kind == "step_taken":
            state.steps.setdefault(p["step"], []).append(event)
        elif kind == "command_handed_over":
            state.handed_over = state.handed_over or event
        elif kind == "sensitive_determined":
            state.sensitive = state.sensitive or event
        elif kind == "disposal_ended":
            state.disposal_ended = state.disposal_ended or event
        elif kind == "response_ended":
            state.response_ended = event
    return state
