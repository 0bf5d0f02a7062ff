#!/usr/bin/env python3
"""Save screenshots of every window and dialog to docs/screenshots/ (offscreen, no display).

    .venv/bin/python tools/screenshots.py [--plan PATH] [--out DIR]

All at a 1366×768 laptop's size, in the Chinese interface (the default for our users):
the start page (a database with a few exercises, the last drill overdue) and the
new-exercise dialog; a drill of scenario A in progress with its dialogs (about, ad-hoc
inject, void), the evaluation tab, the board window and the act-as-unit form; its score
view's tabs and the after-action report's print preview; each built-in scenario running;
the plan browser section by section, and one English shot.

Adding a shot is one function: ``shot_<what>(app, window)`` shows its window or dialog
and returns what to grab; list it with its file name in DURING_THE_DRILL (the running
exercise) or AFTER_THE_DRILL (the score view). Needs a CJK font (Debian: fonts-noto-cjk),
or Chinese shows as boxes.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# (file name, language, section key, table key to select a row in, row to select)
SHOTS: tuple[tuple[str, str, str, str, int], ...] = (
    ("plan-browser-units.png", "zh_CN", "units", "units", 5),
    ("plan-browser-levels.png", "zh_CN", "levels", "level_bands", 2),
    ("plan-browser-warnings.png", "zh_CN", "warnings", "warning_colours", 1),
    ("plan-browser-reporting.png", "zh_CN", "reporting", "report_obligations", 0),
    ("plan-browser-overview.png", "zh_CN", "overview", "command", 2),
    ("plan-browser-units-en.png", "en", "units", "units", 5),
)
# A maximised window on a 1366×768 laptop screen (less the title bar): what most
# controllers have; nothing may be cut off at this size.
WINDOW_SIZE = (1366, 728)
DIALOG_SIZE = (1000, 620)
PARTICIPANTS = ("张强", "李明", "王伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏")


def write(widget: object, target: Path) -> bool:
    if not widget.grab().save(str(target)):  # type: ignore[attr-defined]
        print(f"could not write {target}", file=sys.stderr)
        return False
    print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return True


def seed_archive(url: str, plan_path: Path) -> None:
    """Exercises of an office that has not drilled for over two years (§9.3: overdue)."""
    import datetime as dt

    from drill_app.core.scoring import load_scoring_rules
    from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR
    from drill_app.store.store import NewExercise, SeatInfo, Store

    today = dt.date.today()
    rules = load_scoring_rules(DEFAULT_SCORING)
    plan_text = plan_path.read_text(encoding="utf-8")
    exercises = (
        ("a-shanhai-explosion.yaml", "2023年山海社区燃气爆炸桌面推演", 1100, "ended"),
        ("c-lpg-leak.yaml", "2024年液化石油气充装站泄漏桌面推演", 850, "ended"),
        ("b-winter-shortage.yaml", "寒潮保供压减供气桌面推演", 0, "running"),
        ("d-abandoned-supply.yaml", "玖玺珑茂社区弃供事件推演（准备中）", -14, "planned"),
    )
    with Store.open(url) as store:
        for file_name, title, days_ago, state in exercises:
            exercise_id = store.create_exercise(
                NewExercise(
                    title=title,
                    plan_text=plan_text,
                    scenario_text=(SCENARIOS_DIR / file_name).read_text(encoding="utf-8"),
                    held_on=today - dt.timedelta(days=days_ago),
                    location="区应急指挥中心",
                    controller="孙立",
                    seats=(SeatInfo("housing", "张强"), SeatInfo("emergency", "李明")),
                )
            )
            if state == "planned":
                continue
            exercise = store.load_exercise(exercise_id, rules)
            exercise.submit("exercise_started", actor="controller")
            if state == "ended":
                exercise.submit("exercise_ended", actor="controller")
                store.add_improvement(
                    exercise_id=exercise_id,
                    issue="医疗救护组启动不及时",
                    action="明确医疗救护组启动条件并组织专项培训",
                    element="organisation",
                    owner_unit="health",
                    due_date=today + dt.timedelta(days=60),
                )


def shoot_console(app: object, plan_path: Path, out: Path) -> bool:
    """The start page and the new-exercise dialog, in Chinese."""
    import tempfile

    from PySide6.QtCore import QEventLoop, QTimer

    from drill_app.ui.main_window import MainWindow
    from drill_app.ui.shared.i18n import install_translators, remove_translators
    from drill_app.ui.shared.settings import AppSettings
    from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog

    translators = install_translators(app, "zh_CN")  # type: ignore[arg-type]
    try:
        with tempfile.TemporaryDirectory(prefix="drill-shots-") as scratch:
            folder = Path(scratch)
            url = f"sqlite:///{folder / 'drills.sqlite3'}"
            seed_archive(url, plan_path)
            window = MainWindow(
                plan_path,
                "zh_CN",
                url,
                AppSettings.in_file(folder / "settings.ini"),
                folder / "我的情景",
            )
            window.resize(*WINDOW_SIZE)
            window.show()
            loop = QEventLoop()
            window.start_page_populated.connect(loop.quit)
            QTimer.singleShot(30_000, loop.quit)
            if not window.start():
                return False
            loop.exec()
            page = window.start_page
            running = [x for x in page.data.exercises if x.status == "running"] if page.data else []
            if running:
                page.select_exercise(running[0].id)
            app.processEvents()  # type: ignore[attr-defined]
            ok = write(window, out / "start-page.png")

            assert window.plan is not None
            dialog = NewExerciseDialog(
                window.plan,
                plan_path.read_text(encoding="utf-8"),
                page.valid_scenarios(),
                page.selected_scenario_path(),
                parent=window,
            )
            dialog.resize(*DIALOG_SIZE)
            model = dialog.seat_model
            for row, name in enumerate(PARTICIPANTS):
                model.setData(model.index(row, 1), name)
            dialog.controller_edit.setText("孙立")
            dialog.evaluators_edit.setText("郑洁、冯涛")
            dialog.speed_combo.setCurrentIndex(1)
            dialog.show()
            app.processEvents()  # type: ignore[attr-defined]
            ok = write(dialog, out / "new-exercise.png") and ok
            dialog.close()
            window.close()
            window.deleteLater()
            app.processEvents()  # type: ignore[attr-defined]
            return ok
    finally:
        remove_translators(app, translators)  # type: ignore[arg-type]


def _wait(app: object, condition: object, seconds: float = 20.0) -> bool:
    """Process events until *condition()* holds (or the time is up)."""
    import time

    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            return False
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.01)
    return True


NAMES = (*PARTICIPANTS, "周敏", "吴刚", "郑洁", "冯涛", "陈晨", "刘洋", "许静")
START = 1_780_000_000.0


def open_console(app: Any, plan_path: Path, folder: Path, clock: list[float]) -> Any:
    """The main window on a fresh database in *folder*, its wall clock read from *clock*."""
    from drill_app.ui.main_window import MainWindow
    from drill_app.ui.shared.settings import AppSettings

    window = MainWindow(
        plan_path,
        "zh_CN",
        f"sqlite:///{folder / 'drills.sqlite3'}",
        AppSettings.in_file(folder / "settings.ini"),
        folder / "mine",
        wall_clock=lambda: clock[0],
    )
    window.resize(*WINDOW_SIZE)
    window.show()
    if not window.start() or not _wait(app, lambda: window.start_page.data is not None):
        raise RuntimeError("the console did not start")
    return window


def create_exercise(app: Any, window: Any, plan_path: Path, scenario: Path, title: str) -> Any:
    """Create and open an exercise of *scenario*, every seat with a participant."""
    import datetime as dt

    from drill_app.core.scenario import load_scenario
    from drill_app.store.store import NewExercise, SeatInfo

    assert window.archive is not None and window.plan is not None
    seats = load_scenario(window.plan, scenario).seats
    window.archive.create_exercise(
        NewExercise(
            title=title,
            plan_text=plan_path.read_text(encoding="utf-8"),
            scenario_text=scenario.read_text(encoding="utf-8"),
            held_on=dt.date(2026, 11, 28),
            location="区应急指挥中心",
            controller="孙立",
            evaluators=("郑洁", "冯涛"),
            seats=tuple(SeatInfo(u, n) for u, n in zip(seats, NAMES, strict=False)),
        )
    )
    if not _wait(app, lambda: window.session is not None):
        raise RuntimeError("the exercise did not open")
    return window.session


def sender(app: Any, session: Any, clock: list[float]) -> Any:
    """``act(minute, kind, payload, **kw)``: record one command at a scenario minute."""

    def act(minute: float, kind: str, payload: dict | None = None, **kw: object) -> None:
        clock[0] = START + minute * 60
        count = len(session.events)
        session.send(kind, payload or {}, **kw)
        _wait(app, lambda: len(session.events) > count)

    return act


def shoot_scenarios(app: Any, plan_path: Path, out: Path) -> bool:
    """Each built-in scenario running at its 20th minute: every unit on the board."""
    from drill_app.paths import SCENARIOS_DIR

    scenarios = sorted(SCENARIOS_DIR.glob("*.yaml"))
    shot = [shoot_scenario(app, plan_path, out, scenario) for scenario in scenarios]
    return all(shot)  # every scenario shot, even after one failed


def shoot_scenario(app: Any, plan_path: Path, out: Path, scenario: Path) -> bool:
    """*scenario* started, its injects due by minute 20 released (as a controller would)."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="drill-shots-") as scratch:
        clock = [START]
        window = open_console(app, plan_path, Path(scratch), clock)
        session = create_exercise(app, window, plan_path, scenario, "桌面推演")
        sender(app, session, clock)(0, "exercise_started", actor="controller")
        clock[0] = START + 20 * 60
        _wait(app, lambda: False, 0.5)
        msel = window.exercise_view.msel_panel
        msel.release_all_due()
        _wait(app, lambda: not msel.model.due_injects(), 10)
        _wait(app, lambda: False, 1.2)  # one refresh of the board
        ok = write(window, out / f"exercise-{scenario.stem}.png")
        window.close()
        window.deleteLater()
        app.processEvents()
        return ok


