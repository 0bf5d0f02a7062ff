"""The host panel: the console opens its running exercise to the room (issue 15 §2).

A real archive thread and SQLite file, a real host (``HostService`` on its thread, in
the test process, as the console runs it) and real ``SeatClient``s on loopback.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from exercising import opened_session, record, show_widget, stored_events
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drill_app.core.exercise import inject_payload
from drill_app.net.client import JoinRequest, SeatClient
from drill_app.net.protocol import Bye, EventMessage
from drill_app.store.ownership import Ownership
from drill_app.store.store import Store
from drill_app.ui.exercise.exercise_view import ExerciseView
from drill_app.ui.exercise.host_panel import HostPanel
from drill_app.ui.session import ExerciseSession
from drill_app.ui.shared.dialogs import QuestionDialog

PHONE_REPORT = {
    "report_kind": "phone",
    "recipients": ["district_government", "district_hq_office", "city_government"],
}


@pytest.fixture
def live(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, database: str
) -> Iterator[ExerciseSession]:
    """A console's exercise on the real wall clock (the host's clock is the wall's)."""
    with opened_session(qtbot, qapp, tmp_path, time.time, database) as session:  # type: ignore[arg-type]
        yield session


@pytest.fixture
def view(qtbot: QtBot, live: ExerciseSession) -> Iterator[ExerciseView]:
    shown = show_widget(qtbot, ExerciseView(live), 1366, 768)
    yield shown  # (the archive's shutdown stops the host, if it still runs)


