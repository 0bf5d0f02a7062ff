"""`drill-app history --json`: the §9.3 schedule for scripts (issue 10)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers.cli import run_cli as run
from helpers.cli import save_replay as save

from drill_app.store.store import Store


def history(capsys: pytest.CaptureFixture[str], db: str, today: str) -> dict[str, object]:
    code, out, _ = run(capsys, "--db", db, "history", "--today", today, "--json")
    assert code == 0
    result: dict[str, object] = json.loads(out)
    return result


def test_history_json_with_no_drill_counts_from_the_plan_in_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'h.sqlite3'}"
    got = history(capsys, db, "2026-11-28")
    assert got == {
        "plan_ref": "§9.3",
        "interval_years": 2,
        "plan_in_force_from": "2025-11-21",
        "last_drill": None,
        "next_due": "2027-11-21",
        "overdue": False,
        "days_left": 358,
        "drills_per_year": {},
        "open_improvement_items": [],
    }
    assert history(capsys, db, "2027-11-22")["overdue"] is True


def test_history_json_after_drills_with_an_open_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'h.sqlite3'}"
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
    got = history(capsys, db, "2026-11-28")
    assert (got["last_drill"], got["next_due"], got["overdue"], got["days_left"]) == (
        "2024-10-15",
        "2026-10-15",
        True,
        -44,
    )
    assert got["drills_per_year"] == {"2023": 1, "2024": 1}
    (item,) = got["open_improvement_items"]  # type: ignore[misc]
    assert {k: item[k] for k in ("owner_unit", "action", "due_date", "status", "overdue")} == {
        "owner_unit": "emergency",
        "action": "修订值班接报流程",
        "due_date": "2026-03-31",
        "status": "open",
        "overdue": True,
    }
