"""The new-exercise dialog: what it offers, what each field says is wrong, what it returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QInputMethodEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from drill_app.core.plan import Plan
from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.session import ScenarioEntry, scan_scenarios
from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog, SeatAssignmentModel

TODAY = dt.date(2026, 11, 28)
SHANHAI = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
SHORTAGE = SCENARIOS_DIR / "b-winter-shortage.yaml"
SHANHAI_SEATS = [
    ("housing", "区住房和城乡建设局"),
    ("emergency", "区应急管理局"),
    ("police", "市公安局历下分局"),
    ("fire", "区消防救援大队"),
    ("health", "区卫生健康局"),
    ("street", "街道办事处"),
    ("towngas", "山东港华燃气集团有限公司"),
    ("ecology", "市生态环境局历下分局"),
    ("propaganda", "区委宣传部"),
    ("traffic", "区交警大队"),
]
NAMES = ["张强", "李明", "王伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴刚"]

OpenDialog = Callable[..., NewExerciseDialog]


@pytest.fixture
def scenarios(plan: Plan, tmp_path: Path) -> tuple[ScenarioEntry, ...]:
    """The built-in scenarios and one broken file of the user's."""
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "broken.yaml").write_text("format: 1\n", encoding="utf-8")
    return scan_scenarios(plan, folder)


@pytest.fixture
def open_dialog(
    qtbot: QtBot, plan: Plan, scenarios: tuple[ScenarioEntry, ...], chinese: None
) -> OpenDialog:
    def open_it(selected: Path | None = SHANHAI) -> NewExerciseDialog:
        dialog = NewExerciseDialog(
            plan,
            DEFAULT_PLAN.read_text(encoding="utf-8"),
            scenarios,
            selected,
            today=TODAY,
        )
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return open_it


