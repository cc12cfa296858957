"""Round trips and every refusal of the package reader (issue 5, "Bad input")."""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from pathlib import Path

import pytest
from sync_helpers import Env, members_of, resign, rezip

from yeda_desktop.sync import (
    KeyStatus,
    Manifest,
    MemberDigest,
    PackageKind,
    Problem,
    SyncError,
    TrustDecision,
    inspect_package,
    read_package,
)
from yeda_desktop.sync import minisign as ms
from yeda_desktop.sync.manifest import FORMAT_VERSION, canonical_json
from yeda_desktop.sync.payload_crypto import AGE_CHUNK, encrypt_payload


def test_round_trip_streams_chunks_and_file_objects(env: Env) -> None:
    chunks = [b"x" * 1000 for _ in range(300)]
    path, manifest = env.write(payload=iter(chunks))
    assert env.read(path) == b"".join(chunks)
    assert manifest.payload_size == 300_000
    path2, manifest2 = env.write("second.yeda", payload=io.BytesIO(b"abc" * 5))
    assert env.read(path2) == b"abc" * 5
    with read_package(path2, env.trusted, env.centre) as package:
        assert package.manifest == manifest2
        assert package.manifest_sha256 == manifest2.sha256
        assert package.signer_key_id == ms.key_id_hex(env.device.signer.key_id)
        assert b"".join(package.iter_payload(4)) == b"abc" * 5
    assert sorted(p.name for p in env.folder.iterdir()) == ["batch.yeda", "second.yeda"]


def test_chain_hash_and_refusal_to_overwrite(env: Env) -> None:
    _, first = env.write(sequence=1, previous_package_sha256=None)
    _, second = env.write("b2.yeda", sequence=2, previous_package_sha256=first.sha256)
    assert second.previous_package_sha256 == first.sha256
    with pytest.raises(Exception) as caught:
        env.write()
    assert getattr(caught.value, "problem", None) is Problem.WRITE_FAILED


def test_failed_write_leaves_no_file(env: Env) -> None:
    def broken() -> object:
        yield b"first chunk"
        raise OSError("USB stick pulled")

    with pytest.raises(SyncError) as caught:
        env.write(payload=broken())
    assert caught.value.problem is Problem.WRITE_FAILED
    assert "USB stick pulled" in caught.value.en
    assert list(env.folder.iterdir()) == []


def test_inspect_reports_without_key(env: Env) -> None:
    path, manifest = env.write()
    report = inspect_package(path)
    assert report.intact and report.manifest == manifest and not report.signature_checked
    assert report.trusted_comment == manifest.trusted_comment()
    checked = inspect_package(path, env.device.public.signing)
    assert checked.intact and checked.signature_checked
    members = members_of(path)
    members["payload.age"] = members["payload.age"][:-1] + bytes([members["payload.age"][-1] ^ 1])
    rezip(path, members)
    broken = inspect_package(path)
    assert not broken.intact and broken.problem is not None
    assert broken.problem.problem is Problem.MEMBER_HASH_MISMATCH
    assert inspect_package(env.folder / "missing.yeda").problem is not None


# ---- trust -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "problem"),
    [
        (KeyStatus.UNKNOWN, Problem.DEVICE_UNKNOWN),
        (KeyStatus.PENDING, Problem.DEVICE_PENDING),
        (KeyStatus.REVOKED, Problem.DEVICE_REVOKED),
    ],
)
def test_untrusted_device_states(env: Env, status: KeyStatus, problem: Problem) -> None:
    path, _ = env.write()
    key = None if status is KeyStatus.UNKNOWN else env.device.public.signing
    error = env.refused(path, problem, lookup=lambda m: TrustDecision(status, key))
    assert error.details["device_id"] == "laptop-07"


def test_pending_device_with_bad_signature_is_not_quarantined(env: Env) -> None:
    path, _ = env.write()
    env.refused(
        path,
        Problem.SIGNATURE_WRONG_KEY,
        lookup=lambda m: TrustDecision(KeyStatus.PENDING, env.other.public.signing),
    )


