"""Smoke tests of the built package, run from the installed `drill-app` command.

Each test is what a user of the package does or sees: the version, a classification, the
bundled scenarios validated and replayed, a PDF with its font embedded and its Chinese
extractable, the window in Chinese offscreen and on a real X server, the database in the
user's data folder, and removing the package leaving that data in place.  The checks
shared with the Windows and macOS workflow are in packaging/smoke.py.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from packaged import ROOT, Built, Installed, apt_get, is_installed
from PySide6.QtGui import QColor, QImage
from smoke import REPLAYS, Checks, pdf_text_and_fonts, run, user_database

from drill_app import __version__
from drill_app.paths import SCENARIOS_DIR

HELD_ON = "2026-05-20"


@pytest.fixture
def checks(installed: Installed, tmp_path: Path) -> Checks:
    """The installed command, run by a user whose home is a fresh folder."""
    home = tmp_path / "home"
    home.mkdir()
    return Checks(installed.command, home)


def dev_drill(*args: str) -> subprocess.CompletedProcess[str]:
    """The same command from the development install, for comparison."""
    command = [sys.executable, "-m", "drill_app.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)


def test_version_is_the_one_source(checks: Checks, built: Built) -> None:
    assert checks.version() == f"drill-app {__version__}"
    control = subprocess.run(
        ["dpkg-deb", "-f", str(built.deb), "Version"], capture_output=True, text=True
    )
    assert control.stdout.strip() == __version__
    assert built.deb.name.startswith(f"drill-app_{__version__}_")


def test_classify_from_the_bundled_plan(checks: Checks) -> None:
    answer = checks.classify()
    assert answer["level"] == "III"
    reasons = answer["reasons"]
    assert isinstance(reasons, dict)
    assert reasons["level"][0]["ref"] == "§1.6.2.3(1)"


def test_the_bundled_scenarios_are_the_built_in_ones_and_valid(checks: Checks) -> None:
    bundled = sorted(p.name for p in (checks.bundle / "scenarios").glob("*.yaml"))
    assert bundled == sorted(p.name for p in SCENARIOS_DIR.glob("*.yaml"))
    result = checks.validate_bundled()
    assert result.returncode == 0


def test_replay_scores_as_the_development_install_and_saves_in_the_user_folder(
    checks: Checks,
) -> None:
    score = checks.replay("c-lpg-leak.yaml", "c-late-phone.jsonl")
    expected = dev_drill(
        "replay",
        str(SCENARIOS_DIR / "c-lpg-leak.yaml"),
        str(REPLAYS / "c-late-phone.jsonl"),
        "--json",
    )
    assert expected.returncode == 0, expected.stderr
    assert score == json.loads(expected.stdout)
    database = user_database(checks.home)
    with sqlite3.connect(database) as db:
        assert db.execute("select count(*) from exercises").fetchone() == (1,)


def test_report_pdf_embeds_its_font_and_the_chinese_extracts(
    checks: Checks, tmp_path: Path
) -> None:
    pdf = checks.report_pdf("d-abandoned-supply.yaml", "d-late-sensitive.jsonl", tmp_path / "d.pdf")
    text, fonts = pdf_text_and_fonts(pdf)
    assert fonts and all("WenQuanYi" in name for name in fonts), fonts
    assert "燃气" in text and "演练" in text
    # Byte for byte the development install's text (same plan, rules, font).
    reference = tmp_path / "dev.pdf"
    dev = dev_drill(
        "report",
        "--replay",
        str(SCENARIOS_DIR / "d-abandoned-supply.yaml"),
        str(REPLAYS / "d-late-sensitive.jsonl"),
        "--sheet",
        "--pdf",
        str(reference),
    )
    assert dev.returncode == 0, dev.stderr
    assert text == pdf_text_and_fonts(reference)[0]


def start_page_drawn(path: Path) -> tuple[int, int, float, int]:
    """(width, height, share of the commonest colour, pixels of the selection colour) of
    a screenshot, on a grid of every third pixel.  The populated start page is tables,
    text and a selected scenario row; the page still loading is one grey with a line of
    text (its commonest colour covers ~99%)."""
    image = QImage(str(path))
    assert not image.isNull(), path
    counts: dict[int, int] = {}
    for x in range(0, image.width(), 3):
        for y in range(0, image.height(), 3):
            rgb = image.pixel(x, y)
            counts[rgb] = counts.get(rgb, 0) + 1
    total = sum(counts.values())
    selection = sum(
        n for rgb, n in counts.items() if QColor(rgb).blue() > 150 and QColor(rgb).red() < 100
    )
    return image.width(), image.height(), max(counts.values()) / total, selection


def assert_start_page_shown(path: Path) -> None:
    width, height, commonest, selection = start_page_drawn(path)
    assert width > 600 and height > 400
    assert commonest < 0.8, f"{path}: one colour covers {commonest:.0%}: not the start page"
    assert selection > 100, f"{path}: no selected scenario row"


def start_window(checks: Checks, env: dict[str, str], shot: Path) -> list[str]:
    """Start the window; the lines it printed once populated (then it quits)."""
    env = {**checks.env, **env, "DRILL_APP_BENCH": "1", "DRILL_APP_SCREENSHOT": str(shot)}
    result = run([str(checks.exe)], env)
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_window_offscreen_shows_the_chinese_start_page(checks: Checks, tmp_path: Path) -> None:
    shot = tmp_path / "offscreen.png"
    lines = start_window(checks, {"QT_QPA_PLATFORM": "offscreen"}, shot)
    assert lines == ["shown", "populated", "menus 文件(&F) 视图(&V) 帮助(&H)"]
    assert_start_page_shown(shot)
    assert user_database(checks.home).is_file()  # created on first start, in the user's folder


@pytest.fixture
def xvfb() -> Iterator[str]:
    """A fresh X server (Xvfb); its DISPLAY."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: tools/dev.py test installs it (DEBIAN_PACKAGES)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        assert ready, "Xvfb did not start"
        yield ":" + os.read(read_end, 64).decode().strip()
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=30)


