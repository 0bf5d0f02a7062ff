"""One writer per running exercise, seen from the console (issue 15 §1).

The console claims the exercise it opens. A second console (a real process) on the same
database is offered to join or to watch, and writes nothing; watching shows what the
owner records. A console that died is taken over, and the takeover is in the log.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from exercising import stored_events
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.store.ownership import OwnerInfo, Ownership
from drill_app.store.store import NewExercise, SeatInfo, Store
from drill_app.ui.exercise.exercise_view import ExerciseView
from drill_app.ui.exercise.owned_elsewhere_dialog import OwnedElsewhereDialog
from drill_app.ui.main_window import MainWindow
from drill_app.ui.session import Archive, ExerciseSession
from drill_app.ui.shared.settings import AppSettings
from drill_app.ui.start.join_dialog import JoinDialog
from drill_app.wording import PlanWords, refusal_text

HERE = Path(__file__).parent
SHORT = HERE.parent / "net" / "fixtures" / "short-explosion.yaml"
"""Scenario A cut to 45 minutes (the training-room tests' scenario)."""
CLI = [sys.executable, "-m", "drill_app.cli"]


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'drills.sqlite3'}"


def new_exercise(db_url: str, scenario: Path = SCENARIOS_DIR / "a-shanhai-explosion.yaml") -> str:
    with Store.open(db_url) as store:
        return store.create_exercise(
            NewExercise(
                title="山海社区燃气爆炸桌面推演",
                plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
                scenario_text=scenario.read_text(encoding="utf-8"),
                held_on=dt.date(2026, 11, 30),
                seats=(SeatInfo("housing", "张强"), SeatInfo("emergency", "李明")),
            )
        )


class Child:
    """A process whose output lines are read as they come."""

    def __init__(self, args: list[str]) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "QT_QPA_PLATFORM": "offscreen"}
        self.p = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, env=env)

    def line(self) -> str:
        assert self.p.stdout is not None
        return self.p.stdout.readline().strip()

    def kill(self) -> None:
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGKILL)
        self.p.wait(10)
        if self.p.stdout is not None:
            self.p.stdout.close()


def first_console(children: list[Child], db_url: str, exercise: str, tmp_path: Path) -> Child:
    """Another console (console_process.py) that opens *exercise* and holds it."""
    script = str(HERE / "console_process.py")
    child = Child([sys.executable, script, db_url, exercise, str(tmp_path / "first" / "s.ini")])
    children.append(child)
    return child


@pytest.fixture
def children() -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        child.kill()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, db_url: str, chinese: None) -> Iterator[MainWindow]:
    shown = MainWindow(
        db_url=db_url,
        settings=AppSettings.in_file(tmp_path / "console" / "drill-app.ini"),
        user_scenarios=tmp_path / "console",
    )
    shown.show()
    qtbot.waitExposed(shown)
    with qtbot.waitSignal(shown.start_page_populated, timeout=20_000):
        assert shown.start()
    yield shown
    shown.close()
    shown.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


Offers = list[tuple[str, OwnerInfo, bool]]


@pytest.fixture
def offers(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Offers]:
    """The join/watch offer is answered with *answer*; what it offered is kept."""
    asked: Offers = []

    def answering(answer: str) -> Offers:
        def ask(cls: Any, parent: Any, title: str, owner: OwnerInfo, can_join: bool) -> Any:
            asked.append((title, owner, can_join))
            return answer or None

        monkeypatch.setattr(OwnedElsewhereDialog, "ask", classmethod(ask))
        return asked

    return answering


