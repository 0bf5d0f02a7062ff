"""Build the Debian package from the PyInstaller bundle (standard library only).

Run:  python3 packaging/linux/build_deb.py dist/drill-app dist/
      (what `python3 tools/dev.py package` runs after PyInstaller)

Layout of the package:
- /opt/drill-app/                  the one-folder bundle, as built;
- /usr/bin/drill-app               a symbolic link to /opt/drill-app/drill-app;
- /usr/share/applications/drill-app.desktop, with the icon in the hicolor theme
  (/usr/share/icons/hicolor/NxN/apps/drill-app.png and scalable/apps/drill-app.svg);
- /usr/share/doc/drill-app/copyright.
Depends: the Debian packages of the system libraries Qt loads (the bundle carries Qt
itself, not the X11/OpenGL/font stack underneath), and a Chinese font for the interface.
The user's data (the database, settings) lives in the home folder and is never touched
by installing or removing the package.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACKAGE = "drill-app"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def qt_depends() -> list[str]:
    """The system libraries under the bundled Qt: tools/dev.py's lists (one source), the
    offscreen set and what a real window (xcb, Wayland) needs."""
    spec = importlib.util.spec_from_file_location("dev", ROOT / "tools" / "dev.py")
    assert spec is not None and spec.loader is not None
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    packages: dict[str, list[str]] = dev.DEBIAN_PACKAGES
    return [*packages["qt-runtime"], *packages["qt-desktop"]]


# Any one CJK font draws the interface's Chinese (documents embed their own font).
FONT_DEPENDS = "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"


def read_version() -> str:
    """drill_app.__version__, read from the source without importing the package."""
    namespace: dict[str, object] = {}
    exec((ROOT / "drill_app" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return str(namespace["__version__"])


def architecture() -> str:
    result = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def installed_size_kib(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) // 1024 + 1


def control_text(version: str, arch: str, size_kib: int) -> str:
    depends = ", ".join([*qt_depends(), FONT_DEPENDS])
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: drill-app developers <drill-app@localhost>\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {depends}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: run and score emergency drills against a district gas plan\n"
        " drill-app runs drills and tabletop exercises against the district urban gas\n"
        " emergency plan, scores them line by line against the plan and prints the\n"
        " scoring sheets and the after-action report.  Self-contained: Python and Qt\n"
        " are bundled under /opt/drill-app.\n"
    )


def stage(bundle: Path, tree: Path, version: str, arch: str) -> None:
    """Lay out the package's files under *tree*."""
    shutil.copytree(bundle, tree / "opt" / PACKAGE, symlinks=True)
    (tree / "usr" / "bin").mkdir(parents=True)
    (tree / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    applications = tree / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copy2(HERE / f"{PACKAGE}.desktop", applications / f"{PACKAGE}.desktop")
    icons = ROOT / "assets" / "icons"
    hicolor = tree / "usr" / "share" / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(icons / f"{PACKAGE}-{size}.png", target / f"{PACKAGE}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(icons / f"{PACKAGE}.svg", hicolor / "scalable" / "apps" / f"{PACKAGE}.svg")
    doc = tree / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "drill-app: MIT License.\n"
        "Bundled: Python (PSF License), Qt and PySide6 (LGPL-3.0), SQLAlchemy, Alembic,\n"
        "pydantic, PyYAML, platformdirs (MIT/BSD), psycopg (LGPL-3.0), WenQuanYi Micro Hei\n"
        "(Apache-2.0); see /opt/drill-app/_internal for their files.\n",
        encoding="utf-8",
    )
    debian = tree / "DEBIAN"
    debian.mkdir()
    size = installed_size_kib(tree)
    (debian / "control").write_text(control_text(version, arch, size), encoding="utf-8")
    for folder in [tree, *(p for p in tree.rglob("*") if p.is_dir())]:
        folder.chmod(0o755)


def build(bundle: Path, out_dir: Path) -> Path:
    version, arch = read_version(), architecture()
    deb = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="drill-app-deb-") as temp:
        tree = Path(temp) / f"{PACKAGE}_{version}_{arch}"
        stage(bundle, tree, version, arch)
        out_dir.mkdir(parents=True, exist_ok=True)
        # gzip: every dpkg reads it (also the older ones of 国产化 desktops), and fast here.
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zgzip", "-z6", "--build", str(tree), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("bundle", type=Path, help="the PyInstaller one-folder bundle")
    parser.add_argument("out_dir", type=Path, help="where to write the .deb")
    args = parser.parse_args(argv)
    if not (args.bundle / PACKAGE).is_file():
        print(f"build_deb: no {PACKAGE} executable in {args.bundle}", file=sys.stderr)
        return 2
    print(build(args.bundle, args.out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
