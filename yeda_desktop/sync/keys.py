"""A device's or the centre's key set: Ed25519 for signing, an age X25519 identity for reading."""

from __future__ import annotations

import hashlib
import os
import secrets
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from yeda_desktop.sync.errors import Problem, SyncError
from yeda_desktop.sync.minisign import MinisignPublicKey, MinisignSecretKey

SIGNING_KEY_FILE = "signing-key.pem"
SIGNING_PUBLIC_FILE = "signing-key.pub"
KEY_ID_FILE = "signing-key.id"
AGE_IDENTITY_FILE = "age-identity.txt"
AGE_IDENTITY_ENCRYPTED_FILE = "age-identity.txt.age"
AGE_RECIPIENT_FILE = "age-recipient.txt"
_AGE_SECRET_PREFIX = "AGE-SECRET-KEY-1"
_MAX_KEY_FILE = 64 * 1024


def age_key_file_text(identity: pyrage.x25519.Identity) -> str:
    """The identity in the key-file format `age-keygen` writes (readable by `age -d -i`)."""
    created = datetime.now(UTC).replace(microsecond=0).isoformat()
    return f"# created: {created}\n# public key: {identity.to_public()}\n{identity}\n"


def parse_age_key_file(text: str) -> pyrage.x25519.Identity:
    """Read the first X25519 identity of an age key file."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(_AGE_SECRET_PREFIX):
            try:
                return pyrage.x25519.Identity.from_str(stripped)
            except pyrage.IdentityError as exc:
                raise SyncError(
                    Problem.KEY_MALFORMED,
                    "age 私钥文件内容无效。",
                    "The age identity file does not hold a valid identity.",
                ) from exc
    raise SyncError(
        Problem.KEY_MALFORMED,
        "age 私钥文件中没有找到私钥。",
        "No identity was found in the age identity file.",
    )


def parse_age_recipient(text: str) -> pyrage.x25519.Recipient:
    """Parse an `age1...` recipient string."""
    try:
        return pyrage.x25519.Recipient.from_str(text.strip())
    except pyrage.RecipientError as exc:
        raise SyncError(
            Problem.RECIPIENT_INVALID,
            "age 公钥（接收方）格式无效。",
            "The age recipient (public key) is not valid.",
        ) from exc


def fingerprint(signing_public: MinisignPublicKey, age_recipient: str) -> str:
    """A short code of both public keys to read aloud and compare on the phone."""
    digest = hashlib.sha256(
        b"yeda-fingerprint-v1\x00" + signing_public.raw + b"\x00" + age_recipient.encode("ascii")
    ).digest()
    groups = [int.from_bytes(digest[i : i + 5], "big") % 100_000 for i in range(0, 30, 5)]
    return " ".join(f"{group:05d}" for group in groups)


@dataclass(frozen=True)
class PublicKeys:
    """What a device shows the world: its minisign public key and its age recipient."""

    signing: MinisignPublicKey
    age_recipient: str

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing, self.age_recipient)

    def minisign_text(self) -> str:
        return self.signing.to_text()


@dataclass(frozen=True)
class KeySet:
    """Secret keys of one installation (a laptop or the centre)."""

    signer: MinisignSecretKey
    age_identity: pyrage.x25519.Identity

    @classmethod
    def generate(cls) -> KeySet:
        return cls(
            MinisignSecretKey(secrets.token_bytes(8), Ed25519PrivateKey.generate()),
            pyrage.x25519.Identity.generate(),
        )

    @property
    def public(self) -> PublicKeys:
        return PublicKeys(self.signer.public_key, str(self.age_identity.to_public()))

    @property
    def fingerprint(self) -> str:
        return self.public.fingerprint

    def save(self, folder: Path, passphrase: str | None = None) -> None:
        """Write the key set into folder (0700) as owner-only files (0600)."""
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, 0o700)
        if passphrase:
            encryption: serialization.KeySerializationEncryption = (
                serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
            )
        else:
            encryption = serialization.NoEncryption()
        pem = self.signer.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
        )
        identity_text = age_key_file_text(self.age_identity).encode("utf-8")
        _write_private(folder / SIGNING_KEY_FILE, pem)
        _write_private(folder / KEY_ID_FILE, self.signer.key_id.hex().encode("ascii") + b"\n")
        if passphrase:
            _write_private(
                folder / AGE_IDENTITY_ENCRYPTED_FILE,
                pyrage.passphrase.encrypt(identity_text, passphrase),
            )
            (folder / AGE_IDENTITY_FILE).unlink(missing_ok=True)
        else:
            _write_private(folder / AGE_IDENTITY_FILE, identity_text)
            (folder / AGE_IDENTITY_ENCRYPTED_FILE).unlink(missing_ok=True)
        _write_private(folder / SIGNING_PUBLIC_FILE, self.public.minisign_text().encode("ascii"))
        _write_private(folder / AGE_RECIPIENT_FILE, (self.public.age_recipient + "\n").encode())

    @classmethod
    def load(cls, folder: Path, passphrase: str | None = None) -> KeySet:
        """Read a key set written by `save`; refuses files others may read."""
        if not folder.is_dir():
            raise SyncError(
                Problem.KEY_MISSING,
                f"找不到密钥文件夹：{folder}",
                f"The key folder does not exist: {folder}",
            )
        _check_private(folder, 0o077)
        pem = _read_private(folder / SIGNING_KEY_FILE)
        key_id_text = _read_private(folder / KEY_ID_FILE).decode("ascii", "replace").strip()
        try:
            key_id = bytes.fromhex(key_id_text)
        except ValueError:
            key_id = b""
        if len(key_id) != 8:
            raise SyncError(
                Problem.KEY_MALFORMED, "密钥编号文件已损坏。", "The key id file is damaged."
            )
        password = passphrase.encode("utf-8") if passphrase else None
        try:
            private = serialization.load_pem_private_key(pem, password=password)
        except TypeError as exc:
            if passphrase:
                raise SyncError(
                    Problem.KEY_MALFORMED,
                    "签名私钥没有口令保护，但提供了口令。",
                    "The signing key is not passphrase-protected but a passphrase was given.",
                ) from exc
            raise _passphrase_required() from exc
        except ValueError as exc:
            if passphrase:
                raise _passphrase_wrong() from exc
            raise SyncError(
                Problem.KEY_MALFORMED, "签名私钥文件已损坏。", "The signing key file is damaged."
            ) from exc
        if not isinstance(private, Ed25519PrivateKey):
            raise SyncError(
                Problem.KEY_MALFORMED,
                "签名私钥不是 Ed25519 密钥。",
                "The signing key is not an Ed25519 key.",
            )
        encrypted_path = folder / AGE_IDENTITY_ENCRYPTED_FILE
        if encrypted_path.exists():
            if not passphrase:
                raise _passphrase_required()
            try:
                identity_bytes = pyrage.passphrase.decrypt(
                    _read_private(encrypted_path), passphrase
                )
            except pyrage.DecryptError as exc:
                raise _passphrase_wrong() from exc
        else:
            identity_bytes = _read_private(folder / AGE_IDENTITY_FILE)
        identity = parse_age_key_file(identity_bytes.decode("utf-8", "replace"))
        return cls(MinisignSecretKey(key_id, private), identity)

    @staticmethod
    def exists(folder: Path) -> bool:
        return (folder / SIGNING_KEY_FILE).exists()


def _passphrase_required() -> SyncError:
    return SyncError(
        Problem.PASSPHRASE_REQUIRED,
        "密钥有口令保护，请输入口令。",
        "The keys are passphrase-protected; a passphrase is required.",
    )


def _passphrase_wrong() -> SyncError:
    return SyncError(Problem.PASSPHRASE_WRONG, "口令不正确。", "The passphrase is wrong.")


def _write_private(path: Path, data: bytes) -> None:
    """Write a file that only the owner can read, replacing any previous one atomically."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _check_private(path: Path, forbidden: int) -> None:
    if os.name != "posix":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & forbidden:
        raise SyncError(
            Problem.KEY_PERMISSIONS,
            f"{path} 的权限过宽（{mode:o}），其他用户可以读取；请改为仅本人可读。",
            f"{path} is readable by other users (mode {mode:o}); it must be owner-only.",
        )


def _read_private(path: Path) -> bytes:
    try:
        _check_private(path, 0o077)
        with path.open("rb") as handle:
            data = handle.read(_MAX_KEY_FILE + 1)
    except FileNotFoundError as exc:
        raise SyncError(
            Problem.KEY_MISSING, f"缺少密钥文件：{path.name}", f"Key file missing: {path.name}"
        ) from exc
    if len(data) > _MAX_KEY_FILE:
        raise SyncError(
            Problem.KEY_MALFORMED, f"密钥文件过大：{path.name}", f"Key file too large: {path.name}"
        )
    return data
