"""§9.3 (a drill every 2 years) counted from §10.2 (in force from the notice's date)."""

from __future__ import annotations

import datetime as dt

from drill_app.core.compliance import history_json, plan_drill_status
from drill_app.core.plan import Plan

D = dt.date


def test_the_plan_is_in_force_from_the_notices_date(plan: Plan) -> None:
    # 历下政办字〔2025〕5号, dated 2025年11月21日; §10.2 自发布之日起实施
    assert plan.identity.in_force_from == D(2025, 11, 21)
    assert plan.identity.in_force_ref == "§10.2"


def test_with_no_drill_the_first_is_due_two_years_after_the_plan_took_effect(plan: Plan) -> None:
    status = plan_drill_status(plan, [], D(2026, 11, 30))
    assert (status.last_held, status.next_due, status.overdue) == (None, D(2027, 11, 21), False)
    assert status.days_left == 356
    late = plan_drill_status(plan, [], D(2027, 11, 22))
    assert (late.next_due, late.overdue, late.days_left) == (D(2027, 11, 21), True, -1)
    assert not plan_drill_status(plan, [], D(2027, 11, 21)).overdue  # due that day


def test_after_a_drill_the_next_is_due_two_years_after_it(plan: Plan) -> None:
    status = plan_drill_status(plan, [D(2026, 3, 1), D(2026, 9, 1)], D(2026, 11, 30))
    assert (status.last_held, status.next_due, status.overdue) == (
        D(2026, 9, 1),
        D(2028, 9, 1),
        False,
    )
    assert status.per_year == ((2026, 2),)


def test_history_json_for_scripts(plan: Plan) -> None:
    item = {"owner_unit": "housing", "due_date": "2027-01-31", "action": "修订值班电话表"}
    got = history_json(plan, [D(2026, 9, 1)], [item], D(2029, 1, 1))
    assert got == {
        "plan_ref": "§9.3",
        "interval_years": 2,
        "plan_in_force_from": "2025-11-21",
        "last_drill": "2026-09-01",
        "next_due": "2028-09-01",
        "overdue": True,
        "days_left": -122,
        "drills_per_year": {"2026": 1},
        "open_improvement_items": [item],
    }
    none = history_json(plan, [], [], D(2026, 11, 30))
    assert (none["last_drill"], none["next_due"], none["overdue"]) == (None, "2027-11-21", False)
