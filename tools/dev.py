#!/usr/bin/env python3
"""Set up and run drill-app, or run its checks, from a fresh clone.

Usage:
  python3 tools/dev.py run [ARGS...]          install into .venv/ and start drill-app with ARGS
  python3 tools/dev.py test [PYTEST_ARGS...]  install test needs and run every check:
                                              ruff check, ruff format --check, mypy,
                                              lint-imports, then pytest (Qt offscreen)
  python3 tools/dev.py package [--force]      build the desktop bundle (PyInstaller,
                                              packaging/drill-app.spec) into dist/drill-app/
                                              and, on Debian-like Linux, dist/drill-app_*.deb
  python3 tools/dev.py --help                 show this text

The verbs create .venv/ at the repository root when it is missing and `pip install -e`
the project into it; the install is skipped while pyproject.toml is unchanged since the
last successful one. On Debian-like Linux they also make sure the system packages that
Qt needs (and, for `test`, PostgreSQL's server, Xvfb for the package's smoke tests;
for `package`, binutils) are installed (via apt-get as root, via
`sudo -n` if allowed, or else they print the command to run). On Windows use
`py tools\\dev.py ...`.

Standard library only; needs Python 3.11 or newer.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

# Debian packages by purpose. Add new purposes here (e.g. "postgresql", "cups") and list
# them in VERB_PURPOSES below.
DEBIAN_PACKAGES: dict[str, list[str]] = {
    # Shared libraries the PySide6 wheels load, enough for the offscreen platform.
    "qt-runtime": [
        "libegl1",
        "libgl1",
        "libfontconfig1",
        "libfreetype6",
        "libxkbcommon0",
        "libdbus-1-3",
        "libglib2.0-0",
    ],
    # Without a CJK font every Chinese glyph is drawn as a box.
    "chinese-fonts": ["fonts-noto-cjk"],
    # Needed by the test suite only. The store tests start a throwaway PostgreSQL server
    # from Debian's binaries (tests/pg.py); none of the system service is used.
    "tests": [
        "postgresql",
        # Printing through a real print system: CUPS with a PDF queue, and poppler's
        # pdftoppm to render what it printed.
        "cups",
        "printer-driver-cups-pdf",
        "poppler-utils",
    ],
    # Building the desktop bundle: PyInstaller reads shared libraries with objdump.
    "packaging": ["binutils"],
    # What Qt's xcb (X11) and Wayland platforms load on top of qt-runtime: a real window
    # on a bare machine.  The .deb declares qt-runtime and these as its Depends.
    "qt-desktop": [
        "libx11-6",
        "libx11-xcb1",
        "libxcb1",
        "libxkbcommon-x11-0",
        "libxcb-cursor0",
        "libxcb-icccm4",
        "libxcb-keysyms1",
        "libxcb-image0",
        "libxcb-randr0",
        "libxcb-render-util0",
        "libxcb-shape0",
        "libxcb-xfixes0",
        "libxcb-xkb1",
        "libxcb-xinerama0",
        "libdrm2",
        "libwayland-client0",
        "libwayland-cursor0",
        "libwayland-egl1",
    ],
    # The smoke tests of the built package (tests/packaging): a real X server for the
    # window, and strace to prove the installed app reads nothing from the source tree.
    "packaging-tests": ["xvfb", "xauth", "x11-utils", "strace"],
}

# Which purposes each verb needs.
VERB_PURPOSES: dict[str, list[str]] = {
    # A real window on a fresh desktop needs the xcb/Wayland libraries too.
    "run": ["qt-runtime", "chinese-fonts", "qt-desktop"],
    "test": [
        "qt-runtime",
        "chinese-fonts",
        "tests",
        "packaging",
        "qt-desktop",
        "packaging-tests",
    ],
    "package": ["qt-runtime", "packaging"],
}

# pip extras each verb installs (the tests build the package to smoke-test it).
VERB_EXTRAS: dict[str, list[str]] = {
    "run": [],
    "test": ["test", "package"],
    "package": ["package"],
}

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / ".dev-install-stamp.json"
IS_WINDOWS = sys.platform == "win32"


def say(message: str) -> None:
    """Print a progress line, flushed so it stays in order with child output."""
    print(f"[dev] {message}", flush=True)


def fail(message: str, code: int = 1) -> int:
    """Print a failure line and return the exit code to use."""
    print(f"FAILED: {message}", file=sys.stderr, flush=True)
    return code


# --- virtual environment -----------------------------------------------------------------


def venv_bin_dir() -> Path:
    return VENV / ("Scripts" if IS_WINDOWS else "bin")


def venv_executable(name: str) -> Path:
    """Path of a program installed in the venv (python, a console script...)."""
    return venv_bin_dir() / (f"{name}.exe" if IS_WINDOWS else name)


def ensure_venv() -> bool:
    """Create .venv/ when it has no Python; return True when it was just created."""
    created = not venv_executable("python").exists()
    if created:
        say(f"creating {VENV}")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    # Keep the venv out of git even without a .gitignore at the root.
    gitignore = VENV / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text("*\n", encoding="utf-8")
    return created


def pyproject_sha256() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def read_stamp() -> tuple[str, set[str]]:
    """Return (pyproject hash, extras) of the last successful install, or ("", set())."""
    try:
        data = json.loads(STAMP.read_text(encoding="utf-8"))
        return str(data["pyproject_sha256"]), set(data["extras"])
    except (OSError, ValueError, KeyError, TypeError):
        return "", set()


def write_stamp(digest: str, extras: Iterable[str]) -> None:
    data = {"pyproject_sha256": digest, "extras": sorted(extras)}
    STAMP.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def pip(*args: str) -> None:
    cmd = [str(venv_executable("python")), "-m", "pip", "--disable-pip-version-check", *args]
    subprocess.run(cmd, check=True, cwd=ROOT)


def ensure_installed(extras: Sequence[str]) -> None:
    """Create the venv if needed and `pip install -e .[extras]` unless already up to date."""
    created = ensure_venv()
    digest = pyproject_sha256()
    stamped_digest, stamped_extras = read_stamp()
    if not created and digest == stamped_digest and set(extras) <= stamped_extras:
        return
    if created:
        say("upgrading pip")
        pip("install", "--quiet", "--upgrade", "pip")
    target = f".[{','.join(extras)}]" if extras else "."
    say(f"pip install -e {target}")
    STAMP.unlink(missing_ok=True)
    pip("install", "--quiet", "-e", target)
    # Extras from an earlier install of the same pyproject.toml are still installed.
    kept = stamped_extras if digest == stamped_digest else set()
    write_stamp(digest, kept | set(extras))


# --- Debian packages ---------------------------------------------------------------------


def packages_for(verb: str) -> list[str]:
    """The Debian packages a verb needs, in order, without duplicates."""
    names = (name for purpose in VERB_PURPOSES[verb] for name in DEBIAN_PACKAGES[purpose])
    return list(dict.fromkeys(names))


def missing_debian_packages(packages: Sequence[str]) -> list[str]:
    """Return the packages that dpkg does not report as installed."""
    installed: set[str] = set()
    for package in packages:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}\n", package],
            capture_output=True,
            text=True,
            check=False,
        )
        # Status is "want error-flag state"; a multi-arch package prints one line per arch.
        if any(line.split()[2:3] == ["installed"] for line in result.stdout.splitlines()):
            installed.add(package)
    return [package for package in packages if package not in installed]


def apt_commands(packages: Sequence[str]) -> list[list[str]]:
    return [
        ["apt-get", "update"],
        ["apt-get", "install", "-y", "--no-install-recommends", *packages],
    ]


def ensure_debian_packages(packages: Sequence[str]) -> bool:
    """Install missing Debian packages if we may; return False if an install failed."""
    if not sys.platform.startswith("linux") or not packages:
        return True
    if shutil.which("dpkg-query") is None:
        say("not a Debian-like system: make sure Qt's libraries and a CJK font are installed")
        return True
    missing = missing_debian_packages(packages)
    if not missing:
        return True
    commands = apt_commands(missing)
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif can_sudo():
        # sudo resets the environment, so pass DEBIAN_FRONTEND through env(1).
        prefix = ["sudo", "-n", "env", "DEBIAN_FRONTEND=noninteractive"]
    else:
        printed = " && ".join("sudo " + " ".join(cmd) for cmd in commands)
        say(f"missing Debian packages: {' '.join(missing)}")
        say(f"install them with:\n    {printed}")
        return True
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    say(f"installing Debian packages: {' '.join(missing)}")
    for command in commands:
        if subprocess.run([*prefix, *command], env=env, check=False).returncode != 0:
            fail(" ".join(command))
            return False
    return True


def can_sudo() -> bool:
    """True when sudo runs without asking for a password."""
    if shutil.which("sudo") is None:
        return False
    result = subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False)
    return result.returncode == 0


# --- verbs -------------------------------------------------------------------------------


def prepare(verb: str) -> bool:
    """Everything both verbs need before they run something; False on failure."""
    if not ensure_debian_packages(packages_for(verb)):
        return False
    try:
        ensure_installed(VERB_EXTRAS[verb])
    except subprocess.CalledProcessError as error:
        fail(f"installing into {VENV} ({' '.join(map(str, error.cmd))})")
        return False
    return True


def child_env() -> dict[str, str]:
    """The environment for tools run from the venv, as if it were activated."""
    env = dict(os.environ)
    env["VIRTUAL_ENV"] = str(VENV)
    env["PATH"] = os.pathsep.join([str(venv_bin_dir()), env.get("PATH", "")])
    env.pop("PYTHONHOME", None)
    return env


def exit_code(returncode: int) -> int:
    """Map a child's return code (negative for a signal on POSIX) to a shell exit code."""
    return 128 - returncode if returncode < 0 else returncode


