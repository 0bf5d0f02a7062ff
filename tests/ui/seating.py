"""Helpers of the trainee-window tests: a real host on loopback (HostService on its own
thread, real SQLite) and a workstation that joins it through the join dialog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from drill_app.core.commands import Command
from drill_app.core.plan import Plan
from drill_app.core.scoring import ScoreSheet, ScoringRules, score_exercise
from drill_app.net.connection import HostOptions
from drill_app.net.host import HostService
from drill_app.net.host_thread import HostThread
from drill_app.paths import DEFAULT_PLAN
from drill_app.store.store import NewExercise, SeatInfo, Store, stored_plan, stored_scenario
from drill_app.ui.start.join_dialog import JoinDialog, JoinResult
from drill_app.ui.trainee.launch import open_trainee_window
from drill_app.ui.trainee.trainee_window import TraineeWindow

SCENARIO = Path(__file__).parents[1] / "net" / "fixtures" / "short-explosion.yaml"
"""Scenario a cut to 45 minutes: i01 (12345 hotline) reaches towngas and street at 0."""
CODE = "TEST42"
PLAN_TEXT = DEFAULT_PLAN.read_text(encoding="utf-8")
ATTACHMENT = "现场照片-3号楼.jpg"


def scenario_text() -> str:
    """The short scenario, its first inject with an attachment."""
    text = SCENARIO.read_text(encoding="utf-8")
    marker = "    informs_incident: true\n"
    attachment = f"    attachments:\n      - {{name: {ATTACHMENT}, description: 楼道外景}}\n"
    return text.replace(marker, marker + attachment, 1)


@dataclass
class Room:
    store: Store
    exercise_id: str
    rules: ScoringRules
    thread: HostThread
    address: str
    port: int
    threads: list[HostThread] = field(default_factory=list)

    @property
    def service(self) -> HostService:
        return self.thread.service

    def log(self) -> list[Any]:
        return self.store.events(self.exercise_id)

    def stop_host(self) -> None:
        self.thread.stop()

    def restart_host(self) -> None:
        """A new host on the same port and database (the controller's laptop restarted)."""
        options = HostOptions(code=CODE, port=self.port, end_at_duration=False)
        self.thread = HostThread(HostService(self.store, self.exercise_id, self.rules, options))
        self.threads.append(self.thread)
        self.thread.start()

    def command(self, kind: str, payload: dict[str, Any], command_id: str) -> None:
        """The controller's console sends a command to the host (in this process)."""
        self.thread.send(Command(command_id, kind, payload, "controller", None))


def open_room(tmp_path: Path, rules: ScoringRules, *, show_deadlines: bool) -> Room:
    store = Store.open(f"sqlite:///{tmp_path / 'host.sqlite3'}")
    exercise_id = store.create_exercise(
        NewExercise(
            title="培训室演练",
            plan_text=PLAN_TEXT,
            scenario_text=scenario_text(),
            held_on=dt.date(2026, 11, 30),
            seats=(SeatInfo("towngas", "王强"), SeatInfo("housing", "李明")),
            options={"show_deadlines": show_deadlines, "clock_speed": 1},
        )
    )
    options = HostOptions(code=CODE, end_at_duration=False)
    thread = HostThread(HostService(store, exercise_id, rules, options))
    address = thread.start()
    port = int(address.rsplit(":", 1)[1])
    return Room(store, exercise_id, rules, thread, address, port, [thread])


def close_room(room: Room) -> None:
    for thread in room.threads:
        if thread._thread.is_alive():
            thread.stop()
    room.store.close()


def fill_join(dialog: JoinDialog, unit: str, name: str, code: str) -> None:
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData(unit))
    dialog.name_edit.setText(name)
    dialog.code_edit.setText(code)


def join(
    qtbot: QtBot, room: Room, plan: Plan, base: Path, unit: str = "towngas", name: str = "王强"
) -> TraineeWindow:
    """Join *room* as *unit* through the join dialog; the trainee window, shown."""
    dialog = JoinDialog(plan, PLAN_TEXT, room.address, browse=False)
    qtbot.addWidget(dialog)
    fill_join(dialog, unit, name, CODE)
    dialog.join_button.click()
    qtbot.waitUntil(lambda: dialog.result_ is not None, timeout=10_000)
    joined: JoinResult | None = dialog.result_
    assert joined is not None
    window = open_trainee_window(joined, plan, base)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.link.client.status == "online", timeout=10_000)
    return window


def stored_sheet(room: Room) -> ScoreSheet:
    """The exercise scored from the host's database alone (its plan, scenario, events):
    what the controller's status board is fed with."""
    detail = room.store.exercise(room.exercise_id)
    plan = stored_plan(detail.plan_text)
    scenario = stored_scenario(detail.plan_text, detail.scenario_text)
    return score_exercise(plan, scenario, room.log(), room.rules)
