"""The chain's hash text is canonical JSON, written out fast; reading an archived drill
scores exactly as the engine does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from drill_app.core.plan import load_plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING, SCENARIOS_DIR
from drill_app.store.chain import EventFields, chain_hash, chain_hash_reference
from drill_app.store.store import ArchivedExercise, NewExercise, SeatInfo, Store

texts = st.text(max_size=20)
times = st.floats(min_value=0, max_value=1e10, allow_nan=False) | st.integers(0, 10**9).map(float)


@given(
    texts,
    st.integers(1, 10**6),
    st.builds(EventFields, texts, texts, texts, st.none() | texts, texts, times, times),
)
def test_the_fast_hash_is_the_canonical_json_hash(
    exercise: str, seq: int, fields: EventFields
) -> None:
    prev = "ab" * 32
    assert chain_hash(prev, exercise, seq, fields) == chain_hash_reference(
        prev, exercise, seq, fields
    )


def test_an_archived_drill_scores_as_the_engine_does(tmp_path: Path) -> None:
    plan = load_plan(DEFAULT_PLAN)
    scenario_path = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
    scenario = load_scenario(plan, scenario_path)
    rules = load_scoring_rules(DEFAULT_SCORING)
    actions = read_actions(
        Path(__file__).parents[1] / "fixtures" / "replays" / "a-late-phone.jsonl"
    )
    run, sheet = replay(plan, scenario, rules, actions, exercise_id="d-1")
    with Store.open(f"sqlite:///{tmp_path / 'a.sqlite3'}") as store:
        store.create_exercise(
            NewExercise(
                title="t",
                plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
                scenario_text=scenario_path.read_text(encoding="utf-8"),
                held_on=dt.date(2026, 11, 20),
                seats=tuple(SeatInfo(u) for u in scenario.seats),
                exercise_id="d-1",
            ),
            run.events,
        )
        record = store.stored_record("d-1")
        archived = store.archived_exercise(record, rules)
        rebuilt = store.load_exercise("d-1", rules)
    assert record.check.ok and isinstance(archived, ArchivedExercise)
    assert archived.score() == rebuilt.score() == sheet
    assert archived.events == rebuilt.events
