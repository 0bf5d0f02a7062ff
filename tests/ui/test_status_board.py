"""The status board: states, countdowns and colours per unit and obligation, live."""

from __future__ import annotations

from typing import Any

import pytest
from exercising import MINUTE, FakeWall, record, set_scenario_time, show_widget
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from pytestqt.qtbot import QtBot

from drill_app.core.exercise import inject_payload
from drill_app.core.scoring import Line, ScoreSheet
from drill_app.ui.exercise.status_board import StatusBoardPanel
from drill_app.ui.exercise.status_board_model import (
    STATE_COLOURS,
    StatusBoardModel,
    column_key,
    line_state,
)
from drill_app.ui.session import ExerciseSession

REPORT_KINDS = {"phone_report": "phone", "written_report": "written", "final_report": "final"}
ALL = ["district_government", "district_hq_office", "city_government"]  # §4.1.2


@pytest.fixture
def board(qtbot: QtBot, session: ExerciseSession) -> StatusBoardPanel:
    return show_widget(qtbot, StatusBoardPanel(session), 900, 600)


def deliver(qtbot: QtBot, session: ExerciseSession, wall: FakeWall, *inject_ids: str) -> None:
    """Release scripted injects at their own minute."""
    for inject_id in inject_ids:
        inject = session.scenario.injects_by_id[inject_id]
        assert inject.at is not None
        set_scenario_time(wall, session, inject.at * MINUTE)
        record(qtbot, session, "inject_delivered", inject_payload(inject))


def text(board: StatusBoardPanel, unit: str, key: str) -> str:
    return board.model.cell_text(unit, key)


def at(board: StatusBoardPanel, wall: FakeWall, seconds: float) -> None:
    set_scenario_time(wall, board.session, seconds)
    board.refresh()


def test_states_and_countdowns_in_the_right_cells_at_the_right_times(
    qtbot: QtBot, board: StatusBoardPanel, session: ExerciseSession, wall: FakeWall
) -> None:
    model = board.model
    assert model.columnCount() == 1 and board.empty_hint.isVisible()
    record(qtbot, session, "exercise_started")
    # the emergency bureau and the housing bureau learn of the incident at minute 5:
    # phone report due at 00:25, written report at 00:50
    deliver(qtbot, session, wall, "i01_hotline", "i02_119", "i03_gas_company_report")
    assert not board.empty_hint.isVisible()
    assert model.columns[:3] == ("phone", "written", "content")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["参演单位", "电话\n报告", "书面\n报告", "报告\n内容"]

    at(board, wall, 12 * MINUTE + 30)
    assert text(board, "emergency", "phone") == "待办\n剩 12:30"
    assert model.cell_state("emergency", "phone") == "pending"
    at(board, wall, 20 * MINUTE + 30)
    assert text(board, "emergency", "phone") == "即将到期\n剩 04:30"
    index = model.index(model.row_of("emergency"), model.column_of("phone"))
    background = index.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush)
    assert background.color() == QColor(STATE_COLOURS["soon"][0])

    set_scenario_time(wall, session, 27 * MINUTE)
    record(
        qtbot,
        session,
        "report_submitted",
        {"report_kind": "phone", "recipients": ALL},
        unit="housing",
    )
    assert text(board, "housing", "phone") == "迟报2分钟"
    at(board, wall, 28 * MINUTE + 10)
    assert text(board, "emergency", "phone") == "已超时\n超 03:10"
    assert model.cell_state("emergency", "phone") == "overdue"

    set_scenario_time(wall, session, 30 * MINUTE)
    record(
        qtbot,
        session,
        "report_submitted",
        # its figures reach the HQ office, so 区住建局 (its seat) is told of the injuries
        {"report_kind": "written", "recipients": ALL, "figures": {"serious_injuries": 2}},
        unit="emergency",
    )
    assert text(board, "emergency", "written") == "已完成"
    # the written report left the §4.1.3 items empty; its figures were fine
    assert text(board, "emergency", "content") == "错误\n完成 1/2"
    tooltip = model.index(model.row_of("emergency"), model.column_of("content")).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "书面报告内容齐全" in tooltip and "§4.1.3" in tooltip and "缺少：" in tooltip
    at(board, wall, 31 * MINUTE)
    assert text(board, "housing", "written") == "待办\n剩 19:00"

    # level IV was due at 00:30; a level III determination is wrong on these facts
    set_scenario_time(wall, session, 32 * MINUTE)
    record(qtbot, session, "level_determined", {"level": "III"}, unit="housing")
    assert text(board, "housing", "level") == "错误"
    level_tip = model.index(model.row_of("housing"), model.column_of("level")).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "判定为III级，依据事实应为IV级" in level_tip

    # several lines in a cell: the most urgent shows, with the share done; the groups are
    # the district HQ's (§5.3.1), due 30 minutes after 区住建局 learnt at 5
    assert text(board, "housing", "group") == "即将到期\n剩 03:00"
    counts = model.counts()
    assert board.summary_label.text().startswith(f"已超时{counts['overdue']}项")

    # the end: what was not done is "not done", and nothing counts down any more
    record(qtbot, session, "exercise_ended")
    assert text(board, "emergency", "phone") == "未完成"
    wall.advance(600)
    assert board.model.set_now(session.now()) == 0


