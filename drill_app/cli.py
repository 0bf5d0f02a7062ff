"""The `drill-app` command: the GUI by default, plus headless verbs.

Bad input never shows a traceback: it exits with status 2 and a one-line
message naming the file, the line or the field and what is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from drill_app import __version__
from drill_app.core.facts import FactsError, validate_facts
from drill_app.core.plan import Plan, load_plan
from drill_app.core.rules import classify_level, classify_warning, command_for
from drill_app.core.sourcefile import DataFileError
from drill_app.paths import DEFAULT_PLAN

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _run_gui(args.plan, args.lang)
        if args.command == "classify":
            return _classify(args.file, args.plan)
        if args.command == "plan":
            return _plan_check(args.files)
    except UsageError as exc:
        _fail(f"drill-app {args.command}: {exc}")
    except KeyboardInterrupt:
        return 130
    parser.error(f"unknown command {args.command!r}")


def _fail(message: str) -> NoReturn:
    print(message, file=sys.stderr)
    raise SystemExit(EXIT_USAGE)


def _run_gui(plan_path: Path, lang: str) -> int:
    from drill_app.ui.app import run_gui  # Qt is imported only when the window is wanted

    return run_gui(plan_path, lang)


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


if __name__ == "__main__":
    raise SystemExit(main())
