"""Render the application icon from its SVG: PNG sizes, a Windows .ico, a macOS .icns.

Run:  .venv/bin/python packaging/render_icons.py [OUT_DIR]   (default: assets/icons)

Uses Qt's own SVG renderer (PySide6-Essentials, already a dependency) at build time
only; the .ico and .icns containers are written here with PNG-compressed entries
(Windows Vista and later, macOS 10.7 and later read those), so no image library is
needed.  The results are committed; tests/packaging/test_icons.py checks they are current.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "assets" / "icons" / "drill-app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, by pixel size.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("cannot encode PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file: ICONDIR, one ICONDIRENTRY per size, then the PNG data."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(
        kind + struct.pack(">I", len(pngs[size]) + 8) + pngs[size]
        for size, kind in sorted(ICNS_TYPES.items())
    )
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def write_icons(out_dir: Path) -> list[Path]:
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise RuntimeError(f"cannot read {SVG}")
    pngs = {size: png_bytes(render(renderer, size)) for size in PNG_SIZES}
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size, blob in pngs.items():
        path = out_dir / f"drill-app-{size}.png"
        path.write_bytes(blob)
        written.append(path)
    ico = out_dir / "drill-app.ico"
    ico.write_bytes(ico_bytes({size: pngs[size] for size in ICO_SIZES}))
    icns = out_dir / "drill-app.icns"
    icns.write_bytes(icns_bytes(pngs))
    return [*written, ico, icns]


def main(argv: list[str]) -> int:
    app = QGuiApplication.instance() or QGuiApplication(["render_icons"])
    del app
    out_dir = Path(argv[0]) if argv else SVG.parent
    for path in write_icons(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
