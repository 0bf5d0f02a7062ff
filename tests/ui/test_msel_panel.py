"""The MSEL panel: statuses, release, skip, delay, ad-hoc injects, with a real archive."""

from __future__ import annotations

from typing import Any

import pytest
from exercising import (
    MINUTE,
    FakeWall,
    record,
    set_scenario_time,
    show_widget,
    stored_events,
    wait_recorded,
)
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont
from pytestqt.qtbot import QtBot

from drill_app.core.exercise import inject_payload
from drill_app.ui.exercise.adhoc_inject_dialog import AdhocInjectDialog
from drill_app.ui.exercise.msel_model import DUE_BACKGROUND, MselModel, describe_condition
from drill_app.ui.exercise.msel_panel import MselPanel
from drill_app.ui.session import ExerciseSession
from drill_app.wording import PlanWords


@pytest.fixture
def panel(qtbot: QtBot, session: ExerciseSession) -> MselPanel:
    return show_widget(qtbot, MselPanel(session), 700, 600)


def cell(panel: MselPanel, inject_id: str, column: int) -> str:
    model = panel.model
    return str(model.index(model.row_of(inject_id), column).data())


def status(panel: MselPanel, inject_id: str) -> str:
    return cell(panel, inject_id, MselModel.STATUS)


