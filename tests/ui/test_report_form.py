"""The report form: kinds, what each requires, completeness by the scoring's rule, typed figures."""

from __future__ import annotations

from typing import Any

from drilling import (
    EMPTY_FIELDS,
    Drill,
    click,
    open_page,
    recorded_by,
    release,
    start,
    type_text,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from drill_app.core.plan import Plan
from drill_app.ui.act.act_panel import ActAsUnitPanel
from drill_app.ui.act.report_form import ReportForm
from drill_app.wording import PlanWords

WRITTEN_TEXT = {
    "time": "9时02分",
    "place": "姚家街道山海社区3号楼2单元",
    "source": "12345市民服务热线、港华燃气报告",
    "category": "燃气爆炸",
    "course": "一户居民家中发生燃气爆炸，楼体局部受损。",
    "measures_taken": "已设置警戒区，关闭调压箱出口阀门。",
    "secondary_hazards": "有次生火灾危险",
    "nearby_hazards": "无",
    "evacuation_needed": "需要疏散本楼居民",
    "support_needed": "需要医疗救护",
}


def marker(form: ReportForm, field_id: str) -> str:
    label: QLabel = form.markers[field_id]
    return label.text()


def test_a_written_report_shows_the_checklist_and_is_sent_incomplete(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    start(qtbot, drill)
    release(qtbot, drill, "i01_hotline", "i03_gas_company_report")
    drill.clock.at_minute(40)
    page = panel.report_page
    open_page(qtbot, panel, page)
    form = page.form
    form.set_report_kind("written")
    assert form.kind_hint.text() == (
        "书面报告（§4.1.2）：立即核实并于45分钟内以书面形式报告\n"
        "须逐项填写§4.1.3所列内容，评估将逐项检查；有缺项也可以报送。"
    )
    assert (
        form.recipient_hint.text() == "预案规定报送：区政府、区应急指挥部办公室、市政府（§4.1.2）"
    )
    assert {marker(form, item.id) for item in drill.session.plan.reporting.content} == {"必填"}
    for field_id, text in WRITTEN_TEXT.items():
        type_text(qtbot, form.text_inputs[field_id], text)
    form.set_initial_level("IV")
    form.figure_inputs["serious_injuries"].setValue(2)
    form.figure_inputs["direct_loss_yuan"].setValue(800000)
    # the plan's recipients are ticked for the user (§4.1.2)
    ticked = [p for p, box in form.recipient_boxes.items() if box.isChecked()]
    assert ticked == ["district_government", "district_hq_office", "city_government"]
    # 10 texts + the level + casualties and property loss stated by the figures.
    assert form.completeness() == (13, 17)
    assert form.completeness_label.text().endswith("已填 13/17 项</b>")
    assert marker(form, "casualties") == "✓"
    assert marker(form, "alerts_issued") == "必填"

    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.send_button))

    assert (event.kind, event.actor, event.unit) == ("report_submitted", "seat", "housing")
    assert event.payload == {
        "report_kind": "written",
        "recipients": ["district_government", "district_hq_office", "city_government"],
        "fields": {**EMPTY_FIELDS, **WRITTEN_TEXT, "initial_level": "IV"},
        "figures": {"serious_injuries": 2, "direct_loss_yuan": 800000},
    }
    assert page.feedback.text() == "已记录 00:40:00：书面报告，已填 13/17 项"
    # The scoring judges the same completeness the form showed.
    (line,) = [x for x in drill.session.score().lines if x.id == "report_content:housing"]
    assert line.status == "wrong"
    assert line.detail == (
        "缺少：警报发布情况、亟需帮助解决的问题、现场负责人的姓名、单位和联系电话、"
        "报告人的姓名、单位和联系电话"
    )


def test_the_kinds_and_what_they_ask_for(qtbot: QtBot, plan: Plan, chinese: None) -> None:
    form = ReportForm(plan)
    qtbot.addWidget(form)
    kinds = [form.kind_combo.itemText(i) for i in range(form.kind_combo.count())]
    assert kinds == ["电话报告", "书面报告", "续报", "终报", "敏感事件报告", "处置结果报告"]
    assert [form.kind_combo.itemData(i) for i in range(form.kind_combo.count())] == [
        "phone",
        "written",
        "followup",
        "final",
        "sensitive",
        "result",
    ]
    form.set_report_kind("phone")
    assert form.kind_hint.text() == (
        "电话报告（§4.1.2）：立即核实并于20分钟内以电话形式报告\n简要报告：按已掌握的情况填写，没有必填项。"
    )
    assert {marker(form, item.id) for item in plan.reporting.content} == {""}
    form.set_report_kind("sensitive")
    assert (
        form.recipient_hint.text()
        == "预案规定报送：区应急指挥部办公室、市应急指挥部办公室（§4.1.2）"
    )
    form.set_report_kind("final")
    assert marker(form, "time") == "必填"
    recipients = [box.text() for box in form.recipient_boxes.values()]
    # the street receives the incident unit's report (§4.1.1)
    assert recipients[:5] == [
        "区政府",
        "区应急指挥部办公室",
        "市政府",
        "街道办事处",
        "市应急指挥部办公室",
    ]
    levels = [form.level_combo.itemText(i) for i in range(form.level_combo.count())]
    assert levels == [
        "（未填）",
        "未达分级标准",
        "IV级（一般）",
        "III级（较大）",
        "II级（重大）",
        "I级（特别重大）",
    ]


def test_only_filled_figures_are_sent_and_zero_is_a_figure(
    qtbot: QtBot,
    plan: Plan,
    chinese: None,
) -> None:
    form = ReportForm(plan)
    qtbot.addWidget(form)
    form.show()
    deaths = form.figure_inputs["deaths"]
    assert deaths.text() == "未填"
    deaths.lineEdit().selectAll()
    type_text(qtbot, deaths, "0")
    type_text(qtbot, form.figure_inputs["households_affected"], "1200")
    assert form.payload()["figures"] == {"deaths": 0, "households_affected": 1200}
    # Emptying a field makes it "not filled" again.
    deaths.lineEdit().selectAll()
    qtbot.keyClick(deaths, Qt.Key.Key_Delete)
    qtbot.keyClick(deaths, Qt.Key.Key_Return)
    assert deaths.figure() is None and deaths.text() == "未填"
    assert form.payload()["figures"] == {"households_affected": 1200}
    assert form.figure_inputs["direct_loss_yuan"].suffix() == " 元"
    assert form.figure_inputs["households_affected"].suffix() == " 户"


def test_english_labels_come_from_the_plan(qtbot: QtBot, plan: Plan) -> None:
    form = ReportForm(plan, PlanWords(plan, english=True))
    qtbot.addWidget(form)
    texts = {label.text() for label in form.content_box.findChildren(QLabel)}
    assert "1. Time of the incident" in texts
    assert form.kind_combo.itemText(0) == "Phone report"
    assert form.level_combo.itemText(2) == "Level IV (General)"
    assert form.figure_inputs["deaths"].suffix() == ""


def test_payload_is_valid_for_the_core(plan: Plan, qtbot: QtBot) -> None:
    from drill_app.core.events import parse_payload

    form = ReportForm(plan)
    qtbot.addWidget(form)
    form.set_report_kind("followup")
    form.set_text("course", "火势已扑灭")
    form.figure_inputs["deaths"].setValue(1)
    payload: dict[str, Any] = form.payload()
    assert parse_payload("report_submitted", payload) == {
        "report_kind": "followup",
        "recipients": [],
        "fields": {**EMPTY_FIELDS, "course": "火势已扑灭"},
        "figures": {"deaths": 1},
    }
