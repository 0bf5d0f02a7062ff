"""The score view shows exactly the engine's score; ratings and the improvement plan go to disk."""

from __future__ import annotations

import datetime as dt
from typing import Any

from drilling import (
    Drill,
    all_cells,
    click,
    control,
    expected_cells,
    recorded_by,
    release,
    row_cells,
    select_line,
    shown,
    start,
    type_text,
)
from exercising import wait_idle
from PySide6.QtCore import QModelIndex, QPoint, Qt
from pytestqt.qtbot import QtBot

from drill_app.core.evaluation import evaluate
from drill_app.ui.score.score_view import ScoreView


def test_the_sheet_is_the_engines_score(
    qtbot: QtBot, drill: Drill, view: ScoreView, qtmodeltester: Any
) -> None:
    sheet = drill.session.score()
    assert sheet.ended
    assert view.title_label.text() == "山海社区燃气爆炸桌面推演"
    assert view.scenario_label.text() == "情景：姚家街道山海社区居民楼燃气爆炸事故桌面推演"
    assert (sheet.overall.points, sheet.overall.max_points, sheet.grade.grade) == (32.5, 145, "差")
    # The grade is the printed scoring sheet's: the category-weighted 100-point total.
    ev = evaluate(
        drill.session.plan, drill.session.scenario, sheet, drill.session.events, drill.session.rules
    )
    assert (ev.total, ev.grade) == (15.0, "差")
    assert view.total_label.text() == (
        "总分 32.5 / 145，得分率 22.4%；评估表百分制得分 <b>15</b>，"
        "等级 <b style='color: #b00020'>差</b>"
    )
    assert not view.state_label.isVisible()

    assert all_cells(view.lines_tab.lines) == [expected_cells(drill, line) for line in sheet.lines]
    by_id = {line.id: row_cells(view.lines_tab.lines, r) for r, line in enumerate(sheet.lines)}
    assert by_id["phone_report:housing"][4:9] == ("00:20:00", "00:30:00", "迟报10分钟", "5", "10")
    assert by_id["written_report:housing"][6:9] == ("按时", "10", "10")
    assert by_id["group:medical"][6:9] == ("超时10分钟", "2.5", "5")
    assert by_id["level:IV"][6:] == ("错误", "0", "10", "判定为III级，依据事实应为IV级")
    assert by_id["phone_report:emergency"][5:8] == ("—", "未完成", "0")

    assert all_cells(view.lines_tab.unit_totals) == [
        (drill.session.plan.party_name(u), f"{t.points:g}", f"{t.max_points:g}", f"{t.percent:g}%")
        for u, t in sheet.by_unit.items()
    ]
    assert all_cells(view.lines_tab.category_totals)[0] == ("信息报告", "30", "70", "42.9%")
    assert [row[0] for row in all_cells(view.lines_tab.category_totals)] == [
        "信息报告",
        "分级与指挥",
        "工作组启动",
        "先期处置与处置措施",
        "情景专项",
    ]
    for model in (
        view.lines_tab.lines,
        view.lines_tab.lines_proxy,
        view.lines_tab.unit_totals,
        view.lines_tab.category_totals,
    ):
        qtmodeltester.check(model)


def test_filtering_by_unit_and_category(qtbot: QtBot, drill: Drill, view: ScoreView) -> None:
    sheet = drill.session.score()
    view.lines_tab.unit_filter.setCurrentIndex(
        view.lines_tab.unit_filter.findText("区住房和城乡建设局")
    )
    proxy = view.lines_tab.lines_proxy
    shown_titles = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    assert shown_titles == [x.title for x in sheet.lines if x.unit == "housing"]
    view.lines_tab.category_filter.setCurrentIndex(
        view.lines_tab.category_filter.findText("信息报告")
    )
    assert proxy.rowCount() == len(
        [x for x in sheet.lines if x.unit == "housing" and x.category == "reporting"]
    )
    view.lines_tab.unit_filter.setCurrentIndex(0)
    assert view.lines_tab.unit_filter.currentText() == "全部"
    assert proxy.rowCount() == len([x for x in sheet.lines if x.category == "reporting"])