def shoot_drill(app: Any, plan_path: Path, out: Path) -> bool:
    """A drill in progress (clock, MSEL, status board, event log), the act-as-unit form,
    and the score view after the end, in Chinese, driven with a controlled clock."""
    import tempfile

    from drill_app.paths import SCENARIOS_DIR

    clock = [START]
    with tempfile.TemporaryDirectory(prefix="drill-shots-") as scratch:
        window = open_console(app, plan_path, Path(scratch), clock)
        session = create_exercise(
            app,
            window,
            plan_path,
            SCENARIOS_DIR / "a-shanhai-explosion.yaml",
            "山海社区燃气爆炸桌面推演",
        )
        act = sender(app, session, clock)
        from drill_app.core.exercise import inject_payload

        injects = session.scenario.injects_by_id
        act(0, "exercise_started", actor="controller")
        for minute, inject in (
            (0, "i01_hotline"),
            (3, "i02_119"),
            (5, "i03_gas_company_report"),
            (10, "i04_environment"),
        ):
            act(minute, "inject_delivered", inject_payload(injects[inject]), actor="controller")
        act(2, "step_taken", {"step": "cordon"}, actor="seat", unit="towngas")
        act(8, "group_activated", {"group": "public_order"}, actor="seat", unit="police")
        act(
            12,
            "report_submitted",
            {"report_kind": "phone", "recipients": ["district_government"]},
            actor="seat",
            unit="emergency",
        )
        act(14, "level_determined", {"level": "IV"}, actor="seat", unit="housing")
        act(15, "group_activated", {"group": "rescue"}, actor="seat", unit="housing")
        clock[0] = START + 23 * 60  # a minute after which deadlines are near or past
        _wait(app, lambda: False, 1.2)  # one refresh of the board
        ok = shoot_each(app, out, DURING_THE_DRILL, window)

        act(
            32,
            "report_submitted",
            {"report_kind": "phone", "recipients": ["district_government"]},
            actor="seat",
            unit="housing",
        )
        act(40, "group_activated", {"group": "medical"}, actor="seat", unit="health")
        act(60, "exercise_ended", actor="controller")
        _wait(app, lambda: window.stack.currentWidget() is window.score_page)
        _wait(app, lambda: False, 1.0)
        ok = write(window, out / "score-view.png") and ok
        ok = shoot_each(app, out, AFTER_THE_DRILL, window) and ok
        window.close()
        window.deleteLater()
        app.processEvents()  # type: ignore[attr-defined]
        return ok


