"""Encrypt and decrypt the package payload in age format, streamed, with clear damage reports."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

import pyrage

from yeda_desktop.sync.errors import Problem, SyncError
from yeda_desktop.sync.keys import parse_age_recipient
from yeda_desktop.sync.streams import (
    HashingReader,
    HashingWriter,
    PayloadSource,
    Readable,
    Writable,
    as_readable,
)

AGE_CHUNK = 64 * 1024
AGE_TAG = 16
AGE_NONCE = 16
_HEADER_PEEK = 64 * 1024


@dataclass(frozen=True)
class PayloadDigest:
    """Sizes and SHA-256 hex digests of a payload before and after encryption."""

    plain_size: int
    plain_sha256: str
    cipher_size: int
    cipher_sha256: str


def expected_cipher_body(plain_size: int) -> int:
    """Bytes after the age header for a plaintext of plain_size (nonce + STREAM chunks)."""
    chunks = max(1, -(-plain_size // AGE_CHUNK))
    return AGE_NONCE + plain_size + AGE_TAG * chunks


def _recipients(
    recipients: Sequence[str | pyrage.x25519.Recipient],
) -> list[pyrage.x25519.Recipient]:
    if not recipients:
        raise SyncError(
            Problem.RECIPIENT_INVALID,
            "没有指定加密接收方。",
            "No recipient was given to encrypt the payload to.",
        )
    return [parse_age_recipient(r) if isinstance(r, str) else r for r in recipients]


def encrypt_payload(
    source: PayloadSource,
    sink: Writable,
    recipients: Sequence[str | pyrage.x25519.Recipient],
) -> PayloadDigest:
    """Stream source through age (X25519 recipients) into sink; return sizes and hashes."""
    reader = HashingReader(as_readable(source))
    writer = HashingWriter(sink)
    try:
        pyrage.encrypt_io(reader, writer, _recipients(recipients))
    except (pyrage.EncryptError, OSError) as exc:
        original = reader.error or writer.error
        if original is not None:
            raise original from None
        raise SyncError(
            Problem.WRITE_FAILED,
            f"加密失败：{exc}",
            f"Encrypting the payload failed: {exc}",
        ) from exc
    return PayloadDigest(
        reader.size, reader.sha256.hexdigest(), writer.size, writer.sha256.hexdigest()
    )


class _PeekingReader(HashingReader):
    """A HashingReader that keeps the first bytes so the age header can be measured."""

    def __init__(self, source: Readable) -> None:
        super().__init__(source)
        self.head = bytearray()

    def read(self, size: int = -1) -> bytes:
        data = super().read(size)
        if len(self.head) < _HEADER_PEEK:
            self.head += data[: _HEADER_PEEK - len(self.head)]
        return data


def _header_length(head: bytes) -> int | None:
    marker = head.find(b"\n--- ")
    if marker < 0:
        return None
    end = head.find(b"\n", marker + 1)
    return None if end < 0 else end + 1


def _damage(reader: _PeekingReader, expected_plain_size: int | None) -> SyncError:
    """Say as precisely as possible what is wrong with a payload that failed to decrypt."""
    with contextlib.suppress(Exception):  # report the damage, not a second read error
        reader.drain()
    header = _header_length(bytes(reader.head))
    if expected_plain_size is not None and header is not None:
        body = reader.size - header
        expected = expected_cipher_body(expected_plain_size)
        if body < expected:
            return SyncError(
                Problem.PAYLOAD_DAMAGED,
                f"加密数据被截断（少了 {expected - body} 字节）。",
                f"The encrypted payload is truncated ({expected - body} bytes missing).",
            )
        if body > expected:
            return SyncError(
                Problem.PAYLOAD_DAMAGED,
                f"加密数据末尾多出 {body - expected} 字节。",
                f"The encrypted payload has {body - expected} extra bytes appended.",
            )
    return SyncError(
        Problem.PAYLOAD_DAMAGED,
        "加密数据已损坏（被截断、改动或附加了内容），无法通过完整性校验。",
        "The encrypted payload is damaged (truncated, altered or with data appended); "
        "it fails its integrity check.",
    )


def decrypt_payload(
    source: Readable,
    sink: Writable,
    identities: Sequence[pyrage.x25519.Identity],
    *,
    expected_size: int | None = None,
    expected_sha256: str | None = None,
) -> PayloadDigest:
    """Stream-decrypt an age payload into sink and check it.

    On error, sink may hold partial plaintext: the caller must discard it.
    """
    reader = _PeekingReader(source)
    writer = HashingWriter(sink, limit=expected_size)

    def too_long() -> SyncError:
        return SyncError(
            Problem.PAYLOAD_SIZE_MISMATCH,
            "解密后的数据比清单声明的更长。",
            "The decrypted payload is longer than the manifest declares.",
        )

    writer.on_limit = too_long
    try:
        pyrage.decrypt_io(reader, writer, list(identities))
    except (pyrage.DecryptError, OSError) as exc:
        original = reader.error or writer.error
        if original is not None:
            raise original from None
        text = str(exc)
        if "No matching keys" in text:
            raise SyncError(
                Problem.PAYLOAD_NOT_FOR_US,
                "数据不是加密给本机密钥的（或其文件头已被改动），无法解密。",
                "The payload is not encrypted to this installation's key "
                "(or its header was altered).",
            ) from exc
        if "header" in text.lower() or "age format" in text:
            raise SyncError(
                Problem.PAYLOAD_HEADER,
                "加密数据的文件头无效或已被改动。",
                "The encrypted payload's header is invalid or was altered.",
            ) from exc
        raise _damage(reader, expected_size) from exc
    digest = PayloadDigest(
        writer.size, writer.sha256.hexdigest(), reader.size, reader.sha256.hexdigest()
    )
    if expected_size is not None and digest.plain_size != expected_size:
        raise SyncError(
            Problem.PAYLOAD_SIZE_MISMATCH,
            f"解密后的数据大小为 {digest.plain_size} 字节，清单声明为 {expected_size} 字节。",
            f"The decrypted payload is {digest.plain_size} bytes; the manifest says "
            f"{expected_size}.",
        )
    if expected_sha256 is not None and digest.plain_sha256 != expected_sha256:
        raise SyncError(
            Problem.PAYLOAD_HASH_MISMATCH,
            "解密后的数据 SHA-256 与清单不符。",
            "The decrypted payload's SHA-256 does not match the manifest.",
        )
    return digest
