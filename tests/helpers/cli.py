"""Running `drill-app` in-process as a user would, with its exit status and output."""

from __future__ import annotations

import pytest

from drill_app.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """(exit status, standard output, standard error) of ``drill-app ARGS``."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
