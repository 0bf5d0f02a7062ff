"""Qt's own dialogs speak Chinese in the Chinese interface: Qt's translations (qtbase_zh_CN)
are installed with ours."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot


def test_the_file_dialog_is_in_chinese(qtbot: QtBot, chinese: None) -> None:
    dialog = QFileDialog(None, "打开数据库")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own: what Linux shows
    dialog.setNameFilter("SQLite (*.sqlite3)")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.isVisible()}
    buttons = {b.text() for b in dialog.findChildren(QPushButton) if b.isVisible()}
    assert labels == {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)："}
    assert "取消" in buttons
    dialog.reject()
