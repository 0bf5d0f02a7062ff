"""Scoring: every expectation becomes a line — met, late, missed or wrong.

``score_exercise`` is a pure function of (plan, scenario, events, rules).  The
events are ingested once into an ExerciseRecord; expectations are derived from
its structure; each is judged by lookups, so the cost grows linearly with the
number of events.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drill_app.core.events import Event, standing_events
from drill_app.core.expectations import Expectation, ImmediateMinutes, derive_expectations
from drill_app.core.judging import JUDGES, Status, payload_contains, report_missing_fields
from drill_app.core.plan import Plan
from drill_app.core.record import ExerciseRecord
from drill_app.core.scenario import Scenario
from drill_app.core.sourcefile import DataFileError, pydantic_problems, read_yaml_file

__all__ = [
    "ScoreSheet",
    "ScoringRules",
    "Status",
    "payload_contains",
    "report_missing_fields",
    "score_exercise",
    "score_record",
]

# --- rules (data) ---------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Grade(_Model):
    min: float = Field(ge=0, le=100)
    grade: str
    grade_en: str


class ScoreCategory(_Model):
    id: str
    name: str
    name_en: str


class Immediate(_Model):
    level: float = Field(gt=0)
    handover: float = Field(gt=0)
    group: float = Field(gt=0)
    warning: float = Field(gt=0)
    step: float = Field(gt=0)
    response_end: float = Field(gt=0)
    # defaults keep scoring files written before these lines valid
    report_at_once: float = Field(default=20, gt=0)
    on_scene: float = Field(default=30, gt=0)
    request: float = Field(default=30, gt=0)


class ObjectiveRating(_Model):
    min: float = Field(ge=0, le=100)
    rating: Literal["P", "S", "M", "U"]
    name: str
    name_en: str


class FindingGradeRule(_Model):
    name: str
    name_en: str
    from_status: Literal["missed", "wrong", "late"]


class ScoringRules(_Model):
    format: Literal[1]
    points: dict[str, float]
    late_factor: float = Field(ge=0, le=1)
    immediate_minutes: Immediate
    grades: list[Grade] = Field(min_length=1)
    categories: list[ScoreCategory]
    sheet_weights: dict[str, float]
    objective_ratings: list[ObjectiveRating] = Field(min_length=1)
    finding_grades: dict[Literal["deficiency", "rectification", "improvement"], FindingGradeRule]

    def grade_for(self, percent: float) -> Grade:
        for grade in sorted(self.grades, key=lambda g: -g.min):
            if percent >= grade.min:
                return grade
        return self.grades[-1]

    def with_overrides(self, overrides: Mapping[str, Any]) -> ScoringRules:
        """These rules with a scenario's ``scoring:`` section laid over them."""
        if not overrides:
            return self
        merged = _deep_merge(self.model_dump(), dict(overrides))
        return ScoringRules.model_validate(merged)


