"""A whole short drill through the windows, offscreen, as a controller clicks it.

Create the exercise from the start page, start the clock, release injects from the
MSEL, file a late phone report and an on-time written one in the act-as-unit panel,
activate groups, determine a wrong level, end the exercise; the score view then shows
exactly the engine's lines, and the database holds exactly what was shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from drilling import all_cells, click, expected_cells, open_page, type_text
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.exercise.clock_bar import ClockBarWidget
from drill_app.ui.exercise.exercise_view import ExerciseView
from drill_app.ui.main_window import MainWindow
from drill_app.ui.score.score_view import ScoreView
from drill_app.ui.shared.settings import AppSettings
from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog
from drill_app.wording.language import install_translators, remove_translators

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
START = 1_780_000_000.0  # a fixed wall-clock start


class FakeWall:
    """The wall clock of the whole app (archive thread and windows) under test control."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now

    def at_minute(self, minute: float) -> None:
        self.now = START + minute * 60


@pytest.fixture
def window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> Iterator[tuple[MainWindow, FakeWall, str]]:
    translators = install_translators(qapp, "zh_CN")
    wall = FakeWall()
    url = f"sqlite:///{tmp_path / 'drills.sqlite3'}"
    main = MainWindow(
        db_url=url,
        settings=AppSettings.in_file(tmp_path / "settings.ini"),
        user_scenarios=tmp_path / "mine",
        wall_clock=wall,
    )
    main.resize(1600, 1000)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.start_page_populated, timeout=20_000):
        assert main.start()
    yield main, wall, url
    main.close()
    main.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    remove_translators(qapp, translators)


def new_exercise() -> object:
    from drill_app.store.store import NewExercise, SeatInfo

    return NewExercise(
        title="山海社区燃气爆炸桌面推演",
        plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
        scenario_text=SCENARIO.read_text(encoding="utf-8"),
        held_on=dt.date(2026, 11, 28),
        location="区应急指挥中心",
        controller="孙立",
        evaluators=("郑洁",),
        seats=(
            SeatInfo("housing", "张强"),
            SeatInfo("emergency", "李明"),
            SeatInfo("health", "王芳"),
        ),
        options={"show_deadlines": True, "clock_speed": 1},
    )


