"""Choosing a unit to act for from the board and the act panel: the act panel's header
names the unit in its colour, and nothing moves under the pointer while the board
refreshes (clock ticks, recorded events)."""

from __future__ import annotations

import pytest
from exercising import MINUTE, FakeWall, record, set_scenario_time, show_widget
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QCursor, QFont
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from test_status_board_layout import save_shot

from drill_app.core.exercise import inject_payload
from drill_app.ui.exercise.exercise_view import ExerciseView
from drill_app.ui.exercise.status_board import StatusBoardPanel
from drill_app.ui.exercise.status_board_model import StatusBoardModel
from drill_app.ui.session import ExerciseSession
from drill_app.wording.plan_words import PlanWords

ALL = ["district_government", "district_hq_office", "city_government"]  # §4.1.2


@pytest.fixture
def view(qtbot: QtBot, session: ExerciseSession, wall: FakeWall) -> ExerciseView:
    widget = show_widget(qtbot, ExerciseView(session), 1366, 728)
    record(qtbot, session, "exercise_started")
    for inject_id in ("i01_hotline", "i02_119", "i03_gas_company_report"):
        inject = session.scenario.injects_by_id[inject_id]
        assert inject.at is not None
        set_scenario_time(wall, session, inject.at * MINUTE)
        record(qtbot, session, "inject_delivered", inject_payload(inject))
    return widget


def cell(board: StatusBoardPanel, unit: str, key: str) -> QModelIndex:
    model = board.model
    return board.proxy.mapFromSource(model.index(model.row_of(unit), model.column_of(key)))


def cell_rect(board: StatusBoardPanel, unit: str, key: str) -> QRect:
    return board.view.visualRect(cell(board, unit, key))


def header_colour(view: ExerciseView) -> str:
    label = view.act_panel.header_label
    label.ensurePolished()
    return label.palette().color(label.foregroundRole()).name()


