"""Sign and verify in minisign's own format so anyone can check a package with `minisign -V`."""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from yeda_desktop.sync.errors import Problem, SyncError

ALG_LEGACY = b"Ed"
ALG_PREHASHED = b"ED"
KDF_NONE = b"\x00\x00"
KDF_SCRYPT = b"Sc"
CHECKSUM_ALG = b"B2"
KEY_ID_BYTES = 8
UNTRUSTED_PREFIX = "untrusted comment: "
TRUSTED_PREFIX = "trusted comment: "
MAX_SIGNATURE_FILE = 16 * 1024
MAX_KEY_FILE = 16 * 1024
_READ_CHUNK = 1024 * 1024


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_seed(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def key_id_hex(key_id: bytes) -> str:
    """The key id as minisign prints it (a little-endian 64-bit number in upper-case hex)."""
    return key_id[::-1].hex().upper()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, problem: Problem, what_zh: str, what_en: str) -> bytes:
    try:
        return base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise SyncError(
            problem, f"{what_zh}不是有效的 Base64 文本。", f"The {what_en} is not valid base64."
        ) from exc


def _text_lines(data: bytes, limit: int, problem: Problem, what_zh: str, what_en: str) -> list[str]:
    if len(data) > limit:
        raise SyncError(problem, f"{what_zh}文件过大。", f"The {what_en} file is too large.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SyncError(
            problem, f"{what_zh}不是 UTF-8 文本。", f"The {what_en} is not UTF-8 text."
        ) from exc
    if "\x00" in text:
        raise SyncError(problem, f"{what_zh}含有空字符。", f"The {what_en} contains NUL bytes.")
    lines = [line.rstrip("\r") for line in text.split("\n")]
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def prehash(data: bytes | BinaryIO) -> bytes:
    """BLAKE2b-512 of the data, the message minisign's `ED` algorithm signs."""
    digest = hashlib.blake2b(digest_size=64)
    if isinstance(data, bytes | bytearray | memoryview):
        digest.update(data)
    else:
        while chunk := data.read(_READ_CHUNK):
            digest.update(chunk)
    return digest.digest()


