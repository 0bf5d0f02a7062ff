"""The application window: the start page, the running exercise and its score, in one stack.

The window is shown before anything slow happens: ``start()`` then loads the plan,
starts the archive thread (which imports SQLAlchemy and opens the database) and fills
the start page when the archive reports back.  Everything that reads or writes the
database goes through the ``Archive``; the running exercise is an ``ExerciseSession``.

Only Qt and the standard library are imported at module level, to keep the first paint
fast; the core, the session layer and the exercise and score views are imported when
they are first needed.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from drill_app.paths import DEFAULT_PLAN
from drill_app.ui.database_files import DatabaseFiles
from drill_app.ui.projector import ProjectorActions
from drill_app.ui.shared.i18n import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, is_english
from drill_app.ui.shared.screen_fit import fit_to_screen
from drill_app.ui.shared.settings import AppSettings
from drill_app.ui.start.start_summary import StartSummaryCache
from drill_app.wording.palette import CAUTION_COLOUR

if TYPE_CHECKING:
    from drill_app.core.plan import Plan
    from drill_app.store.ownership import OwnerInfo
    from drill_app.store.store import NewExercise
    from drill_app.ui.exercise.exercise_view import ExerciseView
    from drill_app.ui.plan.plan_browser import PlanBrowserWindow
    from drill_app.ui.session import Archive, ExerciseSession, LoadedExercise, StartPageData
    from drill_app.ui.start.start_page import StartPageWidget


def user_scenario_folder() -> Path:
    """Where users put their own scenario files: beside the default database."""
    import platformdirs

    return Path(platformdirs.user_data_dir("drill-app", appauthor=False)) / "scenarios"


class MainWindow(DatabaseFiles):
    """Start page → running exercise → score, with the archive behind them."""

    start_page_populated = Signal()
    """The start page shows the database's data (after every refresh)."""
    start_summary_shown = Signal()  # the page as last shown + the database's exercises
    exercise_shown = Signal(str)  # exercise id, when its exercise (or score) page is shown

    START, EXERCISE, SCORE = range(3)

    def __init__(
        self,
        plan_path: Path = DEFAULT_PLAN,
        language: str = DEFAULT_LANGUAGE,
        db_url: str | None = None,
        settings: AppSettings | None = None,
        user_scenarios: Path | None = None,
        wall_clock: Callable[[], float] = time.time,
        parent: QWidget | None = None,
        plan_cache: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.plan_path = plan_path
        self.trainee_windows: list[QWidget] = []
        self.plan_cache = plan_cache
        """Folder of the validated-plan cache (core.plan_cache); None: no cache."""
        self.language = language
        self.settings = settings if settings is not None else AppSettings.user()
        self.user_scenarios = (
            user_scenarios if user_scenarios is not None else user_scenario_folder()
        )
        self._db_url = db_url or self.settings.database_url or ""
        self._wall_clock = wall_clock
        self.plan: Plan | None = None
        self.archive: Archive | None = None
        self.session: ExerciseSession | None = None
        self.exercise_view: ExerciseView | None = None
        self.score_view: QWidget | None = None
        self.plan_browser: PlanBrowserWindow | None = None
        self._reopen_id = self.settings.open_exercise_id
        self._started = False
        self._closed = False

        self.setWindowTitle("drill-app")
        self._start_page: StartPageWidget | None = None
        self.summary = StartSummaryCache(plan_cache, plan_path, self.user_scenarios, language)
        self.exercise_page = QStackedWidget(self)
        self.exercise_page.setObjectName("exercise_page")
        self.score_page = QStackedWidget(self)
        self.score_page.setObjectName("score_page")
        self.stack = QStackedWidget(self)
        self._placeholder = QWidget(self)  # the start page's place until it is built
        self.stack.addWidget(self._placeholder)
        self.stack.addWidget(self.exercise_page)
        self.stack.addWidget(self.score_page)
        self.setCentralWidget(self.stack)
        self.database_label = QLabel(self)
        self.language_notice = QLabel(self)
        self.language_notice.setObjectName("language_notice")
        self.language_notice.setStyleSheet(f"color: {CAUTION_COLOUR}; font-weight: bold;")
        self.language_notice.hide()
        self.statusBar().addPermanentWidget(self.language_notice)
        self.statusBar().addPermanentWidget(self.database_label)
        self.projector = ProjectorActions(self, self.settings, self._current_exercise_view)
        self._build_menus()
        self._update_actions()
        fit_to_screen(self, QSize(1280, 800))
        geometry = self.settings.window_geometry
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.window_state
        if not state.isEmpty():
            self.restoreState(state)

    @property
    def start_page(self) -> StartPageWidget:
        """The start page, built when first wanted: after the first paint (``start()``),
        so that its widgets and their imports do not delay the window's frame."""
        if self._start_page is None:
            from drill_app.ui.start.start_page import StartPageWidget

            page = StartPageWidget(is_english(self.language), self.user_scenarios, self)
            page.new_exercise_requested.connect(self.new_exercise)
            page.open_exercise_requested.connect(self.open_exercise)
            page.refresh_requested.connect(self.refresh_start_page)
            page.open_database_requested.connect(self._open_database_requested)
            page.backup_chosen.connect(self.use_backup)
            page.join_requested.connect(self.join_exercise)
            shown = self.stack.currentIndex() == self.START
            self.stack.insertWidget(self.START, page)
            self.stack.removeWidget(self._placeholder)
            self._placeholder.deleteLater()
            if shown:
                self.stack.setCurrentIndex(self.START)
            page.show_loading(self._db_url)
            self._start_page = page
        return self._start_page

    # --- menus -------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        # setShortcuts, not setShortcut: the latter converts all of Qt.* enums (~25 ms).
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_action = QAction(self.tr("&New exercise…"), self)
        self.new_action.setShortcuts(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(lambda: self.new_exercise(None))
        file_menu.addAction(self.new_action)
        self.open_database_action = QAction(self.tr("Open &database…"), self)
        self.open_database_action.triggered.connect(self._open_database_requested)
        file_menu.addAction(self.open_database_action)
        file_menu.addSeparator()
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcuts(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.home_action = QAction(self.tr("&Start page"), self)
        self.home_action.setShortcuts([QKeySequence("Ctrl+Home")])
        self.home_action.triggered.connect(self.show_start_page)
        view_menu.addAction(self.home_action)
        self.plan_browser_action = QAction(self.tr("&Plan browser"), self)
        self.plan_browser_action.setShortcuts([QKeySequence("Ctrl+B")])
        self.plan_browser_action.triggered.connect(self.show_plan_browser)
        view_menu.addAction(self.plan_browser_action)
        view_menu.addSeparator()
        self.projector.add_to(view_menu)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_actions = QActionGroup(self)
        for code, name in zip(SUPPORTED_LANGUAGES, ("中文", "English"), strict=True):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            self.language_actions.addAction(action)
            language_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = QAction(self.tr("&About"), self)
        self.about_action.triggered.connect(self._about_requested)
        help_menu.addAction(self.about_action)

    def _current_exercise_view(self) -> ExerciseView | None:
        view = self.exercise_view
        return view if view is not None and self.stack.currentIndex() == self.EXERCISE else None

    def _update_actions(self) -> None:
        self.projector.update()
        ready = self.archive is not None and self.start_page.data is not None
        self.new_action.setEnabled(ready and bool(self.start_page.valid_scenarios()))
        self.open_database_action.setEnabled(self.archive is not None)
        self.plan_browser_action.setEnabled(self.plan is not None)
        self.home_action.setEnabled(self.stack.currentIndex() != self.START)

    # --- start-up -----------------------------------------------------------------------------

    def start(self) -> bool:
        """Load the plan, start the archive and open the database.

        Call after the window is shown.  False when the plan file is invalid (its
        problems were shown); the window then stays empty.
        """
        if self.summary.show(self.start_page, self._db_url):  # painted before the plan loads
            self.start_summary_shown.emit()
        from drill_app import __version__
        from drill_app.core.plan_cache import load_plan_cached
        from drill_app.core.sourcefile import DataFileError

        # The plan first: with an invalid plan nothing is started, no database is touched.
        try:
            self.plan = load_plan_cached(self.plan_path, self.plan_cache, __version__)
        except DataFileError as error:
            from drill_app.ui.shared.dialogs import ProblemListDialog

            ProblemListDialog.show_modal(
                self,
                QCoreApplication.translate("Application", "drill-app: cannot open the plan"),
                QCoreApplication.translate(
                    "Application", "The plan file {file} has errors and was not opened:"
                ).format(file=self.plan_path),
                [str(problem) for problem in error.problems],
            )
            return False
        from drill_app.ui.session import Archive

        with contextlib.suppress(OSError):  # so that users find it where the start page says
            self.user_scenarios.mkdir(parents=True, exist_ok=True)
        self.archive = Archive(
            self.plan_path, self.user_scenarios, self._wall_clock, self, plan=self.plan
        )
        worker = self.archive.worker
        worker.store_opened.connect(self._store_opened)
        worker.start_page_ready.connect(self._start_page_ready)
        worker.store_failed.connect(self._store_failed)
        worker.exercise_created.connect(self._exercise_created)
        worker.exercise_loaded.connect(self._exercise_loaded)
        worker.owned_elsewhere.connect(self._owned_elsewhere)
        worker.failed.connect(self._archive_failed)
        self.archive.open_store(self._db_url)
        self._started = True
        self._update_actions()
        return True

    # --- the database -------------------------------------------------------------------------

    def open_database(self, url: str) -> None:
        """Open the database at *url* ("" = the default); the start page follows."""
        assert self.archive is not None
        self.close_exercise()
        self._db_url = url
        self.start_page.data = None
        self.start_page.show_loading(url)
        self.database_label.setText("")
        self.stack.setCurrentIndex(self.START)
        self._update_actions()
        self.archive.open_store(url)

    @Slot(object)
    def _store_opened(self, data: StartPageData) -> None:
        self.settings.database_url = data.database
        self._show_start_page_data(data)
        if self.archive is not None:  # (before any other request: they need the Store)
            self.archive.complete_opening()
        reopen, self._reopen_id = self._reopen_id, ""
        running = {x.id: x for x in data.exercises if x.status == "running"}
        if reopen in running and self.archive is not None:
            self.statusBar().showMessage(
                self.tr("Continuing the exercise that was running: {title}").format(
                    title=running[reopen].title
                ),
                10_000,
            )
            self.archive.open_exercise(reopen)

    @Slot(object)
    def _start_page_ready(self, data: StartPageData) -> None:
        self._show_start_page_data(data)

    def _show_start_page_data(self, data: StartPageData) -> None:
        self._db_url = data.database
        self.start_page.set_data(data, self.plan)
        self.summary.save(self.start_page, self.plan)
        self.database_label.setText(self.tr("Database: {url}").format(url=data.database))
        self._update_actions()
        self.start_page_populated.emit()

    @Slot(str)
    def _store_failed(self, message: str) -> None:
        self._reopen_id = ""
        self.start_page.data = None
        self.start_page.show_problem(message, self.backups())
        self.stack.setCurrentIndex(self.START)
        self._update_actions()

    @Slot(str, str)
    def _archive_failed(self, what: str, message: str) -> None:
        # Never a traceback in front of the user: its last line says what went wrong.
        lines = [line for line in message.strip().splitlines() if line.strip()]
        last = lines[-1] if lines else message
        if what == "open_store":
            self._store_failed(last)
        elif what == "create_exercise":
            self.show_error(self.tr("The exercise was not created"), last)
        elif what == "open_exercise":
            self.show_error(self.tr("The exercise could not be opened"), last)
        elif what == "verify_exercise":
            self.show_error(self.tr("This exercise's stored record has been altered"), last)

    def show_error(self, title: str, message: str) -> None:
        from drill_app.ui.shared.dialogs import ProblemListDialog

        ProblemListDialog.show_modal(self, title, title, [message])

    def refresh_start_page(self) -> None:
        if self.archive is not None and self.start_page.data is not None:
            self.archive.refresh_start_page()

    # --- exercises ---------------------------------------------------------------------------

    def new_exercise(self, entry: Any = None) -> None:
        """Ask for a new exercise (with *entry*'s scenario selected) and create it."""
        if self.archive is None or self.plan is None or self.start_page.data is None:
            return
        scenarios = self.start_page.valid_scenarios()
        if not scenarios:
            return
        from drill_app.ui.start.new_exercise_dialog import NewExerciseDialog, read_text_file

        selected = entry.path if entry is not None else self.start_page.selected_scenario_path()
        new = NewExerciseDialog.ask(
            self,
            self.plan,
            read_text_file(self.plan_path),
            scenarios,
            selected,
            english=is_english(self.language),
            roster=self.settings.roster,
        )
        if new is not None:
            self.settings.remember_roster((seat.unit_id, seat.participant) for seat in new.seats)
            self.create_exercise(new)

    def join_exercise(self, address: str = "") -> None:
        """Join an exercise hosted on the network (at *address*) as a trainee (its own
        window)."""
        if self.plan is None:
            return
        from drill_app.ui.start.new_exercise_dialog import read_text_file
        from drill_app.ui.trainee.launch import join_room

        window = join_room(self, self.plan, read_text_file(self.plan_path), address)
        if window is not None:  # kept while open, let go when closed
            from PySide6.QtCore import Qt

            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.trainee_windows.append(window)
            window.destroyed.connect(lambda: self.trainee_windows.remove(window))

    def create_exercise(self, new: NewExercise) -> None:
        assert self.archive is not None
        self.statusBar().showMessage(self.tr("Creating the exercise…"))
        self.archive.create_exercise(new)

    @Slot(str)
    def _exercise_created(self, exercise_id: str) -> None:
        self.statusBar().clearMessage()
        self.open_exercise(exercise_id)

    def open_exercise(self, exercise_id: str) -> None:
        if self.archive is None:
            return
        self.statusBar().showMessage(self.tr("Opening the exercise…"), 5_000)
        self.archive.open_exercise(exercise_id)

    @Slot(str, str, object)
    def _owned_elsewhere(self, exercise_id: str, title: str, owner: OwnerInfo) -> None:
        """A live process runs it: nothing is written here; offer to join or to watch."""
        from drill_app.ui.exercise.owned_elsewhere_dialog import OwnedElsewhereDialog

        self.statusBar().clearMessage()
        choice = OwnedElsewhereDialog.ask(self, title, owner, can_join=bool(owner.address))
        if choice == "watch" and self.archive is not None:
            self.archive.watch_exercise(exercise_id)
        elif choice == "join":  # the join dialog with the host's address filled in
            self.join_exercise(owner.address)

    @Slot(object)
    def _exercise_loaded(self, loaded: LoadedExercise) -> None:
        from drill_app.ui.session import ExerciseSession

        assert self.archive is not None
        if self.statusBar().currentMessage() == self.tr("Opening the exercise…"):
            self.statusBar().clearMessage()  # done (other messages stay their time)
        self.close_exercise(release=False)  # (the archive has already let the last one go)
        self.session = ExerciseSession(self.archive, loaded, self._wall_clock, self)
        self.session.out_of_step.connect(self._session_out_of_step)
        self.setWindowTitle(f"drill-app — {loaded.title}")
        if self.session.mirror.ended:
            self.show_score()
        elif loaded.watched_from is not None:
            self._show_exercise_view()
        else:
            self.settings.open_exercise_id = loaded.exercise_id
            self._show_exercise_view()
        self.exercise_shown.emit(loaded.exercise_id)

    @Slot(str)
    def _session_out_of_step(self, problem: str) -> None:
        """The window could not follow a committed event: it is reloaded from disk."""
        self.statusBar().showMessage(
            self.tr(
                "The window fell out of step with the archive ({problem}); reloaded from disk."
            ).format(problem=problem),
            30_000,
        )

    def _show_exercise_view(self) -> None:
        assert self.session is not None
        from drill_app.ui.exercise.exercise_view import ExerciseView  # imports the core

        view = ExerciseView(self.session, self)
        view.exercise_ended.connect(self._exercise_ended)
        self.exercise_view = view
        self.exercise_page.addWidget(view)
        self.exercise_page.setCurrentWidget(view)
        self.stack.setCurrentIndex(self.EXERCISE)
        # Once the view has its size: restored before, the splitters would be rescaled.
        QTimer.singleShot(0, view, lambda: self._restore_layout(view))
        self._update_actions()

    def _exercise_ended(self, *_args: object) -> None:
        self.settings.open_exercise_id = ""
        self.show_score()
        if self.archive is not None:
            self.archive.refresh_start_page()

    def show_score(self) -> None:
        assert self.session is not None and self.archive is not None
        from drill_app.ui.score.score_view import ScoreView  # imports the core

        view = ScoreView(self.session, self.archive, self)
        if self.score_view is not None:
            self._discard(self.score_view)
        self.score_view = view
        self.score_page.addWidget(view)
        self.score_page.setCurrentWidget(view)
        self.stack.setCurrentIndex(self.SCORE)
        self._update_actions()

    def _discard(self, widget: QWidget) -> None:
        widget.hide()
        widget.setParent(None)
        widget.deleteLater()

    def _restore_layout(self, view: QWidget) -> None:
        """The exercise view's splitters as the user left them last time."""
        for splitter_name, option in (
            ("splitter", "exercise_splitter"),
            ("left", "exercise_left_splitter"),
        ):
            state = getattr(self.settings, option)
            splitter = getattr(view, splitter_name, None)
            if isinstance(splitter, QSplitter) and not state.isEmpty():
                splitter.restoreState(state)

    def _save_layout(self, view: QWidget) -> None:
        for splitter_name, option in (
            ("splitter", "exercise_splitter"),
            ("left", "exercise_left_splitter"),
        ):
            splitter = getattr(view, splitter_name, None)
            if isinstance(splitter, QSplitter):
                setattr(self.settings, option, splitter.saveState())

    def close_exercise(self, *, release: bool = True) -> None:
        """Leave the open exercise (it keeps running on its clock) and its views; *release*:
        the archive stops hosting it and gives up its claim."""
        if release and self.session is not None and self.archive is not None:
            self.archive.close_exercise()
        if self.exercise_view is not None:
            self._save_layout(self.exercise_view)
        for view in (self.exercise_view, self.score_view):
            if view is not None:
                self._discard(view)
        self.exercise_view = self.score_view = None
        if self.session is not None:
            self.session.deleteLater()
            self.session = None
        self.setWindowTitle("drill-app")

    def show_start_page(self) -> None:
        self.settings.open_exercise_id = ""
        self.close_exercise()
        self.stack.setCurrentIndex(self.START)
        self._update_actions()
        self.refresh_start_page()

    # --- other windows ----------------------------------------------------------------------

    def show_plan_browser(self) -> None:
        if self.plan is None:
            return
        if self.plan_browser is None:
            from drill_app.ui.plan.plan_browser import PlanBrowserWindow

            self.plan_browser = PlanBrowserWindow(self.plan, self.plan_path, self.language, self)
        self.plan_browser.show()
        self.plan_browser.raise_()
        self.plan_browser.activateWindow()

    def choose_language(self, language: str) -> None:
        """Remember *language*; it applies at the next start, which the status bar says
        (in both languages) until then."""
        self.settings.language = language
        if language == self.language:
            self.language_notice.hide()
            return
        self.statusBar().showMessage(
            self.tr("The language changes the next time drill-app starts."), 10_000
        )
        names = {"zh_CN": "下次启动时界面改为中文", "en": "English from the next start"}
        self.language_notice.setText(
            self.tr("Language: {change}").format(change=names.get(language, language))
        )
        self.language_notice.setToolTip(
            self.tr("The language changes the next time drill-app starts.")
        )
        self.language_notice.show()

    def _about_requested(self) -> None:
        from drill_app.ui.about_dialog import AboutDialog

        AboutDialog.show_modal(self, self.plan.identity.title if self.plan else None, self._db_url)

    # --- closing -----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Remember the window, stop the views and the archive thread (idempotent)."""
        if self._closed:
            return
        self._closed = True
        if self._started:  # (a window that never started has nothing worth remembering)
            self.settings.window_geometry = self.saveGeometry()
            self.settings.window_state = self.saveState()
            if self.exercise_view is not None:
                self._save_layout(self.exercise_view)
            self.settings.sync()
        # The open exercise's id stays in the settings: it is reopened at the next start.
        self.close_exercise()
        self.statusBar().showMessage("")  # (stops the timer of a timed message)
        if self.plan_browser is not None:
            self.plan_browser.close()
        if self.archive is not None:
            self.archive.shutdown()