def test_a_second_console_is_offered_to_watch_and_writes_nothing(
    qtbot: QtBot,
    window: MainWindow,
    db_url: str,
    tmp_path: Path,
    children: list[Child],
    offers: Callable[[str], Offers],
) -> None:
    exercise = new_exercise(db_url)
    first = first_console(children, db_url, exercise, tmp_path)
    assert first.line() == f"shown {exercise}"  # the first console runs it (its claim)
    before = stored_events(db_url, exercise)

    asked = offers("watch")
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.open_exercise(exercise)
    title, owner, can_join = asked[0]
    assert title == "山海社区燃气爆炸桌面推演"
    assert (owner.role, owner.pid, owner.address) == ("console", first.p.pid, "")
    assert not can_join  # a console that does not host has no address to join

    view = window.exercise_view
    assert isinstance(view, ExerciseView) and window.session is not None
    assert view.watch_label.text().startswith("只读观看：本演练由计算机 ")
    assert "上的导调控制台运行" in view.watch_label.text()
    assert not view.clock_bar.start_button.isVisible()
    assert not view.event_feed.void_button.isVisible()
    assert view.tabs.count() == 1  # the injects only: no forms, no evaluation, no hosting

    refused: list[Any] = []
    window.session.send("exercise_started", actor="controller", refused=refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    words = PlanWords(window.session.plan)
    assert refusal_text(refused[0], words) == "本窗口只读观看此演练，由另一台计算机运行"
    assert stored_events(db_url, exercise) == before
    with Store.open(db_url) as store:
        live = Ownership(store.engine).live_owner(exercise)
        assert live is not None and live.pid == first.p.pid


def test_watching_a_host_follows_what_it_records_and_offers_to_join(
    qtbot: QtBot,
    window: MainWindow,
    db_url: str,
    children: list[Child],
    offers: Callable[[str], Offers],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exercise = new_exercise(db_url, SHORT)
    args = ["host", str(SHORT), "--db", db_url, "--bind", "127.0.0.1", "--no-announce"]
    host = Child([*CLI, *args, "--exercise", exercise, "--start", "--speed", "30"])
    children.append(host)
    address = host.line().split('"address": "', 1)[1].split('"', 1)[0]

    joined: list[str] = []

    def join_dialog(cls: Any, parent: Any, plan: Any, text: str, address: str, **kw: Any) -> None:
        joined.append(address)  # (cancelled: no trainee window)

    monkeypatch.setattr(JoinDialog, "ask", classmethod(join_dialog))
    asked = offers("join")
    window.open_exercise(exercise)
    qtbot.waitUntil(lambda: joined == [address], timeout=20_000)
    assert asked[0][1].role == "host" and asked[0][2]  # the host has an address: join it
    assert window.session is None

    offers("watch")
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.open_exercise(exercise)
    session = window.session
    assert isinstance(session, ExerciseSession) and session.watched_from is not None
    seen = len(session.events)
    # The host releases its injects as its clock runs (30×): the window follows the log.
    qtbot.waitUntil(lambda: len(session.events) >= seen + 2, timeout=30_000)
    assert [e.id for e in session.events] == [
        e.id for e in stored_events(db_url, exercise)[: len(session.events)]
    ]


def test_a_dead_console_is_taken_over_and_the_log_says_so(
    qtbot: QtBot, window: MainWindow, db_url: str, tmp_path: Path, chinese: None
) -> None:
    # The first console opens the exercise, starts it, and dies without letting it go.
    exercise = new_exercise(db_url)
    crashed = Archive(user_scenarios=tmp_path / "none", lease=0.6)
    with qtbot.waitSignal(crashed.worker.store_opened, timeout=10_000):
        crashed.open_store(db_url)
    crashed.complete_opening()  # (the Store behind the quick start page)
    with qtbot.waitSignal(crashed.worker.exercise_loaded, timeout=10_000) as loaded:
        crashed.open_exercise(exercise)
    first = ExerciseSession(crashed, loaded.args[0])
    with qtbot.waitSignal(first.event_added, timeout=10_000):
        first.send("exercise_started", actor="controller")
    first.deleteLater()
    crashed.abandon()
    with Store.open(db_url) as store:
        ownership = Ownership(store.engine)
        dead = ownership.owner_of(exercise)
        assert dead is not None and dead.pid == os.getpid()  # still claimed, by nobody alive
        qtbot.waitUntil(lambda: ownership.live_owner(exercise) is None, timeout=10_000)

    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.open_exercise(exercise)
    session = window.session
    assert session is not None and session.watched_from is None
    taken = [e for e in session.events if e.kind == "host_taken_over"]
    assert len(taken) == 1 and taken[0].payload["reason"] == "heartbeat_expired"
    view = window.exercise_view
    assert view is not None
    feed = view.event_feed.proxy
    rows = [[feed.index(r, c).data() for c in (2, 3)] for r in range(feed.rowCount())]
    machine = str(dead.machine).split("/", 1)[0]
    assert [
        "已由新主机接管（原主机已停止）",
        f"接管自计算机 {machine} 上的进程 {os.getpid()}：其心跳已停止",
    ] in rows
    with qtbot.waitSignal(session.event_added, timeout=10_000):
        session.send("exercise_paused", actor="controller")
    assert [e.kind for e in stored_events(db_url, exercise)][-2:] == [
        "host_taken_over",
        "exercise_paused",
    ]


def test_a_killed_console_is_taken_over(
    qtbot: QtBot, window: MainWindow, db_url: str, tmp_path: Path, children: list[Child]
) -> None:
    exercise = new_exercise(db_url)
    with Store.open(db_url) as store:  # started, so that there is a run to take over
        from drill_app.core.scoring import load_scoring_rules
        from drill_app.paths import DEFAULT_SCORING

        store.load_exercise(exercise, load_scoring_rules(DEFAULT_SCORING)).submit(
            "exercise_started", actor="controller"
        )
    first = first_console(children, db_url, exercise, tmp_path)
    assert first.line() == f"shown {exercise}"
    first.kill()  # SIGKILL: no release, the process is gone

    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.open_exercise(exercise)
    assert window.session is not None
    taken = [e for e in window.session.events if e.kind == "host_taken_over"]
    assert len(taken) == 1
    assert (taken[0].payload["reason"], taken[0].payload["previous_pid"]) == (
        "process_gone",
        first.p.pid,
    )


def test_the_console_claims_what_it_opens_and_lets_it_go_when_it_leaves(
    qtbot: QtBot, window: MainWindow, db_url: str
) -> None:
    first, second = new_exercise(db_url), new_exercise(db_url)
    store = Store.open(db_url)
    try:
        ownership = Ownership(store.engine)
        with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
            window.open_exercise(first)
        owner = ownership.live_owner(first)
        assert owner is not None and (owner.role, owner.pid) == ("console", os.getpid())

        with qtbot.waitSignal(window.exercise_shown, timeout=20_000):  # switch: one claim
            window.open_exercise(second)
        qtbot.waitUntil(lambda: ownership.owner_of(first) is None, timeout=10_000)
        assert ownership.live_owner(second) is not None

        window.show_start_page()  # leave it: let go
        qtbot.waitUntil(lambda: ownership.owner_of(second) is None, timeout=10_000)

        with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
            window.open_exercise(first)
        window.close()  # quit: let go
        assert ownership.owner_of(first) is None
    finally:
        store.close()
