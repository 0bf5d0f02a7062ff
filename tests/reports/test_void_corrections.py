"""A void recorded after the end (a correction of the review stage, docs/scoring.md
"Voids") is listed in the after-action report as such, and the score no longer counts the
entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from documenting import flat, text_of

from drill_app.cli import main
from drill_app.core.plan import Plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.scenario import load_scenario
from drill_app.core.scoring import load_scoring_rules
from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR

FIXTURES = Path(__file__).parent.parent / "fixtures" / "replays"
SCENARIO = str(SCENARIOS_DIR / "a-shanhai-explosion.yaml")


def test_a_void_after_the_end_is_listed_as_a_correction_in_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plan: Plan
) -> None:
    source = FIXTURES / "a-late-phone.jsonl"
    scenario = load_scenario(plan, Path(SCENARIO))
    exercise, _ = replay(plan, scenario, load_scoring_rules(DEFAULT_SCORING), read_actions(source))
    late = next(
        e for e in exercise.events if e.kind == "report_submitted" and e.unit == "emergency"
    )
    lines = [
        {"at": 170, "kind": "exercise_ended"},
        {"at": 185, "kind": "entry_voided", "payload": {"event": late.id, "reason": "误录"}},
    ]
    actions = tmp_path / "corrected.jsonl"
    actions.write_text(
        source.read_text(encoding="utf-8") + "".join(json.dumps(x) + "\n" for x in lines), "utf-8"
    )
    out = tmp_path / "aar.pdf"
    args = ["report", "--replay", SCENARIO, str(actions), "--held-on", "2026-11-20"]
    assert main(["--lang", "zh_CN", *args, "--aar", "--pdf", str(out)]) == 0
    capsys.readouterr()
    compact = flat(text_of(out))
    assert "作为误录作废的记录（共1条）：保留在演练记录中，不计入评分。" in compact
    # voided at the end's scenario time (the clock stands still), marked as a correction
    assert "0:32区应急管理局信息报告2:50（演练结束后，点评中更正）误录" in compact
    assert "迟7分钟" not in compact
