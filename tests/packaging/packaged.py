"""Where the built package is and how it is installed (used by conftest.py and the tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
DIST = ROOT / "dist"
sys.path.insert(0, str(ROOT / "packaging"))  # packaging/smoke.py: the shared checks
LOCK_FILE = Path("/tmp/drill-app-package-tests.lock")
INSTALLED_COMMAND = Path("/usr/bin/drill-app")
INSTALL_DIR = Path("/opt/drill-app")


@dataclass(frozen=True)
class Built:
    bundle: Path
    deb: Path


@dataclass(frozen=True)
class Installed:
    command: Path
    bundle: Path
    from_deb: bool


def can_install() -> bool:
    return (
        os.environ.get("DRILL_APP_PACKAGE_INSTALL") != "0"
        and os.geteuid() == 0
        and shutil.which("apt-get") is not None
    )


def apt_get(*args: str) -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", "-y", "-o", "DPkg::Lock::Timeout=300", *args]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(command)}:\n{result.stdout}{result.stderr}"


def is_installed() -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", "drill-app"], capture_output=True, text=True
    )
    return result.stdout.endswith(" installed")
