"""One database, one writer: a second process is refused with a sentence, may open the file
read-only, and a killed holder never leaves the lock behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fault_helpers import needs_fork, run_then_exit, scalar
from sqlalchemy import select

from yeda_desktop.errors import DatabaseError
from yeda_desktop.models import Organization
from yeda_desktop.storage import open_database
from yeda_desktop.storage.backup import restore_database
from yeda_desktop.storage.lock import DatabaseInUseError, is_locked_elsewhere

SECOND_APP = """
import sys
from yeda_desktop.errors import DatabaseError
from yeda_desktop.storage import open_database
try:
    open_database(sys.argv[1]).close()
except DatabaseError as exc:
    print(type(exc).__name__, exc.en)
    sys.exit(3)
print("opened")
"""


def _second_app(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SECOND_APP, str(path)], capture_output=True, text=True, timeout=60
    )


def test_a_second_process_is_refused_while_the_first_writes(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        done = _second_app(db_path)
        assert done.returncode == 3, done.stdout + done.stderr
        assert "DatabaseInUseError" in done.stdout and "read-only" in done.stdout
        assert f"pid {os.getpid()}" in done.stdout  # says who holds it
        assert is_locked_elsewhere(db_path) is False  # this process holds it itself
    finally:
        db.close()
    assert _second_app(db_path).stdout.strip() == "opened"


def test_the_same_process_may_reopen_and_the_lock_is_counted(db_path: Path) -> None:
    first = open_database(db_path)
    second = open_database(db_path)
    first.close()
    assert _second_app(db_path).returncode == 3  # still held by `second`
    second.close()
    assert _second_app(db_path).returncode == 0


def test_read_only_open_beside_a_writer(db_path: Path) -> None:
    writer = open_database(db_path)
    with writer.session() as session:
        session.add(Organization(name="烟台甲科技有限公司"))
    # as if from another window: read-only does not take the lock and cannot write
    reader = open_database(db_path, read_only=True)
    try:
        with reader.reader() as session:
            assert list(session.scalars(select(Organization.name))) == ["烟台甲科技有限公司"]
        with pytest.raises(DatabaseError) as caught, reader.session() as session:
            session.add(Organization(name="烟台乙科技有限公司"))
        assert "read-only" in caught.value.en
    finally:
        reader.close()
        writer.close()
    assert scalar(db_path, "SELECT count(*) FROM organizations") == 1


@needs_fork
def test_a_killed_holder_leaves_no_lock(db_path: Path) -> None:
    open_database(db_path).close()

    def hold() -> None:
        """Keep the writer lock until killed. The probe below takes it for an instant now
        and then: an open refused meanwhile is tried again."""
        deadline = time.monotonic() + 30
        while True:
            try:
                open_database(db_path)
                break
            except DatabaseInUseError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
        time.sleep(60)

    pid = os.fork()
    if pid == 0:
        run_then_exit(hold)
    deadline = time.monotonic() + 30
    while not is_locked_elsewhere(db_path):
        assert time.monotonic() < deadline, "the child never took the lock"
        time.sleep(0.05)
    with pytest.raises(DatabaseInUseError):
        open_database(db_path)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    open_database(db_path).close()


def test_restore_is_refused_while_another_process_writes(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    backup = tmp_path / "copy.sqlite"
    open_database(backup).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys,time; from yeda_desktop.storage import open_database; "
         "db=open_database(sys.argv[1]); print('ready', flush=True); time.sleep(60)",
         str(db_path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(DatabaseInUseError):
            restore_database(backup, db_path)
    finally:
        holder.kill()
        holder.wait()
    restore_database(backup, db_path)
