#!/usr/bin/env python3
"""Save screenshots of the interface to docs/screenshots/ (offscreen, no display needed).

    .venv/bin/python tools/screenshots.py [--plan PATH] [--out DIR]

Shoots the Chinese interface (the default for our users): the start page (on a temporary
database with a few exercises, the last drill held long enough ago to be overdue) and the
new-exercise dialog, then the plan browser section by section, and one English shot.
Needs a CJK font (Debian: fonts-noto-cjk), or Chinese shows as boxes.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

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
WINDOW_SIZE = (1280, 800)
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
            exercise = store.new_exercise(exercise_id, rules)
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

    from drill_app.ui.i18n import install_translators, remove_translators
    from drill_app.ui.main_window import MainWindow
    from drill_app.ui.new_exercise_dialog import NewExerciseDialog
    from drill_app.ui.settings import AppSettings

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


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from drill_app.core.plan import load_plan
    from drill_app.paths import DEFAULT_PLAN
    from drill_app.ui.i18n import install_translators, interface_font, remove_translators
    from drill_app.ui.plan_browser import PlanBrowserWindow

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
