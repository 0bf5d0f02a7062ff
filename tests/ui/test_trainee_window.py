"""The trainee window against a real host on loopback (real SQLite): injects arrive in the
inbox, a report sent from the window is recorded by the host and reaches the controller's
status board, offline work is queued and delivered, voids and refusals are shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from seating import ATTACHMENT, Room, join, stored_sheet

from drill_app.core.plan import Plan
from drill_app.ui.exercise.status_board_model import StatusBoardModel
from drill_app.ui.trainee.trainee_window import TraineeWindow
from drill_app.wording.clock import format_clock
from drill_app.wording.events import event_kind_name


@pytest.fixture
def window(
    qtbot: QtBot, room: Room, plan: Plan, tmp_path: Path, chinese: None
) -> Iterator[TraineeWindow]:
    joined = join(qtbot, room, plan, tmp_path / "seats")
    yield joined
    joined.close()


def inbox_rows(window: TraineeWindow) -> list[tuple[str, bool]]:
    """(message, bold) per inbox row, top to bottom."""
    model = window.inbox
    rows = []
    for row in range(model.rowCount()):
        font = model.data(model.index(row, 2), Qt.ItemDataRole.FontRole)
        bold = isinstance(font, QFont) and font.bold()
        rows.append((str(model.data(model.index(row, 2))), bold))
    return rows


def log_rows(window: TraineeWindow) -> list[tuple[str, str]]:
    model = window.sent_log
    return [
        (str(model.data(model.index(r, 0))), str(model.data(model.index(r, 1))))
        for r in range(model.rowCount())
    ]


def test_the_window_names_the_unit_and_the_person_and_runs_the_hosts_clock(
    qtbot: QtBot, room: Room, window: TraineeWindow
) -> None:
    assert window.unit_label.text() == "山东港华燃气集团有限公司"  # the plan's name
    assert window.person_label.text() == "王强"
    assert window.clock_label.text() == "未开始"
    assert window.connection_label.text() == "在线"
    room.thread.control("exercise_started")
    qtbot.waitUntil(lambda: window.clock_label.text().startswith("00:00:0"), timeout=5000)


def test_an_inject_released_at_the_host_arrives_unread_newest_first_with_attachments(
    qtbot: QtBot, room: Room, window: TraineeWindow
) -> None:
    room.thread.control("exercise_started")  # i01 (12345 hotline) falls due at minute 0
    qtbot.waitUntil(lambda: window.inbox.rowCount() == 1, timeout=5000)
    assert inbox_rows(window) == [("12345热线：山海社区3号楼发生爆炸  📎", True)]
    assert window.inbox_title.text() == "收件箱（1条未读）"
    adhoc = {
        "inject": None,
        "title": "港华燃气调度：中压管线压力异常",
        "text": "SCADA显示山海社区调压站出口压力下降。",
        "source": "scada",
        "to": ["towngas"],
    }
    room.command("inject_delivered", adhoc, "adhoc-1")
    qtbot.waitUntil(lambda: window.inbox.rowCount() == 2, timeout=5000)
    assert inbox_rows(window) == [
        ("港华燃气调度：中压管线压力异常", True),
        ("12345热线：山海社区3号楼发生爆炸  📎", True),
    ]
    assert window.inbox_title.text() == "收件箱（2条未读）"
    window.inbox_view.selectRow(1)
    assert "9时02分，12345市民服务热线接群众来电" in window.detail.toPlainText()
    assert ATTACHMENT in window.detail.toPlainText()
    assert inbox_rows(window)[1][1] is False  # read now
    assert window.inbox_title.text() == "收件箱（1条未读）"


def test_an_inject_to_other_units_never_reaches_this_seat(
    qtbot: QtBot, room: Room, window: TraineeWindow
) -> None:
    room.thread.control("exercise_started")
    qtbot.waitUntil(lambda: window.inbox.rowCount() == 1, timeout=5000)
    other = {"inject": None, "title": "给消防的", "text": "仅消防", "source": "fire_119"}
    room.command("inject_delivered", {**other, "to": ["fire"]}, "adhoc-fire")
    mine = {"inject": None, "title": "给燃气的", "text": "燃气", "source": "scada"}
    room.command("inject_delivered", {**mine, "to": ["towngas"]}, "adhoc-gas")
    qtbot.waitUntil(lambda: window.inbox.rowCount() == 2, timeout=5000)
    titles = [title for title, _bold in inbox_rows(window)]
    assert titles == ["给燃气的", "12345热线：山海社区3号楼发生爆炸  📎"]  # the fire one never came


def test_a_report_sent_from_the_window_is_recorded_by_the_host_and_shown_on_the_board(
    qtbot: QtBot, room: Room, window: TraineeWindow, plan: Plan
) -> None:
    room.thread.control("exercise_started")
    qtbot.waitUntil(lambda: window.inbox.rowCount() == 1, timeout=5000)
    page = window.pages[0]
    form = page.form  # type: ignore[attr-defined]
    form.set_report_kind("phone")
    form.set_text("place", "姚家街道山海社区3号楼")
    form.set_text("course", "9时许居民家中燃气爆炸，楼道燃气味浓。")
    form.figure_inputs["serious_injuries"].set_figure(2)
    place = form.findChild(QWidget, "field_place")
    place.setFocus()
    qtbot.keyClick(place, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # sends
    qtbot.waitUntil(lambda: bool(log_rows(window)), timeout=5000)
    assert log_rows(window)[0][0].startswith(event_kind_name("report_submitted"))
    qtbot.waitUntil(lambda: log_rows(window)[0][1].startswith("已记录"), timeout=5000)
    reports = [e for e in room.log() if e.kind == "report_submitted"]
    assert len(reports) == 1
    assert reports[0].unit == "towngas" and reports[0].actor == "seat"
    assert reports[0].payload["report_kind"] == "phone"
    assert log_rows(window)[0][1] == f"已记录 {format_clock(reports[0].scenario_time)}"
    sheet = stored_sheet(room)
    board = StatusBoardModel(
        [("towngas", "港华燃气")], {o.id: o.kind for o in plan.reporting.obligations}
    )
    board.set_lines(sheet.lines, sheet.scenario_seconds, sheet.ended)
    assert board.cell_state("towngas", "phone") == "met"


def test_offline_the_forms_keep_working_and_what_is_sent_is_queued_then_delivered(
    qtbot: QtBot, room: Room, window: TraineeWindow
) -> None:
    room.thread.control("exercise_started")
    qtbot.waitUntil(lambda: window.inbox.rowCount() == 1, timeout=5000)
    room.stop_host()
    qtbot.waitUntil(lambda: window.connection_label.text() == "离线", timeout=5000)
    page = window.pages[-1]  # information and support: every seat asks for help
    page.help_text.setText("请求增派抢修车辆")  # type: ignore[attr-defined]
    page.help_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=2000)
    assert window.banner.text().startswith("离线，已排队1条")
    assert log_rows(window)[0][1] == "发送中"
    room.restart_host()
    qtbot.waitUntil(lambda: log_rows(window)[0][1].startswith("已记录"), timeout=15_000)
    assert [e.payload.get("text") for e in room.log() if e.kind == "help_requested"] == [
        "请求增派抢修车辆"
    ]
    assert not window.banner.isVisible()


def test_an_entry_the_controller_voided_shows_voided_with_the_reason(
    qtbot: QtBot, room: Room, window: TraineeWindow
) -> None:
    room.thread.control("exercise_started")
    qtbot.waitUntil(lambda: window.inbox.rowCount() == 1, timeout=5000)
    page = window.pages[-1]
    page.help_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: log_rows(window)[0][1].startswith("已记录"), timeout=5000)
    entry = next(e for e in room.log() if e.kind == "help_requested")
    room.command("entry_voided", {"event": entry.id, "reason": "误操作"}, "void-1")
    qtbot.waitUntil(lambda: log_rows(window)[0][1] == "已作废：误操作", timeout=5000)


def test_by_keyboard_alone_tab_reaches_the_actions_before_the_form_and_ctrl_digits_jump(
    qtbot: QtBot, window: TraineeWindow
) -> None:
    chain: list[QWidget] = []
    widget: QWidget = window.inbox_view
    while (widget := widget.nextInFocusChain()) is not window.inbox_view:
        chain.append(widget)
    kind_combo = window.pages[0].form.kind_combo  # type: ignore[attr-defined]
    assert chain.index(window.actions_view) < chain.index(kind_combo)
    assert chain.index(kind_combo) < chain.index(window.log_view)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    for key, target in (
        (Qt.Key.Key_3, window.log_view),
        (Qt.Key.Key_2, window.actions_view),
        (Qt.Key.Key_1, window.inbox_view),
    ):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(target.hasFocus, timeout=2000)


def test_an_action_the_host_refuses_shows_the_refusal_in_words(
    qtbot: QtBot, window: TraineeWindow
) -> None:
    page = window.pages[-1]  # the clock has not started: the host refuses every action
    page.help_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: log_rows(window)[0][1] != "发送中", timeout=5000)
    assert log_rows(window)[0][1] == "被拒绝：演练尚未开始"
    assert page.help_feedback.text() == "演练尚未开始"  # type: ignore[attr-defined]
