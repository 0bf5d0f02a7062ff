"""What each client may see and do: decided by the host, never trusted to the client.

A seat sees only what its unit has been told (issue 15 §4):

- the exercise clock (start, pause, resume, speed, jump, end);
- injects delivered to its unit, as delivered: title, text, source, the attachments the
  scenario lists for the inject (name, description);
  never the scenario facts behind them, never other recipients, never future injects;
- its own unit's actions;
- reports, help requests and hand-overs of command addressed to its unit;
- the controller's void of one of its own unit's entries (the entry id and the reason),
  so the seat's log can show the entry as voided.

Nothing else: no other unit's actions, no skipped injects, no evaluator notes,
ratings or findings, no expectations and no scores (those never travel at all).
An observer/evaluator sees every event. The filter is a pure function of the event
and the viewer, so a client's stream (and its sequence numbers) is the same after a
reconnect or a host restart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from drill_app.core.clock import CONTROL_KINDS
from drill_app.core.events import EVALUATION_KINDS, KINDS, Event
from drill_app.core.scenario import Scenario
from drill_app.net.protocol import EventView, Role

SEAT_KINDS = frozenset(k for k, spec in KINDS.items() if spec.needs_unit and "seat" in spec.actors)
"""What a seat may submit: its unit's own actions (the clock, injects and the end are
the controller's, never accepted from the network)."""

OBSERVER_KINDS = EVALUATION_KINDS
"""What an observer/evaluator may submit: notes, ratings, findings, reviews."""

_INJECT_FIELDS = ("title", "text", "source")


@dataclass(frozen=True)
class Viewer:
    role: Role
    unit: str | None = None

    def may_submit(self, kind: str) -> bool:
        return kind in (SEAT_KINDS if self.role == "seat" else OBSERVER_KINDS)

    def may_read(self, unit: str) -> bool:
        return self.role == "observer" or unit == self.unit


def _addressed_to(event: Event, unit: str) -> bool:
    p = event.payload
    if event.kind == "report_submitted":
        return unit in p.get("recipients", ())
    if event.kind in ("help_requested", "command_handed_over"):
        return p.get("to") == unit
    return False


EntryUnit = Callable[[str], str | None]
"""The unit of a logged entry, by event id (None: unknown, or not a unit's entry)."""


def _nobody(_entry: str) -> str | None:
    return None


@dataclass(frozen=True)
class Known:
    """What the host knows beside the event itself, for a seat's view of it."""

    entry_unit: EntryUnit = _nobody
    """The unit of a voided entry (a seat sees the void of its own unit's entry only)."""
    attachments: Mapping[str, list[dict[str, str]]] = field(default_factory=dict)
    """Scripted inject id -> its attachments as the scenario lists them (name, description)."""

    @classmethod
    def of(cls, scenario: Scenario, events: Callable[[], list[Event]]) -> Known:
        return cls(
            entry_unit_in(events),
            {
                i.id: [{"name": a.name, "description": a.description} for a in i.attachments]
                for i in scenario.injects
                if i.attachments
            },
        )


def view_of(event: Event, viewer: Viewer, known: Known | None = None) -> EventView | None:
    """The event as *viewer* may see it, or None when it must not see it at all."""
    if viewer.role == "observer":
        return _view(event, dict(event.payload))
    unit = viewer.unit
    known = known or Known()
    if event.kind in CONTROL_KINDS:
        return _view(event, dict(event.payload))
    if event.kind == "entry_voided":
        if unit is not None and known.entry_unit(str(event.payload.get("event", ""))) == unit:
            return _view(event, {k: event.payload[k] for k in ("event", "reason")})
        return None
    if event.kind == "inject_delivered":
        if unit not in event.payload.get("to", ()):
            return None
        attachments = known.attachments.get(str(event.payload.get("inject") or ""), [])
        return _view(event, _as_delivered(event.payload, unit, attachments))
    mine = unit is not None and (event.unit == unit or _addressed_to(event, unit))
    if event.kind in SEAT_KINDS and mine:
        return _view(event, dict(event.payload))
    return None


def _as_delivered(
    payload: Mapping[str, Any], unit: str | None, attachments: list[dict[str, str]]
) -> dict[str, Any]:
    shown = {k: payload[k] for k in _INJECT_FIELDS if k in payload}
    shown["to"] = [unit]
    shown["attachments"] = [dict(a) for a in attachments]
    return shown


def _view(event: Event, payload: dict[str, Any]) -> EventView:
    return EventView(
        id=event.id,
        kind=event.kind,
        actor=event.actor,
        unit=event.unit,
        payload=payload,
        scenario_time=event.scenario_time,
        wall_time=event.wall_time,
    )


def stream(
    events: Iterable[Event], viewer: Viewer, known: Known | None = None
) -> Iterator[EventView]:
    """The viewer's whole stream, in log order; its n-th item has sequence number n."""
    units: dict[str, str | None] = {}
    attachments = known.attachments if known is not None else {}
    known = Known(units.get, attachments)
    for event in events:
        units[event.id] = event.unit
        view = view_of(event, viewer, known)
        if view is not None:
            yield view


def entry_unit_in(events: Callable[[], list[Event]]) -> EntryUnit:
    """*entry_unit* for ``view_of`` over a growing log (searched from its newest end)."""

    def find(entry: str) -> str | None:
        return next((e.unit for e in reversed(events()) if e.id == entry), None)

    return find
