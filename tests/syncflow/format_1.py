"""Batches written again as format 1 spelled them (before syncflow.batch_lines), to check
that what older versions of the app wrote still merges exactly as today's lines."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from yeda_desktop.sync import KeyStatus, Manifest, PackageFields, TrustDecision, read_package
from yeda_desktop.sync import package as package_module
from yeda_desktop.sync.package import write_package
from yeda_desktop.syncflow.batch_lines import changes_of
from yeda_desktop.syncflow.installation import load_keys
from yeda_desktop.syncflow.lines import decode_lines, encode_lines
from yeda_desktop.syncflow.records import columns


@dataclasses.dataclass(frozen=True)
class _Format1Manifest(Manifest):
    format_version: int = 1


def format_1_line(line: dict[str, Any]) -> dict[str, Any]:
    """A line as format 1 spelled it: every column in `v`, every edit in `c`, no `cn`."""
    if line["op"] != "put":
        return line
    old = {key: value for key, value in line.items() if key != "cn"}
    old["v"] = {name: line["v"].get(name) for name in columns(line["t"])} | {"id": line["id"]}
    old["c"] = changes_of(line)
    old["by"] = line.get("by")
    return old


def as_format_1(lane: list[Path], laptop_keys: Path, centre_keys: Path, out: Path,
                monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """One laptop's batches (in its order) written again as format 1 into `out`, with the
    same package ids, chained anew and signed by the laptop."""
    signer, reader = load_keys(laptop_keys), load_keys(centre_keys)
    trusted = TrustDecision(KeyStatus.TRUSTED, signer.public.signing)
    written: list[Path] = []
    previous = None
    with monkeypatch.context() as patch:
        patch.setattr(package_module, "Manifest", _Format1Manifest)
        for path in lane:
            with read_package(path, lambda _m: trusted, reader) as package:
                m = package.manifest
                lines = [format_1_line(line) for line in decode_lines(package.iter_payload())]
            fields = PackageFields(
                kind=m.kind, source_device_id=m.source_device_id, officer=m.officer,
                target_centre_id=m.target_centre_id, sequence=m.sequence,
                previous_package_sha256=previous, schema_revision=m.schema_revision,
                record_counts=m.record_counts, extra=m.extra, package_id=m.package_id,
                created_at=m.created_at)
            target = out / path.name
            manifest = write_package(target, fields, encode_lines(lines), signer,
                                     [reader.public.age_recipient])
            assert manifest.format_version == 1
            previous = manifest.sha256
            written.append(target)
    return written
