"""The timeline chart of the after-action report: each unit's reports against deadlines.

Drawn with a QPainter straight onto the page (a ``Drawing``), so on paper it is sharp
and in a PDF its labels — units, times, report kinds, legend — are text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from drill_app.core.events import review_corrections
from drill_app.core.plan import Plan, ReportKind
from drill_app.core.scoring import Line
from drill_app.reports.common import clock, esc, head_row, table
from drill_app.reports.render import Drawing, document_font_family
from drill_app.wording.events import event_kind_name
from drill_app.wording.palette import LINE_STATUS_COLOURS

if TYPE_CHECKING:
    from drill_app.reports.context import ReportContext

COLOURS = {status: QColor(colour) for status, colour in LINE_STATUS_COLOURS.items()}
ROW = 110
LEFT = 520
TOP = 130
WIDTH = 2000
LEGEND = 90


def report_kind_label(plan: Plan, line: Line, english: bool) -> str:
    """The short name of the report a line is about: the kind of the plan obligation its
    id starts with (the 事发单位's §4.1.1 report is, in the plan, a phone report). A kind
    without a short name gets the obligation's name, a line of no obligation its title:
    never an id."""
    obligation = next(
        (o for o in plan.reporting.obligations if o.id == line.id.split(":", 1)[0]), None
    )
    if obligation is None:
        return line.title_en if english else line.title
    labels: dict[ReportKind, str] = {
        "phone": QCoreApplication.translate("Report", "phone"),
        "written": QCoreApplication.translate("Report", "written"),
        "followup": QCoreApplication.translate("Report", "follow-up"),
        "final": QCoreApplication.translate("Report", "final"),
        "sensitive": QCoreApplication.translate("Report", "sensitive"),
        "result": QCoreApplication.translate("Report", "result"),
    }
    return labels.get(obligation.kind) or (obligation.name_en if english else obligation.name)


Mark = tuple[Line, str]
"""A report line and the label its mark carries."""


def timeline_drawing(rows: list[tuple[str, list[Mark]]], duration_seconds: float) -> Drawing:
    """One row per unit: a tick at each deadline, a dot where the report came (by
    status) or a cross where none came, each labelled with the kind of report.

    *rows*: (unit name, its report lines with their labels).
    """
    height = TOP + ROW * max(1, len(rows)) + LEGEND

    def draw(painter: QPainter) -> None:
        _Chart(painter, rows, max(duration_seconds, 60.0)).draw()

    return Drawing(WIDTH, height, draw)


class _Chart:
    def __init__(self, painter: QPainter, rows: list[tuple[str, list[Mark]]], span: float):
        self.painter = painter
        self.rows = rows
        self.span = span
        self.plot = WIDTH - LEFT - 40

    def x(self, seconds: float) -> float:
        return LEFT + self.plot * min(max(seconds, 0.0), self.span) / self.span

    def font(self, pixels: int) -> None:
        font = QFont(document_font_family())
        font.setPixelSize(pixels)
        self.painter.setFont(font)

    def draw(self) -> None:
        p = self.painter
        p.save()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.axis()
        for i, (name, lines) in enumerate(self.rows):
            self.row(TOP + ROW * i + ROW / 2, name, lines)
        self.legend(TOP + ROW * len(self.rows) + 20)
        p.restore()

    def axis(self) -> None:
        p = self.painter
        self.font(30)
        p.setPen(QPen(QColor("black")))
        title = QCoreApplication.translate("Report", "Exercise time (h:mm)")
        p.drawText(QRectF(LEFT, 0, self.plot, 40), int(Qt.AlignmentFlag.AlignCenter), title)
        step = 30 * 60 if self.span <= 6 * 3600 else 60 * 60
        t = 0.0
        while t <= self.span + 1:
            p.setPen(QPen(QColor("#bdbdbd"), 1))
            p.drawLine(QPointF(self.x(t), TOP - 14), QPointF(self.x(t), TOP + ROW * len(self.rows)))
            p.setPen(QPen(QColor("black")))
            minutes = int(t // 60)
            p.drawText(
                QRectF(self.x(t) - 60, 50, 120, 50),
                int(Qt.AlignmentFlag.AlignCenter),
                f"{minutes // 60}:{minutes % 60:02d}",
            )
            t += step

    def row(self, y: float, name: str, lines: list[Mark]) -> None:
        p = self.painter
        self.font(28)
        p.setPen(QPen(QColor("black")))
        p.drawText(  # a long (English) name wraps onto up to three lines
            QRectF(10, y - ROW / 2, LEFT - 40, ROW),
            int(
                Qt.AlignmentFlag.AlignVCenter
                | Qt.AlignmentFlag.AlignRight
                | Qt.TextFlag.TextWordWrap
            ),
            name,
        )
        p.setPen(QPen(QColor("#e0e0e0"), 1))
        p.drawLine(QPointF(LEFT, y), QPointF(LEFT + self.plot, y))
        ordered = sorted(lines, key=lambda x: x[0].done_at or x[0].due_at or 0.0)
        for n, (line, label) in enumerate(ordered):
            at = self.mark(y, line)
            if at is not None:
                self.font(24)
                p.setPen(QPen(QColor("black")))
                above = n % 2 == 0  # alternate so that neighbouring labels do not collide
                left = min(max(at - 90, LEFT - 20), LEFT + self.plot - 160)  # off the names
                box = QRectF(left, y - 50 if above else y + 18, 180, 32)
                p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), label)

    def mark(self, y: float, line: Line) -> float | None:
        """Draw the deadline tick and the report's mark; returns the mark's x."""
        p = self.painter
        colour = COLOURS[line.status]
        if line.due_at is not None:
            tick(p, self.x(line.due_at), y)
        if line.done_at is not None:
            at = self.x(line.done_at)
            if line.due_at is not None and line.done_at > line.due_at:
                p.setPen(QPen(colour, 3))
                p.drawLine(QPointF(self.x(line.due_at), y), QPointF(at, y))
            dot(p, at, y, colour)
            return at
        if line.due_at is not None:
            at = self.x(line.due_at) + 18
            cross(p, at, y, colour)
            return at
        return None

    def legend(self, y: float) -> None:
        p = self.painter
        self.font(28)
        items: list[tuple[Callable[[float], None], str]] = [
            (lambda x: tick(p, x, y), QCoreApplication.translate("Report", "deadline")),
            (
                lambda x: dot(p, x, y, COLOURS["met"]),
                QCoreApplication.translate("Report", "report on time"),
            ),
            (
                lambda x: dot(p, x, y, COLOURS["late"]),
                QCoreApplication.translate("Report", "report late"),
            ),
            (
                lambda x: cross(p, x, y, COLOURS["missed"]),
                QCoreApplication.translate("Report", "no report"),
            ),
        ]
        lx = float(LEFT)
        for draw_mark, label in items:
            draw_mark(lx + 14)
            p.setPen(QPen(QColor("black")))
            p.drawText(
                QRectF(lx + 40, y - 25, 320, 50),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            lx += 370


def tick(p: QPainter, x: float, y: float) -> None:
    p.setPen(QPen(QColor("black"), 3))
    p.drawLine(QPointF(x, y - 16), QPointF(x, y + 16))


def dot(p: QPainter, x: float, y: float, colour: QColor) -> None:
    p.setPen(QPen(colour, 2))
    p.setBrush(colour)
    p.drawEllipse(QPointF(x, y), 13, 13)
    p.setBrush(Qt.BrushStyle.NoBrush)


def cross(p: QPainter, x: float, y: float, colour: QColor) -> None:
    p.setPen(QPen(colour, 4))
    d = 10
    p.drawLine(QPointF(x - d, y - d), QPointF(x + d, y + d))
    p.drawLine(QPointF(x - d, y + d), QPointF(x + d, y - d))


def voided_entries(ctx: ReportContext) -> str:
    """The entries voided as mistakes: kept in the record, listed here, not scored."""
    events = {e.id: e for e in ctx.events}
    in_review = review_corrections(ctx.events)
    after_end = QCoreApplication.translate("Report", "{time} (after the end, in review)")
    rows = []
    for void in (e for e in ctx.events if e.kind == "entry_voided"):
        entry = events.get(str(void.payload["event"]))
        if entry is None:
            continue
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{esc(cell)}</td>"
                for cell in (
                    clock(entry.scenario_time),
                    ctx.unit_name(entry.unit) if entry.unit else "",
                    event_kind_name(entry.kind),
                    after_end.format(time=clock(void.scenario_time))
                    if void.id in in_review
                    else clock(void.scenario_time),
                    void.payload["reason"],
                )
            )
            + "</tr>"
        )
    if not rows:
        return ""
    intro = QCoreApplication.translate(
        "Report",
        "Entries voided as mistakes: kept in the record, not scored ({count}).",
    ).format(count=len(rows))
    head = head_row(
        *zip(
            (
                QCoreApplication.translate("Report", "Time"),
                QCoreApplication.translate("Report", "Unit"),
                QCoreApplication.translate("Report", "Entry"),
                QCoreApplication.translate("Report", "Voided at"),
                QCoreApplication.translate("Report", "Reason"),
            ),
            (10, 22, 18, 10, 40),
            strict=True,
        )
    )
    return f"<p>{esc(intro)}</p>" + table(head + "".join(rows))
