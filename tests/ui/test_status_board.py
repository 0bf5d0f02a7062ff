"""The status board: states, countdowns and colours per unit and obligation, live."""

from __future__ import annotations

from typing import Any

import pytest
from exercising import MINUTE, FakeWall, record, set_scenario_time, show_widget
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from pytestqt.qtbot import QtBot

from drill_app.core.board_columns import COLUMN_ORDER, board_columns
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


def cell_tip(board: StatusBoardPanel, unit: str, key: str, role: int) -> str:
    model = board.model
    return str(model.index(model.row_of(unit), model.column_of(key)).data(role))


def lines_in(session: ExerciseSession, unit: str, *kinds: str) -> int:
    """How many score lines of *kinds* the core holds for *unit* now."""
    return sum(1 for x in session.score().lines if x.unit == unit and x.kind in kinds)


def test_states_and_minutes_in_the_right_cells_at_the_right_times(
    qtbot: QtBot, board: StatusBoardPanel, session: ExerciseSession, wall: FakeWall
) -> None:
    model = board.model
    derived = board_columns(session.plan, session.scenario)
    # every column the scenario can raise, before anything happened
    assert model.columns == derived and board.empty_hint.isVisible()
    inserted: list[int] = []
    model.columnsInserted.connect(lambda *_: inserted.append(1))
    model.columnsRemoved.connect(lambda *_: inserted.append(-1))
    record(qtbot, session, "exercise_started")
    # the emergency bureau and the housing bureau learn of the incident at minute 5:
    # phone report due at 00:25, written report at 00:50
    deliver(qtbot, session, wall, "i01_hotline", "i02_119", "i03_gas_company_report")
    assert not board.empty_hint.isVisible()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["参演单位", "电话", "书面", "内容"]
    phone_tip = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert phone_tip == "电话报告（第4.1.1、4.1.2条）"

    at(board, wall, 12 * MINUTE + 30)
    assert text(board, "emergency", "phone") == "○13分"  # 12:30 left, whole minutes up
    assert model.cell_state("emergency", "phone") == "pending"
    at(board, wall, 20 * MINUTE + 30)
    assert text(board, "emergency", "phone") == "◔5分"
    index = model.index(model.row_of("emergency"), model.column_of("phone"))
    background = index.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush)
    assert background.color() == QColor(STATE_COLOURS["soon"][0])
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "区应急管理局 李明 · 电话报告（第4.1.1、4.1.2条）: 即将到期 剩 04:30 (§4.1.2)"
    )

    set_scenario_time(wall, session, 27 * MINUTE)
    record(
        qtbot,
        session,
        "report_submitted",
        {"report_kind": "phone", "recipients": ALL},
        unit="housing",
    )
    assert text(board, "housing", "phone") == "✓迟2分"
    at(board, wall, 28 * MINUTE + 10)
    assert text(board, "emergency", "phone") == "▲4分"  # 3:10 over
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
    assert text(board, "emergency", "written") == "✓"
    # the written report left the §4.1.3 items empty (wrong); its figures were fine (done):
    # the count and the most urgent, in its colour
    assert text(board, "emergency", "content") == "✗\n2项"
    assert model.cell_state("emergency", "content") == "wrong"
    tooltip = cell_tip(board, "emergency", "content", Qt.ItemDataRole.ToolTipRole)
    assert "共2项，最紧急的在前" in tooltip
    assert "书面报告内容齐全" in tooltip and "§4.1.3" in tooltip and "缺少：" in tooltip
    assert tooltip.index("书面报告内容齐全") < tooltip.index("报告数据与掌握情况一致")
    at(board, wall, 31 * MINUTE)
    assert text(board, "housing", "written") == "○19分"

    # level IV was due at 00:30; a level III determination is wrong on these facts
    set_scenario_time(wall, session, 32 * MINUTE)
    record(qtbot, session, "level_determined", {"level": "III"}, unit="housing")
    assert text(board, "housing", "level") == "✗"
    level_tip = cell_tip(board, "housing", "level", Qt.ItemDataRole.ToolTipRole)
    assert "判定为III级，依据事实应为IV级" in level_tip

    # several lines in a cell: the most urgent shows, with how many there are; the groups
    # are the district HQ's (§5.3.1), due 30 minutes after 区住建局 learnt at 5
    groups = lines_in(session, "housing", "group")
    assert groups > 1
    assert text(board, "housing", "group") == f"◔3分\n{groups}项"
    counts = model.counts()
    assert board.summary_label.toolTip().startswith(f"已超时{counts['overdue']}项")
    assert board.summary_label.text().startswith(f"▲{counts['overdue']}  ◔{counts['soon']}")

    # the end: what was not done is "not done", and nothing counts down any more
    record(qtbot, session, "exercise_ended")
    assert text(board, "emergency", "phone") == "▲未完成"
    wall.advance(600)
    assert board.model.set_now(session.now()) == 0
    # events raised new obligations all along: no column appeared, none moved
    assert model.columns == derived and inserted == []


