"""Every refusal a user can meet is produced by the real engine and reads in Chinese.

Each situation below makes the engine (or the archive worker, or the store) refuse a
command; the refusal's code is checked, then the one wording table
(``drill_app.wording.refusal_text``) must turn it into Chinese. Together the situations
produce every code of ``drill_app.core.refusals.RefusalCode``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest

from drill_app.core.commands import Command
from drill_app.core.events import Event
from drill_app.core.exercise import Exercise, ReplayClock, sequential_ids
from drill_app.core.plan import Plan
from drill_app.core.refusals import EventError, Refusal, RefusalCode
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.ui.session import ArchiveWorker
from drill_app.wording import PlanWords, refusal_text

CJK = re.compile(r"[\u4e00-\u9fff]")
SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"


def exercise(plan: Plan, *, started: bool = True) -> Exercise:
    ex = Exercise(
        plan,
        load_scenario(plan, SCENARIO),
        load_scoring_rules(DEFAULT_SCORING),
        "x",
        wall_clock=ReplayClock(),
        new_id=sequential_ids("x"),
    )
    if started:
        ex.submit("exercise_started", actor="controller")
    return ex


def seat(ex: Exercise, kind: str, payload: dict[str, Any], unit: str | None = "housing") -> None:
    ex.submit(kind, payload, actor="seat", unit=unit)


def evaluator(ex: Exercise, kind: str, payload: dict[str, Any]) -> None:
    ex.submit(kind, payload, actor="evaluator")


def event(ex: Exercise, *, exercise_id: str = "x", event_id: str = "y", at: float = 0.0) -> Event:
    return Event(event_id, exercise_id, "exercise_paused", "controller", None, {}, at, 0.0)


def jump_back(ex: Exercise) -> None:
    wall = ex._wall
    assert isinstance(wall, ReplayClock)
    wall.now = 600.0
    ex.submit("clock_jumped", {"to_seconds": 60.0}, actor="controller")


def twice(action: Callable[[Exercise], None]) -> Callable[[Exercise], None]:
    def run(ex: Exercise) -> None:
        action(ex)
        action(ex)

    return run


def adhoc(to: list[str]) -> dict[str, Any]:
    return {"title": "临时", "text": "临时注入", "source": "police_110", "to": to}


SITUATIONS: list[tuple[RefusalCode, bool, Callable[[Exercise], None]]] = [
    ("unknown_event_kind", True, lambda ex: ex.submit("no_such_kind", actor="controller")),
    ("invalid_field", True, lambda ex: seat(ex, "level_determined", {"level": "V"})),
    (
        "invalid_fact",
        True,
        lambda ex: seat(
            ex, "report_submitted", {"report_kind": "phone", "figures": {"deaths": -1}}
        ),
    ),
    (
        "event_already_recorded",
        True,
        lambda ex: ex.submit("exercise_paused", actor="controller", event_id="x-000001"),
    ),
    ("event_other_exercise", True, lambda ex: ex.apply(event(ex, exercise_id="other"))),
    ("wrong_actor", True, lambda ex: ex.submit("exercise_paused", actor="seat", unit="housing")),
    ("unit_required", True, lambda ex: seat(ex, "level_determined", {"level": "IV"}, None)),
    ("unit_has_no_seat", True, lambda ex: seat(ex, "level_determined", {"level": "IV"}, "water")),
    (
        "time_before_last_event",
        True,
        lambda ex: [jump_back_free(ex), ex.apply(event(ex, at=1.0))],
    ),
    (
        "exercise_already_started",
        True,
        lambda ex: ex.submit("exercise_started", actor="controller"),
    ),
    ("exercise_not_started", False, lambda ex: seat(ex, "level_determined", {"level": "IV"})),
    (
        "exercise_ended",
        True,
        lambda ex: [
            ex.submit("exercise_ended", actor="controller"),
            seat(ex, "level_determined", {"level": "IV"}),
        ],
    ),
    (
        "exercise_already_paused",
        True,
        twice(lambda ex: ex.submit("exercise_paused", actor="controller")),
    ),
    ("exercise_not_paused", True, lambda ex: ex.submit("exercise_resumed", actor="controller")),
    ("clock_backwards", True, jump_back),
    ("inject_unknown", True, lambda ex: ex.release("no-such-inject")),
    ("inject_already_released", True, twice(lambda ex: ex.release(ex.scenario.injects[0].id))),
    (
        "recipient_has_no_seat",
        True,
        lambda ex: ex.submit("inject_delivered", adhoc(["water"]), actor="controller"),
    ),
    ("group_unknown", True, lambda ex: seat(ex, "group_activated", {"group": "no_such_group"})),
    (
        "group_already_active",
        True,
        twice(lambda ex: seat(ex, "group_activated", {"group": "medical"})),
    ),
    ("group_not_active", True, lambda ex: seat(ex, "group_stood_down", {"group": "medical"})),
    ("warning_in_force", True, twice(lambda ex: seat(ex, "warning_issued", {"colour": "blue"}))),
    ("no_warning_to_change", True, lambda ex: seat(ex, "warning_changed", {"colour": "red"})),
    ("no_warning_to_lift", True, lambda ex: seat(ex, "warning_lifted", {})),
    (
        "warning_already",
        True,
        lambda ex: [
            seat(ex, "warning_issued", {"colour": "blue"}),
            seat(ex, "warning_changed", {"colour": "blue"}),
        ],
    ),
    ("step_unknown", True, lambda ex: seat(ex, "step_taken", {"step": "no_such_step"})),
    ("user_class_unknown", True, lambda ex: seat(ex, "supply_cut", {"user_class": "nobody"})),
    (
        "supply_already_cut",
        True,
        twice(lambda ex: seat(ex, "supply_cut", {"user_class": "industrial"})),
    ),
    ("supply_not_cut", True, lambda ex: seat(ex, "supply_restored", {"user_class": "industrial"})),
    ("party_unknown", True, lambda ex: seat(ex, "command_handed_over", {"to": "nobody"})),
    (
        "recipient_unknown",
        True,
        lambda ex: seat(ex, "report_submitted", {"report_kind": "phone", "recipients": ["nobody"]}),
    ),
    ("response_already_ended", True, twice(lambda ex: seat(ex, "response_ended", {}))),
    (
        "objective_unknown",
        True,
        lambda ex: evaluator(ex, "evaluator_rating", {"rating": "P", "objective": "nothing"}),
    ),
    ("entry_unknown", True, lambda ex: void(ex, "no-such-entry")),
    ("entry_not_voidable", True, lambda ex: void(ex, "x-000001")),  # the start
    (
        "entry_already_voided",
        True,
        lambda ex: [seat(ex, "warning_issued", {"colour": "blue"}), twice(voids_last)(ex)],
    ),
]


def void(ex: Exercise, entry: str) -> None:
    ex.submit("entry_voided", {"event": entry, "reason": "录入错误"}, actor="controller")


def voids_last(ex: Exercise) -> None:
    void(ex, next(e.id for e in reversed(ex.events) if e.kind == "warning_issued"))


def jump_back_free(ex: Exercise) -> None:
    """Move the replay clock on and record an event there (so the next one is earlier)."""
    wall = ex._wall
    assert isinstance(wall, ReplayClock)
    wall.now = 600.0
    ex.submit("exercise_paused", actor="controller")


def chinese_text(refusal: Refusal, plan: Plan) -> str:
    words = PlanWords(plan, english=False, scenario=load_scenario(plan, SCENARIO))
    shown = refusal_text(refusal, words)
    assert shown != str(refusal), f"untranslated: {refusal}"
    assert CJK.search(shown), f"no Chinese in {shown!r} (core said {refusal})"
    return shown


@pytest.mark.parametrize(("code", "started", "cause"), SITUATIONS, ids=[s[0] for s in SITUATIONS])
def test_the_engine_refuses_and_the_refusal_reads_in_chinese(
    plan: Plan, chinese: None, code: str, started: bool, cause: Callable[[Exercise], None]
) -> None:
    ex = exercise(plan, started=started)
    with pytest.raises(EventError) as refused:
        cause(ex)
    assert refused.value.refusal.code == code
    chinese_text(refused.value.refusal, plan)


def new_exercise_in(worker: ArchiveWorker) -> str:
    from drill_app.store.store import NewExercise, SeatInfo

    created: list[str] = []
    worker.exercise_created.connect(created.append)
    worker.create_exercise(
        NewExercise(
            title="山海社区燃气爆炸桌面推演",
            plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
            scenario_text=SCENARIO.read_text(encoding="utf-8"),
            held_on=dt.date(2026, 11, 28),
            seats=(SeatInfo("housing", "张强"),),
        )
    )
    return created[0]


def test_the_archive_refuses_when_no_exercise_is_open_or_nothing_can_be_saved(
    plan: Plan, chinese: None, tmp_path: Path
) -> None:
    worker = ArchiveWorker(user_scenarios=tmp_path / "none")
    refused: list[Refusal] = []
    worker.command_refused.connect(lambda _id, reason: refused.append(reason))
    worker.submit(Command("c1", "exercise_started", {}, "controller"))
    assert [r.code for r in refused] == ["no_exercise_open"]

    worker.open_store(f"sqlite:///{tmp_path / 'drills.sqlite'}")
    worker.open_exercise(new_exercise_in(worker))
    worker.close()  # the database is gone: nothing can be saved
    worker.submit(Command("c2", "exercise_started", {}, "controller"))
    assert [r.code for r in refused] == ["no_exercise_open", "not_saved"]
    assert chinese_text(refused[0], plan) == "没有打开的演练"
    assert chinese_text(refused[1], plan).startswith("未保存：")


def test_the_store_refuses_another_event_under_a_stored_id(
    plan: Plan, chinese: None, tmp_path: Path
) -> None:
    from drill_app.store.store import Store

    worker = ArchiveWorker(user_scenarios=tmp_path / "none")
    worker.open_store(f"sqlite:///{tmp_path / 'drills.sqlite'}")
    first, second = new_exercise_in(worker), new_exercise_in(worker)
    worker.close()
    rules = load_scoring_rules(DEFAULT_SCORING)
    with Store.open(f"sqlite:///{tmp_path / 'drills.sqlite'}") as store:
        one = store.load_exercise(first, rules, new_id=sequential_ids("e"))
        one.submit("exercise_started", actor="controller")
        two = store.load_exercise(second, rules, new_id=sequential_ids("e"))  # e-000001 again
        with pytest.raises(EventError) as refused:
            two.submit("exercise_started", actor="controller")
    assert refused.value.refusal.code == "event_stored_differently"
    chinese_text(refused.value.refusal, plan)


def test_every_code_is_produced_by_one_of_these_situations() -> None:
    produced = {code for code, _started, _cause in SITUATIONS}
    produced |= {"no_exercise_open", "not_saved", "event_stored_differently"}
    # watching another process's exercise, hosting on an address not this machine's:
    # tests/ui/test_claim.py and tests/ui/test_host_panel.py
    produced |= {"exercise_watched", "hosting_failed"}
    assert produced == set(get_args(RefusalCode))


def test_a_refused_figure_names_the_figure_and_the_problem(plan: Plan, chinese: None) -> None:
    ex = exercise(plan)
    with pytest.raises(EventError) as refused:
        seat(ex, "report_submitted", {"report_kind": "phone", "figures": {"deaths": -1}})
    assert refused.value.refusal["fact"] == "deaths"
    assert chinese_text(refused.value.refusal, plan) == "死亡人数：不能为负数"


def test_a_released_inject_is_named_by_its_title(plan: Plan, chinese: None) -> None:
    ex = exercise(plan)
    inject = ex.scenario.injects[0]
    ex.release(inject.id)
    with pytest.raises(EventError) as refused:
        ex.release(inject.id)
    assert chinese_text(refused.value.refusal, plan) == f"注入“{inject.title}”已发出或已跳过"
