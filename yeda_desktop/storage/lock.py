"""One database, one writer: an OS lock on `<db>.lock` held while the app has the file open.

SQLite serialises single transactions, but two app windows on one file would each
keep their own undo stacks, campaign and sync bookkeeping; the second one must
choose to switch to the first or open read-only. The lock is taken by the OS
(`flock` on POSIX, `msvcrt.locking` on Windows), so a crashed or killed process
never leaves it behind. Within one process the lock is shared and counted, so the
GUI can reopen the database it already holds. SQLite-specific: a PostgreSQL
backend would use its own locks behind `acquire_writer_lock` instead.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from yeda_desktop.errors import DatabaseError


class DatabaseInUseError(DatabaseError):
    """Another program (another app window, or a `yeda` command) is writing this database."""

    def __init__(self, db_path: Path, holder: str) -> None:
        who = holder or "另一个程序 / another program"
        super().__init__(
            f"数据库正由另一个YEDA窗口或命令使用（{who}）：{db_path.name}。"
            "请切换到该窗口，或以只读方式打开",
            f"the database {db_path.name} is in use by another YEDA window or command ({who}); "
            "switch to it or open the database read-only",
        )
        self.db_path = db_path
        self.holder = holder


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


@dataclass
class _Held:
    fd: int
    count: int


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _read_holder(path: Path) -> str:
    try:
        # On Windows the locked byte is 0; the holder text starts after it.
        return path.read_bytes()[1:200].decode("utf-8", "replace").strip()
    except OSError:
        return ""


class WriterLock:
    """The right to write one database file; `release()` (or closing the database) gives it up."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._released = False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        with _guard:
            held = _held.get(self.db_path)
            if held is None:
                return
            held.count -= 1
            if held.count == 0:
                del _held[self.db_path]
                os.close(held.fd)  # closing the descriptor drops the OS lock


def _open_locked(key: Path, path: Path) -> int:
    """Open and lock `path`; retried if a refused open removed the file meanwhile."""
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise DatabaseError(
                f"无法在数据库所在的文件夹中写入（{exc.strerror}）：{key.parent}",
                f"cannot write in the database's folder ({exc.strerror}): {key.parent}",
            ) from None
        if not _try_lock(fd):
            os.close(fd)
            raise DatabaseInUseError(key, _read_holder(path))
        if _still_linked(fd, path):
            return fd
        os.close(fd)


def _still_linked(fd: int, path: Path) -> bool:
    """False if the file we locked was unlinked (by `discard_lock_file`) before we locked it."""
    if sys.platform == "win32":
        return True  # Windows cannot delete a file another process holds open
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except FileNotFoundError:
        return False


def discard_lock_file(db_path: Path) -> None:
    """Remove `<db>.lock` that a refused open created, unless someone now holds it."""
    key = db_path.resolve()
    path = lock_path(key)
    with _guard:
        if key in _held:
            return
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            return
        try:
            if not _try_lock(fd):
                return
            if sys.platform == "win32":
                os.close(fd)
                fd = -1
            path.unlink(missing_ok=True)  # while locked: a waiting opener re-checks the inode
        except OSError:
            return
        finally:
            if fd >= 0:
                os.close(fd)


def acquire_writer_lock(db_path: Path) -> WriterLock:
    """Take the writer lock of `db_path` or raise DatabaseInUseError naming the holder."""
    key = db_path.resolve()
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return WriterLock(key)
        path = lock_path(key)
        fd = _open_locked(key, path)
        holder = f"pid {os.getpid()} @ {socket.gethostname()}"
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, b" " + holder.encode())
        _held[key] = _Held(fd, 1)
        return WriterLock(key)


def is_locked_elsewhere(db_path: Path) -> bool:
    """True if another process holds the writer lock (probes without keeping it)."""
    try:
        acquire_writer_lock(db_path).release()
    except DatabaseInUseError:
        return True
    return False
