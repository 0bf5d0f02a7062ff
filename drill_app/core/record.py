"""An exercise's events, indexed for the questions scoring asks.

``ExerciseRecord`` ingests events in order (one pass, no re-sorting) and keeps:
the facts as they stood after each delivery, what each unit had been told and
when, when each unit learnt of the incident, and the actions of each unit by
kind.  Everything the expectations and the score need is a lookup here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from drill_app.core.events import Event
from drill_app.core.facts import FactValue
from drill_app.core.plan import Plan
from drill_app.core.scenario import Scenario, recipient_seats

FactsSnapshot = Mapping[str, FactValue]

SHAPING_ACTIONS = frozenset(
    {
        "warning_issued",
        "warning_changed",
        "warning_lifted",
        "level_determined",
        "group_activated",
        "command_handed_over",
        "response_ended",
        "information_released",
    }
)
"""Actions whose mere occurrence adds or moves expectations (see ``expectations``)."""


@dataclass
class _Series:
    """Facts snapshots over time: times[i] is when snapshots[i] began to hold."""

    times: list[float] = field(default_factory=list)
    snapshots: list[dict[str, FactValue]] = field(default_factory=list)

    def update(self, time: float, facts: Mapping[str, FactValue]) -> None:
        current = dict(self.snapshots[-1]) if self.snapshots else {}
        current.update(facts)
        if self.times and self.times[-1] == time:
            self.snapshots[-1] = current
        else:
            self.times.append(time)
            self.snapshots.append(current)

    def at(self, time: float) -> FactsSnapshot:
        i = bisect_right(self.times, time)
        return self.snapshots[i - 1] if i else {}


class ExerciseRecord:
    """The indexed event log of one exercise."""

    def __init__(self, scenario: Scenario, plan: Plan | None = None) -> None:
        self.scenario = scenario
        self.recipient_seats: Mapping[str, str] = recipient_seats(plan, scenario) if plan else {}
        """Which seat receives what is addressed to a unit or body (reports carry knowledge)."""
        self.events: list[Event] = []
        self.facts = _Series()
        self.unit_facts: dict[str, _Series] = defaultdict(_Series)
        self.known_at: dict[str, float] = {}
        self.told_sensitive_at: dict[str, float] = {}
        self.sensitive_determined_at: dict[str, float] = {}
        self.delivered: dict[str, Event] = {}
        self.skipped: set[str] = set()
        self.actions: dict[tuple[str, str], list[Event]] = defaultdict(list)
        self.by_kind: dict[str, list[Event]] = defaultdict(list)
        self.first_reports: dict[tuple[str, str], Event] = {}
        """The first report of each kind by each unit: (unit, report_kind) -> event."""
        self.started_at: float | None = None
        self.ended_at: float | None = None
        self.disposal_ended_at: float | None = None
        self.city_hq_arrived_at: float | None = None
        self.city_warnings: list[Event] = []
        """Deliveries that carried the city HQ's warning (§3.4), in order."""
        self.now = 0.0
        self.structure_version = 0
        """Grows when an event changes which expectations exist (not on ordinary actions)."""

    @property
    def occurred_at(self) -> float:
        return self.scenario.occurred_at * 60

    def add(self, event: Event) -> None:
        self.events.append(event)
        t = event.scenario_time
        self.now = max(self.now, t)
        kind = event.kind
        self.by_kind[kind].append(event)
        if event.unit is not None:
            self.actions[(event.unit, kind)].append(event)
        if kind == "inject_delivered":
            self._delivered(event)
        elif kind == "inject_skipped":
            self.skipped.add(event.payload["inject"])
        elif kind == "exercise_started":
            self.started_at = t
        elif kind == "exercise_ended":
            self.ended_at = t
            self.structure_version += 1
        elif kind == "disposal_ended" and self.disposal_ended_at is None:
            self.disposal_ended_at = t
            self.structure_version += 1
        elif kind == "report_submitted":
            assert event.unit is not None
            report_kind = event.payload.get("report_kind", "")
            if (event.unit, report_kind) not in self.first_reports:
                self.first_reports[(event.unit, report_kind)] = event
            self._report_delivered(event)
            self.structure_version += 1  # reports inform recipients and move follow-ups
        elif kind in SHAPING_ACTIONS:
            self.structure_version += 1  # authority lines, §3.5 actions, a premature hand-over
        elif kind == "sensitive_determined" and event.unit not in self.sensitive_determined_at:
            assert event.unit is not None
            self.sensitive_determined_at[event.unit] = t
            self.structure_version += 1

    def _delivered(self, event: Event) -> None:
        p = event.payload
        t = event.scenario_time
        if p.get("inject"):
            self.delivered[p["inject"]] = event
        facts = p.get("facts") or {}
        if facts:
            self.facts.update(t, facts)
        if facts.get("disposal_ended") is True and self.disposal_ended_at is None:
            self.disposal_ended_at = t
        if p.get("city_hq_arrives") and self.city_hq_arrived_at is None:
            self.city_hq_arrived_at = t
        if p.get("city_warning"):
            self.city_warnings.append(event)
        for seat in p["to"]:
            if facts:
                self.unit_facts[seat].update(t, facts)
            if p.get("informs_incident") and seat not in self.known_at:
                self.known_at[seat] = t
            if facts.get("sensitive_event") is True and seat not in self.told_sensitive_at:
                self.told_sensitive_at[seat] = t
        self.structure_version += 1

    def _report_delivered(self, event: Event) -> None:
        """What a report states becomes known to the seats it is addressed to (§4.1.2)."""
        figures = event.payload.get("figures") or {}
        t = event.scenario_time
        for recipient in event.payload.get("recipients") or ():
            seat = self.recipient_seats.get(recipient)
            if seat is None or seat == event.unit:
                continue
            if figures:
                self.unit_facts[seat].update(t, figures)
            self.known_at.setdefault(seat, t)

    def unit_knowledge_times(self, unit: str) -> list[float]:
        """When what *unit* had been told changed."""
        series = self.unit_facts.get(unit)
        return list(series.times) if series else []

    def facts_at(self, time: float) -> FactsSnapshot:
        return self.facts.at(time)

    def unit_facts_at(self, unit: str, time: float) -> FactsSnapshot:
        series = self.unit_facts.get(unit)
        return series.at(time) if series else {}

    def fact_change_times(self) -> list[float]:
        return list(self.facts.times)

    def actions_of(self, unit: str, kind: str) -> list[Event]:
        return self.actions.get((unit, kind), [])

    def first_action(
        self, units: tuple[str, ...] | None, kind: str, key: str | None = None, value: object = None
    ) -> Event | None:
        """The earliest action of *kind* by any of *units* (any seat if None) matching key=value."""
        candidates = (
            self.by_kind.get(kind, [])
            if units is None
            else [e for u in units for e in self.actions.get((u, kind), [])]
        )
        best: Event | None = None
        for event in candidates:
            if key is not None and event.payload.get(key) != value:
                continue
            if best is None or event.scenario_time < best.scenario_time:
                best = event
        return best
