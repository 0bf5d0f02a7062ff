"""Smoke checks of a built drill-app: the same commands on every platform.

Run:  python packaging/smoke.py COMMAND [--data-home DIR]
      e.g. python packaging/smoke.py dist/drill-app/drill-app
           python packaging/smoke.py /usr/bin/drill-app

COMMAND is the installed or bundled executable.  Each check runs it as a user would,
with a fresh user data folder, and prints "ok <check>" or "FAILED <check>: why"; the
exit status is the number of failures.  The Linux tests (tests/packaging) call the same
functions and add what only Linux can check here (the .deb, Xvfb); the CI workflow for
Windows and macOS (.github/workflows/package.yml) runs this script.

Standard library only, plus pypdf for the PDF check when it is installed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REPLAYS = ROOT / "tests" / "fixtures" / "replays"
# Facts of a level III incident (plan §1.6.2: 3-9 dead or 10-49 seriously injured).
FACTS_LEVEL_III = {"deaths": 3}
TIMEOUT = 120
ROOM_SCENARIO = ROOT / "tests" / "net" / "fixtures" / "short-explosion.yaml"
"""Scenario a cut to 45 minutes: at speed 120 the hosted exercise lasts about 23 s."""
ROOM_ACTIONS = ROOT / "tests" / "net" / "fixtures" / "short-late-phone.jsonl"
ROOM_UNIT = "fire"


def user_env(data_home: Path) -> dict[str, str]:
    """The environment of a user whose data folders are under *data_home*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DRILL_APP_", "PYTHON"))}
    if sys.platform == "win32":
        # Windows names the user's folders through the shell, not the environment: the
        # runner's real %LOCALAPPDATA% is used (a CI runner is a fresh user anyway).
        return env
    env.update(
        HOME=str(data_home),
        XDG_DATA_HOME=str(data_home / "data"),
        XDG_CONFIG_HOME=str(data_home / "config"),
        XDG_CACHE_HOME=str(data_home / "cache"),
    )
    return env


def user_database(data_home: Path) -> Path:
    """Where drill-app keeps its database for that user (platformdirs' user data dir)."""
    if sys.platform == "win32":
        return Path(os.environ["LOCALAPPDATA"]) / "drill-app" / "drill-app.sqlite3"
    if sys.platform == "darwin":
        support = data_home / "Library" / "Application Support"
        return support / "drill-app" / "drill-app.sqlite3"
    return data_home / "data" / "drill-app" / "drill-app.sqlite3"


