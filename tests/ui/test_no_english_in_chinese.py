"""No English in the Chinese interface: every window walked, every visible text read.

A Latin word on screen is allowed only when it is a proper name, abbreviation or
identifier the plan or the built-in scenarios themselves use (MSEL, PDF, IV …), a file
path or database address, or the name of the English language in the language menu.
Anything else (an event kind such as ``finding_recorded``, an engine message, Qt's own
"Look in:") fails the test with the window, the widget and the text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import pytest
import yaml
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from walking import findings_on_every_screen

from drill_app.paths import DEFAULT_PLAN, SCENARIOS_DIR
from drill_app.ui.main_window import MainWindow

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_]+")
PATH_OR_ADDRESS = re.compile(r"(sqlite|postgresql\S*)://\S*|(?:[A-Za-z]:)?[/\\]\S+")
# Identifiers that are not words: a file type (.yaml) and the code of a national or trade
# standard (GB/T 29639, AQ/T 9009).
IDENTIFIERS = re.compile(r"\.[a-z0-9]{2,5}\b|\b[A-Z]{2,3}/T\s*[\d.\-]+")
# The interface's own names, not words: the product, file formats and the keys named on
# buttons, the language offered in the language menu.
INTERFACE_NAMES = {"drill", "app", "PDF", "MSEL", "Ctrl", "Enter", "English", "SQLite"}
# Proper names in the About box: the software inside and its licences.
INTERFACE_NAMES |= {"Python", "Qt", "PySide", "MIT", "LGPL", "Apache"}
ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]*")  # a level (IV) or a code, as the plan writes it


def plan_vocabulary() -> set[str]:
    """Latin words the plan and the built-in scenarios themselves use: inside their Chinese
    texts, their abbreviations (levels such as IV), and the values of the plan's settings
    as its file spells them (the plan browser names them: 两局各自报告 (each_unit))."""
    words: set[str] = set()
    for path in (DEFAULT_PLAN, *SCENARIOS_DIR.glob("*.yaml")):
        for value in strings_in(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if re.search(r"[\u4e00-\u9fff]", value):  # words inside Chinese text
                words.update(LATIN_WORD.findall(value))
            elif ABBREVIATION.fullmatch(value):
                words.add(value)
    settings = yaml.safe_load(DEFAULT_PLAN.read_text(encoding="utf-8"))["settings"]
    for setting in settings.values():
        words.update(strings_in(setting["value"]))
    return words


def strings_in(data: object) -> Iterator[str]:
    """Every value of a parsed YAML document (not its keys), as the YAML spells it."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, bool) or data is None:
        yield {True: "true", False: "false", None: "null"}[data]
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)


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
    found = findings_on_every_screen(
        window, qtbot, monkeypatch, lambda _where, shown: offences(shown, allowed)
    )
    assert not found, "English in the Chinese interface:\n" + "\n".join(sorted(found))
