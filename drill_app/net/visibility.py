"""What each client may see and do: decided by the host, never trusted to the client.

A seat sees only what its unit has been told (issue 15 §4):

- the exercise clock (start, pause, resume, speed, jump, end);
- injects delivered to its unit, as delivered: title, text, source, attachments' names;
  never the scenario facts behind them, never other recipients, never future injects;
- its own unit's actions;
- reports, help requests and hand-overs of command addressed to its unit.

Nothing else: no other unit's actions, no skipped injects, no evaluator notes,
ratings or findings, no expectations and no scores (those never travel at all).
An observer/evaluator sees every event. The filter is a pure function of the event
and the viewer, so a client's stream (and its sequence numbers) is the same after a
reconnect or a host restart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from drill_app.core.clock import CONTROL_KINDS
from drill_app.core.events import EVALUATION_KINDS, KINDS, Event
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


def _addressees(event: Event) -> set[str]:
    p = event.payload
    if event.kind == "report_submitted":
        return set(p.get("recipients", ()))
    if event.kind in ("help_requested", "command_handed_over"):
        return {p["to"]} if isinstance(p.get("to"), str) else set()
    return set()


def _addressed_to(event: Event, unit: str) -> bool:
    return unit in _addressees(event)


def seat_audience(event: Event) -> frozenset[str] | None:
    """The units whose seats may see *event*, or None when any unit's might.

    A superset of what ``view_of`` shows seats (it still decides for each): the host
    asks it only for these seats' connections instead of every seat's, per event."""
    if event.kind == "inject_delivered":
        return frozenset(event.payload.get("to", ()))
    if event.kind in SEAT_KINDS:
        return frozenset(({event.unit} if event.unit else set()) | _addressees(event))
    if event.kind in EVALUATION_KINDS and event.kind not in CONTROL_KINDS:
        return frozenset()
    return None


def view_of(event: Event, viewer: Viewer) -> EventView | None:
    """The event as *viewer* may see it, or None when it must not see it at all."""
    if viewer.role == "observer":
        return _view(event, dict(event.payload))
    unit = viewer.unit
    if event.kind in CONTROL_KINDS:
        return _view(event, dict(event.payload))
    if event.kind == "inject_delivered":
        if unit not in event.payload.get("to", ()):
            return None
        return _view(event, _as_delivered(event.payload, unit))
    mine = unit is not None and (event.unit == unit or _addressed_to(event, unit))
    if event.kind in SEAT_KINDS and mine:
        return _view(event, dict(event.payload))
    return None


def _as_delivered(payload: Mapping[str, Any], unit: str | None) -> dict[str, Any]:
    shown = {k: payload[k] for k in _INJECT_FIELDS if k in payload}
    shown["to"] = [unit]
    shown["attachments"] = list(payload.get("attachments", []))
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


def stream(events: Iterable[Event], viewer: Viewer) -> Iterator[EventView]:
    """The viewer's whole stream, in log order; its n-th item has sequence number n."""
    for event in events:
        view = view_of(event, viewer)
        if view is not None:
            yield view
