"""Key storage, public key export, fingerprints, and manifest parsing rules."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import stat
import tracemalloc
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from yeda_desktop.sync import KeySet, Manifest, MemberDigest, PackageKind, Problem, SyncError
from yeda_desktop.sync import minisign as ms
from yeda_desktop.sync.keys import fingerprint, parse_age_recipient
from yeda_desktop.sync.manifest import canonical_json
from yeda_desktop.sync.payload_crypto import decrypt_payload, encrypt_payload


def _problem(call: object, *args: object, **kwargs: object) -> Problem:
    with pytest.raises(SyncError) as caught:
        call(*args, **kwargs)  # type: ignore[operator]
    return caught.value.problem


def test_save_and_load_with_owner_only_permissions(tmp_path: Path) -> None:
    keys = KeySet.generate()
    folder = tmp_path / "keys"
    keys.save(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for item in folder.iterdir():
        assert stat.S_IMODE(item.stat().st_mode) == 0o600, item
    loaded = KeySet.load(folder)
    assert loaded.public == keys.public
    assert loaded.fingerprint == keys.fingerprint
    assert (folder / "age-identity.txt").read_text().startswith("# created: ")
    os.chmod(folder / "signing-key.pem", 0o644)
    assert _problem(KeySet.load, folder) is Problem.KEY_PERMISSIONS
    assert _problem(KeySet.load, tmp_path / "nowhere") is Problem.KEY_MISSING


def test_passphrase_protected_keys(tmp_path: Path) -> None:
    keys = KeySet.generate()
    folder = tmp_path / "keys"
    keys.save(folder, passphrase="正确的口令 horse")
    assert not (folder / "age-identity.txt").exists()
    assert b"AGE-SECRET-KEY" not in (folder / "age-identity.txt.age").read_bytes()
    assert b"ENCRYPTED" in (folder / "signing-key.pem").read_bytes()
    assert KeySet.load(folder, "正确的口令 horse").public == keys.public
    assert _problem(KeySet.load, folder) is Problem.PASSPHRASE_REQUIRED
    assert _problem(KeySet.load, folder, "wrong") is Problem.PASSPHRASE_WRONG


def test_public_key_exports_and_fingerprint() -> None:
    keys = KeySet.generate()
    text = keys.public.minisign_text()
    first, second = text.splitlines()
    assert first == f"untrusted comment: minisign public key {ms.key_id_hex(keys.signer.key_id)}"
    assert ms.MinisignPublicKey.parse(text) == keys.public.signing
    assert ms.MinisignPublicKey.parse(second) == keys.public.signing
    assert keys.public.age_recipient.startswith("age1")
    parse_age_recipient(keys.public.age_recipient)
    code = keys.fingerprint
    assert len(code.split()) == 6 and all(len(g) == 5 and g.isdigit() for g in code.split())
    assert code == fingerprint(keys.public.signing, keys.public.age_recipient)
    other = KeySet.generate()
    assert fingerprint(keys.public.signing, other.public.age_recipient) != code
    assert fingerprint(other.public.signing, keys.public.age_recipient) != code
    for bad in ("", "RWQ", "untrusted comment: x\nAAAA\n", "a\nb\nc\n"):
        assert _problem(ms.MinisignPublicKey.parse, bad) is Problem.KEY_MALFORMED
    assert _problem(parse_age_recipient, "age1nope") is Problem.RECIPIENT_INVALID


def test_minisign_secret_key_file_round_trip_and_damage() -> None:
    keys = KeySet.generate()
    text = keys.signer.to_text()
    again = ms.MinisignSecretKey.parse(text)
    assert again.public_key == keys.signer.public_key
    lines = text.splitlines()
    blob = bytearray(ms.base64.b64decode(lines[1]))
    blob[100] ^= 1
    damaged = f"{lines[0]}\n{ms.base64.b64encode(bytes(blob)).decode()}\n"
    assert _problem(ms.MinisignSecretKey.parse, damaged) is Problem.KEY_MALFORMED
    blob = bytearray(ms.base64.b64decode(lines[1]))
    blob[2:4] = b"Sc"
    encrypted = f"{lines[0]}\n{ms.base64.b64encode(bytes(blob)).decode()}\n"
    assert _problem(ms.MinisignSecretKey.parse, encrypted) is Problem.KEY_UNSUPPORTED


def test_sign_verify_streams_and_rejects_edits() -> None:
    keys = KeySet.generate()
    data = b"manifest bytes" * 1000
    sig = ms.sign(io.BytesIO(data), keys.signer, "trusted one")
    assert ms.verify(data, sig, keys.public.signing).trusted_comment == "trusted one"
    assert _problem(ms.verify, data + b"x", sig, keys.public.signing) is Problem.SIGNATURE_INVALID
    edited = sig.replace(b"trusted one", b"trusted two")
    assert _problem(ms.verify, data, edited, keys.public.signing) is (
        Problem.TRUSTED_COMMENT_INVALID
    )
    with pytest.raises(ValueError):
        ms.sign(data, keys.signer, "two\nlines")


def _manifest(**changes: object) -> Manifest:
    values: dict[str, object] = {
        "kind": PackageKind.BASELINE,
        "package_id": uuid.uuid4(),
        "source_device_id": "yeda-centre",
        "officer": "管理员",
        "target_centre_id": "yeda-centre",
        "created_at": datetime(2025, 6, 1, tzinfo=UTC),
        "sequence": 0,
        "previous_package_sha256": None,
        "schema_revision": "rev-1",
        "record_counts": {"buildings": 12},
        "members": (MemberDigest("payload.age", 10, "a" * 64),),
        "payload_size": 3,
        "payload_sha256": "b" * 64,
    }
    values.update(changes)
    return Manifest(**values)  # type: ignore[arg-type]


def test_manifest_canonical_round_trip() -> None:
    manifest = _manifest()
    data = manifest.to_json()
    assert Manifest.from_json(data) == manifest
    raw = json.loads(data)
    assert list(raw) == sorted(raw) and raw["created_at"] == "2025-06-01T00:00:00Z"
    assert "管理员".encode() in data
    assert manifest.sha256 == __import__("hashlib").sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda r: r.update(format_version=7), Problem.FORMAT_TOO_NEW),
        (lambda r: r.update(format_version=0), Problem.FORMAT_UNKNOWN),
        (lambda r: r.update(format_version="1"), Problem.FORMAT_UNKNOWN),
        (lambda r: r.update(format="zip"), Problem.MANIFEST_MALFORMED),
        (lambda r: r.update(kind="payroll"), Problem.MANIFEST_MALFORMED),
        (lambda r: r.update(package_id="not-a-uuid"), Problem.MANIFEST_MALFORMED),
        (lambda r: r.update(sequence=-1), Problem.MANIFEST_MALFORMED),
        (lambda r: r.update(sequence=True), Problem.MANIFEST_MALFORMED),
        (lambda r: r.update(created_at="2025-06-01T08:00:00+08:00"), Problem.MANIFEST_MALFORMED),
        (lambda r: r.update(previous_package_sha256="xyz"), Problem.MANIFEST_MALFORMED),
        (lambda r: r.update(source_device_id="has space"), Problem.MANIFEST_MALFORMED),
        (lambda r: r.update(unknown_field=1), Problem.MANIFEST_MALFORMED),
        (lambda r: r.pop("payload"), Problem.MANIFEST_MALFORMED),
        (lambda r: r.update(record_counts={"x": 1.5}), Problem.MANIFEST_MALFORMED),
        (
            lambda r: r.update(members=[{"name": "manifest.json", "size": 1, "sha256": "a" * 64}]),
            Problem.MANIFEST_MALFORMED,
        ),
    ],
)
def test_manifest_refusals(edit: object, problem: Problem) -> None:
    raw = json.loads(_manifest().to_json())
    edit(raw)  # type: ignore[operator]
    assert _problem(Manifest.from_json, canonical_json(raw)) is problem


def test_manifest_text_level_refusals() -> None:
    data = _manifest().to_json()
    assert _problem(Manifest.from_json, data + b"\n") is Problem.MANIFEST_MALFORMED
    assert _problem(Manifest.from_json, b"\xff" + data) is Problem.MANIFEST_MALFORMED
    dup = data[:-1] + b',"sequence":5}'
    assert _problem(Manifest.from_json, dup) is Problem.MANIFEST_MALFORMED
    assert _problem(Manifest.from_json, b"[" * 100000) is Problem.MANIFEST_MALFORMED
    assert _problem(Manifest.from_json, b'{"a":NaN}') is Problem.MANIFEST_MALFORMED
    with pytest.raises(SyncError):
        dataclasses.replace(_manifest(), officer="line\nbreak")


class _Sink:
    """Counts what is written and throws it away."""

    def __init__(self) -> None:
        self.total = 0

    def write(self, data: bytes) -> int:
        self.total += len(data)
        return len(data)


def test_payload_crypto_streams_large_input_in_bounded_memory(tmp_path: Path) -> None:
    keys = KeySet.generate()
    block = bytes(range(256)) * 4096
    size = 16 * len(block)  # 16 MiB (256 age chunks) through encryption and decryption
    tracemalloc.start()
    try:
        with (tmp_path / "p.age").open("wb") as out:
            digest = encrypt_payload((block for _ in range(16)), out, [keys.public.age_recipient])
        with (tmp_path / "p.age").open("rb") as cipher:
            sink = _Sink()
            back = decrypt_payload(
                cipher,
                sink,
                [keys.age_identity],
                expected_size=size,
                expected_sha256=digest.plain_sha256,
            )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert digest.plain_size == size == sink.total
    assert back.cipher_sha256 == digest.cipher_sha256
    assert digest.cipher_size == (tmp_path / "p.age").stat().st_size
    assert peak < 8 * 1024 * 1024
