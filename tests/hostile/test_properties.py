"""Property tests: mutated scenarios, actions files and export files never raise.

Whatever hypothesis does to a real file (bytes deleted, inserted, replaced or
repeated; a JSON value swapped for another), the command ends with status 0, 1
or 2 and no traceback, and an import it refuses leaves the database as it was.
An import it accepts can be verified and scored.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hostile_support import CORPUS, run_cli, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drill_app.cli import main
from drill_app.paths import SCENARIOS_DIR

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
ACTIONS = Path(__file__).parents[1] / "fixtures" / "replays" / "a-late-phone.jsonl"
EXPORT = CORPUS / "exports" / "payload-edited.json"  # its base, unedited, is rebuilt below
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

edits = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "replace", "repeat"]),
        st.floats(0, 1),
        st.integers(1, 40),
        st.binary(min_size=1, max_size=12)
        | st.sampled_from([b"\x00", b"\xff", b"&a", b"*a", b"[", b"{", b": ", b"\n  ", b"9" * 30]),
    ),
    min_size=1,
    max_size=4,
)


def mutate(data: bytes, changes: list[tuple[str, float, int, bytes]]) -> bytes:
    for op, where, length, blob in changes:
        at = int(where * len(data))
        if op == "delete":
            data = data[:at] + data[at + length :]
        elif op == "insert":
            data = data[:at] + blob + data[at:]
        elif op == "replace":
            data = data[:at] + blob + data[at + len(blob) :]
        else:
            data = data[:at] + data[at : at + length] * 50 + data[at:]
    return data


@SETTINGS
@given(changes=edits)
def test_a_mutated_scenario_never_raises(
    changes: list[tuple[str, float, int, bytes]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(mutate(SCENARIO.read_bytes(), changes))
    code, _, _ = run_cli(capsys, "validate", str(path))
    assert code in (0, 1, 2)
    code, _, _ = run_cli(capsys, "replay", str(path), str(ACTIONS))
    assert code in (0, 2)


@SETTINGS
@given(changes=edits)
def test_a_mutated_actions_file_never_raises(
    changes: list[tuple[str, float, int, bytes]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(mutate(ACTIONS.read_bytes(), changes))
    code, _, _ = run_cli(capsys, "replay", str(SCENARIO), str(path), "--json")
    assert code in (0, 2)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An archive with one exercise, and a clean export of another drill."""
    folder = tmp_path_factory.mktemp("source")
    other, archive = folder / "other.sqlite3", folder / "archive.sqlite3"
    for db, fixture in ((other, "a-perfect.jsonl"), (archive, "a-late-phone.jsonl")):
        args = ["--db", f"sqlite:///{db}", "replay", str(SCENARIO)]
        assert main([*args, str(ACTIONS.with_name(fixture)), "--save"]) == 0
    from drill_app.store.portable import export_exercise
    from drill_app.store.store import Store

    with Store.open(f"sqlite:///{other}") as store:
        (only,) = store.list_exercises()
        export_exercise(store, only.id, folder / "clean.json")
    return folder / "clean.json", archive


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("content",):  # the plan and scenario texts: covered by their own tests
                found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value[:3]):
            found += _paths(item, (*prefix, i))
    return found


def _import_and_check(
    data: bytes, source: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "db.sqlite3"
    shutil.copy(source[1], db)
    url = f"sqlite:///{db}"
    before = snapshot(url)
    path = tmp_path / "x.json"
    path.write_bytes(data)
    code, out, err = run_cli(capsys, "--db", url, "import", str(path))
    assert code in (0, 2)
    if code == 2:
        assert snapshot(url) == before, err
        return
    exercise = out.split()[2].rstrip(",")
    assert run_cli(capsys, "--db", url, "verify", exercise)[0] == 0
    assert run_cli(capsys, "--db", url, "score", exercise, "--json")[0] == 0
    assert run_cli(capsys, "--db", url, "history")[0] == 0


@SETTINGS
@given(changes=edits)
def test_a_mutated_export_never_raises_and_a_refusal_changes_nothing(
    changes: list[tuple[str, float, int, bytes]],
    source: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _import_and_check(mutate(source[0].read_bytes(), changes), source, tmp_path, capsys)


@SETTINGS
@given(data=st.data())
def test_an_export_with_a_value_swapped_never_raises(
    data: st.DataObject,
    source: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = json.loads(source[0].read_text(encoding="utf-8"))
    where = data.draw(st.sampled_from(_paths(doc)[1:]))
    value = data.draw(json_values)
    target = doc
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = value
    text = json.dumps(doc, ensure_ascii=False)
    _import_and_check(text.encode(), source, tmp_path, capsys)