def run(
    command: Sequence[str], env: dict[str, str], stdin: str | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run *command* (from the user's home folder when *cwd* is None)."""
    return subprocess.run(
        list(command),
        input=stdin,
        cwd=cwd or env.get("HOME"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=TIMEOUT,
        check=False,
    )


def resource_dir(executable: Path) -> Path:
    """The bundle's data folder (PyInstaller's _internal, or Resources in a .app)."""
    real = executable.resolve()
    for candidate in (real.parent / "_internal", real.parent.parent / "Resources"):
        if (candidate / "scenarios").is_dir():
            return candidate
    raise FileNotFoundError(f"no bundled scenarios beside {real}")


class Checks:
    """Each method is one check; it raises AssertionError with the reason on failure."""

    def __init__(self, executable: Path, data_home: Path) -> None:
        self.exe = executable
        self.home = data_home
        self.env = user_env(data_home)
        self.bundle = resource_dir(executable)

    def drill(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return run([str(self.exe), *args], self.env, stdin)

    def version(self) -> str:
        result = self.drill("--version")
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def classify(self) -> dict[str, object]:
        result = self.drill("classify", "-", stdin=json.dumps(FACTS_LEVEL_III))
        assert result.returncode == 0, result.stderr
        answer: dict[str, object] = json.loads(result.stdout)
        return answer

    def validate_bundled(self) -> subprocess.CompletedProcess[str]:
        result = self.drill("validate", str(self.bundle / "scenarios"))
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    def replay(self, scenario: str, actions: str) -> dict[str, object]:
        result = self.drill(
            "replay",
            str(self.bundle / "scenarios" / scenario),
            str(REPLAYS / actions),
            "--json",
            "--save",
        )
        assert result.returncode == 0, result.stderr
        answer: dict[str, object] = json.loads(result.stdout)
        return answer

    def report_pdf(self, scenario: str, actions: str, out: Path) -> Path:
        result = self.drill(
            "report",
            "--replay",
            str(self.bundle / "scenarios" / scenario),
            str(REPLAYS / actions),
            "--sheet",
            "--pdf",
            str(out),
        )
        env_hint = result.stdout + result.stderr
        assert result.returncode == 0 and out.is_file(), env_hint
        return out

    def room(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The network layer frozen: a headless host announces itself (zeroconf), is
        found (`hosts`), one bundled seat joins, acts, and the exercise ends.  Returns the
        hosts found and the messages the seat printed."""
        database = f"sqlite:///{self.home / 'room.sqlite3'}"
        command = [str(self.exe), "host", str(ROOM_SCENARIO), "--db", database, "--port", "0"]
        host = subprocess.Popen(
            [*command, "--speed", "120", "--start-when-joined", "--seats", ROOM_UNIT],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=self.env,
            cwd=self.home,
        )
        try:
            assert host.stdout is not None
            first = json.loads(host.stdout.readline() or "{}")
            assert {"address", "code", "exercise"} <= first.keys(), first
            # Typed too: where multicast is blocked (some CI runners) it is still found.
            found = self.drill("hosts", first["address"], "--timeout", "5")
            assert found.returncode == 0, found.stderr[-2000:]
            seat = self.drill(
                *("seat", first["address"], "--code", first["code"], "--unit", ROOM_UNIT),
                *("--name", "smoke", "--actions", str(ROOM_ACTIONS)),
                *("--state", str(self.home / "seat-state")),
            )
            assert seat.returncode == 0, seat.stdout[-2000:] + seat.stderr[-2000:]
            _out, errors = host.communicate(timeout=TIMEOUT)
            assert host.returncode == 0, errors[-2000:]
        finally:
            if host.poll() is None:
                host.kill()
                host.communicate()
        return [json.loads(line) for line in found.stdout.splitlines()], [
            json.loads(line) for line in seat.stdout.splitlines()
        ]

    def gui_offscreen(self) -> list[str]:
        """Start the window offscreen; the lines it printed (shown, populated)."""
        env = {**self.env, "QT_QPA_PLATFORM": "offscreen", "DRILL_APP_BENCH": "1"}
        result = run([str(self.exe)], env)
        assert result.returncode == 0, result.stderr
        return result.stdout.split()


def received(messages: Sequence[dict[str, Any]]) -> dict[str, int]:
    """A seat's messages counted: by type, events by kind."""
    counts: dict[str, int] = {}
    for message in messages:
        key = message["type"]
        if key == "event":
            key += ":" + message["event"]["kind"]
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))


def pdf_text_and_fonts(path: Path) -> tuple[str, list[str]]:
    """(text, embedded font names) of a PDF, read with pypdf."""
    from pypdf import PdfReader

    reader = PdfReader(path)
    text = "".join(page.extract_text() for page in reader.pages)
    fonts = []
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                embedded = ("/FontFile2", "/FontFile3")
                if descriptor and any(k in descriptor.get_object() for k in embedded):
                    fonts.append(str(font.get("/BaseFont")))
    return text, fonts


def all_checks(checks: Checks, out_dir: Path) -> list[tuple[str, Callable[[], object]]]:
    def pdf() -> object:
        path = checks.report_pdf("a-shanhai-explosion.yaml", "a-perfect.jsonl", out_dir / "a.pdf")
        try:
            text, fonts = pdf_text_and_fonts(path)
        except ImportError:
            return "written (pypdf not installed: text not checked)"
        assert fonts, "no embedded font"
        assert "燃气" in text and "评估" in text, text[:200]
        return fonts

    def room() -> object:
        found, messages = checks.room()
        assert found, "the host was not found (neither announced nor at its address)"
        got = received(messages)
        wanted = ("welcome", "ack", "event:inject_delivered", "event:exercise_ended")
        assert all(got.get(k) for k in wanted), got
        return got

    def database() -> object:
        checks.replay("b-winter-shortage.yaml", "b-perfect.jsonl")
        path = user_database(checks.home)
        assert path.is_file(), f"no database at {path}"
        return path

    return [
        ("--version", checks.version),
        ("classify", checks.classify),
        ("validate bundled scenarios", checks.validate_bundled),
        ("replay --save (database in the user data folder)", database),
        ("report --pdf", pdf),
        ("window offscreen", lambda: checks.gui_offscreen()[:2] == ["shown", "populated"] or 1 / 0),
        ("host and seat on loopback", room),
    ]


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description="Smoke checks of a built drill-app.")
    parser.add_argument("command", type=Path, help="the drill-app executable to check")
    args = parser.parse_args(argv)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="drill-app-smoke-") as temp:
        checks = Checks(args.command, Path(temp))
        for name, check in all_checks(checks, Path(temp)):
            try:
                print(f"ok {name}: {check()}", flush=True)
            except Exception as error:
                failures += 1
                print(f"FAILED {name}: {type(error).__name__}: {error}", flush=True)
    return failures


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
