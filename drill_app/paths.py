"""Where the application's bundled files live: the one place that names them.

From a source checkout (or an editable install) they are read from the repository: the
folder above the ``drill_app`` package.  In a frozen bundle (PyInstaller sets
``sys.frozen`` and ``sys._MEIPASS``) the same relative layout sits inside the bundle, so
nothing is read from the source tree; ``packaging/drill-app.spec`` copies every file
named here (``BUNDLED_DATA`` lists them for it).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The folder that holds ``assets/``, ``scenarios/``, ``docs/`` and ``drill_app/``."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS)
    return Path(__file__).resolve().parent.parent


ROOT = resource_root()
ASSETS_DIR = ROOT / "assets"
PLANS_DIR = ASSETS_DIR / "plans"
TRANSLATIONS_DIR = ASSETS_DIR / "translations"
SCENARIOS_DIR = ROOT / "scenarios"
ICONS_DIR = ASSETS_DIR / "icons"
FONTS_DIR = ASSETS_DIR / "fonts"
DOCS_DIR = ROOT / "docs"

DEFAULT_PLAN = PLANS_DIR / "lixia-gas-2025.yaml"
DEFAULT_SCORING = ASSETS_DIR / "scoring" / "default.yaml"
DOCUMENT_FONT_FILE = FONTS_DIR / "wqy-microhei.ttc"
APP_ICON_FILE = ICONS_DIR / "drill-app-256.png"
SCENARIO_SCHEMA_FILE = DOCS_DIR / "scenario.schema.json"
# Alembic reads its scripts (env.py, versions/*.py) as files, so they are data too.
MIGRATIONS_DIR = ROOT / "drill_app" / "store" / "migrations"

# (folder relative to ROOT, glob patterns) of every file the application reads at run
# time; the PyInstaller spec bundles exactly these.
BUNDLED_DATA: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("assets/plans", ("*.yaml",)),
    ("assets/scoring", ("*.yaml",)),
    ("assets/translations", ("*.qm",)),
    ("assets/fonts", ("*.ttc", "README.md")),
    ("assets/icons", ("*.png", "*.svg", "*.ico")),
    ("scenarios", ("*.yaml",)),
    ("docs", ("scenario.schema.json", "scenario-format.md", "replay-format.md")),
    ("drill_app/store/migrations", ("env.py", "script.py.mako")),
    ("drill_app/store/migrations/versions", ("*.py",)),
)
