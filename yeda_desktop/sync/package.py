"""Write and read whole `.yeda` packages: sign, encrypt, and verify everything before decrypting."""

from __future__ import annotations

import hashlib
import tempfile
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import IO

import pyrage

from yeda_desktop.sync import minisign
from yeda_desktop.sync.archive import ArchiveLimits, ArchiveWriter, SafeArchive, write_atomically
from yeda_desktop.sync.errors import Problem, SyncError
from yeda_desktop.sync.keys import KeySet
from yeda_desktop.sync.manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    PAYLOAD_NAME,
    SIGNATURE_NAME,
    Manifest,
    MemberDigest,
    PackageKind,
    written_format,
)
from yeda_desktop.sync.minisign import MinisignPublicKey, MinisignSecretKey
from yeda_desktop.sync.payload_crypto import decrypt_payload, encrypt_payload
from yeda_desktop.sync.streams import CHUNK, HashingReader, PayloadSource

MEMBER_NAMES = (MANIFEST_NAME, SIGNATURE_NAME, PAYLOAD_NAME)
_SPOOL_IN_MEMORY = 8 * 1024 * 1024


class KeyStatus(StrEnum):
    """What the caller's records say about the key of the device a package claims to be from."""

    TRUSTED = "trusted"
    PENDING = "pending"
    REVOKED = "revoked"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class TrustDecision:
    """Answer of a key lookup: the status and, unless unknown, the device's public key."""

    status: KeyStatus
    public_key: MinisignPublicKey | None = None


KeyLookup = Callable[[Manifest], TrustDecision]
"""Called with the (not yet verified) manifest; decides which key must have signed it."""


def default_limits() -> ArchiveLimits:
    return ArchiveLimits(
        max_member_size=((MANIFEST_NAME, MAX_MANIFEST_BYTES), (SIGNATURE_NAME, 16 * 1024))
    )


@dataclass(frozen=True)
class PackageFields:
    """What the caller decides about a package; sizes and hashes are filled in by the writer.

    `record_counts` is read once the payload is written, so a caller that counts its
    records as they stream (a baseline) passes the dict it fills.
    """

    kind: PackageKind
    source_device_id: str
    officer: str
    target_centre_id: str
    sequence: int
    previous_package_sha256: str | None
    schema_revision: str
    record_counts: Mapping[str, int] = field(default_factory=dict)
    extra: Mapping[str, str] = field(default_factory=dict)
    package_id: uuid.UUID | None = None
    created_at: datetime | None = None


def write_package(
    path: Path,
    fields: PackageFields,
    payload: PayloadSource,
    signer: KeySet | MinisignSecretKey,
    recipients: Sequence[str | pyrage.x25519.Recipient],
    *,
    overwrite: bool = False,
    limits: ArchiveLimits | None = None,
) -> Manifest:
    """Encrypt payload to recipients, sign the manifest, and write `path` atomically.

    The file appears under its name only once it is complete, fsynced and re-verified.
    Returns the manifest (its `sha256` is the next package's `previous_package_sha256`).
    """
    secret = signer.signer if isinstance(signer, KeySet) else signer
    if path.exists() and not overwrite:
        raise SyncError(
            Problem.WRITE_FAILED,
            f"目标文件已存在：{path.name}",
            f"The target file already exists: {path.name}",
        )
    package_id = fields.package_id or uuid.uuid4()
    created_at = fields.created_at or datetime.now(UTC).replace(microsecond=0)
    result: list[Manifest] = []

    def build(writer: ArchiveWriter) -> None:
        with writer.open_stored(PAYLOAD_NAME) as stream:
            digest = encrypt_payload(payload, stream, recipients)
        manifest = Manifest(
            kind=fields.kind,
            package_id=package_id,
            source_device_id=fields.source_device_id,
            officer=fields.officer,
            target_centre_id=fields.target_centre_id,
            created_at=created_at,
            sequence=fields.sequence,
            previous_package_sha256=fields.previous_package_sha256,
            schema_revision=fields.schema_revision,
            record_counts=dict(fields.record_counts),
            members=(MemberDigest(PAYLOAD_NAME, digest.cipher_size, digest.cipher_sha256),),
            payload_size=digest.plain_size,
            payload_sha256=digest.plain_sha256,
            extra=dict(fields.extra),
            format_version=written_format(fields.kind),
        )
        manifest_bytes = manifest.to_json()
        signature = minisign.sign(
            manifest_bytes,
            secret,
            manifest.trusted_comment(),
            untrusted_comment=f"YEDA {manifest.kind.value} package {manifest.package_id}",
        )
        writer.add_bytes(MANIFEST_NAME, manifest_bytes, compress=False)
        writer.add_bytes(SIGNATURE_NAME, signature, compress=False)
        result.append(manifest)

    def verify(tmp: Path) -> None:
        def own_key(_: Manifest) -> TrustDecision:
            return TrustDecision(KeyStatus.TRUSTED, secret.public_key)

        with SafeArchive(tmp, MEMBER_NAMES, MEMBER_NAMES, limits or default_limits()) as archive:
            _verify_archive(archive, own_key)

    write_atomically(path, build, verify)
    return result[0]


