"""Where the application's bundled files live."""

from __future__ import annotations

from pathlib import Path

ASSETS_DIR = Path(__file__).resolve().parent.parent / "assets"
PLANS_DIR = ASSETS_DIR / "plans"
TRANSLATIONS_DIR = ASSETS_DIR / "translations"
SCENARIOS_DIR = Path(__file__).resolve().parent.parent / "scenarios"

DEFAULT_PLAN = PLANS_DIR / "lixia-gas-2025.yaml"
DEFAULT_SCORING = ASSETS_DIR / "scoring" / "default.yaml"
