"""The start page as it was last shown, kept to show it again before the plan is loaded.

Importing the plan's model (pydantic) and validating the scenarios take most of the
start-up after the first paint.  What the scenario library showed (every cell, the
detail of every row, the plan's line) is kept in one JSON file next to the validated-plan
cache, keyed by the app version, the interface language and the SHA-256 of the plan file
and of every scenario file (built-in and the user's folder, with their paths).  At the
next start, a matching file is shown at once together with the exercises read from the
database (store.summaries, plain sqlite3) and the §9.3 schedule computed from them; the
plan and the scenarios are then loaded and validated as usual and the page is filled
again from them, so a summary never stays on screen.  Until then the buttons that need
the plan are disabled.  A missing, damaged or non-matching file is ignored (the usual
path runs and writes it again); deleting it is always safe.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drill_app.paths import SCENARIOS_DIR

if TYPE_CHECKING:
    from drill_app.core.plan import Plan
    from drill_app.ui.start.start_page import StartPageWidget

SUMMARY_FORMAT = 1
SUMMARY_FILE = "start-page.json"


@dataclass(frozen=True)
class SummaryRow:
    """A row of the scenario library as shown: its cells and its detail (HTML)."""

    path: Path
    built_in: bool
    valid: bool
    problems: tuple[str, ...]
    cells: tuple[str, ...]
    detail: str


@dataclass(frozen=True)
class StartSummary:
    key: str
    plan_line: str
    plan_ref: str
    interval_years: int
    in_force_from: dt.date | None
    rows: tuple[SummaryRow, ...]


def scenario_files(user_folder: Path | None) -> list[tuple[Path, bool]]:
    """The scenario library's files, in its order: (path, built in)."""
    folders = [(SCENARIOS_DIR, True)]
    if user_folder is not None and user_folder.is_dir():
        folders.append((user_folder, False))
    return [
        (path, built_in) for folder, built_in in folders for path in sorted(folder.glob("*.y*ml"))
    ]


def summary_key(plan_path: Path, user_folder: Path | None, language: str, version: str) -> str:
    """What the page shown depends on: raises OSError when a file cannot be read."""
    import hashlib  # (loads OpenSSL: not before the first paint)

    digest = hashlib.sha256(f"{SUMMARY_FORMAT}\0{version}\0{language}\0".encode())
    for path in [plan_path, *(path for path, _ in scenario_files(user_folder))]:
        digest.update(f"{path}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _decode(text: str) -> StartSummary:
    raw = json.loads(text)
    rows = tuple(
        SummaryRow(
            Path(row["path"]),
            bool(row["built_in"]),
            bool(row["valid"]),
            tuple(str(p) for p in row["problems"]),
            tuple(str(c) for c in row["cells"]),
            str(row["detail"]),
        )
        for row in raw["rows"]
    )
    day = raw["in_force_from"]
    return StartSummary(
        str(raw["key"]),
        str(raw["plan_line"]),
        str(raw["plan_ref"]),
        int(raw["interval_years"]),
        dt.date.fromisoformat(day) if day else None,
        rows,
    )


def _encode(summary: StartSummary) -> str:
    raw: dict[str, Any] = asdict(summary)
    raw["in_force_from"] = summary.in_force_from.isoformat() if summary.in_force_from else None
    raw["rows"] = [{**asdict(row), "path": str(row.path)} for row in summary.rows]
    return json.dumps(raw, ensure_ascii=False)


class StartSummaryCache:
    """The summary file of one window: ``show`` at start, ``save`` whenever the page
    is filled from the loaded plan.  *folder* None: no summary at all."""

    def __init__(
        self, folder: Path | None, plan_path: Path, user_folder: Path | None, language: str
    ) -> None:
        self.folder = folder
        self._plan_path = plan_path
        self._user_folder = user_folder
        self._language = language
        self._saved: StartSummary | None = None

    def _key(self) -> str | None:
        from drill_app import __version__

        try:
            return summary_key(self._plan_path, self._user_folder, self._language, __version__)
        except OSError:
            return None

    def load(self) -> StartSummary | None:
        """The summary for the files as they are now, or None."""
        key = self._key() if self.folder is not None else None
        if key is None or self.folder is None:
            return None
        try:
            summary = _decode((self.folder / SUMMARY_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):  # missing or damaged: ignored
            return None
        return summary if summary.key == key else None

    def show(self, page: StartPageWidget, db_url: str) -> bool:
        """Show the summary with the database's exercises; False when there is none
        (no matching summary, or a database that needs the Store to be listed)."""
        summary = self.load()
        if summary is None:
            return False
        from drill_app.store.summaries import default_url, quick_start_page

        quick = quick_start_page(db_url or default_url())
        if quick is None:
            return False
        self._saved = summary
        page.show_summary(summary, quick.exercises, quick.open_improvements)
        return True

    def save(self, page: StartPageWidget, plan: Plan | None) -> None:
        """Keep what *page* shows now (filled from *plan*), if it changed."""
        key = self._key() if self.folder is not None and plan is not None else None
        if key is None or self.folder is None or plan is None:
            return
        summary = StartSummary(
            key,
            page.source_label.text(),
            plan.drills.ref,
            plan.drills.interval_years,
            plan.identity.in_force_from,
            page.summary_rows(),
        )
        if summary == self._saved:
            return
        import tempfile

        with contextlib.suppress(OSError):  # a cache: not being able to write it is fine
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(_encode(summary))
                Path(temporary).replace(self.folder / SUMMARY_FILE)
            finally:
                Path(temporary).unlink(missing_ok=True)
            self._saved = summary
