"""Lay a document out on A4 pages of any paged device: a PDF file or a printer.

The body is HTML laid out by Qt's text engine (tables with ruled lines, header rows
repeated on each page); each page gets a footer with "第 N 页 共 M 页", the labelled
document date and, for stored exercises, the final hash of the event log.  The same code
paints the PDF, the print preview and the printed pages.

Pagination draws nothing outside a page's band (Qt's PDF engine writes clipped text
into the file, where searching and copying find it): a page ends between table rows
or paragraphs; never right after a heading or a table's header row (they keep with
what follows).
Drawings (the timeline chart) are painted as vectors over a placeholder in the text
flow, so their labels are text in the PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextTable,
)

from drill_app.paths import DOCUMENT_FONT_FILE

BODY_POINT_SIZE = 10.0
MARGINS_MM = QMarginsF(20, 18, 18, 16)  # left, top, right, bottom (official-form style)
FOOTER_MM = 9.0
RESOLUTION = 300
"""Dots per inch of every device a document is laid out on: Qt's text layout rounds to
device pixels, so a page may end one row sooner or later at another resolution. The PDF,
the print and the print preview therefore use the same, and have the same pages."""

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
class Drawing:
    """Vector artwork in the text flow, *width* x *height* logical units, drawn by
    *draw* on a painter scaled to that box."""

    width: float
    height: float
    draw: Callable[[QPainter], None]


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
    drawings: Mapping[str, Drawing] = field(default_factory=dict)
    """Placed where the HTML has ``<img src="NAME" width="page"/>``."""


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
    html = document.html
    for name, drawing in document.drawings.items():
        blank = QImage(1, 1, QImage.Format.Format_RGB32)
        blank.fill(QColor("white"))  # a placeholder: the drawing is painted over it
        text.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), blank)
        height = int(page_width * drawing.height / drawing.width)
        html = html.replace(
            f'<img src="{name}" width="page"/>',
            f'<img src="{name}" width="{page_width}" height="{height}"/>',
        )
    text.setHtml(html.replace('width="page"', f'width="{page_width}"'))
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
    """Every y at which a page may end: between table rows and between paragraphs,
    except right after a heading, a table's header row or a row that heads a group."""
    tables: list[_Table]
    drawings: list[tuple[str, QRectF]]
    height: float


def _geometry(text: QTextDocument) -> _Geometry:
    cuts: set[float] = set()
    keep: set[float] = set()  # cuts that would strand what is above them
    drawings: list[tuple[str, QRectF]] = []
    block = text.begin()
    while block.isValid():
        if QTextCursor(block).currentTable() is None:
            _block_cuts(text, block, cuts, keep, drawings)
        block = block.next()
    tables = [  # a table inside a table is never cut: it keeps its content together
        _table_cuts(text, frame, cuts, keep)
        for frame in text.rootFrame().childFrames()
        if isinstance(frame, QTextTable)
    ]
    allowed = sorted(c for c in cuts if not any(abs(c - k) < 0.5 for k in keep))
    return _Geometry(allowed, tables, drawings, text.documentLayout().documentSize().height())


def _block_cuts(
    text: QTextDocument,
    block: QTextBlock,
    cuts: set[float],
    keep: set[float],
    drawings: list[tuple[str, QRectF]],
) -> None:
    rect = text.documentLayout().blockBoundingRect(block)
    lines = block.layout()
    origin = lines.position()  # the text's top left, inside the block's margins
    # A page ends only where a paragraph ends: for a page that starts inside one, Qt's
    # QTextLayout::draw also draws the line above the clip (into the PDF, where text
    # extraction finds it twice).  A paragraph taller than a page is the exception.
    cuts.add(rect.bottom())
    if block.blockFormat().headingLevel():
        keep.add(rect.bottom())
    it = block.begin()
    while not it.atEnd():
        fmt = it.fragment().charFormat()
        if fmt.isImageFormat() and lines.lineCount():
            image = fmt.toImageFormat()
            line = lines.lineAt(0).rect()
            box = QRectF(origin.x() + line.left(), origin.y() + line.top(), 0, 0)
            scale = text.documentLayout().paintDevice().logicalDpiX() / 96
            box.setSize(QSizeF(image.width() * scale, image.height() * scale))
            box.moveBottom(origin.y() + lines.lineAt(0).ascent() + line.top())
            drawings.append((image.name(), box))
        it += 1


