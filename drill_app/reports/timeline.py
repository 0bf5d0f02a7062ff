"""The timeline chart of the after-action report: each unit's reports against deadlines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from drill_app.core.scoring import Line
from drill_app.reports.render import document_font_family
from drill_app.wording.palette import LINE_STATUS_COLOURS

COLOURS = {status: QColor(colour) for status, colour in LINE_STATUS_COLOURS.items()}
ROW = 76
LEFT = 520
TOP = 84
WIDTH = 2000


def timeline_image(
    rows: list[tuple[str, list[Line]]], duration_seconds: float, scale: float = 1.0
) -> QImage:
    """One row per unit: a tick at each deadline, a dot where the report came (by status).

    *rows*: (unit name, its report lines).  The image is drawn at print resolution.
    """
    height = TOP + ROW * max(1, len(rows)) + 100
    image = QImage(int(WIDTH * scale), int(height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(document_font_family())
    font.setPixelSize(34)
    painter.setFont(font)
    span = max(duration_seconds, 60.0)
    plot = WIDTH - LEFT - 40

    def x(seconds: float) -> float:
        return LEFT + plot * min(max(seconds, 0.0), span) / span

    grid = QPen(QColor("#bdbdbd"), 1)
    step = 30 * 60 if span <= 6 * 3600 else 60 * 60
    t = 0.0
    while t <= span + 1:
        painter.setPen(grid)
        painter.drawLine(QPointF(x(t), TOP - 10), QPointF(x(t), TOP + ROW * len(rows)))
        painter.setPen(QPen(QColor("black")))
        minutes = int(t // 60)
        painter.drawText(
            QRectF(x(t) - 60, 10, 120, 40),
            int(Qt.AlignmentFlag.AlignCenter),
            f"{minutes // 60}:{minutes % 60:02d}",
        )
        t += step
    for i, (name, lines) in enumerate(rows):
        y = TOP + ROW * i + ROW / 2
        painter.setPen(QPen(QColor("black")))
        painter.drawText(
            QRectF(10, y - ROW / 2, LEFT - 20, ROW),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            name,
        )
        painter.setPen(QPen(QColor("#e0e0e0"), 1))
        painter.drawLine(QPointF(LEFT, y), QPointF(LEFT + plot, y))
        for line in lines:
            colour = COLOURS[line.status]
            if line.due_at is not None:
                painter.setPen(QPen(QColor("black"), 3))
                painter.drawLine(QPointF(x(line.due_at), y - 16), QPointF(x(line.due_at), y + 16))
            if line.done_at is not None:
                painter.setPen(QPen(colour, 2))
                painter.setBrush(colour)
                painter.drawEllipse(QPointF(x(line.done_at), y), 13, 13)
                if line.due_at is not None and line.done_at > line.due_at:
                    painter.drawLine(QPointF(x(line.due_at), y), QPointF(x(line.done_at), y))
            elif line.due_at is not None:
                painter.setPen(QPen(colour, 4))
                d = 10
                cx = x(line.due_at) + 18
                painter.drawLine(QPointF(cx - d, y - d), QPointF(cx + d, y + d))
                painter.drawLine(QPointF(cx - d, y + d), QPointF(cx + d, y - d))
    legend_y = TOP + ROW * len(rows) + 36
    painter.setPen(QPen(QColor("black")))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    legend = [
        ("|", QCoreApplication.translate("Report", "deadline")),
        ("●", QCoreApplication.translate("Report", "report on time")),
        ("●", QCoreApplication.translate("Report", "report late")),
        ("×", QCoreApplication.translate("Report", "no report")),
    ]
    colours = [QColor("black"), COLOURS["met"], COLOURS["late"], COLOURS["missed"]]
    lx = float(LEFT)
    for (mark, label), colour in zip(legend, colours, strict=True):
        painter.setPen(QPen(colour))
        painter.drawText(QPointF(lx, legend_y + 30), mark)
        painter.setPen(QPen(QColor("black")))
        painter.drawText(QPointF(lx + 36, legend_y + 30), label)
        lx += 380
    painter.end()
    return image