def test_a_clock_tick_signals_only_the_countdown_cells(
    qtbot: QtBot,
    board: StatusBoardPanel,
    session: ExerciseSession,
    wall: FakeWall,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record(qtbot, session, "exercise_started")
    deliver(qtbot, session, wall, "i01_hotline", "i02_119", "i03_gas_company_report")
    set_scenario_time(wall, session, 20 * MINUTE)
    record(
        qtbot,
        session,
        "report_submitted",
        {"report_kind": "phone", "recipients": ALL},
        unit="housing",
    )
    scored: list[ScoreSheet] = []
    real_score = session.score

    def counting_score() -> ScoreSheet:
        sheet = real_score()
        scored.append(sheet)
        return sheet

    monkeypatch.setattr(session, "score", counting_score)
    model = board.model
    changed: list[tuple[int, int, int, int]] = []
    resets: list[str] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles=(): changed.append(
            (top.row(), top.column(), bottom.row(), bottom.column())
        )
    )
    model.modelReset.connect(lambda: resets.append("reset"))
    model.layoutChanged.connect(lambda: resets.append("layout"))

    wall.advance(1)
    board.refresh()
    assert changed, "the countdowns moved"
    signalled: set[tuple[int, int]] = set()
    for row, column, bottom_row, bottom_column in changed:
        assert row == bottom_row  # runs of cells within a row
        signalled.update((row, c) for c in range(column, bottom_column + 1))
    countdowns = {
        (model.row_of(unit), model.column_of(key))
        for unit in session.scenario.seats
        for key in model.columns
        if "\n剩 " in model.cell_text(unit, key) or "\n超 " in model.cell_text(unit, key)
    }
    assert signalled == countdowns  # exactly the countdown cells
    housing_phone = (model.row_of("housing"), model.column_of("phone"))
    assert housing_phone not in signalled  # done: no countdown
    assert not resets
    assert scored == []  # the score is recomputed on events only

    changed.clear()
    board.refresh()  # the same second: nothing to repaint
    assert changed == []


def test_units_with_nothing_open_can_be_hidden(
    qtbot: QtBot,
    board: StatusBoardPanel,
    session: ExerciseSession,
    wall: FakeWall,
    qtmodeltester: Any,
) -> None:
    record(qtbot, session, "exercise_started")
    deliver(qtbot, session, wall, "i01_hotline", "i02_119", "i03_gas_company_report")
    assert board.proxy.rowCount() == len(session.scenario.seats)
    board.only_open.setChecked(True)
    shown = {
        board.proxy.index(row, 0).data(StatusBoardModel.UnitRole)
        for row in range(board.proxy.rowCount())
    }
    # nothing is asked of the publicity department and the traffic police yet, nor of the
    # group leads: the groups are the district HQ's to activate (§5.3.1)
    assert shown == {"housing", "emergency", "fire", "street", "towngas"}
    qtmodeltester.check(board.proxy)
    qtmodeltester.check(board.model)
    board.only_open.setChecked(False)
    assert board.proxy.rowCount() == len(session.scenario.seats)


