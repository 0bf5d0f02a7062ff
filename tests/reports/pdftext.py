"""Reading a PDF back as a reader of the paper would: text per page, and where it is."""

from __future__ import annotations

import re
from pathlib import Path

import pypdf

A4_HEIGHT = 842.0  # points
TOP_MARGIN = 18 / 25.4 * 72  # the documents' margins (drill_app/reports/render.py)
BOTTOM_MARGIN = 16 / 25.4 * 72
FOOTER_HEIGHT = 9 / 25.4 * 72
FOOTER_MARK = re.compile(r"(编制日期：|Issued: )")
"""The footer is painted after the body: its first words end a page's body text."""


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def bodies(path: Path) -> list[str]:
    """Each page's text without its footer, whitespace removed."""
    return [flat(FOOTER_MARK.split(text)[0]) for text in pages_text(path)]


def lines(path: Path) -> list[list[tuple[float, str]]]:
    """Per page, its body's lines from the top: (baseline height above the page's foot
    in points, the line's text left to right, whitespace removed).  Footers left out."""
    out = []
    for page in pypdf.PdfReader(path).pages:
        found: list[tuple[float, float, str]] = []

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            *_: object,
            found: list[tuple[float, float, str]] = found,
        ) -> None:
            if text.strip():
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                found.append((round(y, 1), x, text))

        page.extract_text(visitor_text=visit)
        rows: dict[float, list[tuple[float, str]]] = {}
        for y, x, text in found:
            if y > BOTTOM_MARGIN + FOOTER_HEIGHT:
                rows.setdefault(y, []).append((x, text))
        out.append(
            [(y, flat("".join(t for _, t in sorted(rows[y])))) for y in sorted(rows, reverse=True)]
        )
    return out


def baselines(path: Path) -> list[list[float]]:
    """Per page, the baseline of every piece of text on it, footer included."""
    out = []
    for page in pypdf.PdfReader(path).pages:
        found: list[float] = []

        def visit(
            text: str, cm: list[float], tm: list[float], *_: object, found: list[float] = found
        ) -> None:
            if text.strip():
                found.append(cm[1] * tm[4] + cm[3] * tm[5] + cm[5])

        page.extract_text(visitor_text=visit)
        out.append(found)
    return out


def images(path: Path) -> list[tuple[int, int]]:
    """The pixel sizes of every image in the document."""
    sizes = []
    for page in pypdf.PdfReader(path).pages:
        objects = page["/Resources"].get("/XObject", {})
        for ref in objects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                sizes.append((int(obj["/Width"]), int(obj["/Height"])))
    return sizes
