"""The evaluation of a finished drill: the 100-point sheet, P/S/M/U per objective,
findings, and the AQ/T 9009 post-exercise reviews — all derived from the score and
the evaluators' events, for the whole drill or for one unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from drill_app.core.events import Event
from drill_app.core.plan import Plan
from drill_app.core.scenario import Objective, Scenario
from drill_app.core.scoring import Line, ScoreSheet, ScoringRules, hundred_point_total

REVIEW_STAGES = ("onsite_review", "self_assessment", "team_assessment")


@dataclass(frozen=True)
class CategoryResult:
    id: str
    name: str
    name_en: str
    weight: float
    points: float
    max_points: float
    lines: int

    @property
    def applicable(self) -> bool:
        return self.max_points > 0 and self.weight > 0

    @property
    def score(self) -> float:
        """This category's share of the 100-point sheet (to 2 decimals, as printed)."""
        return round(self.weight * self.points / self.max_points, 2) if self.applicable else 0.0


@dataclass(frozen=True)
class ObjectiveResult:
    objective: Objective
    points: float
    max_points: float
    suggested: str | None
    """P/S/M/U from the lines under the objective's § references (None: no lines)."""
    rating: str | None
    """The evaluators' latest rating, if any."""
    comment: str

    @property
    def final(self) -> str | None:
        return self.rating or self.suggested


@dataclass(frozen=True)
class Finding:
    kind: str  # strength | area_for_improvement
    text: str
    plan_ref: str
    cause: str
    grade: str | None
    evidence: tuple[str, ...]
    unit: str | None
    from_evaluators: bool
    text_en: str = ""
    """For a finding derived from a scored line: its English wording."""


@dataclass(frozen=True)
class Review:
    stage: str
    text: str
    unit: str | None
    by: str
    at: float


@dataclass(frozen=True)
class Evaluation:
    unit: str | None
    categories: tuple[CategoryResult, ...]
    total: float
    """The 100-point total, normalised over the applicable categories."""
    grade: str
    grade_en: str
    objectives: tuple[ObjectiveResult, ...]
    findings: tuple[Finding, ...]
    reviews: tuple[Review, ...]
    notes: tuple[Event, ...]
    lines: tuple[Line, ...]

    @property
    def applicable_weight(self) -> float:
        """The sum of the weights of the categories that apply (the normalisation base)."""
        return sum(c.weight for c in self.categories if c.applicable)

    @property
    def applicable_score(self) -> float:
        """The sum of the category scores before normalisation (to 2 decimals)."""
        return round(
            sum(c.weight * c.points / c.max_points for c in self.categories if c.applicable), 2
        )


def unit_totals(scenario: Scenario, sheet: ScoreSheet, rules: ScoringRules) -> dict[str, float]:
    """Each unit's own 100-point total: the sheet's normalisation over that unit's lines
    (the figure printed on the unit's scoring sheet)."""
    rules = rules.with_overrides(scenario.scoring)
    units = dict.fromkeys(x.unit for x in sheet.lines if x.status != "pending")
    return {
        unit: hundred_point_total((x for x in sheet.lines if x.unit == unit), rules)
        for unit in units
    }


def with_unit_totals(
    result: dict[str, Any], scenario: Scenario, sheet: ScoreSheet, rules: ScoringRules
) -> dict[str, Any]:
    """The score's JSON with each unit's own 100-point total (``totals.by_unit.U.total``)."""
    by_unit = result["totals"]["by_unit"]
    for unit, total in unit_totals(scenario, sheet, rules).items():
        by_unit.setdefault(unit, {})["total"] = total
    return result


def covers(refs: Iterable[str], plan_ref: str) -> bool:
    """True when *plan_ref* is one of *refs* or a subsection of one (§5.1.1 covers §5.1.1.2)."""
    return any(plan_ref == ref or plan_ref.startswith((ref + ".", ref + "(")) for ref in refs)


def rating_for(rules: ScoringRules, percent: float) -> str:
    for band in sorted(rules.objective_ratings, key=lambda r: -r.min):
        if percent >= band.min:
            return band.rating
    return rules.objective_ratings[-1].rating