# --- one function per shot: each shows its window or dialog, returns what to grab --------


def shot_about(app: object, window: Any) -> Any:
    from drill_app.ui.about_dialog import AboutDialog

    return AboutDialog(window, window.plan.identity.title, "sqlite:///drills.sqlite3")


def shot_adhoc_inject(app: object, window: Any) -> Any:
    from drill_app.ui.exercise.adhoc_inject_dialog import AdhocInjectDialog

    dialog = AdhocInjectDialog(window.session, window)
    dialog.title_edit.setText("群众反映现场附近仍有燃气味")
    dialog.text_edit.setPlainText("3号楼东侧居民拨打12345，称楼道内仍能闻到燃气味。")
    dialog.set_recipients(["towngas", "street"])
    return dialog


def shot_void(app: object, window: Any) -> Any:
    feed = window.exercise_view.event_feed
    last = feed.proxy.rowCount() - 1
    for row in range(last, -1, -1):  # the latest unit entry
        feed.view.selectRow(row)
        if feed.void_button.isEnabled():
            break
    feed.ask_void()
    feed.void_dialog.reason.setText("误将公安分局的操作记在住建局名下")
    return feed.void_dialog


def shot_console(app: object, window: Any) -> Any:
    return window


def shot_evaluation(app: object, window: Any) -> Any:
    window.exercise_view.tabs.setCurrentIndex(2)
    return window


def shot_board_window(app: Any, window: Any) -> Any:
    from drill_app.ui.exercise.board_window import StatusBoardWindow

    window.projector.show_board_window()
    board = window.exercise_view.findChild(StatusBoardWindow)
    board.resize(*WINDOW_SIZE)
    return board