def test_the_act_panel_names_its_unit_in_the_unit_colour(
    qtbot: QtBot, view: ExerciseView, session: ExerciseSession
) -> None:
    act, board = view.act_panel, view.status_board
    # the first seat at the start, in its colour
    assert act.header_label.text() == "正在代区住房和城乡建设局（张强）操作"
    colour = PlanWords(session.plan).unit_colour  # the unit's one colour (wording)
    assert header_colour(view) == colour("housing")

    # chosen in the picker: the police, its own colour
    act.unit_combo.setCurrentIndex(act.unit_combo.findData("police"))
    assert act.header_label.text() == "正在代市公安局历下分局（王伟）操作"
    police = colour("police")
    assert header_colour(view) == police == act.acting_colour()
    # the same colour as the police's name on the board
    name = board.model.index(board.model.row_of("police"), 0)
    assert name.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(police)

    # double-click on the fire brigade's scenario task: its forms, its name and colour
    where = cell_rect(board, "fire", "scenario").center()
    qtbot.mouseClick(board.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(board.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert view.tabs.currentIndex() == view.act_tab
    assert act.current_unit() == "fire"
    assert act.header_label.text() == "正在代区消防救援大队（赵磊）操作"
    assert header_colour(view) == colour("fire")
    save_shot(view, "act-for-fire")
    # the requests to the city (§5.2.1, §5.4): the page that asks the city for help
    where = cell_rect(board, "housing", "request").center()
    qtbot.mouseClick(board.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(board.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert act.current_unit() == "housing"
    assert act.stack.currentWidget() is act.information_page
    # double-click on a unit's name: that unit
    where = board.view.visualRect(cell(board, "emergency", "phone").siblingAtColumn(0)).center()
    qtbot.mouseClick(board.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(board.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert act.header_label.text() == "正在代区应急管理局（李明）操作"
    assert header_colour(view) == colour("emergency")


def snapshot(view: ExerciseView) -> tuple[object, ...]:
    """What the pointer rests on: the board's current cell, selection and scroll, and the
    act panel's picker (its order and its choice)."""
    board, combo = view.status_board, view.act_panel.unit_combo
    table = board.view
    current = table.currentIndex()
    return (
        (current.row(), current.column(), current.data(StatusBoardModel.UnitRole)),
        sorted((i.row(), i.column()) for i in table.selectionModel().selectedIndexes()),
        table.verticalScrollBar().value(),
        table.horizontalScrollBar().value(),
        [combo.itemData(i) for i in range(combo.count())],
        [combo.itemText(i) for i in range(combo.count())],
        combo.currentIndex(),
    )


def test_nothing_moves_under_the_pointer_across_ticks_and_events(
    qtbot: QtBot, view: ExerciseView, session: ExerciseSession, wall: FakeWall
) -> None:
    board = view.status_board
    table = board.view
    # a short board (the splitter dragged up): it scrolls, scrolled to the bottom
    table.setMinimumHeight(0)
    view.left.setSizes([160, 600])
    QApplication.processEvents()
    assert table.verticalScrollBar().maximum() > 0
    table.verticalScrollBar().setValue(table.verticalScrollBar().maximum())
    chosen = cell(board, "traffic", "step")
    table.setCurrentIndex(chosen)
    assert table.selectionModel().isSelected(chosen)
    view.act_panel.unit_combo.setCurrentIndex(view.act_panel.unit_combo.findData("street"))
    before = snapshot(view)
    texts = board.model.cell_text("emergency", "phone")

    for _tick in range(3):  # clock ticks across minutes: cells change, nothing moves
        wall.advance(MINUTE)
        view.refresh()
        assert snapshot(view) == before
    assert board.model.cell_text("emergency", "phone") != texts
    # recorded events that change the chosen row's and other rows' cells
    set_scenario_time(wall, session, 12 * MINUTE)
    record(
        qtbot, session, "report_submitted", {"report_kind": "phone", "recipients": ALL}, "housing"
    )
    record(qtbot, session, "step_taken", {"step": "order_and_traffic"}, unit="traffic")
    inject = session.scenario.injects_by_id["i04_environment"]
    record(qtbot, session, "inject_delivered", inject_payload(inject))
    view.refresh()
    assert snapshot(view) == before


def test_hiding_done_units_waits_while_the_pointer_is_over_the_board(
    qtbot: QtBot, view: ExerciseView, session: ExerciseSession, wall: FakeWall
) -> None:
    board = view.status_board
    board.only_open.setChecked(True)
    shown = board.proxy.rowCount()
    units = [board.proxy.index(r, 0).data(StatusBoardModel.UnitRole) for r in range(shown)]
    assert "health" not in units  # nothing asked of it yet
    QCursor.setPos(board.view.mapToGlobal(board.view.rect().center()))
    qtbot.waitUntil(board.view.underMouse)
    # three deaths: level III (§1.6.2.3), the heads of the units told go to the scene
    # (§5.2.2): rows would appear among the others
    for inject_id in ("i04_environment", "i05_bodies_found", "i07_third_death"):
        inject = session.scenario.injects_by_id[inject_id]
        assert inject.at is not None
        set_scenario_time(wall, session, inject.at * MINUTE)
        record(qtbot, session, "inject_delivered", inject_payload(inject))
    view.refresh()
    after = [board.proxy.index(r, 0).data(StatusBoardModel.UnitRole) for r in range(shown)]
    assert board.proxy.rowCount() == shown and after == units  # held while pointed at
    QCursor.setPos(view.mapToGlobal(view.rect().bottomRight()) + QPoint(50, 50))
    qtbot.waitUntil(lambda: not board.view.underMouse())
    now = [
        board.proxy.index(r, 0).data(StatusBoardModel.UnitRole)
        for r in range(board.proxy.rowCount())
    ]
    assert "health" in now and now != units  # applied once the pointer left


def test_the_unit_column_stays_when_the_board_scrolls_sideways(
    qtbot: QtBot, view: ExerciseView, session: ExerciseSession
) -> None:
    # a large font in a narrow window (a projector's zoom): the columns scroll sideways
    window = QWidget()
    font = QFont(window.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    window.setFont(font)
    board = StatusBoardPanel(session, window)
    QVBoxLayout(window).addWidget(board)
    show_widget(qtbot, window, 900, 700)
    table, frozen = board.view, board.view.frozen
    bar = table.horizontalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    save_shot(window, "board-frozen-scrolled")
    # the units' column sits over the left edge, its names in full, the others scrolled
    assert frozen.isVisible() and frozen.x() == table.frameWidth()
    assert frozen.width() == table.columnWidth(0)
    assert [c for c in range(board.model.columnCount()) if not frozen.isColumnHidden(c)] == [0]
    assert table.columnViewportPosition(1) < frozen.width()  # scrolled in under it
    row = board.model.row_of("street")
    name = frozen.visualRect(board.proxy.index(row, 0))
    assert frozen.viewport().rect().contains(name)
    # double-click on a name there: that unit's forms
    qtbot.mouseClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=name.center())
    with qtbot.waitSignal(board.cell_activated) as activated:
        qtbot.mouseDClick(frozen.viewport(), Qt.MouseButton.LeftButton, pos=name.center())
    assert activated.args == ["street", ""]
    # the keyboard stays on the cells: Left from the first obligation column stops there,
    # and that cell is scrolled into view beside the frozen column
    table.setFocus()
    table.setCurrentIndex(board.proxy.index(row, 2))
    qtbot.keyClick(table, Qt.Key.Key_Left)
    assert table.currentIndex().column() == 1
    assert table.visualRect(table.currentIndex()).left() >= frozen.width()
