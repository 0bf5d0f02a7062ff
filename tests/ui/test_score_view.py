"""The score view shows exactly the engine's score; ratings and the improvement plan go to disk."""

# The drill fixtures are imported from test_act_panel; their use as parameters is not a
# redefinition.
# ruff: noqa: F811

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from pytestqt.qtbot import QtBot
from test_act_panel import (  # the shared drill helpers
    Drill,
    click,
    control,
    drill,  # noqa: F401  (fixture)
    open_page,
    recorded_by,
    release,
    shown,
    start,
    type_text,
)

from drill_app.core.evaluation import evaluate
from drill_app.core.scoring import Line
from drill_app.ui.act.act_panel import ActAsUnitPanel
from drill_app.ui.act.report_form import clock_text
from drill_app.ui.score.score_view import ScoreView

STATUS = {"met": "按时", "missed": "未完成", "wrong": "错误", "pending": "未到期"}


def run_short_drill(qtbot: QtBot, drill: Drill) -> None:
    """Start, release three injects, a late phone report filed in the panel, an on-time
    written report, a late group, a wrong level, then the end."""
    start(qtbot, drill)
    # i05 early: 区住建局 is told of the casualties from the start (level IV, medical group)
    release(qtbot, drill, "i01_hotline", "i02_119", "i03_gas_company_report", "i05_bodies_found")
    panel = ActAsUnitPanel(drill.session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    drill.clock.at_minute(30)
    page = panel.report_page
    open_page(qtbot, panel, page)
    type_text(qtbot, page.form.text_inputs["place"], "山海社区3号楼")
    recorded_by(qtbot, drill, lambda: click(qtbot, page.send_button))
    drill.clock.at_minute(40)
    fields = {item.id: "已填写" for item in drill.session.plan.reporting.content}
    fields["initial_level"] = "IV"
    control(
        qtbot,
        drill,
        "report_submitted",
        {
            "report_kind": "written",
            "recipients": ["district_government", "district_hq_office", "city_government"],
            "fields": fields,
            "figures": {"deaths": 2},
        },
        actor="seat",
        unit="housing",
    )
    control(qtbot, drill, "group_activated", {"group": "medical"}, actor="seat", unit="housing")
    control(qtbot, drill, "level_determined", {"level": "III"}, actor="seat", unit="housing")
    drill.clock.at_minute(50)
    control(qtbot, drill, "exercise_ended")


@pytest.fixture
def view(qtbot: QtBot, drill: Drill) -> Iterator[ScoreView]:
    run_short_drill(qtbot, drill)
    widget = ScoreView(drill.session, drill.archive)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.improvements_loaded, timeout=10_000)
    widget.resize(1280, 860)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def row_cells(model: Any, row: int) -> tuple[str, ...]:
    return tuple(model.index(row, c).data() for c in range(model.columnCount()))


def all_cells(model: Any) -> list[tuple[str, ...]]:
    return [row_cells(model, r) for r in range(model.rowCount())]


def expected_cells(drill: Drill, line: Line) -> tuple[str, ...]:
    """A line as the sheet must show it, written out from the engine's values."""
    categories = {c.id: c.name for c in drill.session.mirror.rules.categories}
    if line.status == "late":
        word = "迟报" if line.kind == "report" else "超时"
        status = f"{word}{line.minutes_late}分钟"
    elif line.status == "met" and line.due_at is None:
        status = "完成"
    else:
        status = STATUS[line.status]
    return (
        categories[line.category],
        drill.session.plan.party_name(line.unit),
        line.title,
        line.plan_ref,
        "—" if line.due_at is None else clock_text(line.due_at),
        "—" if line.done_at is None else clock_text(line.done_at),
        status,
        f"{line.points:g}",
        f"{line.max_points:g}",
        line.detail,
    )


def select_line(qtbot: QtBot, view: ScoreView, line_id: str) -> None:
    view.select_line(line_id)
    assert view.selected_line() is not None and view.selected_line().id == line_id  # type: ignore[union-attr]


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

    assert all_cells(view.lines) == [expected_cells(drill, line) for line in sheet.lines]
    by_id = {line.id: row_cells(view.lines, r) for r, line in enumerate(sheet.lines)}
    assert by_id["phone_report:housing"][4:9] == ("00:20:00", "00:30:00", "迟报10分钟", "5", "10")
    assert by_id["written_report:housing"][6:9] == ("按时", "10", "10")
    assert by_id["group:medical"][6:9] == ("超时10分钟", "2.5", "5")
    assert by_id["level:IV"][6:] == ("错误", "0", "10", "判定为III级，依据事实应为IV级")
    assert by_id["phone_report:emergency"][5:8] == ("—", "未完成", "0")

    assert all_cells(view.unit_totals) == [
        (drill.session.plan.party_name(u), f"{t.points:g}", f"{t.max_points:g}", f"{t.percent:g}%")
        for u, t in sheet.by_unit.items()
    ]
    assert all_cells(view.category_totals)[0] == ("信息报告", "30", "70", "42.9%")
    assert [row[0] for row in all_cells(view.category_totals)] == [
        "信息报告",
        "分级与指挥",
        "工作组启动",
        "先期处置与处置措施",
        "情景专项",
    ]
    for model in (view.lines, view.lines_proxy, view.unit_totals, view.category_totals):
        qtmodeltester.check(model)


