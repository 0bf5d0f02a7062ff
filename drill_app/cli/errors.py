"""Exit statuses and the one-line error of the `drill-app` command."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad input: reported on one line, exit status 2."""


class RecordAltered(Exception):
    """A stored record fails verification: reported on one line, exit status 1."""
