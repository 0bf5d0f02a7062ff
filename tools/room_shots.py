"""The training-room shot of tools/screenshots.py: the host panel of a hosted drill.

A console hosts a running exercise (on this machine's addresses, the usual port or any),
four workstations join it as seats (real ``SeatClient``s on loopback) and one files its
phone report; the window is shot with the 培训教室 tab open at 1366×768.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

SEATS = (("emergency", "李明"), ("police", "王伟"), ("fire", "赵磊"), ("towngas", "孙浩"))


def shoot_room(app: Any, plan_path: Path, out: Path, window_size: tuple[int, int]) -> bool:
    from screenshots import _wait, write

    from drill_app.net.client import JoinRequest, SeatClient
    from drill_app.paths import SCENARIOS_DIR
    from drill_app.store.store import NewExercise, SeatInfo
    from drill_app.ui.main_window import MainWindow
    from drill_app.ui.shared.i18n import install_translators, remove_translators
    from drill_app.ui.shared.settings import AppSettings

    translators = install_translators(app, "zh_CN")
    clients: list[SeatClient] = []
    try:
        with tempfile.TemporaryDirectory(prefix="drill-shots-") as scratch:
            folder = Path(scratch)
            window = MainWindow(
                plan_path,
                "zh_CN",
                f"sqlite:///{folder / 'drills.sqlite3'}",
                AppSettings.in_file(folder / "settings.ini"),
                folder / "mine",
            )
            window.resize(*window_size)
            window.show()
            if not window.start() or not _wait(app, lambda: window.start_page.data is not None):
                return False
            assert window.archive is not None
            scenario = SCENARIOS_DIR / "a-shanhai-explosion.yaml"
            window.archive.create_exercise(
                NewExercise(
                    title="山海社区燃气爆炸桌面推演",
                    plan_text=plan_path.read_text(encoding="utf-8"),
                    scenario_text=scenario.read_text(encoding="utf-8"),
                    held_on=dt.date.today(),
                    location="区应急指挥中心培训教室",
                    controller="孙立",
                    seats=tuple(SeatInfo(u, n) for u, n in SEATS),
                )
            )
            if not _wait(app, lambda: window.exercise_view is not None):
                return False
            view = window.exercise_view
            assert view is not None and window.session is not None
            window.session.send("exercise_started", actor="controller")
            panel = view.host_panel
            panel.announce = False
            view.tabs.setCurrentWidget(panel)
            panel.start_hosting()
            if not _wait(app, lambda: panel.hosting):
                return False
            assert panel.hosted is not None
            address = f"127.0.0.1:{panel.hosted.port}"
            for n, (unit, name) in enumerate(SEATS[:3]):
                request = JoinRequest(address, panel.code_label.text(), "seat", unit, name)
                clients.append(SeatClient(request, folder / f"seat-{n}").start())
            _wait(app, lambda: all(c.status == "online" for c in clients))
            clients[0].submit(
                "report_submitted",
                {"report_kind": "phone", "recipients": ["district_government"]},
            )
            _wait(app, lambda: len(window.session.events) >= 2)  # type: ignore[union-attr]
            time.sleep(2.5)  # the host pings each seat every 2 s: round trips are shown
            _wait(app, lambda: all(panel.model.cell(r, 4) != "—" for r in range(3)), 5.0)
            panel.table.selectRow(1)
            app.processEvents()
            ok = write(window, out / "host-panel.png")
            for client in clients:
                client.stop()
            clients.clear()
            window.close()
            window.deleteLater()
            app.processEvents()
            return ok
    finally:
        for client in clients:
            client.stop()
        remove_translators(app, translators)
