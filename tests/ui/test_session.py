"""The archive thread and the GUI read model, with a real database and a real QThread."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, SignalInstance
from pytestqt.qtbot import QtBot

from drill_app.core.refusals import EventError, Refusal
from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.session import Archive, ExerciseSession, LoadedExercise, StartPageData

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"


class Catcher(QObject):
    """Receives a worker-thread signal on the GUI thread (as the windows do)."""

    def __init__(self, signal: SignalInstance) -> None:
        super().__init__()
        self.calls: list[tuple[object, ...]] = []
        signal.connect(self._catch, Qt.ConnectionType.QueuedConnection)

    def _catch(self, *args: object) -> None:
        self.calls.append(args)


class caught:
    """``with caught(qtbot, signal) as c: ...`` then ``c.args``: the first emission."""

    def __init__(self, qtbot: QtBot, signal: SignalInstance) -> None:
        self.qtbot = qtbot
        self.catcher = Catcher(signal)
        self.args: list[object] = []

    def __enter__(self) -> caught:
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.qtbot.waitUntil(lambda: bool(self.catcher.calls), timeout=10_000)
            self.args = list(self.catcher.calls[0])


@pytest.fixture
def archive(tmp_path: Path):  # type: ignore[no-untyped-def]
    handle = Archive(user_scenarios=tmp_path / "my-scenarios")
    yield handle
    handle.shutdown()


def open_store(qtbot: QtBot, archive: Archive, url: str) -> StartPageData:
    with caught(qtbot, archive.worker.store_opened) as blocker:
        archive.open_store(url)
    return blocker.args[0]


def create_and_open(qtbot: QtBot, archive: Archive) -> LoadedExercise:
    from drill_app.store.store import NewExercise, SeatInfo

    new = NewExercise(
        title="山海社区燃气爆炸桌面推演",
        plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
        scenario_text=SCENARIO.read_text(encoding="utf-8"),
        held_on=dt.date(2026, 11, 28),
        seats=(SeatInfo("housing", "张强"), SeatInfo("emergency", "李明")),
    )
    with caught(qtbot, archive.worker.exercise_created) as created:
        archive.create_exercise(new)
    with caught(qtbot, archive.worker.exercise_loaded) as loaded:
        archive.open_exercise(created.args[0])
    return loaded.args[0]


def test_start_page_data_lists_scenarios_and_the_drill_status(
    qtbot: QtBot, archive: Archive, tmp_path: Path
) -> None:
    (tmp_path / "my-scenarios").mkdir()
    (tmp_path / "my-scenarios" / "broken.yaml").write_text("format: 1\n", encoding="utf-8")
    data = open_store(qtbot, archive, f"sqlite:///{tmp_path / 'a.sqlite3'}")
    built_in = [e for e in data.scenarios if e.built_in]
    assert [e.path.name for e in built_in] == sorted(p.name for p in SCENARIOS_DIR.glob("*.yaml"))
    assert all(e.valid for e in built_in)
    (mine,) = [e for e in data.scenarios if not e.built_in]
    assert not mine.valid
    assert mine.problems[0].startswith(f"{tmp_path / 'my-scenarios' / 'broken.yaml'}:1:1: ")
    assert data.exercises == ()
    # no drill on record: the first is due two years after the plan took effect (§10.2)
    assert data.drill_status.last_held is None
    assert data.drill_status.next_due == dt.date(2027, 11, 21)
    assert data.interval_years == 2


def test_a_damaged_database_is_reported_not_opened(
    qtbot: QtBot, archive: Archive, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 200)
    with caught(qtbot, archive.worker.store_failed) as failed:
        archive.open_store(f"sqlite:///{bad}")
    assert failed.args[0].startswith(f"{bad}: not a usable drill-app database")


def test_commands_are_recorded_then_shown(qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    open_store(qtbot, archive, f"sqlite:///{tmp_path / 'a.sqlite3'}")
    loaded = create_and_open(qtbot, archive)
    session = ExerciseSession(archive, loaded)
    assert session.events == []
    with qtbot.waitSignal(session.event_added, timeout=10_000) as added:
        session.send("exercise_started", actor="controller")
    assert added.args[0].kind == "exercise_started"
    assert session.mirror.started
    # what the window shows is what the database holds
    from drill_app.store.store import Store

    with Store.open(f"sqlite:///{tmp_path / 'a.sqlite3'}") as store:
        assert [e.id for e in store.events(loaded.exercise_id)] == [e.id for e in session.events]


def test_a_refused_command_changes_nothing(qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    open_store(qtbot, archive, f"sqlite:///{tmp_path / 'a.sqlite3'}")
    session = ExerciseSession(archive, create_and_open(qtbot, archive))
    with pytest.raises(EventError, match="the exercise has not started"):
        session.check("level_determined", {"level": "IV"}, actor="seat", unit="housing")
    with qtbot.waitSignal(session.command_refused, timeout=10_000) as refused:
        session.send("level_determined", {"level": "IV"}, actor="seat", unit="housing")
    assert refused.args[1] == "level_determined"
    assert refused.args[2] == Refusal("exercise_not_started")
    assert session.events == []
    assert not session.busy


def test_improvement_items_through_the_archive(
    qtbot: QtBot, archive: Archive, tmp_path: Path
) -> None:
    open_store(qtbot, archive, f"sqlite:///{tmp_path / 'a.sqlite3'}")
    loaded = create_and_open(qtbot, archive)
    with caught(qtbot, archive.worker.improvements_ready) as ready:
        archive.add_improvement(
            loaded.exercise_id,
            {
                "issue": "医疗救护组未及时启动",
                "action": "明确启动条件",
                "element": "organisation",
                "owner_unit": "health",
                "due_date": dt.date(2027, 1, 31),
                "plan_ref": "§2.3.2.3",
            },
        )
    (item,) = ready.args[1]
    assert (item.action, item.status) == ("明确启动条件", "open")
    with caught(qtbot, archive.worker.improvements_ready) as ready:
        archive.set_improvement_status(loaded.exercise_id, item.id, "closed", "已完成")
    assert ready.args[1][0].status == "closed"


def test_the_session_knows_the_stored_exercise_and_follows_the_chain_head(
    qtbot: QtBot, archive: Archive, tmp_path: Path
) -> None:
    from drill_app.store.store import Store

    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    open_store(qtbot, archive, url)
    loaded = create_and_open(qtbot, archive)
    assert (loaded.held_on, loaded.exercise_type) == (dt.date(2026, 11, 28), "tabletop")
    with Store.open(url) as store:
        genesis = store.verify(loaded.exercise_id).head_hash
    assert loaded.head_hash == genesis  # nothing recorded yet: the record's genesis hash
    session = ExerciseSession(archive, loaded)
    with qtbot.waitSignal(session.event_added, timeout=10_000):
        session.send("exercise_started", actor="controller")
    with Store.open(url) as store:
        stored_head = store.verify(loaded.exercise_id).head_hash
    assert session.head_hash == stored_head != genesis