def test_valid_signature_by_another_key(env: Env) -> None:
    path, _ = env.write()
    env.refused(
        path,
        Problem.SIGNATURE_WRONG_KEY,
        lookup=lambda m: TrustDecision(KeyStatus.TRUSTED, env.other.public.signing),
    )
    # another key that claims the expected key id
    impostor = ms.MinisignPublicKey(env.device.signer.key_id, env.other.signer.key.public_key())
    env.refused(
        path,
        Problem.SIGNATURE_INVALID,
        lookup=lambda m: TrustDecision(KeyStatus.TRUSTED, impostor),
    )


def test_package_signed_by_other_device_key(env: Env) -> None:
    path, manifest = env.write()
    members = members_of(path)
    resign(members, members["manifest.json"], env.other, manifest.trusted_comment())
    rezip(path, members)
    env.refused(path, Problem.SIGNATURE_WRONG_KEY)


# ---- signature file ----------------------------------------------------------------------


def _sig_lines(path: Path) -> tuple[dict[str, bytes], list[bytes]]:
    members = members_of(path)
    return members, members["manifest.json.minisig"].split(b"\n")


def test_edited_trusted_comment(env: Env) -> None:
    path, _ = env.write()
    members, lines = _sig_lines(path)
    lines[2] = lines[2].replace(b"seq=3", b"seq=4")
    members["manifest.json.minisig"] = b"\n".join(lines)
    rezip(path, members)
    env.refused(path, Problem.TRUSTED_COMMENT_INVALID)


def test_trusted_comment_not_matching_manifest(env: Env) -> None:
    path, manifest = env.write()
    members = members_of(path)
    for comment in (
        manifest.trusted_comment().replace("seq=3", "seq=9"),
        manifest.trusted_comment().replace("laptop-07", "laptop-08"),
        "timestamp:1700000000\tfile:manifest.json\thashed",
    ):
        resign(members, members["manifest.json"], env.device, comment)
        rezip(path, members)
        env.refused(path, Problem.COMMENT_MISMATCH)


@pytest.mark.parametrize(
    "mangle",
    [
        lambda s: b"",
        lambda s: b"\n".join(s.split(b"\n")[:2]),
        lambda s: s.replace(b"trusted comment: ", b"trusted-comment: "),
        lambda s: s.replace(b"untrusted comment: ", b""),
        lambda s: b"\n".join(
            [line if i != 1 else line[:-8] for i, line in enumerate(s.split(b"\n"))]
        ),
        lambda s: b"\n".join(
            [line if i != 3 else b"!!notbase64!!" for i, line in enumerate(s.split(b"\n"))]
        ),
        lambda s: s + b"extra line\n",
        lambda s: b"\xff\xfe" + s,
        lambda s: s.replace(b"\n", b"\x00", 1),
    ],
    ids=[
        "empty",
        "two-lines",
        "no-trusted",
        "no-untrusted",
        "short-sig",
        "bad-b64",
        "extra-line",
        "not-utf8",
        "nul",
    ],
)
def test_malformed_minisig(env: Env, mangle: object) -> None:
    path, _ = env.write()
    members = members_of(path)
    members["manifest.json.minisig"] = mangle(members["manifest.json.minisig"])  # type: ignore[operator]
    rezip(path, members)
    env.refused(path, Problem.SIGNATURE_MALFORMED)


def test_legacy_signature_made_in_python(env: Env) -> None:
    path, manifest = env.write()
    members = members_of(path)
    data = members["manifest.json"]
    key = env.device.signer
    sig = key.key.sign(data)  # legacy: the whole file, not its BLAKE2b hash
    comment = manifest.trusted_comment()
    legacy = ms.MinisignSignature(
        ms.ALG_LEGACY,
        key.key_id,
        sig,
        "legacy",
        comment,
        key.key.sign(sig + comment.encode()),
    )
    members["manifest.json.minisig"] = legacy.to_bytes()
    rezip(path, members)
    error = env.refused(path, Problem.SIGNATURE_LEGACY)
    assert "prehashed" in error.en