def test_a_line_shows_its_evidence_events(
    qtbot: QtBot, drill: Drill, view: ScoreView, qtmodeltester: Any
) -> None:
    assert view.lines_tab.evidence.rowCount() == 0
    select_line(qtbot, view, "phone_report:housing")
    assert all_cells(view.lines_tab.evidence) == [
        (
            "00:30:00",
            "区住房和城乡建设局",
            "信息报告",
            "电话报告；报送区政府、区应急指挥部办公室、市政府；已填 1/17 项",
        )
    ]
    assert (
        view.lines_tab.evidence_title.text()
        == "<b>依据事件：区住房和城乡建设局电话报告（立即核实并于20分钟内以电话形式报告）</b>"
    )
    select_line(qtbot, view, "level:IV")
    assert all_cells(view.lines_tab.evidence) == [
        ("00:40:00", "区住房和城乡建设局", "级别判定", "III级（较大）")
    ]
    select_line(qtbot, view, "phone_report:emergency")
    assert (
        view.lines_tab.evidence.rowCount() == 0
        and view.lines_tab.evidence_title.text().endswith("（无相关事件）</b>")
    )
    qtmodeltester.check(view.lines_tab.evidence)


def test_improvement_items_are_added_and_updated_through_the_archive(
    qtbot: QtBot, drill: Drill, view: ScoreView, qtmodeltester: Any
) -> None:
    from drill_app.store.store import Store

    select_line(qtbot, view, "written_report:housing")
    assert not view.lines_tab.suggest_button.isEnabled()  # met: nothing to improve
    select_line(qtbot, view, "phone_report:housing")
    click(qtbot, view.lines_tab.suggest_button)
    assert view.tabs.currentWidget() is view.improvements_tab
    assert view.improvements_tab.issue_edit.toPlainText() == (
        "区住房和城乡建设局电话报告（立即核实并于20分钟内以电话形式报告）：迟报10分钟"
    )
    assert view.improvements_tab.ref_edit.text() == "§4.1.2"
    assert view.improvements_tab.owner_combo.currentData() == "housing"
    assert view.improvements_tab.element_combo.currentText() == "培训"

    # The corrective action is missing: the field says so and nothing is saved.
    click(qtbot, view.improvements_tab.add_button)
    assert shown(view.improvements_tab.field_messages["action"]) == "请填写整改措施"
    assert view.improvements_tab.add_feedback.text() == "未添加：请按提示修改"
    view.improvements_tab.due_edit.setDate(view.improvements_tab.start_edit.date().addDays(-1))
    click(qtbot, view.improvements_tab.add_button)
    assert shown(view.improvements_tab.field_messages["due_date"]) == "完成期限早于开始日期"
    wait_idle(qtbot, drill.session)
    with Store.open(drill.url) as store:
        assert store.improvements() == []

    type_text(qtbot, view.improvements_tab.action_edit, "组织接报核实与电话报告专项培训")
    type_text(qtbot, view.improvements_tab.contact_edit, "王磊 0531-1234567")
    view.improvements_tab.start_edit.setDate(
        view.improvements_tab.start_edit.date().fromString("2026-12-01", "yyyy-MM-dd")
    )
    view.improvements_tab.due_edit.setDate(
        view.improvements_tab.due_edit.date().fromString("2027-01-31", "yyyy-MM-dd")
    )
    click(qtbot, view.improvements_tab.add_button)
    qtbot.waitUntil(lambda: view.improvements_tab.add_feedback.text() == "已添加", timeout=10_000)
    assert view.improvements_tab.issue_edit.toPlainText() == ""
    assert all_cells(view.improvements_tab.improvements) == [
        (
            "区住房和城乡建设局电话报告（立即核实并于20分钟内以电话形式报告）：迟报10分钟",
            "组织接报核实与电话报告专项培训",
            "培训",
            "区住房和城乡建设局",
            "王磊 0531-1234567",
            "§4.1.2",
            "2026-12-01",
            "2027-01-31",
            "未整改",
        )
    ]
    qtmodeltester.check(view.improvements_tab.improvements)

    view.improvements_tab.improvements_view.selectRow(0)
    assert view.improvements_tab.status_button.isEnabled()
    view.improvements_tab.status_combo.setCurrentIndex(
        view.improvements_tab.status_combo.findData("in_progress")
    )
    type_text(qtbot, view.improvements_tab.status_note, "已制定培训计划")
    click(qtbot, view.improvements_tab.status_button)
    qtbot.waitUntil(
        lambda: view.improvements_tab.status_feedback.text() == "状态已更新", timeout=10_000
    )
    assert view.improvements_tab.improvements.index(0, 8).data() == "整改中"
    assert "整改中 已制定培训计划" in view.improvements_tab.history_label.text()

    with Store.open(drill.url) as store:
        (item,) = store.improvements()
    assert (item.exercise_id, item.issue, item.action, item.element, item.owner_unit) == (
        drill.exercise_id,
        "区住房和城乡建设局电话报告（立即核实并于20分钟内以电话形式报告）：迟报10分钟",
        "组织接报核实与电话报告专项培训",
        "training",
        "housing",
    )
    assert (item.contact, item.plan_ref, item.start_date, item.due_date, item.status) == (
        "王磊 0531-1234567",
        "§4.1.2",
        dt.date(2026, 12, 1),
        dt.date(2027, 1, 31),
        "in_progress",
    )
    assert [(h[0], h[2]) for h in item.history] == [("open", ""), ("in_progress", "已制定培训计划")]


