#!/usr/bin/env python3
"""Save screenshots of the plan browser to docs/screenshots/ (offscreen, no display needed).

    .venv/bin/python tools/screenshots.py [--plan PATH] [--out DIR]

Shoots the Chinese interface (the default for our users) section by section, and one
English shot. Needs a CJK font (Debian: fonts-noto-cjk), or Chinese shows as boxes.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (file name, language, section key, table key to select a row in, row to select)
SHOTS: tuple[tuple[str, str, str, str, int], ...] = (
    ("plan-browser-units.png", "zh_CN", "units", "units", 5),
    ("plan-browser-levels.png", "zh_CN", "levels", "level_bands", 2),
    ("plan-browser-warnings.png", "zh_CN", "warnings", "warning_colours", 1),
    ("plan-browser-reporting.png", "zh_CN", "reporting", "report_obligations", 0),
    ("plan-browser-overview.png", "zh_CN", "overview", "command", 2),
    ("plan-browser-units-en.png", "en", "units", "units", 5),
)
WINDOW_SIZE = (1280, 800)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from drill_app.core.plan import load_plan
    from drill_app.paths import DEFAULT_PLAN
    from drill_app.ui.i18n import install_translators, interface_font, remove_translators
    from drill_app.ui.plan_browser import PlanBrowserWindow

    parser = argparse.ArgumentParser(description="Save plan browser screenshots.")
    parser.add_argument("--plan", type=Path, default=DEFAULT_PLAN)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)

    app = QApplication([sys.argv[0]])
    app.setApplicationName("drill-app")
    app.setOrganizationName("drill-app")
    app.setFont(interface_font(app.font()))
    plan = load_plan(args.plan)
    args.out.mkdir(parents=True, exist_ok=True)

    for file_name, language, section_key, table_key, row in SHOTS:
        translators = install_translators(app, language)
        try:
            window = PlanBrowserWindow(plan, args.plan, language)
            window.resize(*WINDOW_SIZE)
            window.show()
            window.show_section(section_key)
            window.current_section().table(table_key).select_row(row)
            app.processEvents()
            target = args.out / file_name
            if not window.grab().save(str(target)):
                print(f"could not write {target}", file=sys.stderr)
                return 1
            print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
            window.close()
            window.deleteLater()
            app.processEvents()
        finally:
            remove_translators(app, translators)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
