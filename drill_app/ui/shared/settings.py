"""The application's remembered settings: a small typed layer over QSettings.

Each option has a key, a type and a default (``Option``), so callers read
``settings.database_url`` instead of ``QSettings.value("db")`` with a string key and a
guess at its type.  ``AppSettings.user()`` is the user's real settings (organisation
"drill-app"); ``AppSettings.in_file(path)`` keeps them in one INI file, which is what the
tests use so that they never touch the user's settings.

The settings carry the version of their shape ("version").  When the shape changes
(a key renamed or moved, a value stored differently), raise SETTINGS_VERSION and add
to UPGRADES the function that turns the previous shape into the new one: opening
settings of an older shape runs each upgrade in turn, so a user's remembered window,
database and language survive an update.  Settings written by a newer drill-app are
read as far as they are understood and keep their version.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, QByteArray)

ORGANISATION = "drill-app"
APPLICATION = "drill-app"
SETTINGS_VERSION = 2
# The interface zoom levels (per cent), Ctrl+= and Ctrl+- step through them.
ZOOM_STEPS = (80, 90, 100, 110, 125, 150, 175, 200)
VERSION_KEY = "version"


class Option(Generic[T]):
    """One typed setting; a descriptor on AppSettings."""

    def __init__(self, key: str, kind: type[T], default: T) -> None:
        self.key = key
        self.kind: type[T] = kind
        self.default: T = default

    @overload
    def __get__(self, settings: None, owner: type[Any]) -> Option[T]: ...

    @overload
    def __get__(self, settings: AppSettings, owner: type[Any]) -> T: ...

    def __get__(self, settings: AppSettings | None, owner: type[Any]) -> Option[T] | T:
        if settings is None:
            return self
        raw: object = settings.qsettings.value(self.key, None)
        if raw is None:
            return self.default
        if isinstance(raw, self.kind):
            return raw
        return self.default  # a value of the wrong type: ignore it

    def __set__(self, settings: AppSettings, value: T) -> None:
        if not settings.qsettings.contains(VERSION_KEY):
            settings.qsettings.setValue(VERSION_KEY, SETTINGS_VERSION)
        if value == self.default:
            settings.qsettings.remove(self.key)
        else:
            settings.qsettings.setValue(self.key, value)


class AppSettings:
    """What the application remembers between runs."""

    window_geometry = Option("window/geometry", QByteArray, QByteArray())
    window_state = Option("window/state", QByteArray, QByteArray())
    exercise_splitter = Option("exercise_view/splitter", QByteArray, QByteArray())
    """The running-exercise view: board and log beside the tabs."""
    exercise_left_splitter = Option("exercise_view/left_splitter", QByteArray, QByteArray())
    """The running-exercise view: the status board above the event log."""
    database_url = Option("database/url", str, "")
    """The database last opened successfully ("" = the default database)."""
    language = Option("interface/language", str, "")
    """"zh_CN" or "en"; "" = not chosen (Chinese)."""
    open_exercise_id = Option("exercise/open", str, "")
    """The exercise on screen when the app last ran; reopened if it is still running."""
    roster_json = Option("new_exercise/roster", str, "")
    """Who played each unit last time (JSON: unit id -> participant), offered next time."""
    zoom = Option("interface/zoom", str, "100")
    """The whole interface's text size in per cent of the system's (projector mode)."""

    @property
    def zoom_percent(self) -> int:
        """``zoom`` as a number within ZOOM_STEPS' range (100 when unreadable)."""
        try:
            value = int(self.zoom)
        except ValueError:
            return 100
        return min(max(value, ZOOM_STEPS[0]), ZOOM_STEPS[-1])

    @zoom_percent.setter
    def zoom_percent(self, value: int) -> None:
        self.zoom = str(value)

    @property
    def roster(self) -> dict[str, str]:
        """``roster_json`` read: unit id -> participant ({} when unset or unreadable)."""
        try:
            value = json.loads(self.roster_json) if self.roster_json else {}
        except ValueError:
            return {}
        if not isinstance(value, dict):
            return {}
        return {str(k): v for k, v in value.items() if isinstance(v, str) and v.strip()}

    def remember_roster(self, seats: Iterable[tuple[str, str]]) -> None:
        """Add the (unit id, participant) pairs named to the roster; units not named this
        time keep the name they had."""
        roster = self.roster
        roster.update((unit, name) for unit, name in seats if name.strip())
        self.roster_json = json.dumps(roster, ensure_ascii=False, sort_keys=True)

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings  # nothing is written until an option is set…
        self.upgraded_from = upgrade(qsettings)  # …or an older shape is upgraded

    @classmethod
    def user(cls) -> AppSettings:
        """The user's own settings (the platform's usual place)."""
        return cls(QSettings(ORGANISATION, APPLICATION))

    @classmethod
    def in_file(cls, path: Path) -> AppSettings:
        """Settings kept in the INI file *path* (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def sync(self) -> None:
        self.qsettings.sync()


# --- upgrades between shapes ------------------------------------------------------------------


def _move(qsettings: QSettings, old_key: str, new_key: str) -> None:
    if qsettings.contains(old_key):
        if not qsettings.contains(new_key):
            qsettings.setValue(new_key, qsettings.value(old_key))
        qsettings.remove(old_key)


def _upgrade_1_to_2(qsettings: QSettings) -> None:
    """Each screen's layout in its own group: the running-exercise view's splitters move
    from window/ (the main window's own geometry and state) to exercise_view/."""
    _move(qsettings, "window/exercise_splitter", "exercise_view/splitter")
    _move(qsettings, "window/exercise_left_splitter", "exercise_view/left_splitter")


# The function that turns settings of version N (the key) into version N + 1.
UPGRADES: dict[int, Callable[[QSettings], None]] = {
    1: _upgrade_1_to_2,
}


def stored_version(qsettings: QSettings) -> int | None:
    """The shape the settings were written in; None when there are no settings yet."""
    if not qsettings.allKeys():
        return None
    raw: object = qsettings.value(VERSION_KEY, None)
    try:
        return max(1, int(str(raw)))
    except ValueError:
        return 1  # no (or an unreadable) version: the first shape, which always had one


def upgrade(qsettings: QSettings) -> int | None:
    """Bring settings of an older shape to SETTINGS_VERSION, one version at a time.

    Returns the version they were stored in (None for no settings). Each step records
    its version, so an upgrade interrupted half-way resumes where it stopped.
    """
    version = stored_version(qsettings)
    if version is None:
        return None
    start = version
    while version < SETTINGS_VERSION:
        UPGRADES[version](qsettings)
        version += 1
        qsettings.setValue(VERSION_KEY, version)
    return start
