"""Pieces shared by the documents: escaping, times, labels."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication

from drill_app.core.scoring import Line
from drill_app.reports.context import ReportContext
from drill_app.wording.evaluation import exercise_type_name as exercise_type_text

__all__ = ["exercise_type_text"]


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def clock(seconds: float | None) -> str:
    """Scenario time as H:MM from the start of the exercise ("—" when none)."""
    if seconds is None:
        return "—"
    minutes = round(seconds / 60)
    return f"{minutes // 60:d}:{minutes % 60:02d}"


def chinese_date(day: dt.date) -> str:
    return QCoreApplication.translate("Report", "{y}-{m}-{d}").format(
        y=day.year, m=day.month, d=day.day
    )


def nowrap(text: str, cls: str = "") -> str:
    """A table cell whose text never breaks (a §, a date, a status, a score)."""
    klass = f' class="{cls}"' if cls else ""
    return f'<td{klass} style="white-space: nowrap">{esc(text)}</td>'


def held_on_text(day: dt.date | None) -> str:
    """The date the drill was held; a replay without one says so."""
    if day is None:
        return QCoreApplication.translate("Report", "not recorded (a replay without a date)")
    return chinese_date(day)


def issued_text(ctx: ReportContext) -> str:
    return chinese_date(ctx.issued_on or dt.date.today())


def status_text(line: Line) -> str:
    """The result of a line in a word (the minutes late have a column of their own)."""
    return {
        "late": QCoreApplication.translate("Report", "late"),
        "met": QCoreApplication.translate("Report", "on time"),
        "missed": QCoreApplication.translate("Report", "not done"),
        "wrong": QCoreApplication.translate("Report", "wrong"),
        "pending": QCoreApplication.translate("Report", "not yet due"),
    }[line.status]


STYLE = """
<style>
  h1 { font-size: 18pt; font-weight: normal; text-align: center; margin: 0 0 4pt 0; }
  h2 { font-size: 12.5pt; font-weight: normal; margin: 10pt 0 4pt 0; }
  p.sub { text-align: center; margin: 0 0 8pt 0; }
  th { background-color: #e8e8e8; font-weight: normal; }
  td.num { text-align: right; }
  td.c { text-align: center; }
  td.label { background-color: #f3f3f3; width: 16%; }
  p.sign { margin-top: 18pt; }
  .small { font-size: 8.5pt; }
  p.gap { margin: 0; font-size: 9pt; }
</style>
"""


def sections_html(sections: list[tuple[str, str]], before: str = "") -> str:
    """*before*, then numbered sections: a heading, then its body.  Qt drops the top
    margin of a block that follows a table, so a heading after a table gets a spacer."""
    out = [before]
    for name, body in sections:
        if out[-1].endswith("</table>"):
            out.append('<p class="gap">&nbsp;</p>')
        out += [f"<h2>{esc(name)}</h2>", body]
    return "".join(out)


def keep_together(inner: str) -> str:
    """Content never split across pages (a frameless one-cell table: only top-level
    tables are cut between their rows)."""
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0">'
        f"<tr><td>{inner}</td></tr></table>"
    )


def table(inner: str) -> str:
    """A ruled table (the look of a printed form); column widths go on the header cells."""
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="3" '
        'style="border-collapse: collapse; border-color: #000000; border-style: solid;">'
        f"{inner}</table>"
    )


NOWRAP = ' style="white-space: nowrap"'


def head_row(*cells: tuple[str, int]) -> str:
    """A header row: (label, width in percent) per column; repeated on each page.
    A label without a space (a word, or Chinese) is never broken."""
    return (
        "<thead><tr>"
        + "".join(f'<th width="{w}%"{"" if " " in t else NOWRAP}>{esc(t)}</th>' for t, w in cells)
        + "</tr></thead>"
    )