@dataclass(frozen=True)
class _Checked:
    manifest: Manifest
    manifest_bytes: bytes
    signature: minisign.MinisignSignature


def _check_trust(manifest: Manifest, decision: TrustDecision) -> MinisignPublicKey:
    who = {"device_id": manifest.source_device_id, "package_id": str(manifest.package_id)}
    if decision.status is KeyStatus.UNKNOWN or decision.public_key is None:
        raise SyncError(
            Problem.DEVICE_UNKNOWN,
            f"数据包来自未登记的设备 {manifest.source_device_id}，已隔离待审批。",
            f"The package comes from an unknown device {manifest.source_device_id}; "
            "it is quarantined until the device is approved.",
            details=who,
        )
    if decision.status is KeyStatus.REVOKED:
        raise SyncError(
            Problem.DEVICE_REVOKED,
            f"设备 {manifest.source_device_id} 的密钥已被吊销；数据包已隔离，"
            "只有重新批准该设备后才会导入。",
            f"The key of device {manifest.source_device_id} has been revoked; the package "
            "is held in quarantine and imported only if the device is approved again.",
            details=who,
        )
    return decision.public_key


def _verify_archive(archive: SafeArchive, lookup: KeyLookup) -> _Checked:
    """Steps 2–4 of reading: signature by the claimed device, trusted comment, member hashes."""
    signature_bytes = archive.read_small(SIGNATURE_NAME)
    manifest_bytes = archive.read_small(MANIFEST_NAME)
    minisign.read_signature(signature_bytes)  # malformed / legacy before anything else
    manifest = Manifest.from_json(manifest_bytes)
    decision = lookup(manifest)
    public_key = _check_trust(manifest, decision)
    signature = minisign.verify(manifest_bytes, signature_bytes, public_key)
    if decision.status is KeyStatus.PENDING:
        raise SyncError(
            Problem.DEVICE_PENDING,
            f"设备 {manifest.source_device_id} 的登记尚未批准；数据包签名有效，"
            "已隔离，待批准后导入。",
            f"Device {manifest.source_device_id} is not approved yet; the package is "
            "validly signed and is quarantined until approval.",
            details={
                "device_id": manifest.source_device_id,
                "package_id": str(manifest.package_id),
            },
        )
    if decision.status is not KeyStatus.TRUSTED:
        raise SyncError(
            Problem.DEVICE_UNKNOWN,
            "设备状态未知。",
            "The device's trust status is not recognised.",
        )
    if signature.trusted_comment != manifest.trusted_comment():
        raise SyncError(
            Problem.COMMENT_MISMATCH,
            "签名的可信注释与清单不符（数据包编号、设备或序号不一致）。",
            "The signature's trusted comment does not match the manifest "
            "(package id, device or sequence number differ).",
            details={"trusted_comment": signature.trusted_comment},
        )
    _check_members(archive, manifest)
    return _Checked(manifest, manifest_bytes, signature)


def _check_members(archive: SafeArchive, manifest: Manifest) -> None:
    in_archive = set(archive.names) - {MANIFEST_NAME, SIGNATURE_NAME}
    listed = {m.name for m in manifest.members}
    if listed - in_archive:
        missing = ", ".join(sorted(listed - in_archive))
        raise SyncError(
            Problem.MISSING_MEMBER,
            f"清单列出的成员在数据包中不存在：{missing}",
            f"Members listed in the manifest are missing from the package: {missing}",
        )
    if in_archive - listed:
        extra = ", ".join(sorted(in_archive - listed))
        raise SyncError(
            Problem.UNEXPECTED_MEMBER,
            f"数据包中有清单未列出的成员：{extra}",
            f"The package holds members the manifest does not list: {extra}",
        )
    for member in manifest.members:
        if archive.size(member.name) != member.size:
            raise _size_mismatch(member.name, archive.size(member.name), member.size)
        size, sha256 = archive.digest(member.name)
        if size != member.size:
            raise _size_mismatch(member.name, size, member.size)
        if sha256 != member.sha256:
            raise _hash_mismatch(member.name)


def _size_mismatch(name: str, actual: int, declared: int) -> SyncError:
    return SyncError(
        Problem.MEMBER_SIZE_MISMATCH,
        f"成员 {name} 的大小为 {actual} 字节，清单记载为 {declared} 字节。",
        f"Member {name} is {actual} bytes; the manifest says {declared}.",
        details={"name": name},
    )


def _hash_mismatch(name: str) -> SyncError:
    return SyncError(
        Problem.MEMBER_HASH_MISMATCH,
        f"成员 {name} 的 SHA-256 与清单不符，内容已被改动。",
        f"Member {name}'s SHA-256 does not match the manifest; it was altered.",
        details={"name": name},
    )


