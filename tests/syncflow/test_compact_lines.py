"""A record one laptop made and another edited: its first batch arriving last must still
tell the centre every field it set (`cn`, `"cn": "*"`), exactly as format 1's spelled-out
edits and format 2's named fields did."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from flow_helpers import Site, build_sites, edit_row, first_team, first_value, register_org
from older_formats import as_format
from sqlalchemy import text

from yeda_desktop.models import Organization, Unit
from yeda_desktop.storage import open_database
from yeda_desktop.sync import KeyStatus, TrustDecision, read_package
from yeda_desktop.syncflow.importer import import_file
from yeda_desktop.syncflow.installation import load_keys
from yeda_desktop.syncflow.lines import decode_lines


def _merged(centre: Site, before: Path, order: list[Path], folder: Path) -> dict[str, Any]:
    """The organizations and the whole change log of a copy of the centre after `order`."""
    folder.mkdir()
    target = folder / "yeda.sqlite"
    shutil.copyfile(before, target)
    db = open_database(target)
    try:
        keys = load_keys(centre.keys)
        for path in order:
            assert import_file(db, keys, path).status == "imported"
        with db.engine.connect() as conn:
            return {
                "orgs": sorted(map(tuple, conn.execute(text(
                    "SELECT id, name, staff_count, contact_phone, note FROM organizations")))),
                "log": sorted(map(tuple, conn.execute(text(
                    "SELECT table_name, record_id, op, field, old_value, new_value, at, "
                    "officer, device_id, package_id FROM change_log"))), key=repr),
            }
    finally:
        db.close()


def test_a_records_first_batch_arriving_last(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    centre, (maker, editor), stick = build_sites(tmp_path, 2, orgs=10)
    before = tmp_path / "centre-before.sqlite"
    shutil.copyfile(centre.db_path, before)
    made = register_org(maker, "甲队员", first_value(maker, Unit.id), name="烟台晚到测试有限公司",
                        staff_count=12, contact_phone="13900001234")
    maker.cli("export", str(stick / "maker-1.yeda"), officer="甲队员")
    centre.cli("import", str(stick / "maker-1.yeda"))
    centre.cli("baseline", str(stick / "base-2.yeda"), "--team", first_team(centre),
               "--device", editor.device_id())
    editor.cli("import", str(stick / "base-2.yeda"))
    edit_row(editor, "乙队员", Organization, made, staff_count=15, note="已回访")
    editor.cli("export", str(stick / "editor-1.yeda"), officer="乙队员")

    late = [stick / "editor-1.yeda", stick / "maker-1.yeda"]  # the maker's batch last
    today = _merged(centre, before, late, tmp_path / "today")
    assert _cn_of(stick / "maker-1.yeda", maker, centre, made) == "*"  # every field it holds
    for version in (1, 2):
        out = tmp_path / f"as-{version}"
        out.mkdir()
        old = [*as_format(version, [late[0]], editor.keys, centre.keys, out, monkeypatch),
               *as_format(version, [late[1]], maker.keys, centre.keys, out, monkeypatch)]
        assert today == _merged(centre, before, old, tmp_path / f"format-{version}"), version
    row = next(r for r in today["orgs"] if r[0] == made)
    assert row[1:] == ("烟台晚到测试有限公司", 15, "13900001234", "已回访")
    maker_said = {r[3] for r in today["log"] if r[1] == made and r[8] == maker.device_id()}
    assert {"name", "staff_count", "contact_phone"} <= maker_said  # what it set, it said


def _cn_of(path: Path, laptop: Site, centre: Site, record: str) -> object:
    """The `cn` of the record's line in a batch."""
    trusted = TrustDecision(KeyStatus.TRUSTED, load_keys(laptop.keys).public.signing)
    with read_package(path, lambda _m: trusted, load_keys(centre.keys)) as package:
        return next(line.get("cn") for line in decode_lines(package.iter_payload())
                    if line["id"] == record)
