"""A district-wide drill for pagination tests and benchmarks: 30 seats, 4 hours.

Lixia has 14 street offices (街道办事处); a district-wide drill seats each of them.
The built-in plan has one generic 街道办事处 unit, so this builds a plan variant with
the other 13 as units of their own, and a scenario that seats all 30 units.  The
actions are a realistic mix spread over four hours (reports with figures, steps,
groups, levels, warnings, evaluator notes), about 5,000 events in all.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from drill_app.core.exercise import Exercise, ReplayClock, sequential_ids
from drill_app.core.plan import Plan, load_plan
from drill_app.core.scenario import Scenario, load_scenario
from drill_app.core.scoring import ScoringRules
from drill_app.paths import DEFAULT_PLAN

STREETS = [
    ("jiefanglu", "解放路街道办事处"),
    ("qianfoshan", "千佛山街道办事处"),
    ("baotuquan", "趵突泉街道办事处"),
    ("quanchenglu", "泉城路街道办事处"),
    ("daminghu", "大明湖街道办事处"),
    ("dongguan", "东关街道办事处"),
    ("wendong", "文东街道办事处"),
    ("jianxin", "建新街道办事处"),
    ("dianliu", "甸柳街道办事处"),
    ("yanshan", "燕山街道办事处"),
    ("longdong", "龙洞街道办事处"),
    ("zhiyuan", "智远街道办事处"),
    ("shunhualu", "舜华路街道办事处"),
]


def write_plan(folder: Path) -> Path:
    data = yaml.safe_load(DEFAULT_PLAN.read_text(encoding="utf-8"))
    for key, name in STREETS:
        data["units"].append(
            {
                "id": f"street_{key}",
                "name": name,
                "name_en": f"{key} sub-district office",
                "kind": "street",
                "ref": "§2.1.3",
                "duties": ["负责本辖区城镇燃气突发事件的应急处置（§2.1.3 街道办事处职责）。"],
            }
        )
    path = folder / "lixia-district-wide.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_scenario(folder: Path, plan: Plan) -> Path:
    seats = [u.id for u in plan.units][:30]
    injects = [
        {
            "id": "i01",
            "at": 0,
            "source": "hotline_12345",
            "to": seats,
            "title": "全区燃气管网压力异常",
            "text": "多个街道报告燃气泄漏和压力异常。",
            "informs_incident": True,
            "facts": {
                "gas_leak": True,
                "explosion": True,
                "minor_injuries": 4,
                "serious_injuries": 2,
                "cordon_evacuated_people": 600,
                "direct_loss_yuan": 2_000_000,
            },
        }
    ]
    for n in range(2, 12):
        injects.append(
            {
                "id": f"i{n:02d}",
                "at": n * 20,
                "source": "controller",
                "to": seats,
                "title": f"第{n}次情况通报",
                "text": "现场情况持续变化，请各单位报告处置进展。",
                "facts": {"minor_injuries": 4 + n},
            }
        )
    scenario = {
        "format": 1,
        "id": "district_wide",
        "title": "历下区全区燃气突发事件综合演练",
        "summary": "全区范围的燃气泄漏与爆炸事件，各街道和部门协同处置。",
        "category": "safety",
        "exercise_type": "live",
        "intended_level": "IV",
        "intended_warning": None,
        "location": {"name": "历下区", "street": "全区"},
        "duration_minutes": 240,
        "objectives": [{"id": "reporting", "text": "检验信息报告时效。", "refs": ["§4.1.2"]}],
        "seats": seats,
        "roles": {"incident_unit": "towngas", "district_command": "housing"},
        "injects": injects,
    }
    path = folder / "district-wide.yaml"
    path.write_text(yaml.safe_dump(scenario, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build(
    folder: Path, rules: ScoringRules, n_events: int = 5000, seed: int = 11
) -> tuple[Plan, Scenario, Exercise]:
    plan = load_plan(write_plan(folder))
    scenario = load_scenario(plan, write_scenario(folder, plan))
    rnd = random.Random(seed)
    clock = ReplayClock()
    ex = Exercise(plan, scenario, rules, "district", wall_clock=clock, new_id=sequential_ids("d"))
    ex.submit("exercise_started", actor="controller")
    end = scenario.duration_minutes * 60
    step = end / n_events
    groups = [g.id for g in plan.groups]
    steps = [s.id for s in plan.actions.first_response_safety]
    active: set[str] = set()
    while len(ex.events) < n_events - 1:
        clock.now = min(end - 1, clock.now + step)
        for inject in ex.due_injects():
            ex.release(inject.id)
        unit = rnd.choice(scenario.seats)
        r = rnd.random()
        if r < 0.4:
            kind = rnd.choice(["phone", "written", "followup"])
            ex.submit(
                "report_submitted",
                {"report_kind": kind, "figures": {"minor_injuries": 4}},
                actor="seat",
                unit=unit,
            )
        elif r < 0.6:
            ex.submit("step_taken", {"step": rnd.choice(steps)}, actor="seat", unit=unit)
        elif r < 0.8:
            group = rnd.choice(groups)
            ex.submit(
                "group_stood_down" if group in active else "group_activated",
                {"group": group},
                actor="seat",
                unit=unit,
            )
            active ^= {group}
        elif r < 0.85:
            ex.submit("level_determined", {"level": "IV"}, actor="seat", unit="housing")
        else:
            note = {"text": f"{plan.party_name(unit)}处置记录", "about_unit": unit}
            ex.submit("evaluator_note", note, actor="evaluator")
    clock.now = end
    ex.submit("exercise_ended", actor="controller")
    return plan, scenario, ex
