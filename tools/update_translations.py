#!/usr/bin/env python3
"""Regenerate the interface translations from the sources and compile them.

    .venv/bin/python tools/update_translations.py          # update every .ts, compile .qm
    .venv/bin/python tools/update_translations.py --check  # fail if a .ts is stale/unfinished

What it does: `pyside6-lupdate` scans drill_app/ui/, drill_app/reports/ and drill_app/wording/
for `self.tr("...")` and
`QCoreApplication.translate("Context", "...")` and merges the strings into each
assets/translations/drill_app_<lang>.ts, keeping the translations already there and
dropping strings that no longer exist; `pyside6-lrelease` then compiles each .ts into the
drill_app_<lang>.qm beside it. Commit both files.

Interface strings are written in English in the code; English needs no translation file.

To translate a new or changed string: run this script, fill the empty <translation>
elements of the .ts (with `.venv/bin/pyside6-linguist assets/translations/drill_app_zh_CN.ts`
or in a text editor, removing `type="unfinished"`), then run the script again to compile.
Keep `{placeholders}` and `&` mnemonics (Chinese: "文件(&F)") in the translation.

Several people adding strings at once: instead of editing the shared .ts, each writes
the translations of their new strings to assets/translations/pending/<LANG>-<NAME>.tsv,
one per line: context TAB source TAB translation (use \n for a newline in a string).
This script fills every unfinished message of drill_app_<LANG>.ts that a pending file
translates. Once the work has landed, fold them in with `--fold` (fills the .ts, then
deletes the pending files) so the .ts stays the one source of translations.

To add a language, e.g. Japanese: run `tools/update_translations.py --add ja`, translate
drill_app_ja.ts as above, run the script again, and add "ja" to SUPPORTED_LANGUAGES in
drill_app/ui/shared/i18n.py.

Standard library only (plus the PySide6 tools from the venv).
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES_DIRS = (
    ROOT / "drill_app" / "ui",
    ROOT / "drill_app" / "reports",
    ROOT / "drill_app" / "wording",
)
TRANSLATIONS_DIR = ROOT / "assets" / "translations"
TS_PREFIX = "drill_app_"
LUPDATE_OPTIONS = ["-no-obsolete", "-locations", "none", "-silent"]


def tool(name: str) -> str:
    """A PySide6 tool from the running Python's environment, else from PATH."""
    for folder in (
        Path(sys.executable).parent,
        Path(sys.prefix) / "bin",
        Path(sys.prefix) / "Scripts",
    ):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials into this Python")
    return found


def source_files() -> list[Path]:
    return sorted(
        path
        for folder in SOURCES_DIRS
        for path in folder.rglob("*.py")
        if "__pycache__" not in path.parts
    )


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS_DIR.glob(f"{TS_PREFIX}*.ts"))


def lupdate(ts_paths: list[Path]) -> None:
    sources = [str(path) for path in source_files()]
    command = [tool("pyside6-lupdate"), *LUPDATE_OPTIONS, *sources, "-ts", *map(str, ts_paths)]
    subprocess.run(command, check=True)


def lrelease(ts_path: Path, qm_path: Path) -> None:
    command = [tool("pyside6-lrelease"), "-silent", str(ts_path), "-qm", str(qm_path)]
    subprocess.run(command, check=True)


def unfinished(ts_path: Path) -> list[str]:
    """Source strings of *ts_path* without a finished translation."""
    missing: list[str] = []
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (translation.text or "").strip()
            ):
                missing.append(f"{name}: {message.findtext('source', '')}")
    return missing


def add_language(language: str) -> int:
    ts_path = TRANSLATIONS_DIR / f"{TS_PREFIX}{language}.ts"
    if ts_path.exists():
        print(f"{ts_path.relative_to(ROOT)} exists already")
        return 1
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *LUPDATE_OPTIONS,
            *map(str, source_files()),
            "-target-language",
            language,
            "-ts",
            str(ts_path),
        ],
        check=True,
    )
    print(f"created {ts_path.relative_to(ROOT)}: translate it, then run this script again")
    return 0


PENDING_DIR = TRANSLATIONS_DIR / "pending"


def pending_translations(language: str) -> dict[tuple[str, str], str]:
    """(context, source) -> translation from pending/<language>-*.tsv."""
    table: dict[tuple[str, str], str] = {}
    for path in sorted(PENDING_DIR.glob(f"{language}-*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path}:{number}: expected context<TAB>source<TAB>translation")
            context, source, translation = (p.replace("\\n", "\n") for p in parts)
            table[(context, source)] = translation
    return table


def fill_pending(ts_path: Path) -> int:
    """Fill unfinished messages of *ts_path* from the pending files; return how many."""
    language = ts_path.stem.removeprefix(TS_PREFIX)
    table = pending_translations(language)
    if not table:
        return 0
    tree = ET.parse(ts_path)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            key = (name, message.findtext("source", ""))
            if translation is None or key not in table:
                continue
            if translation.get("type") == "unfinished" or not (translation.text or "").strip():
                translation.text = table[key]
                translation.attrib.pop("type", None)
                filled += 1
    if filled:
        ET.indent(tree, space="    ")
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts_path.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
            encoding="utf-8",
        )
        lupdate([ts_path])  # back to lupdate's own layout
    return filled


def update(*, fold: bool = False) -> int:
    paths = ts_files()
    if not paths:
        print(f"no {TS_PREFIX}*.ts in {TRANSLATIONS_DIR}; use --add LANGUAGE")
        return 1
    lupdate(paths)
    for ts_path in paths:
        fill_pending(ts_path)
    if fold:
        for pending in PENDING_DIR.glob("*.tsv"):
            pending.unlink()
    status = 0
    for ts_path in paths:
        lrelease(ts_path, ts_path.with_suffix(".qm"))
        missing = unfinished(ts_path)
        print(f"{ts_path.relative_to(ROOT)}: {len(missing)} unfinished")
        for entry in missing:
            print(f"  {entry}")
        status = status or (1 if missing else 0)
    return status


def check() -> int:
    """Fail when a .ts misses strings of the sources, is unfinished, or its .qm is stale."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for ts_path in ts_files():
            fresh_ts = Path(scratch) / ts_path.name
            shutil.copyfile(ts_path, fresh_ts)
            lupdate([fresh_ts])
            fill_pending(fresh_ts)
            if not filecmp.cmp(ts_path, fresh_ts, shallow=False):
                problems.append(f"{ts_path.name} is not up to date with the sources")
            problems += [f"{ts_path.name}: unfinished: {entry}" for entry in unfinished(fresh_ts)]
            fresh_qm = fresh_ts.with_suffix(".qm")
            lrelease(ts_path, fresh_qm)
            qm_path = ts_path.with_suffix(".qm")
            if not qm_path.exists() or not filecmp.cmp(qm_path, fresh_qm, shallow=False):
                problems.append(f"{qm_path.name} does not match {ts_path.name}")
    for problem in problems:
        print(problem)
    if problems:
        print("run: .venv/bin/python tools/update_translations.py")
    return 1 if problems else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="only check, change nothing")
    group.add_argument("--add", metavar="LANGUAGE", help="start a translation, e.g. ja or zh_TW")
    group.add_argument(
        "--fold", action="store_true", help="fill the .ts from pending/*.tsv, then delete those"
    )
    args = parser.parse_args(argv)
    if args.add:
        return add_language(args.add)
    if args.check:
        return check()
    return update(fold=args.fold)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