# ---- one flipped byte in any member ------------------------------------------------------


@pytest.mark.parametrize("member", ["manifest.json", "manifest.json.minisig", "payload.age"])
@pytest.mark.parametrize("where", [0.1, 0.5, 0.97])
def test_flipped_byte_with_fixed_zip_crc(env: Env, member: str, where: float) -> None:
    path, _ = env.write()
    members = members_of(path)
    data = bytearray(members[member])
    # the untrusted comment (first line of the .minisig) is unsigned by design: skip it
    skip = data.index(b"\n") + 1 if member.endswith(".minisig") else 0
    data[skip + int((len(data) - skip) * where)] ^= 0x04
    members[member] = bytes(data)
    rezip(path, members)
    expected = {
        "manifest.json": (Problem.SIGNATURE_INVALID, Problem.MANIFEST_MALFORMED),
        "manifest.json.minisig": (
            Problem.SIGNATURE_MALFORMED,
            Problem.SIGNATURE_INVALID,
            Problem.SIGNATURE_WRONG_KEY,
            Problem.TRUSTED_COMMENT_INVALID,
        ),
        "payload.age": (Problem.MEMBER_HASH_MISMATCH,),
    }[member]
    env.refused(path, *expected)


def test_flipped_manifest_value_is_a_signature_failure(env: Env) -> None:
    path, _ = env.write()
    members = members_of(path)
    members["manifest.json"] = members["manifest.json"].replace(b'"rev-0001"', b'"rev-0002"')
    rezip(path, members)
    env.refused(path, Problem.SIGNATURE_INVALID)


