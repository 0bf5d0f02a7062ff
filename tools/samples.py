#!/usr/bin/env python3
"""Make the sample documents in docs/samples/ from a stored exercise, every page as PNG.

    .venv/bin/python tools/samples.py [--out DIR]

The exercise (tests/reports/stored_drill.py) is replayed into a temporary SQLite
archive with a controller, evaluators, notes, findings and an improvement plan; the
documents are made by `drill-app report` from that archive, so the log's final hash is
verified, and each page is rendered with pdftoppm (poppler-utils) to look at.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = (  # file name, language, report options
    ("scoring-sheet", "zh_CN", ["--sheet"]),
    ("scoring-sheet-emergency", "zh_CN", ["--sheet", "--unit", "emergency"]),
    ("after-action-report", "zh_CN", ["--aar"]),
    ("scoring-sheet-en", "en", ["--sheet"]),
    ("after-action-report-en", "en", ["--aar"]),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "samples")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT / "tests" / "reports"))
    from stored_drill import store_exercise

    from drill_app.cli import main as drill_app

    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.p[dn][fg]"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        url, exercise_id = store_exercise(Path(folder))
        for name, lang, options in DOCUMENTS:
            pdf = args.out / f"{name}.pdf"
            code = drill_app(
                ["--db", url, "--lang", lang, "report", exercise_id, "--pdf", str(pdf), *options]
            )
            if code:
                raise SystemExit(code)
            subprocess.run(
                ["pdftoppm", "-r", "80", "-png", str(pdf), str(args.out / name)], check=True
            )
    for png in sorted(args.out.glob("*.png")):  # pdftoppm pads page numbers: keep N
        stem, _, page = png.stem.rpartition("-")
        png.rename(png.with_name(f"{stem}-{int(page)}.png"))
    print(f"{dt.datetime.now():%H:%M:%S} samples in {args.out}")


if __name__ == "__main__":
    main()
