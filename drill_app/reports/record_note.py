"""The banner of a document printed from a record that failed verification (``--force``).

The full final hash, its verification state and every page's footer are in
``signing.py`` (record_block, footer_note).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from drill_app.reports.common import esc
from drill_app.reports.context import ReportContext


def warning_banner(ctx: ReportContext) -> str:
    """A banner under the heading of a document printed from an altered record."""
    if not ctx.verification_failed:
        return ""
    text = QCoreApplication.translate(
        "Report",
        "Verification failed: the stored record was altered after it was made. "
        "This document is not evidence of the exercise.",
    )
    return f'<p style="color:#b00000;font-weight:bold">{esc(text)}</p>'