def run_app(args: Sequence[str]) -> int:
    if not prepare("run"):
        return 1
    program = str(venv_executable("drill-app"))
    sys.stdout.flush()
    sys.stderr.flush()
    if IS_WINDOWS:
        return exit_code(subprocess.run([program, *args], env=child_env(), check=False).returncode)
    os.execve(program, [program, *args], child_env())


# The GUI tests marked `xcb` run a second time on a real X server (Xvfb, the xcb
# platform) with a laptop's screen: what offscreen cannot show (window sizes against the
# screen, focus, the platform's libraries).  Kept to a few tests so CI stays quick.
XCB_STEP = "pytest (xcb on Xvfb, 1366x768)"
XVFB_SCREEN = "1366x768x24"


def test_steps(pytest_args: Sequence[str]) -> list[tuple[str, list[str]]]:
    """(name, command) for each check, in the order they run."""
    pytest = str(venv_executable("pytest"))
    steps = [
        ("ruff check", [str(venv_executable("ruff")), "check", "."]),
        ("ruff format --check", [str(venv_executable("ruff")), "format", "--check", "."]),
        ("mypy", [str(venv_executable("mypy"))]),
        ("lint-imports", [str(venv_executable("lint-imports"))]),
        ("pytest", [pytest, *pytest_args]),
    ]
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run and not IS_WINDOWS:
        server = ["-a", "-s", f"-screen 0 {XVFB_SCREEN}"]
        steps.append((XCB_STEP, [xvfb_run, *server, pytest, "-m", "xcb", *pytest_args]))
    return steps


