"""Lay a document out on A4 pages of any paged device: a PDF file or a printer.

The body is HTML laid out by Qt's text engine (tables with ruled lines, header rows
repeated on each page); each page gets a footer with "第 N 页 共 M 页", the document
date and, for stored exercises, the final hash of the event log.  The same code paints
the PDF, the print preview and the printed pages.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextTable,
)

from drill_app.paths import DOCUMENT_FONT_FILE

BODY_POINT_SIZE = 10.0
MARGINS_MM = QMarginsF(20, 18, 18, 16)  # left, top, right, bottom (official-form style)
FOOTER_MM = 9.0

_family: str | None = None


def document_font_family() -> str:
    """Load the bundled document font once; its family name."""
    global _family
    if _family is None:
        font_id = QFontDatabase.addApplicationFont(str(DOCUMENT_FONT_FILE))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise RuntimeError(f"cannot load the document font {DOCUMENT_FONT_FILE}")
        _family = families[0]
    return _family


@dataclass(frozen=True)
class Document:
    """A document ready to paint: its HTML, metadata and images."""

    html: str
    title: str
    author: str
    issued_on: str
    """The document date as printed in the footer, e.g. 2026年11月28日."""
    footer_note: str = ""
    images: Mapping[str, QImage] = field(default_factory=dict)


def _text_document(document: Document, device: QPagedPaintDevice, width: float) -> QTextDocument:
    text = QTextDocument()
    text.documentLayout().setPaintDevice(device)  # points are points on this device
    font = QFont(document_font_family())
    font.setPointSizeF(BODY_POINT_SIZE)
    text.setDefaultFont(font)
    text.setDocumentMargin(0)
    for name, image in document.images.items():
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    # Qt's rich text has no percentage widths for images: width="page" means the text
    # width.  Image sizes are in 96-dpi pixels, scaled to the device's resolution.
    page_width = int(width * 96 / device.logicalDpiX())
    text.setHtml(document.html.replace('width="page"', f'width="{page_width}"'))
    text.setTextWidth(width)  # one tall page: we cut it into pages ourselves
    return text


@dataclass(frozen=True)
class _Table:
    top: float
    bottom: float
    header_bottom: float | None
    """Bottom of the repeated header row, None for a table without one."""


@dataclass(frozen=True)
class _Geometry:
    cuts: list[float]
    """Every y at which a page may end: between table rows and between text lines."""
    tables: list[_Table]
    height: float


def _geometry(text: QTextDocument) -> _Geometry:
    layout = text.documentLayout()
    cuts: set[float] = set()
    tables: list[_Table] = []
    block = text.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        table = QTextCursor(block).currentTable()
        if table is None:
            lines = block.layout()
            origin = lines.position().y()  # the text's top, below the block's top margin
            for i in range(lines.lineCount()):
                cuts.add(origin + lines.lineAt(i).rect().bottom())
            cuts.add(rect.bottom())
        block = block.next()
    for frame in _frames(text.rootFrame()):
        if not isinstance(frame, QTextTable):
            continue
        bounds = layout.frameBoundingRect(frame)
        tops = [
            min(
                layout.blockBoundingRect(frame.cellAt(r, c).firstCursorPosition().block()).top()
                for c in range(frame.columns())
            )
            for r in range(frame.rows())
        ]
        pad = frame.format().cellPadding() + frame.format().border()
        boundaries = [t - pad for t in tops[1:]] + [bounds.bottom()]
        cuts.update(boundaries)
        headers = frame.format().headerRowCount()
        header_bottom = boundaries[headers - 1] if headers and len(boundaries) > headers else None
        tables.append(_Table(bounds.top(), bounds.bottom(), header_bottom))
    return _Geometry(sorted(cuts), tables, layout.documentSize().height())


def _frames(frame: QTextFrame) -> list[QTextFrame]:
    out = [frame]
    for child in frame.childFrames():
        out.extend(_frames(child))
    return out


@dataclass(frozen=True)
class _Page:
    start: float
    end: float
    header: _Table | None
    """A table continued on this page, whose header row is repeated at its top."""


def _pages(geometry: _Geometry, body: float) -> list[_Page]:
    pages: list[_Page] = []
    start = 0.0
    while start < geometry.height - 0.5:
        header = next(
            (
                t
                for t in geometry.tables
                if t.header_bottom is not None and t.header_bottom <= start < t.bottom - 0.5
            ),
            None,
        )
        room = body - (
            (header.header_bottom - header.top) if header and header.header_bottom else 0
        )
        fitting = [c for c in geometry.cuts if start + 0.5 < c <= start + room]
        end = fitting[-1] if fitting else start + room  # a single row taller than a page
        pages.append(_Page(start, min(end, geometry.height), header))
        start = end
    return pages or [_Page(0.0, geometry.height, None)]


def paint(
    document: Document,
    device: QPagedPaintDevice,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Paint *document* on *device* (already set to A4); returns the number of pages.

    Pages end only between table rows or text lines, never through a row; a table
    continued from the page before gets its header row again.
    """
    resolution = device.logicalDpiY()
    page = device.pageLayout().paintRectPixels(resolution)
    footer = FOOTER_MM / 25.4 * resolution
    body = QSizeF(page.width(), page.height() - footer)
    text = _text_document(document, device, body.width())
    pages = _pages(_geometry(text), body.height())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint on the output device")
    try:
        small = QFont(document_font_family())
        small.setPointSizeF(8.0)
        for number, part in enumerate(pages):
            if number:
                device.newPage()
            offset = 0.0
            if part.header is not None and part.header.header_bottom is not None:
                offset = _draw_band(painter, text, part.header.top, part.header.header_bottom, 0.0)
            rule = resolution / 72  # one point: keep the closing rule of the last row
            _draw_band(painter, text, part.start, part.end + rule, offset)
            _footer(painter, document, small, number + 1, len(pages), body, footer)
            if progress is not None:
                progress(number + 1, len(pages))
    finally:
        painter.end()
    return len(pages)


