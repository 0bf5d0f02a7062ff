"""Help › About: what this drill-app is, which version, which plan, where its data lives.

The version is ``drill_app.__version__`` (its one source); the icon is the bundled
``assets/icons`` one (``drill_app.paths``), so the dialog looks the same from a source
checkout and from an installed package.
"""

from __future__ import annotations

import html
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from drill_app import __version__
from drill_app.paths import APP_ICON_FILE
from drill_app.ui.shared.describe import describe

ICON_PIXELS = 96


class AboutDialog(QDialog):
    """The About box: icon, name and version, the plan in use, the database, licences."""

    def __init__(self, parent: QWidget | None, plan_title: str | None, database: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About drill-app"))
        self.icon_label = QLabel(self)
        pixmap = QPixmap(str(APP_ICON_FILE))
        if not pixmap.isNull():
            self.icon_label.setPixmap(
                pixmap.scaled(
                    ICON_PIXELS,
                    ICON_PIXELS,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        self.text_label = QLabel(self._html(plan_title, database), self)
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setMinimumWidth(420)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in buttons.buttons():
            describe(button, self.tr("Close this window"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def _html(self, plan_title: str | None, database: str) -> str:
        def row(label: str, value: str) -> str:
            return f"<tr><td>{html.escape(label)}</td><td>{html.escape(value)}</td></tr>"

        versions = self.tr("Python {python}, Qt {qt}, PySide6 {pyside}").format(
            python=platform.python_version(), qt=qVersion(), pyside=pyside_version
        )
        rows = [
            row(self.tr("Version:"), __version__),
            row(self.tr("Plan:"), plan_title or self.tr("(not loaded)")),
            row(self.tr("Database:"), database or self.tr("(not opened yet)")),
            row(self.tr("Built with:"), versions),
        ]
        summary = self.tr(
            "Runs and scores emergency drills and tabletop exercises against the "
            "district urban gas emergency plan."
        )
        licences = self.tr(
            "drill-app is free software under the MIT License. It includes Qt and PySide6 "
            "(LGPL-3.0) and the WenQuanYi Micro Hei font (Apache-2.0)."
        )
        return (
            f"<h2>drill-app {html.escape(__version__)}</h2>"
            f"<p>{html.escape(summary)}</p>"
            f"<table cellspacing='4'>{''.join(rows)}</table>"
            f"<p><small>{html.escape(licences)}</small></p>"
        )

    @classmethod
    def show_modal(cls, parent: QWidget | None, plan_title: str | None, database: str) -> None:
        cls(parent, plan_title, database).exec()
