"""Sending a command from a form, and reading what is in force, for the console panels.

``PendingCommands`` runs the check → submit → recorded/refused cycle of a form;
``refusal_text`` puts the core's reasons in the interface language; ``action_state``
derives what is in force now (active groups, the warning, cut supply …) from the events.
"""

from __future__ import annotations

import re
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

from drill_app.core.events import Actor, Event, EventError
from drill_app.ui.act.report_form import (
    ERROR_COLOUR,
    HINT_COLOUR,
    OK_COLOUR,
    PlanWords,
    clock_text,
)

if TYPE_CHECKING:
    from drill_app.ui.session import ExerciseSession

AnyIndex = QModelIndex | QPersistentModelIndex


# --- the core's reasons, in the interface language ------------------------------------------

ENDED_REASON = "the exercise has ended; only evaluator notes and ratings can be added"


def refusal_text(reason: str, words: PlanWords) -> str:
    """A reason the core gave for refusing a command, as a user should read it."""
    plan = words.plan
    fixed = {
        "the exercise has not started": QCoreApplication.translate(
            "Refusal", "The exercise has not started yet"
        ),
        ENDED_REASON: QCoreApplication.translate(
            "Refusal", "The exercise has ended; only evaluator notes and ratings can be added"
        ),
        "no warning is in force to change": QCoreApplication.translate(
            "Refusal", "No warning has been issued: nothing to change"
        ),
        "no warning is in force to lift": QCoreApplication.translate(
            "Refusal", "No warning has been issued: nothing to lift"
        ),
        "a warning is already in force: change or lift it": QCoreApplication.translate(
            "Refusal", "A warning is already in force: change or lift it"
        ),
        "the response has already been ended": QCoreApplication.translate(
            "Refusal", "The response has already been ended"
        ),
        "no exercise is open": QCoreApplication.translate("Refusal", "No exercise is open"),
        "the exercise is already paused": QCoreApplication.translate(
            "Refusal", "The exercise is already paused"
        ),
        "the exercise is not paused": QCoreApplication.translate(
            "Refusal", "The exercise is not paused"
        ),
        "the exercise has already started": QCoreApplication.translate(
            "Refusal", "The exercise has already started"
        ),
    }
    if reason in fixed:
        return fixed[reason]
    group_names = {g.name: g.id for g in plan.groups}
    patterns: list[tuple[str, Callable[[re.Match[str]], str]]] = [
        (
            r"the warning is already (\w+)",
            lambda m: QCoreApplication.translate(
                "Refusal", "The {colour} warning is already in force"
            ).format(colour=words.colour(m[1])),
        ),
        (
            r"group (.+) is already active",
            lambda m: QCoreApplication.translate("Refusal", "{group} is already activated").format(
                group=words.group(group_names.get(m[1], m[1]))
            ),
        ),
        (
            r"group (.+) is not active",
            lambda m: QCoreApplication.translate(
                "Refusal", "{group} is not activated: nothing to stand down"
            ).format(group=words.group(group_names.get(m[1], m[1]))),
        ),
        (
            r"supply to (\w+) is already cut",
            lambda m: QCoreApplication.translate(
                "Refusal", "Supply to {users} is already cut"
            ).format(users=words.user_class(m[1])),
        ),
        (
            r"supply to (\w+) is not cut",
            lambda m: QCoreApplication.translate(
                "Refusal", "Supply to {users} is not cut: nothing to restore"
            ).format(users=words.user_class(m[1])),
        ),
        (
            r"unit '(\w+)' has no seat in this exercise",
            lambda m: QCoreApplication.translate(
                "Refusal", "{unit} has no seat in this exercise"
            ).format(unit=words.party(m[1])),
        ),
        (
            r"\w+ needs the unit that acts",
            lambda m: QCoreApplication.translate("Refusal", "Choose the unit that acts"),
        ),
        (
            r"(\w+) cannot come from the (\w+)",
            lambda m: QCoreApplication.translate("Refusal", "This action is not open to this role"),
        ),
        (
            r"not saved: (.*)",
            lambda m: QCoreApplication.translate("Refusal", "Not saved: {error}").format(
                error=m[1]
            ),
        ),
        (
            r"(\w+): ([\w.]+): (.*)",
            lambda m: QCoreApplication.translate("Refusal", "Invalid {field}: {problem}").format(
                field=m[2], problem=m[3]
            ),
        ),
    ]
    for pattern, render in patterns:
        match = re.fullmatch(pattern, reason)
        if match:
            return render(match)
    return reason


# --- sending commands --------------------------------------------------------------------


class PendingCommands(QObject):
    """The commands a panel sent: each ends as recorded (with its event) or refused."""

    def __init__(self, session: ExerciseSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._waiting: dict[str, tuple[Callable[[Event], None], Callable[[str], None]]] = {}
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
        refused: Callable[[str], None],
    ) -> str | None:
        """Dry-run, then submit.  Returns the command id, or None when refused at once."""
        try:
            self.session.check(kind, payload, actor=actor, unit=unit)
        except EventError as error:
            refused(str(error))
            return None
        command_id = self.session.submit(kind, payload, actor=actor, unit=unit)
        self._waiting[command_id] = (recorded, refused)
        return command_id

    @Slot(object)
    def _added(self, event: Event) -> None:
        callbacks = self._waiting.pop(event.id, None)
        if callbacks is not None:
            callbacks[0](event)

    @Slot(str, str, str)
    def _refused(self, command_id: str, _kind: str, reason: str) -> None:
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