def _draw_band(
    painter: QPainter, text: QTextDocument, top: float, bottom: float, at: float
) -> float:
    """Draw the document's band [top, bottom) at height *at*; returns the band's height."""
    height = bottom - top
    painter.save()
    painter.translate(0, at - top)
    clip = QRectF(0, top, text.textWidth(), height)
    painter.setClipRect(clip)
    text.drawContents(painter, clip)
    painter.restore()
    return height


def _footer(
    painter: QPainter,
    document: Document,
    font: QFont,
    number: int,
    pages: int,
    body: QSizeF,
    height: float,
) -> None:
    painter.save()
    painter.setFont(font)
    line_y = body.height() + height * 0.25
    painter.drawLine(0, int(line_y), int(body.width()), int(line_y))
    area = QRectF(0, line_y, body.width(), height * 0.75)
    page_text = QCoreApplication.translate("Report", "Page {n} of {m}").format(n=number, m=pages)
    painter.drawText(area, int(Qt.AlignmentFlag.AlignCenter), page_text)
    painter.drawText(
        area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), document.issued_on
    )
    if document.footer_note:
        painter.drawText(
            area,
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            document.footer_note,
        )
    painter.restore()


def a4(device: QPagedPaintDevice) -> None:
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )


def export_pdf(
    document: Document, path: Path, progress: Callable[[int, int], None] | None = None
) -> int:
    """Write *document* as an A4 PDF with its fonts embedded; returns the page count.

    Written to a temporary file first, so a failed export never leaves half a PDF.
    """
    partial = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(partial))
    writer.setResolution(300)
    a4(writer)
    writer.setTitle(document.title)
    writer.setAuthor(document.author)
    writer.setCreator("drill-app")
    pages = paint(document, writer, progress)
    del writer  # flushes and closes the file
    partial.replace(path)
    return pages


def print_document(
    document: Document,
    printer: QPagedPaintDevice,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Print *document* on A4 on *printer* (a QPrinter); returns the number of pages."""
    a4(printer)
    return paint(document, printer, progress)