@pytest.fixture
def clients() -> Iterator[list[SeatClient]]:
    started: list[SeatClient] = []
    yield started
    for client in started:
        client.stop()


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every confirmation is answered yes; the questions asked are kept."""
    asked: list[str] = []

    def ask(cls: Any, parent: Any, title: str, text: str, *args: Any) -> bool:
        asked.append(title)
        return True

    monkeypatch.setattr(QuestionDialog, "ask", classmethod(ask))
    return asked


def host(qtbot: QtBot, view: ExerciseView) -> HostPanel:
    """Click 在局域网开放, on loopback (any free port, no mDNS)."""
    panel = view.host_panel
    panel.bind, panel.port, panel.announce = "127.0.0.1", 0, False
    view.tabs.setCurrentWidget(panel)
    assert panel.open_button.text() == "在局域网开放"
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.hosting, timeout=10_000)
    return panel


def join(
    clients: list[SeatClient],
    tmp_path: Path,
    panel: HostPanel,
    unit: str,
    name: str,
    code: str = "",
) -> SeatClient:
    request = JoinRequest(panel.addresses()[0], code or panel.code_label.text(), "seat", unit, name)
    client = SeatClient(request, tmp_path / f"seat-{unit}-{len(clients)}").start()
    clients.append(client)
    return client


def seat_rows(panel: HostPanel) -> dict[str, list[str]]:
    model = panel.model
    return {
        model.cell(row, 0): [model.cell(row, c) for c in range(1, 5)]
        for row in range(model.rowCount())
    }


def byes(client: SeatClient) -> list[str]:
    return [m.code for m in list(client.messages.queue) if isinstance(m, Bye)]


def kinds_seen(client: SeatClient) -> list[str]:
    return [m.event.kind for m in list(client.messages.queue) if isinstance(m, EventMessage)]


def test_hosting_a_seat_joins_reports_and_the_console_follows(
    qtbot: QtBot,
    view: ExerciseView,
    live: ExerciseSession,
    database: str,
    tmp_path: Path,
    clients: list[SeatClient],
) -> None:
    record(qtbot, live, "exercise_started")
    panel = host(qtbot, view)
    address = panel.addresses()[0]
    assert address.startswith("127.0.0.1:") and int(address.rsplit(":", 1)[1]) > 0
    assert panel.address_label.text() == f"地址：{address}"
    code = panel.code_label.text()
    assert len(code) == 6 and code.isalnum()
    with Store.open(database) as store:  # the host is the exercise's one writer now
        owner = Ownership(store.engine).live_owner(live.exercise_id)
        assert owner is not None and owner.role == "host" and owner.address == address
    assert seat_rows(panel)["区应急管理局"] == ["—", "未加入", "—", "—"]

    seat = join(clients, tmp_path, panel, "emergency", "李明")
    qtbot.waitUntil(
        lambda: seat_rows(panel)["区应急管理局"][:2] == ["李明", "已连接"], timeout=10_000
    )
    qtbot.waitUntil(lambda: seat_rows(panel)["区应急管理局"][3].endswith(" ms"), timeout=10_000)
    assert seat_rows(panel)["区应急管理局"][2].endswith("秒前")

    # The trainee files the phone report at the workstation: the console's log, feed and
    # board show it, recorded by the host with the host's time.
    seat.submit("report_submitted", PHONE_REPORT)
    qtbot.waitUntil(lambda: any(e.kind == "report_submitted" for e in live.events), timeout=10_000)
    report = next(e for e in live.events if e.kind == "report_submitted")
    assert (report.actor, report.unit) == ("seat", "emergency")
    feed = view.event_feed.proxy
    texts = [feed.index(r, 3).data() for r in range(feed.rowCount())]
    assert "电话报告 → 区政府、区应急指挥部办公室、市政府" in texts

    # The console's own command goes through the host too: recorded once, seen by the seat.
    inject = next(i for i in live.scenario.injects if "emergency" in i.to)
    record(qtbot, live, "inject_delivered", inject_payload(inject))
    qtbot.waitUntil(lambda: "inject_delivered" in kinds_seen(seat), timeout=10_000)
    stored = stored_events(database, live.exercise_id)
    assert [e.id for e in stored] == [e.id for e in live.events]
    assert [e.kind for e in stored] == ["exercise_started", "report_submitted", "inject_delivered"]


def test_rotate_free_and_stop(
    qtbot: QtBot,
    view: ExerciseView,
    live: ExerciseSession,
    database: str,
    tmp_path: Path,
    clients: list[SeatClient],
    answers: list[str],
) -> None:
    record(qtbot, live, "exercise_started")
    panel = host(qtbot, view)
    old_code = panel.code_label.text()
    first = join(clients, tmp_path, panel, "police", "王伟")
    qtbot.waitUntil(lambda: seat_rows(panel)["市公安局历下分局"][1] == "已连接", timeout=10_000)

    # A new code: every token expires; the old code admits nobody, the new one does.
    qtbot.mouseClick(panel.rotate_button, Qt.MouseButton.LeftButton)
    new_code = panel.code_label.text()
    assert new_code != old_code and answers == ["新的加入码"]
    qtbot.waitUntil(lambda: first.closed_code == "token_expired", timeout=10_000)
    late = join(clients, tmp_path, panel, "fire", "赵磊", code=old_code)
    qtbot.waitUntil(lambda: late.closed_code == "wrong_code", timeout=10_000)
    again = join(clients, tmp_path, panel, "police", "王伟", code=new_code)
    qtbot.waitUntil(lambda: seat_rows(panel)["市公安局历下分局"][1] == "已连接", timeout=10_000)

    # Free the seat: the workstation is told and disconnected; the seat may be taken anew.
    panel.table.selectRow(panel.model.row_of("police"))
    qtbot.mouseClick(panel.free_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.closed_code == "seat_freed", timeout=10_000)
    qtbot.waitUntil(
        lambda: seat_rows(panel)["市公安局历下分局"][:2] == ["—", "未加入"], timeout=10_000
    )

    # Stop hosting: the seats are told; the console writes the exercise itself again.
    last = join(clients, tmp_path, panel, "health", "陈静", code=new_code)
    qtbot.waitUntil(lambda: seat_rows(panel)["区卫生健康局"][1] == "已连接", timeout=10_000)
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.hosting, timeout=10_000)
    qtbot.waitUntil(lambda: last.closed_code == "host_stopped", timeout=10_000)
    assert panel.open_button.isVisible() and not panel.code_label.isVisible()
    record(qtbot, live, "exercise_paused")
    with Store.open(database) as store:
        owner = Ownership(store.engine).live_owner(live.exercise_id)
        assert owner is not None and owner.role == "console"
        assert [e.kind for e in store.events(live.exercise_id)] == [
            "exercise_started",
            "exercise_paused",
        ]
        assert store.verify(live.exercise_id).ok


def test_hosting_on_a_port_in_use_takes_another(
    qtbot: QtBot, view: ExerciseView, live: ExerciseSession
) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        panel = view.host_panel
        panel.bind, panel.port, panel.announce = "127.0.0.1", busy, False
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.hosting, timeout=10_000)
        assert panel.hosted is not None and panel.hosted.port != busy


def test_an_address_that_is_not_this_machines_is_refused_and_the_console_goes_on(
    qtbot: QtBot, view: ExerciseView, live: ExerciseSession, database: str
) -> None:
    panel = view.host_panel
    panel.bind, panel.port, panel.announce = "192.0.2.1", 0, False  # TEST-NET-1: not ours
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.notice.text() != "", timeout=10_000)
    assert panel.notice.text().startswith("未能在局域网开放演练：")
    assert not panel.hosting and panel.open_button.isEnabled()
    record(qtbot, live, "exercise_started")  # the console writes it itself, as before
    with Store.open(database) as store:
        owner = Ownership(store.engine).live_owner(live.exercise_id)
        assert owner is not None and owner.role == "console"


def test_a_seat_is_moved_to_another_unit(
    qtbot: QtBot,
    view: ExerciseView,
    live: ExerciseSession,
    tmp_path: Path,
    clients: list[SeatClient],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    panel = host(qtbot, view)
    seat = join(clients, tmp_path, panel, "police", "王伟")
    qtbot.waitUntil(lambda: seat_rows(panel)["市公安局历下分局"][1] == "已连接", timeout=10_000)
    offered: list[tuple[str, list[str]]] = []

    def choose(self: HostPanel, question: str, units: list[str]) -> str:
        offered.append((question, units))
        return "traffic"

    monkeypatch.setattr(HostPanel, "choose_seat", choose)
    panel.table.selectRow(panel.model.row_of("police"))
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    question, units = offered[0]
    assert question == "将王伟从市公安局历下分局调换到："
    assert "police" not in units and "traffic" in units
    # The workstation is told which seat to take; the seat waits for its person.
    qtbot.waitUntil(lambda: seat.closed_code == "seat_moved", timeout=10_000)
    bye = next(m for m in list(seat.messages.queue) if isinstance(m, Bye))
    assert bye.params == {"unit": "traffic"}
    qtbot.waitUntil(
        lambda: seat_rows(panel)["市公安局历下分局"][:2] == ["—", "未加入"], timeout=10_000
    )
    assert seat_rows(panel)["区交警大队"][:2] == ["王伟", "未加入"]
    join(clients, tmp_path, panel, "traffic", "王伟")
    qtbot.waitUntil(lambda: seat_rows(panel)["区交警大队"][1] == "已连接", timeout=10_000)
