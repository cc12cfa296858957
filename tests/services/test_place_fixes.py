"""Places typed wrong are corrected: renamed, or removed when nothing hangs on them (no
organization, no recorded visit, no units on a floor); undo brings them back."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sweep_fixtures import Place

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Building, Floor, Unit
from yeda_desktop.models.enums import VisitOutcome
from yeda_desktop.services import edits, place_fixes, places, sweep
from yeda_desktop.storage import Database


def _units(db: Database, place: Place, text: str) -> dict[str, str]:
    with db.session() as s:
        edit = places.add_units(s, place.floor_id, text)
        edits.apply(s, edit)
        return {s.get_one(Unit, u).label: u for u in edit.created(Unit)}


def _labels(db: Database, place: Place) -> list[str]:
    with db.reader() as s:
        return sorted(s.scalars(select(Unit.label).where(Unit.floor_id == place.floor_id)))


def test_a_unit_typed_wrong_is_renamed_or_removed_and_undone(db: Database, place: Place) -> None:
    units = _units(db, place, "301-303, 3O4")  # the letter O for a zero
    with db.session() as s:
        with pytest.raises(ValidationError, match="本层已有301"):
            place_fixes.rename_unit(s, units["3O4"], "301")
        assert place_fixes.rename_unit(s, units["3O4"], " 3o4 ") is None  # as it is
        edits.apply(s, place_fixes.rename_unit(s, units["3O4"], "304"))  # type: ignore[arg-type]
        removal = place_fixes.remove_unit(s, units["303"])
        edits.apply(s, removal)
    assert _labels(db, place) == ["301", "302", "304"]
    with db.session() as s:
        edits.apply(s, removal.inverse())  # undo: back, with its id
    with db.reader() as s:
        assert s.get_one(Unit, units["303"]).label == "303"


def test_a_unit_with_an_organization_or_a_visit_stays(db: Database, place: Place) -> None:
    units = _units(db, place, "301-302")
    with db.session() as s:
        edits.apply(s, sweep.register_organization(s, units["301"], "荣昌生物医药有限公司",
                                                   place.campaign_id))
        edits.apply(s, sweep.record_visit(s, units["302"], place.campaign_id,
                                          VisitOutcome.VACANT))
    with db.session() as s:
        with pytest.raises(ValidationError,
                           match="301登记有单位“荣昌生物医药有限公司”，请先将其移出"):
            place_fixes.remove_unit(s, units["301"])
        with pytest.raises(ValidationError, match="302已有1条走访记录，不能删除"):
            place_fixes.remove_unit(s, units["302"])
    assert _labels(db, place) == ["301", "302"]


def test_a_floor_is_relabelled_in_order_and_removed_only_empty(
    db: Database, place: Place
) -> None:
    with db.session() as s:
        add = places.add_floor(s, place.building_id, "4")
        edits.apply(s, add)
        fourth = add.created(Floor)[0]
        with pytest.raises(ValidationError, match="3层已存在"):
            place_fixes.rename_floor(s, fourth, "3")
        edits.apply(s, place_fixes.rename_floor(s, fourth, "3a"))  # type: ignore[arg-type]
    with db.reader() as s:
        floor = s.get_one(Floor, fourth)
        assert (floor.label, floor.level) == ("3A", 3)  # between 3 and 4 now (was 4)
    _units(db, place, "301")
    with db.session() as s:
        with pytest.raises(ValidationError, match="3层有1个房间，请先删除房间"):
            place_fixes.remove_floor(s, place.floor_id)
        edits.apply(s, place_fixes.remove_floor(s, fourth))
    with db.reader() as s:
        assert s.scalars(select(Floor.label).where(
            Floor.building_id == place.building_id)).all() == ["3"]


def test_a_building_is_renamed_unless_its_cluster_has_that_name(
    db: Database, place: Place
) -> None:
    with db.session() as s:
        edits.apply(s, places.add_building(s, place.cluster_id, "创业大厦B座", 2))
        for name, reason in (("  ", "不能为空"), ("创业大厦B座", "本集聚区已有“创业大厦B座”"),
                             ("楼" * 101, "不能超过100个字")):
            with pytest.raises(ValidationError, match=reason):
                place_fixes.rename_building(s, place.building_id, name)
        edits.apply(s, place_fixes.rename_building(  # type: ignore[arg-type]
            s, place.building_id, "创业大厦A座"))
    with db.reader() as s:
        assert s.get_one(Building, place.building_id).name == "创业大厦A座"
