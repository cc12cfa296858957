"""Hostile ZIP containers: path tricks, links, duplicates, bombs, caps."""

from __future__ import annotations

import resource
import stat
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from sync_helpers import Env, members_of, rezip

from yeda_desktop.sync import Problem, SyncError
from yeda_desktop.sync.archive import ArchiveLimits, SafeArchive, check_member_name
from yeda_desktop.sync.package import read_package


@pytest.mark.parametrize(
    "name",
    [
        "../payload.age",
        "a/../../etc/passwd",
        "/etc/passwd",
        "\\windows\\system32",
        "sub\\payload.age",
        "C:payload.age",
        "c:/payload.age",
        "payload.age\x00.txt",
        "a//b",
        "./payload.age",
        "tab\tname",
    ],
)
def test_unsafe_member_names(env: Env, name: str) -> None:
    path, _ = env.write()
    members = members_of(path)
    members[name] = b"x"
    rezip(path, members)
    env.refused(path, Problem.UNSAFE_NAME)
    with pytest.raises(SyncError):
        check_member_name(name)


def test_duplicate_names(env: Env) -> None:
    path, _ = env.write()
    members = members_of(path)
    with zipfile.ZipFile(path, "a") as zf, pytest.warns(UserWarning, match="Duplicate"):
        zf.writestr("payload.age", members["payload.age"])
    env.refused(path, Problem.DUPLICATE_NAME)


def test_case_colliding_names(env: Env) -> None:
    path, _ = env.write()
    members = members_of(path)
    members["Payload.AGE"] = b"other"
    rezip(path, members)
    error = env.refused(path, Problem.DUPLICATE_NAME)
    assert "case" in error.en


def test_symlink_member(env: Env) -> None:
    path, _ = env.write()
    members = members_of(path)
    rezip(path, members, modes={"payload.age": stat.S_IFLNK | 0o777})
    env.refused(path, Problem.LINK_MEMBER)


def test_directory_and_device_members(env: Env) -> None:
    path, _ = env.write()
    members = members_of(path)
    rezip(path, members, modes={"payload.age": stat.S_IFCHR | 0o644})
    env.refused(path, Problem.UNEXPECTED_MEMBER)
    rezip(path, members, modes={"payload.age": stat.S_IFDIR | 0o755})
    env.refused(path, Problem.UNEXPECTED_MEMBER)
    members["extra/"] = b""
    rezip(path, members)
    env.refused(path, Problem.UNSAFE_NAME, Problem.UNEXPECTED_MEMBER)


def test_deflated_members_are_read(env: Env) -> None:
    path, _ = env.write()
    rezip(path, members_of(path), compress=zipfile.ZIP_DEFLATED)
    assert env.read(path) == b'{"a":1}\n' * 10


def test_member_and_file_caps(env: Env) -> None:
    path, _ = env.write(payload=b"z" * 50_000)
    small = ArchiveLimits(default_member_size=10_000)
    with pytest.raises(SyncError) as caught:
        read_package(path, env.trusted, env.centre, limits=small)
    assert caught.value.problem is Problem.TOO_LARGE
    with pytest.raises(SyncError) as caught:
        read_package(path, env.trusted, env.centre, limits=ArchiveLimits(max_file_size=1000))
    assert caught.value.problem is Problem.TOO_LARGE
    with pytest.raises(SyncError) as caught:
        read_package(path, env.trusted, env.centre, limits=ArchiveLimits(max_total_size=1000))
    assert caught.value.problem is Problem.TOO_LARGE
    assert list(env.spool.iterdir()) == []


def test_manifest_cap_and_too_many_members(env: Env) -> None:
    path, _ = env.write()
    members = members_of(path)
    members["manifest.json"] = b" " * (1024 * 1024 + 1)
    rezip(path, members, compress=zipfile.ZIP_DEFLATED)
    env.refused(path, Problem.TOO_LARGE)
    many = {f"m{i}": b"" for i in range(40)}
    rezip(path, many)
    env.refused(path, Problem.UNEXPECTED_MEMBER)


GIB = 1024**3


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real ZIP bomb: 1 GiB of zeros, deflated to about 1 MiB, sizes declared honestly."""
    path = tmp_path_factory.mktemp("bomb") / "bomb.yeda"
    zero = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("manifest.json", b"{}")
        zf.writestr("manifest.json.minisig", b"sig")
        with zf.open("payload.age", "w") as out:
            for _ in range(1024):
                out.write(zero)
    return path


def _lie_about_size(src: Path, dst: Path, name: bytes, declared: int) -> None:
    """Rewrite the central directory so `name` claims to inflate to `declared` bytes."""
    raw = bytearray(src.read_bytes())
    pos = raw.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", raw, pos + 28)[0]
        if raw[pos + 46 : pos + 46 + name_len] == name:
            struct.pack_into("<I", raw, pos + 24, declared)
            break
        pos = raw.find(b"PK\x01\x02", pos + 4)
    else:
        raise AssertionError("member not found")
    dst.write_bytes(bytes(raw))


@pytest.mark.slow
def test_zip_bomb_declared_ratio(env: Env, bomb: Path) -> None:
    path = env.folder / "bomb.yeda"
    path.write_bytes(bomb.read_bytes())
    assert path.stat().st_size < 8 * 1024 * 1024
    tracemalloc.start()
    try:
        error = env.refused(path, Problem.COMPRESSION_RATIO)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "ZIP bomb" in error.en
    assert peak < 16 * 1024 * 1024


@pytest.mark.slow
def test_zip_bomb_lying_about_its_size_inflates_only_what_it_declares(env: Env, bomb: Path) -> None:
    path = env.folder / "liar.yeda"
    with zipfile.ZipFile(bomb) as zf:
        compressed = zf.getinfo("payload.age").compress_size
    declared = compressed * 50  # under 100:1, but the data really inflates to 1 GiB
    _lie_about_size(bomb, path, b"payload.age", declared)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    try:
        with SafeArchive(path, {"payload.age", "manifest.json", "manifest.json.minisig"}, ()) as a:
            assert a.size("payload.age") == declared
            with pytest.raises(SyncError) as caught:
                a.digest("payload.age")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.problem is Problem.ARCHIVE_DAMAGED  # CRC of the truncated inflation
    assert peak < 16 * 1024 * 1024
    rss_growth_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    assert rss_growth_kib < 64 * 1024


def test_zip64_end_record_without_saturated_fields(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past 2 GiB of members, zipfile adds a ZIP64 end record and locator although the
    classic end record still holds the real offset (a batch of 1M organizations, 3.4 GB):
    the directory then ends where the ZIP64 record starts, which is not damage."""
    payload = b'{"a":1}\n' * 5000
    path, _ = env.write("plain.yeda", payload=payload)
    with zipfile.ZipFile(path) as zf:
        largest = max(info.compress_size for info in zf.infolist())
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", largest + 1)  # members fit, the offset not
    big, _ = env.write("big.yeda", payload=payload)
    data = big.read_bytes()
    eocd = data.rfind(b"PK\x05\x06")
    assert data[eocd - 20 : eocd - 16] == b"PK\x06\x07"
    n_total, cd_size, cd_offset = struct.unpack("<HII", data[eocd + 10 : eocd + 20])
    assert n_total < 0xFFFF and cd_size < 0xFFFFFFFF and cd_offset < 0xFFFFFFFF
    assert env.read(big) == payload
