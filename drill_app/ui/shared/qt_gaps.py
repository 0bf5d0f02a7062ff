"""Strings of Qt's own dialogs that Qt's zh_CN translation (qtbase_zh_CN.qm) leaves in
English; our translation file carries them.

Qt looks a string up in the most recently installed translator first (Qt's own, see
``install_translators``) and falls back to ours, so these only fill Qt's gaps.  Found by
walking Qt's file dialog in the Chinese interface (tests/ui/test_qt_dialogs_in_chinese.py):
Qt 6 renamed "Look in:" and "Files of type:" with mnemonics, and the Chinese file still
translates only the old wording.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
