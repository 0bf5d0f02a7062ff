"""Helpers for the hostile-input tests: run the command in-process, snapshot a database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from drill_app.cli import main

CORPUS = Path(__file__).parent / "corpus"


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The exit status, stdout and stderr of `drill-app ARGS`; any other exception fails."""
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table: the content of the database, to compare before and after."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                table: sorted(
                    (tuple(row) for row in conn.execute(text(f'select * from "{table}"'))),
                    key=repr,
                )
                for table in sorted(inspect(conn).get_table_names())
            }
    finally:
        engine.dispose()