@pytest.mark.parametrize("member", ["manifest.json", "manifest.json.minisig", "payload.age"])
def test_flipped_byte_in_raw_file(env: Env, member: str) -> None:
    path, _ = env.write()
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(member)
    raw = bytearray(path.read_bytes())
    name_len, extra_len = (
        int.from_bytes(raw[info.header_offset + 26 : info.header_offset + 28], "little"),
        int.from_bytes(raw[info.header_offset + 28 : info.header_offset + 30], "little"),
    )
    start = info.header_offset + 30 + name_len + extra_len
    raw[start + info.compress_size // 2] ^= 0x01
    path.write_bytes(bytes(raw))
    env.refused(path, Problem.ARCHIVE_DAMAGED)


# ---- manifest and archive disagreeing ----------------------------------------------------


def _resigned(env: Env, path: Path, change: dict[str, object]) -> None:
    members = members_of(path)
    manifest = Manifest.from_json(members["manifest.json"])
    changed = dataclasses.replace(manifest, **change)  # type: ignore[arg-type]
    resign(members, changed.to_json(), env.device, changed.trusted_comment())
    rezip(path, members)


def test_manifest_lists_a_member_the_archive_lacks(env: Env) -> None:
    path, manifest = env.write()
    extra = MemberDigest("photos.bin", 10, "0" * 64)
    _resigned(env, path, {"members": (*manifest.members, extra)})
    env.refused(path, Problem.MISSING_MEMBER)


def test_manifest_omits_the_payload(env: Env) -> None:
    path, _ = env.write()
    _resigned(env, path, {"members": ()})
    env.refused(path, Problem.UNEXPECTED_MEMBER)


def test_archive_has_an_extra_member(env: Env) -> None:
    path, _ = env.write()
    members = members_of(path)
    members["notes.txt"] = b"hello"
    rezip(path, members)
    env.refused(path, Problem.UNEXPECTED_MEMBER)


@pytest.mark.parametrize("missing", ["manifest.json", "manifest.json.minisig", "payload.age"])
def test_archive_lacks_a_member(env: Env, missing: str) -> None:
    path, _ = env.write()
    members = members_of(path)
    del members[missing]
    rezip(path, members)
    env.refused(path, Problem.MISSING_MEMBER)


def test_swapped_payload_from_another_package(env: Env) -> None:
    path, _ = env.write(payload=b"A" * 500)
    other, _ = env.write("other.yeda", payload=b"B" * 500)
    members = members_of(path)
    members["payload.age"] = members_of(other)["payload.age"]
    rezip(path, members)
    env.refused(path, Problem.MEMBER_SIZE_MISMATCH, Problem.MEMBER_HASH_MISMATCH)


def test_swapped_manifest_from_another_package(env: Env) -> None:
    path, _ = env.write(payload=b"A" * 500)
    other, _ = env.write("other.yeda", payload=b"B" * 500, sequence=4)
    members = members_of(path)
    theirs = members_of(other)
    members["manifest.json"] = theirs["manifest.json"]
    members["manifest.json.minisig"] = theirs["manifest.json.minisig"]
    rezip(path, members)
    env.refused(path, Problem.MEMBER_SIZE_MISMATCH, Problem.MEMBER_HASH_MISMATCH)


def test_untrusted_comment_is_not_signed(env: Env) -> None:
    path, _ = env.write()
    members = members_of(path)
    members["manifest.json.minisig"] = members["manifest.json.minisig"].replace(
        b"untrusted comment: YEDA", b"untrusted comment: edited"
    )
    rezip(path, members)
    assert env.read(path) == b'{"a":1}\n' * 10


def test_wrong_member_size_and_hash(env: Env) -> None:
    path, manifest = env.write()
    member = manifest.members[0]
    _resigned(env, path, {"members": (dataclasses.replace(member, size=member.size + 1),)})
    env.refused(path, Problem.MEMBER_SIZE_MISMATCH)
    path2, manifest2 = env.write("b.yeda")
    member2 = manifest2.members[0]
    _resigned(env, path2, {"members": (dataclasses.replace(member2, sha256="f" * 64),)})
    env.refused(path2, Problem.MEMBER_HASH_MISMATCH)


def test_wrong_decrypted_payload_size_and_hash(env: Env) -> None:
    path, manifest = env.write()
    _resigned(env, path, {"payload_size": manifest.payload_size + 1})
    env.refused(path, Problem.PAYLOAD_SIZE_MISMATCH)
    path2, manifest2 = env.write("b.yeda")
    _resigned(env, path2, {"payload_size": manifest2.payload_size - 1})
    env.refused(path2, Problem.PAYLOAD_SIZE_MISMATCH)
    path3, _ = env.write("c.yeda")
    _resigned(env, path3, {"payload_sha256": "e" * 64})
    env.refused(path3, Problem.PAYLOAD_HASH_MISMATCH)


def test_package_from_a_newer_app_version(env: Env) -> None:
    path, manifest = env.write()
    members = members_of(path)
    raw = json.loads(members["manifest.json"])
    raw["format_version"] = FORMAT_VERSION + 1
    raw["new_field"] = "something a future version adds"
    resign(members, canonical_json(raw), env.device, manifest.trusted_comment())
    rezip(path, members)
    error = env.refused(path, Problem.FORMAT_TOO_NEW)
    assert "newer version" in error.en and "升级" in error.zh


def test_only_batches_are_written_in_the_newest_format(env: Env) -> None:
    """Format 3 changed batch lines only: a centre's profile, baseline or receipt is
    still format 2, which the app of before reads (it refuses any newer format)."""
    _, batch = env.write(kind=PackageKind.BATCH)
    assert batch.format_version == FORMAT_VERSION == 3
    assert batch.trusted_comment().startswith("yeda-package v3 kind=batch")
    for n, kind in enumerate((PackageKind.CENTRE_PROFILE, PackageKind.BASELINE,
                              PackageKind.RECEIPT, PackageKind.ENROLMENT)):
        path, manifest = env.write(f"other-{n}.yeda", kind=kind)
        assert manifest.format_version == 2, kind
        with read_package(path, env.trusted, env.centre) as package:
            assert package.manifest.format_version == 2


# ---- damaged age payload inside a correctly signed package -------------------------------


def _with_payload(env: Env, path: Path, cipher: bytes) -> None:
    import hashlib

    members = members_of(path)
    manifest = Manifest.from_json(members["manifest.json"])
    digest = MemberDigest("payload.age", len(cipher), hashlib.sha256(cipher).hexdigest())
    changed = dataclasses.replace(manifest, members=(digest,))
    members["payload.age"] = cipher
    resign(members, changed.to_json(), env.device, changed.trusted_comment())
    rezip(path, members)


def _header_end(cipher: bytes) -> int:
    return cipher.index(b"\n", cipher.index(b"\n--- ") + 1) + 1


@pytest.mark.parametrize(
    "damage", ["mid-chunk", "chunk-boundary", "junk", "header", "header-mac", "body"]
)
def test_damaged_age_payload(env: Env, damage: str) -> None:
    plain = bytes(range(256)) * (3 * AGE_CHUNK // 256 + 10)  # a bit over three chunks
    path, _ = env.write(payload=plain)
    cipher = members_of(path)["payload.age"]
    body = _header_end(cipher) + 16
    if damage == "mid-chunk":
        bad, problem, word = (
            cipher[: body + AGE_CHUNK + 16 + 1000],
            Problem.PAYLOAD_DAMAGED,
            "truncated",
        )
    elif damage == "chunk-boundary":
        bad, problem, word = (
            cipher[: body + 2 * (AGE_CHUNK + 16)],
            Problem.PAYLOAD_DAMAGED,
            "truncated",
        )
    elif damage == "junk":
        bad, problem, word = cipher + b"junk" * 10, Problem.PAYLOAD_DAMAGED, "extra"
    elif damage == "header":
        bad = bytearray(cipher)
        bad[5] ^= 0x01  # the version line
        bad, problem, word = bytes(bad), Problem.PAYLOAD_HEADER, "header"
    elif damage == "header-mac":
        bad = bytearray(cipher)
        bad[_header_end(cipher) - 5] ^= 0x01
        bad, problem, word = bytes(bad), Problem.PAYLOAD_HEADER, "header"
    else:
        bad = bytearray(cipher)
        bad[body + 5] ^= 0x01
        bad, problem, word = bytes(bad), Problem.PAYLOAD_DAMAGED, "damaged"
    _with_payload(env, path, bad)
    error = env.refused(path, problem)
    assert word in error.en


def test_payload_for_another_recipient(env: Env) -> None:
    path, _ = env.write()
    sink = io.BytesIO()
    encrypt_payload(b"secret", sink, [env.other.public.age_recipient])
    _with_payload(env, path, sink.getvalue())
    env.refused(path, Problem.PAYLOAD_NOT_FOR_US)


# ---- container-level input ---------------------------------------------------------------


def test_zero_byte_truncated_and_non_zip(env: Env) -> None:
    path, _ = env.write()
    data = path.read_bytes()
    for cut in (len(data) - 1, len(data) - 30, len(data) // 2, 100, 4):
        path.write_bytes(data[:cut])
        env.refused(path, Problem.NOT_AN_ARCHIVE, Problem.ARCHIVE_DAMAGED)
    path.write_bytes(b"")
    env.refused(path, Problem.EMPTY_FILE)
    path.write_bytes(b"this is a text file, not a package\n" * 20)
    env.refused(path, Problem.NOT_AN_ARCHIVE)
    path.write_bytes(data + b"appended")
    env.refused(path, Problem.ARCHIVE_DAMAGED)
    path.write_bytes(b"prefix" + data)
    env.refused(path, Problem.ARCHIVE_DAMAGED)
