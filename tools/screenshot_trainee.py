"""The trainee window's screenshot (docs/screenshots/trainee-window.png), for tools/screenshots.py.

A real host on loopback (a temporary SQLite database, the built-in Shanhai explosion
scenario, deadlines shown to trainees), the district housing bureau's seat joined through
the join dialog, the clock moved on to minute 75, one report sent and recorded, one
message read: at 1366×768, in Chinese.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZE = (1366, 768)
CODE = "K7M2QX"


def _wait(app: Any, condition: Callable[[], object], seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.01)
    return True


def _delivered(store: Any, exercise_id: str, inject: str) -> bool:
    events = store.events(exercise_id)
    return any(e.kind == "inject_delivered" and e.payload.get("inject") == inject for e in events)


def shoot_trainee(app: Any, plan_path: Path, out: Path, write: Callable[[Any, Path], bool]) -> bool:
    from drill_app.core.plan import load_plan
    from drill_app.core.scoring import load_scoring_rules
    from drill_app.net.connection import HostOptions
    from drill_app.net.host import HostService
    from drill_app.net.host_thread import HostThread
    from drill_app.paths import DEFAULT_SCORING, SCENARIOS_DIR
    from drill_app.store.store import NewExercise, SeatInfo, Store
    from drill_app.ui.shared.i18n import install_translators, remove_translators
    from drill_app.ui.start.join_dialog import JoinDialog
    from drill_app.ui.trainee.launch import open_trainee_window

    translators = install_translators(app, "zh_CN")
    folder = Path(tempfile.mkdtemp(prefix="drill-trainee-shot-"))
    store = Store.open(f"sqlite:///{folder / 'host.sqlite3'}")
    plan_text = plan_path.read_text(encoding="utf-8")
    scenario = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
    exercise_id = store.create_exercise(
        NewExercise(
            title="2026年山海社区燃气爆炸桌面推演",
            plan_text=plan_text,
            scenario_text=scenario.read_text(encoding="utf-8"),
            held_on=dt.date.today(),
            seats=(SeatInfo("housing", "李明"),),
            options={"show_deadlines": True, "clock_speed": 1},
        )
    )
    rules = load_scoring_rules(DEFAULT_SCORING)
    thread = HostThread(
        HostService(store, exercise_id, rules, HostOptions(code=CODE, end_at_duration=False))
    )
    address = thread.start()
    window = None
    try:
        thread.control("exercise_started")
        for minute, inject in ((5, "i03_gas_company_report"), (41, "i05_bodies_found")):
            thread.control("clock_jumped", {"to_seconds": minute * 60})
            _wait(app, lambda i=inject: _delivered(store, exercise_id, i))
        thread.control("clock_jumped", {"to_seconds": 75 * 60})
        plan = load_plan(plan_path)
        dialog = JoinDialog(plan, plan_text, address, browse=False)
        dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("housing"))
        dialog.name_edit.setText("李明")
        dialog.code_edit.setText(CODE)
        dialog.try_join()
        if not _wait(app, lambda: dialog.result_ is not None):
            print("the trainee could not join the host", flush=True)
            return False
        assert dialog.result_ is not None
        window = open_trainee_window(dialog.result_, plan, folder / "seats")
        dialog.deleteLater()
        window.resize(*SIZE)
        window.show()
        if not _wait(app, lambda: window.inbox.rowCount() >= 3):
            print("the injects did not arrive", flush=True)
            return False
        report = window.pages[0]
        form = report.form  # type: ignore[attr-defined]
        form.set_report_kind("phone")
        form.set_text("place", "姚家街道山海社区3号居民楼2单元")
        form.set_text("course", "9时02分居民家中燃气爆炸，楼体局部受损，港华燃气已关阀。")
        report.send_button.click()  # type: ignore[attr-defined]
        _wait(app, lambda: "已记录" in str(window.sent_log.data(window.sent_log.index(0, 1))))
        form.set_report_kind("written")
        form.set_text("place", "姚家街道山海社区3号居民楼2单元")
        window.inbox_view.selectRow(window.inbox.rowCount() - 1)
        window.actions_view.setFocus()
        app.processEvents()
        window.repaint()
        return write(window, out / "trainee-window.png")
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
        thread.stop()
        store.close()
        app.processEvents()
        remove_translators(app, translators)
