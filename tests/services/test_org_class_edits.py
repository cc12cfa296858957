"""Choosing an organization's kind or ownership keeps the pair consistent, in one undoable
edit that the change log (and so the next batch) carries whole."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sweep_fixtures import Place

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import ChangeLog, Organization, Unit
from yeda_desktop.models.enums import OrgKind, Ownership
from yeda_desktop.services import edits, places, sweep
from yeda_desktop.storage import Database


def _registered(db: Database, place: Place, **fields: object) -> str:
    with db.session() as s:
        add = places.add_units(s, place.floor_id, "301")
        edits.apply(s, add)
        edit = sweep.register_organization(s, add.created(Unit)[0], "烟台市软件行业协会",
                                           place.campaign_id, **fields)
        edits.apply(s, edit)
    return edit.created(Organization)[0]


def _choose(db: Database, org_id: str, field: str, value: object) -> edits.Edit:
    """The pane's choice in a drop-down, saved; the edit it made."""
    with db.session() as s:
        edit = edits.set_field(s, Organization, org_id, field, value)
        assert edit is not None
        edits.apply(s, edit)
    return edit


def _pair(db: Database, org_id: str) -> tuple[OrgKind, Ownership]:
    with db.reader() as s:
        org = s.get_one(Organization, org_id)
        return org.kind, org.ownership


def test_choosing_social_brings_a_social_ownership_and_undo_restores_both(
    db: Database, place: Place
) -> None:
    org_id = _registered(db, place, ownership=Ownership.FOREIGN)
    edit = _choose(db, org_id, "kind", OrgKind.SOCIAL)
    assert _pair(db, org_id) == (OrgKind.SOCIAL, Ownership.ASSOCIATION)
    with db.reader() as s:
        logged = set(s.scalars(select(ChangeLog.field).where(ChangeLog.record_id == org_id,
                                                              ChangeLog.op == "update")))
    assert {"kind", "ownership"} <= logged
    with db.session() as s:
        edits.apply(s, edit.inverse())
    assert _pair(db, org_id) == (OrgKind.ENTERPRISE, Ownership.FOREIGN)


def test_choosing_an_ownership_brings_its_kind(db: Database, place: Place) -> None:
    org_id = _registered(db, place)
    with db.session() as s:
        edit = edits.set_field(s, Organization, org_id, "ownership", Ownership.FOUNDATION)
        assert edit is not None and len(edit.steps) == 2
        edits.apply(s, edit)
        same_kind = edits.set_field(s, Organization, org_id, "ownership",
                                    Ownership.PRIVATE_NON_ENTERPRISE)
        assert same_kind is not None and len(same_kind.steps) == 1  # the kind stays social
        edits.apply(s, same_kind)
    assert _pair(db, org_id) == (OrgKind.SOCIAL, Ownership.PRIVATE_NON_ENTERPRISE)


def test_registering_settles_the_pair_and_refuses_it_at_odds(db: Database, place: Place) -> None:
    org_id = _registered(db, place, kind=OrgKind.SOCIAL)
    assert _pair(db, org_id) == (OrgKind.SOCIAL, Ownership.ASSOCIATION)
    with db.session() as s:
        add = places.add_units(s, place.floor_id, "302")
        edits.apply(s, add)
        with pytest.raises(ValidationError) as caught:
            sweep.register_organization(s, add.created(Unit)[0], "烟台某某基金会",
                                        place.campaign_id, kind=OrgKind.ENTERPRISE,
                                        ownership=Ownership.FOUNDATION)
    assert caught.value.field == "ownership"
    with db.reader() as s:
        assert s.scalar(select(func.count()).select_from(Organization)) == 1


def test_choosing_what_a_record_at_odds_holds_corrects_the_other(
    db: Database, place: Place
) -> None:
    """A social organization an older version left 私营企业: choosing 私营企业 again (the
    pane shows it; `yeda org set --ownership private`) makes it an enterprise; then there
    is nothing more to do."""
    org_id = _registered(db, place)
    with db.session() as s:
        s.get_one(Organization, org_id).kind = OrgKind.SOCIAL  # as the older version did
    _choose(db, org_id, "ownership", Ownership.PRIVATE)
    assert _pair(db, org_id) == (OrgKind.ENTERPRISE, Ownership.PRIVATE)
    with db.session() as s:
        assert edits.set_field(s, Organization, org_id, "ownership", Ownership.PRIVATE) is None
