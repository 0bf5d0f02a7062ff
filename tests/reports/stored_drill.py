"""A stored exercise worth signing: scenario a (the emergency bureau phones in 7
minutes late, the medical group is never activated), with a controller, two
evaluators, participants, evaluator notes with their times, ratings, findings with a
cause, the AQ/T 9009 reviews and an improvement plan.  The sample documents in
docs/samples/ are made from it (tools/samples.py), and the document tests read it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

from drill_app.core.plan import load_plan
from drill_app.core.replay import parse_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.store.store import NewExercise, SeatInfo, Store

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
ACTIONS = Path(__file__).parent.parent / "fixtures" / "replays" / "a-late-phone.jsonl"
HELD_ON = dt.date(2026, 11, 20)
CONTROLLER = "王建国"
EVALUATORS = ("李明", "张华")
PARTICIPANTS = {
    "emergency": "刘洋",
    "housing": "陈静",
    "towngas": "赵磊",
    "street": "孙丽",
    "fire": "周强",
}

EVALUATION = [
    {"at": 20, "kind": "evaluator_note", "payload": {"text": "接报后未及时核实，电话报告延误。", "about_unit": "emergency"}},
    {"at": 45, "kind": "evaluator_note", "payload": {"text": "警戒区划定清晰，疏散组织有序。", "about_unit": "street"}},
    {"at": 90, "kind": "evaluator_note", "payload": {"text": "伤亡上升后级别研判及时。"}},
    {"at": 100, "kind": "evaluator_rating", "payload": {"rating": "S", "objective": "reporting", "comment": "电话报告迟报7分钟"}},
    {"at": 100, "kind": "evaluator_rating", "payload": {"rating": "P", "objective": "escalation"}},
    {"at": 110, "kind": "finding_recorded", "payload": {"finding": "strength", "text": "先期处置警戒、关阀、疏散迅速有序", "plan_ref": "§5.1.1"}},
    {"at": 110, "kind": "finding_recorded", "payload": {"finding": "area_for_improvement", "text": "区应急管理局电话报告超过20分钟时限", "plan_ref": "§4.1.2", "cause": "值班人员未掌握报告时限，核实流程过长", "grade": "improvement", "about_unit": "emergency"}},
    {"at": 115, "kind": "review_recorded", "payload": {"stage": "onsite_review", "text": "总体处置有序，信息报告时效需加强。", "by": "王建国"}},
    {"at": 116, "kind": "review_recorded", "payload": {"stage": "self_assessment", "text": "值班电话报告流程需简化。", "about_unit": "emergency", "by": "刘洋"}},
    {"at": 118, "kind": "review_recorded", "payload": {"stage": "team_assessment", "text": "医疗救护组未启动，需明确伤亡情况下的启动条件。", "by": "李明"}},
]  # fmt: skip


IMPROVEMENT = {
    "issue": "区应急管理局电话报告迟报7分钟（§4.1.2）",
    "action": "修订值班接报流程，电话报告先报后核；组织信息报告时限专项培训",
    "element": "training",
    "owner_unit": "emergency",
    "contact": "刘洋",
    "plan_ref": "§4.1.2",
    "start_date": dt.date(2026, 12, 1),
    "due_date": dt.date(2027, 2, 28),
}


def written_by_people() -> list[str]:
    """Everything in the drill that people wrote (in Chinese): no English exists for it."""
    texts = [str(v) for a in EVALUATION for v in a["payload"].values()]  # type: ignore[attr-defined]
    return texts + [str(v) for v in IMPROVEMENT.values()] + list(PARTICIPANTS.values())


def store_exercise(folder: Path) -> tuple[str, str]:
    """Replay the drill into a new SQLite archive in *folder*; (database URL, exercise id)."""
    plan = load_plan(DEFAULT_PLAN)
    rules = load_scoring_rules(DEFAULT_SCORING)
    scenario = load_scenario(plan, SCENARIO)
    lines = [
        x
        for x in ACTIONS.read_text(encoding="utf-8").splitlines()
        if '"group": "medical"' not in x  # the medical group is never activated
    ]
    lines += [json.dumps(a, ensure_ascii=False) for a in EVALUATION]
    exercise, _ = replay(plan, scenario, rules, parse_actions("\n".join(lines), "sample"))
    url = f"sqlite:///{folder / 'archive.sqlite'}"
    with Store.open(url) as store:
        exercise_id = store.create_exercise(
            NewExercise(
                title=scenario.title,
                plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
                scenario_text=SCENARIO.read_text(encoding="utf-8"),
                held_on=HELD_ON,
                exercise_type=scenario.exercise_type,
                location=scenario.location.name,
                controller=CONTROLLER,
                evaluators=EVALUATORS,
                seats=tuple(SeatInfo(u, PARTICIPANTS.get(u, "")) for u in scenario.seats),
            )
        )
        for event in exercise.events:
            store.append_event(
                replace(event, id=f"{exercise_id}-{event.id}", exercise_id=exercise_id)
            )
        store.add_improvement(exercise_id=exercise_id, **IMPROVEMENT)  # type: ignore[arg-type]
    return url, exercise_id
