"""The controller marks the city HQ's arrival with an ad-hoc inject; the hand-over is due
from then (§5.3.1.7, issue 10)."""

from __future__ import annotations

from exercising import MINUTE, FakeWall, record, set_scenario_time
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from drill_app.ui.exercise.adhoc_inject_dialog import AdhocInjectDialog
from drill_app.ui.session import ExerciseSession


def test_an_ad_hoc_inject_can_mark_the_city_hqs_arrival(
    qtbot: QtBot, session: ExerciseSession, wall: FakeWall
) -> None:
    record(qtbot, session, "exercise_started")
    dialog = AdhocInjectDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert (
        dialog.city_arrives.text() == "市应急指挥部随本注入到达现场（此后应移交指挥权，§5.3.1.7）"
    )
    dialog.title_edit.setText("市应急指挥部工作组到达")
    dialog.text_edit.setPlainText("市应急指挥部副总指挥带领工作组到达现场。")
    dialog.set_recipients(["housing"])
    box = dialog.city_arrives
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert dialog.validate()
    payload = dialog.payload()
    assert payload["city_hq_arrives"] is True
    set_scenario_time(wall, session, 12 * MINUTE)
    record(qtbot, session, "inject_delivered", payload)
    assert session.mirror.record.city_hq_arrived_at == 12 * MINUTE