def test_a_whole_drill_through_the_windows(
    qtbot: QtBot, window: tuple[MainWindow, FakeWall, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    main, wall, url = window
    monkeypatch.setattr(NewExerciseDialog, "ask", classmethod(lambda cls, *a, **kw: new_exercise()))
    monkeypatch.setattr(ClockBarWidget, "confirm_end", classmethod(lambda cls, parent: True))
    session_events = lambda: len(main.session.events) if main.session else 0  # noqa: E731

    # the start page: select the scenario, 新建演练
    main.start_page.select_scenario(SCENARIO)
    with qtbot.waitSignal(main.exercise_shown, timeout=20_000) as shown:
        click(qtbot, main.start_page.new_button)
    exercise_id = shown.args[0]
    view = main.exercise_page.currentWidget()
    assert isinstance(view, ExerciseView)
    session = main.session
    assert session is not None

    def wait_events(count: int) -> None:
        qtbot.waitUntil(lambda: session_events() >= count, timeout=20_000)

    # 开始 at minute 0
    wall.at_minute(0)
    click(qtbot, view.clock_bar.start_button)
    wait_events(1)
    assert view.clock_bar.time_label.text() == "00:00:00"

    # the MSEL: the hotline inject is due now; release it, then the next two at minute 5
    msel = view.msel_panel
    msel.select_inject("i01_hotline")
    click(qtbot, msel.release_button)
    wait_events(2)
    wall.at_minute(5)
    qtbot.waitUntil(lambda: msel.release_due_button.isEnabled(), timeout=5_000)
    click(qtbot, msel.release_due_button)  # i02_119 (minute 3) and i03 (minute 5)
    wait_events(4)
    released = [e.payload["inject"] for e in session.events if e.kind == "inject_delivered"]
    assert released == ["i01_hotline", "i02_119", "i03_gas_company_report"]

    # act as 区住建局: a phone report at minute 32 (learnt at 5, due at 25: 7 minutes late)
    view.tabs.setCurrentIndex(1)
    panel = view.act_panel
    wall.at_minute(32)
    panel.set_unit("housing")
    page = panel.report_page
    open_page(qtbot, panel, page)
    page.form.set_report_kind("phone")  # the plan's recipients come ticked (§4.1.2)
    type_text(qtbot, page.form.text_inputs["place"], "山海社区3号楼")
    click(qtbot, page.send_button)
    wait_events(5)

    # minute 40: i05 tells 区住建局 of 2 deaths (level IV, casualties); then an on-time
    # written report with every §4.1.3 item
    wall.at_minute(40)
    view.tabs.setCurrentIndex(0)
    msel.select_inject("i05_bodies_found")
    click(qtbot, msel.release_button)
    wait_events(6)
    view.tabs.setCurrentIndex(1)
    page.form.set_report_kind("written")
    for item, widget in page.form.text_inputs.items():
        type_text(qtbot, widget, f"{item}已填写")
    page.form.set_initial_level("IV")
    click(qtbot, page.send_button)
    wait_events(7)

    # groups, activated by the district HQ's seat (区住建局, §5.3.1): medical (due from 40),
    # rescue (due from 5: late)
    groups = panel.groups_page
    open_page(qtbot, panel, groups)
    groups.select_group("medical")
    click(qtbot, groups.activate_button)
    wait_events(8)
    groups.select_group("rescue")
    click(qtbot, groups.activate_button)
    wait_events(9)

    # a wrong level: III while the facts 区住建局 was told (2 deaths) give IV
    level = panel.level_page
    open_page(qtbot, panel, level)
    level.level_combo.setCurrentIndex(level.level_combo.findData("III"))
    click(qtbot, level.button)
    wait_events(10)

    # 结束演练 at minute 60: the score view follows
    wall.at_minute(60)
    click(qtbot, view.clock_bar.end_button)
    qtbot.waitUntil(lambda: main.stack.currentWidget() is main.score_page, timeout=20_000)
    score = main.score_view
    assert isinstance(score, ScoreView)

    sheet = session.score()
    lines = {line.id: line for line in sheet.lines}
    phone = lines["phone_report:housing"]
    assert (phone.status, phone.due_at, phone.done_at, phone.minutes_late) == (
        "late",
        1500.0,
        1920.0,
        7,
    )
    written = lines["written_report:housing"]
    assert (written.status, written.done_at) == ("met", 2400.0)
    assert lines["report_content:housing"].status == "met"
    assert (lines["group:medical"].status, lines["group:rescue"].status) == ("met", "late")
    assert (lines["level:IV"].status, lines["level:IV"].detail) == (
        "wrong",
        "判定为III级，依据事实应为IV级",
    )

    class _Drill:  # what expected_cells needs of the drill fixture of test_score_view
        def __init__(self) -> None:
            self.session = session

    assert all_cells(score.lines_tab.lines) == [
        expected_cells(_Drill(), line) for line in sheet.lines
    ]  # type: ignore[arg-type]

    # the database holds exactly what the windows showed, and it is ended
    from drill_app.store.store import Store

    with Store.open(url) as store:
        stored = store.events(exercise_id)
        assert store.exercise(exercise_id).summary.status == "ended"
        assert store.verify(exercise_id).ok
    assert [e.id for e in stored] == [e.id for e in session.events]
    kinds = [e.kind for e in stored]
    assert kinds == [
        "exercise_started",
        "inject_delivered",
        "inject_delivered",
        "inject_delivered",
        "report_submitted",
        "inject_delivered",
        "report_submitted",
        "group_activated",
        "group_activated",
        "level_determined",
        "exercise_ended",
    ]
