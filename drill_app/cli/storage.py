"""The database for the verbs that use one, with its errors turned into `CliError`.

SQLAlchemy is imported only when a verb opens the database.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from drill_app.cli.errors import CliError

if TYPE_CHECKING:
    from drill_app.store.store import Store


@contextmanager
def opened_store(args: argparse.Namespace) -> Iterator[Store]:
    """The store at ``--db`` (else the default one), closed afterwards; a StoreError raised
    while opening or using it becomes a CliError (exit status 2)."""
    from drill_app.store.database import StoreError
    from drill_app.store.store import Store

    try:
        store = Store.open(args.db)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    try:
        yield store
    except StoreError as exc:
        raise CliError(str(exc)) from None
    finally:
        store.close()
