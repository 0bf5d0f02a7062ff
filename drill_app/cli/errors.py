"""The one error of the `drill-app` command and its exit statuses.

Every verb reports bad input the same way: it raises `CliError`; the dispatcher prints
``drill-app VERB: message`` on one line to standard error and exits with the error's
status (2 unless the verb says otherwise). A verb that ran and found problems returns
EXIT_FINDINGS; one that found none returns EXIT_OK.
"""

from __future__ import annotations

import sys
from typing import NoReturn

EXIT_OK = 0
EXIT_FINDINGS = 1  # the verb ran and found problems (an invalid file, a broken hash chain)
EXIT_USAGE = 2  # bad input or an unusable database: nothing was done
EXIT_INTERRUPTED = 130  # Ctrl+C


class CliError(Exception):
    """Bad input: one line on standard error, then exit *exit_code* (2 by default)."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def fail(verb: str, error: CliError) -> NoReturn:
    """Print *error* as ``drill-app VERB: message`` and exit with its status."""
    print(f"drill-app {verb}: {error}", file=sys.stderr)
    raise SystemExit(error.exit_code)
