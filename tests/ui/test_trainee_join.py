"""Joining as a trainee: the join dialog against a real host (wrong code, seat taken, no
host, a seat the exercise does not have), the unit's own forms, a restarted workstation,
and ``drill-app join``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from seating import CODE, PLAN_TEXT, Room, fill_join, join

from drill_app.cli.main import main
from drill_app.core.plan import Plan
from drill_app.net.protocol import NET_CODES
from drill_app.ui.main_window import MainWindow
from drill_app.ui.start.join_dialog import JoinDialog, JoinResult
from drill_app.ui.trainee.launch import seat_folder
from drill_app.ui.trainee.trainee_window import TraineeWindow
from drill_app.wording import PlanWords
from drill_app.wording.refusals import ROOM_WORDING, room_refusal_text


def attempt(qtbot: QtBot, plan: Plan, address: str, unit: str, code: str) -> JoinDialog:
    """Fill in the dialog and press 加入; return it once the host has answered."""
    dialog = JoinDialog(plan, PLAN_TEXT, address, browse=False)
    qtbot.addWidget(dialog)
    fill_join(dialog, unit, "王强", code)
    dialog.join_button.click()
    qtbot.waitUntil(lambda: dialog.join_button.isEnabled(), timeout=10_000)
    return dialog


def test_a_wrong_join_code_is_refused_in_words_and_nothing_is_joined(
    qtbot: QtBot, room: Room, plan: Plan, chinese: None
) -> None:
    dialog = attempt(qtbot, plan, room.address, "towngas", "WRONG9")
    assert dialog.message.text() == "加入码错误：请核对导调人员显示的加入码"
    assert dialog.result_ is None and dialog.result() != JoinDialog.DialogCode.Accepted
    assert not any(seat.connected for seat in room.service.seats())


def test_a_seat_already_taken_is_refused_with_who_holds_it(
    qtbot: QtBot, room: Room, plan: Plan, tmp_path: Path, chinese: None
) -> None:
    first = join(qtbot, room, plan, tmp_path / "seats")
    dialog = attempt(qtbot, plan, room.address, "towngas", CODE)
    assert (
        dialog.message.text()
        == "山东港华燃气集团有限公司的席位已被占用（王强）：请导调人员释放该席位"
    )
    assert dialog.result_ is None
    first.close()


def test_a_unit_without_a_seat_is_refused_and_the_seats_are_offered(
    qtbot: QtBot, room: Room, plan: Plan, chinese: None
) -> None:
    dialog = attempt(qtbot, plan, room.address, "water", CODE)
    assert dialog.message.text().startswith("本次演练没有")
    offered = [dialog.unit_combo.itemData(i) for i in range(dialog.unit_combo.count())]
    assert offered == room.service.runner.exercise.scenario.seats


def test_no_host_at_the_address_and_a_malformed_address_are_said_so(
    qtbot: QtBot, plan: Plan, chinese: None
) -> None:
    dialog = JoinDialog(plan, PLAN_TEXT, "no host here", browse=False)
    qtbot.addWidget(dialog)
    fill_join(dialog, "towngas", "王强", CODE)
    dialog.join_button.click()
    assert dialog.message.text() == "请按导调人员显示的格式输入主机地址：主机:端口"
    dialog.address_edit.setText("127.0.0.1:1")  # nothing listens on port 1
    dialog.join_button.click()
    qtbot.waitUntil(lambda: dialog.join_button.isEnabled(), timeout=15_000)
    assert dialog.message.text() == "127.0.0.1:1没有主机应答：请检查地址和网络"


def test_the_unit_is_offered_only_the_actions_the_plan_gives_it(
    qtbot: QtBot, room: Room, plan: Plan, tmp_path: Path, chinese: None
) -> None:
    gas = join(qtbot, room, plan, tmp_path / "seats")
    gas_actions = gas.actions_model.stringList()
    assert gas_actions == ["报送信息", "处置措施", "压减/恢复供气", "指挥与响应", "信息发布与支援"]
    command = gas.pages[3]
    shown = [k for k, b in command.buttons.items() if not b.isHidden()]  # type: ignore[attr-defined]
    assert shown == ["sensitive_determined"]  # hand-over, ending: the district HQ's (§5.3, §5.5)
    gas.close()
    housing = join(qtbot, room, plan, tmp_path / "seats", unit="housing", name="李明")
    assert housing.actions_model.stringList() == [
        "报送信息",
        "判定级别",
        "工作组",
        "预警",
        "处置措施",
        "压减/恢复供气",
        "指挥与响应",
        "信息发布与支援",
    ]  # the seat acting for the district HQ (roles.district_command)
    housing.close()


def test_a_restarted_workstation_resends_what_it_had_queued_from_its_seat_folder(
    qtbot: QtBot, room: Room, plan: Plan, tmp_path: Path, chinese: None
) -> None:
    room.thread.control("exercise_started")
    base = tmp_path / "seats"
    window = join(qtbot, room, plan, base)
    room.stop_host()
    qtbot.waitUntil(lambda: window.connection_label.text() == "离线", timeout=5000)
    page = window.pages[-1]
    page.help_text.setText("请求支援抢修力量")  # type: ignore[attr-defined]
    page.help_button.click()  # type: ignore[attr-defined]
    window.close()  # the workstation is switched off with the action still queued
    folder = seat_folder(room.exercise_id, "towngas", base)
    assert "请求支援抢修力量" in (folder / "outbox.jsonl").read_text(encoding="utf-8")
    room.restart_host()
    again = join(qtbot, room, plan, base)
    qtbot.waitUntil(lambda: any(e.kind == "help_requested" for e in room.log()), timeout=10_000)
    top = again.sent_log.index(0, 1)
    qtbot.waitUntil(lambda: str(again.sent_log.data(top)).startswith("已记录"), timeout=5000)
    assert again.sent_log.rowCount() == 1  # shown once: resent, recorded once
    assert len([e for e in room.log() if e.kind == "help_requested"]) == 1
    again.close()


def test_drill_app_join_with_a_malformed_address_says_so_and_exits_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["join", "two words:99"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "ADDRESS" in err and "Traceback" not in err


def test_every_refusal_of_the_network_has_words_of_its_own(plan: Plan, chinese: None) -> None:
    words = PlanWords(plan)
    for code in (*NET_CODES, "host_unreachable", "plan_mismatch"):
        assert code in ROOM_WORDING, code
        text = room_refusal_text(code, {"unit": "towngas", "seats": ["towngas"]}, words)
        assert not text.startswith("主机拒绝："), code  # not the fallback for unknown codes


def test_join_on_the_start_page_opens_the_dialog_then_the_trainee_window(
    qtbot: QtBot,
    room: Room,
    started_window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """加入演练… → the join dialog (its modal part replaced: filled in and joined here) →
    the trainee window of the seat joined."""

    def ask(
        parent: object, plan: Plan, plan_text: str, address: str = "", *, browse: bool = True
    ) -> JoinResult | None:
        assert address == "" and browse  # nothing typed yet; the network is searched
        dialog = attempt(qtbot, plan, room.address, "towngas", CODE)
        return dialog.result_

    monkeypatch.setattr(JoinDialog, "ask", staticmethod(ask))
    monkeypatch.setattr("drill_app.ui.trainee.launch.seat_folder", lambda e, u, b: tmp_path / u)
    button = started_window.start_page.join_button
    assert button.text() == "加入演练…"
    button.click()
    assert len(started_window.trainee_windows) == 1
    trainee = started_window.trainee_windows[0]
    assert isinstance(trainee, TraineeWindow) and trainee.isVisible()
    assert (trainee.width(), trainee.height()) == (1366, 768)
    qtbot.waitUntil(lambda: trainee.connection_label.text() == "在线", timeout=10_000)
    trainee.close()  # closed: let go (a day of drills does not pile up windows)
    qtbot.waitUntil(lambda: not started_window.trainee_windows)


def test_drill_app_join_fills_in_the_address_and_ends_quietly_when_cancelled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def ask(
        parent: object, plan: Plan, plan_text: str, address: str = "", *, browse: bool = True
    ) -> JoinResult | None:
        asked.append(address)
        return None

    monkeypatch.setattr(JoinDialog, "ask", staticmethod(ask))
    assert main(["--lang", "zh_CN", "join", "192.168.1.20:47615"]) == 0
    assert asked == ["192.168.1.20:47615"]


def test_a_seat_freed_by_the_controller_is_told_so(
    qtbot: QtBot, room: Room, plan: Plan, tmp_path: Path, chinese: None
) -> None:
    window = join(qtbot, room, plan, tmp_path / "seats")
    room.thread.call(lambda: room.service.free_seat("towngas"))
    # The connection may first be seen dropped (offline) before the host's reason arrives.
    qtbot.waitUntil(
        lambda: (
            window.banner.isVisible() and window.banner.text() == "导调人员已释放本席位：请重新加入"
        ),
        timeout=5000,
    )
    window.close()


def test_after_the_code_is_changed_the_banner_offers_to_join_again_with_the_new_one(
    qtbot: QtBot,
    room: Room,
    plan: Plan,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    chinese: None,
) -> None:
    """The controller makes a new join code: the seat is let go, its banner says why and
    offers 重新加入…, which asks at the same host again and opens a new window."""
    from drill_app.ui.trainee import launch

    codes = [CODE]
    asked: list[str] = []

    def ask(
        parent: object, plan: Plan, plan_text: str, address: str = "", *, browse: bool = True
    ) -> JoinResult | None:
        asked.append(address)
        return attempt(qtbot, plan, room.address, "towngas", codes[-1]).result_

    monkeypatch.setattr(JoinDialog, "ask", staticmethod(ask))
    monkeypatch.setattr(launch, "seat_folder", lambda e, u, b: tmp_path / u)
    first = launch.join_room(None, plan, PLAN_TEXT, room.address)
    assert first is not None
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.connection_label.text() == "在线", timeout=10_000)
    assert not first.rejoin_button.isVisible()

    codes.append(room.thread.call(lambda: room.service.rotate_code()))
    qtbot.waitUntil(lambda: first.rejoin_button.isVisible(), timeout=5000)
    assert first.rejoin_button.text() == "重新加入…"
    first.rejoin_button.click()
    assert asked == [room.address, room.address]
    assert not first.isVisible()
    assert len(launch._REJOINED) == 1
    again = next(iter(launch._REJOINED))
    qtbot.waitUntil(lambda: again.connection_label.text() == "在线", timeout=10_000)
    again.close()
    qtbot.waitUntil(lambda: not launch._REJOINED)
