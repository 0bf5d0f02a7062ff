"""Remembered settings survive a change of their shape: older files are upgraded."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from drill_app.ui.shared.settings import SETTINGS_VERSION, AppSettings

# Settings as drill-app wrote them before the exercise view's layout had its own group
# (version 1): the splitters were kept beside the main window's geometry.
VERSION_1_FILE = """\
[General]
version=1

[database]
url=sqlite:////data/drills.sqlite3

[exercise]
open=5f0c2a

[interface]
language=en

[window]
geometry=@ByteArray(main window geometry)
exercise_splitter=@ByteArray(board beside tabs)
exercise_left_splitter=@ByteArray(board above log)
"""


def raw(path: Path) -> QSettings:
    return QSettings(str(path), QSettings.Format.IniFormat)


def test_a_version_1_file_is_upgraded_and_nothing_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "drill-app.ini"
    path.write_text(VERSION_1_FILE, encoding="utf-8")

    settings = AppSettings.in_file(path)
    assert settings.upgraded_from == 1
    assert settings.exercise_splitter == QByteArray(b"board beside tabs")
    assert settings.exercise_left_splitter == QByteArray(b"board above log")
    assert settings.window_geometry == QByteArray(b"main window geometry")
    assert settings.database_url == "sqlite:////data/drills.sqlite3"
    assert settings.language == "en"
    assert settings.open_exercise_id == "5f0c2a"
    settings.sync()

    stored = raw(path)
    assert SETTINGS_VERSION == 2
    assert "version=2" in path.read_text(encoding="utf-8")
    assert stored.value("exercise_view/splitter") == QByteArray(b"board beside tabs")
    assert stored.value("exercise_view/left_splitter") == QByteArray(b"board above log")
    assert not stored.contains("window/exercise_splitter")
    assert not stored.contains("window/exercise_left_splitter")
    assert AppSettings.in_file(path).upgraded_from == 2  # upgraded once, not again


def test_a_file_without_a_version_is_taken_as_the_first_shape(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    path.write_text("[window]\nexercise_splitter=@ByteArray(hand-copied)\n", encoding="utf-8")
    settings = AppSettings.in_file(path)
    assert settings.upgraded_from == 1
    assert settings.exercise_splitter == QByteArray(b"hand-copied")


def test_a_newer_file_is_read_as_far_as_understood_and_keeps_its_version(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.ini"
    path.write_text(
        "[General]\nversion=9\n\n[interface]\nlanguage=en\ntheme=dark\n", encoding="utf-8"
    )
    settings = AppSettings.in_file(path)
    assert settings.language == "en"
    settings.database_url = "sqlite:////tmp/x.sqlite3"  # writing does not downgrade it
    settings.sync()
    assert "version=9" in path.read_text(encoding="utf-8")
    assert raw(path).value("interface/theme") == "dark"


def test_no_settings_are_written_until_something_is_remembered(tmp_path: Path) -> None:
    path = tmp_path / "s.ini"
    settings = AppSettings.in_file(path)
    assert settings.upgraded_from is None
    settings.sync()
    assert not path.exists()
    settings.language = "en"
    settings.sync()
    assert f"version={SETTINGS_VERSION}" in path.read_text(encoding="utf-8")
