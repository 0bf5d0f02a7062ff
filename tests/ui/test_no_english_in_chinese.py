"""No English in the Chinese interface: every window walked, every visible text read.

A Latin word on screen is allowed only when it is a proper name, abbreviation or
identifier the plan or the built-in scenarios themselves use (MSEL, PDF, IV …), a file
path or database address, or the name of the English language in the language menu.
Anything else (an event kind such as ``finding_recorded``, an engine message, Qt's own
"Look in:") fails the test with the window, the widget and the text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.main_window import MainWindow
from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")
PATH_OR_ADDRESS = re.compile(r"(sqlite|postgresql\S*)://\S*|(?:[A-Za-z]:)?[/\\]\S+")
# Identifiers that are not words: a file type (.yaml) and the code of a national or trade
# standard (GB/T 29639, AQ/T 9009).
IDENTIFIERS = re.compile(r"\.[a-z0-9]{2,5}\b|\b[A-Z]{2,3}/T\s*[\d.\-]+")
# The interface's own names, not words: the product, file formats and the keys named on
# buttons, the language offered in the language menu.
INTERFACE_NAMES = {"drill", "app", "PDF", "MSEL", "Ctrl", "Enter", "English", "SQLite"}


def plan_vocabulary() -> set[str]:
    """Latin words the plan and the built-in scenarios themselves use (their texts)."""
    words: set[str] = set()
    for path in (DEFAULT_PLAN, *SCENARIOS_DIR.glob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            value = line.partition(":")[2]  # values, not YAML keys
            if re.search(r"[\u4e00-\u9fff]", value):  # words inside Chinese text
                words.update(LATIN_WORD.findall(value))
    return words


def visible_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(widget, text) for every text a user can see in *window*."""
    yield "window title", window.windowTitle()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = f"{type(widget).__name__} {widget.objectName()}"
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit) and not widget.isReadOnly():
            yield name, widget.placeholderText()
        if isinstance(widget, QComboBox):
            yield from ((name, widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            yield from ((name, widget.tabText(i)) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from model_texts(name, widget)


def model_texts(name: str, view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    root = QModelIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model (its columnCount is private in Qt)
        columns = 1
    for column in range(columns):
        yield name, str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(root), 60)):
        for column in range(columns):
            yield name, str(model.index(row, column).data() or "")


def english_words(text: str, allowed: set[str]) -> list[str]:
    plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
    plain = PATH_OR_ADDRESS.sub(" ", IDENTIFIERS.sub(" ", plain))
    return [w for w in LATIN_WORD.findall(plain) if w not in allowed]


def offences(window: QWidget, allowed: set[str]) -> list[str]:
    found = []
    for widget, text in visible_texts(window):
        words = english_words(text, allowed)
        if words:
            found.append(f"{window.windowTitle()} · {widget}: {text!r} ({', '.join(words)})")
    return found


@pytest.fixture
def window(started_window: MainWindow) -> MainWindow:
    started_window.resize(1366, 728)
    return started_window


def test_no_english_on_any_window_of_the_chinese_interface(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    allowed = plan_vocabulary() | INTERFACE_NAMES
    found = offences(window, allowed)  # the start page

    assert window.plan is not None
    dialog = NewExerciseDialog(window.plan, "", window.start_page.valid_scenarios(), parent=window)
    dialog.show()
    found += offences(dialog, allowed)
    dialog.reject()

    window.show_plan_browser()
    assert window.plan_browser is not None
    found += offences(window.plan_browser, allowed)
    window.plan_browser.close()

    from drill_app.store.store import NewExercise, SeatInfo

    new = NewExercise(
        title="山海社区燃气爆炸桌面推演",
        plan_text=DEFAULT_PLAN.read_text(encoding="utf-8"),
        scenario_text=(SCENARIOS_DIR / "a-shanhai-explosion.yaml").read_text(encoding="utf-8"),
        held_on=dt.date(2026, 11, 28),
        seats=(SeatInfo("housing", "张强"), SeatInfo("emergency", "李明")),
    )
    monkeypatch.setattr(NewExerciseDialog, "ask", classmethod(lambda cls, *a, **kw: new))
    with qtbot.waitSignal(window.exercise_shown, timeout=20_000):
        window.new_action.trigger()
    session = window.session
    view = window.exercise_view
    assert session is not None and view is not None
    for kind in ("exercise_started",):
        with qtbot.waitSignal(session.event_added, timeout=20_000):
            session.send(kind, actor="controller")
    for tab in range(view.tabs.count()):
        view.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        found += offences(window, allowed)
    for page in view.act_panel.pages:
        view.tabs.setCurrentIndex(1)
        view.act_panel.stack.setCurrentWidget(page)
        QApplication.processEvents()
        found += offences(window, allowed)
    window.projector.show_board_window()
    from drill_app.ui.exercise.board_window import StatusBoardWindow

    board = view.findChild(StatusBoardWindow)
    assert board is not None
    found += offences(board, allowed)

    with qtbot.waitSignal(session.event_added, timeout=20_000):
        session.send("exercise_ended", actor="controller")
    qtbot.waitUntil(lambda: window.score_view is not None and window.score_view.isVisible())
    score = window.score_view
    assert score is not None
    for tab in range(score.tabs.count()):  # type: ignore[attr-defined]
        score.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
        QApplication.processEvents()
        found += offences(window, allowed)

    assert not found, "English in the Chinese interface:\n" + "\n".join(sorted(set(found)))