def test_filtering_by_unit_and_category(qtbot: QtBot, drill: Drill, view: ScoreView) -> None:
    sheet = drill.session.score()
    view.unit_filter.setCurrentIndex(view.unit_filter.findText("区住房和城乡建设局"))
    proxy = view.lines_proxy
    shown_titles = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    assert shown_titles == [x.title for x in sheet.lines if x.unit == "housing"]
    view.category_filter.setCurrentIndex(view.category_filter.findText("信息报告"))
    assert proxy.rowCount() == len(
        [x for x in sheet.lines if x.unit == "housing" and x.category == "reporting"]
    )
    view.unit_filter.setCurrentIndex(0)
    assert view.unit_filter.currentText() == "全部"
    assert proxy.rowCount() == len([x for x in sheet.lines if x.category == "reporting"])


def test_a_line_shows_its_evidence_events(
    qtbot: QtBot, drill: Drill, view: ScoreView, qtmodeltester: Any
) -> None:
    assert view.evidence.rowCount() == 0
    select_line(qtbot, view, "phone_report:housing")
    assert all_cells(view.evidence) == [
        (
            "00:30:00",
            "区住房和城乡建设局",
            "报送信息",
            "电话报告；报送区政府、区应急指挥部办公室、市政府；已填 1/17 项",
        )
    ]
    assert (
        view.evidence_title.text()
        == "<b>依据事件：区住房和城乡建设局电话报告（立即核实并于20分钟内以电话形式报告）</b>"
    )
    select_line(qtbot, view, "level:IV")
    assert all_cells(view.evidence) == [
        ("00:40:00", "区住房和城乡建设局", "判定级别", "III级（较大）")
    ]
    select_line(qtbot, view, "phone_report:emergency")
    assert view.evidence.rowCount() == 0 and view.evidence_title.text().endswith(
        "（无相关事件）</b>"
    )
    qtmodeltester.check(view.evidence)


def test_improvement_items_are_added_and_updated_through_the_archive(
    qtbot: QtBot, drill: Drill, view: ScoreView, qtmodeltester: Any
) -> None:
    from drill_app.store.store import Store

    select_line(qtbot, view, "written_report:housing")
    assert not view.suggest_button.isEnabled()  # met: nothing to improve
    select_line(qtbot, view, "phone_report:housing")
    click(qtbot, view.suggest_button)
    assert view.tabs.currentWidget() is view.improvements_tab
    assert view.issue_edit.toPlainText() == (
        "区住房和城乡建设局电话报告（立即核实并于20分钟内以电话形式报告）：迟报10分钟"
    )
    assert view.ref_edit.text() == "§4.1.2"
    assert view.owner_combo.currentData() == "housing"
    assert view.element_combo.currentText() == "培训"

    # The corrective action is missing: the field says so and nothing is saved.
    click(qtbot, view.add_button)
    assert shown(view.field_messages["action"]) == "请填写整改措施"
    assert view.add_feedback.text() == "未添加：请按提示修改"
    view.due_edit.setDate(view.start_edit.date().addDays(-1))
    click(qtbot, view.add_button)
    assert shown(view.field_messages["due_date"]) == "完成期限早于开始日期"
    qtbot.wait(50)
    with Store.open(drill.url) as store:
        assert store.improvements() == []

    type_text(qtbot, view.action_edit, "组织接报核实与电话报告专项培训")
    type_text(qtbot, view.contact_edit, "王磊 0531-1234567")
    view.start_edit.setDate(view.start_edit.date().fromString("2026-12-01", "yyyy-MM-dd"))
    view.due_edit.setDate(view.due_edit.date().fromString("2027-01-31", "yyyy-MM-dd"))
    click(qtbot, view.add_button)
    qtbot.waitUntil(lambda: view.add_feedback.text() == "已添加", timeout=10_000)
    assert view.issue_edit.toPlainText() == ""
    assert all_cells(view.improvements) == [
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
    qtmodeltester.check(view.improvements)

    view.improvements_view.selectRow(0)
    assert view.status_button.isEnabled()
    view.status_combo.setCurrentIndex(view.status_combo.findData("in_progress"))
    type_text(qtbot, view.status_note, "已制定培训计划")
    click(qtbot, view.status_button)
    qtbot.waitUntil(lambda: view.status_feedback.text() == "状态已更新", timeout=10_000)
    assert view.improvements.index(0, 8).data() == "整改中"
    assert "整改中 已制定培训计划" in view.history_label.text()

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
    assert [row[0] for row in all_cells(view.ratings)] == [
        "演练总体",
        *(o.text for o in objectives),
    ]
    assert {row[2] for row in all_cells(view.ratings)} == {"未评级"}
    view.ratings_view.selectRow(1)
    evaluator = view.evaluator
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
    assert row_cells(view.ratings, 1) == (objectives[0].text, "", "S", "复核后调整", "00:50:00")
    # The score itself is unchanged by ratings.
    assert view.total_label.text().startswith("总分 32.5 / 145")
    qtmodeltester.check(view.ratings)
    assert view.ratings.rowCount(QModelIndex()) == 1 + len(objectives)


def test_before_the_end_the_view_says_the_score_is_provisional(qtbot: QtBot, drill: Drill) -> None:
    start(qtbot, drill)
    release(qtbot, drill, "i03_gas_company_report")
    drill.clock.at_minute(25)
    widget = ScoreView(drill.session, drill.archive)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.improvements_loaded, timeout=10_000)
    assert shown(widget.state_label) == "演练尚未结束：分数为截至 00:25:00 的情况。"
    sheet = drill.session.score()
    assert all_cells(widget.lines) == [expected_cells(drill, line) for line in sheet.lines]
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
    (row,) = [r for r in all_cells(widget.lines) if r[2].startswith("区住房和城乡建设局电话报告")]
    assert row[5:8] == ("00:25:00", "迟报5分钟", "5")
    assert widget.total_label.text().startswith(f"总分 {drill.session.score().overall.points:g} / ")
