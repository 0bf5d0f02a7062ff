"""`drill-app validate`: every problem as file:line:column: message; exit 0/1/2 like a linter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from drill_app.cli import main
from drill_app.paths import SCENARIOS_DIR

SOURCE = SCENARIOS_DIR / "a-shanhai-explosion.yaml"


def variant(tmp_path: Path, old: str, new: str, name: str = "s.yaml") -> Path:
    text = SOURCE.read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if needle in line)


def validate(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["validate", str(path)])
    return code, capsys.readouterr().out.splitlines()


def test_all_built_in_scenarios_are_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SCENARIOS_DIR)]) == 0
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize(
    ("old", "new", "needle", "column", "message"),
    [
        (
            "seats: [housing, emergency,",
            "seats: [housing, emergncy,",
            "seats:",
            18,
            "unknown unit 'emergncy'",
        ),
        (
            "    to: [fire, police, health]",
            "    to: [fire, police, helth]",
            "helth",
            24,
            "unknown unit 'helth'",
        ),
        (
            "    to: [ecology, propaganda, traffic]",
            "    to: [ecology, propaganda, water]",
            "water]",
            31,
            "unit without a seat 'water'",
        ),
        (
            "    at: 40\n",
            "    at: 2\n",
            "at: 2",
            9,
            "inject 'i05_bodies_found' at minute 2 comes before the previous timed inject (minute 10): "
            "keep the MSEL in time order",
        ),
        (
            "    at: 150\n",
            "    at: 250\n",
            "at: 250",
            9,
            "inject 'i09_under_control' at minute 250 is past the end of the exercise (duration 240 minutes)",
        ),
        (
            "      deaths: 3\n",
            "      death: 3\n",
            "death: 3",
            7,
            "injects.6.facts: unknown fact 'death'",
        ),
        (
            "      deaths: 3\n",
            "      deaths: -3\n",
            "deaths: -3",
            7,
            "injects.6.facts: fact 'deaths' must not be negative, got -3",
        ),
        (
            "intended_level: III",
            "intended_level: IV",
            "intended_level",
            17,
            "intended_level is 'IV' but the facts reach level 'III' at their peak (§1.6.2)",
        ),
        (
            "intended_warning: null",
            "intended_warning: blue",
            "intended_warning",
            19,
            "intended_warning is 'blue' but the facts reach None at their peak (§3.3)",
        ),
        (
            "payload: {step: repair}",
            "payload: {step: dance}",
            "step: dance",
            52,
            "unknown step 'dance': names nothing in the plan",
        ),
        (
            "        unit: fire\n",
            "        unit: water\n",
            "unit: water",
            15,
            "expectation names 'water', which has no seat",
        ),
        (
            'when: {expectation_missed: "phone_report:emergency"}',
            'when: {expectation_missed: "phone_call:emergency"}',
            "phone_call",
            32,
            "the condition names expectation 'phone_call:emergency', which this scenario never creates",
        ),
        (
            "  district_command: housing",
            "  district_command: finance",
            "district_command",
            21,
            "district_command 'finance' is not one of the seats",
        ),
        (
            "category: safety",
            "category: fire",
            "category: fire",
            11,
            "category: Input should be 'safety' or 'supply'",
        ),
    ],
)
def test_each_problem_is_located(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    needle: str,
    column: int,
    message: str,
) -> None:
    path = variant(tmp_path, old, new)
    code, out = validate(path, capsys)
    assert code == 1
    expected = f"{path}:{line_of(path, needle)}:{column}: "
    assert any(line.startswith(expected) and message in line for line in out), out


def test_several_problems_all_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = variant(tmp_path, "seats: [housing, emergency,", "seats: [housing, emergncy,")
    text = path.read_text(encoding="utf-8").replace("    at: 150\n", "    at: 250\n")
    path.write_text(text, encoding="utf-8")
    code, out = validate(path, capsys)
    assert code == 1
    assert any("unknown unit 'emergncy'" in x for x in out)
    assert any("past the end of the exercise" in x for x in out)


def test_missing_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = variant(tmp_path, "duration_minutes: 240\n", "")
    code, out = validate(path, capsys)
    assert code == 1
    # the document (its first key) starts on line 2, after the comment line
    assert out == [f"{path}:2:1: duration_minutes: required field is missing"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"title: [unclosed\n", ":2:1: YAML syntax: expected ',' or ']'"),
        (b"", ":1:1: the file is empty"),
        (b"\xfa\xfb\x00", ":1:1: the file is not UTF-8 text"),
        (b"\xff\xfe\x00", ":1:1: the file is UTF-16 text; save it as UTF-8"),
    ],
)
def test_unreadable_files_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    code, out = validate(path, capsys)
    assert code == 2
    assert out[0].startswith(str(path))
    assert message in out[0]


def test_not_a_mapping(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- 1\n- 2\n", encoding="utf-8")
    code, out = validate(path, capsys)
    assert code == 1
    assert out == [
        f"{path}:1:1: (document): Input should be a valid dictionary or instance of Scenario"
    ]


def test_missing_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = validate(tmp_path / "nope.yaml", capsys)
    assert code == 2
    assert out == [f"{tmp_path / 'nope.yaml'}:1:1: cannot read the file: No such file or directory"]


def test_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "drill_app.cli", "validate", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.returncode == 2
    assert proc.stdout == f"{path}:1:44: nested too deeply (more than 40 levels)\n"


def test_schema_command_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "drill-app scenario, format 1"
    assert {"injects", "seats", "intended_level"} <= set(schema["properties"])
