"""The application icon: the committed PNG sizes, .ico and .icns are the SVG's rendering."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from drill_app.paths import ICONS_DIR

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent / "packaging"))
import render_icons


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """(pixel size, PNG data) of each image in an ICO file."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        width, _h, _c, _r, _planes, _bpp, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        entries.append((width or 256, data[offset : offset + size]))
    return entries


def difference(a: QImage, b: QImage) -> float:
    """Mean absolute difference per channel, 0-255."""
    assert a.size() == b.size()
    total = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            total += sum(abs(u - v) for u, v in zip(pa.getRgb(), pb.getRgb(), strict=True))
    return total / (a.width() * a.height() * 4)


def test_png_sizes_are_current_renderings_of_the_svg(qapp: QApplication, tmp_path: Path) -> None:
    render_icons.write_icons(tmp_path)
    for size in (16, 32, 48, 256):
        committed = QImage(str(ICONS_DIR / f"drill-app-{size}.png"))
        assert (committed.width(), committed.height()) == (size, size)
        fresh = QImage(str(tmp_path / f"drill-app-{size}.png"))
        assert difference(committed, fresh) < 2.0, f"run packaging/render_icons.py ({size} px)"


def test_ico_holds_every_windows_size_as_png() -> None:
    entries = ico_entries((ICONS_DIR / "drill-app.ico").read_bytes())
    assert [size for size, _ in entries] == [16, 24, 32, 48, 64, 128, 256]
    for size, png in entries:
        image = QImage.fromData(png, "PNG")
        assert (image.width(), image.height()) == (size, size)


def test_icns_holds_the_macos_sizes() -> None:
    data = (ICONS_DIR / "drill-app.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = [], 8
    while offset < len(data):
        kinds.append(data[offset : offset + 4])
        offset += struct.unpack(">I", data[offset + 4 : offset + 8])[0]
    assert kinds == [b"icp4", b"icp5", b"icp6", b"ic07", b"ic08", b"ic09"]
