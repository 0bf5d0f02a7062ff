"""The event feed: one row per recorded event, filters, and following new events."""

from __future__ import annotations

from typing import Any

import pytest
from drilling import row_cells
from exercising import MINUTE, FakeWall, record, set_scenario_time, show_widget
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.qtbot import QtBot

from drill_app.core.exercise import inject_payload
from drill_app.ui.exercise.event_feed import NO_UNIT, EventFeedModel, EventFeedPanel
from drill_app.ui.score.score_view import ScoreView
from drill_app.ui.session import ExerciseSession
from drill_app.wording.events import event_kind_names


@pytest.fixture
def feed(qtbot: QtBot, session: ExerciseSession) -> EventFeedPanel:
    return show_widget(qtbot, EventFeedPanel(session), 800, 300)


def rows(feed: EventFeedPanel) -> list[list[str]]:
    proxy = feed.proxy
    return [
        [str(proxy.index(row, column).data()) for column in range(4)]
        for row in range(proxy.rowCount())
    ]


def run_a_little_drill(qtbot: QtBot, session: ExerciseSession, wall: FakeWall) -> None:
    record(qtbot, session, "exercise_started")
    record(qtbot, session, "inject_delivered", inject_payload(session.scenario.injects[0]))
    set_scenario_time(wall, session, 12 * MINUTE + 5)
    record(
        qtbot,
        session,
        "report_submitted",
        {"report_kind": "phone", "recipients": ["district_government", "district_hq_office"]},
        unit="towngas",
    )
    set_scenario_time(wall, session, 20 * MINUTE)
    record(qtbot, session, "level_determined", {"level": "III"}, unit="housing")
    record(qtbot, session, "group_activated", {"group": "medical"}, unit="health")
    record(qtbot, session, "speed_changed", {"speed": 2.0})


def test_every_event_is_a_row_in_words(
    qtbot: QtBot, feed: EventFeedPanel, session: ExerciseSession, wall: FakeWall, qtmodeltester: Any
) -> None:
    assert feed.empty_hint.isVisible()
    run_a_little_drill(qtbot, session, wall)
    assert not feed.empty_hint.isVisible()
    assert rows(feed) == [
        ["00:00:00", "导调组", "演练开始", "演练开始"],
        [
            "00:00:00",
            "导调组",
            "情景注入",
            "【12345市民服务热线】12345热线：山海社区3号楼发生爆炸 → "
            "山东港华燃气集团有限公司、街道办事处",
        ],
        [
            "00:12:05",
            "港华燃气",
            "信息报告",
            "电话报告 → 区政府、区应急指挥部办公室",
        ],
        ["00:20:00", "区住建局", "级别判定", "判定级别：III级"],
        ["00:20:00", "区卫生健康局", "启动工作组", "启动医疗救护组"],
        ["00:20:00", "导调组", "调整推演速度", "推演速度调整为2×"],
    ]
    assert feed.count_label.text() == "共6条"
    assert [feed.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "时间",
        "单位",
        "类型",
        "内容",
    ]
    qtmodeltester.check(feed.model)
    qtmodeltester.check(feed.proxy)


def test_rows_are_appended_not_reset(
    qtbot: QtBot, feed: EventFeedPanel, session: ExerciseSession
) -> None:
    inserted: list[tuple[int, int]] = []
    resets: list[bool] = []
    feed.model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    feed.model.modelReset.connect(lambda: resets.append(True))
    record(qtbot, session, "exercise_started")
    record(qtbot, session, "exercise_paused")
    assert inserted == [(0, 0), (1, 1)] and not resets


def test_filter_by_unit_and_by_kind(
    qtbot: QtBot, feed: EventFeedPanel, session: ExerciseSession, wall: FakeWall
) -> None:
    run_a_little_drill(qtbot, session, wall)
    feed.unit_filter.setCurrentIndex(feed.unit_filter.findData("housing"))
    assert [r[3] for r in rows(feed)] == ["判定级别：III级"]
    assert feed.count_label.text() == "显示1条/共6条"
    feed.unit_filter.setCurrentIndex(feed.unit_filter.findData(NO_UNIT))
    assert [r[2] for r in rows(feed)] == ["演练开始", "情景注入", "调整推演速度"]
    feed.kind_filter.setCurrentIndex(feed.kind_filter.findData("inject_delivered"))
    assert len(rows(feed)) == 1
    feed.unit_filter.setCurrentIndex(0)  # all units
    feed.kind_filter.setCurrentIndex(feed.kind_filter.findData("report_submitted"))
    assert [r[1] for r in rows(feed)] == ["港华燃气"]
    tooltip = feed.proxy.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "山东港华燃气集团有限公司" in tooltip
    # a new event that does not match stays out of sight, but is counted
    record(qtbot, session, "level_determined", {"level": "II"}, unit="housing")
    assert len(rows(feed)) == 1 and feed.count_label.text() == "显示1条/共7条"
    feed.kind_filter.setCurrentIndex(0)
    assert len(rows(feed)) == 7 and feed.count_label.text() == "共7条"
    assert feed.kind_filter.count() == len(event_kind_names()) + 1


