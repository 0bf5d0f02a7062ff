"""The expectation record shared by the modules that derive expectations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

ExpectationKind = Literal[
    "report",
    "report_content",
    "accuracy",
    "level",
    "handover",
    "group",
    "warning",
    "step",
    "request",
    "supply_order",
    "authority",
    "scenario",
]


@dataclass(frozen=True)
class Expectation:
    id: str
    kind: ExpectationKind
    category: str
    unit: str
    title: str
    title_en: str
    ref: str
    starts_at: float
    due_at: float | None
    """Scenario seconds; None where the plan sets no deadline (due by the end)."""
    until: float | None = None
    """For level and warning lines: when the next level/colour took over."""
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImmediateMinutes:
    level: float = 30
    handover: float = 30
    group: float = 30
    warning: float = 30
    step: float = 15
    response_end: float = 30
    report_at_once: float = 20
    on_scene: float = 30
    request: float = 30
