"""A full disk or an I/O error during an import or an export: a sentence, a rolled-back
transaction, a usable database and no half-written file under the real name.

Two ways to fill the disk: SQLite's own SQLITE_FULL, injected with `max_page_count`
(runs everywhere), and a real tiny tmpfs (needs root and mount; skipped otherwise).
Write errors of the atomic file helper are injected as OSError(ENOSPC/EIO).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fault_helpers import integrity, scalar
from sqlalchemy import event, select

from yeda_desktop import atomic
from yeda_desktop.atomic import WriteFailedError, atomic_write
from yeda_desktop.errors import DatabaseError, YedaError
from yeda_desktop.models import Organization
from yeda_desktop.storage import Database, open_database
from yeda_desktop.sync import KeySet, PackageFields, PackageKind, SyncError, write_package


def _bulk_import(db: Database, n: int) -> None:
    """An import: many organizations in one transaction (as the Excel import writes them)."""
    with db.session(officer="导入") as session:
        for i in range(n):
            session.add(Organization(name=f"烟台导入测试{i:05d}有限公司", note="备注" * 1000))


def _assert_usable(path: Path, expected_orgs: int) -> None:
    assert integrity(path) == "ok"
    db = open_database(path)
    try:
        with db.reader() as session:
            assert len(session.scalars(select(Organization.id)).all()) == expected_orgs
    finally:
        db.close()


def test_full_database_file_rolls_back_the_import(tmp_path: Path) -> None:
    path = tmp_path / "yeda.sqlite"
    db = open_database(path)
    _bulk_import(db, 50)
    pages = int(scalar(path, "PRAGMA page_count"))  # type: ignore[call-overload]

    def limit(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 20}")

    event.listen(db.engine, "connect", limit)
    db.engine.dispose()
    with pytest.raises(DatabaseError) as caught:
        _bulk_import(db, 300)
    assert "磁盘空间已满" in caught.value.zh and "rolled back" in caught.value.en
    db.close()
    _assert_usable(path, 50)


def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    probe = Path(f"/tmp/yeda-mount-probe-{uuid.uuid4().hex}")
    probe.mkdir()
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)], capture_output=True
        )
        if done.returncode == 0:
            subprocess.run(["umount", str(probe)], check=True)
        return done.returncode == 0
    finally:
        probe.rmdir()


needs_mount = pytest.mark.skipif(
    not _can_mount(), reason="mounting a tmpfs needs root and mount (run as root in CI)"
)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MiB tmpfs."""
    point = tmp_path / "tiny"
    point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(point)], check=True)
    try:
        yield point
    finally:
        subprocess.run(["umount", "-l", str(point)], check=True)


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system until only about `leave` bytes are free."""
    free = shutil.disk_usage(folder).free
    with open(folder / "ballast", "wb") as f:
        f.write(b"\0" * max(0, free - leave))


@needs_mount
def test_import_on_a_full_disk(tiny_disk: Path) -> None:
    path = tiny_disk / "yeda.sqlite"
    db = open_database(path)
    _bulk_import(db, 20)
    _fill(tiny_disk, 64 * 1024)
    with pytest.raises(DatabaseError) as caught:
        _bulk_import(db, 600)
    assert "磁盘" in caught.value.zh
    # the database still works for reading and for a small write once space is freed
    (tiny_disk / "ballast").unlink()
    _bulk_import(db, 1)
    db.close()
    _assert_usable(path, 21)


def _package(path: Path, size: int) -> None:
    device, centre = KeySet.generate(), KeySet.generate()
    fields = PackageFields(
        kind=PackageKind.BATCH, source_device_id="laptop", officer="队员",
        target_centre_id="centre", sequence=1, previous_package_sha256=None,
        schema_revision="test",
    )
    write_package(path, fields, os.urandom(size), device, [centre.public.age_recipient])


@needs_mount
def test_export_on_a_full_disk_leaves_no_file(tiny_disk: Path) -> None:
    _fill(tiny_disk, 200 * 1024)
    out = tiny_disk / "batch.yeda"
    with pytest.raises(SyncError) as caught:
        _package(out, 1024 * 1024)
    assert caught.value.zh and caught.value.en
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["ballast"]  # no file, no temp


@needs_mount
def test_atomic_helper_on_a_full_disk_keeps_the_old_file(tiny_disk: Path) -> None:
    target = tiny_disk / "roster.pdf"
    target.write_bytes(b"%PDF old and whole")
    _fill(tiny_disk, 100 * 1024)
    with pytest.raises(WriteFailedError) as caught, atomic_write(target) as f:
        f.write(os.urandom(1024 * 1024))
    assert "磁盘空间已满" in caught.value.zh and caught.value.errno == errno.ENOSPC
    assert target.read_bytes() == b"%PDF old and whole"
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["ballast", "roster.pdf"]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO])
def test_injected_write_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    target = tmp_path / "ledger.pdf"
    target.write_bytes(b"old")

    def failing_fsync(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    with pytest.raises(WriteFailedError) as caught, atomic_write(target) as f:
        f.write(b"new content that never lands")
    assert isinstance(caught.value, YedaError) and caught.value.errno == code
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["ledger.pdf"]


def test_atomic_write_of_a_new_file_and_a_bug_passes_through(tmp_path: Path) -> None:
    target = tmp_path / "new.txt"
    atomic.write_text(target, "两新组织")
    assert target.read_text(encoding="utf-8") == "两新组织"
    with pytest.raises(ZeroDivisionError), atomic_write(tmp_path / "other.txt") as f:
        f.write(b"x")
        raise ZeroDivisionError  # a bug is not turned into a sentence, and leaves nothing
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.txt"]