def shot_act_as_unit(app: object, window: Any) -> Any:
    view = window.exercise_view
    view.tabs.setCurrentIndex(view.act_tab)
    view.act_panel.set_unit("housing")
    view.act_panel.report_page.form.set_report_kind("written")
    return window


def score_tab(index: int) -> Any:
    def shot(app: object, window: Any) -> Any:
        window.score_view.tabs.setCurrentIndex(index)
        return window

    return shot


DURING_THE_DRILL: tuple[tuple[str, Any], ...] = (
    ("exercise-running.png", shot_console),
    ("about.png", shot_about),
    ("adhoc-inject.png", shot_adhoc_inject),
    ("void-entry.png", shot_void),
    ("evaluation.png", shot_evaluation),
    ("status-board-window.png", shot_board_window),
    ("act-as-unit.png", shot_act_as_unit),
)


def shot_print_preview(app: Any, window: Any) -> Any:
    """The after-action report's print preview, as the documents panel opens it."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from drill_app.ui.score.documents import DocumentsPanel

    shown: list[Any] = []

    def preview(cls: object, parent: Any, title: str, paint: Any) -> None:
        dialog = QPrintPreviewDialog(parent)
        dialog.setWindowTitle(title)
        dialog.paintRequested.connect(paint)
        dialog.resize(900, WINDOW_SIZE[1])
        shown.append(dialog)

    panel = window.score_view.documents
    original = DocumentsPanel.__dict__["show_preview"]
    DocumentsPanel.show_preview = classmethod(preview)  # type: ignore[method-assign,assignment]
    try:
        panel.buttons[("aar", "preview")].click()
        _wait(app, lambda: bool(shown), 60)
    finally:
        DocumentsPanel.show_preview = original  # type: ignore[method-assign]
    return shown[0]


AFTER_THE_DRILL: tuple[tuple[str, Any], ...] = (
    ("score-ratings.png", score_tab(1)),
    ("score-findings.png", score_tab(2)),
    ("score-improvements.png", score_tab(3)),
    ("print-preview.png", shot_print_preview),
)


def shoot_each(app: Any, out: Path, shots: tuple[tuple[str, Any], ...], window: Any) -> bool:
    """Take each shot: show what its function returns, grab it, close it if a dialog."""
    ok = True
    for file_name, shoot in shots:
        shown = shoot(app, window)
        if shown is not window:
            shown.show()
        app.processEvents()
        ok = write(shown, out / file_name) and ok
        if shown is not window:
            shown.close()
    return ok


def laptop_screen_config() -> Path:
    """A configuration of Qt's offscreen platform with one 1366×768 screen, so that every
    window is sized as on the laptop (windows fit their screen's available area)."""
    import json
    import tempfile

    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}
    config = Path(tempfile.mkdtemp(prefix="drill-shots-")) / "laptop.json"
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    return config


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    if "QT_QPA_PLATFORM" not in os.environ:  # offscreen, on a laptop's 1366×768 screen
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={laptop_screen_config()}"

    from PySide6.QtWidgets import QApplication

    from drill_app.core.plan import load_plan
    from drill_app.paths import DEFAULT_PLAN
    from drill_app.ui.plan.plan_browser import PlanBrowserWindow
    from drill_app.ui.shared.i18n import install_translators, interface_font, remove_translators

    parser = argparse.ArgumentParser(description="Save plan browser screenshots.")
    parser.add_argument("--plan", type=Path, default=DEFAULT_PLAN)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)

    app = QApplication([sys.argv[0]])
    app.setApplicationName("drill-app")
    app.setOrganizationName("drill-app")
    app.setFont(interface_font(app.font()))
    plan = load_plan(args.plan)
    args.out.mkdir(parents=True, exist_ok=True)
    if not shoot_console(app, args.plan, args.out):
        return 1
    translators = install_translators(app, "zh_CN")
    try:
        if not all(shoot(app, args.plan, args.out) for shoot in (shoot_drill, shoot_scenarios)):
            return 1
    finally:
        remove_translators(app, translators)
    from room_shots import shoot_room
    from screenshot_trainee import shoot_trainee  # tools/ (the folder of this script)

    if not shoot_trainee(app, args.plan, args.out, write):
        return 1
    if not shoot_room(app, args.plan, args.out, WINDOW_SIZE):
        return 1

    for file_name, language, section_key, table_key, row in SHOTS:
        translators = install_translators(app, language)
        try:
            window = PlanBrowserWindow(plan, args.plan, language)
            window.resize(*WINDOW_SIZE)
            window.show()
            window.show_section(section_key)
            window.current_section().table(table_key).select_row(row)
            app.processEvents()
            if not write(window, args.out / file_name):
                return 1
            window.close()
            window.deleteLater()
            app.processEvents()
        finally:
            remove_translators(app, translators)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
