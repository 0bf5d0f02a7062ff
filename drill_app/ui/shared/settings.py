"""The application's remembered settings: a small typed layer over QSettings.

Each option has a key, a type and a default (``Option``), so callers read
``settings.database_url`` instead of ``QSettings.value("db")`` with a string key and a
guess at its type.  ``AppSettings.user()`` is the user's real settings (organisation
"drill-app"); ``AppSettings.in_file(path)`` keeps them in one INI file, which is what the
tests use so that they never touch the user's settings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", str, QByteArray)

ORGANISATION = "drill-app"
APPLICATION = "drill-app"
SETTINGS_VERSION = 1


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
        settings.qsettings.setValue("version", SETTINGS_VERSION)
        if value == self.default:
            settings.qsettings.remove(self.key)
        else:
            settings.qsettings.setValue(self.key, value)


class AppSettings:
    """What the application remembers between runs."""

    window_geometry = Option("window/geometry", QByteArray, QByteArray())
    window_state = Option("window/state", QByteArray, QByteArray())
    exercise_splitter = Option("window/exercise_splitter", QByteArray, QByteArray())
    """The running-exercise view: board and log beside the tabs."""
    exercise_left_splitter = Option("window/exercise_left_splitter", QByteArray, QByteArray())
    """The running-exercise view: the status board above the event log."""
    database_url = Option("database/url", str, "")
    """The database last opened successfully ("" = the default database)."""
    language = Option("interface/language", str, "")
    """"zh_CN" or "en"; "" = not chosen (Chinese)."""
    open_exercise_id = Option("exercise/open", str, "")
    """The exercise on screen when the app last ran; reopened if it is still running."""

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings  # nothing is written until an option is set

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
