"""Voids in a replay file (docs/replay-format.md, "Voids"): during play, and after the end
as a correction of the review stage; evaluators' records after the end too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drill_app.cli import main
from drill_app.paths import SCENARIOS_DIR

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
# The four injects of the first ten minutes are events 2 to 5: the report at minute 12 is 6.
REPORT = (
    '{"at": 12, "unit": "housing", "kind": "report_submitted", "payload": '
    '{"report_kind": "phone", "recipients": '
    '["district_government", "district_hq_office", "city_government"]}}\n'
)
VOID = (
    '{"at": %s, "kind": "entry_voided", "payload": {"event": "replay-000006", "reason": "误记"}}\n'
)


def phone_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> dict[str, object]:
    actions = tmp_path / "actions.jsonl"
    actions.write_text(text, encoding="utf-8")
    assert main(["replay", str(SCENARIO), str(actions), "--json"]) in (0, None)
    sheet = json.loads(capsys.readouterr().out)
    return next(x for x in sheet["lines"] if x["id"] == "phone_report:housing")


def test_a_void_names_a_report_by_its_replay_id_and_scores_it_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = phone_line(tmp_path, capsys, REPORT)
    assert (kept["status"], kept["evidence"]) == ("met", ["replay-000006"])
    voided = phone_line(tmp_path, capsys, REPORT + VOID % 14)
    assert (voided["status"], voided["evidence"]) == ("missed", [])


def test_after_the_end_a_void_and_an_evaluator_note_are_still_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ended = (
        REPORT
        + '{"at": 40, "kind": "exercise_ended"}\n'
        + '{"at": 45, "kind": "evaluator_note", "payload": {"text": "报告单位有误"}}\n'
    )
    assert phone_line(tmp_path, capsys, ended)["status"] == "met"
    corrected = phone_line(tmp_path, capsys, ended + VOID % 50)
    assert (corrected["status"], corrected["evidence"]) == ("missed", [])


def test_after_the_end_an_action_of_play_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actions = tmp_path / "actions.jsonl"
    actions.write_text(
        '{"at": 40, "kind": "exercise_ended"}\n' + REPORT.replace('"at": 12', '"at": 45'),
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as exited:
        main(["replay", str(SCENARIO), str(actions)])
    assert exited.value.code == 2
    assert (
        capsys.readouterr().err.strip().endswith(f"{actions}:2:1: the exercise has already ended")
    )
