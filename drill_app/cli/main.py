"""The `drill-app` command: the GUI by default, plus headless verbs.

Bad input never shows a traceback: it exits with status 2 and a one-line
message naming the file, the line or the field and what is wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from drill_app import __version__
from drill_app.cli.errors import EXIT_FINDINGS, EXIT_USAGE, RecordAltered, UsageError
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drill-app",
        description=(
            "Run and score emergency drills against the district gas emergency plan. "
            "Without a command, opens the application window."
        ),
    )
    parser.add_argument("--version", action="version", version=f"drill-app {__version__}")
    parser.add_argument(
        "--plan",
        type=Path,
        default=DEFAULT_PLAN,
        metavar="FILE",
        help="plan file to use (default: the built-in Lixia 2025 gas plan)",
    )
    parser.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help=(
            "database URL (default: $DRILL_APP_DB, else a SQLite file in the user data "
            "folder); e.g. sqlite:///drills.sqlite3 or postgresql+psycopg://user@host/db"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=("zh_CN", "en"),
        default=None,
        help="language of the window and the documents (default: the last one chosen, "
        "else zh_CN, Chinese)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    classify = commands.add_parser(
        "classify",
        help="incident level and warning colour for a set of facts",
        description=(
            "Read one JSON object of facts (a file, or - for standard input) and print one "
            "JSON object with the incident level (§1.6.2), the warning colour (§3.3), the "
            "reasons with their § references, and who leads the response."
        ),
    )
    classify.add_argument("file", metavar="FILE", help="JSON file of facts, or - for stdin")

    plan = commands.add_parser("plan", help="work with plan files")
    plan_commands = plan.add_subparsers(dest="plan_command", metavar="COMMAND", required=True)
    check = plan_commands.add_parser(
        "check",
        help="validate plan files",
        description="Validate plan files; print each problem as file:line:column: message.",
    )
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")

    validate = commands.add_parser(
        "validate",
        help="check scenario files against the schema and the plan",
        description=(
            "Check scenario files (or every *.yaml in a folder) against the scenario schema "
            "and the plan. Each problem is printed as file:line:column: message. Exit status: "
            "0 no problems, 1 problems found, 2 a file could not be read as a scenario at all."
        ),
    )
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")

    replay = commands.add_parser(
        "replay",
        help="run an exercise headless from a file of timed actions and print the score",
        description=(
            "Run SCENARIO headless with the actions in ACTIONS (JSON lines, see "
            "docs/replay-format.md) and print the score: a table, or JSON with --json."
        ),
    )
    replay.add_argument("scenario", type=Path, metavar="SCENARIO")
    replay.add_argument("actions", type=Path, metavar="ACTIONS")
    replay.add_argument("--json", action="store_true", help="print the score as JSON")
    replay.add_argument(
        "--scoring",
        type=Path,
        default=DEFAULT_SCORING,
        metavar="FILE",
        help="scoring rules (default: the built-in rules)",
    )
    replay.add_argument(
        "--save", action="store_true", help="store the replayed exercise in the database"
    )
    replay.add_argument(
        "--held-on",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="with --save: the date the drill was held (default: today)",
    )

    verify = commands.add_parser(
        "verify",
        help="check the tamper-evident hash chain of a stored exercise",
        description=(
            "Recompute the whole record of EXERCISE (the exercise, its plan, scenario and "
            "scoring rules, and every event) against its hash chain; exit 1 if anything was "
            "altered. A chain recomputed by someone with write access is found only with "
            "--expect and the final hash printed on the signed scoring sheet."
        ),
    )
    verify.add_argument("exercise", metavar="EXERCISE", help="exercise id (or its start)")
    verify.add_argument(
        "--expect",
        metavar="HASH",
        help="the final hash from the signed paper sheet: exit 1 unless the archive ends in it",
    )

    history = commands.add_parser(
        "history",
        help="drills held, the next one due under §9.3, open improvement items",
    )
    history.add_argument(
        "--today",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date to judge overdue items against (default: today)",
    )
    history.add_argument(
        "--json",
        action="store_true",
        help="print JSON for scripts: last drill, next due date, overdue, drills per year, "
        "open improvement items",
    )

    score = commands.add_parser(
        "score",
        help="score a stored exercise against the plan and scenario it ran with",
        description=(
            "Score EXERCISE from the database against the exact plan and scenario it ran "
            "with, and print the final hash of its event log (to match a paper copy)."
        ),
    )
    score.add_argument("exercise", metavar="EXERCISE")
    score.add_argument("--json", action="store_true", help="print the score as JSON")
    score.add_argument(
        "--force",
        action="store_true",
        help="print even if the record fails verification, marked as not verified",
    )
    score.add_argument(
        "--scoring",
        type=Path,
        default=DEFAULT_SCORING,
        metavar="FILE",
        help="scoring rules (default: the built-in rules)",
    )

    report = commands.add_parser(
        "report",
        help="the scoring sheet or the after-action report as a PDF",
        description=(
            "Write the scoring sheet (--sheet, for the drill or one --unit) or the "
            "after-action report (--aar) of a stored EXERCISE, or of a replay "
            "(--replay SCENARIO ACTIONS), as an A4 PDF with its fonts embedded."
        ),
    )
    report.add_argument("exercise", nargs="?", metavar="EXERCISE")
    report.add_argument("--replay", nargs=2, metavar=("SCENARIO", "ACTIONS"))
    which = report.add_mutually_exclusive_group(required=True)
    which.add_argument("--sheet", action="store_true", help="the scoring sheet (演练评估表)")
    which.add_argument("--aar", action="store_true", help="the after-action report (演练总结报告)")
    report.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    report.add_argument("--unit", metavar="UNIT", help="a unit id or name: its own sheet")
    report.add_argument(
        "--force",
        action="store_true",
        help="with EXERCISE: write it even if the record fails verification, every page "
        "marked as not verified",
    )
    report.add_argument(
        "--held-on",
        type=_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="with --replay: the date of the drill (default: today)",
    )
    report.add_argument(
        "--scoring",
        type=Path,
        default=DEFAULT_SCORING,
        metavar="FILE",
        help="scoring rules (default: the built-in rules)",
    )

    export = commands.add_parser("export", help="write one exercise to a single portable file")
    export.add_argument("exercise", metavar="EXERCISE")
    export.add_argument("output", type=Path, metavar="FILE")
    imp = commands.add_parser("import", help="import an exercise exported on another machine")
    imp.add_argument("file", type=Path, metavar="FILE")

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the scenario format",
    )
    del schema
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _run_gui(args.plan, args.lang, args.db)
        from drill_app.cli import commands  # the core is imported only for a headless verb

        return commands.run(args)
    except UsageError as exc:
        _fail(f"drill-app {args.command}: {exc}")
    except RecordAltered as exc:
        print(f"drill-app {args.command}: {exc}", file=sys.stderr)
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_gone()
    parser.error(f"unknown command {args.command!r}")


def _reader_gone() -> int:
    """The reader of our output went away (`drill-app history | head`): end quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # so the final flush at exit cannot fail again
    os.close(devnull)
    return 0


def _fail(message: str) -> NoReturn:
    print(message, file=sys.stderr)
    raise SystemExit(EXIT_USAGE)


def _run_gui(plan_path: Path, lang: str | None, db_url: str | None = None) -> int:
    from drill_app.ui.app import run_gui  # Qt is imported only when the window is wanted

    return run_gui(plan_path, lang, db_url)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


if __name__ == "__main__":
    raise SystemExit(main())
