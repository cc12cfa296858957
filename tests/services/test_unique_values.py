"""A USCC another organization holds is refused with a sentence naming it, whether typed
(set_field) or put back by an undo (apply), on both engines; never the database's
IntegrityError, and nothing is written."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sweep_fixtures import USCC_A, USCC_B, Place

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Organization, Unit
from yeda_desktop.services import edits, places, sweep
from yeda_desktop.storage import Database

HELD = "统一社会信用代码：已被单位“荣昌生物医药有限公司”使用"


def _two(db: Database, place: Place) -> tuple[str, str]:
    with db.session(officer="测试") as s:
        add = places.add_units(s, place.floor_id, "301-302")
        edits.apply(s, add)
        ids = []
        names = ("荣昌生物医药有限公司", "烟台小微设计有限公司")
        for unit, name, code in zip(add.created(Unit), names, (USCC_A, None), strict=True):
            edit = sweep.register_organization(s, unit, name, place.campaign_id, uscc=code)
            edits.apply(s, edit)
            ids.append(edit.created(Organization)[0])
    return ids[0], ids[1]


def _codes(db: Database) -> dict[str, str | None]:
    with db.reader() as s:
        return {name: code for name, code in s.execute(select(Organization.name,
                                                              Organization.uscc))}


def test_a_code_typed_for_a_second_organization_names_the_first(
    db: Database, place: Place
) -> None:
    holder, other = _two(db, place)
    with db.session() as s:
        with pytest.raises(ValidationError) as refused:
            edits.set_field(s, Organization, other, "uscc", USCC_A.lower())
        assert str(refused.value.message("zh")).startswith(HELD)
        assert refused.value.field == "uscc"
        # its own code again, or a free one, is no refusal
        assert edits.set_field(s, Organization, holder, "uscc", USCC_A) is None
        assert edits.set_field(s, Organization, other, "uscc", USCC_B) is not None
    assert _codes(db)["烟台小微设计有限公司"] is None


def test_an_undo_that_would_put_back_a_code_now_taken_is_refused_whole(
    db: Database, place: Place
) -> None:
    """The officer clears the first one's code, types it for the second, then undoes the
    clearing: the code would be twice."""
    holder, other = _two(db, place)
    with db.session() as s:
        cleared = edits.set_field(s, Organization, holder, "uscc", None)
        assert cleared is not None
        edits.apply(s, cleared)
    with db.session() as s:
        moved = edits.set_field(s, Organization, other, "uscc", USCC_A)
        assert moved is not None
        edits.apply(s, moved)
    with pytest.raises(ValidationError, match="已被单位“烟台小微设计有限公司”使用"), \
            db.session() as s:
        edits.apply(s, cleared.inverse())
    assert _codes(db) == {"荣昌生物医药有限公司": None, "烟台小微设计有限公司": USCC_A}
