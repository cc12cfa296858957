"""Both directions with the standard tools: minisign and age verify/decrypt what we write,
and we accept what minisign signs."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from sync_helpers import Env, members_of, needs_age, needs_minisign, rezip

from yeda_desktop.sync import KeyStatus, Manifest, Problem, TrustDecision
from yeda_desktop.sync.keys import age_key_file_text
from yeda_desktop.sync.minisign import MinisignPublicKey, MinisignSecretKey


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, timeout=30, check=False
    )


def _extract(path: Path, into: Path) -> dict[str, bytes]:
    members = members_of(path)
    into.mkdir(exist_ok=True)
    for name, data in members.items():
        (into / name).write_bytes(data)
    return members


@needs_minisign
def test_minisign_tool_verifies_our_manifest(env: Env, tmp_path: Path) -> None:
    path, manifest = env.write()
    out = tmp_path / "x"
    _extract(path, out)
    (out / "device.pub").write_text(env.device.public.minisign_text())
    done = _run("minisign", "-V", "-p", "device.pub", "-m", "manifest.json", cwd=out)
    assert done.returncode == 0, done.stderr
    assert manifest.trusted_comment().encode() in done.stdout
    (out / "manifest.json").write_bytes((out / "manifest.json").read_bytes() + b" ")
    bad = _run("minisign", "-V", "-p", "device.pub", "-m", "manifest.json", cwd=out)
    assert bad.returncode != 0


@needs_age
def test_age_tool_decrypts_our_payload(env: Env, tmp_path: Path) -> None:
    payload = "测试数据\n".encode() * 30000  # several age chunks
    path, manifest = env.write(payload=payload)
    out = tmp_path / "x"
    members = _extract(path, out)
    assert hashlib.sha256(members["payload.age"]).hexdigest() == manifest.members[0].sha256
    sha = _run("sha256sum", "payload.age", cwd=out)
    assert sha.stdout.split()[0].decode() == manifest.members[0].sha256
    (out / "centre.key").write_text(age_key_file_text(env.centre.age_identity))
    done = _run("age", "-d", "-i", "centre.key", "payload.age", cwd=out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == payload


@needs_age
def test_age_tool_reads_saved_identity_file(env: Env, tmp_path: Path) -> None:
    path, _ = env.write(payload=b"hello centre")
    env.centre.save(tmp_path / "keys")
    out = tmp_path / "x"
    _extract(path, out)
    done = _run("age", "-d", "-i", tmp_path / "keys" / "age-identity.txt", "payload.age", cwd=out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"hello centre"


def _tool_keys(tmp_path: Path) -> tuple[Path, Path]:
    pub, key = tmp_path / "tool.pub", tmp_path / "tool.key"
    done = _run("minisign", "-G", "-W", "-p", pub, "-s", key, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return pub, key


@needs_minisign
def test_manifest_signed_by_minisign_tool_is_accepted(env: Env, tmp_path: Path) -> None:
    pub, key = _tool_keys(tmp_path)
    path, manifest = env.write()
    out = tmp_path / "x"
    members = _extract(path, out)
    done = _run(
        "minisign",
        "-S",
        "-s",
        key,
        "-m",
        "manifest.json",
        "-t",
        manifest.trusted_comment(),
        cwd=out,
    )
    assert done.returncode == 0, done.stderr
    members["manifest.json.minisig"] = (out / "manifest.json.minisig").read_bytes()
    rezip(path, members)
    tool_key = MinisignPublicKey.parse(pub.read_bytes())

    def lookup(_: Manifest) -> TrustDecision:
        return TrustDecision(KeyStatus.TRUSTED, tool_key)

    assert env.read(path, lookup) == b'{"a":1}\n' * 10
    # with the device's own key it is someone else's signature
    env.refused(path, Problem.SIGNATURE_WRONG_KEY)
    # the tool's default trusted comment does not bind package, device and sequence
    done = _run("minisign", "-S", "-s", key, "-m", "manifest.json", cwd=out)
    members["manifest.json.minisig"] = (out / "manifest.json.minisig").read_bytes()
    rezip(path, members)
    env.refused(path, Problem.COMMENT_MISMATCH, lookup=lookup)


@needs_minisign
def test_legacy_signature_from_minisign_tool_is_refused(env: Env, tmp_path: Path) -> None:
    pub, key = _tool_keys(tmp_path)
    path, manifest = env.write()
    out = tmp_path / "x"
    members = _extract(path, out)
    done = _run(
        "minisign",
        "-S",
        "-l",
        "-s",
        key,
        "-m",
        "manifest.json",
        "-t",
        manifest.trusted_comment(),
        cwd=out,
    )
    assert done.returncode == 0, done.stderr
    members["manifest.json.minisig"] = (out / "manifest.json.minisig").read_bytes()
    rezip(path, members)
    tool_key = MinisignPublicKey.parse(pub.read_bytes())
    error = env.refused(
        path, Problem.SIGNATURE_LEGACY, lookup=lambda m: TrustDecision(KeyStatus.TRUSTED, tool_key)
    )
    assert "prehashed" in error.en


@needs_minisign
def test_tool_secret_key_is_readable_and_ours_is_usable_by_the_tool(tmp_path: Path) -> None:
    pub, key = _tool_keys(tmp_path)
    parsed = MinisignSecretKey.parse(key.read_bytes())
    tool_pub = MinisignPublicKey.parse(pub.read_bytes())
    assert (parsed.key_id, parsed.public_key.raw) == (tool_pub.key_id, tool_pub.raw)
    # our unencrypted secret key file signs with the tool, and our .pub verifies with it
    ours = MinisignSecretKey(bytes(range(8)), parsed.key)
    (tmp_path / "ours.key").write_text(ours.to_text())
    (tmp_path / "ours.pub").write_text(ours.public_key.to_text())
    (tmp_path / "f.txt").write_bytes(b"data")
    signed = _run("minisign", "-S", "-s", "ours.key", "-m", "f.txt", "-t", "tc", cwd=tmp_path)
    assert signed.returncode == 0, signed.stderr
    checked = _run("minisign", "-V", "-p", "ours.pub", "-m", "f.txt", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
