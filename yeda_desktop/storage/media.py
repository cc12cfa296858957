"""Refuse databases on network shares and removable sticks, or copy them to this computer.

SQLite's locking and `fsync` are unreliable over NFS/SMB, and a stick pulled out
mid-write corrupts the file; so the app works on a local copy. Linux looks up the
file system type in /proc/mounts, Windows asks GetDriveType.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from yeda_desktop.errors import DatabaseError
from yeda_desktop.storage.paths import data_dir

Kind = Literal["local", "network", "removable"]

NETWORK_FS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p", "afs",
        "ceph", "glusterfs", "fuse.glusterfs", "fuse.rclone", "davfs", "fuse.davfs2",
        "fuse.gvfsd-fuse", "fuse.smbnetfs", "lustre",
    }
)
REMOVABLE_FS = frozenset({"vfat", "exfat", "msdos", "fat", "ntfs", "ntfs3", "fuseblk", "udf"})
REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/usb")


@dataclass(frozen=True)
class Location:
    kind: Kind
    fs_type: str
    mount_point: str


class UnsafeLocationError(DatabaseError):
    """The database is on a network share or a removable medium."""

    def __init__(self, db_path: Path, location: Location) -> None:
        if location.kind == "network":
            zh, en = "位于网络共享上", "is on a network share"
        else:
            zh, en = "位于U盘等可移动磁盘上", "is on a removable disk (e.g. a USB stick)"
        super().__init__(
            f"数据库{zh}（{location.fs_type}），断网或拔出时可能损坏。"
            f"请先复制到本机再打开：{db_path}",
            f"the database {en} ({location.fs_type}) and could be damaged if the connection "
            f"drops or the disk is pulled out; copy it to this computer first: {db_path}",
        )
        self.db_path = db_path
        self.location = location


def _unescape(field: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def read_mounts() -> str:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def classify_posix(path: Path, mounts: str) -> Location:
    """The location of `path` from a /proc/mounts table (the longest matching mount point)."""
    target = str(path)
    best = Location("local", "", "/")
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point, fs_type = _unescape(fields[1]), fields[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best.mount_point):
            best = Location(_kind(fs_type, point), fs_type, point)
    return best


def _kind(fs_type: str, point: str) -> Kind:
    if fs_type in NETWORK_FS or fs_type.startswith("nfs"):
        return "network"
    if fs_type in REMOVABLE_FS and (point + "/").startswith(REMOVABLE_ROOTS):
        return "removable"
    return "local"


def classify_windows(path: Path) -> Location:
    import ctypes

    text = str(path)
    if text.startswith("\\\\"):
        return Location("network", "unc", text[: text.find("\\", 2) + 1 or len(text)])
    root = os.path.splitdrive(text)[0] + "\\"
    drive_type = ctypes.windll.kernel32.GetDriveTypeW(root)  # type: ignore[attr-defined]
    kinds: dict[int, Kind] = {2: "removable", 4: "network"}  # DRIVE_REMOVABLE, DRIVE_REMOTE
    return Location(kinds.get(int(drive_type), "local"), f"drive type {drive_type}", root)


def classify(path: Path, mounts: str | None = None) -> Location:
    """Where `path` lives: on a local disk, a network share or a removable medium."""
    resolved = path.resolve()
    if sys.platform == "win32" and mounts is None:
        return classify_windows(resolved)
    return classify_posix(resolved, read_mounts() if mounts is None else mounts)


def check_location(path: Path, mounts: str | None = None) -> None:
    """Raise UnsafeLocationError unless `path` is on a local, fixed disk."""
    location = classify(path, mounts)
    if location.kind != "local":
        raise UnsafeLocationError(path, location)


def copy_to_local(src: Path, dest_dir: Path | None = None) -> Path:
    """Copy the database to this computer's data folder (consistently, with the backup API).

    Returns the new file; an existing file of that name is never overwritten.
    """
    folder = dest_dir or data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / src.name
    n = 1
    while dest.exists():
        dest = folder / f"{src.stem}-{n}{src.suffix}"
        n += 1
    partial = dest.with_name(dest.name + ".partial")
    try:
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        partial.replace(dest)
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            f"无法复制数据库到本机：{exc}", f"cannot copy the database to this computer: {exc}"
        ) from None
    return dest
