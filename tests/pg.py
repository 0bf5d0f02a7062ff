"""A throwaway PostgreSQL server for tests.

``TempPostgres`` runs Debian's server binaries (``/usr/lib/postgresql/*/bin``, the highest
version) on a fresh data directory (in /dev/shm when roomy, else /tmp), listening on
127.0.0.1 at a free port, with trust authentication for the superuser ``postgres``::

    with TempPostgres() as server:
        engine = create_engine(server.url)                # the database "drill_test"
        other = create_engine(server.fresh_database("t1"))  # a new, empty database

Run as root, the server runs as the ``postgres`` OS user (initdb refuses root) through
``runuser``; otherwise it runs as the current user. Leaving the ``with`` block stops the
server and removes its directories. A small watchdog process does the same if the test
process dies without getting there (killed, or crashed), so no server outlives it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Self

import psycopg
from psycopg import sql
from psycopg.rows import TupleRow

DEBIAN_ROOT = Path("/usr/lib/postgresql")
SUPERUSER = "postgres"
OS_USER = "postgres"
DEFAULT_DATABASE = "drill_test"
HOST = "127.0.0.1"

# Unquoted PostgreSQL identifiers that need no escaping in a URL either.
_DATABASE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_PORT_ATTEMPTS = 3
SHM_MIN_FREE = 1 << 30  # bytes free in /dev/shm to put the data directory there

# Runs beside the test process with a pipe from it as stdin. Normal cleanup writes a byte
# before closing the pipe; end of file without one means the test process died: then stop
# the server and remove its directories. argv[1] is JSON: {"stop": [...], "dirs": [...]}.
_WATCHDOG = """\
import json, shutil, signal, subprocess, sys
signal.signal(signal.SIGINT, signal.SIG_IGN)
job = json.loads(sys.argv[1])
if not sys.stdin.buffer.read():
    subprocess.run(job["stop"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for path in job["dirs"]:
        shutil.rmtree(path, ignore_errors=True)
"""


class PostgresNotInstalled(RuntimeError):
    """No PostgreSQL server binaries (initdb and pg_ctl) were found."""


class PostgresStartError(RuntimeError):
    """initdb, pg_ctl or creating a database failed; the message carries their output."""


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return ()


def find_bin_dir() -> Path:
    """The directory holding initdb and pg_ctl: Debian's highest version, else from PATH."""
    found = [
        initdb.parent
        for initdb in DEBIAN_ROOT.glob("*/bin/initdb")
        if (initdb.parent / "pg_ctl").is_file()
    ]
    if found:
        return max(found, key=lambda bin_dir: _version_key(bin_dir.parent.name))
    initdb_on_path = shutil.which("initdb")
    if initdb_on_path is not None:
        bin_dir = Path(initdb_on_path).resolve().parent
        if (bin_dir / "pg_ctl").is_file():
            return bin_dir
    raise PostgresNotInstalled(f"no {DEBIAN_ROOT}/*/bin/initdb, and no initdb with pg_ctl on PATH")


def default_base_dir() -> Path:
    """/dev/shm when it is a roomy tmpfs, else /tmp.

    Creating files costs far less in memory than on disk: measured here, a server starts in
    ~0.5 s and CREATE DATABASE takes ~15 ms in /dev/shm, against ~1.4 s and ~300 ms in /tmp.
    Docker's default 64 MB /dev/shm is too small, hence the free-space test.
    """
    shm = Path("/dev/shm")
    try:
        stats = os.statvfs(shm)
    except OSError:
        return Path("/tmp")
    roomy = stats.f_bavail * stats.f_frsize >= SHM_MIN_FREE
    return shm if roomy and os.access(shm, os.W_OK | os.X_OK) else Path("/tmp")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _output(result: subprocess.CompletedProcess[str]) -> str:
    return "\n".join(text.strip() for text in (result.stderr, result.stdout) if text.strip())


class TempPostgres:
    """A PostgreSQL server on a temporary data directory; a context manager."""

    def __init__(
        self,
        database: str = DEFAULT_DATABASE,
        bin_dir: Path | None = None,
        base_dir: Path | None = None,
        *,
        fsync: bool = False,
    ) -> None:
        """Find the binaries (raising PostgresNotInstalled); ``start`` or ``with`` runs it.

        The data and socket directories are made in ``base_dir`` (default: see
        ``default_base_dir``), which the ``postgres`` OS user must be able to enter when
        running as root.
        """
        self.bin_dir = bin_dir if bin_dir is not None else find_bin_dir()
        self.base_dir = base_dir if base_dir is not None else default_base_dir()
        self.database = _checked_name(database)
        self.fsync = fsync
        """False for tests (speed); True for durability benchmarks."""
        self.as_os_user = os.geteuid() == 0
        self.port = 0
        self._data_dir: Path | None = None
        self._socket_dir: Path | None = None
        self._watchdog: subprocess.Popen[bytes] | None = None
        self._admin: psycopg.Connection[TupleRow] | None = None

    # --- context manager -----------------------------------------------------------------

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # --- URLs and databases --------------------------------------------------------------

    @property
    def url(self) -> str:
        """SQLAlchemy URL of the database created at start (``drill_test``)."""
        return self.url_for(self.database)

    def url_for(self, database: str) -> str:
        if not self.port:
            raise RuntimeError("the PostgreSQL server is not running")
        return f"postgresql+psycopg://{SUPERUSER}@{HOST}:{self.port}/{database}"

    def fresh_database(self, name: str) -> str:
        """Create the empty database ``name`` (lower-case letters, digits, _); its URL."""
        self._execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(_checked_name(name))))
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        """Drop the database ``name`` if it exists, closing any connection to it."""
        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        self._execute(statement.format(sql.Identifier(_checked_name(name))))

    def _execute(self, statement: sql.Composed) -> None:
        if not self.port:
            raise RuntimeError("the PostgreSQL server is not running")
        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(
                host=HOST,
                port=self.port,
                user=SUPERUSER,
                dbname="postgres",
                autocommit=True,
                connect_timeout=10,
            )
        self._admin.execute(statement)

    # --- start and stop ------------------------------------------------------------------

    def start(self) -> None:
        """initdb, start on a free port and create the database; PostgresStartError if not."""
        if self._data_dir is not None:
            raise RuntimeError("this TempPostgres was already started")
        try:
            self._data_dir = Path(tempfile.mkdtemp(prefix="drill-pg-data-", dir=self.base_dir))
            self._socket_dir = Path(tempfile.mkdtemp(prefix="drill-pg-sock-", dir=self.base_dir))
            if self.as_os_user:
                for directory in (self._data_dir, self._socket_dir):
                    shutil.chown(directory, user=OS_USER)
            self._start_watchdog()
            self._run_or_raise(
                "initdb",
                "-D",
                str(self._data_dir),
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
                "-U",
                SUPERUSER,
            )
            self._start_server()
            try:
                self.fresh_database(self.database)
            except psycopg.Error as error:
                raise PostgresStartError(f"creating database {self.database}: {error}") from error
        except BaseException:
            self.stop()
            raise

    def _start_server(self) -> None:
        assert self._data_dir is not None and self._socket_dir is not None
        log = self._data_dir / "server.log"
        for attempt in range(1, _PORT_ATTEMPTS + 1):
            port = free_port()
            fsync = "on" if self.fsync else "off"
            options = f"-c listen_addresses={HOST} -p {port} -k {self._socket_dir} -c fsync={fsync}"
            command = ["pg_ctl", "-D", str(self._data_dir), "-l", str(log), "-w", "-t", "60"]
            result = self._run(*command, "-o", options, "start")
            if result.returncode == 0:
                self.port = port
                return
            log_text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
            # Another process may have taken the port between the probe and the start.
            if "could not bind" in log_text and attempt < _PORT_ATTEMPTS:
                continue
            raise PostgresStartError(
                f"pg_ctl start failed (exit code {result.returncode}):\n{_output(result)}"
                f"\n--- server log ---\n{log_text.strip()}"
            )

    def stop(self) -> None:
        """Stop the server (immediate mode) and remove its directories; safe to repeat."""
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        if self._data_dir is not None and (self._data_dir / "postmaster.pid").exists():
            result = self._run("pg_ctl", "-D", str(self._data_dir), "-m", "immediate", "stop")
            if result.returncode != 0:
                self._kill_postmaster()
        for directory in (self._data_dir, self._socket_dir):
            if directory is not None:
                shutil.rmtree(directory, ignore_errors=True)
        self._data_dir = self._socket_dir = None
        self.port = 0
        if self._watchdog is not None:
            assert self._watchdog.stdin is not None
            try:
                self._watchdog.stdin.write(b"done")
                self._watchdog.stdin.close()
            except OSError:
                pass
            self._watchdog.wait(timeout=10)
            self._watchdog = None

    def _kill_postmaster(self) -> None:
        """Last resort when pg_ctl could not stop the server: SIGKILL its postmaster."""
        assert self._data_dir is not None
        try:
            pid = int((self._data_dir / "postmaster.pid").read_text().split()[0])
            os.kill(pid, signal.SIGKILL)
        except (OSError, ValueError, IndexError):
            return
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except OSError:
                return
            time.sleep(0.05)

    def _start_watchdog(self) -> None:
        assert self._data_dir is not None and self._socket_dir is not None
        job = {
            "stop": self._command("pg_ctl", "-D", str(self._data_dir), "-m", "immediate", "stop"),
            "dirs": [str(self._data_dir), str(self._socket_dir)],
        }
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, json.dumps(job)],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            # Out of the terminal's process group: Ctrl-C goes to pytest, which cleans up.
            start_new_session=True,
        )

    # --- running the binaries ------------------------------------------------------------

    def _command(self, program: str, *args: str) -> list[str]:
        command = [str(self.bin_dir / program), *args]
        return ["runuser", "-u", OS_USER, "--", *command] if self.as_os_user else command

    def _run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {name: value for name, value in os.environ.items() if not name.startswith("PG")}
        return subprocess.run(
            self._command(program, *args),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            cwd="/",
            check=False,
        )

    def _run_or_raise(self, program: str, *args: str) -> None:
        result = self._run(program, *args)
        if result.returncode != 0:
            raise PostgresStartError(
                f"{program} failed (exit code {result.returncode}):\n{_output(result)}"
            )


def _checked_name(name: str) -> str:
    if not _DATABASE_NAME.fullmatch(name):
        raise ValueError(
            f"database name {name!r}: use up to 63 lower-case letters, digits and _, "
            "not starting with a digit"
        )
    return name
