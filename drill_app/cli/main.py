"""The `drill-app` command: the GUI by default, plus headless verbs (verbs.py).

Bad input never shows a traceback: it exits with status 2 and a one-line
message naming the file, the line or the field and what is wrong (errors.py).

`drill-app` with no verb (the window, the common case) is dispatched by a parser of the
global options only (``_gui_options``): the verb table (verbs.py, the one source of the
verbs) and its argparse tree are built only when a verb, ``--help``, ``--version`` or
anything that parser does not take is on the command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from drill_app import __version__
from drill_app.cli.errors import EXIT_INTERRUPTED, EXIT_OK, CliError, fail
from drill_app.paths import DEFAULT_PLAN

if TYPE_CHECKING:
    from drill_app.cli.verbs import Verb


class _NotForTheWindow(Exception):
    """The global-options parser met something it does not take (a verb, a bad value)."""


class _GlobalOptions(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotForTheWindow(message)


def build_parser() -> argparse.ArgumentParser:
    """The full parser: the global options and every verb of verbs.VERBS."""
    from drill_app.cli.verbs import VERBS, add_verbs

    parser = _global_options(argparse.ArgumentParser)
    parser.add_argument("--version", action="version", version=f"drill-app {__version__}")
    add_verbs(parser, VERBS, "command")
    return parser


def _global_options(
    kind: type[argparse.ArgumentParser], add_help: bool = True
) -> argparse.ArgumentParser:
    parser = kind(
        prog="drill-app",
        add_help=add_help,
        description=(
            "Run and score emergency drills against the district gas emergency plan. "
            "Without a command, opens the application window."
        ),
        epilog=(
            "Exit status: 0 done, 1 the command found problems (an invalid file, an altered "
            "event log), 2 bad input or an unusable database (one line on standard error, "
            "nothing changed), 130 interrupted."
        ),
    )
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
    return parser


def _gui_options(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The global options when the command line asks for the window only, else None."""
    parser = _global_options(_GlobalOptions, add_help=False)  # -h goes to the full parser
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotForTheWindow:  # the full parser words the error, with every verb listed
        return None
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    window = _gui_options(argv)
    if window is not None:
        return _run_gui(window.plan, window.lang, window.db)
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _run_gui(args.plan, args.lang, args.db)
    verb: Verb = args.verb
    try:
        return verb.runner()(args)
    except CliError as exc:
        fail(args.command, exc)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return _reader_gone()


def _reader_gone() -> int:
    """The reader of our output went away (`drill-app history | head`): end quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # so the final flush at exit cannot fail again
    os.close(devnull)
    return EXIT_OK


def _run_gui(plan_path: Path, lang: str | None, db_url: str | None = None) -> int:
    from drill_app.ui.app import run_gui  # Qt is imported only when the window is wanted

    return run_gui(plan_path, lang, db_url)


if __name__ == "__main__":
    raise SystemExit(main())
