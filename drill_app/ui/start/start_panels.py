"""The start page's side panels: the §9.3 drill schedule and what to do when the database
cannot be opened."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from drill_app.ui.shared.describe import describe
from drill_app.ui.start.start_models import AMBER, GREEN, RED, SOON_DAYS

if TYPE_CHECKING:
    from drill_app.core.compliance import DrillStatus


# --- the §9.3 schedule ---------------------------------------------------------------------


def set_text_colour(label: QLabel, colour: QColor | None, bold: bool = False) -> None:
    """Colour a label's text through its palette (None: the inherited colour)."""
    palette = QPalette(label.palette())
    if colour is None:
        parent = label.parentWidget()
        inherited = parent.palette() if parent is not None else QPalette()
        palette.setColor(
            QPalette.ColorRole.WindowText, inherited.color(QPalette.ColorRole.WindowText)
        )
    else:
        palette.setColor(QPalette.ColorRole.WindowText, colour)
    label.setPalette(palette)
    font = QFont(label.font())
    font.setBold(bold)
    label.setFont(font)


class DrillSchedulePanel(QGroupBox):
    """Last drill, next due, days left or overdue (red), open improvement items."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Drill schedule"))
        self.rule_label = QLabel(self)
        self.rule_label.setWordWrap(True)
        self.last_label = QLabel(self)
        self.due_label = QLabel(self)
        self.left_label = QLabel(self)
        self.left_label.setObjectName("days_left")
        self.left_label.setWordWrap(True)
        self.improvements_label = QLabel(self)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.addRow(self.tr("Last drill:"), self.last_label)
        form.addRow(self.tr("Next drill due by:"), self.due_label)
        form.addRow(self.tr("Time left:"), self.left_label)
        form.addRow(self.tr("Open improvement items:"), self.improvements_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.rule_label)
        layout.addLayout(form)
        layout.addStretch(1)

    def set_status(
        self, status: DrillStatus, interval_years: int, open_items: int, plan_ref: str
    ) -> None:
        self.setTitle(self.tr("Drill schedule (plan {ref})").format(ref=plan_ref))
        self.rule_label.setText(
            self.tr("The plan requires at least one drill every {years} years.").format(
                years=interval_years
            )
        )
        self.last_label.setText(
            status.last_held.isoformat() if status.last_held else self.tr("none on record")
        )
        self.due_label.setText(status.next_due.isoformat() if status.next_due else self.tr("now"))
        if status.days_left is None:
            self.left_label.setText(self.tr("No drill on record: one is due now"))
            set_text_colour(self.left_label, RED, bold=True)
        elif status.overdue:
            self.left_label.setText(
                self.tr("Overdue by {days} days").format(days=-status.days_left)
            )
            set_text_colour(self.left_label, RED, bold=True)
        else:
            self.left_label.setText(self.tr("{days} days left").format(days=status.days_left))
            set_text_colour(self.left_label, AMBER if status.days_left <= SOON_DAYS else GREEN)
        self.improvements_label.setText(self.tr("{count} open").format(count=open_items))
        set_text_colour(self.improvements_label, AMBER if open_items else None)


# --- database problems ------------------------------------------------------------------------


class DatabaseProblemPanel(QWidget):
    """The database could not be opened: why, and the way on (another file or a backup)."""

    open_other_requested = Signal()
    backup_chosen = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("The database could not be opened"), self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = QLabel(
            self.tr(
                "Nothing in the database file was changed. Open another database file, or "
                "continue from a backup copy (the copy is opened, the backup itself is kept)."
            ),
            self,
        )
        self.explanation.setWordWrap(True)
        self.reason_label = QLabel(self.tr("What is wrong:"), self)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("database_problem")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setFrameShape(QLabel.Shape.StyledPanel)
        self.message_label.setMargin(8)
        self.backups_label = QLabel(self)
        self.backups_model = QStringListModel(self)
        self.backups_view = QListView(self)
        self.backups_view.setModel(self.backups_model)
        describe(
            self.backups_view,
            self.tr("Copies of the database saved before each upgrade, newest first"),
            self.tr("Backups"),
        )
        self.backups_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.backups_view.doubleClicked.connect(self._use_backup)
        self.open_other_button = QPushButton(self.tr("Open another database file…"), self)
        describe(self.open_other_button, self.tr("Choose another drill database file to open"))
        self.open_other_button.clicked.connect(self.open_other_requested)
        self.use_backup_button = QPushButton(self.tr("Use the selected backup"), self)
        describe(
            self.use_backup_button,
            self.tr("Open the selected backup copy instead of the damaged database"),
        )
        self.use_backup_button.clicked.connect(self._use_backup)
        self._backups: list[Path] = []

        buttons = QHBoxLayout()
        buttons.addWidget(self.open_other_button)
        buttons.addWidget(self.use_backup_button)
        buttons.addStretch(1)
        inner = QVBoxLayout()
        inner.addWidget(self.heading)
        inner.addWidget(self.explanation)
        inner.addSpacing(6)
        inner.addWidget(self.reason_label)
        inner.addWidget(self.message_label)
        inner.addWidget(self.backups_label)
        inner.addWidget(self.backups_view)
        inner.addLayout(buttons)
        inner.addStretch(1)
        box = QWidget(self)
        box.setLayout(inner)
        box.setMaximumWidth(900)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addWidget(box, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)

    @property
    def backups(self) -> list[Path]:
        return list(self._backups)

    def set_problem(self, message: str, backups: Sequence[Path]) -> None:
        self.message_label.setText(message)
        self._backups = list(backups)
        self.backups_model.setStringList([str(path) for path in self._backups])
        has_backups = bool(self._backups)
        self.backups_label.setText(
            self.tr("Backups of this database (newest first):")
            if has_backups
            else self.tr("There is no backup of this database.")
        )
        self.backups_view.setVisible(has_backups)
        self.use_backup_button.setVisible(has_backups)
        if has_backups:
            self.backups_view.setCurrentIndex(self.backups_model.index(0, 0))
            rows = min(len(self._backups), 6)
            self.backups_view.setFixedHeight(
                rows * (self.fontMetrics().height() + 6) + 2 * self.backups_view.frameWidth() + 4
            )

    def _use_backup(self) -> None:
        row = self.backups_view.currentIndex().row()
        if 0 <= row < len(self._backups):
            self.backup_chosen.emit(self._backups[row])


# --- the page -----------------------------------------------------------------------------
