"""`drill-app replay --save`, `history`, `verify`, `export`, `import` as a user runs them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers.cli import run_cli as run
from helpers.cli import save_replay as save
from sqlalchemy import text

from drill_app.paths import SCENARIOS_DIR
from drill_app.store.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures" / "replays"
SCENARIO = str(SCENARIOS_DIR / "a-shanhai-explosion.yaml")


def test_history_shows_the_last_drill_the_next_due_and_overdue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    code, out, _ = run(capsys, "--db", db, "history", "--today", "2026-11-28")
    assert code == 0
    # no drill on record: the first is due two years after the plan took effect (§10.2)
    assert "  尚无已完成的演练记录；预案自2025-11-21起实施（§10.2）" in out
    assert "  首次演练最迟：2027-11-21（还有358天）" in out
    save(capsys, db, "2023-06-01")
    exercise_id = save(capsys, db, "2024-10-15", "a-late-phone.jsonl")
    with Store.open(db) as store:
        store.add_improvement(
            issue="电话报告迟报7分钟",
            action="修订值班接报流程",
            element="plan_revision",
            owner_unit="emergency",
            due_date=dt.date(2026, 3, 31),
            exercise_id=exercise_id,
        )
    code, out, _ = run(capsys, "--db", db, "history", "--today", "2026-11-28")
    assert code == 0
    assert "演练情况（§9.3：每2年至少组织一次应急演练）" in out
    assert "  最近一次演练：2024-10-15" in out
    assert "  下次演练最迟：2026-10-15（已逾期44天）" in out
    assert "  各年度演练次数：2023年1次，2024年1次" in out
    assert "  区应急管理局  2026-03-31  未整改  修订值班接报流程  已逾期" in out
    code, out, _ = run(capsys, "--db", db, "history", "--today", "2026-10-01")
    assert "  下次演练最迟：2026-10-15（还有14天）" in out
    assert "已逾期" not in out.split("未完成的整改事项")[0]


def test_verify_export_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    exercise_id = save(capsys, db, "2026-11-20")
    code, out, _ = run(capsys, "--db", db, "verify", exercise_id[:8])
    assert code == 0
    # 37 actions + start + end + the 8 injects released (i06 stays unreleased: no phone
    # report was missed in the perfect run)
    assert out.startswith(f"{exercise_id}: ok, 47 events, final hash ")
    final_hash = out.split("final hash ")[1].strip()

    code, out, _ = run(capsys, "--db", db, "export", exercise_id[:8], str(tmp_path / "x.json"))
    assert (code, out) == (0, f"{tmp_path / 'x.json'}: exercise {exercise_id}, 47 events\n")
    other = f"sqlite:///{tmp_path / 'b.sqlite3'}"
    code, out, _ = run(capsys, "--db", other, "import", str(tmp_path / "x.json"))
    assert (code, out) == (0, f"imported exercise {exercise_id}, 47 events\n")
    code, out, _ = run(capsys, "--db", other, "import", str(tmp_path / "x.json"))
    assert (code, out) == (
        0,
        f"exercise {exercise_id} is already here, the same: nothing to import\n",
    )
    code, out, _ = run(capsys, "--db", other, "verify", exercise_id)
    assert out.strip().endswith(final_hash)

    with Store.open(db) as store, store.engine.begin() as conn:
        conn.execute(text("update events set scenario_time = scenario_time - 600 where seq = 20"))
    code, out, err = run(capsys, "--db", db, "verify", exercise_id)
    assert code == 1
    assert err.startswith(f"{exercise_id}: the record has been altered\n  event 20 (")


def test_unknown_exercise_and_bad_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    code, _, err = run(capsys, "--db", db, "verify", "nope")
    assert (code, err) == (2, "drill-app verify: no exercise 'nope' in this database\n")
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not sqlite at all" * 50)
    code, _, err = run(capsys, "--db", f"sqlite:///{bad}", "history")
    assert code == 2
    assert err.startswith(f"drill-app history: {bad}: not a usable drill-app database (")
    assert bad.read_bytes() == b"not sqlite at all" * 50


def test_import_of_a_damaged_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "x.json"
    broken.write_text("{ not json", encoding="utf-8")
    code, _, err = run(capsys, "--db", f"sqlite:///{tmp_path / 'a.sqlite3'}", "import", str(broken))
    assert code == 2
    assert err == (
        f"drill-app import: {broken}:1:3: not valid JSON: Expecting property name enclosed in "
        "double quotes (not a drill-app export file)\n"
    )


def test_score_a_stored_exercise_with_its_final_hash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    db = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    exercise_id = save(capsys, db, "2026-11-20", "a-late-phone.jsonl")
    code, out, _ = run(capsys, "--db", db, "score", exercise_id[:8])
    assert code == 0
    assert out.startswith(
        f"姚家街道山海社区居民楼燃气爆炸事故桌面推演  2026-11-20  [{exercise_id}]\n"
    )
    assert "迟报7分钟" in out
    assert "得分 285/290（得分率 98.3%）  评估表总分 99（百分制）  等级：优" in out
    _, verify_out, _ = run(capsys, "--db", db, "verify", exercise_id)
    final_hash = verify_out.split("final hash ")[1].strip()
    assert out.rstrip().endswith(f"事件记录终值哈希（48条，完整）：{final_hash}")
    code, out, _ = run(capsys, "--db", db, "score", exercise_id, "--json")
    result = json.loads(out)
    assert (result["final_hash"], result["chain_ok"]) == (final_hash, True)
    assert result["totals"]["overall"]["points"] == 285.0