@dataclass(frozen=True)
class MinisignPublicKey:
    """An Ed25519 public key with minisign's 8-byte key id."""

    key_id: bytes
    key: Ed25519PublicKey

    @property
    def raw(self) -> bytes:
        return _raw_public(self.key)

    def to_base64(self) -> str:
        return _b64(ALG_LEGACY + self.key_id + self.raw)

    def to_text(self) -> str:
        """The content of a minisign `.pub` file."""
        return (
            f"{UNTRUSTED_PREFIX}minisign public key {key_id_hex(self.key_id)}\n{self.to_base64()}\n"
        )

    @classmethod
    def from_base64(cls, line: str) -> MinisignPublicKey:
        raw = _unb64(line, Problem.KEY_MALFORMED, "公钥", "public key")
        if len(raw) != 2 + KEY_ID_BYTES + 32 or raw[:2] != ALG_LEGACY:
            raise SyncError(
                Problem.KEY_MALFORMED,
                "公钥不是 minisign Ed25519 公钥。",
                "The public key is not a minisign Ed25519 public key.",
            )
        return cls(raw[2:10], Ed25519PublicKey.from_public_bytes(raw[10:]))

    @classmethod
    def parse(cls, data: bytes | str) -> MinisignPublicKey:
        """Parse a minisign `.pub` file (comment line + base64 line) or a bare base64 line."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        lines = _text_lines(raw, MAX_KEY_FILE, Problem.KEY_MALFORMED, "公钥", "public key")
        if len(lines) == 1:
            return cls.from_base64(lines[0])
        if len(lines) != 2 or not lines[0].startswith(UNTRUSTED_PREFIX):
            raise SyncError(
                Problem.KEY_MALFORMED,
                "公钥文件应为两行：注释行和密钥行。",
                "A public key file must have two lines: a comment and the key.",
            )
        return cls.from_base64(lines[1])


@dataclass(frozen=True)
class MinisignSecretKey:
    """An Ed25519 signing key with minisign's key id; reads and writes unencrypted key files."""

    key_id: bytes
    key: Ed25519PrivateKey

    @property
    def public_key(self) -> MinisignPublicKey:
        return MinisignPublicKey(self.key_id, self.key.public_key())

    def _libsodium_secret(self) -> bytes:
        return _raw_seed(self.key) + _raw_public(self.key.public_key())

    def to_text(self) -> str:
        """An unencrypted minisign secret key file, as `minisign -G -W` writes it."""
        secret = self._libsodium_secret()
        checksum = hashlib.blake2b(ALG_LEGACY + self.key_id + secret, digest_size=32).digest()
        blob = (
            ALG_LEGACY
            + KDF_NONE
            + CHECKSUM_ALG
            + bytes(32)  # kdf salt
            + bytes(8)  # opslimit
            + bytes(8)  # memlimit
            + self.key_id
            + secret
            + checksum
        )
        return f"{UNTRUSTED_PREFIX}minisign secret key (unencrypted)\n{_b64(blob)}\n"

    @classmethod
    def parse(cls, data: bytes | str) -> MinisignSecretKey:
        """Parse an unencrypted minisign secret key file (`minisign -G -W`)."""
        raw = data.encode("utf-8") if isinstance(data, str) else data
        lines = _text_lines(raw, MAX_KEY_FILE, Problem.KEY_MALFORMED, "私钥", "secret key")
        if len(lines) != 2 or not lines[0].startswith(UNTRUSTED_PREFIX):
            raise SyncError(
                Problem.KEY_MALFORMED,
                "私钥文件应为两行：注释行和密钥行。",
                "A secret key file must have two lines: a comment and the key.",
            )
        blob = _unb64(lines[1], Problem.KEY_MALFORMED, "私钥", "secret key")
        if len(blob) != 158 or blob[:2] != ALG_LEGACY or blob[4:6] != CHECKSUM_ALG:
            raise SyncError(
                Problem.KEY_MALFORMED,
                "私钥不是 minisign Ed25519 私钥。",
                "The secret key is not a minisign Ed25519 secret key.",
            )
        if blob[2:4] == KDF_SCRYPT:
            raise SyncError(
                Problem.KEY_UNSUPPORTED,
                "该 minisign 私钥有口令保护；请用 `minisign -C -W` 去掉口令，"
                "或使用本程序生成的密钥。",
                "This minisign secret key is password-protected; only unencrypted minisign "
                "secret keys (minisign -G -W) can be read.",
            )
        if blob[2:4] != KDF_NONE:
            raise SyncError(
                Problem.KEY_UNSUPPORTED,
                "私钥使用了未知的密钥派生算法。",
                "The secret key uses an unknown key derivation algorithm.",
            )
        key_id = blob[54:62]
        secret = blob[62:126]
        checksum = blob[126:158]
        expected = hashlib.blake2b(ALG_LEGACY + key_id + secret, digest_size=32).digest()
        # minisign 0.11 leaves the checksum zeroed in passwordless keys; the seed/public-key
        # consistency check below still catches a damaged key.
        if checksum not in (expected, bytes(32)):
            raise SyncError(
                Problem.KEY_MALFORMED,
                "私钥校验和不符，文件已损坏。",
                "The secret key checksum does not match; the file is damaged.",
            )
        key = Ed25519PrivateKey.from_private_bytes(secret[:32])
        if _raw_public(key.public_key()) != secret[32:]:
            raise SyncError(
                Problem.KEY_MALFORMED,
                "私钥内容不一致，文件已损坏。",
                "The secret key is inconsistent; the file is damaged.",
            )
        return cls(key_id, key)


