"""Help › About: the version from its one source, the plan, the database, in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from drill_app import __version__
from drill_app.core.plan import Plan
from drill_app.ui.about_dialog import AboutDialog
from drill_app.ui.main_window import MainWindow
from drill_app.ui.shared.settings import AppSettings


def test_about_shows_version_plan_and_database_in_chinese(
    qtbot: QtBot, chinese: None, plan: Plan
) -> None:
    dialog = AboutDialog(None, plan.identity.title, "sqlite:////home/user/drill-app.sqlite3")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    text = dialog.text_label.text()
    assert dialog.windowTitle() == "关于 drill-app"
    assert f"drill-app {__version__}</h2>" in text
    assert f"<td>版本：</td><td>{__version__}</td>" in text
    assert f"<td>预案：</td><td>{plan.identity.title}</td>" in text
    assert "<td>数据库：</td><td>sqlite:////home/user/drill-app.sqlite3</td>" in text
    assert "MIT" in text


def test_about_before_the_plan_and_database_are_loaded(qtbot: QtBot) -> None:
    dialog = AboutDialog(None, None, "")
    qtbot.addWidget(dialog)
    text = dialog.text_label.text()
    assert "<td>Plan:</td><td>(not loaded)</td>" in text
    assert "<td>Database:</td><td>(not opened yet)</td>" in text


def test_about_shows_the_application_icon(qtbot: QtBot) -> None:
    dialog = AboutDialog(None, None, "")
    qtbot.addWidget(dialog)
    image = dialog.icon_label.pixmap().toImage()
    assert (image.width(), image.height()) == (96, 96)
    # The icon's blue background at the left edge, the white stopwatch case above the
    # middle, the orange flame in it.
    edge = QColor(image.pixel(10, 48))
    assert edge.blue() > 120 and edge.red() < 90
    assert QColor(image.pixel(48, 24)).lightness() > 200
    flame = QColor(image.pixel(48, 60))
    assert flame.red() > 200 and flame.blue() < 130


def test_help_about_in_the_main_window_names_the_plan_and_the_database(
    qtbot: QtBot, tmp_path: Path, chinese: None, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[AboutDialog] = []

    def show(parent: QWidget | None, plan_title: str | None, database: str) -> None:
        shown.append(AboutDialog(parent, plan_title, database))  # (the modal part replaced)

    monkeypatch.setattr(AboutDialog, "show_modal", show)
    url = f"sqlite:///{tmp_path / 'drills.sqlite3'}"
    window = MainWindow(db_url=url, settings=AppSettings.in_file(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.start_page_populated, timeout=20_000):
        assert window.start()
    assert window.about_action.text() == "关于(&A)"
    window.about_action.trigger()

    assert len(shown) == 1
    text = shown[0].text_label.text()
    assert f"<td>预案：</td><td>{plan.identity.title}</td>" in text
    assert f"<td>数据库：</td><td>{url}</td>" in text
    window.close()