def test_a_clock_tick_signals_only_the_cells_whose_minutes_changed(
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
    at(board, wall, 20 * MINUTE + 30)  # deadlines fall on whole minutes: half past one
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

    def texts() -> dict[tuple[int, int], str]:
        return {
            (model.row_of(unit), model.column_of(key)): model.cell_text(unit, key)
            for unit in session.scenario.seats
            for key in model.columns
        }

    before = texts()
    wall.advance(1)  # within the minute: no cell's minutes change, nothing repaints
    board.refresh()
    assert changed == [] and texts() == before

    wall.advance(60)
    board.refresh()
    assert changed, "the minutes moved"
    signalled: set[tuple[int, int]] = set()
    for row, column, bottom_row, bottom_column in changed:
        assert row == bottom_row  # runs of cells within a row
        signalled.update((row, c) for c in range(column, bottom_column + 1))
    after = texts()
    assert signalled == {place for place in after if after[place] != before[place]}
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


def test_the_columns_are_fixed_and_an_unforeseen_line_goes_to_other(
    qtbot: QtBot, chinese: None, qtmodeltester: Any
) -> None:
    model = StatusBoardModel(
        [("a", "甲"), ("b", "乙")], REPORT_KINDS, ("phone", "written", "level")
    )
    assert model.columns == ("phone", "written", "level", "other")
    signals: list[str] = []
    model.modelReset.connect(lambda: signals.append("reset"))
    model.columnsInserted.connect(lambda *_: signals.append("inserted"))
    model.set_lines(
        [
            line("a", "written_report:a", due=3000.0),
            line("b", "phone_report:b", status="met", done=600.0),
            line("b", "level:IV", "level", status="late", done=2000.0, late=5),
            line("b", "group:medical", "group", due=900.0),  # no group column: "other"
        ],
        700,
        False,
    )
    assert signals == []
    assert model.columns == ("phone", "written", "level", "other")
    assert model.cell_text("b", "phone") == "✓"
    assert model.cell_text("b", "level") == "✓迟5分"
    assert model.cell_text("a", "written") == "○39分"  # 38:20 left
    assert model.cell_text("b", "other") == "◔4分"  # 3:20 left: due soon
    assert model.cell_text("a", "phone") == ""
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None  # empty cell
    assert model.data(model.index(5, 5)) is None
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QPersistentModelIndex(QModelIndex())) is None
    qtmodeltester.check(model)


def test_a_cell_of_several_obligations_shows_the_count_and_the_most_urgent(
    chinese: None,
) -> None:
    model = StatusBoardModel([("a", "甲\n张三")], REPORT_KINDS, ("phone", "group"))
    lines = [
        line("a", "group:medical", "group", due=3000.0),
        line("a", "group:rescue", "group", due=1200.0),  # the most urgent: 5 minutes left
        line("a", "group:experts", "group", status="met", done=100.0),
    ]
    model.set_lines(lines, 900.0, False)
    index = model.index(0, model.column_of("group"))
    assert model.cell_text("a", "group") == "◔5分\n3项"
    assert index.data(StatusBoardModel.CountRole) == 3
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == QColor(STATE_COLOURS["soon"][0])
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "共3项，最紧急的在前" in tip
    order = [tip.index(f"a group:{g}") for g in ("rescue", "medical", "experts")]
    assert order == sorted(order)  # most urgent first, each with its § and deadline
    assert tip.count("§4.1.2") == 3
    assert "时限 00:20:00" in tip and "时限 00:50:00" in tip
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == (
        "甲 张三 · 启动工作组（第2.3.2条）: 即将到期 剩 05:00 (§4.1.2) · 共3项，最紧急的在前"
    )
    # time passes: the rescue group is overdue, the cell turns red and says by how much
    model.set_now(1500.0)
    assert model.cell_text("a", "group") == "▲5分\n3项"
    assert model.cell_state("a", "group") == "overdue"


def test_thirty_units_by_ten_obligations(chinese: None, qtmodeltester: Any) -> None:
    units = [(f"u{n}", f"单位{n}") for n in range(30)]
    kinds = {f"duty{k}": "phone" for k in range(10)}
    model = StatusBoardModel(units, kinds, COLUMN_ORDER)
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
    assert model.columnCount() == 1 + len(COLUMN_ORDER) and model.rowCount() == 30
    assert model.set_now(60.5) == 300  # every cell counts down by a minute
    qtmodeltester.check(model)
