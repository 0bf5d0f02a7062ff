"""The parts of a form that people fill in or sign, and the record of the event log."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from drill_app.reports.common import esc, table
from drill_app.reports.context import ReportContext


def blank_lines(rows: int) -> str:
    """A ruled box with *rows* empty lines to write on by hand."""
    return table("".join('<tr><td style="padding: 9px">&nbsp;</td></tr>' for _ in range(rows)))


def signature_line(role: str, name: str = "") -> str:
    """A line to sign and date: "Role Name (signature) ________  Date: ________"."""
    who = f"{role} {name}" if name else role
    signed = QCoreApplication.translate("Report", "{who} (signature)").format(who=who)
    date = QCoreApplication.translate("Report", "Date:")
    return (
        f'<p class="sign">{esc(signed)}{"_" * 24}&nbsp;&nbsp;&nbsp;&nbsp;{esc(date)}{"_" * 16}</p>'
    )


def signatures(ctx: ReportContext, unit: str | None = None) -> str:
    """A line for each named evaluator, the controller and, on a unit's sheet, the unit."""
    lines = [
        signature_line(QCoreApplication.translate("Report", "Evaluator"), name)
        for name in ctx.evaluators
    ]
    if not ctx.evaluators:
        lines.append(
            signature_line(QCoreApplication.translate("Report", "Head of the evaluation team"))
        )
    lines.append(
        signature_line(QCoreApplication.translate("Report", "Exercise controller"), ctx.controller)
    )
    if unit is not None:
        lines.append(
            signature_line(
                QCoreApplication.translate("Report", "For the unit evaluated"), ctx.unit_name(unit)
            )
        )
    return "".join(lines)


def verification_text(ctx: ReportContext) -> str:
    check = ctx.verification
    if check is None:
        if ctx.final_hash:
            return QCoreApplication.translate("Report", "not verified when this document was made")
        return QCoreApplication.translate(
            "Report", "not stored: a replay that is not in the archive"
        )
    if not check.intact:
        state = QCoreApplication.translate(
            "Report", "FAILED: the stored log does not match its hash chain ({n} events)"
        )
    elif check.matches_expected is False:
        state = QCoreApplication.translate(
            "Report",
            "FAILED: the chain is intact ({n} events) but its final hash is not the one expected",
        )
    elif check.matches_expected:
        state = QCoreApplication.translate(
            "Report", "verified: the chain of {n} events is intact and ends in the hash expected"
        )
    else:
        state = QCoreApplication.translate("Report", "verified: the chain of {n} events is intact")
    return state.format(n=check.event_count)


def record_block(ctx: ReportContext) -> str:
    """The full final hash of the event log and what verifying it found."""
    rows = [
        (QCoreApplication.translate("Report", "Event log final hash"), ctx.head_hash or "—"),
        (QCoreApplication.translate("Report", "Verification"), verification_text(ctx)),
    ]
    if ctx.verification and ctx.verification.expected_hash:
        rows.insert(
            1,
            (QCoreApplication.translate("Report", "Hash expected"), ctx.verification.expected_hash),
        )
    cells = "".join(
        f'<tr><td class="label" width="22%">{esc(k)}</td><td class="small">{esc(v)}</td></tr>'
        for k, v in rows
    )
    return table(cells)


def footer_note(ctx: ReportContext) -> str:
    """The footer's record of the log: the hash's head and the verification state."""
    head = ctx.head_hash
    if not head:
        return ""
    if ctx.verification_failed:
        state = QCoreApplication.translate("Report", "NOT VERIFIED: the record was altered")
    elif ctx.verification is None:
        state = QCoreApplication.translate("Report", "not verified")
    else:
        state = QCoreApplication.translate("Report", "verified")
    return QCoreApplication.translate("Report", "Log hash {h}… ({state})").format(
        h=head[:16], state=state
    )
