"""The `drill-app` command: the GUI by default, plus headless verbs.

Bad input never shows a traceback: it exits with status 2 and a one-line
message naming the file, the line or the field and what is wrong.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from drill_app import __version__
from drill_app.core.facts import FactsError, validate_facts
from drill_app.core.plan import Plan, load_plan
from drill_app.core.replay import read_actions, replay
from drill_app.core.rules import classify_level, classify_warning, command_for
from drill_app.core.scenario import load_scenario, scenario_json_schema
from drill_app.core.scoring import ScoringRules, load_scoring_rules, sheet_to_json
from drill_app.core.sourcefile import DataFileError
from drill_app.paths import DEFAULT_PLAN, DEFAULT_SCORING
from drill_app.textreport import format_sheet

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input: reported on one line, exit status 2."""


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
        default="zh_CN",
        help="language of the window (default: zh_CN, Chinese)",
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
        description="Recompute the hash chain of EXERCISE's events; exit 1 if it is broken.",
    )
    verify.add_argument("exercise", metavar="EXERCISE", help="exercise id (or its start)")

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
        if args.command == "classify":
            return _classify(args.file, args.plan)
        if args.command == "plan":
            return _plan_check(args.files)
        if args.command == "validate":
            return _validate(args.paths, args.plan)
        if args.command == "replay":
            return _replay(args)
        if args.command == "schema":
            sys.stdout.write(scenario_json_schema())
            return EXIT_OK
        if args.command == "report":
            from drill_app import report_cli

            try:
                return report_cli.run(args)
            except report_cli.ReportError as exc:
                raise UsageError(str(exc)) from None
        if args.command in ("verify", "history", "export", "import", "score"):
            from drill_app import archive_cli  # SQLAlchemy only when a database is used

            return archive_cli.run(args)
    except UsageError as exc:
        _fail(f"drill-app {args.command}: {exc}")
    except KeyboardInterrupt:
        return 130
    parser.error(f"unknown command {args.command!r}")


def _fail(message: str) -> NoReturn:
    print(message, file=sys.stderr)
    raise SystemExit(EXIT_USAGE)


def _run_gui(plan_path: Path, lang: str, db_url: str | None = None) -> int:
    from drill_app.ui.app import run_gui  # Qt is imported only when the window is wanted

    return run_gui(plan_path, lang, db_url)


def _load_plan(path: Path) -> Plan:
    try:
        return load_plan(path)
    except DataFileError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more problems)" if len(exc.problems) > 1 else ""
        raise UsageError(f"invalid plan: {first}{more}") from None


# --- classify ------------------------------------------------------------------------


def _read_json_object(name: str) -> Any:
    label = "<stdin>" if name == "-" else name
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise UsageError(f"{label}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{label}: not UTF-8 text") from None

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise UsageError(f"{label}: duplicate key {key!r}")
            result[key] = value
        return result

    try:
        return json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{label}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise UsageError(f"{label}: JSON nested too deeply") from None


def _classify(name: str, plan_path: Path) -> int:
    raw = _read_json_object(name)
    try:
        facts = validate_facts(raw)
    except FactsError as exc:
        label = "<stdin>" if name == "-" else name
        raise UsageError(f"{label}: {exc}") from None
    plan = _load_plan(plan_path)
    result = classify_facts(plan, facts)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def classify_facts(plan: Plan, facts: dict[str, Any]) -> dict[str, Any]:
    """The `classify` output object for *facts* (already validated)."""
    level = classify_level(plan, facts)
    warning = classify_warning(plan, facts)
    out: dict[str, Any] = {
        "level": level.level,
        "level_name": plan.level(level.level).name if level.level else None,
        "warning": warning.colour,
        "warning_name": plan.colour(warning.colour).name if warning.colour else None,
        "reasons": {
            "level": [
                {
                    "criterion": r.criterion,
                    "fact": r.fact,
                    "value": r.value,
                    "level": r.level,
                    "ref": r.ref,
                    "text": r.text,
                }
                for r in level.reasons
            ],
            "warning": [
                {
                    "criterion": r.criterion,
                    "colour": r.colour,
                    "values": dict(r.values),
                    "ref": r.ref,
                    "text": r.text,
                }
                for r in warning.reasons
            ],
        },
        "command": None,
        "plan": {"id": plan.identity.id, "document_number": plan.identity.document_number},
    }
    if level.level is not None:
        command = command_for(plan, level.level, facts)
        out["command"] = {
            "leads": _duty(plan, command.leads),
            "approves": _duty(plan, command.approves),
            "ends_response": _duty(plan, command.ends_response),
            "releases_information": _duty(plan, command.releases_information),
            "handover_to": _duty(plan, command.handover_to) if command.handover_to else None,
        }
    return out


def _duty(plan: Plan, duty: Any) -> dict[str, str]:
    return {"id": duty.party, "name": plan.party_name(duty.party), "ref": duty.ref}


# --- plan check ------------------------------------------------------------------------


def _plan_check(files: Sequence[Path]) -> int:
    status = EXIT_OK
    for path in files:
        try:
            plan = load_plan(path)
        except DataFileError as exc:
            for problem in exc.problems:
                print(problem)
            status = EXIT_FINDINGS
            continue
        print(f"{path}: ok: {plan.identity.title} ({plan.identity.document_number})")
    return status


# --- validate ------------------------------------------------------------------------


def _scenario_files(paths: Sequence[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        else:
            files.append(path)
    return files


def _validate(paths: Sequence[Path], plan_path: Path) -> int:
    plan = _load_plan(plan_path)
    status = EXIT_OK
    for path in _scenario_files(paths):
        try:
            load_scenario(plan, path)
        except DataFileError as exc:
            for problem in exc.problems:
                print(problem)
            unreadable = any(_is_unreadable(p.message) for p in exc.problems)
            status = max(status, EXIT_USAGE if unreadable else EXIT_FINDINGS)
    return status


def _is_unreadable(message: str) -> bool:
    return message.startswith(("cannot read", "the file is not UTF-8", "YAML", "the file is empty"))


# --- replay ----------------------------------------------------------------------------


def _load_rules(path: Path) -> ScoringRules:
    try:
        return load_scoring_rules(path)
    except DataFileError as exc:
        raise UsageError(f"invalid scoring rules: {exc.problems[0]}") from None


def _replay(args: argparse.Namespace) -> int:
    plan = _load_plan(args.plan)
    rules = _load_rules(args.scoring)
    try:
        scenario = load_scenario(plan, args.scenario)
    except DataFileError as exc:
        raise UsageError(f"invalid scenario: {exc.problems[0]}") from None
    try:
        actions = read_actions(args.actions)
        exercise, sheet = replay(plan, scenario, rules, actions, file=str(args.actions))
    except DataFileError as exc:
        raise UsageError(str(exc.problems[0])) from None
    if args.save:
        from drill_app import archive_cli

        saved = archive_cli.save_replay(args, exercise)
        print(f"saved as exercise {saved}", file=sys.stderr)
    if args.json:
        json.dump(sheet_to_json(plan, sheet, rules), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_sheet(plan, sheet, rules))
    return EXIT_OK


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


if __name__ == "__main__":
    raise SystemExit(main())
