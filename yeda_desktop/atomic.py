"""Atomic file writes: a power cut or a full disk never leaves a half file under the real name.

The data goes to a temporary name in the target's folder, is fsynced, renamed over
the target with `os.replace` and the folder is fsynced; on any error the temporary
file is removed and the target keeps its old content (or stays absent). Disk full,
I/O and permission errors become `WriteFailedError`, a sentence the user can act on.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from yeda_desktop.errors import YedaError
from yeda_desktop.os_reasons import DISK, reason


class WriteFailedError(YedaError):
    """A file could not be written; nothing was left under its name."""

    def __init__(self, path: Path, exc: OSError) -> None:
        zh, en = reason(exc) or ("写入失败", "the write failed")
        super().__init__(
            f"无法保存 {path.name}：{zh}。原有文件未被改动，请腾出空间或换一个位置后重试",
            f"cannot save {path.name}: {en} ({exc.strerror or exc}); any existing file is "
            "unchanged — free some space or choose another place and try again",
        )
        self.path = path
        self.errno = exc.errno


def is_disk_error(exc: BaseException) -> bool:
    """True for the OS errors a user can act on (full disk, quota, I/O, read-only, permission)."""
    return isinstance(exc, OSError) and exc.errno in DISK


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], *, overwrite: bool = True) -> Iterator[BinaryIO]:
    """Yield a binary file; when the block ends without error it replaces `path` atomically."""
    target = Path(path)
    if not overwrite and target.exists():
        raise FileExistsError(errno.EEXIST, "the target file already exists", str(target))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _translated(target, exc) from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, target)
        fsync_dir(folder)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and is_disk_error(exc):
            raise _translated(target, exc) from exc
        raise


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` atomically."""
    with atomic_write(path) as stream:
        stream.write(data)


def write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically."""
    write_bytes(path, text.encode(encoding))


def _translated(target: Path, exc: OSError) -> BaseException:
    return WriteFailedError(target, exc) if is_disk_error(exc) else exc
