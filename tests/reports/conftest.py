"""Documents are painted by Qt: the tests need a QGuiApplication and our translations."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from drill_app.wording.language import install_translators, remove_translators


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """Chinese labels for documents painted in-process (the CLI installs its own)."""
    translators = install_translators(qapp, "zh_CN")
    yield
    remove_translators(qapp, translators)


@pytest.fixture(autouse=True)
def application_first(qapp: QApplication) -> None:
    """The report command reuses a running application; make it pytest-qt's QApplication."""


@pytest.fixture(scope="session")
def print_queue() -> Iterator[str]:
    """The name of a real CUPS queue that prints to PDF files (see tests/reports/cups.py)."""
    import os

    from cups import CupsQueue, PrintingUnavailable

    if os.environ.get("DRILL_APP_SKIP_PRINTING") == "1":
        pytest.skip("DRILL_APP_SKIP_PRINTING=1: printing through CUPS not tested")
    queue = CupsQueue()
    try:
        queue.start()
    except PrintingUnavailable as exc:
        pytest.fail(str(exc))
    yield "PDF"
    queue.stop()