def test_window_under_xvfb_shows_the_chinese_start_page(
    checks: Checks, xvfb: str, tmp_path: Path
) -> None:
    shot = tmp_path / "xcb.png"
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb}
    lines = start_window(checks, env, shot)
    assert lines == ["shown", "populated", "menus 文件(&F) 视图(&V) 帮助(&H)"]
    assert_start_page_shown(shot)  # the pixels the X server shows


def test_only_the_qt_the_app_uses_is_bundled(installed: Installed) -> None:
    files = [p.relative_to(installed.bundle).as_posix() for p in installed.bundle.rglob("*")]
    for unused in ("WebEngine", "Qt6Qml", "Qt6Quick", "Qt63D", "Qt6Multimedia", "Qt6Pdf"):
        assert not [f for f in files if unused in f], unused
    translations = sorted(f.rsplit("/", 1)[1] for f in files if "/Qt/translations/" in f)
    assert "qtbase_zh_CN.qm" in translations
    assert all("_zh_CN" in name for name in translations), translations


def test_nothing_is_read_from_the_source_tree(checks: Checks, tmp_path: Path) -> None:
    if shutil.which("strace") is None:
        pytest.fail("strace is missing: tools/dev.py test installs it (DEBIAN_PACKAGES)")
    actions = tmp_path / "actions.jsonl"
    shutil.copy(REPLAYS / "a-perfect.jsonl", actions)
    trace = tmp_path / "trace.log"
    scenario = checks.bundle / "scenarios" / "a-shanhai-explosion.yaml"
    command = ["strace", "-f", "-e", "trace=%file", "-o", str(trace), str(checks.exe)]
    command += ["report", "--replay", str(scenario), str(actions), "--aar"]
    result = run([*command, "--pdf", str(tmp_path / "aar.pdf")], checks.env)
    assert result.returncode == 0, result.stderr
    touched = [
        line
        for line in trace.read_text(encoding="utf-8", errors="replace").splitlines()
        if str(ROOT) in line and str(checks.bundle) not in line
    ]
    assert not touched, touched[:5]


