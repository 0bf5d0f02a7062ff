"""`drill-app join [ADDRESS]`: the join dialog (ADDRESS filled in), then the trainee window.

Its own module so that opening the window does not import the host (the store and
SQLAlchemy) as ``room_cli`` does.
"""

from __future__ import annotations

import argparse

from drill_app.cli.errors import CliError


def join(args: argparse.Namespace) -> int:
    address = args.address.strip()
    if address:
        from drill_app.net.discovery import parse_address

        try:
            parse_address(address)
        except ValueError as exc:
            raise CliError(f"ADDRESS: {exc} (expected HOST:PORT)") from None
    from drill_app.ui.app import run_join  # Qt only when the window is wanted

    return run_join(args.plan, args.lang, address)