def _deep_merge(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


# --- results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    id: str
    kind: str
    category: str
    unit: str
    title: str
    title_en: str
    plan_ref: str
    due_at: float | None
    done_at: float | None
    status: Status
    minutes_late: int
    points: float
    max_points: float
    evidence: tuple[str, ...] = ()
    detail: str = ""


@dataclass(frozen=True)
class Total:
    points: float
    max_points: float

    @property
    def percent(self) -> float:
        return round(100 * self.points / self.max_points, 1) if self.max_points else 0.0


@dataclass(frozen=True)
class ScoreSheet:
    lines: tuple[Line, ...]
    overall: Total
    by_unit: Mapping[str, Total]
    by_category: Mapping[str, Total]
    sheet_total: float
    """The 100-point total of the evaluation sheet: each category's share of its weight,
    normalised over the categories the exercise exercised (不适用 ones left out)."""
    grade: Grade
    """The grade of ``sheet_total`` (the one printed on the sheet)."""
    ended: bool
    scenario_seconds: float
    notes: tuple[str, ...] = field(default_factory=tuple)


# --- judging ---------------------------------------------------------------------------------


def judge(
    plan: Plan,
    scenario: Scenario,
    record: ExerciseRecord,
    expectation: Expectation,
    rules: ScoringRules,
    now: float,
    ended: bool,
) -> Line:
    verdict = JUDGES[expectation.kind](plan, scenario, record, expectation)
    status = verdict.status
    done_at = verdict.done.scenario_time if verdict.done else None
    due = expectation.due_at
    if status == "met" and due is not None and done_at is not None and done_at > due:
        status = "late"
    if status == "missed" and not ended and (due is None or now <= due):
        status = "pending"
    minutes_late = math.ceil((done_at - due) / 60 - 1e-9) if status == "late" else 0  # type: ignore[operator]
    max_points = float(
        expectation.params.get("points")
        or rules.points.get(expectation.kind, rules.points["scenario"])
    )
    points = {"met": max_points, "late": max_points * rules.late_factor}.get(status, 0.0)
    evidence = verdict.evidence or ((verdict.done,) if verdict.done else ())
    return Line(
        id=expectation.id,
        kind=expectation.kind,
        category=expectation.category,
        unit=expectation.unit,
        title=expectation.title,
        title_en=expectation.title_en,
        plan_ref=expectation.ref,
        due_at=due,
        done_at=done_at,
        status=status,
        minutes_late=minutes_late,
        points=round(points, 2),
        max_points=max_points,
        evidence=tuple(e.id for e in evidence),
        detail=verdict.detail,
    )


# --- the sheet -------------------------------------------------------------------------------


def immediate_minutes(rules: ScoringRules) -> ImmediateMinutes:
    m = rules.immediate_minutes
    return ImmediateMinutes(
        m.level,
        m.handover,
        m.group,
        m.warning,
        m.step,
        m.response_end,
        m.report_at_once,
        m.on_scene,
        m.request,
    )


def score_record(
    plan: Plan,
    scenario: Scenario,
    record: ExerciseRecord,
    rules: ScoringRules,
    now: float | None = None,
) -> ScoreSheet:
    """Score the record as of scenario time *now* (default: its last event)."""
    rules = rules.with_overrides(scenario.scoring)
    ended = record.ended_at is not None
    now = record.now if now is None or ended else max(now, record.now)
    expectations = derive_expectations(plan, scenario, record, immediate_minutes(rules))
    lines = [judge(plan, scenario, record, e, rules, now, ended) for e in expectations]
    order = {c.id: i for i, c in enumerate(rules.categories)}
    lines.sort(key=lambda line: (order.get(line.category, 99), line.due_at or math.inf, line.id))
    return _sheet(lines, rules, ended, now)


def score_exercise(
    plan: Plan, scenario: Scenario, events: Sequence[Event], rules: ScoringRules
) -> ScoreSheet:
    record = ExerciseRecord(scenario, plan)
    for event in standing_events(events):
        record.add(event)
    record.now = max((e.scenario_time for e in events), default=record.now)  # a void is late
    return score_record(plan, scenario, record, rules)


def hundred_point_total(lines: Iterable[Line], rules: ScoringRules) -> float:
    """Each category earns its weight x points/possible; the sum is normalised to 100 over
    the categories that have lines (a category the exercise does not exercise is 不适用)."""
    earned: dict[str, float] = {}
    possible: dict[str, float] = {}
    for line in lines:
        if line.status == "pending":
            continue
        earned[line.category] = earned.get(line.category, 0.0) + line.points
        possible[line.category] = possible.get(line.category, 0.0) + line.max_points
    weights = {c: rules.sheet_weights.get(c, 0.0) for c in possible if possible[c] > 0}
    applicable = {c: w for c, w in weights.items() if w > 0}
    total_weight = sum(applicable.values())
    if not total_weight:
        return 0.0
    score = sum(w * earned[c] / possible[c] for c, w in applicable.items())
    return round(100 * score / total_weight, 1)


def _sheet(lines: list[Line], rules: ScoringRules, ended: bool, now: float) -> ScoreSheet:
    counted = [line for line in lines if line.status != "pending"]

    def total(selected: Iterable[Line]) -> Total:
        chosen = list(selected)
        return Total(round(sum(x.points for x in chosen), 2), sum(x.max_points for x in chosen))

    overall = total(counted)
    by_unit = {
        u: total(x for x in counted if x.unit == u) for u in dict.fromkeys(x.unit for x in counted)
    }
    by_category = {
        c: total(x for x in counted if x.category == c)
        for c in dict.fromkeys(x.category for x in counted)
    }
    sheet_total = hundred_point_total(counted, rules)
    return ScoreSheet(
        lines=tuple(lines),
        overall=overall,
        by_unit=by_unit,
        by_category=by_category,
        sheet_total=sheet_total,
        grade=rules.grade_for(sheet_total),
        ended=ended,
        scenario_seconds=now,
    )


def sheet_to_json(plan: Plan, sheet: ScoreSheet, rules: ScoringRules) -> dict[str, Any]:
    """The score as a JSON-ready object (the `replay --json` contract)."""

    def total(t: Total) -> dict[str, float]:
        return {"points": t.points, "max_points": t.max_points, "percent": t.percent}

    names = {c.id: c.name for c in rules.categories}
    return {
        "lines": [
            {
                "id": x.id,
                "kind": x.kind,
                "category": x.category,
                "unit": x.unit,
                "unit_name": plan.party_name(x.unit),
                "title": x.title,
                "plan_ref": x.plan_ref,
                "due_at": x.due_at,
                "done_at": x.done_at,
                "status": x.status,
                "minutes_late": x.minutes_late,
                "points": x.points,
                "max_points": x.max_points,
                "evidence": list(x.evidence),
                "detail": x.detail,
            }
            for x in sheet.lines
        ],
        "totals": {
            "overall": {**total(sheet.overall), "grade": sheet.grade.grade},
            "sheet": {"total": sheet.sheet_total, "grade": sheet.grade.grade},
            "by_unit": {u: total(t) for u, t in sheet.by_unit.items()},
            "by_category": {
                c: {**total(t), "name": names.get(c, c)} for c, t in sheet.by_category.items()
            },
        },
        "ended": sheet.ended,
        "scenario_seconds": sheet.scenario_seconds,
    }


def load_scoring_rules(path: Path) -> ScoringRules:
    """Load scoring rules from YAML; DataFileError names file, line and problem."""
    doc = read_yaml_file(path)
    try:
        return ScoringRules.model_validate(doc.data)
    except ValidationError as exc:
        raise DataFileError(pydantic_problems(doc, exc.errors())) from None
