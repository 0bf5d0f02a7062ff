"""Small pieces the entry forms share (act, evaluation and score screens): the plan-§
pattern, a text box of a few lines, and the labels under a form (a hint, a field's error
message, the form's feedback line). (Kept in ui/act
with the forms.)"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from drill_app.wording.palette import ERROR_COLOUR, HINT_COLOUR

# A section of the plan as a user writes it: §4.1.2, §3.3(2).
PLAN_REF = re.compile(r"^§\d+(\.\d+)*(\(\d+\))?$")


def text_box(parent: QWidget, name: str, lines: int) -> QPlainTextEdit:
    """A plain-text box *lines* high; Tab moves on to the next field."""
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
    return edit


def hint_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {HINT_COLOUR}")
    return label


def message_label(parent: QWidget, name: str) -> QLabel:
    """A field's error message, hidden until there is one."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(f"color: {ERROR_COLOUR}")
    label.hide()
    return label


def feedback_label(parent: QWidget, name: str) -> QLabel:
    """The form's feedback line (recording…, recorded, refused)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setStyleSheet(f"color: {HINT_COLOUR}")
    label.setWordWrap(True)
    return label
