"""The built package: `python3 tools/dev.py package`, then installed the way a user would.

- DRILL_APP_SKIP_PACKAGING=1 skips the tests that need the built package (they build it
  otherwise: about a minute and a half the first time, nothing while its inputs are
  unchanged).
- As root with apt-get (CI, a Debian machine), the .deb is installed with
  `apt-get install ./dist/drill-app_*.deb` and removed at the end; one session at a time
  (a lock file), since the installation is the machine's.  Otherwise, or with
  DRILL_APP_PACKAGE_INSTALL=0, the bundle in dist/drill-app/ is run where it was built.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

import pytest
from packaged import (
    DIST,
    INSTALL_DIR,
    INSTALLED_COMMAND,
    LOCK_FILE,
    ROOT,
    Built,
    Installed,
    apt_get,
    can_install,
    is_installed,
)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    if os.environ.get("DRILL_APP_SKIP_PACKAGING") == "1":
        pytest.skip("DRILL_APP_SKIP_PACKAGING=1: the built package is not tested")
    if not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None:
        pytest.skip("the Linux package is built and tested on Debian-like Linux only")
    log = tmp_path_factory.mktemp("package") / "package.log"
    with log.open("w", encoding="utf-8") as out:
        code = subprocess.run(
            [sys.executable, str(ROOT / "tools" / "dev.py"), "package"],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        ).returncode
    if code != 0:
        pytest.fail(f"python3 tools/dev.py package failed:\n{log.read_text()[-3000:]}")
    debs = sorted(DIST.glob("drill-app_*.deb"))
    assert len(debs) == 1, debs
    return Built(DIST / "drill-app", debs[0])


@pytest.fixture(scope="session")
def installed(built: Built) -> Iterator[Installed]:
    """The drill-app command a user runs: installed from the .deb, or the built bundle."""
    if not can_install():
        yield Installed(built.bundle / "drill-app", built.bundle, from_deb=False)
        return
    with LOCK_FILE.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if is_installed():  # another build of the same version would be kept
                apt_get("remove", "drill-app")
            apt_get("install", "--no-install-recommends", f"./{built.deb.relative_to(ROOT)}")
            yield Installed(INSTALLED_COMMAND, INSTALL_DIR, from_deb=True)
        finally:
            if is_installed():
                apt_get("remove", "drill-app")
