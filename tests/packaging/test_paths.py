"""drill_app.paths: the one place resource paths come from, from source and when frozen."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import drill_app.paths as paths

SOURCE_ROOT = Path(__file__).resolve().parent.parent.parent
NAMED_FILES = (
    "DEFAULT_PLAN",
    "DEFAULT_SCORING",
    "DOCUMENT_FONT_FILE",
    "APP_ICON_FILE",
    "SCENARIO_SCHEMA_FILE",
)


@pytest.fixture
def frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """drill_app.paths as a PyInstaller bundle unpacked in *tmp_path* sees it."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    importlib.reload(paths)
    yield tmp_path
    monkeypatch.undo()
    importlib.reload(paths)


def bundled_files() -> set[Path]:
    """Every file the spec copies into the bundle (relative), from BUNDLED_DATA."""
    files = set()
    for folder, patterns in paths.BUNDLED_DATA:
        for pattern in patterns:
            matches = sorted((SOURCE_ROOT / folder).glob(pattern))
            assert matches, f"BUNDLED_DATA names {folder}/{pattern}, which matches no file"
            files |= {match.relative_to(SOURCE_ROOT) for match in matches}
    return files


def test_from_source_every_path_is_in_the_checkout() -> None:
    assert paths.ROOT == SOURCE_ROOT
    for name in NAMED_FILES:
        assert getattr(paths, name).is_file(), name
    assert (paths.MIGRATIONS_DIR / "env.py").is_file()


def test_frozen_every_path_is_inside_the_bundle(frozen: Path) -> None:
    assert frozen == paths.ROOT
    for name in (*NAMED_FILES, "SCENARIOS_DIR", "TRANSLATIONS_DIR", "MIGRATIONS_DIR"):
        path: Path = getattr(paths, name)
        assert path.is_relative_to(frozen), (name, path)
        assert not path.is_relative_to(SOURCE_ROOT), (name, path)


def test_the_bundle_carries_every_file_the_app_reads() -> None:
    files = bundled_files()
    for name in NAMED_FILES:
        assert getattr(paths, name).relative_to(SOURCE_ROOT) in files, name
    for scenario in paths.SCENARIOS_DIR.glob("*.yaml"):
        assert scenario.relative_to(SOURCE_ROOT) in files
    qm = paths.TRANSLATIONS_DIR / "drill_app_zh_CN.qm"
    assert qm.relative_to(SOURCE_ROOT) in files
    migrations = sorted((paths.MIGRATIONS_DIR / "versions").glob("0*.py"))
    assert migrations
    for script in [paths.MIGRATIONS_DIR / "env.py", *migrations]:
        assert script.relative_to(SOURCE_ROOT) in files


def test_the_store_and_the_documents_take_their_files_from_paths() -> None:
    from drill_app.reports.render import DOCUMENT_FONT_FILE
    from drill_app.store.database import MIGRATIONS

    assert MIGRATIONS == paths.MIGRATIONS_DIR
    assert DOCUMENT_FONT_FILE == paths.DOCUMENT_FONT_FILE
