"""The database file behind the window: where it is, its backups, choosing another one.

A mixin of the main window (``MainWindow(DatabaseFiles, QMainWindow)``): the File menu's
"open database" and the recovery offered when a database cannot be opened.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMainWindow

if TYPE_CHECKING:
    from drill_app.ui.session import Archive


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


class DatabaseFiles(QMainWindow):
    """File operations on the database the window has open (or is opening)."""

    _db_url: str
    archive: Archive | None

    show_error: Callable[[str, str], None]
    """(title, message) in a message box: the main window's."""
    open_database: Callable[[str], None]
    """Open the database at a URL: the main window's."""

    def database_path(self) -> Path | None:
        """The SQLite file of the database being opened, if it is one."""
        url = self._db_url
        if not url:
            from drill_app.store.summaries import default_url

            url = default_url()
        from drill_app.store.database import sqlite_path

        try:
            return sqlite_path(url)
        except Exception:  # not a URL we understand: no file, no backups
            return None

    def backups(self) -> list[Path]:
        """Backups next to the database file, newest first."""
        path = self.database_path()
        if path is None:
            return []
        from drill_app.store.database import backups_of

        return backups_of(path)

    def use_backup(self, backup: Path) -> None:
        """Continue from *backup*: open a copy of it, keep the backup and the damaged file."""
        path = self.database_path() or backup
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{path.stem}-restored-{stamp}{path.suffix}")
        try:
            shutil.copy2(backup, target)
        except OSError as error:
            self.show_error(self.tr("The backup could not be copied"), str(error))
            return
        self.statusBar().showMessage(
            self.tr("Opened a copy of the backup: {file}").format(file=target), 15_000
        )
        self.open_database(sqlite_url(target))

    def ask_database_file(self) -> Path | None:
        """Ask for a database file (an existing one, or a new name); None if cancelled."""
        dialog = QFileDialog(self, self.tr("Open or create a database"))
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setNameFilters(
            [self.tr("drill-app databases (*.sqlite3 *.sqlite *.db)"), self.tr("All files (*)")]
        )
        path = self.database_path()
        if path is not None:
            dialog.setDirectory(str(path.parent))
        try:
            if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return None
            return Path(dialog.selectedFiles()[0])
        finally:
            dialog.deleteLater()

    def _open_database_requested(self) -> None:
        if self.archive is None:
            return
        path = self.ask_database_file()
        if path is not None:
            self.open_database(sqlite_url(path))
