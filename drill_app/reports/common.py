"""Pieces shared by the documents: escaping, times, labels."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication

from drill_app.wording.evaluation import exercise_type_name as exercise_type_text
from drill_app.wording.statuses import line_status_text as status_text

__all__ = ["exercise_type_text", "status_text"]


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
</style>
"""


def table(inner: str) -> str:
    """A ruled table (the look of a printed form); column widths go on the header cells."""
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="3" '
        'style="border-collapse: collapse; border-color: #000000; border-style: solid;">'
        f"{inner}</table>"
    )


def head_row(*cells: tuple[str, int]) -> str:
    """A header row: (label, width in percent) per column; repeated on each page."""
    return (
        "<thead><tr>"
        + "".join(f'<th width="{w}%">{esc(t)}</th>' for t, w in cells)
        + "</tr></thead>"
    )
