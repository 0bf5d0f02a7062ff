"""Walk every window and dialog of the interface, as a user meets them, for the tests that
read what each screen shows (no English in Chinese, tooltips and accessible names).

A plain module, not a test file: pytest puts tests/ui on sys.path, so tests import it as
``walking``. ``every_screen`` yields ``(where, top-level widget)`` once each screen is shown;
the caller reads it before asking for the next one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from drill_app.core.exercise import inject_payload
from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.about_dialog import AboutDialog
from drill_app.ui.exercise.adhoc_inject_dialog import AdhocInjectDialog
from drill_app.ui.exercise.board_window import StatusBoardWindow
from drill_app.ui.main_window import MainWindow
from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog

# Every seat of scenario A with its participant, as in a real drill (two lines a board row).
SEATS = (
    "housing",
    "emergency",
    "police",
    "fire",
    "health",
    "street",
    "towngas",
    "ecology",
    "propaganda",
    "traffic",
)
NAMES = ("张强", "李明", "王伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周敏", "吴刚")


def shown(widget: QWidget) -> QWidget:
    widget.show()
    QApplication.processEvents()
    return widget


def before_the_drill(window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The start page, the new-exercise dialog, the about box and every plan browser section."""
    yield "start page", window
    assert window.plan is not None
    dialog = NewExerciseDialog(window.plan, "", window.start_page.valid_scenarios(), parent=window)
    yield "new exercise", shown(dialog)
    dialog.reject()
    about = AboutDialog(window, window.plan.identity.title, "sqlite:///drills.sqlite3")
    yield "about", shown(about)
    about.reject()
    window.show_plan_browser()
    browser = window.plan_browser
    assert browser is not None
    for section in browser.sections:
        browser.show_section(section.spec.key)
        QApplication.processEvents()
        yield f"plan browser {section.spec.key}", browser
    browser.close()


def start_a_drill(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, QWidget]]:
    """A new exercise of scenario A: its console before the start, then started with a
    unit's entry in the log."""
    from drill_app.store.store import NewExercise, SeatInfo

    new = NewExercise(
        title="山海社区燃气爆炸桌面推演",
        plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
        scenario_text=(SCENARIOS_DIR / "a-shanhai-explosion.yaml").read_text(encoding="utf-8"),
        held_on=dt.date(2026, 11, 28),
        seats=tuple(SeatInfo(unit, name) for unit, name in zip(SEATS, NAMES, strict=True)),
    )
    monkeypatch.setattr(NewExerciseDialog, "ask", classmethod(lambda cls, *a, **kw: new))
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.new_action.trigger()
    session = window.session
    assert session is not None
    yield "exercise not started", window
    injects = session.scenario.injects_by_id
    for kind, payload, unit in (
        ("exercise_started", {}, None),
        *(  # the first injects: the units learn of the incident, the board fills
            ("inject_delivered", inject_payload(injects[inject]), None)
            for inject in ("i01_hotline", "i02_119", "i03_gas_company_report")
        ),
        ("step_taken", {"step": "cordon"}, "towngas"),
    ):
        with qtbot.waitSignal(session.event_added, timeout=20_000):
            session.send(kind, payload, actor="seat" if unit else "controller", unit=unit)


def during_the_drill(window: MainWindow, qtbot: QtBot) -> Iterator[tuple[str, QWidget]]:
    """Each side tab and act form of the running exercise, its dialogs and the board window."""
    view = window.exercise_view
    assert view is not None
    view.refresh()  # one tick of the view's timer: the board as it stands
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        yield f"exercise tab {tab}", window
    for number, page in enumerate(view.act_panel.pages):
        view.tabs.setCurrentIndex(view.act_tab)
        view.act_panel.stack.setCurrentWidget(page)
        QApplication.processEvents()
        yield f"act form {number} {type(page).__name__}", window
    adhoc = AdhocInjectDialog(window.session, window)  # type: ignore[arg-type]
    yield "ad-hoc inject", shown(adhoc)
    adhoc.reject()
    feed = view.event_feed
    entry = next(r for r in range(feed.model.rowCount()) if feed.model.row(r).kind == "step_taken")
    # (not selectRow: it follows the keyboard modifiers a previous test's keys left behind)
    feed.view.selectionModel().select(
        feed.proxy.mapFromSource(feed.model.index(entry, 0)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.waitUntil(feed.void_button.isEnabled)
    feed.ask_void()
    assert feed.void_dialog is not None
    yield "void", shown(feed.void_dialog)
    feed.void_dialog.reject()
    window.projector.show_board_window()
    board = view.findChild(StatusBoardWindow)
    assert board is not None
    view.refresh()
    QApplication.processEvents()
    yield "board window", board
    board.close()


def after_the_drill(window: MainWindow, qtbot: QtBot) -> Iterator[tuple[str, QWidget]]:
    session = window.session
    assert session is not None
    with qtbot.waitSignal(session.event_added, timeout=20_000):
        session.send("exercise_ended", actor="controller")
    qtbot.waitUntil(lambda: window.score_view is not None and window.score_view.isVisible())
    score = window.score_view
    assert score is not None
    for tab in range(score.tabs.count()):  # type: ignore[attr-defined]
        score.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
        QApplication.processEvents()
        yield f"score tab {tab}", window


def every_screen(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, QWidget]]:
    """Every window and dialog, in the order of a drill (scenario A, a unit's entry logged)."""
    yield from before_the_drill(window)
    yield from start_a_drill(window, qtbot, monkeypatch)
    yield from during_the_drill(window, qtbot)
    yield from after_the_drill(window, qtbot)


def findings_on_every_screen(
    window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    check: Callable[[str, QWidget], list[str]],
) -> list[str]:
    """What *check(where, window)* finds on each screen, each finding once; fails when the
    walk met too few screens to mean anything."""
    found: list[str] = []
    screens = 0
    for where, shown in every_screen(window, qtbot, monkeypatch):
        screens += 1
        found += check(where, shown)
    assert screens >= 20, f"the walk met only {screens} screens"
    return list(dict.fromkeys(found))
