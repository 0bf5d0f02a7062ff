"""The "act as unit" panel: each form records exactly the core's payload, through the archive.

The drill (a real Archive and SQLite file, with a wall clock the test moves) and the
helpers come from drilling.py and tests/ui/conftest.py.
"""

from __future__ import annotations

from typing import Any

from drilling import (
    EMPTY_FIELDS,
    Drill,
    click,
    control,
    open_page,
    recorded_by,
    shown,
    start,
    tick,
    type_text,
)
from exercising import wait_idle
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from drill_app.ui.act.act_panel import ActAsUnitPanel
from drill_app.ui.shared.table_model import RowsModel

# --- choosing the unit --------------------------------------------------------------------------


def test_the_units_are_the_seats_with_their_participants(panel: ActAsUnitPanel) -> None:
    combo = panel.unit_combo
    units = [combo.itemData(i) for i in range(combo.count())]
    assert units == list(panel.session.scenario.seats)
    assert combo.itemText(0) == "区住房和城乡建设局 — 张强"
    assert combo.itemText(1) == "区应急管理局 — 李明"
    assert combo.itemText(units.index("fire")) == "区消防救援大队"
    names = [panel.actions_model.index(i, 0).data() for i in range(panel.actions_model.rowCount())]
    assert names == [
        "报送信息",
        "判定级别",
        "工作组",
        "预警",
        "处置措施",
        "压减/恢复供气",
        "指挥与响应",
        "信息发布与支援",
    ]


# --- reports ------------------------------------------------------------------------------------


def test_a_phone_report_records_exactly_its_payload(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    start(qtbot, drill, minute=12.5)
    page = panel.report_page
    open_page(qtbot, panel, page)
    form = page.form
    panel.set_unit("emergency")
    form.set_report_kind("phone")
    # the plan's recipients for the kind are ticked (§4.1.2); the user unticks one
    ticked = [p for p, box in form.recipient_boxes.items() if box.isChecked()]
    assert ticked == ["district_government", "district_hq_office", "city_government"]
    tick(qtbot, form.recipient_boxes["district_hq_office"])
    type_text(qtbot, form.text_inputs["place"], "山海社区3号楼")
    type_text(qtbot, form.text_inputs["category"], "燃气爆炸")
    form.set_initial_level("none")
    form.figure_inputs["serious_injuries"].lineEdit().selectAll()
    type_text(qtbot, form.figure_inputs["serious_injuries"], "2")
    form.figure_inputs["direct_loss_yuan"].lineEdit().selectAll()
    type_text(qtbot, form.figure_inputs["direct_loss_yuan"], "800000")
    assert form.completeness_label.text().endswith("已填 5/17 项</b>")

    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.send_button))

    assert (event.kind, event.actor, event.unit) == ("report_submitted", "seat", "emergency")
    assert event.payload == {
        "report_kind": "phone",
        "recipients": ["district_government", "city_government"],
        "fields": {
            **EMPTY_FIELDS,
            "place": "山海社区3号楼",
            "category": "燃气爆炸",
            "initial_level": "none",
        },
        "figures": {"serious_injuries": 2, "direct_loss_yuan": 800000},
    }
    assert page.feedback.text() == "已记录 00:12:30：电话报告，已填 5/17 项"
    # The confirmation is the emergency bureau's: another unit chosen, it goes.
    panel.set_unit("housing")
    assert page.feedback.text() == ""
    panel.set_unit("emergency")
    # Cleared only now that it is on disk: the next report starts empty, with the plan's
    # recipients ticked again.
    assert form.payload() == {
        "report_kind": "phone",
        "recipients": ["district_government", "district_hq_office", "city_government"],
        "fields": {},
        "figures": {},
    }


