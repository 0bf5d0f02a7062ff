"""Start the desktop interface: ``run_gui`` is what the command line calls."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from drill_app import __version__
from drill_app.core.plan import load_plan
from drill_app.core.sourcefile import DataFileError
from drill_app.ui.dialogs import ProblemListDialog
from drill_app.ui.i18n import (
    DEFAULT_LANGUAGE,
    install_translators,
    interface_font,
    remove_translators,
)
from drill_app.ui.plan_browser import PlanBrowserWindow

EXIT_PLAN_INVALID = 2


def run_gui(plan_path: Path, lang: str = DEFAULT_LANGUAGE) -> int:
    """Show the plan browser for *plan_path* in *lang* ("zh_CN" or "en"); return the exit code.

    An invalid plan file is reported in a message box (its problems, file:line:col) and
    gives exit code 2 without opening the window.
    """
    app = _application()
    try:
        translators = install_translators(app, lang)
    except FileNotFoundError as error:
        # A broken installation: still usable, in the English of the source strings.
        print(f"drill-app: {error}; the interface stays in English", file=sys.stderr)
        translators = []
    app.setFont(interface_font(app.font()))
    try:
        try:
            plan = load_plan(plan_path)
        except DataFileError as error:
            ProblemListDialog.show_modal(
                None,
                QCoreApplication.translate("Application", "drill-app: cannot open the plan"),
                QCoreApplication.translate(
                    "Application", "The plan file {file} has errors and was not opened:"
                ).format(file=plan_path),
                [str(problem) for problem in error.problems],
            )
            return EXIT_PLAN_INVALID
        window = PlanBrowserWindow(plan, plan_path, lang)
        window.show()
        return app.exec()
    finally:
        remove_translators(app, translators)


def _application() -> QApplication:
    """The running QApplication, or a new one named for QSettings and the window system."""
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("a non-GUI QCoreApplication is already running")
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("drill-app")
    app.setOrganizationName("drill-app")
    app.setApplicationVersion(__version__)
    return app
