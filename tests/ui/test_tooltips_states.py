"""A disabled button's tooltip says why it is disabled now, and says something else when
the reason changes (issue 12 §4): the clock bar and the event log through a whole drill."""

from __future__ import annotations

from exercising import record, show_widget, wait_idle
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from drill_app.ui.exercise.exercise_view import ExerciseView
from drill_app.ui.session import ExerciseSession


def why(button: object) -> str:
    """The reason a disabled button gives (its tooltip's second line), '' when enabled."""
    lines = button.toolTip().splitlines()  # type: ignore[attr-defined]
    assert button.isEnabled() == (len(lines) == 1), lines  # type: ignore[attr-defined]
    return lines[1] if len(lines) > 1 else ""


def select_row(view: QTableView, row: int) -> None:
    """Select *row* alone (selectRow would follow whatever modifiers seem held)."""
    view.selectionModel().select(
        view.model().index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_the_clock_bar_says_why_each_button_is_disabled_at_each_stage(
    qtbot: QtBot, session: ExerciseSession
) -> None:
    view = show_widget(qtbot, ExerciseView(session), 1366, 740)
    bar = view.clock_bar
    bar.refresh()
    assert why(bar.start_button) == ""
    assert why(bar.pause_button) == "演练尚未开始。"
    assert why(bar.end_button) == "演练尚未开始。"
    assert why(bar.speed_buttons[2.0]) == "演练尚未开始。"

    record(qtbot, session, "exercise_started")
    wait_idle(qtbot, session)
    bar.refresh()
    assert why(bar.start_button) == "演练已经开始。"
    assert why(bar.pause_button) == ""
    assert why(bar.resume_button) == "时钟正在运行。"
    assert why(bar.end_button) == ""

    record(qtbot, session, "exercise_paused")
    wait_idle(qtbot, session)
    bar.refresh()
    assert why(bar.pause_button) == "时钟已暂停。"
    assert why(bar.resume_button) == ""

    record(qtbot, session, "exercise_ended")
    wait_idle(qtbot, session)
    bar.refresh()
    for button in (bar.start_button, bar.pause_button, bar.resume_button, bar.end_button):
        assert why(button) == "演练已结束。"
    assert why(bar.jump_button) == "演练已结束。"


def test_the_void_button_says_why_for_each_row_of_the_log(
    qtbot: QtBot, session: ExerciseSession
) -> None:
    view = show_widget(qtbot, ExerciseView(session), 1366, 740)
    feed = view.event_feed
    assert why(feed.void_button) == "请先在记录中选择一条单位记录。"
    record(qtbot, session, "exercise_started")
    record(qtbot, session, "step_taken", {"step": "cordon"}, unit="towngas")
    wait_idle(qtbot, session)
    select_row(feed.view, 0)  # the start: a control event
    assert why(feed.void_button).startswith("只能作废单位的记录")
    select_row(feed.view, 1)  # the unit's step
    assert why(feed.void_button) == ""
    entry = session.events[-1].id
    record(qtbot, session, "entry_voided", {"event": entry, "reason": "误记"})
    wait_idle(qtbot, session)
    select_row(feed.view, 1)
    assert why(feed.void_button) == "该记录已作废。"
