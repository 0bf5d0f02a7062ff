"""Another console, in its own process: opens an exercise in the real main window and runs.

    python console_process.py DB_URL EXERCISE_ID SETTINGS_FILE

Prints ``shown EXERCISE_ID`` once its window shows the exercise (it holds the claim then),
and runs until it is killed: the second console of the claim tests.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from drill_app.ui.main_window import MainWindow
from drill_app.ui.shared.settings import AppSettings


def main() -> int:
    db_url, exercise_id, settings_file = sys.argv[1:4]
    app = QApplication(sys.argv[:1])
    settings = AppSettings.in_file(Path(settings_file))
    window = MainWindow(db_url=db_url, settings=settings, user_scenarios=Path(settings_file).parent)
    window.exercise_shown.connect(lambda shown: print("shown", shown, flush=True))
    opened: list[bool] = []

    def open_once() -> None:
        if not opened:  # (after the window asked the archive to finish opening the database)
            opened.append(True)
            QTimer.singleShot(0, lambda: window.open_exercise(exercise_id))

    window.start_page_populated.connect(open_once)
    window.show()
    window.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
