"""The one table that turns a refusal from the core into words for a user.

``refusal_text(refusal, words)`` is used by the windows, the command line and (later)
remote seats. The source strings are English (context "Refusal"); Chinese comes from
the translation files. Ids in the refusal's parameters are named through ``PlanWords``.
Every code of ``drill_app.core.refusals.RefusalCode`` has an entry (a test checks it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from drill_app.core.refusals import Refusal, RefusalCode
from drill_app.core.sourcefile import Problem
from drill_app.wording.clock import clock_text
from drill_app.wording.language import translate
from drill_app.wording.plan_words import PlanWords

Wording = Callable[[Refusal, PlanWords], str]


def _fixed(text: Callable[[], str]) -> Wording:
    return lambda _refusal, _words: text()


WORDING: Mapping[RefusalCode, Wording] = {
    "unknown_event_kind": lambda r, w: translate(
        "Refusal", "Unknown kind of action: {kind}"
    ).format(kind=r["kind"]),
    "invalid_field": lambda r, w: translate("Refusal", "Invalid {field}: {problem}").format(
        field=field_name(str(r["field"])), problem=field_problem(r)
    ),
    "invalid_fact": lambda r, w: translate("Refusal", "{fact}: {problem}").format(
        fact=w.fact(str(r["fact"])), problem=field_problem(r)
    ),
    "event_already_recorded": _fixed(
        lambda: translate("Refusal", "This action was already recorded")
    ),
    "event_other_exercise": _fixed(
        lambda: translate("Refusal", "This action belongs to another exercise")
    ),
    "event_stored_differently": _fixed(
        lambda: translate("Refusal", "Another action with the same id is already stored")
    ),
    "wrong_actor": _fixed(lambda: translate("Refusal", "This action is not open to this role")),
    "unit_required": _fixed(lambda: translate("Refusal", "Choose the unit that acts")),
    "unit_has_no_seat": lambda r, w: translate(
        "Refusal", "{unit} has no seat in this exercise"
    ).format(unit=w.party(r["unit"])),
    "time_before_last_event": lambda r, w: translate(
        "Refusal", "The time {time} is before the last recorded action ({last})"
    ).format(time=clock_text(r["time"]), last=clock_text(r["last"])),
    "exercise_already_started": _fixed(
        lambda: translate("Refusal", "The exercise has already started")
    ),
    "exercise_not_started": _fixed(
        lambda: translate("Refusal", "The exercise has not started yet")
    ),
    "exercise_ended": _fixed(
        lambda: translate(
            "Refusal", "The exercise has ended; only evaluator notes and ratings can be added"
        )
    ),
    "exercise_already_paused": _fixed(
        lambda: translate("Refusal", "The exercise is already paused")
    ),
    "exercise_not_paused": _fixed(lambda: translate("Refusal", "The exercise is not paused")),
    "clock_backwards": _fixed(lambda: translate("Refusal", "The clock can only jump forward")),
    "inject_unknown": lambda r, w: translate(
        "Refusal", "The scenario has no inject {inject}"
    ).format(inject=w.inject(r["inject"])),
    "inject_already_released": lambda r, w: translate(
        "Refusal", "Inject {inject} was already released or skipped"
    ).format(inject=w.inject(r["inject"])),
    "recipient_has_no_seat": lambda r, w: translate(
        "Refusal", "The recipient {unit} has no seat in this exercise"
    ).format(unit=w.party(r["unit"])),
    "group_unknown": lambda r, w: translate(
        "Refusal", "The plan has no working group {group}"
    ).format(group=r["group"]),
    "group_already_active": lambda r, w: translate(
        "Refusal", "{group} is already activated"
    ).format(group=w.group(r["group"])),
    "group_not_active": lambda r, w: translate(
        "Refusal", "{group} is not activated: nothing to stand down"
    ).format(group=w.group(r["group"])),
    "warning_in_force": _fixed(
        lambda: translate("Refusal", "A warning is already in force: change or lift it")
    ),
    "no_warning_to_change": _fixed(
        lambda: translate("Refusal", "No warning has been issued: nothing to change")
    ),
    "no_warning_to_lift": _fixed(
        lambda: translate("Refusal", "No warning has been issued: nothing to lift")
    ),
    "warning_already": lambda r, w: translate(
        "Refusal", "The {colour} warning is already in force"
    ).format(colour=w.colour(r["colour"])),
    "step_unknown": lambda r, w: translate(
        "Refusal", "The plan has no step or measure {step}"
    ).format(step=r["step"]),
    "user_class_unknown": lambda r, w: translate(
        "Refusal", "The plan has no class of gas users {users}"
    ).format(users=r["user_class"]),
    "supply_already_cut": lambda r, w: translate(
        "Refusal", "Supply to {users} is already cut"
    ).format(users=w.user_class(r["user_class"])),
    "supply_not_cut": lambda r, w: translate(
        "Refusal", "Supply to {users} is not cut: nothing to restore"
    ).format(users=w.user_class(r["user_class"])),
    "party_unknown": lambda r, w: translate(
        "Refusal", "The plan has no unit or body {party}"
    ).format(party=r["party"]),
    "recipient_unknown": lambda r, w: translate(
        "Refusal", "The plan has no report recipient {party}"
    ).format(party=r["party"]),
    "response_already_ended": _fixed(
        lambda: translate("Refusal", "The response has already been ended")
    ),
    "objective_unknown": lambda r, w: translate(
        "Refusal", "The scenario has no objective {objective}"
    ).format(objective=r["objective"]),
    "entry_unknown": _fixed(lambda: translate("Refusal", "No such entry in this exercise")),
    "entry_already_voided": _fixed(
        lambda: translate("Refusal", "This entry has already been voided")
    ),
    "entry_not_voidable": _fixed(
        lambda: translate(
            "Refusal",
            "Only the units' entries can be voided; control events, injects, voids and "
            "evaluators' records stand as recorded",
        )
    ),
    "no_exercise_open": _fixed(lambda: translate("Refusal", "No exercise is open")),
    "exercise_watched": _fixed(
        lambda: translate(
            "Refusal", "This window only watches the exercise; another computer runs it"
        )
    ),
    "hosting_failed": lambda r, w: translate(
        "Refusal", "The exercise could not be opened on the network: {error}"
    ).format(error=r["error"]),
    # The database failed (went away, stays locked): a sentence, never the driver's text.
    "not_saved": lambda r, w: translate(
        "Refusal",
        "Not saved: the database could not be reached (the connection broke or the "
        "server stopped). Nothing was recorded; try again when it is back.",
    ),
}


def refusal_text(refusal: Refusal, words: PlanWords) -> str:
    """A refusal as a user reads it, in the interface language (a refusal that came over
    the network may carry a training-room code: ``room_refusal_text``)."""
    wording = WORDING.get(refusal.code)
    if wording is None:
        return room_refusal_text(refusal.code, refusal.params, words)
    return wording(refusal, words)


# The training room's own codes (``drill_app.net.protocol.NET_CODES``, and the seat
# window's ``host_unreachable`` / ``plan_mismatch``): a host that refused a frame, a join
# or a connection. A test checks every network code has its words here.
ROOM_WORDING: Mapping[str, Callable[[Mapping[str, Any], PlanWords], str]] = {
    "binary_frame": lambda p, w: translate("Refusal", "The host accepts text messages only"),
    "too_large": lambda p, w: translate("Refusal", "The message is too large for the host"),
    "not_json": lambda p, w: translate("Refusal", "The host could not read the message"),
    "invalid_message": lambda p, w: translate(
        "Refusal", "The host refused a malformed message ({field})"
    ).format(field=p.get("field", "")),
    "rate_limited": lambda p, w: translate(
        "Refusal", "Too many messages at once: wait a moment and send again"
    ),
    "too_many_errors": lambda p, w: translate(
        "Refusal", "The host closed the connection after too many invalid messages"
    ),
    "hello_timeout": lambda p, w: translate("Refusal", "The host waited too long for the join"),
    "hello_expected": lambda p, w: translate("Refusal", "The host expected a join first"),
    "already_joined": lambda p, w: translate("Refusal", "This workstation has already joined"),
    "protocol_version": lambda p, w: translate(
        "Refusal",
        "The host runs another version of the program (protocol {host}, this workstation "
        "{client}): install the same version on both",
    ).format(host=p.get("host", "?"), client=p.get("client", "?")),
    "code_required": lambda p, w: translate("Refusal", "Enter the join code the controller shows"),
    "wrong_code": lambda p, w: translate(
        "Refusal", "Wrong join code: check the code the controller shows"
    ),
    "token_expired": lambda p, w: translate(
        "Refusal", "The controller changed the join code: join again with the new code"
    ),
    "unknown_unit": lambda p, w: translate(
        "Refusal", "{unit} has no seat in this exercise; seats: {seats}"
    ).format(
        unit=w.party(str(p.get("unit", ""))),
        seats="、".join(w.party(str(u)) for u in p.get("seats", ())),
    ),
    "seat_taken": lambda p, w: translate(
        "Refusal", "The seat of {unit} is already taken ({name}): ask the controller to free it"
    ).format(unit=w.party(str(p.get("unit", ""))), name=p.get("name", "") or "—"),
    "seat_freed": lambda p, w: translate(
        "Refusal", "The controller freed this seat: join again to continue"
    ),
    "seat_moved": lambda p, w: translate(
        "Refusal", "The controller gave you the seat of {unit}: join it with the code"
    ).format(unit=w.party(str(p.get("unit", "")))),
    "host_stopped": lambda p, w: translate(
        "Refusal", "The controller stopped hosting this exercise on the network"
    ),
    "replaced": lambda p, w: translate(
        "Refusal", "This seat was joined again from another connection"
    ),
    "not_allowed": lambda p, w: translate(
        "Refusal", "This action is not open to a seat ({kind})"
    ).format(kind=p.get("kind", "")),
    "not_your_unit": lambda p, w: translate(
        "Refusal", "A seat may read only its own unit's messages"
    ),
    "host_unreachable": lambda p, w: translate(
        "Refusal", "No host answers at {address}: check the address and the network"
    ).format(address=p.get("address", "")),
    "plan_mismatch": lambda p, w: translate(
        "Refusal",
        "The exercise runs with a plan this workstation does not have ({title}): install the "
        "same plan and version of the program as the controller's",
    ).format(title=p.get("title", "")),
}


def room_refusal_text(code: str, params: Mapping[str, Any], words: PlanWords) -> str:
    """A refusal that came over the network (a core refusal, or a training-room code)."""
    core: Wording | None = WORDING.get(code)  # type: ignore[call-overload]
    if core is not None:
        return core(Refusal(code, dict(params)), words)  # type: ignore[arg-type]
    wording = ROOM_WORDING.get(code)
    if wording is None:
        return translate("Refusal", "The host refused: {code}").format(code=code)
    return wording(params, words)


def field_problem(refusal: Refusal) -> str:
    """What is wrong with a field (``problem`` of an invalid_field / invalid_fact refusal)."""
    problem = refusal.get("problem", "invalid")
    limit = refusal.get("limit")
    texts: Mapping[str, Callable[[], str]] = {
        "missing": lambda: translate("Refusal", "it is missing"),
        "unknown_field": lambda: translate("Refusal", "this action has no such field"),
        "not_allowed": lambda: translate("Refusal", "not one of the allowed values"),
        "too_small": lambda: translate("Refusal", "too small (limit {limit})").format(limit=limit),
        "too_large": lambda: translate("Refusal", "too large (limit {limit})").format(limit=limit),
        "wrong_type": lambda: translate("Refusal", "the wrong kind of value"),
        "empty": lambda: translate("Refusal", "must not be empty"),
        "unknown_fact": lambda: translate("Refusal", "not a known figure"),
        "not_flag": lambda: translate("Refusal", "must be yes or no"),
        "not_number": lambda: translate("Refusal", "must be a number"),
        "not_finite": lambda: translate("Refusal", "must be a finite number"),
        "negative": lambda: translate("Refusal", "must not be negative"),
        "not_whole": lambda: translate("Refusal", "must be a whole number"),
    }
    text = texts.get(problem)
    if text is None:
        return translate("Refusal", "not valid ({detail})").format(detail=refusal.get("detail"))
    return text()


def field_name(path: str) -> str:
    """A payload field (``level``, ``fields.initial_level`` …) as a user knows it."""
    names: Mapping[str, Callable[[], str]] = {
        "level": lambda: translate("Refusal", "level"),
        "colour": lambda: translate("Refusal", "warning colour"),
        "group": lambda: translate("Refusal", "working group"),
        "step": lambda: translate("Refusal", "step or measure"),
        "user_class": lambda: translate("Refusal", "class of gas users"),
        "to": lambda: translate("Refusal", "recipient"),
        "recipients": lambda: translate("Refusal", "recipients"),
        "text": lambda: translate("Refusal", "text"),
        "title": lambda: translate("Refusal", "title"),
        "rating": lambda: translate("Refusal", "rating"),
        "report_kind": lambda: translate("Refusal", "kind of report"),
        "fields.initial_level": lambda: translate("Refusal", "initial level"),
        "speed": lambda: translate("Refusal", "clock speed"),
        "to_seconds": lambda: translate("Refusal", "time to jump to"),
        "finding": lambda: translate("Refusal", "kind of finding"),
        "grade": lambda: translate("Refusal", "grade"),
        "stage": lambda: translate("Refusal", "review stage"),
    }
    name = names.get(path)
    return name() if name is not None else path


def problem_text(problem: Problem, words: PlanWords) -> str:
    """A located problem (file:line:col: …); a refused command in it worded by the table."""
    if problem.refusal is None:
        return str(problem)
    where = f"{problem.file}:{problem.line}:{problem.column}"
    return f"{where}: {refusal_text(problem.refusal, words)}"
