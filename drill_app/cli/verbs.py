"""Every verb of `drill-app`, registered in one place: its name, help, arguments and the
function that runs it.

To add a verb: write ``def name(args: argparse.Namespace) -> int`` in a module of this
package (import the core or the store there, never here, so that opening the window does
not pay for them), then add one `Verb` to VERBS below (a new module also gets a loader in
MODULES). To add an option to a verb: add it to that verb's ``_xxx_arguments`` function.
The dispatcher (main.py) needs no change.

A verb returns EXIT_OK or EXIT_FINDINGS (errors.py) and raises CliError for bad input.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from drill_app.cli import room_verbs as rv
from drill_app.paths import DEFAULT_SCORING

Runner = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


@dataclass(frozen=True)
class Verb:
    """One verb: ``target`` is "module:function" inside drill_app.cli, imported only when
    the verb runs. A verb with ``subverbs`` (``plan check``) has no target of its own."""

    name: str
    help: str
    target: str = ""
    arguments: Arguments = _no_arguments
    description: str | None = None
    subverbs: tuple[Verb, ...] = ()

    def runner(self) -> Runner:
        module, function = self.target.split(":")
        run: Runner = getattr(MODULES[module](), function)
        return run


# The modules that hold the verbs, each imported only when one of its verbs runs. Plain
# import statements (not importlib), so that PyInstaller finds them for the bundle.


def _commands() -> ModuleType:
    from drill_app.cli import commands

    return commands


def _archive_cli() -> ModuleType:
    from drill_app.cli import archive_cli

    return archive_cli


def _report_cli() -> ModuleType:
    from drill_app.cli import report_cli

    return report_cli


def _room_cli() -> ModuleType:
    from drill_app.cli import room_cli

    return room_cli


def _join_cli() -> ModuleType:
    from drill_app.cli import join_cli

    return join_cli


MODULES: dict[str, Callable[[], ModuleType]] = {
    "commands": _commands,
    "archive_cli": _archive_cli,
    "report_cli": _report_cli,
    "room_cli": _room_cli,
    "join_cli": _join_cli,
}


# --- options shared by several verbs ----------------------------------------------------


def date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _scoring_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--scoring",
        type=Path,
        default=DEFAULT_SCORING,
        metavar="FILE",
        help="scoring rules (default: the built-in rules)",
    )


def _held_on_option(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument(
        "--held-on", type=date_argument, default=None, metavar="YYYY-MM-DD", help=help
    )


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the score as JSON")


# --- each verb's arguments --------------------------------------------------------------


def _classify_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="JSON file of facts, or - for stdin")


def _plan_check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")


def _replay_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", type=Path, metavar="SCENARIO")
    parser.add_argument("actions", type=Path, metavar="ACTIONS")
    _json_option(parser)
    _scoring_option(parser)
    parser.add_argument(
        "--save", action="store_true", help="store the replayed exercise in the database"
    )
    _held_on_option(parser, "with --save: the date the drill was held (default: today)")


def _exercise_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exercise", metavar="EXERCISE", help="exercise id (or its start)")


def _history_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--today",
        type=date_argument,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date to judge overdue items against (default: today)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print JSON for scripts: last drill, next due date, overdue, drills per year, "
        "open improvement items",
    )


def _score_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exercise", metavar="EXERCISE")
    _json_option(parser)
    _scoring_option(parser)
    parser.add_argument(
        "--force",
        action="store_true",
        help="print even if the record fails verification, marked as not verified",
    )


def _verify_arguments(parser: argparse.ArgumentParser) -> None:
    _exercise_argument(parser)
    parser.add_argument(
        "--expect",
        metavar="HASH",
        help="the final hash from the signed paper sheet: exit 1 unless the archive ends in it",
    )


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exercise", nargs="?", metavar="EXERCISE")
    parser.add_argument("--replay", nargs=2, metavar=("SCENARIO", "ACTIONS"))
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--sheet", action="store_true", help="the scoring sheet (演练评估表)")
    which.add_argument("--aar", action="store_true", help="the after-action report (演练总结报告)")
    parser.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    parser.add_argument("--unit", metavar="UNIT", help="a unit id or name: its own sheet")
    parser.add_argument(
        "--force",
        action="store_true",
        help="with EXERCISE: write it even if the record fails verification, every page "
        "marked as not verified",
    )
    _held_on_option(parser, "with --replay: the date of the drill (default: today)")
    _scoring_option(parser)


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("exercise", metavar="EXERCISE")
    parser.add_argument("output", type=Path, metavar="FILE")


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")


# --- the verbs --------------------------------------------------------------------------

VERBS: tuple[Verb, ...] = (
    Verb(
        "classify",
        "incident level and warning colour for a set of facts",
        "commands:classify",
        _classify_arguments,
        "Read one JSON object of facts (a file, or - for standard input) and print one "
        "JSON object with the incident level (§1.6.2), the warning colour (§3.3), the "
        "reasons with their § references, and who leads the response.",
    ),
    Verb(
        "plan",
        "work with plan files",
        subverbs=(
            Verb(
                "check",
                "validate plan files",
                "commands:plan_check",
                _plan_check_arguments,
                "Validate plan files; print each problem as file:line:column: message.",
            ),
        ),
    ),
    Verb(
        "validate",
        "check scenario files against the schema and the plan",
        "commands:validate",
        _validate_arguments,
        "Check scenario files (or every *.yaml in a folder) against the scenario schema "
        "and the plan. Each problem is printed as file:line:column: message. Exit status: "
        "0 no problems, 1 problems found, 2 a file could not be read as a scenario at all.",
    ),
    Verb(
        "replay",
        "run an exercise headless from a file of timed actions and print the score",
        "commands:replay_actions",
        _replay_arguments,
        "Run SCENARIO headless with the actions in ACTIONS (JSON lines, see "
        "docs/replay-format.md) and print the score: a table, or JSON with --json.",
    ),
    Verb(
        "verify",
        "check the tamper-evident record of a stored exercise",
        "archive_cli:verify",
        _verify_arguments,
        "Recompute the whole record of EXERCISE (the exercise, its plan, scenario and "
        "scoring rules, and every event) against its hash chain; exit 1 if anything was "
        "altered. A chain recomputed by someone with write access is found only with "
        "--expect and the final hash printed on the signed scoring sheet.",
    ),
    Verb(
        "history",
        "drills held, the next one due under §9.3, open improvement items",
        "archive_cli:history",
        _history_arguments,
    ),
    Verb(
        "score",
        "score a stored exercise against the plan and scenario it ran with",
        "archive_cli:score",
        _score_arguments,
        "Score EXERCISE from the database against the exact plan and scenario it ran "
        "with, and print the final hash of its event log (to match a paper copy).",
    ),
    Verb(
        "report",
        "the scoring sheet or the after-action report as a PDF",
        "report_cli:run",
        _report_arguments,
        "Write the scoring sheet (--sheet, for the drill or one --unit) or the "
        "after-action report (--aar) of a stored EXERCISE, or of a replay "
        "(--replay SCENARIO ACTIONS), as an A4 PDF with its fonts embedded.",
    ),
    Verb(
        "export",
        "write one exercise to a single portable file",
        "archive_cli:export",
        _export_arguments,
    ),
    Verb(
        "import",
        "import an exercise exported on another machine",
        "archive_cli:import_",
        _import_arguments,
    ),
    Verb("schema", "print the JSON Schema of the scenario format", "commands:schema"),
    # The training room (drill_app/net): host and seat without a window, and discovery.
    Verb("host", rv.HOST_HELP, "room_cli:host", rv.host_arguments, rv.HOST_DESCRIPTION),
    Verb("seat", rv.SEAT_HELP, "room_cli:seat", rv.seat_arguments, rv.SEAT_DESCRIPTION),
    Verb("hosts", rv.HOSTS_HELP, "room_cli:hosts", rv.hosts_arguments, rv.HOSTS_DESCRIPTION),
    Verb("join", rv.JOIN_HELP, "join_cli:join", rv.join_arguments, rv.JOIN_DESCRIPTION),
)


def add_verbs(parser: argparse.ArgumentParser, verbs: tuple[Verb, ...], dest: str) -> None:
    """One subparser per verb; the chosen leaf verb lands in ``args.verb``."""
    sub = parser.add_subparsers(dest=dest, metavar="COMMAND", required=dest != "command")
    for verb in verbs:
        child = sub.add_parser(verb.name, help=verb.help, description=verb.description)
        verb.arguments(child)
        if verb.subverbs:
            add_verbs(child, verb.subverbs, f"{verb.name}_command")
        else:
            child.set_defaults(verb=verb)
