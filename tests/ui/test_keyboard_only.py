"""The core loop without a mouse: a written report completed and sent with key presses only.

Tab walks the form as it reads (kind, recipients, the §4.1.3 items 1..17 in the plan's
order, figures); Ctrl+Enter sends. Chinese text arrives as an input method commits it
(what a Chinese keyboard produces), into whatever widget has the focus: the test never
puts the focus anywhere itself after the first field.
"""

from __future__ import annotations

from drilling import Drill, open_page, recorded_by, release, start
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from drill_app.core.plan import LEVEL_ORDER
from drill_app.ui.act.act_panel import ActAsUnitPanel
from drill_app.ui.act.report_form import REPORT_KINDS


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def commit_text(text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(focused(), event)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def test_a_written_report_is_completed_and_sent_with_the_keyboard_alone(
    qtbot: QtBot, drill: Drill, panel: ActAsUnitPanel
) -> None:
    start(qtbot, drill)
    release(qtbot, drill, "i01_hotline", "i03_gas_company_report")
    drill.clock.at_minute(40)
    page = panel.report_page
    open_page(qtbot, panel, page)
    form = page.form
    panel.activateWindow()
    form.kind_combo.setFocus()  # where a user tabbing into the form arrives first
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.kind_combo)

    for _ in range(REPORT_KINDS.index("written") - REPORT_KINDS.index(form.report_kind())):
        press(qtbot, Qt.Key.Key_Down)
    assert form.report_kind() == "written"
    for _ in form.recipient_boxes:  # the plan's recipients are ticked already (§4.1.2)
        press(qtbot, Qt.Key.Key_Tab)

    typed: dict[str, str] = {}
    for number, item in enumerate(drill.session.plan.reporting.content, start=1):
        press(qtbot, Qt.Key.Key_Tab)
        assert focused().objectName() == f"field_{item.id}", f"item {number}"
        if isinstance(focused(), QComboBox):  # item 8, the initial level: arrow keys
            press(qtbot, Qt.Key.Key_Down)
            press(qtbot, Qt.Key.Key_Down)
        else:
            typed[item.id] = f"第{number}项：{item.label}"
            commit_text(typed[item.id])

    event = recorded_by(
        qtbot,
        drill,
        lambda: press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
    )

    assert (event.kind, event.unit) == ("report_submitted", "housing")
    assert event.payload["report_kind"] == "written"
    assert event.payload["recipients"] == [
        "district_government",
        "district_hq_office",
        "city_government",
    ]
    fields = event.payload["fields"]
    # Every §4.1.3 item in its own field, none shifted: item n holds the text typed at n.
    for number, item in enumerate(drill.session.plan.reporting.content, start=1):
        if item.id == "initial_level":
            assert fields[item.id] == LEVEL_ORDER[-1]
        else:
            assert fields[item.id] == f"第{number}项：{item.label}"
    assert len(typed) == 16
    assert page.feedback.text().endswith("书面报告，已填 17/17 项")