# --- the model on its own ------------------------------------------------------------------------


def line(
    unit: str,
    line_id: str,
    kind: str = "report",
    *,
    due: float | None = 1500.0,
    done: float | None = None,
    status: str = "pending",
    late: int = 0,
) -> Line:
    return Line(
        id=line_id,
        kind=kind,
        category="reporting",
        unit=unit,
        title=f"{unit} {line_id}",
        title_en=line_id,
        plan_ref="§4.1.2",
        due_at=due,
        done_at=done,
        status=status,  # type: ignore[arg-type]
        minutes_late=late,
        points=0.0,
        max_points=10.0,
    )


def test_line_states() -> None:
    pending = line("a", "phone_report:a")
    assert line_state(pending, 0, False) == ("pending", 1500.0)
    assert line_state(pending, 1200, False) == ("soon", 300.0)
    assert line_state(pending, 1500, False) == ("soon", 0.0)
    assert line_state(pending, 1690, False) == ("overdue", 190.0)
    assert line_state(line("a", "x", due=None), 99_999, False) == ("pending", None)
    assert line_state(line("a", "x", status="missed"), 1600, True) == ("overdue", None)
    assert line_state(line("a", "x", status="late", late=3), 1600, False) == ("late", None)
    assert column_key(line("a", "final_report:a"), REPORT_KINDS) == "followup"
    assert column_key(line("a", "group:medical", "group"), REPORT_KINDS) == "group"
    assert column_key(line("a", "accuracy:a", "accuracy"), REPORT_KINDS) == "content"
    assert column_key(line("a", "mystery", "mystery"), REPORT_KINDS) == "other"


def test_columns_are_inserted_in_plan_order_without_a_reset(
    qtbot: QtBot, chinese: None, qtmodeltester: Any
) -> None:
    model = StatusBoardModel([("a", "甲"), ("b", "乙")], REPORT_KINDS)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.set_lines([line("a", "written_report:a", due=3000.0)], 0, False)
    assert model.columns == ("written",)
    with qtbot.waitSignal(model.columnsInserted):
        model.set_lines(
            [
                line("a", "written_report:a", due=3000.0),
                line("b", "phone_report:b", status="met", done=600.0),
                line("b", "level:IV", "level", status="late", done=2000.0, late=5),
            ],
            700,
            False,
        )
    assert model.columns == ("phone", "written", "level")
    assert not resets
    assert model.cell_text("b", "phone") == "已完成"
    assert model.cell_text("b", "level") == "超时5分钟"
    assert model.cell_text("a", "written") == "待办\n剩 38:20"
    assert model.cell_text("a", "phone") == ""
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None  # empty cell
    assert model.data(model.index(5, 5)) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QPersistentModelIndex(QModelIndex())) is None
    qtmodeltester.check(model)


def test_thirty_units_by_ten_obligations(chinese: None, qtmodeltester: Any) -> None:
    units = [(f"u{n}", f"单位{n}") for n in range(30)]
    kinds = {f"duty{k}": "phone" for k in range(10)}
    model = StatusBoardModel(units, kinds)
    lines = [
        line(unit, f"duty{k}:{unit}", kind, due=600.0 + 37 * n + 11 * k)
        for n, (unit, _label) in enumerate(units)
        for k, kind in enumerate(
            [
                "report",
                "report_content",
                "level",
                "handover",
                "group",
                "warning",
                "step",
                "supply_order",
                "authority",
                "scenario",
            ]
        )
    ]
    model.set_lines(lines, 0, False)
    assert model.columnCount() == 11 and model.rowCount() == 30
    assert model.set_now(1.0) == 300  # every cell counts down
    qtmodeltester.check(model)