def test_ratings_after_the_end_replace_the_one_in_force(
    qtbot: QtBot, drill: Drill, view: ScoreView, qtmodeltester: Any
) -> None:
    view.tabs.setCurrentIndex(1)
    objectives = drill.session.scenario.objectives
    assert [row[0] for row in all_cells(view.ratings_tab.ratings)] == [
        "演练总体",
        *(o.text for o in objectives),
    ]
    assert {row[2] for row in all_cells(view.ratings_tab.ratings)} == {"未评级"}
    view.ratings_tab.ratings_view.selectRow(1)
    evaluator = view.ratings_tab.evaluator
    assert evaluator.objective_combo.currentData() == "reporting"
    for rating, comment in (("M", "电话报告迟报"), ("S", "复核后调整")):
        button = evaluator.rating_buttons.button("PSMU".index(rating))
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
        type_text(qtbot, evaluator.comment, comment)
        event = recorded_by(qtbot, drill, lambda: click(qtbot, evaluator.rating_button))
        assert (event.kind, event.actor) == ("evaluator_rating", "evaluator")
        assert dict(event.payload) == {
            "rating": rating,
            "objective": "reporting",
            "about_unit": None,
            "comment": comment,
        }
    assert row_cells(view.ratings_tab.ratings, 1) == (
        objectives[0].text,
        "",
        "S",
        "复核后调整",
        "00:50:00",
    )
    # The score itself is unchanged by ratings.
    assert view.total_label.text().startswith("总分 32.5 / 145")
    qtmodeltester.check(view.ratings_tab.ratings)
    assert view.ratings_tab.ratings.rowCount(QModelIndex()) == 1 + len(objectives)


def test_before_the_end_the_view_says_the_score_is_provisional(qtbot: QtBot, drill: Drill) -> None:
    start(qtbot, drill)
    release(qtbot, drill, "i03_gas_company_report")
    drill.clock.at_minute(25)
    widget = ScoreView(drill.session, drill.archive)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.improvements_tab.loaded, timeout=10_000)
    assert shown(widget.state_label) == "演练尚未结束：分数为截至 00:25:00 的情况。"
    sheet = drill.session.score()
    assert all_cells(widget.lines_tab.lines) == [
        expected_cells(drill, line) for line in sheet.lines
    ]
    # A report recorded now shows at once, in the lines and the total.
    control(
        qtbot,
        drill,
        "report_submitted",
        {
            "report_kind": "phone",
            "recipients": ["district_government", "district_hq_office", "city_government"],
        },
        actor="seat",
        unit="housing",
    )
    (row,) = [
        r
        for r in all_cells(widget.lines_tab.lines)
        if r[2].startswith("区住房和城乡建设局电话报告")
    ]
    assert row[5:8] == ("00:25:00", "迟报5分钟", "5")
    assert widget.total_label.text().startswith(f"总分 {drill.session.score().overall.points:g} / ")
