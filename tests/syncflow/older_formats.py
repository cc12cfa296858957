"""Batches written again as older versions of the app spelled them, to check that those
still merge exactly as today's lines: format 1 (before syncflow.batch_lines) and format 2
(`cn` always a list of names, before `"cn": "*"`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from yeda_desktop.sync import KeyStatus, PackageFields, TrustDecision, read_package
from yeda_desktop.sync import package as package_module
from yeda_desktop.sync.package import write_package
from yeda_desktop.syncflow.batch_lines import changes_of
from yeda_desktop.syncflow.installation import load_keys
from yeda_desktop.syncflow.lines import decode_lines, encode_lines
from yeda_desktop.syncflow.records import columns, logged_columns

Line = dict[str, Any]


def format_1_line(line: Line) -> Line:
    """A line as format 1 spelled it: every column in `v`, every edit in `c`, no `cn`."""
    if line["op"] != "put":
        return line
    old = {key: value for key, value in line.items() if key != "cn"}
    old["v"] = {name: line["v"].get(name) for name in columns(line["t"])} | {"id": line["id"]}
    old["c"] = changes_of(line)
    old["by"] = line.get("by")
    return old


def format_2_line(line: Line) -> Line:
    """A line as format 2 spelled it: `cn` names the fields that `"*"` stands for."""
    if line.get("cn") != "*":
        return line
    logged = set(logged_columns(line["t"]))
    return {**line, "cn": [name for name in line["v"] if name in logged]}


SPELLED: dict[int, Callable[[Line], Line]] = {1: format_1_line, 2: format_2_line}


def as_format(version: int, lane: list[Path], laptop_keys: Path, centre_keys: Path, out: Path,
              monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """One laptop's batches (in its order) written again as format `version` into `out`,
    with the same package ids, chained anew and signed by the laptop."""
    signer, reader = load_keys(laptop_keys), load_keys(centre_keys)
    trusted = TrustDecision(KeyStatus.TRUSTED, signer.public.signing)
    written: list[Path] = []
    previous = None
    with monkeypatch.context() as patch:
        patch.setattr(package_module, "written_format", lambda _kind: version)
        for path in lane:
            with read_package(path, lambda _m: trusted, reader) as package:
                m = package.manifest
                lines = [SPELLED[version](line) for line in decode_lines(package.iter_payload())]
            fields = PackageFields(
                kind=m.kind, source_device_id=m.source_device_id, officer=m.officer,
                target_centre_id=m.target_centre_id, sequence=m.sequence,
                previous_package_sha256=previous, schema_revision=m.schema_revision,
                record_counts=m.record_counts, extra=m.extra, package_id=m.package_id,
                created_at=m.created_at)
            target = out / path.name
            manifest = write_package(target, fields, encode_lines(lines), signer,
                                     [reader.public.age_recipient])
            assert manifest.format_version == version
            previous = manifest.sha256
            written.append(target)
    return written
