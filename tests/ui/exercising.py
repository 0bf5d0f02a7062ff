"""Helpers of the running-exercise tests (exercise view, MSEL, status board, event feed).

A fake wall clock, a session on a real archive thread and SQLite file, recording and
reading back events, and showing a panel. The ``wall``, ``database`` and ``session``
fixtures made of them are in tests/ui/conftest.py. A plain module, not a test file:
pytest puts tests/ui on sys.path, so tests import it as ``exercising``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from drill_app.core.events import Event
from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.session import Archive, ExerciseSession
from drill_app.wording.language import install_translators, remove_translators

SCENARIO_A = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
PARTICIPANTS = {
    "housing": "张强",
    "emergency": "李明",
    "police": "王伟",
    "fire": "赵磊",
    "health": "陈静",
    "street": "刘洋",
    "towngas": "孙浩",
    "ecology": "周敏",
    "propaganda": "吴芳",
    "traffic": "郑军",
}
MINUTE = 60.0


class FakeWall:
    """The host's wall clock, moved by hand; the archive thread and the GUI share it."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'drills.sqlite3'}"


@contextmanager
def opened_session(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    wall: FakeWall,
    database: str,
    options: Mapping[str, Any] | None = None,
    scenario: Path = SCENARIO_A,
    participants: Mapping[str, str] = PARTICIPANTS,
) -> Iterator[ExerciseSession]:
    """A new exercise of *scenario* (A) on a real archive thread and SQLite file, opened as
    the GUI opens it, with the Chinese interface; the archive is shut down afterwards.

    The ``session`` fixture of tests/ui/conftest.py is made of it."""
    from drill_app.store.store import NewExercise, SeatInfo

    translators: list[QTranslator] = install_translators(qapp, "zh_CN")
    archive = Archive(user_scenarios=tmp_path / "my-scenarios", wall_clock=wall)
    try:
        with qtbot.waitSignal(archive.worker.store_opened, timeout=10_000):
            archive.open_store(database)
        new = NewExercise(
            title="山海社区燃气爆炸桌面推演",
            plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
            scenario_text=scenario.read_text(encoding="utf-8"),
            held_on=dt.date(2026, 11, 28),
            seats=tuple(SeatInfo(unit, name) for unit, name in participants.items()),
            options=dict(options or {}),
        )
        with qtbot.waitSignal(archive.worker.exercise_created, timeout=10_000) as created:
            archive.create_exercise(new)
        with qtbot.waitSignal(archive.worker.exercise_loaded, timeout=10_000) as loaded:
            archive.open_exercise(created.args[0])
        yield ExerciseSession(archive, loaded.args[0], wall_clock=wall)
    finally:
        archive.shutdown()
        remove_translators(qapp, translators)


def record(
    qtbot: QtBot,
    session: ExerciseSession,
    kind: str,
    payload: Mapping[str, Any] | None = None,
    unit: str | None = None,
) -> Event:
    """Submit a command as the controller and wait until it is recorded."""
    with qtbot.waitSignal(session.event_added, timeout=10_000) as added:
        session.send(kind, payload or {}, actor="controller", unit=unit)
    event: Event = added.args[0]
    assert event.kind == kind
    return event


def wait_recorded(qtbot: QtBot, session: ExerciseSession, count: int) -> list[Event]:
    """Wait until the session holds *count* events; return them."""
    qtbot.waitUntil(lambda: len(session.events) >= count and not session.busy, timeout=10_000)
    return list(session.events)


def wait_idle(qtbot: QtBot, session: ExerciseSession) -> None:
    """Wait until every command sent has its outcome and the archive thread has handled
    every request made so far (so "nothing was stored" is checked after, not before)."""
    if session.busy:
        qtbot.waitSignal(session.idle, timeout=10_000).wait()
    with qtbot.waitSignal(session.archive.worker.flushed, timeout=10_000):
        session.archive.flush()


def stored_events(database: str, exercise_id: str) -> list[Event]:
    """What the database holds (read with a separate connection)."""
    from drill_app.store.store import Store

    with Store.open(database) as store:
        return list(store.events(exercise_id))


def set_scenario_time(wall: FakeWall, session: ExerciseSession, seconds: float) -> None:
    """Move the wall clock so that the (running, 1x) scenario clock reads *seconds*."""
    speed = session.mirror.clock().speed
    wall.advance((seconds - session.now()) / speed)
    assert session.now() == pytest.approx(seconds)


ShownWidget = TypeVar("ShownWidget", bound=QWidget)


def show_widget(qtbot: QtBot, widget: ShownWidget, width: int, height: int) -> ShownWidget:
    """*widget* shown at *width* x *height* and exposed; pytest-qt closes it afterwards."""
    qtbot.addWidget(widget)
    widget.resize(width, height)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget
