"""The store on SQLite and on a real PostgreSQL: the same tests on both engines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from drill_app.core.exercise import ReplayClock, sequential_ids
from drill_app.core.refusals import EventError
from drill_app.core.replay import read_actions, replay
from drill_app.core.scoring import ScoringRules, load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.store.database import StoreError
from drill_app.store.portable import export_exercise, import_exercise
from drill_app.store.store import NewExercise, SeatInfo, Store

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "replays"


@pytest.fixture(scope="module")
def rules() -> ScoringRules:
    return load_scoring_rules(DEFAULT_SCORING)


def new_exercise(store: Store, held_on: dt.date = dt.date(2026, 11, 20), **kw: object) -> str:
    return store.create_exercise(
        NewExercise(
            title="山海社区燃气爆炸桌面推演",
            plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
            scenario_text=SCENARIO.read_text(encoding="utf-8"),
            held_on=held_on,
            location="姚家街道山海社区",
            controller="王主任",
            evaluators=("李评估", "赵评估"),
            seats=(SeatInfo("housing", "张强", "PC-01"), SeatInfo("emergency", "李明", "PC-02")),
            **kw,  # type: ignore[arg-type]
        )
    )


def test_exercise_round_trip_with_chinese_text(db_url: str) -> None:
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
        detail = store.exercise(exercise_id)
    assert detail.summary.title == "山海社区燃气爆炸桌面推演"
    assert detail.summary.status == "planned"
    assert detail.summary.plan_document_number == "历下政办字〔2025〕5号"
    assert detail.seats == (
        SeatInfo("housing", "张强", "PC-01"),
        SeatInfo("emergency", "李明", "PC-02"),
    )
    assert detail.evaluators == ("李评估", "赵评估")
    assert detail.scenario_text == SCENARIO.read_text(encoding="utf-8")


def test_plans_and_scenarios_are_stored_once_by_content(db_url: str) -> None:
    with Store.open(db_url) as store:
        new_exercise(store)
        new_exercise(store)
        with store.engine.connect() as conn:
            plans = conn.execute(text("select count(*) from plan_versions")).scalar()
            scenarios = conn.execute(text("select count(*) from scenario_versions")).scalar()
    assert (plans, scenarios) == (1, 1)


def test_events_persist_and_the_exercise_resumes(db_url: str, rules: ScoringRules) -> None:
    clock = ReplayClock()
    clock.now = 1_000_000.0
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
        ex = store.load_exercise(exercise_id, rules, wall_clock=clock, new_id=sequential_ids("e"))
        ex.submit("exercise_started", actor="controller")
        ex.release("i01_hotline")
        clock.now += 600
        ex.submit(
            "step_taken", {"step": "cordon", "note": "警戒200米"}, actor="seat", unit="towngas"
        )
    clock.now += 300  # the host was down for five minutes
    with Store.open(db_url) as store:
        again = store.open_exercise(
            exercise_id, rules, wall_clock=clock, new_id=sequential_ids("r")
        )
        kinds = [e.kind for e in again.events]
        assert kinds == ["exercise_started", "inject_delivered", "step_taken", "host_restarted"]
        assert again.events[-1].payload == {"down_seconds": 300.0}
        assert again.events[2].payload == {"step": "cordon", "note": "警戒200米"}
        # the clock kept running while the host was down
        assert again.now() == 900.0
        assert store.exercise(exercise_id).summary.event_count == 4


def test_an_event_refused_by_the_store_is_not_applied(db_url: str, rules: ScoringRules) -> None:
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
        ex = store.load_exercise(exercise_id, rules, new_id=sequential_ids("e"))
        ex.submit("exercise_started", actor="controller")
        other = new_exercise(store)
        ex2 = store.load_exercise(other, rules, new_id=sequential_ids("e"))  # same ids: e-000001
        with pytest.raises(EventError, match="already stored with other content"):
            ex2.submit("exercise_started", actor="controller")
        assert ex2.events == []
        assert store.events(other) == []


def test_the_same_event_twice_is_stored_once(db_url: str, rules: ScoringRules) -> None:
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
        ex = store.load_exercise(exercise_id, rules)
        ex.submit("exercise_started", actor="controller")
        first = ex.submit(
            "step_taken", {"step": "cordon"}, actor="seat", unit="towngas", event_id="retry-1"
        )
        again = ex.submit(
            "step_taken", {"step": "cordon"}, actor="seat", unit="towngas", event_id="retry-1"
        )
        assert again is first
        store.append_event(first)  # a retry reaching the store directly
        assert [e.id for e in store.events(exercise_id)].count("retry-1") == 1


def test_verify_detects_an_altered_event(db_url: str, rules: ScoringRules) -> None:
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
        ex = store.load_exercise(exercise_id, rules)
        ex.submit("exercise_started", actor="controller")
        ex.submit(
            "report_submitted",
            {"report_kind": "phone", "figures": {"deaths": 3}},
            actor="seat",
            unit="emergency",
        )
        assert store.verify(exercise_id).ok
        with store.engine.begin() as conn:
            conn.execute(
                text(
                    "update events set payload = replace(payload, :old, :new) "
                    "where exercise_id = :x and seq = 2"
                ),
                {"old": '"deaths":3', "new": '"deaths":1', "x": exercise_id},
            )
        result = store.verify(exercise_id)
    assert not result.ok
    assert result.problems[0].startswith("event 2 (")
    assert "content does not match its hash (altered after it was recorded)" in result.problems[0]


def test_verify_detects_a_deleted_event(db_url: str, rules: ScoringRules) -> None:
    with Store.open(db_url) as store:
        exercise_id = new_exercise(store)
        ex = store.load_exercise(exercise_id, rules)
        ex.submit("exercise_started", actor="controller")
        ex.submit("step_taken", {"step": "cordon"}, actor="seat", unit="towngas")
        with store.engine.begin() as conn:
            conn.execute(
                text("delete from events where exercise_id = :x and seq = 2"), {"x": exercise_id}
            )
        result = store.verify(exercise_id)
    assert not result.ok
    assert "events removed or added" in result.problems[-1]


def test_export_import_round_trip_gives_identical_scores(
    db_url: str, rules: ScoringRules, tmp_path: Path
) -> None:
    from drill_app.core.plan import load_plan
    from drill_app.core.scenario import load_scenario
    from drill_app.core.scoring import score_exercise

    plan = load_plan(DEFAULT_PLAN)
    scenario = load_scenario(plan, SCENARIO)
    replayed, sheet = replay(
        plan,
        scenario,
        rules,
        read_actions(FIXTURES / "a-late-phone.jsonl"),
        exercise_id="drill-2024",
    )
    source = Store.open(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    with source:
        exercise_id = new_exercise(source, exercise_id="drill-2024")
        for event in replayed.events:
            source.append_event(event)
        source.add_improvement(
            issue="电话报告迟报7分钟",
            action="修订值班接报流程",
            element="plan_revision",
            owner_unit="emergency",
            due_date=dt.date(2027, 3, 31),
            exercise_id=exercise_id,
            plan_ref="§4.1.2",
        )
        export_exercise(source, exercise_id, tmp_path / "drill.json")
        head = source.verify(exercise_id).head_hash
    with Store.open(db_url) as target:
        first = import_exercise(target, tmp_path / "drill.json", rules)
        again = import_exercise(target, tmp_path / "drill.json", rules)
        assert (first.exercise_id, first.already_present) == ("drill-2024", False)
        assert (again.exercise_id, again.already_present) == ("drill-2024", True)
        check = target.verify("drill-2024")
        events = target.events("drill-2024")
        (item,) = target.improvements(open_only=True)
    assert (check.ok, check.head_hash) == (True, head)
    assert score_exercise(plan, scenario, events, rules) == sheet
    assert (item.action, item.owner_unit, item.status) == ("修订值班接报流程", "emergency", "open")


def test_an_altered_export_is_refused(db_url: str, rules: ScoringRules, tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 's.sqlite3'}") as source:
        exercise_id = new_exercise(source)
        ex = source.load_exercise(exercise_id, rules)
        ex.submit("exercise_started", actor="controller")
        ex.submit(
            "report_submitted",
            {"report_kind": "phone", "figures": {"deaths": 3}},
            actor="seat",
            unit="emergency",
        )
        export_exercise(source, exercise_id, tmp_path / "x.json")
    path = tmp_path / "x.json"
    path.write_text(
        path.read_text(encoding="utf-8").replace('\\"deaths\\":3', '\\"deaths\\":1'),
        encoding="utf-8",
    )
    with Store.open(db_url) as target:
        with pytest.raises(StoreError, match=r"altered: event 2 \(.*does not match its hash"):
            import_exercise(target, path, rules)
        assert target.list_exercises() == []


def test_improvement_items_keep_their_history(db_url: str) -> None:
    with Store.open(db_url) as store:
        item = store.add_improvement(
            issue="医疗救护组未及时启动",
            action="明确启动条件并纳入值班手册",
            element="organisation",
            owner_unit="health",
            due_date=dt.date(2027, 1, 31),
            plan_ref="§2.3.2.3",
        )
        store.set_improvement_status(item, "in_progress", "已起草")
        store.set_improvement_status(item, "closed", "已印发")
        (info,) = store.improvements()
        assert store.improvements(open_only=True) == []
        with pytest.raises(StoreError, match="status must be one of"):
            store.set_improvement_status(item, "forgotten")
    assert [(s, note) for s, _, note in info.history] == [
        ("open", ""),
        ("in_progress", "已起草"),
        ("closed", "已印发"),
    ]
