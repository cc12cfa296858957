"""Fuzzing the reader: mutated, truncated or random files may only raise SyncError."""

from __future__ import annotations

import tempfile
import uuid
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from yeda_desktop.sync import (
    KeySet,
    KeyStatus,
    Manifest,
    PackageFields,
    PackageKind,
    SyncError,
    TrustDecision,
    inspect_package,
    read_package,
    write_package,
)

_DEVICE = KeySet.generate()
_CENTRE = KeySet.generate()
_PAYLOAD = b'{"organization":"fuzz"}\n' * 4000  # two age chunks


@cache
def _valid_package() -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.yeda"
        write_package(
            path,
            PackageFields(
                PackageKind.BATCH,
                "laptop-01",
                "officer",
                "centre",
                1,
                None,
                "rev",
                package_id=uuid.UUID(int=1),
                created_at=datetime(2025, 6, 1, tzinfo=UTC),
            ),
            _PAYLOAD,
            _DEVICE,
            [_CENTRE.public.age_recipient],
        )
        return path.read_bytes()


def _lookup(_: Manifest) -> TrustDecision:
    return TrustDecision(KeyStatus.TRUSTED, _DEVICE.public.signing)


def _check(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yeda"
        path.write_bytes(data)
        try:
            with read_package(path, _lookup, _CENTRE) as package:
                assert package.read_payload() == _PAYLOAD  # only an intact file may pass
        except SyncError as error:
            assert error.zh and error.en
        report = inspect_package(path)
        assert report.intact or isinstance(report.problem, SyncError)
        assert [p.name for p in Path(folder).iterdir()] == ["fuzz.yeda"]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(_valid_package())
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["flip", "set", "truncate", "insert", "delete"]))
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        if action == "flip":
            data[pos] ^= 1 << draw(st.integers(0, 7))
        elif action == "set":
            data[pos] = draw(st.integers(0, 255))
        elif action == "truncate":
            del data[pos:]
        elif action == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[pos : pos + draw(st.integers(1, 16))]
    return bytes(data)


_FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FUZZ
@given(mutated())
def test_mutated_packages_raise_only_sync_error(data: bytes) -> None:
    _check(data)


@_FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes_raise_only_sync_error(data: bytes) -> None:
    _check(data)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.integers(0, 10))
def test_zip_shaped_garbage(tail: bytes, cut: int) -> None:
    valid = _valid_package()
    _check(valid[: len(valid) - 22 - cut] + tail)
    _check(b"PK\x03\x04" + tail + b"PK\x05\x06" + bytes(18))
