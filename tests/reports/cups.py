"""A real print system for the printing tests: CUPS with a cups-pdf queue named PDF.

If a queue named PDF already exists (a developer's machine), it is used as it is.
Otherwise, as root, the session starts its own ``cupsd -f`` (Debian's cups and
printer-driver-cups-pdf, installed by the test command), adds the queue, and stops
the daemon at the end.  cups-pdf writes each job to ~/PDF of the user who printed.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
from pathlib import Path

QUEUE = "PDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")


class PrintingUnavailable(RuntimeError):
    pass


def queue_exists() -> bool:
    if shutil.which("lpstat") is None:
        return False
    result = subprocess.run(["lpstat", "-p", QUEUE], capture_output=True, text=True, check=False)
    return result.returncode == 0


def output_dir() -> Path:
    return Path(pwd.getpwuid(os.getuid()).pw_dir) / "PDF"


class CupsQueue:
    def __init__(self) -> None:
        self.daemon: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        if queue_exists():
            return
        if os.geteuid() != 0 or not Path("/usr/sbin/cupsd").exists() or not PPD.exists():
            raise PrintingUnavailable(
                "no print queue named PDF and cannot start CUPS here: run `python3 tools/dev.py "
                "test` as root (it installs cups and printer-driver-cups-pdf), or set "
                "DRILL_APP_SKIP_PRINTING=1 to skip the printing tests"
            )
        self.daemon = subprocess.Popen(
            ["/usr/sbin/cupsd", "-f"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 20
        while True:
            added = subprocess.run(
                ["lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-P", str(PPD)],
                capture_output=True,
                text=True,
                check=False,
            )
            if added.returncode == 0:
                break
            if time.monotonic() > deadline:
                self.stop()
                raise PrintingUnavailable(f"lpadmin failed: {added.stderr.strip()}")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.daemon is not None:
            subprocess.run(["lpadmin", "-x", QUEUE], capture_output=True, check=False)
            self.daemon.terminate()
            try:
                self.daemon.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.daemon.kill()
            self.daemon = None


def wait_for_job_output(before: set[Path], timeout: float = 60.0) -> Path:
    """The PDF cups-pdf writes for the next job (a file not in *before*), once complete."""
    folder = output_dir()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        new = [p for p in folder.glob("*.pdf") if p not in before] if folder.exists() else []
        if new:
            path = max(new, key=lambda p: p.stat().st_mtime)
            size = path.stat().st_size
            time.sleep(0.5)
            if size and path.stat().st_size == size:  # finished writing
                return path
        time.sleep(0.2)
    raise TimeoutError(f"no printed PDF appeared in {folder} within {timeout:g} s")