@dataclass(frozen=True)
class MinisignSignature:
    """A parsed `.minisig` file."""

    algorithm: bytes
    key_id: bytes
    signature: bytes
    untrusted_comment: str
    trusted_comment: str
    global_signature: bytes

    def to_bytes(self) -> bytes:
        return (
            f"{UNTRUSTED_PREFIX}{self.untrusted_comment}\n"
            f"{_b64(self.algorithm + self.key_id + self.signature)}\n"
            f"{TRUSTED_PREFIX}{self.trusted_comment}\n"
            f"{_b64(self.global_signature)}\n"
        ).encode()

    @classmethod
    def parse(cls, data: bytes) -> MinisignSignature:
        lines = _text_lines(
            data, MAX_SIGNATURE_FILE, Problem.SIGNATURE_MALFORMED, "签名", "signature"
        )
        if (
            len(lines) != 4
            or not lines[0].startswith(UNTRUSTED_PREFIX)
            or not lines[2].startswith(TRUSTED_PREFIX)
        ):
            raise SyncError(
                Problem.SIGNATURE_MALFORMED,
                "签名文件格式不正确（应为 minisign 的四行格式）。",
                "The signature file is malformed (expected minisign's four-line format).",
            )
        sig = _unb64(lines[1], Problem.SIGNATURE_MALFORMED, "签名", "signature")
        glob = _unb64(lines[3], Problem.SIGNATURE_MALFORMED, "全局签名", "global signature")
        if len(sig) != 2 + KEY_ID_BYTES + 64 or len(glob) != 64:
            raise SyncError(
                Problem.SIGNATURE_MALFORMED,
                "签名长度不正确。",
                "The signature has the wrong length.",
            )
        return cls(
            algorithm=sig[:2],
            key_id=sig[2:10],
            signature=sig[10:],
            untrusted_comment=lines[0][len(UNTRUSTED_PREFIX) :],
            trusted_comment=lines[2][len(TRUSTED_PREFIX) :],
            global_signature=glob,
        )


def _check_comment(comment: str, what: str) -> None:
    if "\n" in comment or "\r" in comment or "\x00" in comment:
        raise ValueError(f"the {what} must be a single line")


def sign(
    data: bytes | BinaryIO,
    secret: MinisignSecretKey,
    trusted_comment: str,
    untrusted_comment: str = "signature from minisign secret key",
) -> bytes:
    """Sign data with the prehashed `ED` algorithm; return the `.minisig` file content."""
    _check_comment(trusted_comment, "trusted comment")
    _check_comment(untrusted_comment, "untrusted comment")
    signature = secret.key.sign(prehash(data))
    global_signature = secret.key.sign(signature + trusted_comment.encode("utf-8"))
    return MinisignSignature(
        algorithm=ALG_PREHASHED,
        key_id=secret.key_id,
        signature=signature,
        untrusted_comment=untrusted_comment,
        trusted_comment=trusted_comment,
        global_signature=global_signature,
    ).to_bytes()


def read_signature(signature_file: bytes) -> MinisignSignature:
    """Parse a `.minisig` and refuse anything but the prehashed algorithm."""
    parsed = MinisignSignature.parse(signature_file)
    if parsed.algorithm == ALG_LEGACY:
        raise SyncError(
            Problem.SIGNATURE_LEGACY,
            "这是旧式（非预哈希）minisign 签名；本程序只接受预哈希签名（算法 ED）。",
            "This is a legacy (non-prehashed) minisign signature; only prehashed "
            "signatures (algorithm ED) are accepted.",
        )
    if parsed.algorithm != ALG_PREHASHED:
        raise SyncError(
            Problem.SIGNATURE_MALFORMED,
            "签名算法未知。",
            "The signature uses an unknown algorithm.",
        )
    return parsed


def verify(
    data: bytes | BinaryIO, signature_file: bytes, public: MinisignPublicKey
) -> MinisignSignature:
    """Verify a `.minisig` over data with one public key; return the verified signature."""
    parsed = read_signature(signature_file)
    if parsed.key_id != public.key_id:
        raise SyncError(
            Problem.SIGNATURE_WRONG_KEY,
            f"签名所用密钥（{key_id_hex(parsed.key_id)}）不是预期的密钥"
            f"（{key_id_hex(public.key_id)}）。",
            f"The signature was made with key {key_id_hex(parsed.key_id)}, "
            f"not the expected key {key_id_hex(public.key_id)}.",
        )
    try:
        public.key.verify(parsed.signature, prehash(data))
    except InvalidSignature as exc:
        raise SyncError(
            Problem.SIGNATURE_INVALID,
            "签名验证失败：文件已被改动或签名不属于此文件。",
            "The signature does not verify: the file was altered or the signature is "
            "not for this file.",
        ) from exc
    try:
        public.key.verify(
            parsed.global_signature, parsed.signature + parsed.trusted_comment.encode("utf-8")
        )
    except InvalidSignature as exc:
        raise SyncError(
            Problem.TRUSTED_COMMENT_INVALID,
            "可信注释的签名无效：可信注释已被改动。",
            "The trusted comment's signature does not verify: the trusted comment was edited.",
        ) from exc
    return parsed