def test_the_deb_lays_out_the_command_the_menu_entry_and_the_icon(built: Built) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    assert "./usr/bin/drill-app -> /opt/drill-app/drill-app" in listing
    assert "./opt/drill-app/_internal/assets/plans/lixia-gas-2025.yaml" in listing
    for path in (
        "./usr/share/applications/drill-app.desktop",
        "./usr/share/icons/hicolor/256x256/apps/drill-app.png",
        "./usr/share/icons/hicolor/48x48/apps/drill-app.png",
        "./usr/share/icons/hicolor/scalable/apps/drill-app.svg",
    ):
        assert path in listing
    desktop = (ROOT / "packaging" / "linux" / "drill-app.desktop").read_text(encoding="utf-8")
    assert "\nExec=drill-app\n" in desktop and "\nIcon=drill-app\n" in desktop


def declared_depends(deb: Path) -> set[str]:
    field = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True, text=True, check=True
    ).stdout
    return {name.strip().split()[0] for part in field.split(",") for name in part.split("|")}


def system_library_packages(bundle: Path) -> dict[str, str]:
    """{soname: Debian package} of the libraries Qt's libraries and platform plugins
    need that the bundle does not carry."""
    qt = bundle / "_internal" / "PySide6" / "Qt"
    elves = [*(qt / "lib").glob("*.so*"), *(qt / "plugins").rglob("*.so")]
    carried = {p.name for p in bundle.rglob("*.so*")}
    needed: set[str] = set()
    for elf in elves:
        dump = subprocess.run(["objdump", "-p", str(elf)], capture_output=True, text=True)
        needed |= {ln.split()[1] for ln in dump.stdout.splitlines() if "NEEDED" in ln}
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    where = {}
    for line in cache.splitlines():
        parts = line.split(" => ")
        if len(parts) == 2:
            where.setdefault(parts[0].split()[0], parts[1].strip())
    owners = {}
    for soname in sorted(needed - carried):
        assert soname in where, f"{soname} is needed by the bundled Qt but not installed"
        owners[soname] = owning_package(where[soname])
    return owners


def owning_package(path: str) -> str:
    """The Debian package of a library file (merged /usr: dpkg knows one of the names)."""
    real = os.path.realpath(path)
    for candidate in (path, real, real.removeprefix("/usr")):
        owner = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":")[0]
    raise AssertionError(f"no package owns {path}")


def test_the_deb_declares_the_system_libraries_qt_needs(built: Built, installed: Installed) -> None:
    base = {"libc6", "libgcc-s1", "libstdc++6", "zlib1g"}
    declared = declared_depends(built.deb) | base
    owners = system_library_packages(installed.bundle)
    assert owners, "no system library found: the check would prove nothing"
    undeclared = {soname: pkg for soname, pkg in owners.items() if pkg not in declared}
    assert not undeclared


def test_removing_the_package_keeps_the_users_data(installed: Installed, tmp_path: Path) -> None:
    if not installed.from_deb:
        pytest.skip("the .deb is installed and removed only as root with apt-get")
    home = tmp_path / "home"
    home.mkdir()
    Checks(installed.command, home).replay("a-shanhai-explosion.yaml", "a-perfect.jsonl")
    database = user_database(home)
    assert database.is_file()

    apt_get("remove", "drill-app")
    assert not is_installed()
    assert not installed.command.exists() and not installed.bundle.exists()
    with sqlite3.connect(database) as db:  # the archive is still there, and readable
        assert db.execute("select count(*) from exercises").fetchone() == (1,)