def type_participant(qtbot: QtBot, dialog: NewExerciseDialog, row: int, name: str) -> None:
    """Click the participant cell, type the name, press Enter: as a user does."""
    view = dialog.seat_view
    index = dialog.seat_model.index(row, 1)
    QApplication.processEvents()  # the previous editor is gone
    view.setCurrentIndex(index)  # opens the editor (every edit trigger is on)
    (editor,) = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    type_with_input_method(editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor through a queued call.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


def type_with_input_method(widget: QWidget, text: str) -> None:
    """Type Chinese as an input method commits it (QTest.keyClicks handles only Latin-1)."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def fill_seats(dialog: NewExerciseDialog, names: list[str]) -> None:
    model = dialog.seat_model
    for row, name in enumerate(names):
        assert model.setData(model.index(row, 1), name)


def error_colour(label: object) -> str:
    return label.palette().color(QPalette.ColorRole.WindowText).name()  # type: ignore[attr-defined]


# --- what is offered ----------------------------------------------------------------------------


def test_only_valid_scenarios_are_offered(open_dialog: OpenDialog) -> None:
    dialog = open_dialog()
    combo = dialog.scenario_combo
    titles = [combo.itemText(i) for i in range(combo.count())]
    assert len(titles) == 4
    assert "broken.yaml" not in titles
    assert combo.currentText() == "姚家街道山海社区居民楼燃气爆炸事故桌面推演"


def test_fields_are_prefilled_from_the_scenario(open_dialog: OpenDialog) -> None:
    dialog = open_dialog()
    assert dialog.windowTitle() == "新建演练"
    assert dialog.title_edit.text() == "姚家街道山海社区居民楼燃气爆炸事故桌面推演"
    assert dialog.place_edit.text() == "姚家街道山海社区3号居民楼"
    assert dialog.type_combo.currentText() == "桌面推演"
    assert dialog.held_on() == TODAY
    assert dialog.speed_combo.currentText() == "1×"
    assert [dialog.speed_combo.itemText(i) for i in range(4)] == ["1×", "2×", "5×", "10×"]
    assert not dialog.deadlines_check.isChecked()  # off by default: a graded drill
    assert dialog.scenario_facts.text() == "安全事故类　·　III级（较大）　·　无预警　·　240分钟"
    model = dialog.seat_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == [
        "参演单位",
        "参演人员",
    ]
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown == [name for _, name in SHANHAI_SEATS]
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def test_another_scenario_changes_the_untouched_fields_only(open_dialog: OpenDialog) -> None:
    dialog = open_dialog()
    dialog.place_edit.setText("区应急指挥中心三楼会议室")
    fill_seats(dialog, NAMES[:2])  # housing, emergency
    dialog.scenario_combo.setCurrentIndex(1)
    assert dialog.current_entry().path == SHORTAGE  # type: ignore[union-attr]
    assert dialog.title_edit.text() == "寒潮期间上游气源供应紧张压减供气桌面推演"
    assert dialog.place_edit.text() == "区应急指挥中心三楼会议室"
    seats = dict(dialog.seat_model.seats())
    # names entered for units that keep a seat are kept
    assert seats.get("housing") == "张强"
    assert seats.get("emergency", "李明") == "李明"


def test_the_seat_model(qtmodeltester: ModelTester, chinese: None) -> None:
    model = SeatAssignmentModel()
    model.set_units(SHANHAI_SEATS[:3])
    qtmodeltester.check(model, force_py=True)
    assert model.setData(model.index(1, 1), "李明")
    assert not model.setData(model.index(1, 0), "改名")  # the unit is the plan's
    assert model.seats() == [("housing", ""), ("emergency", "李明"), ("police", "")]
    assert model.missing() == ["区住房和城乡建设局", "市公安局历下分局"]
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    model.set_units(SHANHAI_SEATS[1:4])
    assert model.seats() == [("emergency", "李明"), ("police", ""), ("fire", "")]
    qtmodeltester.check(model, force_py=True)


# --- what is wrong, field by field ------------------------------------------------------------


def test_each_field_says_what_is_wrong_and_create_waits(
    open_dialog: OpenDialog, qtbot: QtBot
) -> None:
    dialog = open_dialog()
    ok = dialog.ok_button
    assert ok.text() == "新建演练"
    # At first no seat has a name: that may wait (a name can come later), so creating is
    # allowed, and a warning names the units still without one.
    assert ok.isEnabled()
    assert dialog.seats_warning.isVisibleTo(dialog)
    assert dialog.seats_warning.text() == (
        "以下单位尚无参演人员："
        + "、".join(name for _, name in SHANHAI_SEATS)
        + "。仍可新建演练，这些席位将不显示人员姓名。"
    )
    assert not dialog.title_error.isVisibleTo(dialog)

    fill_seats(dialog, NAMES[:9])
    assert dialog.seats_warning.text().startswith("以下单位尚无参演人员：区交警大队。")
    type_participant(qtbot, dialog, 9, "吴刚")
    assert dialog.seat_model.index(9, 1).data() == "吴刚"
    assert not dialog.seats_warning.isVisibleTo(dialog)
    assert ok.isEnabled()

    dialog.title_edit.clear()
    assert dialog.title_error.text() == "请填写演练名称。"
    assert dialog.title_error.isVisibleTo(dialog)
    assert not ok.isEnabled()
    type_with_input_method(dialog.title_edit, "山海社区燃气爆炸桌面推演")
    assert not dialog.title_error.isVisibleTo(dialog)
    assert ok.isEnabled()

    dialog.date_edit.setDate(QDate(2028, 1, 5))
    assert dialog.date_error.text() == "2028-01-05距今超过一年，请核对演练日期。"
    assert not ok.isEnabled()
    dialog.date_edit.setDate(QDate(2027, 11, 28))  # a year ahead is still fine
    assert not dialog.date_error.isVisibleTo(dialog)
    dialog.date_edit.setDate(QDate(2024, 5, 10))  # a drill held earlier, recorded now
    assert ok.isEnabled()

    # A name of spaces only is no name.
    type_participant(qtbot, dialog, 0, "   ")
    assert dialog.seats_warning.text().startswith("以下单位尚无参演人员：区住房和城乡建设局。")
    assert ok.isEnabled()


# --- the roster remembered between drills ------------------------------------------------------


def test_the_roster_of_the_last_drill_is_offered_and_a_name_may_be_left_for_later(
    plan: Plan, scenarios: tuple[ScenarioEntry, ...], chinese: None, qtbot: QtBot, tmp_path: Path
) -> None:
    from drill_app.ui.shared.settings import AppSettings

    settings = AppSettings.in_file(tmp_path / "settings.ini")
    settings.remember_roster([("housing", "张强"), ("police", "王伟"), ("fire", "")])
    settings.remember_roster([("emergency", "李明"), ("police", "赵磊")])  # a later drill
    assert AppSettings.in_file(tmp_path / "settings.ini").roster == {
        "housing": "张强",
        "emergency": "李明",
        "police": "赵磊",
    }
    dialog = NewExerciseDialog(plan, "", scenarios, SHANHAI, today=TODAY, roster=settings.roster)
    qtbot.addWidget(dialog)
    dialog.show()
    seats = dict(dialog.seat_model.seats())
    assert (seats["housing"], seats["emergency"], seats["police"], seats["fire"]) == (
        "张强",
        "李明",
        "赵磊",
        "",
    )
    assert dialog.ok_button.isEnabled()
    assert dialog.seats_warning.isVisible()
    assert "区消防救援大队" in dialog.seats_warning.text()
    assert "区住房和城乡建设局" not in dialog.seats_warning.text()
    # The exercise is created with the names there are; the others stay empty.
    created = {s.unit_id: s.participant for s in dialog.new_exercise().seats}
    assert created["police"] == "赵磊" and created["fire"] == ""


def test_a_scenario_file_that_vanished_is_reported(
    qtbot: QtBot, plan: Plan, chinese: None, tmp_path: Path
) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    mine = folder / "mine.yaml"
    mine.write_bytes(SHANHAI.read_bytes())
    entries = tuple(e for e in scan_scenarios(plan, folder) if not e.built_in)
    mine.unlink()
    dialog = NewExerciseDialog(plan, "", entries, mine, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.scenario_error.text() == f"无法读取情景文件 {mine}。"
    assert not dialog.ok_button.isEnabled()


# --- what it returns ---------------------------------------------------------------------------


def test_ask_returns_the_new_exercise_with_exact_seats_and_texts(
    plan: Plan,
    scenarios: tuple[ScenarioEntry, ...],
    chinese: None,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fill_and_accept(dialog: NewExerciseDialog) -> int:
        qtbot.addWidget(dialog)
        fill_seats(dialog, [f" {name} " for name in NAMES])
        dialog.title_edit.setText("  2026年山海社区燃气爆炸桌面推演 ")
        dialog.date_edit.setDate(QDate(2026, 12, 3))
        dialog.place_edit.setText("区应急指挥中心三楼会议室")
        dialog.type_combo.setCurrentIndex(1)
        dialog.controller_edit.setText("孙立")
        dialog.evaluators_edit.setText("郑洁, 冯涛、何静，，")
        dialog.deadlines_check.setChecked(True)
        dialog.speed_combo.setCurrentIndex(2)
        assert dialog.ok_button.isEnabled()
        dialog.ok_button.click()
        return int(dialog.result())

    monkeypatch.setattr(NewExerciseDialog, "exec", fill_and_accept)
    new = NewExerciseDialog.ask(
        None, plan, DEFAULT_PLAN.read_text(encoding="utf-8"), scenarios, SHANHAI, today=TODAY
    )
    assert new is not None
    assert new.title == "2026年山海社区燃气爆炸桌面推演"
    assert new.plan_text == DEFAULT_PLAN.read_text(encoding="utf-8")
    assert new.scenario_text == SHANHAI.read_text(encoding="utf-8")
    assert new.held_on == dt.date(2026, 12, 3)
    assert new.exercise_type == "live"
    assert new.location == "区应急指挥中心三楼会议室"
    assert new.controller == "孙立"
    assert new.evaluators == ("郑洁", "冯涛", "何静")
    assert [(s.unit_id, s.participant) for s in new.seats] == [
        (unit, name) for (unit, _), name in zip(SHANHAI_SEATS, NAMES, strict=True)
    ]
    assert new.options == {"show_deadlines": True, "clock_speed": 5}


def test_ask_returns_none_when_cancelled(
    plan: Plan,
    scenarios: tuple[ScenarioEntry, ...],
    chinese: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(NewExerciseDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert NewExerciseDialog.ask(None, plan, "", scenarios, SHORTAGE, today=TODAY) is None
