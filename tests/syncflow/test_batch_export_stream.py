"""The batch export reads the log table by table, record by record, in groups of `CHUNK`
records (bounded memory); the batch says the same as when it was folded whole: one line per
touched record in id order, deletions after the table's puts, each field's first old value."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from yeda_desktop.models import Instructor
from yeda_desktop.storage import Database, open_database
from yeda_desktop.sync import KeySet, KeyStatus, TrustDecision, read_package
from yeda_desktop.syncflow.batch_export import export_batch
from yeda_desktop.syncflow.installation import Role, set_role
from yeda_desktop.syncflow.lines import decode_lines
from yeda_desktop.syncflow.profile import export_profile, import_profile
from yeda_desktop.syncflow.records import CHUNK


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[tuple[Database, KeySet]]:
    centre = open_database(tmp_path / "centre.sqlite")
    with centre.session() as s:
        set_role(s, Role.CENTRE, "中心", "yeda-centre")
    export_profile(centre, KeySet.generate(), tmp_path / "profile.yeda")
    centre.close()
    db = open_database(tmp_path / "laptop.sqlite")
    with db.session() as s:
        set_role(s, Role.LAPTOP, "笔记本")
    import_profile(db, tmp_path / "profile.yeda")
    yield db, KeySet.generate()
    db.close()


def payload(path: Path, keys: KeySet) -> list[dict[str, Any]]:
    trusted = TrustDecision(KeyStatus.TRUSTED, keys.public.signing)
    with read_package(path, lambda _m: trusted, keys) as package:
        return list(decode_lines(package.iter_payload()))


def chinese(i: int) -> str:
    return "".join("零一二三四五六七八九"[int(d)] for d in f"{i:04d}")


def test_more_records_than_a_chunk(laptop: tuple[Database, KeySet], tmp_path: Path) -> None:
    db, keys = laptop
    count = 2 * CHUNK + 100
    with db.session(officer="队员") as session:
        session.add_all(Instructor(name="指导员" + chinese(i)) for i in range(count))
    first = export_batch(db, keys, tmp_path / "day1.yeda", officer="队员")
    assert first.records == {"instructors": count}
    lines = payload(tmp_path / "day1.yeda", keys)
    assert [line["id"] for line in lines] == sorted(line["id"] for line in lines)
    assert len({line["id"] for line in lines}) == count
    assert all(line["op"] == "put" and "n" in line for line in lines)

    with db.session(officer="队员") as session:
        people = sorted(session.scalars(select(Instructor)), key=lambda p: p.id)
        renamed, removed = people[: CHUNK + 50], people[CHUNK + 50 :]
        original = {p.id: p.name for p in renamed}
        for p in renamed:
            p.name = p.name + "甲"
    with db.session(officer="组长") as session:
        for p in session.scalars(select(Instructor).where(Instructor.id.in_(original))):
            p.name = p.name + "乙"  # a second edit: the first old value is kept
        for p in session.scalars(select(Instructor).where(
                Instructor.id.in_([p.id for p in removed]))):
            session.delete(p)
        newcomers = [Instructor(name="新人" + chinese(i)) for i in range(6)]
        session.add_all(newcomers)
        session.flush()
        session.delete(newcomers[0])  # inserted and deleted since the last export: no line
    second = export_batch(db, keys, tmp_path / "day2.yeda", officer="组长")
    assert second.manifest.record_counts == {"instructors": len(renamed) + len(removed) + 6}
    lines = payload(tmp_path / "day2.yeda", keys)
    puts = [line for line in lines if line["op"] == "put"]
    dels = [line for line in lines if line["op"] == "del"]
    assert lines == puts + dels  # a table's deletions after its puts
    assert second.records == {"instructors": len(puts) + len(dels)}
    assert [line["id"] for line in puts] == sorted(line["id"] for line in puts)
    assert [line["id"] for line in dels] == sorted(p.id for p in removed)
    assert len(puts) == len(renamed) + 5
    for line in puts:
        if line["id"] in original:
            assert line["v"]["name"] == original[line["id"]] + "甲乙"
            assert line["c"]["name"][1] == original[line["id"]]
            assert "n" not in line and line["by"] == "组长"
        else:
            assert line["v"]["name"].startswith("新人") and "n" in line
    assert newcomers[0].id not in {line["id"] for line in lines}


def test_new_records_travel_compactly(laptop: tuple[Database, KeySet], tmp_path: Path) -> None:
    """A new record's fields set when it was made are named in `cn`, not spelled out as
    [made, null] each; a field edited since is in `c`; empty values and the id are not
    repeated in `v` (format 2, syncflow.batch_lines). A record not edited since it was
    made says "every field it holds" (`"cn": "*"`, format 3)."""
    db, keys = laptop
    with db.session(officer="队员") as session:
        made = Instructor(name="王指导", phone="13900001111")
        untouched = Instructor(name="李指导", phone="13900003333")
        session.add_all([made, untouched])
    with db.session(officer="组长") as session:
        found = session.get(Instructor, made.id)
        assert found is not None
        found.phone = "13900002222"
    export_batch(db, keys, tmp_path / "day1.yeda", officer="组长")
    [line] = [x for x in payload(tmp_path / "day1.yeda", keys) if x["id"] == made.id]
    [other] = [x for x in payload(tmp_path / "day1.yeda", keys) if x["id"] == untouched.id]
    assert other["cn"] == "*" and "c" not in other
    assert other["v"]["name"] == "李指导" and other["v"]["phone"] == "13900003333"
    assert "id" not in line["v"]
    assert None not in line["v"].values()
    assert line["v"]["phone"] == "13900002222" and line["by"] == "组长"
    assert "name" in line["cn"] and "phone" not in line["cn"]
    assert list(line["c"]) == ["phone"] and line["c"]["phone"][0] != line["n"]