def step_environment(name: str, env: dict[str, str]) -> dict[str, str]:
    if name == "pytest":
        return {**env, "QT_QPA_PLATFORM": "offscreen"}
    if name == XCB_STEP:
        return {**env, "QT_QPA_PLATFORM": "xcb"}
    return env


def run_tests(pytest_args: Sequence[str]) -> int:
    if not prepare("test"):
        return 1
    env = child_env()
    for name, command in test_steps(pytest_args):
        say(f"== {name}")
        step_env = step_environment(name, env)
        code = exit_code(subprocess.run(command, cwd=ROOT, env=step_env, check=False).returncode)
        if name == XCB_STEP and code == 5:
            continue  # the chosen tests hold none of the xcb ones
        if name == "pytest" and code == 5:
            return fail("pytest (no tests were collected, exit code 5)")
        if code != 0:
            return fail(f"{name} (exit code {code})", code)
    say("all checks passed")
    return 0


# --- the desktop package -----------------------------------------------------------------

DIST = ROOT / "dist"
BUNDLE = DIST / "drill-app"
PACKAGE_STAMP = DIST / ".package-stamp.json"
# What goes into the package: a change here rebuilds it (see package_inputs_sha256).
PACKAGE_INPUTS = ("drill_app", "assets", "scenarios", "docs", "packaging", "pyproject.toml")


