"""The running-exercise view: clock bar, layout, hosted panels, with a real archive.

The helpers (fake wall clock, a session on a real SQLite archive, recording and reading
back events) are in exercising.py, the ``wall``, ``database`` and ``session`` fixtures in
conftest.py; the MSEL, status board and event feed tests share them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from exercising import FakeWall, opened_session, record, show_widget, stored_events, wait_recorded
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QMainWindow, QScrollArea
from pytestqt.qtbot import QtBot

from drill_app.ui.exercise.clock_bar import ClockBarWidget
from drill_app.ui.exercise.exercise_view import ExerciseView
from drill_app.ui.session import ExerciseSession
from drill_app.wording.clock import format_clock, format_hhmm, format_span

# --- the clock bar ---------------------------------------------------------------------------


@pytest.fixture
def view(qtbot: QtBot, session: ExerciseSession) -> ExerciseView:
    return show_widget(qtbot, ExerciseView(session), 1366, 740)


def test_time_formats() -> None:
    assert format_clock(5025.9) == "01:23:45"
    assert format_clock(0) == "00:00:00"
    assert format_hhmm(2460) == "00:41"
    assert format_span(750) == "12:30"
    assert format_span(749.2) == "12:30"  # a countdown rounds up
    assert format_span(3725) == "1:02:05"


def test_clock_buttons_record_control_events_and_the_display_follows_the_core_clock(
    qtbot: QtBot,
    view: ExerciseView,
    session: ExerciseSession,
    wall: FakeWall,
    database: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bar = view.clock_bar
    assert bar.time_label.text() == "00:00:00"
    assert bar.state_label.text() == "未开始"
    assert bar.start_button.isEnabled()
    assert not bar.pause_button.isEnabled() and not bar.end_button.isEnabled()
    assert "F5" in bar.start_button.toolTip()

    with qtbot.waitSignal(session.event_added, timeout=10_000):
        qtbot.mouseClick(bar.start_button, Qt.MouseButton.LeftButton)
    assert bar.state_label.text() == "进行中"
    assert not bar.start_button.isEnabled() and bar.pause_button.isEnabled()

    # The display is read from the core clock by the view's one refresh timer.
    wall.advance(1 * 3600 + 23 * 60 + 45)
    qtbot.waitUntil(lambda: bar.time_label.text() == "01:23:45", timeout=2_000)

    with qtbot.waitSignal(session.event_added, timeout=10_000):
        qtbot.mouseClick(bar.pause_button, Qt.MouseButton.LeftButton)
    assert bar.state_label.text() == "已暂停"
    wall.advance(600)  # paused: ten minutes of wall time change nothing
    view.refresh()
    assert bar.time_label.text() == "01:23:45"

    with qtbot.waitSignal(session.event_added, timeout=10_000):
        qtbot.mouseClick(bar.resume_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(session.event_added, timeout=10_000):
        qtbot.mouseClick(bar.speed_buttons[5.0], Qt.MouseButton.LeftButton)
    assert bar.speed_label.text() == "速度 5×"
    assert bar.speed_buttons[5.0].isChecked() and not bar.speed_buttons[1.0].isChecked()
    wall.advance(60)  # one wall minute at 5x
    view.refresh()
    assert bar.time_label.text() == "01:28:45"

    monkeypatch.setattr(ClockBarWidget, "confirm_end", classmethod(lambda cls, parent: False))
    qtbot.mouseClick(bar.end_button, Qt.MouseButton.LeftButton)
    assert not session.busy  # declined: nothing sent
    monkeypatch.setattr(ClockBarWidget, "confirm_end", classmethod(lambda cls, parent: True))
    with qtbot.waitSignal(view.exercise_ended, timeout=10_000):
        qtbot.mouseClick(bar.end_button, Qt.MouseButton.LeftButton)
    assert bar.state_label.text() == "已结束"
    assert not any(b.isEnabled() for b in (bar.start_button, bar.pause_button, bar.resume_button))
    assert not bar.end_button.isEnabled() and not bar.jump_button.isEnabled()
    assert not view.timer.isActive()
    wall.advance(600)
    view.refresh()
    assert bar.time_label.text() == "01:28:45"

    kinds = [(e.kind, dict(e.payload)) for e in stored_events(database, session.exercise_id)]
    assert kinds == [
        ("exercise_started", {}),
        ("exercise_paused", {}),
        ("exercise_resumed", {}),
        ("speed_changed", {"speed": 5.0}),
        ("exercise_ended", {}),
    ]


def test_keyboard_shortcuts_pause_and_resume(
    qtbot: QtBot, session: ExerciseSession, wall: FakeWall
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    view = ExerciseView(session)
    window.setCentralWidget(view)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    bar = view.clock_bar
    assert "Space" in bar.pause_button.toolTip() or "空格" in bar.pause_button.toolTip()
    with qtbot.waitSignal(session.event_added, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    table = view.msel_panel.view
    table.setFocus()
    with qtbot.waitSignal(session.event_added, timeout=10_000) as paused:
        qtbot.keyClick(table, Qt.Key.Key_Space)
    assert paused.args[0].kind == "exercise_paused"
    with qtbot.waitSignal(session.event_added, timeout=10_000) as resumed:
        qtbot.keyClick(table, Qt.Key.Key_Space)
    assert resumed.args[0].kind == "exercise_resumed"
    # in a form of the side tabs, Space ticks a check box and leaves the clock alone
    view.tabs.setCurrentIndex(2)
    box = QCheckBox("x", view.tabs.currentWidget())
    box.show()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and not session.busy
    with qtbot.waitSignal(session.event_added, timeout=10_000) as jumped:
        qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert jumped.args[0].kind == "clock_jumped"


def test_the_clock_speed_option_takes_effect_right_after_the_start(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, wall: FakeWall, database: str
) -> None:
    options = {"clock_speed": 2}
    with opened_session(qtbot, qapp, tmp_path, wall, database, options) as session:
        view = ExerciseView(session)
        qtbot.addWidget(view)
        view.show()
        qtbot.mouseClick(view.clock_bar.start_button, Qt.MouseButton.LeftButton)
        events = wait_recorded(qtbot, session, 2)
        assert [(e.kind, dict(e.payload)) for e in events] == [
            ("exercise_started", {}),
            ("speed_changed", {"speed": 2.0}),
        ]
        assert view.clock_bar.speed_label.text() == "速度 2×"
        stored = stored_events(database, session.exercise_id)
        assert [e.id for e in stored] == [e.id for e in events]


def test_jump_goes_to_the_next_inject_time(
    qtbot: QtBot, view: ExerciseView, session: ExerciseSession, wall: FakeWall
) -> None:
    bar = view.clock_bar
    assert not bar.jump_button.isEnabled()  # not started
    record(qtbot, session, "exercise_started")
    view.msel_panel.release_all_due()  # i01 at minute 0
    wait_recorded(qtbot, session, 2)
    view.refresh()
    assert bar.jump_button.text() == "跳至下一注入（00:03:00）"
    with qtbot.waitSignal(session.event_added, timeout=10_000) as jumped:
        qtbot.mouseClick(bar.jump_button, Qt.MouseButton.LeftButton)
    assert dict(jumped.args[0].payload) == {"to_seconds": 180.0}
    assert bar.time_label.text() == "00:03:00"
    msel = view.msel_panel.model
    assert [i.id for i in msel.due_injects()] == ["i02_119"]
    assert view.tabs.tabText(0) == "情景注入（1条到时）"
    # the next jump: minute 5 (i03)
    assert bar.jump_button.text() == "跳至下一注入（00:05:00）"


def test_a_refused_control_command_is_explained(
    qtbot: QtBot, view: ExerciseView, session: ExerciseSession
) -> None:
    record(qtbot, session, "exercise_started")
    with qtbot.waitSignal(session.command_refused, timeout=10_000):
        session.send("exercise_resumed", {}, actor="controller")
    assert view.notice_label.isVisible()
    assert view.notice_label.text() == "未执行“演练继续”：演练未暂停"
    record(qtbot, session, "exercise_paused")
    assert not view.notice_label.isVisible()


def test_an_exercise_ended_elsewhere_is_signalled(
    qtbot: QtBot, view: ExerciseView, session: ExerciseSession
) -> None:
    record(qtbot, session, "exercise_started")
    with qtbot.waitSignal(view.exercise_ended, timeout=10_000):
        session.send("exercise_ended", {}, actor="controller")


# --- layout ----------------------------------------------------------------------------------


def test_title_panels_and_tabs(view: ExerciseView, session: ExerciseSession) -> None:
    assert view.title_label.text() == "山海社区燃气爆炸桌面推演"
    assert view.scenario_label.text() == (
        "情景：姚家街道山海社区居民楼燃气爆炸事故桌面推演（桌面推演，山海社区3号居民楼）"
    )
    assert [view.tabs.tabText(i) for i in range(3)] == ["情景注入", "代参演单位操作", "评估"]
    for tab in (1, 2):
        assert isinstance(view.tabs.widget(tab), QScrollArea)


@pytest.mark.parametrize("screen", [QSize(1366, 768), QSize(1920, 1080)])
def test_nothing_is_clipped_on_a_laptop_or_a_projector(
    qtbot: QtBot, session: ExerciseSession, screen: QSize
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    view = ExerciseView(session)
    window.setCentralWidget(view)
    # a maximised window: the screen less a task bar and the title bar
    window.resize(screen.width(), screen.height() - 70)
    with qtbot.waitExposed(window):
        window.show()
    needed = view.minimumSizeHint()
    assert needed.width() <= screen.width() and needed.height() <= screen.height() - 70
    assert view.width() <= screen.width()
    # every panel keeps a usable share
    assert view.status_board.view.height() > 150
    assert view.event_feed.view.height() > 100
    assert view.msel_panel.view.width() > 450
    assert view.clock_bar.end_button.geometry().right() <= view.clock_bar.width()


def test_a_board_cell_opens_the_forms_for_that_unit_and_obligation(
    qtbot: QtBot, view: ExerciseView, session: ExerciseSession, wall: FakeWall
) -> None:
    from exercising import set_scenario_time

    from drill_app.core.exercise import inject_payload

    record(qtbot, session, "exercise_started")
    for inject_id in ("i01_hotline", "i02_119", "i03_gas_company_report"):
        inject = session.scenario.injects_by_id[inject_id]
        assert inject.at is not None
        set_scenario_time(wall, session, inject.at * 60)
        record(qtbot, session, "inject_delivered", inject_payload(inject))
    board = view.status_board
    model = board.model
    table = board.view

    def cell_rect(unit: str, key: str) -> QRect:
        source = model.index(model.row_of(unit), model.column_of(key))
        return table.visualRect(board.proxy.mapFromSource(source))

    # Double-click: the housing bureau's phone report.
    where = cell_rect("housing", "phone").center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # (the 1st click:
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)  # QTest sends
    # only the second press of a double-click)
    act = view.act_panel
    assert view.tabs.currentIndex() == view.act_tab
    assert act.current_unit() == "housing"
    assert act.stack.currentWidget() is act.report_page
    assert act.report_page.form.report_kind() == "phone"

    # The keyboard: Tab reaches the board; Enter on the emergency bureau's written report.
    table.setFocus()
    source = model.index(model.row_of("emergency"), model.column_of("written"))
    table.setCurrentIndex(board.proxy.mapFromSource(source))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert act.current_unit() == "emergency"
    assert act.report_page.form.report_kind() == "written"
    # Tab leaves the board rather than walking its cells.
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


def test_ctrl_tab_and_ctrl_page_down_move_between_the_side_tabs(
    qtbot: QtBot, view: ExerciseView
) -> None:
    view.window().activateWindow()
    view.msel_panel.view.setFocus()
    assert view.tabs.currentIndex() == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentIndex() == 1
    qtbot.keyClick(
        QApplication.focusWidget() or view.tabs,
        Qt.Key.Key_PageDown,
        Qt.KeyboardModifier.ControlModifier,
    )
    assert view.tabs.currentIndex() == 2
    qtbot.keyClick(
        QApplication.focusWidget() or view.tabs,
        Qt.Key.Key_PageUp,
        Qt.KeyboardModifier.ControlModifier,
    )
    assert view.tabs.currentIndex() == 1


def test_tab_and_shift_tab_leave_the_log_and_the_msel_table(
    qtbot: QtBot, view: ExerciseView, session: ExerciseSession
) -> None:
    record(qtbot, session, "exercise_started")
    record(qtbot, session, "exercise_paused")
    record(qtbot, session, "exercise_resumed")
    view.window().activateWindow()
    for table in (view.event_feed.view, view.msel_panel.view, view.status_board.view):
        for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            table.setCurrentIndex(table.model().index(1, 1))  # a cell inside the table
            table.setFocus()
            qtbot.waitUntil(table.hasFocus)
            qtbot.keyClick(table, key)
            assert not table.hasFocus(), f"{table.objectName()} keeps the focus on {key}"
