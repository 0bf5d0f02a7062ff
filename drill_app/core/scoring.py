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

from drill_app.core.duties import is_empty_report, reports_of
from drill_app.core.events import Event
from drill_app.core.expectations import Expectation, ImmediateMinutes, derive_expectations
from drill_app.core.plan import Plan
from drill_app.core.record import ExerciseRecord
from drill_app.core.scenario import Scenario
from drill_app.core.sourcefile import DataFileError, pydantic_problems, read_yaml_file

Status = Literal["met", "late", "missed", "wrong", "pending"]


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


@dataclass(frozen=True)
class _Verdict:
    status: Status
    done: Event | None = None
    evidence: tuple[Event, ...] = ()
    detail: str = ""


def judge(
    plan: Plan,
    scenario: Scenario,
    record: ExerciseRecord,
    expectation: Expectation,
    rules: ScoringRules,
    now: float,
    ended: bool,
) -> Line:
    verdict = _JUDGES[expectation.kind](plan, scenario, record, expectation)
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


def _first(events: Iterable[Event], start: float, until: float | None = None) -> list[Event]:
    return [
        e for e in events if e.scenario_time >= start and (until is None or e.scenario_time < until)
    ]


def _judge_report(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    """Met when the reports of the kind, together, have reached every recipient the plan
    names; a report that left one out does not meet it, and the line says who (§4.1.2)."""
    kinds = exp.params["report_kinds"]
    required = exp.params.get("recipients", ())
    reports = [
        e
        for e in reports_of(rec, exp.params.get("units") or (exp.unit,))
        if e.scenario_time >= exp.params["after"] and e.payload["report_kind"] in kinds
    ]
    covered: set[str] = set()
    for event in reports:
        covered.update(event.payload.get("recipients") or ())
        if covered >= set(required):
            return _Verdict("met", event)
    if reports:
        left_out = "、".join(plan.party_name(r) for r in required if r not in covered)
        return _Verdict("missed", None, tuple(reports), f"未报送：{left_out}")
    return _Verdict("missed")


_FIGURE_FIELDS = {
    "casualties": ("deaths", "serious_injuries", "minor_injuries"),
    "property_loss": ("direct_loss_yuan",),
}


def report_missing_fields(plan: Plan, payload: Mapping[str, Any]) -> list[str]:
    """The §4.1.3 items a report leaves empty, as the plan's labels."""
    fields = payload["fields"]
    figures = payload.get("figures") or {}
    missing = []
    for item in plan.reporting.content:
        value = fields.get(item.id)
        present = value not in (None, "")
        if not present and any(k in figures for k in _FIGURE_FIELDS.get(item.id, ())):
            present = True
        if not present:
            missing.append(item.label)
    return missing


def _judge_content(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    for event in reports_of(rec, (exp.unit,)):
        if event.payload["report_kind"] == "written" and event.scenario_time >= exp.starts_at:
            missing = report_missing_fields(plan, event.payload)
            if missing:
                return _Verdict("wrong", event, detail="缺少：" + "、".join(missing))
            return _Verdict("met", event)
    return _Verdict("missed", detail="未报送书面报告")


def _judge_accuracy(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    from drill_app.core.facts import FACTS_BY_KEY

    reports = rec.actions_of(exp.unit, "report_submitted")
    bad: list[Event] = []
    details: list[str] = []
    for event in reports:
        if is_empty_report(event):
            details.append(f"{round(event.minute, 1):g}分漏报：报告无接收单位、无任何报告事项")
            bad.append(event)
            continue
        known = rec.unit_facts_at(exp.unit, event.scenario_time)
        true = rec.facts_at(event.scenario_time)
        for key, stated in (event.payload.get("figures") or {}).items():
            if key not in known or known[key] == stated or true.get(key) == stated:
                continue  # judged on what it was told; the true figure is never 谎报
            label = FACTS_BY_KEY[key].label_zh
            what = "瞒报" if stated < known[key] else "谎报"
            details.append(
                f"{round(event.minute, 1):g}分{what}：{label}报{_fmt(stated)}，"
                f"已掌握{_fmt(known[key])}"
            )
            if not bad or bad[-1] is not event:
                bad.append(event)
    if bad:
        # A readable summary; every contradicting report is in the evidence.
        shown = "；".join(details[:ACCURACY_DETAILS_SHOWN])
        if len(details) > ACCURACY_DETAILS_SHOWN:
            shown += f"；等共{len(details)}处"
        return _Verdict("wrong", bad[0], tuple(bad), shown)
    return _Verdict("met", reports[-1] if reports else None)


ACCURACY_DETAILS_SHOWN = 3


def _fmt(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _judge_level(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    every = rec.actions_of(exp.unit, "level_determined")
    expected = exp.params["level"]
    if expected is None:
        got = "、".join(f"{e.payload['level']}级" for e in every)
        return _Verdict("wrong", every[0], tuple(every), f"判定为{got}，依据事实未达到分级标准")
    before = [e for e in every if e.scenario_time < exp.starts_at]
    if before and before[-1].payload["level"] == expected:
        return _Verdict("met", before[-1])  # determined ahead of the facts, and still in force
    determinations = _first(every, exp.starts_at, exp.until)
    for event in determinations:
        if event.payload["level"] == expected:
            return _Verdict("met", event)
    if before:  # a different level was in force when the facts reached this one
        determinations = [*determinations, before[-1]]
    if determinations:
        got = "、".join(dict.fromkeys(f"{e.payload['level']}级" for e in determinations))
        return _Verdict(
            "wrong",
            determinations[0],
            tuple(determinations),
            f"判定为{got}，依据事实应为{expected}级",
        )
    return _Verdict("missed")


def _judge_handover(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    every = rec.actions_of(exp.unit, "command_handed_over")
    arrived = exp.params.get("arrived")
    early = [e for e in every if arrived is None or e.scenario_time < arrived]
    events = _first(every, exp.starts_at) if arrived is not None else []
    for event in events:
        if event.payload["to"] == exp.params["to"]:
            return _Verdict("met", event)
    if events:
        return _Verdict(
            "wrong", events[0], tuple(events), f"移交给{plan.party_name(events[0].payload['to'])}"
        )
    if early:
        return _Verdict(
            "wrong",
            early[0],
            tuple(early),
            f"{round(early[0].minute, 1):g}分移交指挥权时"
            f"{plan.party_name(exp.params['to'])}尚未到场",
        )
    return _Verdict("missed")


def _judge_group(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    event = rec.first_action((exp.unit,), "group_activated", "group", exp.params["group"])
    return _Verdict("met", event) if event else _Verdict("missed")


def _judge_warning(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    expected = exp.params["colour"]
    changes = sorted(
        [
            *rec.actions_of(exp.unit, "warning_issued"),
            *rec.actions_of(exp.unit, "warning_changed"),
            *rec.actions_of(exp.unit, "warning_lifted"),
        ],
        key=lambda e: e.scenario_time,
    )
    in_force: Event | None = None
    window: list[Event] = []
    for event in changes:
        if event.scenario_time < exp.starts_at:
            in_force = event if event.kind != "warning_lifted" else None
        elif exp.until is None or event.scenario_time < exp.until:
            window.append(event)
    if expected is None:
        issued = [e for e in changes if e.kind != "warning_lifted"]
        names = "、".join(plan.colour(e.payload["colour"]).name for e in issued)
        return _Verdict("wrong", issued[0], tuple(issued), f"发布{names}预警，依据事实不应发布预警")
    if in_force is not None and in_force.payload["colour"] == expected:
        return _Verdict("met", in_force)
    for event in window:
        if event.kind != "warning_lifted" and event.payload["colour"] == expected:
            return _Verdict("met", event)
    wrong = [e for e in window if e.kind != "warning_lifted"]
    if in_force is not None:
        wrong.insert(0, in_force)
    if wrong:
        names = "、".join(plan.colour(e.payload["colour"]).name for e in wrong)
        return _Verdict(
            "wrong",
            wrong[0],
            tuple(wrong),
            f"发布{names}预警，依据事实应为{plan.colour(expected).name}",
        )
    return _Verdict("missed")


def _judge_step(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    event = rec.first_action(exp.params["units"], "step_taken", "step", exp.params["step"])
    return _Verdict("met", event) if event else _Verdict("missed")


def _judge_supply_order(
    plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation
) -> _Verdict:
    order = [u.id for u in plan.actions.supply_priority]  # most protected first
    names = {u.id: u.name for u in plan.actions.supply_priority}
    cut: set[str] = set()
    events = sorted(
        [*rec.by_kind.get("supply_cut", []), *rec.by_kind.get("supply_restored", [])],
        key=lambda e: e.scenario_time,
    )
    first: Event | None = None
    for event in events:
        user = event.payload["user_class"]
        if event.kind == "supply_restored":
            cut.discard(user)
            continue
        first = first or event
        still_supplied = [u for u in order[order.index(user) + 1 :] if u not in cut]
        if still_supplied:
            return _Verdict(
                "wrong",
                event,
                (event,),
                f"压减{names[user]}时{names[still_supplied[-1]]}仍在供气",
            )
        cut.add(user)
    return _Verdict("met", first) if first else _Verdict("missed")


def _judge_authority(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    kind = exp.params["kind"]
    if not exp.params["allowed"]:
        wanted = exp.params.get("event")
        event = next((e for e in rec.events if e.id == wanted), None) if wanted else None
        return _Verdict("wrong", event or rec.first_action(None, kind), detail=exp.title)
    units = exp.params.get("units") or (exp.unit,)
    event = rec.first_action(tuple(units), kind)
    if event is not None and event.scenario_time >= exp.starts_at:
        return _Verdict("met", event)
    return _Verdict("missed")


def _judge_request(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    for event in sorted(
        (e for u in exp.params["units"] for e in rec.actions_of(u, "help_requested")),
        key=lambda e: e.scenario_time,
    ):
        if event.payload["to"] in exp.params["to"]:  # asking ahead of the news is no fault
            return _Verdict("met", event)
    return _Verdict("missed")


def payload_contains(payload: object, wanted: object) -> bool:
    """An action's payload matches an expected one when it holds at least the expected
    fields: nested objects compare field by field, a list holds at least the listed items."""
    if isinstance(wanted, Mapping):
        return isinstance(payload, Mapping) and all(
            k in payload and payload_contains(payload[k], v) for k, v in wanted.items()
        )
    if isinstance(wanted, list) and isinstance(payload, list | tuple):
        return all(any(payload_contains(p, w) for p in payload) for w in wanted)
    return payload == wanted


def _judge_scenario(plan: Plan, sc: Scenario, rec: ExerciseRecord, exp: Expectation) -> _Verdict:
    wanted: Mapping[str, Any] = exp.params["payload"]
    for event in rec.actions_of(exp.unit, exp.params["kind"]):
        if event.scenario_time >= exp.starts_at and payload_contains(event.payload, wanted):
            return _Verdict("met", event)
    return _Verdict("missed")


_JUDGES = {
    "report": _judge_report,
    "report_content": _judge_content,
    "accuracy": _judge_accuracy,
    "level": _judge_level,
    "handover": _judge_handover,
    "group": _judge_group,
    "warning": _judge_warning,
    "step": _judge_step,
    "request": _judge_request,
    "supply_order": _judge_supply_order,
    "authority": _judge_authority,
    "scenario": _judge_scenario,
}


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
    for event in events:
        record.add(event)
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
