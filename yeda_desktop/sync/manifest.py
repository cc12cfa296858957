"""The signed description of a package, in canonical JSON so its hash and signature are stable."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from yeda_desktop.sync.errors import Problem, SyncError

FORMAT_NAME = "yeda-package"
# The newest format this app reads (and writes batches in); every older one is still
# read. 2: compact batch lines (syncflow.batch_lines); 3: their `"cn": "*"`.
FORMAT_VERSION = 3
MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.json.minisig"
PAYLOAD_NAME = "payload.age"
MAX_MANIFEST_BYTES = 1024 * 1024

_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
_HEX64_RE = re.compile(r"[0-9a-f]{64}")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


class PackageKind(StrEnum):
    CENTRE_PROFILE = "centre_profile"
    ENROLMENT = "enrolment"
    BASELINE = "baseline"
    BATCH = "batch"
    RECEIPT = "receipt"


def written_format(kind: PackageKind) -> int:
    """The format a package of this kind is written in: the oldest that describes it.
    Only batch lines changed in format 3, so profiles, baselines, receipts and enrolment
    requests stay format 2 and the app of before still reads them; the centre, which
    reads the batches, is updated before its laptops."""
    return FORMAT_VERSION if kind is PackageKind.BATCH else 2


@dataclass(frozen=True)
class MemberDigest:
    """Name, size and SHA-256 (hex) of one archive member."""

    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """Everything the signature vouches for."""

    kind: PackageKind
    package_id: uuid.UUID
    source_device_id: str
    officer: str
    target_centre_id: str
    created_at: datetime
    sequence: int
    previous_package_sha256: str | None
    schema_revision: str
    record_counts: Mapping[str, int]
    members: tuple[MemberDigest, ...]
    payload_size: int
    payload_sha256: str
    extra: Mapping[str, str] = field(default_factory=dict)
    format_version: int = FORMAT_VERSION

    def __post_init__(self) -> None:
        _validate(self)

    def to_json(self) -> bytes:
        """Canonical JSON: sorted keys, no spaces, UTF-8, no trailing newline."""
        return canonical_json(self._as_dict())

    @property
    def sha256(self) -> str:
        """SHA-256 hex of the canonical manifest; the next package's `previous_package_sha256`."""
        return hashlib.sha256(self.to_json()).hexdigest()

    def member(self, name: str) -> MemberDigest | None:
        return next((m for m in self.members if m.name == name), None)

    def trusted_comment(self) -> str:
        """The minisign trusted comment binding the signature to this package."""
        return (
            f"{FORMAT_NAME} v{self.format_version} kind={self.kind.value} "
            f"package={self.package_id} device={self.source_device_id} seq={self.sequence}"
        )

    def _as_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "format_version": self.format_version,
            "kind": self.kind.value,
            "package_id": str(self.package_id),
            "source_device_id": self.source_device_id,
            "officer": self.officer,
            "target_centre_id": self.target_centre_id,
            "created_at": format_time(self.created_at),
            "sequence": self.sequence,
            "previous_package_sha256": self.previous_package_sha256,
            "schema_revision": self.schema_revision,
            "record_counts": dict(self.record_counts),
            "members": [{"name": m.name, "size": m.size, "sha256": m.sha256} for m in self.members],
            "payload": {"size": self.payload_size, "sha256": self.payload_sha256},
            "extra": dict(self.extra),
        }

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        """Parse and validate; refuses newer format versions and non-canonical text."""
        if len(data) > MAX_MANIFEST_BYTES:
            raise _malformed("清单文件过大。", "The manifest is too large.")
        try:
            raw = json.loads(
                data.decode("utf-8"),
                object_pairs_hook=_no_duplicates,
                parse_constant=_no_constant,
            )
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise _malformed(
                "清单不是有效的 UTF-8 JSON。", "The manifest is not valid UTF-8 JSON."
            ) from exc
        if not isinstance(raw, dict) or raw.get("format") != FORMAT_NAME:
            raise _malformed("这不是 YEDA 数据包清单。", "This is not a YEDA package manifest.")
        version = raw.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise SyncError(
                Problem.FORMAT_UNKNOWN,
                "清单的格式版本无法识别。",
                "The manifest's format version is not recognised.",
            )
        if version > FORMAT_VERSION:
            raise SyncError(
                Problem.FORMAT_TOO_NEW,
                f"该数据包由更新版本的程序生成（格式版本 {version}），本程序只能读取格式版本 "
                f"{FORMAT_VERSION} 及以下；请先升级本程序。",
                f"This package was made by a newer version of the app (format {version}); "
                f"this app reads format {FORMAT_VERSION} and older. Please update the app.",
                details={"format_version": str(version)},
            )
        manifest = _from_dict(raw)
        if manifest.to_json() != data:
            raise _malformed(
                "清单不是规范格式的 JSON（键未排序或含多余空白）。",
                "The manifest is not in canonical JSON form (unsorted keys or extra whitespace).",
            )
        return manifest