class VerifiedPackage:
    """A package whose signature, hashes and payload all checked out.

    The decrypted payload is held in a temporary file (in memory while small); use as a
    context manager, or call `close`, to discard it.
    """

    def __init__(
        self,
        path: Path,
        manifest: Manifest,
        manifest_bytes: bytes,
        signature: minisign.MinisignSignature,
        payload: IO[bytes],
    ) -> None:
        self.path = path
        self.manifest = manifest
        self.manifest_bytes = manifest_bytes
        self.signature = signature
        self._payload = payload

    @property
    def manifest_sha256(self) -> str:
        """Hash of this package in the device's chain."""
        return hashlib.sha256(self.manifest_bytes).hexdigest()

    @property
    def signer_key_id(self) -> str:
        return minisign.key_id_hex(self.signature.key_id)

    def open_payload(self) -> IO[bytes]:
        """The decrypted payload, rewound to its start (read it in chunks)."""
        self._payload.seek(0)
        return self._payload

    def iter_payload(self, chunk_size: int = CHUNK) -> Iterator[bytes]:
        stream = self.open_payload()
        while chunk := stream.read(chunk_size):
            yield chunk

    def read_payload(self) -> bytes:
        """The whole payload as bytes (only for small payloads)."""
        return self.open_payload().read()

    def close(self) -> None:
        self._payload.close()

    def __enter__(self) -> VerifiedPackage:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def read_package(
    path: Path,
    lookup: KeyLookup,
    identities: KeySet | Sequence[pyrage.x25519.Identity],
    *,
    limits: ArchiveLimits | None = None,
    spool_dir: Path | None = None,
) -> VerifiedPackage:
    """Read a package: safe archive read, signature by the claimed device's key, trusted
    comment, member sizes and hashes, and only then decrypt the payload and check it.

    Raises SyncError for every problem; nothing is left behind on disk.
    """
    keys = [identities.age_identity] if isinstance(identities, KeySet) else list(identities)
    with SafeArchive(path, MEMBER_NAMES, MEMBER_NAMES, limits or default_limits()) as archive:
        checked = _verify_archive(archive, lookup)
        manifest = checked.manifest
        member = manifest.member(PAYLOAD_NAME)
        assert member is not None
        spool: IO[bytes] = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - handed to VerifiedPackage
            max_size=_SPOOL_IN_MEMORY, dir=str(spool_dir) if spool_dir else None
        )
        try:
            with archive.open_member(PAYLOAD_NAME) as stream:
                tee = HashingReader(stream)  # hash the ciphertext again as it is decrypted
                decrypt_payload(
                    tee,
                    spool,
                    keys,
                    expected_size=manifest.payload_size,
                    expected_sha256=manifest.payload_sha256,
                )
                if tee.sha256.hexdigest() != member.sha256:
                    raise _hash_mismatch(PAYLOAD_NAME)
        except BaseException:
            spool.close()
            raise
    return VerifiedPackage(path, manifest, checked.manifest_bytes, checked.signature, spool)


@dataclass(frozen=True)
class PackageReport:
    """What `yeda verify` prints: what the package is and whether it is intact."""

    path: Path
    manifest: Manifest | None
    signer_key_id: str | None
    trusted_comment: str | None
    signature_checked: bool
    problem: SyncError | None

    @property
    def intact(self) -> bool:
        return self.problem is None


def inspect_package(
    path: Path,
    public_key: MinisignPublicKey | None = None,
    *,
    limits: ArchiveLimits | None = None,
) -> PackageReport:
    """Check a package without decrypting it; never raises SyncError, reports it instead.

    Without `public_key` the signature cannot be checked (only its form), but the archive,
    the manifest, the trusted comment and every member hash are.
    """
    manifest: Manifest | None = None
    signature: minisign.MinisignSignature | None = None
    checked_signature = False
    try:
        with SafeArchive(path, MEMBER_NAMES, MEMBER_NAMES, limits or default_limits()) as arch:
            signature = minisign.read_signature(arch.read_small(SIGNATURE_NAME))
            manifest = Manifest.from_json(arch.read_small(MANIFEST_NAME))
            if public_key is not None:
                key = public_key

                def lookup(_: Manifest) -> TrustDecision:
                    return TrustDecision(KeyStatus.TRUSTED, key)

                _verify_archive(arch, lookup)
                checked_signature = True
            else:
                if signature.trusted_comment != manifest.trusted_comment():
                    raise SyncError(
                        Problem.COMMENT_MISMATCH,
                        "签名的可信注释与清单不符。",
                        "The signature's trusted comment does not match the manifest.",
                    )
                _check_members(arch, manifest)
    except SyncError as problem:
        return PackageReport(
            path,
            manifest,
            minisign.key_id_hex(signature.key_id) if signature else None,
            signature.trusted_comment if signature else None,
            checked_signature,
            problem,
        )
    return PackageReport(
        path,
        manifest,
        minisign.key_id_hex(signature.key_id) if signature else None,
        signature.trusted_comment if signature else None,
        checked_signature,
        None,
    )
