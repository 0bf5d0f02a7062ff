"""The status board in the running-exercise view on a laptop's screen (1366×768): every
column the scenario can raise is laid out from the start, and every unit and every column
of each built-in scenario shows without scrolling.

Set DRILL_APP_BOARD_SHOTS=<folder> to save each scenario's view as a PNG (to look at)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from drill_app.core.board_columns import board_columns
from drill_app.core.exercise import inject_payload
from drill_app.core.plan import Plan
from drill_app.core.scenario import load_scenario
from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.exercise.board_window import StatusBoardWindow
from drill_app.ui.exercise.status_board import StatusBoardPanel
from drill_app.ui.main_window import MainWindow
from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog

# A maximised window on a 1366×768 screen, less the title bar (tools/screenshots.py).
WINDOW_SIZE = (1366, 728)
NAMES = ("张强", "李明", "王伟", "赵磊", "陈静", "刘洋", "孙浩", "周敏", "吴芳", "郑军", "欧阳晓东")


def exercise_of(plan: Plan, scenario: Path) -> object:
    """A new exercise of *scenario* with a participant at every seat (a longest name too)."""
    from drill_app.store.store import NewExercise, SeatInfo

    seats = load_scenario(plan, scenario).seats
    return NewExercise(
        title="屏幕检查",
        plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
        scenario_text=scenario.read_text(encoding="utf-8"),
        held_on=dt.date(2026, 11, 28),
        seats=tuple(SeatInfo(unit, NAMES[-1 - n]) for n, unit in enumerate(seats)),
    )


@pytest.mark.parametrize("scenario", sorted(SCENARIOS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_unit_and_every_column_fits_a_laptop_screen(
    started_window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    plan: Plan,
    scenario: Path,
) -> None:
    window = started_window
    window.resize(*WINDOW_SIZE)
    monkeypatch.setattr(
        NewExerciseDialog, "ask", classmethod(lambda cls, *args, **kw: exercise_of(plan, scenario))
    )
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.new_action.trigger()
    session = window.session
    view = window.exercise_view
    assert session is not None and view is not None
    board = view.status_board  # type: ignore[attr-defined]
    derived = board_columns(session.plan, session.scenario)
    assert board.model.columns == derived  # before anything happened
    with qtbot.waitSignal(session.event_added, timeout=20_000):
        session.send("exercise_started", actor="controller")
    for inject in session.scenario.injects:  # every scripted inject: lines in many cells
        if inject.at is not None:
            with qtbot.waitSignal(session.event_added, timeout=20_000):
                session.send("inject_delivered", inject_payload(inject), actor="controller")
    qtbot.waitUntil(lambda: board.view.isVisible())
    # maximised on the laptop: the window is the screen's size, whatever it asked for
    assert window.minimumSizeHint().height() <= WINDOW_SIZE[1]
    window.resize(*WINDOW_SIZE)
    QApplication.processEvents()
    assert board.model.columns == derived  # nothing appeared, nothing moved

    save_shot(window, f"board-{scenario.stem}")
    assert_board_fits(board, len(session.scenario.seats))

    # the board alone, large, for the projector (Ctrl+Shift+B), on the same laptop screen
    window.projector.board_action.trigger()
    alone = view.findChild(StatusBoardWindow)
    assert alone is not None
    alone.resize(*WINDOW_SIZE)
    QApplication.processEvents()
    assert alone.board.model.columns == derived
    save_shot(alone, f"board-window-{scenario.stem}")
    assert_board_fits(alone.board, len(session.scenario.seats))


def save_shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("DRILL_APP_BOARD_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def assert_board_fits(board: StatusBoardPanel, seats: int) -> None:
    """Every unit and every column in view, no scroll bar, no text cut or elided."""
    table = board.view
    header = table.horizontalHeader()
    assert not table.horizontalScrollBar().isVisible()
    assert header.length() <= table.viewport().width(), "columns cut off on the right"
    rows = board.proxy.rowCount()
    assert rows == seats
    assert table.verticalScrollBar().maximum() == 0, "the board scrolls"
    last = table.visualRect(board.proxy.index(rows - 1, board.model.columnCount() - 1))
    assert table.viewport().rect().contains(last)
    # every cell's text is readable in its width: no cell is elided, no unit name wraps
    metrics = table.fontMetrics()
    for row in range(rows):
        for column in range(board.model.columnCount()):
            text = str(board.proxy.index(row, column).data(Qt.ItemDataRole.DisplayRole) or "")
            parts = text.split("\n")
            assert len(parts) * metrics.lineSpacing() <= table.rowHeight(row), text
            for part in parts:
                assert metrics.horizontalAdvance(part) <= header.sectionSize(column), part