def _table_cuts(
    text: QTextDocument, table: QTextTable, cuts: set[float], keep: set[float]
) -> _Table:
    layout = text.documentLayout()
    bounds = layout.frameBoundingRect(table)
    tops = [
        min(
            layout.blockBoundingRect(table.cellAt(r, c).firstCursorPosition().block()).top()
            for c in range(table.columns())
        )
        for r in range(table.rows())
    ]
    fmt = table.format()
    pad = fmt.cellPadding() + fmt.border()
    boundaries = [t - pad for t in tops[1:]] + [bounds.bottom()]
    cuts.update(boundaries)
    headers = fmt.headerRowCount()
    for r in range(table.rows() - 1):
        if r < headers or table.cellAt(r, 0).columnSpan() == table.columns():
            keep.add(boundaries[r])  # a header row or a group's title row: keep with the next
    header_bottom = boundaries[headers - 1] if headers and len(boundaries) > headers else None
    return _Table(bounds.top(), bounds.bottom(), header_bottom)


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
                if t.header_bottom is not None and t.header_bottom - 0.5 <= start < t.bottom - 0.5
            ),
            None,
        )
        room = body - (
            (header.header_bottom - header.top) if header and header.header_bottom else 0
        )
        fitting = [c for c in geometry.cuts if start + 0.5 < c <= start + room]
        end = fitting[-1] if fitting else start + room  # a single row taller than a page
        end = min(end, geometry.height)
        pages.append(_Page(start, end, header))
        start = end
    return pages or [_Page(0.0, geometry.height, None)]


def paint(
    document: Document,
    device: QPagedPaintDevice,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Paint *document* on *device* (already set to A4); returns the number of pages.

    Pages end only between table rows or paragraphs, never through a row; a table
    continued from the page before gets its header row again.
    """
    resolution = device.logicalDpiY()
    page = device.pageLayout().paintRectPixels(resolution)
    footer = FOOTER_MM / 25.4 * resolution
    body = QSizeF(page.width(), page.height() - footer)
    text = _text_document(document, device, body.width())
    geometry = _geometry(text)
    pages = _pages(geometry, body.height())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("cannot paint on the output device")
    try:
        small = QFont(document_font_family())
        small.setPointSizeF(8.0)
        for number, part in enumerate(pages):
            if number:
                device.newPage()
            _paint_page(painter, text, document, geometry, part)
            _footer(painter, document, small, number + 1, len(pages), body, footer)
            if progress is not None:
                progress(number + 1, len(pages))
    finally:
        painter.end()
    return len(pages)


def _paint_page(
    painter: QPainter, text: QTextDocument, document: Document, geometry: _Geometry, part: _Page
) -> None:
    offset = 0.0
    if part.header is not None and part.header.header_bottom is not None:
        offset = _draw_band(painter, text, part.header.top, part.header.header_bottom, 0.0)
    _draw_band(painter, text, part.start, part.end, offset)
    for name, box in geometry.drawings:
        drawing = document.drawings.get(name)
        if drawing is not None and part.start - 0.5 <= box.top() < part.end:
            painter.save()
            painter.translate(box.left(), box.top() - part.start + offset)
            painter.scale(box.width() / drawing.width, box.height() / drawing.height)
            drawing.draw(painter)
            painter.restore()


def _draw_band(
    painter: QPainter, text: QTextDocument, top: float, bottom: float, at: float
) -> float:
    """Draw the document's band [top, bottom) at height *at*; returns the band's height.

    Only what lies inside the band is handed to the painter: a line that merely touches
    its edges is left out (clipped text would still be written into a PDF).
    """
    height = bottom - top
    painter.save()
    painter.translate(0, at - top)
    painter.setClipRect(QRectF(0, top, text.textWidth(), height))
    text.drawContents(painter, QRectF(0, top + 0.5, text.textWidth(), height - 1.0))
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
    issued = QCoreApplication.translate("Report", "Issued: {date}").format(date=document.issued_on)
    painter.drawText(area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), issued)
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
    writer.setResolution(RESOLUTION)
    a4(writer)
    writer.setTitle(document.title)
    writer.setAuthor(document.author)
    writer.setCreator("drill-app")
    pages = paint(document, writer, progress)
    del writer  # flushes and closes the file
    partial.replace(path)
    return pages


@runtime_checkable
class _SetsResolution(Protocol):
    def setResolution(self, resolution: int, /) -> None: ...


def print_document(
    document: Document,
    printer: QPagedPaintDevice,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Print *document* on A4 on *printer* (a QPrinter); returns the number of pages,
    the same as the PDF's (laid out at the same resolution)."""
    if isinstance(printer, _SetsResolution):  # a QPrinter (kept out of this module)
        printer.setResolution(RESOLUTION)
    a4(printer)
    return paint(document, printer, progress)
