"""Start the desktop interface: ``run_gui`` is what the command line calls."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from drill_app import __version__
from drill_app.paths import APP_ICON_FILE
from drill_app.ui.main_window import MainWindow
from drill_app.ui.shared.i18n import (
    DEFAULT_LANGUAGE,
    SUPPORTED_LANGUAGES,
    install_translators,
    interface_font,
    remove_translators,
)
from drill_app.ui.shared.settings import AppSettings

EXIT_PLAN_INVALID = 2
# DRILL_APP_BENCH=1 (used by benchmarks/bench_startup.py): print "shown" when the window
# has been painted and "populated" when the start page shows the database, then quit.
BENCH_ENV = "DRILL_APP_BENCH"
# With DRILL_APP_BENCH=1 (used by tests/packaging on the installed package): save what
# the window shows, once populated, to this PNG and print its menu titles.
SCREENSHOT_ENV = "DRILL_APP_SCREENSHOT"


def run_gui(
    plan_path: Path,
    lang: str | None = None,
    db_url: str | None = None,
    settings: AppSettings | None = None,
) -> int:
    """Show the main window in *lang* ("zh_CN" or "en"); return the exit code.

    *lang* None: the language chosen last time (View › Language), else Chinese.
    *db_url* None: the database used last time, else the default one.

    The window is painted before anything slow: the plan, the archive thread and the
    database (SQLAlchemy is imported in that thread) come after.  An invalid plan file
    is reported in a message box (its problems, file:line:col) and gives exit code 2.
    """
    settings = settings if settings is not None else AppSettings.user()
    app, translators = prepared_application(lang, settings)
    language = lang or settings.language or DEFAULT_LANGUAGE
    if language not in SUPPORTED_LANGUAGES:
        language = DEFAULT_LANGUAGE
    try:
        window = MainWindow(plan_path, language, db_url, settings, plan_cache=plan_cache_folder())
        window.show()
        app.processEvents()  # the first paint, before the slow part
        if os.environ.get(BENCH_ENV) == "1":
            _report_startup(app, window)
        if not window.start():
            window.close()
            window.deleteLater()
            return EXIT_PLAN_INVALID
        return app.exec()
    finally:
        remove_translators(app, translators)


def run_join(plan_path: Path, lang: str | None = None, address: str = "") -> int:
    """``drill-app join [ADDRESS]``: the join dialog (address filled in), then the trainee
    window; 0 when the window is closed or the dialog cancelled."""
    from drill_app.core.plan import load_plan
    from drill_app.core.sourcefile import DataFileError
    from drill_app.ui.trainee.launch import join_room

    app, translators = prepared_application(lang)
    try:
        plan = load_plan(plan_path)
        window = join_room(None, plan, plan_path.read_text(encoding="utf-8"), address)
        return 0 if window is None else app.exec()
    except (DataFileError, OSError) as error:  # the plan file: a sentence, no traceback
        print(f"drill-app join: {error}", file=sys.stderr)
        return EXIT_PLAN_INVALID
    finally:
        remove_translators(app, translators)


def prepared_application(
    lang: str | None = None, settings: AppSettings | None = None
) -> tuple[QApplication, list[QTranslator]]:
    """The application in *lang* (else the language chosen last time, else Chinese), with
    its translators installed and the interface font (the console, ``drill-app join``)."""
    app = _application()
    settings = settings if settings is not None else AppSettings.user()
    language = lang or settings.language or DEFAULT_LANGUAGE
    if language not in SUPPORTED_LANGUAGES:
        language = DEFAULT_LANGUAGE
    try:
        translators = install_translators(app, language)
    except FileNotFoundError as error:
        # A broken installation: still usable, in the English of the source strings.
        print(f"drill-app: {error}; the interface stays in English", file=sys.stderr)
        translators = []
    app.setFont(interface_font(app.font()))
    return app, translators


def plan_cache_folder() -> Path:
    """Where the validated plan is kept between starts (the user's cache folder)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("drill-app", appauthor=False)) / "plans"


def _report_startup(app: QApplication, window: MainWindow) -> None:
    print("shown", flush=True)

    def populated() -> None:
        print("populated", flush=True)
        _save_screenshot(window)
        window.close()
        app.quit()

    window.start_page_populated.connect(populated)


def _save_screenshot(window: MainWindow) -> None:
    path = os.environ.get(SCREENSHOT_ENV)
    if not path:
        return
    print("menus", *(action.text() for action in window.menuBar().actions()), flush=True)
    if QApplication.platformName() == "offscreen":
        window.grab().save(path)
        return
    # On a real window system, the pixels the server shows once the page is painted.
    window.repaint()
    QApplication.sync()
    window.screen().grabWindow(window.winId()).save(path)


def _application() -> QApplication:
    """The running QApplication, or a new one named for QSettings and the window system."""
    existing = QApplication.instance()
    if existing is not None and not isinstance(existing, QApplication):
        raise RuntimeError("a non-GUI QCoreApplication is already running")
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("drill-app")
    app.setOrganizationName("drill-app")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(APP_ICON_FILE)))
    return app
