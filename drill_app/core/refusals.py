"""Refusals as data: why the core would not record a command, as a code and its parameters.

A refused command carries a ``Refusal``: a stable code (``inject_already_released``) and
the parameters that say what it is about (``inject``, ``unit``, ``group``, ``colour``,
``user_class``, ``field``, ``problem`` …), as ids, never as display names.  The words a
user reads are made from it by one table, ``drill_app.wording.refusals``, in the
interface language; nothing parses a message.  ``str(refusal)`` is an English sentence
for logs, exceptions and tests (``LOG_TEXT``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

RefusalCode = Literal[
    # the event itself
    "unknown_event_kind",
    "invalid_field",
    "invalid_fact",
    "event_already_recorded",
    "event_other_exercise",
    "event_stored_differently",
    "wrong_actor",
    "unit_required",
    "unit_has_no_seat",
    "time_before_last_event",
    # the course of the exercise
    "exercise_already_started",
    "exercise_not_started",
    "exercise_ended",
    "exercise_already_paused",
    "exercise_not_paused",
    "clock_backwards",
    # the MSEL
    "inject_unknown",
    "inject_already_released",
    "recipient_has_no_seat",
    # decisions in force
    "group_unknown",
    "group_already_active",
    "group_not_active",
    "warning_in_force",
    "no_warning_to_change",
    "no_warning_to_lift",
    "warning_already",
    "step_unknown",
    "user_class_unknown",
    "supply_already_cut",
    "supply_not_cut",
    "party_unknown",
    "recipient_unknown",
    "response_already_ended",
    "objective_unknown",
    # corrections
    "entry_unknown",
    "entry_already_voided",
    "entry_not_voidable",
    # the command path
    "no_exercise_open",
    "exercise_watched",
    "hosting_failed",
    "not_saved",
]

# What is wrong with a field (``invalid_field`` / ``invalid_fact`` carry one as ``problem``).
FieldProblem = Literal[
    "missing",
    "unknown_field",
    "not_allowed",
    "too_small",
    "too_large",
    "wrong_type",
    "empty",
    "unknown_fact",
    "not_flag",
    "not_number",
    "not_finite",
    "negative",
    "not_whole",
    "invalid",
]

LOG_TEXT: Mapping[RefusalCode, str] = {
    "unknown_event_kind": "unknown event kind {kind!r}",
    "invalid_field": "{kind}: {field}: {detail}",
    "invalid_fact": "{kind}: {field}: {detail}",
    "event_already_recorded": "event {event} is already recorded",
    "event_other_exercise": "event {event} belongs to another exercise",
    "event_stored_differently": "event id {event} is already stored with other content",
    "wrong_actor": "{kind} cannot come from the {actor}",
    "unit_required": "{kind} needs the unit that acts",
    "unit_has_no_seat": "unit {unit!r} has no seat in this exercise",
    "time_before_last_event": "scenario time {time:g} s is before the last event ({last:g} s)",
    "exercise_already_started": "the exercise has already started",
    "exercise_not_started": "the exercise has not started",
    "exercise_ended": "the exercise has ended; only evaluator notes and ratings can be added",
    "exercise_already_paused": "the exercise is already paused",
    "exercise_not_paused": "the exercise is not paused",
    "clock_backwards": "the clock can only jump forward",
    "inject_unknown": "the scenario has no inject {inject!r}",
    "inject_already_released": "inject {inject!r} was already released or skipped",
    "recipient_has_no_seat": "inject recipient {unit!r} has no seat in this exercise",
    "group_unknown": "the plan has no working group {group!r}",
    "group_already_active": "group {group_name} is already active",
    "group_not_active": "group {group_name} is not active",
    "warning_in_force": "a warning is already in force: change or lift it",
    "no_warning_to_change": "no warning is in force to change",
    "no_warning_to_lift": "no warning is in force to lift",
    "warning_already": "the warning is already {colour}",
    "step_unknown": "the plan has no step or measure {step!r}",
    "user_class_unknown": "unknown user class {user_class!r} (one of {known})",
    "supply_already_cut": "supply to {user_class} is already cut",
    "supply_not_cut": "supply to {user_class} is not cut",
    "party_unknown": "unknown unit or body {party!r}",
    "recipient_unknown": "unknown report recipient {party!r}",
    "response_already_ended": "the response has already been ended",
    "objective_unknown": "the scenario has no objective {objective!r}",
    "entry_unknown": "no entry {event!r} is recorded in this exercise",
    "entry_already_voided": "entry {event!r} is already voided",
    "entry_not_voidable": "entry {event!r} ({kind}) cannot be voided: only units' entries can",
    "no_exercise_open": "no exercise is open",
    "exercise_watched": "this window only watches the exercise: another process runs it",
    "hosting_failed": "the exercise could not be hosted on the network: {error}",
    "not_saved": "not saved: {error}",
}


@dataclass(frozen=True)
class Refusal:
    """Why a command was refused: a stable code and what it is about (ids, not names)."""

    code: RefusalCode
    params: Mapping[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return LOG_TEXT[self.code].format(**self.params)

    def __getitem__(self, name: str) -> Any:
        return self.params[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)


def refusal(code: RefusalCode, **params: Any) -> Refusal:
    return Refusal(code, dict(params))


class EventError(ValueError):
    """A command or event was refused; ``refusal`` says why (``str`` is English, for logs)."""

    def __init__(self, reason: Refusal) -> None:
        super().__init__(str(reason))
        self.refusal = reason

    @classmethod
    def of(cls, code: RefusalCode, **params: Any) -> EventError:
        return cls(Refusal(code, dict(params)))