def test_statuses_and_due_highlighting(
    qtbot: QtBot, panel: MselPanel, session: ExerciseSession, wall: FakeWall, qtmodeltester: Any
) -> None:
    model = panel.model
    assert model.rowCount() == len(session.scenario.injects)
    assert [model.index(0, c).data() for c in range(5)] == [
        "00:00",
        "待发",  # nothing is due before the start
        "12345热线：山海社区3号楼发生爆炸",
        "12345市民服务热线",
        "山东港华燃气集团有限公司、街道办事处",
    ]
    assert not panel.release_due_button.isEnabled() and not panel.adhoc_button.isEnabled()

    record(qtbot, session, "exercise_started")
    assert status(panel, "i01_hotline") == "已到时"
    due_index = model.index(0, MselModel.TITLE)
    background = due_index.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QBrush) and background.color() == DUE_BACKGROUND
    font = due_index.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.index(1, MselModel.TITLE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert panel.summary_label.text() == "到时1条 · 待发8条 · 已发出0条"
    assert panel.release_due_button.text() == "发出全部到时注入（1条）"

    set_scenario_time(wall, session, 10 * MINUTE)
    panel.refresh()
    assert [i.id for i in model.due_injects()] == [
        "i01_hotline",
        "i02_119",
        "i03_gas_company_report",
        "i04_environment",
    ]
    qtmodeltester.check(model)


def test_release_selected_and_release_all_due(
    qtbot: QtBot, panel: MselPanel, session: ExerciseSession, wall: FakeWall, database: str
) -> None:
    record(qtbot, session, "exercise_started")
    panel.select_inject("i01_hotline")
    assert "9时02分，12345市民服务热线接群众来电" in panel.detail.toPlainText()
    assert panel.release_button.isEnabled()
    with qtbot.waitSignal(session.event_added, timeout=10_000) as released:
        qtbot.mouseClick(panel.release_button, Qt.MouseButton.LeftButton)
    assert status(panel, "i01_hotline") == "已发出 00:00"
    assert not panel.release_button.isEnabled()  # released: nothing more to do with it

    set_scenario_time(wall, session, 10 * MINUTE + 30)
    panel.refresh()
    qtbot.mouseClick(panel.release_due_button, Qt.MouseButton.LeftButton)
    assert status(panel, "i02_119") == "提交中…"
    events = wait_recorded(qtbot, session, 5)
    stored = stored_events(database, session.exercise_id)
    assert [e.id for e in stored] == [e.id for e in events]
    deliveries = [e for e in stored if e.kind == "inject_delivered"]
    scenario = session.scenario
    assert [e.payload["inject"] for e in deliveries] == [
        "i01_hotline",
        "i02_119",
        "i03_gas_company_report",
        "i04_environment",
    ]
    for event in deliveries:
        inject = scenario.injects_by_id[event.payload["inject"]]
        assert dict(event.payload) == inject_payload(inject)
    assert released.args[0].scenario_time == 0
    assert deliveries[-1].scenario_time == 10 * MINUTE + 30  # the actual release time
    assert status(panel, "i04_environment") == "已发出 00:10"
    assert not panel.release_due_button.isEnabled()
    assert panel.release_due_button.text() == "发出全部到时注入"


def test_skip_with_a_reason(
    qtbot: QtBot,
    panel: MselPanel,
    session: ExerciseSession,
    database: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record(qtbot, session, "exercise_started")
    panel.select_inject("i02_119")
    asked: list[str] = []

    def cancel(cls: type, parent: object, title: str) -> None:
        asked.append(title)
        return None

    monkeypatch.setattr(MselPanel, "ask_skip_reason", classmethod(cancel))
    qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)
    assert asked == ["119/110指挥中心：山海社区爆炸警情"]
    assert not session.busy and status(panel, "i02_119") == "待发"

    monkeypatch.setattr(
        MselPanel, "ask_skip_reason", classmethod(lambda cls, parent, title: "消防已在现场")
    )
    with qtbot.waitSignal(session.event_added, timeout=10_000) as skipped:
        qtbot.mouseClick(panel.skip_button, Qt.MouseButton.LeftButton)
    assert dict(skipped.args[0].payload) == {"inject": "i02_119", "reason": "消防已在现场"}
    assert status(panel, "i02_119") == "已跳过"
    assert "跳过原因消防已在现场" in panel.detail.toPlainText().replace("\n", "").replace(" ", "")
    assert stored_events(database, session.exercise_id)[-1].kind == "inject_skipped"


def test_delay_holds_an_inject_back_and_the_actual_release_is_recorded(
    qtbot: QtBot, panel: MselPanel, session: ExerciseSession, wall: FakeWall
) -> None:
    record(qtbot, session, "exercise_started")
    set_scenario_time(wall, session, 3 * MINUTE)
    panel.refresh()
    assert status(panel, "i02_119") == "已到时"
    panel.select_inject("i02_119")
    panel.delay_minutes.setValue(5)
    qtbot.mouseClick(panel.delay_button, Qt.MouseButton.LeftButton)
    assert not session.busy  # a hold is local: nothing is recorded for it
    assert status(panel, "i02_119") == "推迟至 00:08"
    assert "i02_119" not in [i.id for i in panel.model.due_injects()]
    # the jump target knows the hold
    assert session.mirror.upcoming_release_time(panel.model.holds) == 5 * MINUTE

    set_scenario_time(wall, session, 7 * MINUTE + 59)
    panel.refresh()
    assert status(panel, "i02_119") == "推迟至 00:08"
    set_scenario_time(wall, session, 8 * MINUTE)
    panel.refresh()
    assert status(panel, "i02_119") == "已到时"
    set_scenario_time(wall, session, 8 * MINUTE + 20)
    panel.select_inject("i02_119")
    with qtbot.waitSignal(session.event_added, timeout=10_000) as released:
        qtbot.mouseClick(panel.release_button, Qt.MouseButton.LeftButton)
    assert released.args[0].scenario_time == 8 * MINUTE + 20
    assert status(panel, "i02_119") == "已发出 00:08"
    assert "i02_119" not in panel.model.holds


def test_conditional_injects_are_described_and_timed_once_the_condition_holds(
    qtbot: QtBot, panel: MselPanel, session: ExerciseSession, wall: FakeWall
) -> None:
    names = PlanWords(session.plan, scenario=session.scenario)
    injects = session.scenario.injects_by_id
    assert describe_condition(names, injects["i06_phone_missing"].when) == (  # type: ignore[arg-type]
        "区应急管理局电话报告超时"
    )
    assert describe_condition(names, injects["i08_city_arrives"].when) == (  # type: ignore[arg-type]
        "区住房和城乡建设局判定级别：III级"
    )
    assert cell(panel, "i06_phone_missing", MselModel.TIME) == "条件：区应急管理局电话报告超时"

    record(qtbot, session, "exercise_started")
    set_scenario_time(wall, session, 5 * MINUTE)
    panel.refresh()
    panel.release_all_due()  # minutes 0, 3 and 5
    wait_recorded(qtbot, session, 4)
    # the emergency bureau learnt at minute 5: its phone report is due at 00:25
    assert session.mirror.upcoming_release_time({}) == 10 * MINUTE
    set_scenario_time(wall, session, 20 * MINUTE)
    panel.refresh()
    assert status(panel, "i06_phone_missing") == "待发"
    set_scenario_time(wall, session, 25 * MINUTE + 1)
    panel.refresh()
    assert (
        cell(panel, "i06_phone_missing", MselModel.TIME) == "00:25 条件：区应急管理局电话报告超时"
    )
    assert status(panel, "i06_phone_missing") == "已到时"
    panel.select_inject("i06_phone_missing")
    assert "条件：区应急管理局电话报告超时" in panel.detail.toPlainText()


def test_an_ad_hoc_inject_is_released_and_listed(
    qtbot: QtBot,
    panel: MselPanel,
    session: ExerciseSession,
    wall: FakeWall,
    database: str,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: Any,
) -> None:
    record(qtbot, session, "exercise_started")
    set_scenario_time(wall, session, 12 * MINUTE)
    payload = {
        "inject": None,
        "title": "市民反映周边仍有燃气味",
        "text": "12345热线接多名市民来电，反映山海社区4号楼周边仍有燃气味。",
        "source": "hotline_12345",
        "to": ["towngas", "street"],
        "informs_incident": False,
        "facts": {"gas_leak": True},
    }
    monkeypatch.setattr(
        AdhocInjectDialog, "ask", classmethod(lambda cls, session, parent=None: payload)
    )
    rows = panel.model.rowCount()
    with qtbot.waitSignal(panel.model.rowsInserted, timeout=10_000):
        qtbot.mouseClick(panel.adhoc_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == rows + 1
    assert [panel.model.index(rows, c).data() for c in range(5)] == [
        "临时",
        "已发出 00:12",
        "市民反映周边仍有燃气味",
        "12345市民服务热线",
        "山东港华燃气集团有限公司、街道办事处",
    ]
    stored = stored_events(database, session.exercise_id)[-1]
    assert (stored.kind, stored.payload["inject"], stored.payload["facts"]) == (
        "inject_delivered",
        None,
        {"gas_leak": True},
    )
    panel.view.selectRow(rows)
    assert "临时注入，00:12:00发出" in panel.detail.toPlainText()
    qtmodeltester.check(panel.model)


def test_the_ad_hoc_dialog_says_what_is_wrong(
    qtbot: QtBot, session: ExerciseSession, wall: FakeWall
) -> None:
    dialog = AdhocInjectDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.validate()
    assert dialog.title_error.text() == "请填写注入标题。"
    assert dialog.text_error.text() == "请填写通报内容。"
    assert dialog.recipients_error.text() == "请至少选择一个接收单位。"

    dialog.title_edit.setText("现场伤亡情况更新")
    dialog.text_edit.setPlainText("消防救援人员又发现1名遇难者。")
    dialog.set_recipients(["fire", "health"])
    dialog.set_fact_editor("deaths", 3)
    qtbot.mouseClick(dialog.add_fact_button, Qt.MouseButton.LeftButton)
    dialog.set_fact_editor("direct_loss_yuan", 1_500_000)
    qtbot.mouseClick(dialog.add_fact_button, Qt.MouseButton.LeftButton)
    assert [dialog.facts_list.item(i).text() for i in range(dialog.facts_list.count())] == [
        "死亡人数：3人",
        "直接经济损失：1500000元",
    ]
    # not started yet: the core refuses, and the form says why
    assert not dialog.validate()
    assert not dialog.title_error.isVisible()
    assert dialog.form_error.text() == "无法发出此注入：演练尚未开始"

    with qtbot.waitSignal(session.event_added, timeout=10_000):
        session.send("exercise_started", {}, actor="controller")
    assert dialog.validate()
    payload = dialog.payload()
    assert payload == {
        "inject": None,
        "title": "现场伤亡情况更新",
        "text": "消防救援人员又发现1名遇难者。",
        "source": "controller",
        "to": ["fire", "health"],
        "informs_incident": False,
        "facts": {"deaths": 3, "direct_loss_yuan": 1_500_000},
        "city_hq_arrives": False,
    }
    assert isinstance(payload["facts"]["deaths"], int)


def test_nothing_can_be_released_after_the_end(
    qtbot: QtBot, panel: MselPanel, session: ExerciseSession
) -> None:
    record(qtbot, session, "exercise_started")
    record(qtbot, session, "exercise_ended")
    assert status(panel, "i01_hotline") == "未发出"
    panel.select_inject("i01_hotline")
    assert not panel.release_button.isEnabled()
    assert not panel.release_due_button.isEnabled() and not panel.adhoc_button.isEnabled()
    assert panel.model.rowCount(panel.model.index(0, 0)) == 0
    assert panel.model.data(QModelIndex()) is None


def test_disabled_buttons_say_why_now_and_ctrl_r_releases_the_selected_inject(
    qtbot: QtBot, panel: MselPanel, session: ExerciseSession
) -> None:
    release = panel.release_button
    assert release.toolTip() == "立即向接收单位发出所选注入（Ctrl+R）\n请先开始演练。"
    record(qtbot, session, "exercise_started")
    # Running now: the reason is no longer the start, but the missing choice.
    panel.view.selectionModel().clearCurrentIndex()
    panel.refresh()
    assert not release.isEnabled()
    assert release.toolTip().endswith("\n请先在列表中选择一条待发注入。")
    assert panel.adhoc_button.isEnabled()
    assert "\n" not in panel.adhoc_button.toolTip()  # enabled: only what it does
    panel.select_inject("i01_hotline")
    assert release.isEnabled() and release.toolTip() == "立即向接收单位发出所选注入（Ctrl+R）"
    panel.view.setFocus()
    with qtbot.waitSignal(session.event_added, timeout=10_000) as released:
        qtbot.keyClick(panel.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert released.args[0].kind == "inject_delivered"
    assert status(panel, "i01_hotline") == "已发出 00:00"
