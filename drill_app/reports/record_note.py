"""What a printed document says about the record it was made from.

The full final hash of the event log is printed in the body (the anchor a signed
paper sheet keeps: ``drill-app verify EXERCISE --expect HASH``), its first 16
characters in every page's footer as a check code.  A record that failed
verification and was printed anyway (``--force``) says so on every page.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from drill_app.reports.common import esc
from drill_app.reports.context import ReportContext

CHECK_CODE = 16


def footer_note(ctx: ReportContext) -> str:
    """The footer of every page: the check code, or the failed verification."""
    if ctx.not_verified:
        return QCoreApplication.translate("Report", "NOT VERIFIED: the record was altered")
    if not ctx.final_hash:
        return ""
    return QCoreApplication.translate("Report", "Event log final hash {h}").format(
        h=ctx.final_hash[:CHECK_CODE]
    )


def warning_banner(ctx: ReportContext) -> str:
    """A banner under the heading of a document printed from an altered record."""
    if not ctx.not_verified:
        return ""
    text = QCoreApplication.translate(
        "Report",
        "Verification failed: the stored record was altered after it was made. "
        "This document is not evidence of the exercise.",
    )
    return f'<p style="color:#b00000;font-weight:bold">{esc(text)}</p>'


def full_hash_block(ctx: ReportContext) -> str:
    """The full final hash, to be kept with the signatures."""
    if not ctx.final_hash:
        return ""
    label = QCoreApplication.translate(
        "Report", "Event log final hash (check with drill-app verify EXERCISE --expect HASH):"
    )
    return f'<p>{esc(label)}<br/><span style="font-family:monospace">{ctx.final_hash}</span></p>'
