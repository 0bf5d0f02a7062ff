"""The headless verbs of `drill-app`: classify, plan check, validate, replay, schema,
report and the archive verbs.  Imported by cli.py only when one of them runs, so
opening the window does not pay for the core's imports.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drill_app.cli.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError
from drill_app.cli.textreport import format_sheet
from drill_app.core.facts import FactsError, validate_facts
from drill_app.core.plan import Plan, load_plan
from drill_app.core.readings import readings_lines
from drill_app.core.replay import read_actions, replay
from drill_app.core.rules import classify_level, classify_warning, command_for
from drill_app.core.scenario import load_scenario, scenario_json_schema
from drill_app.core.scoring import ScoringRules, load_scoring_rules, sheet_to_json
from drill_app.core.sourcefile import DataFileError, bounded_int


def run(args: argparse.Namespace) -> int:
    """Run the verb named by *args.command*; UsageError for bad input."""
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
        from drill_app.cli import report_cli

        args.lang = args.lang or "zh_CN"
        try:
            return report_cli.run(args)
        except report_cli.ReportError as exc:
            raise UsageError(str(exc)) from None
    if args.command in ("verify", "history", "export", "import", "score"):
        from drill_app.cli import archive_cli  # SQLAlchemy only when a database is used

        return archive_cli.run(args)
    raise UsageError(f"unknown command {args.command!r}")


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
        return json.loads(text, object_pairs_hook=no_duplicates, parse_int=bounded_int)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{label}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise UsageError(f"{label}: {exc}") from None
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
        for line in readings_lines(plan):
            print(line)
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
            unreadable = any(p.fatal for p in exc.problems)
            status = max(status, EXIT_USAGE if unreadable else EXIT_FINDINGS)
    return status


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
        from drill_app.cli import archive_cli

        saved = archive_cli.save_replay(args, exercise)
        print(f"saved as exercise {saved}", file=sys.stderr)
    if args.json:
        json.dump(sheet_to_json(plan, sheet, rules), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_sheet(plan, sheet, rules))
    return EXIT_OK
