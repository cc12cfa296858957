"""A unit or floor removed on a laptop (扫楼 → 更正位置) is removed at the centre too,
unless the centre holds records that hang on it (another laptop's visit): then that
removal alone is refused, with the reason, and the rest of the batch is applied."""

from __future__ import annotations

from pathlib import Path

from flow_helpers import Site, build_sites
from sqlalchemy import func, select

from yeda_desktop.models import Building, Floor, Unit, Visit


def _a_floor(site: Site) -> tuple[str, str]:
    """(building, floor) of the laptop's baseline."""
    db = site.open()
    try:
        with db.reader() as s:
            row = s.execute(select(Building.name, Floor.label).join(Floor)
                            .order_by(Building.name, Floor.level).limit(1)).one()
            return str(row[0]), str(row[1])
    finally:
        db.close()


def _unit_id(site: Site, building: str, floor: str, unit: str) -> str:
    db = site.open()
    try:
        with db.reader() as s:
            return str(s.scalars(select(Unit.id).join(Floor).join(Building).where(
                Building.name == building, Floor.label == floor, Unit.label == unit)).one())
    finally:
        db.close()


def _units(site: Site, unit_id: str) -> int:
    db = site.open()
    try:
        with db.reader() as s:
            return int(s.scalar(select(func.count()).where(Unit.id == unit_id)) or 0)
    finally:
        db.close()


def test_a_removed_unit_goes_at_the_centre_unless_another_laptop_visited_it(
    tmp_path: Path,
) -> None:
    centre, (b,), stick = build_sites(tmp_path, 1)
    building, floor = _a_floor(b)
    b.cli("building", "units", building, floor, "90-92", officer="乙")
    b.cli("export", str(stick / "b1.yeda"), officer="乙")
    centre.cli("import", str(stick / "b1.yeda"))
    kept, gone = (_unit_id(b, building, floor, u) for u in ("90", "91"))
    # the administrator records a visit to 90 at the centre; the laptop, not knowing,
    # removes 90 and 91 as added by mistake, and adds a floor
    centre.cli("visit", building, floor, "90", "vacant", officer="管理员")
    for unit in ("90", "91"):
        b.cli("building", "remove-unit", building, floor, unit, officer="乙")
    b.cli("building", "floor", building, "99", officer="乙")
    b.cli("export", str(stick / "b2.yeda"), officer="乙")
    said = centre.cli("import", str(stick / "b2.yeda"))
    assert "房间“90” (" in said and "未删除：该房间在中心仍有走访记录" in said, said
    assert (_units(centre, kept), _units(centre, gone)) == (1, 0)
    db = centre.open()
    with db.reader() as s:  # the rest of the batch is in
        assert s.scalar(select(func.count()).select_from(Floor).join(Building).where(
            Building.name == building, Floor.label == "99")) == 1
        assert s.scalar(select(func.count()).where(Visit.unit_id == kept)) == 1
    db.close()
