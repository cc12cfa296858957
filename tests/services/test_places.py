"""Adding units in bulk from what an officer types, and refusing what cannot be meant."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sweep_fixtures import Place

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Building, Floor, Unit
from yeda_desktop.services import edits, places
from yeda_desktop.storage import Database


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("01–20", [f"{n:02d}" for n in range(1, 21)]),
        ("01-05", ["01", "02", "03", "04", "05"]),
        ("A01–A12", [f"A{n:02d}" for n in range(1, 13)]),
        ("a01~a03", ["A01", "A02", "A03"]),
        ("B1-101..B1-103", ["B1-101", "B1-102", "B1-103"]),
        ("B1-101", ["B1-101"]),
        ("3a01-3a03", ["3A01", "3A02", "3A03"]),  # floor 3A's rooms (was one unit 3A01-3A03)
        ("B1A1-B1A2", ["B1A1", "B1A2"]),
        ("3A-101", ["3A-101"]),
        ("101，103、105-107 101", ["101", "103", "105", "106", "107"]),
        ("１０１至１０３", ["101", "102", "103"]),
        ("8-12", ["8", "9", "10", "11", "12"]),
        ("商铺3, 3#、2/F", ["商铺3", "3#", "2/F"]),  # door signs as they are written
    ],
)
def test_ranges_expand_to_unit_labels(typed: str, expected: list[str]) -> None:
    assert places.parse_unit_labels(typed) == expected


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("", "请输入房间号"),
        ("   ", "请输入房间号"),
        ("20–01", "起点大于终点"),
        ("1..1000", "最多添加500个"),
        ("A01..B05", "不是同一前缀"),
        ("01–05–09", "无法识别"),
        ("X" * 21, "1至20个字符"),
        ("abc!!", "“ABC!!”只能由汉字、字母、数字"),  # not a door sign: refused, not stored
        ("101, A@1", "“A@1”只能由"),
    ],
)
def test_bad_ranges_are_refused_in_chinese(typed: str, reason: str) -> None:
    with pytest.raises(ValidationError) as err:
        places.parse_unit_labels(typed)
    assert reason in err.value.reason_zh


def _labels(db: Database, floor_id: str) -> list[str]:
    with db.reader() as s:
        return list(
            s.scalars(select(Unit.label).where(Unit.floor_id == floor_id).order_by(Unit.label))
        )


def test_add_units_skips_existing_and_undo_removes_only_new(db: Database, place: Place) -> None:
    with db.session() as s:
        edits.apply(s, places.add_units(s, place.floor_id, "301-303"))
    with db.session() as s:
        second = places.add_units(s, place.floor_id, "302–305")
        edits.apply(s, second)
    assert _labels(db, place.floor_id) == ["301", "302", "303", "304", "305"]
    with db.session() as s:
        edits.apply(s, second.inverse())
    assert _labels(db, place.floor_id) == ["301", "302", "303"]
    with db.session() as s, pytest.raises(ValidationError, match="已经存在"):
        places.add_units(s, place.floor_id, "301..303")


def test_add_building_creates_basements_and_floors(db: Database, place: Place) -> None:
    with db.session() as s:
        edit = places.add_building(
            s, place.cluster_id, "衡山路商务楼", floors_above=3, floors_below=2
        )
        edits.apply(s, edit)
        building_id = edit.created(Building)[0]
    with db.reader() as s:
        labels = list(
            s.scalars(
                select(Floor.label).where(Floor.building_id == building_id).order_by(Floor.level)
            )
        )
    assert labels == ["B2", "B1", "1", "2", "3"]


def test_add_floor_refuses_a_duplicate_and_an_unreadable_label(db: Database, place: Place) -> None:
    with db.session() as s:
        with pytest.raises(ValidationError, match="已存在"):
            places.add_floor(s, place.building_id, "3")
        with pytest.raises(ValidationError, match="无法识别"):
            places.add_floor(s, place.building_id, "天台")
        edits.apply(s, places.add_floor(s, place.building_id, "3a"))
    with db.reader() as s:
        assert s.scalar(select(Floor.level).where(Floor.label == "3A")) == 3
