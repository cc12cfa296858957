"""The `.yeda` ZIP container: written atomically, read defensively with bounded memory."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, BinaryIO

from yeda_desktop.sync.errors import Problem, SyncError

CHUNK = 1024 * 1024
MAX_RATIO = 100
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_MAX_CENTRAL_DIRECTORY = 64 * 1024
_MAX_ENTRIES = 16
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
# Anything a broken or hostile ZIP can make zipfile/zlib raise while parsing or inflating.
ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    ValueError,
    struct.error,
    NotImplementedError,
    OverflowError,
    IndexError,
    KeyError,
    UnicodeError,
    RuntimeError,
    OSError,
)


@dataclass(frozen=True)
class ArchiveLimits:
    """Caps applied before anything is decompressed."""

    # A batch of a million organizations with three people each is a 3.5 GB payload: 16 GiB
    # leaves room for a city's largest while still bounding what a hostile file can claim.
    max_file_size: int = 16 * 1024**3
    max_total_size: int = 16 * 1024**3
    max_member_size: Collection[tuple[str, int]] = ()
    default_member_size: int = 16 * 1024**3
    max_ratio: int = MAX_RATIO

    def member_cap(self, name: str) -> int:
        return dict(self.max_member_size).get(name, self.default_member_size)


def _damaged(detail: str = "") -> SyncError:
    suffix_en = f" ({detail})" if detail else ""
    return SyncError(
        Problem.ARCHIVE_DAMAGED,
        "数据包文件已损坏（ZIP 结构或校验和错误）。",
        f"The package file is damaged (bad ZIP structure or checksum){suffix_en}.",
    )


def _not_archive() -> SyncError:
    return SyncError(
        Problem.NOT_AN_ARCHIVE,
        "这不是完整的 .yeda 数据包：不是 ZIP 文件，或文件被截断。",
        "This is not a complete .yeda package: not a ZIP file, or the file is truncated.",
    )


def check_member_name(name: str) -> None:
    """Refuse names that could escape a folder or confuse an extractor."""
    problem = None
    if not name or "\x00" in name:
        problem = ("名称为空或含空字符", "empty or contains NUL")
    elif "\\" in name:
        problem = ("含反斜杠", "contains a backslash")
    elif name.startswith("/"):
        problem = ("是绝对路径", "is an absolute path")
    elif _DRIVE_RE.match(name):
        problem = ("含盘符", "has a drive letter")
    elif any(part in ("", ".", "..") for part in name.split("/")):
        problem = ("含 .. 或空路径段", "contains '..' or an empty path segment")
    elif any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in name):
        problem = ("含控制字符", "contains control characters")
    if problem:
        raise SyncError(
            Problem.UNSAFE_NAME,
            f"数据包中的成员名称不安全（{problem[0]}）：{name!r}",
            f"A member name in the package is unsafe ({problem[1]}): {name!r}",
            details={"name": name},
        )


def _precheck_end_record(handle: BinaryIO, size: int) -> None:
    """Check the end-of-central-directory before zipfile parses anything.

    Refuses huge central directories (memory), too many entries, and data prepended or
    appended to the ZIP (a valid package has neither).
    """
    tail_len = min(size, _EOCD_SIZE + 0xFFFF)
    handle.seek(size - tail_len)
    tail = handle.read(tail_len)
    pos = tail.rfind(_EOCD)
    if pos < 0 or len(tail) - pos < _EOCD_SIZE:
        raise _not_archive()
    (_, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, comment_len) = struct.unpack(
        "<4sHHHHIIH", tail[pos : pos + _EOCD_SIZE]
    )
    eocd_at = size - tail_len + pos
    if eocd_at + _EOCD_SIZE + comment_len != size:
        raise _damaged("data after the end of the archive")
    end_of_cd = eocd_at
    # A ZIP64 end record may be there without any field saturated: Python's zipfile writes
    # one once the directory starts past 2 GiB (a batch of a million organizations).
    locator = b""
    if eocd_at >= 20:
        handle.seek(eocd_at - 20)
        locator = handle.read(20)
    if (n_total == 0xFFFF or cd_size == 0xFFFFFFFF or cd_offset == 0xFFFFFFFF
            or locator[:4] == _ZIP64_LOCATOR):
        if len(locator) != 20:
            raise _not_archive()
        sig, _, z64_at, _ = struct.unpack("<4sIQI", locator)
        if sig != _ZIP64_LOCATOR or z64_at > eocd_at:
            raise _damaged("bad ZIP64 locator")
        handle.seek(z64_at)
        record = handle.read(56)
        if len(record) != 56 or record[:4] != _ZIP64_EOCD:
            raise _damaged("bad ZIP64 end record")
        (_, _, _, _, disk, cd_disk, n_disk, n_total, cd_size, cd_offset) = struct.unpack(
            "<4sQHHIIQQQQ", record
        )
        end_of_cd = z64_at
    if disk != 0 or cd_disk != 0 or n_disk != n_total:
        raise SyncError(
            Problem.UNSUPPORTED_ARCHIVE,
            "不支持分卷 ZIP 文件。",
            "Multi-volume ZIP files are not supported.",
        )
    if n_total > _MAX_ENTRIES:
        raise SyncError(
            Problem.UNEXPECTED_MEMBER,
            f"数据包含有过多成员（{n_total} 个）。",
            f"The package has too many members ({n_total}).",
        )
    if cd_size > _MAX_CENTRAL_DIRECTORY:
        raise SyncError(
            Problem.TOO_LARGE,
            "数据包的目录区过大。",
            "The package's central directory is too large.",
        )
    if cd_offset + cd_size != end_of_cd:
        raise _damaged("data before the archive or a misplaced directory")
    handle.seek(0)
    if handle.read(4) != b"PK\x03\x04" and n_total:
        raise _damaged("does not start with a ZIP member")


class _MemberReader:
    """Reads one member in bounded chunks, counting output against the declared size."""

    def __init__(self, stream: IO[bytes], info: zipfile.ZipInfo) -> None:
        self._stream = stream
        self._info = info
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0 or size > CHUNK:
            size = CHUNK
        try:
            data = self._stream.read(size)
        except SyncError:
            raise
        except ZIP_ERRORS as exc:
            raise _damaged(f"{self._info.filename}: {exc}") from exc
        self.size += len(data)
        if self.size > self._info.file_size:
            raise SyncError(
                Problem.COMPRESSION_RATIO,
                f"成员 {self._info.filename} 解压后超过其声明大小。",
                f"Member {self._info.filename} inflates beyond its declared size.",
            )
        return data

    def close(self) -> None:
        self._stream.close()


class SafeArchive:
    """A `.yeda` archive opened for reading after every structural check passed."""

    def __init__(
        self,
        path: Path,
        allowed: Collection[str],
        required: Collection[str],
        limits: ArchiveLimits | None = None,
    ) -> None:
        self.path = path
        self.limits = limits or ArchiveLimits()
        self._handle: BinaryIO | None = None
        self._zip: zipfile.ZipFile | None = None
        try:
            self._open(allowed, required)
        except BaseException:
            self.close()
            raise

    def _open(self, allowed: Collection[str], required: Collection[str]) -> None:
        try:
            handle = self.path.open("rb")
        except FileNotFoundError as exc:
            raise SyncError(
                Problem.NOT_AN_ARCHIVE,
                f"找不到文件：{self.path}",
                f"The file does not exist: {self.path}",
            ) from exc
        self._handle = handle
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SyncError(
                Problem.NOT_AN_ARCHIVE, "这不是普通文件。", "This is not a regular file."
            )
        if info.st_size == 0:
            raise SyncError(
                Problem.EMPTY_FILE,
                "文件是空的（0 字节），可能在拷贝时 U 盘被拔出。",
                "The file is empty (0 bytes); the USB stick may have been pulled while copying.",
            )
        if info.st_size > self.limits.max_file_size:
            raise SyncError(
                Problem.TOO_LARGE,
                "数据包文件超过大小上限。",
                "The package file exceeds the size limit.",
            )
        try:
            _precheck_end_record(handle, info.st_size)
            handle.seek(0)
            self._zip = zipfile.ZipFile(handle)
            infos = self._zip.infolist()
        except SyncError:
            raise
        except zipfile.BadZipFile as exc:
            raise _not_archive() from exc
        except ZIP_ERRORS as exc:
            raise _damaged(str(exc)) from exc
        self._check_members(infos, allowed, required)
        self._infos = {i.filename: i for i in infos}

    def _check_members(
        self, infos: list[zipfile.ZipInfo], allowed: Collection[str], required: Collection[str]
    ) -> None:
        seen: dict[str, str] = {}
        total = 0
        for item in infos:
            name = item.orig_filename
            check_member_name(name)
            folded = name.casefold()
            if folded in seen:
                same = seen[folded] == name
                raise SyncError(
                    Problem.DUPLICATE_NAME,
                    f"数据包中有{'重复' if same else '仅大小写不同'}的成员名称：{name!r}",
                    f"The package has {'duplicate' if same else 'case-colliding'} member "
                    f"names: {name!r}",
                    details={"name": name},
                )
            seen[folded] = name
            mode = item.external_attr >> 16
            kind = stat.S_IFMT(mode)
            if kind == stat.S_IFLNK:
                raise SyncError(
                    Problem.LINK_MEMBER,
                    f"数据包成员 {name!r} 是符号链接。",
                    f"Package member {name!r} is a symbolic link.",
                    details={"name": name},
                )
            if item.is_dir() or kind not in (0, stat.S_IFREG):
                raise SyncError(
                    Problem.UNEXPECTED_MEMBER,
                    f"数据包成员 {name!r} 不是普通文件。",
                    f"Package member {name!r} is not a regular file.",
                    details={"name": name},
                )
            if name not in allowed:
                raise SyncError(
                    Problem.UNEXPECTED_MEMBER,
                    f"数据包中有不应出现的成员：{name!r}",
                    f"The package holds an unexpected member: {name!r}",
                    details={"name": name},
                )
            if item.flag_bits & 0x1:
                raise SyncError(
                    Problem.UNSUPPORTED_ARCHIVE,
                    "数据包使用了 ZIP 加密，不受支持。",
                    "The package uses ZIP encryption, which is not supported.",
                )
            if item.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise SyncError(
                    Problem.UNSUPPORTED_ARCHIVE,
                    f"成员 {name!r} 使用了不支持的压缩方式。",
                    f"Member {name!r} uses an unsupported compression method.",
                )
            if item.file_size > self.limits.member_cap(name):
                raise SyncError(
                    Problem.TOO_LARGE,
                    f"成员 {name!r} 声明的大小（{item.file_size} 字节）超过上限。",
                    f"Member {name!r} declares {item.file_size} bytes, over the limit.",
                    details={"name": name},
                )
            if item.file_size > self.limits.max_ratio * max(item.compress_size, 1):
                raise SyncError(
                    Problem.COMPRESSION_RATIO,
                    f"成员 {name!r} 的压缩比超过 {self.limits.max_ratio}:1，疑似压缩炸弹。",
                    f"Member {name!r} has a compression ratio over {self.limits.max_ratio}:1 "
                    "(a possible ZIP bomb).",
                    details={"name": name},
                )
            if item.compress_type == zipfile.ZIP_STORED and item.compress_size != item.file_size:
                raise _damaged(f"{name}: stored sizes differ")
            total += item.file_size
        if total > self.limits.max_total_size:
            raise SyncError(
                Problem.TOO_LARGE,
                "数据包解压后的总大小超过上限。",
                "The package's total unpacked size exceeds the limit.",
            )
        missing = sorted(set(required) - set(seen.values()))
        if missing:
            raise SyncError(
                Problem.MISSING_MEMBER,
                f"数据包缺少成员：{', '.join(missing)}",
                f"The package is missing members: {', '.join(missing)}",
                details={"name": missing[0]},
            )

    @property
    def names(self) -> list[str]:
        return list(self._infos)

    def size(self, name: str) -> int:
        return self._infos[name].file_size

    @contextlib.contextmanager
    def open_member(self, name: str) -> Iterator[_MemberReader]:
        """Stream one member; raises SyncError on CRC errors or over-inflation."""
        assert self._zip is not None
        info = self._infos[name]
        try:
            stream = self._zip.open(info)
        except ZIP_ERRORS as exc:
            raise _damaged(f"{name}: {exc}") from exc
        reader = _MemberReader(stream, info)
        try:
            yield reader
        finally:
            with contextlib.suppress(*ZIP_ERRORS):
                reader.close()

    def read_small(self, name: str) -> bytes:
        """Read a whole member that the limits keep small (manifest, signature)."""
        parts: list[bytes] = []
        with self.open_member(name) as reader:
            while chunk := reader.read(CHUNK):
                parts.append(chunk)
        data = b"".join(parts)
        if len(data) != self._infos[name].file_size:
            raise _damaged(f"{name}: short read")
        return data

    def digest(self, name: str) -> tuple[int, str]:
        """Size and SHA-256 hex of a member, streamed."""
        sha = hashlib.sha256()
        with self.open_member(name) as reader:
            while chunk := reader.read(CHUNK):
                sha.update(chunk)
            size = reader.size
        if size != self._infos[name].file_size:
            raise _damaged(f"{name}: short read")
        return size, sha.hexdigest()

    def close(self) -> None:
        if self._zip is not None:
            with contextlib.suppress(*ZIP_ERRORS):
                self._zip.close()
            self._zip = None
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class ArchiveWriter:
    """Adds members to the archive being built."""

    def __init__(self, zf: zipfile.ZipFile) -> None:
        self._zip = zf

    def add_bytes(self, name: str, data: bytes, compress: bool = True) -> None:
        check_member_name(name)
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        self._zip.writestr(info, data)

    @contextlib.contextmanager
    def open_stored(self, name: str) -> Iterator[IO[bytes]]:
        """A stream for a large, incompressible member (the encrypted payload)."""
        check_member_name(name)
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        info.compress_type = zipfile.ZIP_STORED
        with self._zip.open(info, "w", force_zip64=True) as stream:
            yield stream


def partial_name(target: Path) -> Path:
    """Where a package is built: same folder, a name that never looks like a finished file."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.partial")


def write_atomically(
    target: Path,
    build: Callable[[ArchiveWriter], None],
    verify: Callable[[Path], None],
) -> None:
    """Build the archive under a temporary name, fsync, verify it, then rename into place.

    If anything fails (including a pulled USB stick) the temporary file is removed when
    possible and no file with the target name is created.
    """
    tmp = partial_name(target)
    try:
        try:
            with tmp.open("xb") as handle:
                with zipfile.ZipFile(handle, "w", allowZip64=True) as zf:
                    build(ArchiveWriter(zf))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise SyncError(
                Problem.WRITE_FAILED,
                f"写入数据包失败：{exc.strerror or exc}",
                f"Writing the package failed: {exc.strerror or exc}",
            ) from exc
        verify(tmp)
        try:
            os.replace(tmp, target)
            _fsync_folder(target.parent)
        except OSError as exc:
            raise SyncError(
                Problem.WRITE_FAILED,
                f"保存数据包失败：{exc.strerror or exc}",
                f"Saving the package failed: {exc.strerror or exc}",
            ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