def test_a_report_before_the_start_is_refused_with_the_reason_and_the_form_kept(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    form = panel.report_page.form
    type_text(qtbot, form.text_inputs["place"], "山海社区")
    click(qtbot, panel.report_page.send_button)
    assert panel.report_page.feedback.text() == "演练尚未开始"
    assert form.payload()["fields"] == {"place": "山海社区"}
    wait_idle(qtbot, drill.session)
    assert drill.stored() == [] and drill.session.events == []


def test_a_figure_that_is_not_a_whole_number_is_refused_on_the_field(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    start(qtbot, drill)
    form = panel.report_page.form
    deaths = form.figure_inputs["deaths"]
    message = form.figure_messages["deaths"]
    deaths.lineEdit().selectAll()
    type_text(qtbot, deaths, "三")
    assert shown(message) == "死亡人数：请填写不小于0的整数，只能输入数字"
    assert deaths.figure() is None and "deaths" not in form.payload()["figures"]
    type_text(qtbot, deaths, "-")
    type_text(qtbot, deaths, "5")
    assert deaths.text() == "未填" or deaths.figure() is None
    loss = form.figure_inputs["direct_loss_yuan"]
    loss.lineEdit().selectAll()
    type_text(qtbot, loss, "12.5万")
    assert shown(form.figure_messages["direct_loss_yuan"]).startswith(
        "直接经济损失：请填写不小于0的金额"
    )
    # Typing a valid value clears the message.
    deaths.lineEdit().selectAll()
    type_text(qtbot, deaths, "3")
    assert deaths.figure() == 3 and shown(message) == ""


def test_a_refused_command_from_the_archive_shows_its_reason(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    """Two warnings sent before either is recorded: the form's check passes for both,
    the archive refuses the second, and the page says why."""
    start(qtbot, drill)
    page = panel.warning_page
    open_page(qtbot, panel, page)
    with qtbot.waitSignal(drill.session.command_refused, timeout=10_000):
        click(qtbot, page.issue_button)
        click(qtbot, page.issue_button)
    assert page.feedback.text() == "已有预警生效，请调整或解除"
    assert [e.kind for e in drill.stored()] == ["exercise_started", "warning_issued"]


# --- level, groups, warnings ---------------------------------------------------------------------


def test_determining_the_level(qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel) -> None:
    start(qtbot, drill, minute=20)
    page = panel.level_page
    open_page(qtbot, panel, page)
    assert page.current.text() == "本单位尚未判定事件级别。"
    page.level_combo.setCurrentIndex(page.level_combo.findData("III"))
    assert page.level_combo.currentText() == "III级（较大）"
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.button))
    assert (event.kind, event.actor, event.unit, dict(event.payload)) == (
        "level_determined",
        "seat",
        "housing",
        {"level": "III"},
    )
    assert page.current.text() == "本单位当前判定：III级（较大）（00:20:00）"
    assert page.feedback.text() == "已记录 00:20:00：III级（较大）"
    panel.set_unit("emergency")
    assert page.current.text() == "本单位尚未判定事件级别。"


def test_groups_are_activated_and_stood_down_and_shown_as_in_force(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel, qtmodeltester: Any
) -> None:
    page = panel.groups_page
    open_page(qtbot, panel, page)
    model = page.model
    qtmodeltester.check(model)
    assert [model.cell(r, 0) for r in range(model.rowCount())] == [
        "治安维护组",
        "抢险救援组",
        "医疗救护组",
        "后勤保障组",
        "环境监测组",
        "供应保障组",
        "善后处置组",
        "专家工作组",
    ]
    assert not page.activate_button.isEnabled()
    start(qtbot, drill, minute=8)
    panel.set_unit("health")
    page.select_group("medical")
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.activate_button))
    assert (event.kind, event.unit, dict(event.payload)) == (
        "group_activated",
        "health",
        {"group": "medical"},
    )
    row = model.row_of("medical")
    assert model.cell(row, 3) == "已启动（00:08:00，区卫生健康局）"
    assert page.feedback.text() == "已记录 00:08:00：启动医疗救护组"
    # Activating it again is refused by the form's check, with the reason.
    click(qtbot, page.activate_button)
    assert page.feedback.text() == "医疗救护组已启动"
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.stand_down_button))
    assert (event.kind, dict(event.payload)) == ("group_stood_down", {"group": "medical"})
    assert model.cell(row, 3) == "未启动"
    qtmodeltester.check(model)