def evaluate(
    plan: Plan,
    scenario: Scenario,
    sheet: ScoreSheet,
    events: Sequence[Event],
    rules: ScoringRules,
    unit: str | None = None,
) -> Evaluation:
    rules = rules.with_overrides(scenario.scoring)
    lines = tuple(
        x for x in sheet.lines if x.status != "pending" and (unit is None or x.unit == unit)
    )
    categories = []
    for category in rules.categories:
        chosen = [x for x in lines if x.category == category.id]
        categories.append(
            CategoryResult(
                category.id,
                category.name,
                category.name_en,
                rules.sheet_weights.get(category.id, 0.0),
                round(sum(x.points for x in chosen), 2),
                sum(x.max_points for x in chosen),
                len(chosen),
            )
        )
    total = hundred_point_total(lines, rules)
    grade = rules.grade_for(total)

    ratings: dict[str, Event] = {}
    for event in events:
        if event.kind != "evaluator_rating" or not event.payload.get("objective"):
            continue
        if _concerns(event, unit):
            ratings[event.payload["objective"]] = event  # the latest prevails
    objectives = []
    for objective in scenario.objectives:
        under = [x for x in lines if covers(objective.refs, x.plan_ref)]
        max_points = sum(x.max_points for x in under)
        points = round(sum(x.points for x in under), 2)
        suggested = rating_for(rules, 100 * points / max_points) if max_points else None
        rated = ratings.get(objective.id)
        objectives.append(
            ObjectiveResult(
                objective,
                points,
                max_points,
                suggested,
                rated.payload["rating"] if rated else None,
                rated.payload.get("comment", "") if rated else "",
            )
        )

    findings = [_finding(e) for e in events if e.kind == "finding_recorded"]
    findings = [f for f in findings if unit is None or f.unit in (None, unit)]
    graded_by_status = {
        rule.from_status: grade_id for grade_id, rule in rules.finding_grades.items()
    }
    evaluated_refs = {f.plan_ref for f in findings if f.kind == "area_for_improvement"}
    for line in lines:
        if line.status in graded_by_status and line.plan_ref not in evaluated_refs:
            text = line.title + (f"：{line.detail}" if line.detail else "")
            text_en = line.title_en + (f": {line.detail}" if line.detail else "")
            if line.status == "late":
                text += f"（迟{line.minutes_late}分钟）"
                text_en += f" ({line.minutes_late} min late)"
            elif line.status == "missed":
                text += "（未完成）"
                text_en += " (not done)"
            else:
                text += "（错误）"
                text_en += " (wrong)"
            findings.append(
                Finding(
                    "area_for_improvement",
                    text,
                    line.plan_ref,
                    "",
                    graded_by_status[line.status],
                    line.evidence,
                    line.unit,
                    False,
                    text_en,
                )
            )
    reviews = tuple(
        Review(
            e.payload["stage"],
            e.payload["text"],
            e.payload.get("about_unit"),
            e.payload.get("by", ""),
            e.scenario_time,
        )
        for e in events
        if e.kind == "review_recorded" and _concerns(e, unit)
    )
    notes = tuple(e for e in events if e.kind == "evaluator_note" and _concerns(e, unit))
    return Evaluation(
        unit,
        tuple(categories),
        total,
        grade.grade,
        grade.grade_en,
        tuple(objectives),
        tuple(findings),
        reviews,
        notes,
        lines,
    )


def _concerns(event: Event, unit: str | None) -> bool:
    """An evaluator event about *unit*, or about the whole drill (no unit)."""
    return unit is None or event.payload.get("about_unit") in (None, unit)


def _finding(event: Event) -> Finding:
    p = event.payload
    return Finding(
        p["finding"],
        p["text"],
        p.get("plan_ref", ""),
        p.get("cause", ""),
        p.get("grade"),
        tuple(p.get("evidence") or ()),
        p.get("about_unit"),
        True,
    )
