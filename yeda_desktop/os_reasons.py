"""Why a file operation failed, in the words a user reads (Chinese, English).

One table for the app: atomic writes (the GUI's saves, exports, PDFs) and the command
line's one-line errors say the same thing for the same errno.
"""

from __future__ import annotations

import errno

# What the user can act on at the disk: free space, unplugged stick, read-only, rights.
DISK: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("磁盘空间已满", "the disk is full"),
    errno.EDQUOT: ("超出磁盘配额", "the disk quota is exceeded"),
    errno.EIO: ("磁盘读写错误（设备可能已拔出或损坏）", "an I/O error (device removed?)"),
    errno.EROFS: ("磁盘为只读", "the disk is read-only"),
    errno.EACCES: ("没有权限", "permission denied"),
    errno.EPERM: ("没有权限", "permission denied"),
}

# What the user named wrongly.
PATH: dict[int, tuple[str, str]] = {
    errno.ENOENT: ("文件或文件夹不存在", "does not exist"),
    errno.EISDIR: ("是一个文件夹，不是文件", "is a folder, not a file"),
    errno.ENOTDIR: ("路径中有一项不是文件夹", "a part of the path is not a folder"),
    errno.EEXIST: ("已存在", "already exists"),
}


def reason(exc: OSError) -> tuple[str, str] | None:
    """The reason in both languages, or None for an errno without words here."""
    code = exc.errno or 0
    return DISK.get(code) or PATH.get(code)


def words(exc: OSError) -> tuple[str, str]:
    """`reason`, or the OS's own words where the app has none."""
    own = exc.strerror or str(exc)
    return reason(exc) or (own, own)