def test_the_feed_follows_new_events_unless_scrolled_up(
    qtbot: QtBot, feed: EventFeedPanel, session: ExerciseSession
) -> None:
    record(qtbot, session, "exercise_started")
    for number in range(30):
        record(qtbot, session, "evaluator_note", {"text": f"观察记录{number}"})
    scroll = feed.view.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll.maximum() > 0)
    assert feed.following and scroll.value() == scroll.maximum()

    scroll.setValue(0)  # the user reads older events
    assert not feed.following
    record(qtbot, session, "evaluator_note", {"text": "新的观察"})
    assert scroll.value() == 0

    scroll.setValue(scroll.maximum())  # back at the bottom: follow again
    assert feed.following
    record(qtbot, session, "evaluator_note", {"text": "再一条"})
    qtbot.waitUntil(lambda: scroll.value() == scroll.maximum() and scroll.maximum() > 0)
    last = feed.proxy.index(feed.proxy.rowCount() - 1, 3)
    assert last.data() == "再一条"
    assert feed.view.visualRect(last).bottom() <= feed.view.viewport().height()


def test_the_model_keeps_to_its_rows(feed: EventFeedPanel) -> None:
    model: EventFeedModel = feed.model
    assert model.rowCount() == 0
    assert model.data(model.index(0, 0)) is None
    assert model.data(QPersistentModelIndex(QModelIndex())) is None
    assert model.headerData(9, Qt.Orientation.Horizontal) is None


def score_cells(view: ScoreView, line_id: str) -> tuple[str, ...]:
    row = [line.id for line in view.session.score().lines].index(line_id)
    return row_cells(view.lines_tab.lines, row)[4:7]


def test_a_mistaken_entry_is_voided_from_the_feed(
    qtbot: QtBot, feed: EventFeedPanel, session: ExerciseSession, wall: FakeWall
) -> None:
    view = show_widget(qtbot, ScoreView(session, session.archive), 900, 500)
    injects = session.scenario.injects_by_id
    record(qtbot, session, "exercise_started")
    record(qtbot, session, "inject_delivered", inject_payload(injects["i01_hotline"]))
    set_scenario_time(wall, session, 10 * MINUTE)
    record(qtbot, session, "inject_delivered", inject_payload(injects["i03_gas_company_report"]))
    set_scenario_time(wall, session, 33 * MINUTE)
    all_three = ["district_government", "district_hq_office", "city_government"]
    report = record(
        qtbot,
        session,
        "report_submitted",
        {"report_kind": "phone", "recipients": all_three},
        unit="emergency",
    )
    assert score_cells(view, "phone_report:emergency") == ("00:30:00", "00:33:00", "迟报3分钟")

    feed.view.selectRow(0)  # the start of the exercise stands as recorded
    assert not feed.void_button.isEnabled()
    feed.view.selectRow(3)
    assert feed.void_button.isEnabled()
    qtbot.mouseClick(feed.void_button, Qt.MouseButton.LeftButton)
    dialog = feed.void_dialog
    assert dialog is not None and dialog.isVisible() and not dialog.ok.isEnabled()
    dialog.reason.insert("误录为区应急局的报告")  # typed through an input method
    with qtbot.waitSignal(session.event_added, timeout=10_000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    # the late report no longer counts: the line is missed
    qtbot.waitUntil(lambda: score_cells(view, "phone_report:emergency")[2] == "未完成")
    assert score_cells(view, "phone_report:emergency")[1] == "—"
    # nothing is deleted: the report keeps its row, struck through, with the reason
    assert [r[2] for r in rows(feed)] == [
        "演练开始",
        "情景注入",
        "情景注入",
        "信息报告",
        "作废记录",
    ]
    assert rows(feed)[3][3].startswith("[已作废：误录为区应急局的报告] 电话报告")
    assert feed.proxy.index(3, 2).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert rows(feed)[4][3] == "作废一条记录：误录为区应急局的报告"
    assert [e.id for e in session.events][3] == report.id
    assert feed.void_feedback.isVisible() and feed.void_feedback.text() == "已作废"
    feed.view.selectRow(3)  # voided once is enough
    assert not feed.void_button.isEnabled()
