"""Helpers of the drill tests (act panel, report form, evaluator, findings, score view,
documents): a drill on a real Archive and SQLite file with a wall clock the test moves,
recording events as the controller or through the GUI, typing and clicking as a user
does, and reading back what the score view and the PDFs show.

The ``drill``, ``panel`` and ``view`` fixtures made of them are in tests/ui/conftest.py.
A plain module, not a test file: pytest puts tests/ui on sys.path, so tests import it as
``drilling``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdf
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from drill_app.core.events import Actor, Event, ReportFields
from drill_app.core.scoring import Line
from drill_app.paths import SCENARIOS_DIR
from drill_app.ui.act.act_panel import ActAsUnitPanel
from drill_app.ui.score.score_view import ScoreView
from drill_app.ui.session import Archive, ExerciseSession
from drill_app.wording.clock import clock_text

SCENARIO = SCENARIOS_DIR / "a-shanhai-explosion.yaml"


EMPTY_FIELDS = ReportFields().model_dump()


START_WALL = 1_800_000_000.0


class WallClock:
    """The host's wall clock, moved by the test (read by the archive thread too)."""

    def __init__(self) -> None:
        self.now = START_WALL

    def __call__(self) -> float:
        return self.now

    def at_minute(self, minute: float) -> None:
        """Scenario time = wall time since the start (speed 1, started at START_WALL)."""
        self.now = START_WALL + minute * 60


@dataclass
class Drill:
    archive: Archive
    session: ExerciseSession
    url: str
    clock: WallClock

    @property
    def exercise_id(self) -> str:
        return self.session.exercise_id

    def stored(self) -> list[Event]:
        """The events in the database, read through a second Store on the same file."""
        from drill_app.store.store import Store

        with Store.open(self.url) as store:
            return list(store.events(self.exercise_id))


def control(
    qtbot: QtBot,
    drill: Drill,
    kind: str,
    payload: dict[str, Any] | None = None,
    *,
    actor: Actor = "controller",
    unit: str | None = None,
) -> Event:
    """Record an event directly through the session (the controller's side of the drill)."""
    with qtbot.waitSignal(drill.session.event_added, timeout=10_000) as added:
        drill.session.send(kind, payload or {}, actor=actor, unit=unit)
    event: Event = added.args[0]
    assert event.kind == kind
    return event


def release(qtbot: QtBot, drill: Drill, *inject_ids: str) -> None:
    """The controller releases scripted injects now."""
    from drill_app.core.exercise import inject_payload

    for inject_id in inject_ids:
        inject = drill.session.scenario.injects_by_id[inject_id]
        control(qtbot, drill, "inject_delivered", inject_payload(inject))


def recorded_by(qtbot: QtBot, drill: Drill, action: Callable[[], object]) -> Event:
    """Do *action* in the GUI; return the event it recorded, as read back from the database."""
    with qtbot.waitSignal(drill.session.event_added, timeout=10_000) as added:
        action()
    event: Event = added.args[0]
    (stored,) = [e for e in drill.stored() if e.id == event.id]
    assert stored == event
    return stored


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled() and button.isVisible(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type *text* as a user does: ASCII key by key, Chinese committed by the input method."""
    widget.setFocus()
    target = widget.lineEdit() if isinstance(widget, QAbstractSpinBox) else widget
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(target, event)


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its indicator, as a user does."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def open_page(qtbot: QtBot, panel: ActAsUnitPanel, page: QWidget) -> None:
    """Click the action's entry in the list on the left."""
    view = panel.actions_view
    rect = view.visualRect(panel.actions_model.index(panel.pages.index(page), 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.stack.currentWidget() is page


def start(qtbot: QtBot, drill: Drill, *, minute: float = 0) -> None:
    drill.clock.at_minute(0)
    control(qtbot, drill, "exercise_started")
    drill.clock.at_minute(minute)


def shown(label: QLabel) -> str:
    return label.text() if label.isVisible() else ""


# --- the score view and the documents -----------------------------------------------


STATUS = {"met": "按时", "missed": "未完成", "wrong": "错误", "pending": "未到期"}


def run_short_drill(qtbot: QtBot, drill: Drill) -> None:
    """Start, release three injects, a late phone report filed in the panel, an on-time
    written report, a late group, a wrong level, then the end."""
    start(qtbot, drill)
    # i05 early: 区住建局 is told of the casualties from the start (level IV, medical group)
    release(qtbot, drill, "i01_hotline", "i02_119", "i03_gas_company_report", "i05_bodies_found")
    panel = ActAsUnitPanel(drill.session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    drill.clock.at_minute(30)
    page = panel.report_page
    open_page(qtbot, panel, page)
    type_text(qtbot, page.form.text_inputs["place"], "山海社区3号楼")
    recorded_by(qtbot, drill, lambda: click(qtbot, page.send_button))
    drill.clock.at_minute(40)
    fields = {item.id: "已填写" for item in drill.session.plan.reporting.content}
    fields["initial_level"] = "IV"
    control(
        qtbot,
        drill,
        "report_submitted",
        {
            "report_kind": "written",
            "recipients": ["district_government", "district_hq_office", "city_government"],
            "fields": fields,
            "figures": {"deaths": 2},
        },
        actor="seat",
        unit="housing",
    )
    control(qtbot, drill, "group_activated", {"group": "medical"}, actor="seat", unit="housing")
    control(qtbot, drill, "level_determined", {"level": "III"}, actor="seat", unit="housing")
    drill.clock.at_minute(50)
    control(qtbot, drill, "exercise_ended")


def row_cells(model: Any, row: int) -> tuple[str, ...]:
    return tuple(model.index(row, c).data() for c in range(model.columnCount()))


def all_cells(model: Any) -> list[tuple[str, ...]]:
    return [row_cells(model, r) for r in range(model.rowCount())]


def expected_cells(drill: Drill, line: Line) -> tuple[str, ...]:
    """A line as the sheet must show it, written out from the engine's values."""
    categories = {c.id: c.name for c in drill.session.mirror.rules.categories}
    if line.status == "late":
        word = "迟报" if line.kind == "report" else "超时"
        status = f"{word}{line.minutes_late}分钟"
    elif line.status == "met" and line.due_at is None:
        status = "完成"
    else:
        status = STATUS[line.status]
    return (
        categories[line.category],
        drill.session.plan.party_name(line.unit),
        line.title,
        line.plan_ref,
        "—" if line.due_at is None else clock_text(line.due_at),
        "—" if line.done_at is None else clock_text(line.done_at),
        status,
        f"{line.points:g}",
        f"{line.max_points:g}",
        line.detail,
    )


def select_line(qtbot: QtBot, view: ScoreView, line_id: str) -> None:
    view.lines_tab.select_line(line_id)
    assert (
        view.lines_tab.selected_line() is not None and view.lines_tab.selected_line().id == line_id
    )  # type: ignore[union-attr]


def text_of(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)