def test_warnings_issue_change_lift(qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel) -> None:
    start(qtbot, drill, minute=5)
    page = panel.warning_page
    open_page(qtbot, panel, page)
    assert page.in_force.text() == "当前无预警。"
    click(qtbot, page.change_button)
    assert page.feedback.text() == "预警尚未发布，无法调整"
    click(qtbot, page.lift_button)
    assert page.feedback.text() == "预警尚未发布，无法解除"
    page.colour_combo.setCurrentIndex(page.colour_combo.findData("blue"))
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.issue_button))
    assert (event.kind, event.actor, event.unit, dict(event.payload)) == (
        "warning_issued",
        "seat",
        "housing",
        {"colour": "blue"},
    )
    assert page.in_force.text() == "当前预警：蓝色预警（00:05:00，区住房和城乡建设局）"
    click(qtbot, page.change_button)
    assert page.feedback.text() == "当前已是蓝色预警"
    page.colour_combo.setCurrentIndex(page.colour_combo.findData("yellow"))
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.change_button))
    assert (event.kind, dict(event.payload)) == ("warning_changed", {"colour": "yellow"})
    assert page.in_force.text().startswith("当前预警：黄色预警")
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.lift_button))
    assert (event.kind, dict(event.payload)) == ("warning_lifted", {})
    assert page.in_force.text() == "当前无预警。"


# --- steps and supply ------------------------------------------------------------------------------


def test_ticking_a_step_records_it_for_the_unit(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel, qtmodeltester: Any
) -> None:
    start(qtbot, drill, minute=3)
    panel.set_unit("towngas")
    page = panel.steps_page
    open_page(qtbot, panel, page)
    model = page.model
    qtmodeltester.check(model)
    row = model.row_of("close_valves")
    index = model.index(row, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(row, 1).data() == "§5.1.1.1"
    type_text(qtbot, page.note, "已关闭3号楼调压箱出口阀门")
    event = recorded_by(
        qtbot,
        drill,
        lambda: model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole),
    )
    assert (event.kind, event.actor, event.unit, dict(event.payload)) == (
        "step_taken",
        "seat",
        "towngas",
        {"step": "close_valves", "note": "已关闭3号楼调压箱出口阀门"},
    )
    index = model.index(model.row_of("close_valves"), 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert not (model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable)
    assert model.index(index.row(), 4).data() == "00:03:00 本单位"
    assert page.note.text() == ""
    # Another unit sees who recorded it, and can still record it for itself.
    panel.set_unit("street")
    index = model.index(model.row_of("close_valves"), 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(index.row(), 4).data() == "00:03:00 山东港华燃气集团有限公司"
    page.section_combo.setCurrentIndex(page.section_combo.findData(4))
    assert model.rowCount() == len(drill.session.plan.actions.supply_measures)
    qtmodeltester.check(model)


def test_supply_is_cut_and_restored_by_user_class(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    start(qtbot, drill, minute=30)
    page = panel.supply_page
    open_page(qtbot, panel, page)
    model: RowsModel = page.model
    assert [model.cell(r, 1) for r in range(model.rowCount())] == [
        "居民生活用气",
        "公共福利用户用气",
        "公共交通工具用气",
        "商业用户用气",
        "工业生产用气",
    ]
    page.select_user_class("industrial")
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.cut_button))
    assert (event.kind, event.unit, dict(event.payload)) == (
        "supply_cut",
        "housing",
        {"user_class": "industrial"},
    )
    assert model.cell(model.row_of("industrial"), 2) == "已压减（00:30:00）"
    click(qtbot, page.cut_button)
    assert page.feedback.text() == "工业生产用气已压减"
    page.select_user_class("commercial")
    click(qtbot, page.restore_button)
    assert page.feedback.text() == "商业用户用气未压减，无需恢复"
    page.select_user_class("industrial")
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.restore_button))
    assert (event.kind, dict(event.payload)) == ("supply_restored", {"user_class": "industrial"})
    assert model.cell(model.row_of("industrial"), 2) == "正常供气"


# --- command, response, information ------------------------------------------------------------------


