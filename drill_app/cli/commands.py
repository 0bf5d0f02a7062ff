"""The headless verbs that need no database: classify, plan check, validate, replay, schema.

Imported only when one of them runs (verbs.py), so opening the window does not pay for
the core's imports.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from drill_app.cli.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, CliError
from drill_app.cli.textreport import format_sheet
from drill_app.core.evaluation import with_unit_totals
from drill_app.core.facts import FactsError, validate_facts
from drill_app.core.plan import Plan, load_plan
from drill_app.core.readings import readings_lines
from drill_app.core.replay import read_actions, replay
from drill_app.core.rules import classify_level, classify_warning, command_for
from drill_app.core.scenario import load_scenario, scenario_json_schema
from drill_app.core.scoring import ScoringRules, load_scoring_rules, sheet_to_json
from drill_app.core.sourcefile import DataFileError, bounded_int


def _load_plan(path: Path) -> Plan:
    try:
        return load_plan(path)
    except DataFileError as exc:
        first = exc.problems[0]
        more = f" (and {len(exc.problems) - 1} more problems)" if len(exc.problems) > 1 else ""
        raise CliError(f"invalid plan: {first}{more}") from None


# --- classify ------------------------------------------------------------------------


def _read_json_object(name: str) -> Any:
    label = "<stdin>" if name == "-" else name
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CliError(f"{label}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise CliError(f"{label}: not UTF-8 text") from None

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise CliError(f"{label}: duplicate key {key!r}")
            result[key] = value
        return result

    try:
        return json.loads(text, object_pairs_hook=no_duplicates, parse_int=bounded_int)
    except json.JSONDecodeError as exc:
        raise CliError(f"{label}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise CliError(f"{label}: {exc}") from None
    except RecursionError:
        raise CliError(f"{label}: JSON nested too deeply") from None


def classify(args: argparse.Namespace) -> int:
    name: str = args.file
    raw = _read_json_object(name)
    try:
        facts = validate_facts(raw)
    except FactsError as exc:
        label = "<stdin>" if name == "-" else name
        raise CliError(f"{label}: {exc}") from None
    plan = _load_plan(args.plan)
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


def plan_check(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for path in args.files:
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


def validate(args: argparse.Namespace) -> int:
    plan = _load_plan(args.plan)
    status = EXIT_OK
    for path in _scenario_files(args.paths):
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
        raise CliError(f"invalid scoring rules: {exc.problems[0]}") from None


def replay_actions(args: argparse.Namespace) -> int:
    plan = _load_plan(args.plan)
    rules = _load_rules(args.scoring)
    try:
        scenario = load_scenario(plan, args.scenario)
    except DataFileError as exc:
        raise CliError(f"invalid scenario: {exc.problems[0]}") from None
    try:
        actions = read_actions(args.actions)
        exercise, sheet = replay(plan, scenario, rules, actions, file=str(args.actions))
    except DataFileError as exc:
        from drill_app.wording import PlanWords
        from drill_app.wording.refusals import problem_text

        words = PlanWords(plan, scenario=scenario)
        raise CliError(problem_text(exc.problems[0], words)) from None
    if args.save:
        from drill_app.cli.archive_cli import save_replay  # SQLAlchemy only with --save

        saved = save_replay(args, exercise)
        print(f"saved as exercise {saved}", file=sys.stderr)
    if args.json:
        result = with_unit_totals(sheet_to_json(plan, sheet, rules), scenario, sheet, rules)
        json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from drill_app.wording.language import interface_language

        with interface_language("zh_CN"):  # the terminal table is Chinese, as the plan
            sys.stdout.write(format_sheet(plan, sheet, rules))
    return EXIT_OK


# --- schema ----------------------------------------------------------------------------


def schema(args: argparse.Namespace) -> int:
    del args
    sys.stdout.write(scenario_json_schema())
    return EXIT_OK
