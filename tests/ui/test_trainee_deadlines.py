"""The unit's own deadlines in the trainee window: shown only when the controller chose to
show deadlines to trainees (the new-exercise option, stored with the exercise)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from seating import (
    Room,
    close_room,
    join,
    open_room,
)

from drill_app.core.plan import Plan
from drill_app.core.scoring import ScoringRules
from drill_app.net.protocol import Ack, Obligations
from drill_app.ui.trainee.trainee_window import TraineeWindow


@pytest.fixture(params=[True, False], ids=["shown", "not shown"])
def room(request: pytest.FixtureRequest, tmp_path: Path, rules: ScoringRules) -> Iterator[Room]:
    hosted = open_room(tmp_path, rules, show_deadlines=request.param)
    yield hosted
    close_room(hosted)


def rows(window: TraineeWindow) -> list[tuple[str, str]]:
    model = window.obligations
    return [
        (str(model.data(model.index(r, 0))), str(model.data(model.index(r, 1))))
        for r in range(model.rowCount())
    ]


def test_the_units_deadlines_appear_only_when_the_controller_shows_them(
    qtbot: QtBot, room: Room, plan: Plan, tmp_path: Path, chinese: None
) -> None:
    shown = room.store.exercise(room.exercise_id).options["show_deadlines"]
    window = join(qtbot, room, plan, tmp_path / "seats")
    room.thread.control("exercise_started")  # i01 tells the gas company of the explosion
    qtbot.waitUntil(lambda: window.inbox.rowCount() == 1, timeout=5000)
    # A round trip after the inject: whatever the host sends about it has arrived.
    window.pages[-1].help_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.sent_log.entry(0).state == "recorded", timeout=5000)
    received = list(window.link.client.messages.queue)
    assert any(isinstance(m, Ack) for m in received)
    lists = [m for m in received if isinstance(m, Obligations)]
    if not shown:
        assert lists == [] and window.obligations.rowCount() == 0
        assert window.obligations_view.isHidden()
        window.close()
        return
    assert not window.obligations_view.isHidden()
    qtbot.waitUntil(lambda: window.obligations.rowCount() > 0, timeout=5000)
    assert rows(window)[0] == (
        "相关燃气企业立即采取措施进行处置，包括立即关断就近相关控制阀门，采取紧急倒罐或倒罐"
        "外运等方式。  §5.1.1.1",
        "00:15:00",
    )  # soonest first
    report = "山东港华燃气集团有限公司事发单位报告（立即向区政府报告，并通报属地街道）  §4.1.1"
    assert rows(window)[-1] == (report, "00:20:00")
    # only this unit's: every line the host sent is the gas company's (no other seat's)
    sheet_units = {line.id: line.unit for line in room.service.runner.exercise.score().lines}
    assert {sheet_units[o.id] for o in lists[-1].obligations} == {"towngas"}
    window.close()