def package_inputs_sha256() -> str:
    """One hash over every file the package is built from (and this script)."""
    digest = hashlib.sha256()
    files = [ROOT / "tools" / "dev.py"]
    for name in PACKAGE_INPUTS:
        path = ROOT / name
        files += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def built_artefacts() -> list[Path]:
    """The bundle and, on Debian-like Linux, the .deb, as the last build left them."""
    return [BUNDLE, *sorted(DIST.glob("drill-app_*.deb"))]


def package_is_current(digest: str) -> bool:
    try:
        stamp = json.loads(PACKAGE_STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return stamp.get("inputs_sha256") == digest and all(
        (DIST / name).exists() for name in stamp.get("artefacts", [])
    )


def build_package(args: Sequence[str]) -> int:
    """Build dist/drill-app/ (PyInstaller) and, with dpkg-deb, dist/drill-app_*.deb.

    Skipped while nothing it is built from changed since the last build; --force
    rebuilds anyway.
    """
    if not prepare("package"):
        return 1
    digest = package_inputs_sha256()
    if "--force" not in args and package_is_current(digest):
        say("package up to date: " + ", ".join(str(p) for p in built_artefacts()))
        return 0
    PACKAGE_STAMP.unlink(missing_ok=True)
    for old in DIST.glob("drill-app_*.deb"):
        old.unlink()
    spec = ROOT / "packaging" / "drill-app.spec"
    work = ROOT / "build" / "pyinstaller"
    say("pyinstaller packaging/drill-app.spec")
    command = [str(venv_executable("pyinstaller")), "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(work), str(spec)]
    code = exit_code(subprocess.run(command, cwd=ROOT, env=child_env(), check=False).returncode)
    if code != 0:
        return fail(f"pyinstaller (exit code {code})", code)
    if sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
        say("dpkg-deb (packaging/linux/build_deb.py)")
        builder = ROOT / "packaging" / "linux" / "build_deb.py"
        if subprocess.run([sys.executable, str(builder), str(BUNDLE), str(DIST)]).returncode:
            return fail("building the .deb")
    artefacts = built_artefacts()
    names = [p.relative_to(DIST).as_posix() for p in artefacts]
    PACKAGE_STAMP.write_text(
        json.dumps({"inputs_sha256": digest, "artefacts": names}, indent=2) + "\n",
        encoding="utf-8",
    )
    for path in artefacts:
        say(f"built {path} ({size_mib(path):.1f} MiB)")
    return 0


def size_mib(path: Path) -> float:
    files = path.rglob("*") if path.is_dir() else [path]
    return sum(p.stat().st_size for p in files if p.is_file() and not p.is_symlink()) / 2**20


def main(argv: Sequence[str]) -> int:
    # Kept despite UP036: an older python3 should get a clear message, not a traceback.
    if sys.version_info < (3, 11):  # noqa: UP036
        return fail("tools/dev.py needs Python 3.11 or newer")
    if not argv or argv[0] in ("-h", "--help", "help"):
        print(__doc__.strip() if __doc__ else "")
        return 0 if argv else 2
    verb, rest = argv[0], argv[1:]
    if verb == "run":
        return run_app(rest)
    if verb == "test":
        return run_tests(rest)
    if verb == "package":
        return build_package(rest)
    print(f"unknown verb {verb!r}; see `python3 tools/dev.py --help`", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
