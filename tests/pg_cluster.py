"""A throwaway PostgreSQL cluster owned by the test run, and fresh databases from it.

The cluster lives in a temporary folder and listens only on a Unix socket there
(no TCP port to collide with), with fsync off because it is thrown away. Debian's
server binaries are found under /usr/lib/postgresql; initdb refuses to run as
root, so under root the server runs as the `postgres` user Debian's package creates.

`YEDA_TEST_PG_URL` (an admin URL of an existing server) skips the start-up.
Without either, `unavailable_reason()` says why, and the PostgreSQL half of the
suite is skipped with that reason.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

_counter = itertools.count()


def _bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version_key)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _version_key(path: str) -> int:
    try:
        return int(Path(path).parts[-3])
    except ValueError:
        return 0


def unavailable_reason() -> str | None:
    if os.environ.get("YEDA_TEST_PG_URL"):
        return None
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed"
    if _bin_dir() is None:
        return "PostgreSQL server binaries not found (Debian: apt-get install postgresql)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server"
    return None


class Cluster:
    """One server for the whole run; `new_database()` hands each test its own database."""

    def __init__(self) -> None:
        self._folder: Path | None = None
        self._bin: Path | None = None
        self._user: str | None = None
        env_url = os.environ.get("YEDA_TEST_PG_URL")
        if env_url:
            self.admin_url = env_url
            return
        self._bin = _bin_dir()
        assert self._bin is not None
        self._folder = Path(tempfile.mkdtemp(prefix="yeda-pg-"))
        self._user = "postgres" if os.geteuid() == 0 else None
        if self._user:
            entry = pwd.getpwnam(self._user)
            os.chown(self._folder, entry.pw_uid, entry.pw_gid)
        data, sock = self._folder / "data", self._folder
        self._run("initdb", "-D", str(data), "-U", "yeda", "--auth=trust",
                  "-E", "UTF8", "--locale=C.UTF-8")
        options = (f"-k {sock} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self._folder / "log"),
                  "-w", "start")
        self.admin_url = f"postgresql+psycopg://yeda@/postgres?host={sock}"

    def _run(self, program: str, *args: str) -> None:
        assert self._bin is not None
        command = [str(self._bin / program), *args]
        if self._user:
            command = ["runuser", "-u", self._user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self._folder)

    def new_database(self, template: str | None = None) -> str:
        """A new empty (or template-copied) database; returns its URL."""
        name = f"yeda_t{os.getpid()}_{next(_counter)}"
        self.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return str(make_url(self.admin_url).set(database=name).render_as_string(False))

    def drop_database(self, url: str) -> None:
        name = make_url(url).database
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def execute(self, sql: str) -> None:
        engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                conn.execute(text(sql))
        finally:
            engine.dispose()

    def stop(self) -> None:
        if self._folder is None:
            return
        self._run("pg_ctl", "-D", str(self._folder / "data"), "-m", "immediate", "stop")
        shutil.rmtree(self._folder, ignore_errors=True)
        self._folder = None