def test_command_and_response_actions(qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel) -> None:
    start(qtbot, drill, minute=60)
    page = panel.command_page
    open_page(qtbot, panel, page)
    assert page.handover_to.currentText() == "市应急指挥部"
    events = [
        recorded_by(qtbot, drill, lambda k=kind: click(qtbot, page.buttons[k]))
        for kind in (
            "command_handed_over",
            "sensitive_determined",
            "disposal_ended",
            "response_ended",
        )
    ]
    assert [(e.kind, e.actor, e.unit, dict(e.payload)) for e in events] == [
        ("command_handed_over", "seat", "housing", {"to": "city_hq"}),
        ("sensitive_determined", "seat", "housing", {}),
        ("disposal_ended", "seat", "housing", {}),
        ("response_ended", "seat", "housing", {}),
    ]
    assert (
        page.status["command_handed_over"].text()
        == "01:00:00（区住房和城乡建设局）已移交指挥权给市应急指挥部"
    )
    assert (
        page.status["response_ended"].text() == "01:00:00（区住房和城乡建设局）已宣布应急响应结束"
    )
    click(qtbot, page.buttons["response_ended"])
    assert page.feedback["response_ended"].text() == "应急响应已宣布结束"


def test_information_release_needs_text(qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel) -> None:
    start(qtbot, drill, minute=45)
    panel.set_unit("propaganda")
    page = panel.information_page
    open_page(qtbot, panel, page)
    click(qtbot, page.release_button)
    assert shown(page.release_message) == "请填写要发布的信息内容"
    wait_idle(qtbot, drill.session)
    assert [e.kind for e in drill.stored()] == ["exercise_started"]
    type_text(qtbot, page.release_text, "历下区发布山海社区燃气爆炸事故处置情况。")
    assert shown(page.release_message) == ""
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.release_button))
    assert (event.kind, event.unit, dict(event.payload)) == (
        "information_released",
        "propaganda",
        {"text": "历下区发布山海社区燃气爆炸事故处置情况。"},
    )
    assert page.release_text.toPlainText() == ""
    page.help_to.setCurrentIndex(page.help_to.findData("city_hq"))
    type_text(qtbot, page.help_text, "请求调派专业抢险队伍")
    event = recorded_by(qtbot, drill, lambda: click(qtbot, page.help_button))
    assert (event.kind, dict(event.payload)) == (
        "help_requested",
        {"to": "city_hq", "text": "请求调派专业抢险队伍"},
    )


def test_after_the_end_actions_are_refused(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    start(qtbot, drill, minute=10)
    control(qtbot, drill, "exercise_ended")
    page = panel.level_page
    open_page(qtbot, panel, page)
    click(qtbot, page.button)
    assert page.feedback.text() == "演练已结束，只能添加评估记录和评级"
    assert [e.kind for e in drill.stored()] == ["exercise_started", "exercise_ended"]


def test_rows_model_keeps_the_selection_when_rows_are_replaced(qtmodeltester: Any) -> None:
    from drill_app.ui.shared.table_model import TableRow

    model = RowsModel(("a", "b"))
    model.set_rows([TableRow(("1", "x"), "k1"), TableRow(("2", "y"), "k2")])
    qtmodeltester.check(model)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows([TableRow(("1", "z"), "k1"), TableRow(("2", "y"), "k2")])
    assert resets == [] and model.cell(0, 1) == "z"
    model.set_rows([TableRow(("3", "w"), "k3")])
    assert resets == [1] and model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 0
    assert model.index(0, 0).data(RowsModel.KeyRole) == "k3"
    assert model.data(QModelIndex()) is None


def test_every_button_says_what_it_does_and_has_a_name(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    from PySide6.QtWidgets import QAbstractButton

    start(qtbot, drill)
    unexplained = []
    for page in panel.pages:
        panel.show_page(page)
        for button in page.findChildren(QAbstractButton):
            if button.isVisible() and not (button.toolTip() and button.accessibleName()):
                unexplained.append(f"{type(page).__name__}: {button.text()}")
    assert unexplained == []
    form = panel.report_page.form
    assert form.recipient_boxes["district_government"].toolTip() == "此报告同时报送区政府"
    assert panel.level_page.button.toolTip().startswith("判定级别：")
