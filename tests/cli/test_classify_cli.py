"""`drill-app classify` and `drill-app plan check`: the contract a script relies on."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from drill_app import __version__
from drill_app.cli import main
from drill_app.paths import DEFAULT_PLAN


def run(
    args: list[str],
    capsys: pytest.CaptureFixture[str],
    stdin: str | None = None,
    monkeypatch: pytest.MonkeyPatch | None = None,
) -> tuple[int, str, str]:
    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        code = main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def classify(facts: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts), encoding="utf-8")
    code, out, err = run(["classify", str(path)], capsys)
    assert (code, err) == (0, "")
    return json.loads(out)


def test_level_and_warning_with_reasons(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = classify({"deaths": 4, "households_affected": 12000}, tmp_path, capsys)
    assert result["level"] == "III"
    assert result["warning"] == "yellow"
    assert result["reasons"]["level"] == [
        {
            "criterion": "deaths",
            "fact": "deaths",
            "value": 4,
            "level": "III",
            "ref": "§1.6.2.3(1)",
            "text": "3人以上10人以下死亡",
        }
    ]
    assert result["reasons"]["warning"][0]["ref"] == "§3.3.3(1)"
    assert result["command"]["leads"] == {"id": "city_hq", "name": "市应急指挥部", "ref": "§1.7"}
    assert result["command"]["handover_to"]["ref"] == "§5.3.1.7"


def test_nothing_met_gives_nulls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = classify({}, tmp_path, capsys)
    assert result["level"] is None
    assert result["warning"] is None
    assert result["command"] is None


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["classify", "-"], capsys, '{"demand_excess_pct": 35}', monkeypatch)
    assert code == 0
    assert json.loads(out)["warning"] == "orange"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "drill-app classify: <stdin>:1:2: not valid JSON: Expecting property name"),
        ("", "drill-app classify: <stdin>:1:1: not valid JSON: Expecting value"),
        ("[]", "drill-app classify: <stdin>: facts must be an object of key: value, got a list"),
        ('"x"', "drill-app classify: <stdin>: facts must be an object"),
        ('{"deaths": 1, "deaths": 2}', "drill-app classify: <stdin>: duplicate key 'deaths'"),
        ('{"casualties": 1}', "drill-app classify: <stdin>: unknown fact 'casualties'"),
        (
            '{"deaths": -3}',
            "drill-app classify: <stdin>: fact 'deaths' must not be negative, got -3",
        ),
        ('{"deaths": "many"}', "drill-app classify: <stdin>: fact 'deaths' must be a number"),
        (
            '{"direct_loss_yuan": NaN}',
            "drill-app classify: <stdin>: fact 'direct_loss_yuan' must be a finite number",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line(
    text: str, message: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run(["classify", "-"], capsys, text, monkeypatch)
    assert code == 2
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["classify", str(tmp_path / "none.json")], capsys)
    assert code == 2
    assert (
        err
        == f"drill-app classify: {tmp_path / 'none.json'}: cannot read: No such file or directory\n"
    )


def test_broken_plan_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "plan.yaml"
    bad.write_text("schema_version: 1\n", encoding="utf-8")
    code, _, err = run(["--plan", str(bad), "classify", "-"], capsys, "{}", monkeypatch)
    assert code == 2
    assert err.startswith(
        f"drill-app classify: invalid plan: {bad}:1:1: identity: required field is missing"
    )


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "drill_app.cli", "classify", "-"],
        input="{not json",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("drill-app classify: <stdin>:1:2: not valid JSON")


def test_plan_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["plan", "check", str(DEFAULT_PLAN)], capsys)
    assert code == 0
    assert out.startswith(
        f"{DEFAULT_PLAN}: ok: 济南市历下区城镇燃气突发事件应急预案 (历下政办字〔2025〕5号)\n"
        "解读设置（规则按此执行）：\n"
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        DEFAULT_PLAN.read_text(encoding="utf-8").replace("interval_years: 2", "interval_years: -2"),
        encoding="utf-8",
    )
    code, out, _ = run(["plan", "check", str(bad)], capsys)
    assert code == 1
    assert "drills.interval_years: Input should be greater than 0" in out
    assert out.startswith(f"{bad}:")


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"], capsys)[:2] == (0, f"drill-app {__version__}\n")
    for args in (
        ["--help"],
        ["classify", "--help"],
        ["plan", "--help"],
        ["plan", "check", "--help"],
    ):
        code, out, _ = run(args, capsys)
        assert code == 0
        assert out.startswith("usage: drill-app")
