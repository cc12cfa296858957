"""Shared builders for the sync format tests: keys, packages, and ZIP surgery."""

from __future__ import annotations

import shutil
import stat
import uuid
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from yeda_desktop.sync import (
    KeySet,
    KeyStatus,
    Manifest,
    PackageFields,
    PackageKind,
    Problem,
    SyncError,
    TrustDecision,
    read_package,
    write_package,
)
from yeda_desktop.sync import minisign as ms

needs_minisign = pytest.mark.skipif(
    shutil.which("minisign") is None,
    reason="the minisign command-line tool is not installed (CI installs Debian's minisign)",
)
needs_age = pytest.mark.skipif(
    shutil.which("age") is None,
    reason="the age command-line tool is not installed (CI installs Debian's age)",
)

_DEVICE = KeySet.generate()
_CENTRE = KeySet.generate()
_OTHER = KeySet.generate()


@dataclass
class Env:
    folder: Path
    spool: Path
    device: KeySet
    centre: KeySet
    other: KeySet

    def fields(self, **changes: object) -> PackageFields:
        values: dict[str, object] = {
            "kind": PackageKind.BATCH,
            "source_device_id": "laptop-07",
            "officer": "测试队员甲",
            "target_centre_id": "yeda-centre",
            "sequence": 3,
            "previous_package_sha256": "ab" * 32,
            "schema_revision": "rev-0001",
            "record_counts": {"organizations": 2, "members": 5},
            "package_id": uuid.UUID("11111111-2222-4333-8444-555555555555"),
            "created_at": datetime(2025, 6, 3, 9, 30, tzinfo=UTC),
        }
        values.update(changes)
        return PackageFields(**values)  # type: ignore[arg-type]

    def write(
        self, name: str = "batch.yeda", payload: object = b'{"a":1}\n' * 10, **changes: object
    ) -> tuple[Path, Manifest]:
        path = self.folder / name
        manifest = write_package(
            path,
            self.fields(**changes),
            payload,
            self.device,  # type: ignore[arg-type]
            [self.centre.public.age_recipient],
        )
        return path, manifest

    def trusted(self, _: Manifest) -> TrustDecision:
        return TrustDecision(KeyStatus.TRUSTED, self.device.public.signing)

    def read(self, path: Path, lookup: Callable[[Manifest], TrustDecision] | None = None) -> bytes:
        with read_package(
            path, lookup or self.trusted, self.centre, spool_dir=self.spool
        ) as package:
            return package.read_payload()

    def refused(
        self,
        path: Path,
        *problems: Problem,
        lookup: Callable[[Manifest], TrustDecision] | None = None,
    ) -> SyncError:
        """Reading must fail with one of problems and leave nothing behind."""
        before = sorted(p.name for p in self.folder.iterdir())
        with pytest.raises(SyncError) as caught:
            self.read(path, lookup)
        assert caught.value.problem in problems, (caught.value.problem, caught.value.en)
        assert caught.value.zh and caught.value.en
        assert sorted(p.name for p in self.folder.iterdir()) == before
        assert list(self.spool.iterdir()) == []
        return caught.value


@pytest.fixture
def env(tmp_path: Path) -> Env:
    folder = tmp_path / "stick"
    folder.mkdir()
    spool = tmp_path / "spool"
    spool.mkdir()
    return Env(folder, spool, _DEVICE, _CENTRE, _OTHER)


def members_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def rezip(
    path: Path,
    members: Mapping[str, bytes],
    *,
    modes: Mapping[str, int] | None = None,
    compress: int = zipfile.ZIP_STORED,
) -> Path:
    """Write a ZIP with exactly these members (names used verbatim, even hostile ones)."""
    path.unlink(missing_ok=True)
    with zipfile.ZipFile(path, "w", compression=compress) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo("placeholder", date_time=(1980, 1, 1, 0, 0, 0))
            info.filename = name  # bypass ZipInfo's NUL truncation to build hostile names
            info.compress_type = compress
            mode = (modes or {}).get(name, stat.S_IFREG | 0o644)
            info.external_attr = mode << 16
            zf.writestr(info, data)
    return path


def resign(members: dict[str, bytes], manifest_bytes: bytes, keys: KeySet, comment: str) -> None:
    """Replace the manifest and sign it properly (a device that produced a bad package)."""
    members["manifest.json"] = manifest_bytes
    members["manifest.json.minisig"] = ms.sign(manifest_bytes, keys.signer, comment)