def canonical_json(value: object) -> bytes:
    return json.dumps(
        value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _malformed(zh: str, en: str) -> SyncError:
    return SyncError(Problem.MANIFEST_MALFORMED, zh, en)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


_TOP_KEYS = {
    "format",
    "format_version",
    "kind",
    "package_id",
    "source_device_id",
    "officer",
    "target_centre_id",
    "created_at",
    "sequence",
    "previous_package_sha256",
    "schema_revision",
    "record_counts",
    "members",
    "payload",
    "extra",
}


def _field(raw: Mapping[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    value = raw.get(key)
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise _malformed(
            f"清单字段 {key} 缺失或类型错误。",
            f"Manifest field {key!r} is missing or has the wrong type.",
        )
    return value


def _from_dict(raw: dict[str, Any]) -> Manifest:
    if set(raw) != _TOP_KEYS:
        unknown = sorted(set(raw) - _TOP_KEYS)
        missing = sorted(_TOP_KEYS - set(raw))
        raise _malformed(
            f"清单字段不符：多出 {unknown}，缺少 {missing}。",
            f"Manifest fields differ: unexpected {unknown}, missing {missing}.",
        )
    try:
        kind = PackageKind(_field(raw, "kind", str))
    except ValueError as exc:
        raise _malformed(
            "清单中的数据包类型未知。", "The manifest names an unknown package kind."
        ) from exc
    try:
        package_id = uuid.UUID(_field(raw, "package_id", str))
    except ValueError as exc:
        raise _malformed("数据包编号不是 UUID。", "The package id is not a UUID.") from exc
    created_text = _field(raw, "created_at", str)
    try:
        if not created_text.endswith("Z"):
            raise ValueError("not UTC")
        created_at = datetime.fromisoformat(created_text[:-1] + "+00:00")
    except ValueError as exc:
        raise _malformed(
            "创建时间不是 UTC ISO 8601 时间。", "The creation time is not a UTC ISO 8601 time."
        ) from exc
    members_raw = _field(raw, "members", list)
    members: list[MemberDigest] = []
    for item in members_raw:
        if not isinstance(item, dict) or set(item) != {"name", "size", "sha256"}:
            raise _malformed("清单的成员列表格式错误。", "The manifest's member list is malformed.")
        members.append(
            MemberDigest(
                _field(item, "name", str), _field(item, "size", int), _field(item, "sha256", str)
            )
        )
    payload = _field(raw, "payload", dict)
    if set(payload) != {"size", "sha256"}:
        raise _malformed(
            "清单的 payload 字段格式错误。", "The manifest's payload entry is malformed."
        )
    previous = raw.get("previous_package_sha256")
    if previous is not None and not isinstance(previous, str):
        raise _malformed(
            "上一数据包哈希类型错误。", "The previous package hash has the wrong type."
        )
    return Manifest(
        format_version=_field(raw, "format_version", int),
        kind=kind,
        package_id=package_id,
        source_device_id=_field(raw, "source_device_id", str),
        officer=_field(raw, "officer", str),
        target_centre_id=_field(raw, "target_centre_id", str),
        created_at=created_at,
        sequence=_field(raw, "sequence", int),
        previous_package_sha256=previous,
        schema_revision=_field(raw, "schema_revision", str),
        record_counts=_field(raw, "record_counts", dict),
        members=tuple(members),
        payload_size=_field(payload, "size", int),
        payload_sha256=_field(payload, "sha256", str),
        extra=_field(raw, "extra", dict),
    )


def _validate(m: Manifest) -> None:
    """Check every field; raises SyncError(MANIFEST_MALFORMED) naming the first bad one."""

    def bad(name: str) -> SyncError:
        return _malformed(
            f"清单字段 {name} 的值无效。", f"Manifest field {name!r} has an invalid value."
        )

    if not isinstance(m.kind, PackageKind):
        raise bad("kind")
    if not isinstance(m.package_id, uuid.UUID):
        raise bad("package_id")
    for name in ("source_device_id", "target_centre_id"):
        value = getattr(m, name)
        if not isinstance(value, str) or not _ID_RE.fullmatch(value):
            raise bad(name)
    if not isinstance(m.officer, str) or len(m.officer) > 200 or _CONTROL_RE.search(m.officer):
        raise bad("officer")
    if not isinstance(m.created_at, datetime) or m.created_at.tzinfo is None:
        raise bad("created_at")
    if not _is_count(m.sequence):
        raise bad("sequence")
    if m.previous_package_sha256 is not None and not _is_hex64(m.previous_package_sha256):
        raise bad("previous_package_sha256")
    if (
        not isinstance(m.schema_revision, str)
        or not 0 < len(m.schema_revision) <= 64
        or _CONTROL_RE.search(m.schema_revision)
    ):
        raise bad("schema_revision")
    if not isinstance(m.record_counts, Mapping) or not all(
        isinstance(k, str) and _is_count(v) for k, v in m.record_counts.items()
    ):
        raise bad("record_counts")
    if not isinstance(m.extra, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in m.extra.items()
    ):
        raise bad("extra")
    names = [member.name for member in m.members]
    if len(set(names)) != len(names) or names != sorted(names):
        raise bad("members")
    for member in m.members:
        if (
            not isinstance(member.name, str)
            or member.name in (MANIFEST_NAME, SIGNATURE_NAME)
            or not _is_count(member.size)
            or not _is_hex64(member.sha256)
        ):
            raise bad("members")
    if not _is_count(m.payload_size) or not _is_hex64(m.payload_sha256):
        raise bad("payload")
    if not 1 <= m.format_version <= FORMAT_VERSION:
        raise bad("format_version")


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_hex64(value: object) -> bool:
    return isinstance(value, str) and _HEX64_RE.fullmatch(value) is not None
