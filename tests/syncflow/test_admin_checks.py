"""Checks of the centre's administration services (the GUI calls the same functions)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from flow_helpers import Site, build_sites, edit_row, first_team
from sqlalchemy import select

from yeda_desktop.errors import YedaError
from yeda_desktop.models import ChangeLog, Device, Organization
from yeda_desktop.models.sync import SyncConflict
from yeda_desktop.syncflow import duplicates, enrolment
from yeda_desktop.syncflow.audit_trail import find_record
from yeda_desktop.syncflow.baseline import export_baseline
from yeda_desktop.syncflow.conflicts import chosen_value, resolve
from yeda_desktop.syncflow.importer import import_file
from yeda_desktop.syncflow.installation import load_keys, load_or_create_keys, one_match
from yeda_desktop.syncflow.profile import export_profile
from yeda_desktop.syncflow.receipts import write_receipt

Sites = tuple[Site, list[Site], Path]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    yield build_sites(tmp_path_factory.mktemp("admin"), 2, orgs=30)


def _ship(centre: Site, laptop: Site, stick: Path, *extra: str) -> str:
    out = stick / f"{laptop.name}-{len(list(stick.iterdir()))}.yeda"
    laptop.cli("export", *extra, str(out))
    return centre.cli("import", str(out))


def _conflict(sites: Sites, field: str, a_value: object, b_value: object) -> SyncConflict:
    centre, (a, b), stick = sites
    db = a.open()
    with db.reader() as session:
        org_id = session.scalars(select(Organization.id).order_by(Organization.id)).first()
    db.close()
    assert org_id
    edit_row(a, "甲", Organization, org_id, **{field: a_value})
    edit_row(b, "乙", Organization, org_id, **{field: b_value})
    _ship(centre, a, stick)
    _ship(centre, b, stick)
    db = centre.open()
    with db.reader() as session:
        row = session.scalars(select(SyncConflict).where(
            SyncConflict.record_id == org_id, SyncConflict.field == field)).one()
        session.expunge(row)
    db.close()
    return row


def test_signing_with_keys_other_than_the_profiles_is_refused(sites: Sites) -> None:
    centre, (a, _b), stick = sites
    other, _ = load_or_create_keys(stick.parent / "other-keys")
    db = centre.open()
    try:
        for write in (
            lambda: export_baseline(db, other, stick / "x.yeda", team=first_team(centre),
                                    device_ids=[a.device_id()]),
            lambda: write_receipt(db, other, stick / "x.yeda", a.device_id()),
            lambda: export_profile(db, other, stick / "x.yeda"),
        ):
            with pytest.raises(YedaError) as err:
                write()
            assert "other-keys" in err.value.en and "profile publishes" in err.value.en
            assert load_keys(centre.keys).fingerprint in err.value.en
        assert not (stick / "x.yeda").exists()
        laptop = a.open()
        with laptop.reader() as session:
            org_id = session.scalars(select(Organization.id).order_by(Organization.id)).first()
        laptop.close()
        assert org_id
        edit_row(a, "甲", Organization, org_id, contact_name="钥匙")
        a.cli("export", str(stick / "a-keys.yeda"))
        with pytest.raises(YedaError) as err:  # the batch is fine; the centre's keys are not
            import_file(db, other, stick / "a-keys.yeda")
        assert "other-keys" in err.value.en and "profile publishes" in err.value.en
        assert import_file(db, load_keys(centre.keys), stick / "a-keys.yeda").status \
            == "imported"
        export_baseline(db, load_keys(centre.keys), stick / "ok.yeda",
                        team=first_team(centre), device_ids=[a.device_id()[:8]])
    finally:
        db.close()


def test_a_laptop_asks_only_for_a_team_of_its_profile(sites: Sites) -> None:
    _centre, (a, _b), stick = sites
    db = a.open()
    try:
        with pytest.raises(YedaError) as err:
            enrolment.write_request(db, load_keys(a.keys), stick / "e.yeda",
                                    team="不存在的队", officer="甲")
        assert "不存在的队" in err.value.zh and first_team(a) in err.value.zh
    finally:
        db.close()
    assert not (stick / "e.yeda").exists()


def test_a_new_request_of_an_approved_device_updates_team_and_officer(sites: Sites) -> None:
    centre, (_a, b), stick = sites
    db = b.open()
    enrolment.write_request(db, load_keys(b.keys), stick / "again.yeda", team="第2扫楼组",
                            officer="新队员")
    db.close()
    db = centre.open()
    try:
        accepted = enrolment.accept(db, load_keys(centre.keys), stick / "again.yeda")
        assert accepted.changes["team"][1] == "第2扫楼组"
        assert accepted.changes["officer"] == (f"{b.name}队员", "新队员")
        with db.reader() as session:
            device = session.get(Device, b.device_id())
            assert device is not None
            assert (device.team, device.officer, device.status.value) == (
                "第2扫楼组", "新队员", "approved")
    finally:
        db.close()


def test_resolving_twice_or_with_both_choices_is_refused(sites: Sites) -> None:
    centre, (a, _b), _stick = sites
    row = _conflict(sites, "staff_count", 61, 71)
    db = centre.open()
    try:
        with db.session() as session, pytest.raises(YedaError, match="contradict"):
            chosen_value(session, row.id[:8], side=a.device_id()[:8], base=True)
        with db.session() as session:
            value = chosen_value(session, row.id[:8], side=a.device_id()[:8])
            resolve(session, row.id, value, officer="管理员", device_id="centre")
        with db.session() as session, pytest.raises(YedaError) as err:
            resolve(session, row.id, value, officer="别人", device_id="centre")
        assert "already resolved (by 管理员, at" in err.value.en
    finally:
        db.close()


def test_a_resolved_conflict_stays_resolved_when_the_edit_comes_again(sites: Sites) -> None:
    centre, (a, b), stick = sites
    row = _conflict(sites, "reported_member_count", 3, 4)
    db = centre.open()
    try:
        with db.session() as session:
            resolve(session, row.id, 3, officer="管理员", device_id="centre")
    finally:
        db.close()
    _ship(centre, b, stick, "--full")  # the losing side's old edit, carried again
    _ship(centre, a, stick, "--full")
    db = centre.open()
    try:
        with db.reader() as session:
            again = session.get(SyncConflict, row.id)
            assert again is not None and again.status == "resolved"
    finally:
        db.close()


def test_ids_are_taken_by_unique_prefix_everywhere(sites: Sites) -> None:
    centre, (a, _b), _stick = sites
    db = centre.open()
    try:
        with db.reader() as session:
            assert enrolment.find_device(session, a.device_id()[:8]).id == a.device_id()
            with pytest.raises(YedaError, match="no device matches zz"):
                enrolment.find_device(session, "zz")
            with pytest.raises(YedaError, match="ab matches several devices: abc1, abd2"):
                one_match("ab", ["abd2", "abc1"], "设备", "device")
            with pytest.raises(YedaError, match="no record matches nosuch"):
                find_record(session, "nosuch")
            conflict = session.scalars(select(SyncConflict)).first()
            if conflict is not None:
                assert find_record(session, conflict.id[:8]) == conflict.record_id
    finally:
        db.close()


def test_merge_takes_a_prefix_for_keep_and_asks_for_it() -> None:
    pair = duplicates.DuplicateCandidate(record_a="aaaa1111-x", record_b="bbbb2222-y")
    assert duplicates.kept_record(pair, "bbbb") == "bbbb2222-y"
    with pytest.raises(YedaError, match="give --keep"):
        duplicates.kept_record(pair, None)
    with pytest.raises(YedaError, match=re.escape("cccc is not one of the pair")):
        duplicates.kept_record(pair, "cccc")


def test_an_undeliberate_role_change_is_refused_in_the_words_for_the_roles(
    tmp_path: Path,
) -> None:
    from yeda_desktop.storage import open_database
    from yeda_desktop.syncflow.installation import Role, load_installation, set_role

    db = open_database(tmp_path / "x.sqlite")
    try:
        with db.session() as session:
            set_role(session, Role.LAPTOP, "一组笔记本")
        with pytest.raises(YedaError) as refused, db.session() as session:
            set_role(session, Role.CENTRE, "中心", "c1")
        assert refused.value.zh.startswith("本机已设置为外业笔记本，更改角色需由管理员明确确认")
        assert "already a field laptop" in refused.value.en
        with db.reader() as session:
            inst = load_installation(session)
            assert inst is not None and inst.role is Role.LAPTOP
    finally:
        db.close()


def test_choosing_a_side_s_ownership_brings_its_kind(sites: Sites) -> None:
    """One laptop made the organization a foundation (kind 社会组织 with it), the other a
    foreign enterprise: merged field by field, the kind came from the one and the
    ownership is in conflict. Taking the foreign side brings the kind back with it, logged
    as the centre's edit, so the statistics do not count a social foreign enterprise."""
    centre, (a, b), stick = sites
    db = a.open()
    with db.reader() as session:
        org_id = session.scalars(select(Organization.id).order_by(Organization.id.desc())).first()
    db.close()
    assert org_id
    edit_row(a, "甲", Organization, org_id, kind="social", ownership="foundation")
    edit_row(b, "乙", Organization, org_id, ownership="foreign")
    _ship(centre, a, stick)
    _ship(centre, b, stick)
    db = centre.open()
    try:
        with db.session() as session:
            row = session.scalars(select(SyncConflict).where(
                SyncConflict.record_id == org_id, SyncConflict.field == "ownership")).one()
            resolve(session, row.id, chosen_value(session, row.id, side=b.device_id()),
                    officer="管理员", device_id="centre")
        with db.reader() as session:
            org = session.get_one(Organization, org_id)
            assert (org.kind, org.ownership) == ("enterprise", "foreign")
            logged = session.execute(select(ChangeLog.field, ChangeLog.new_value).where(
                ChangeLog.record_id == org_id, ChangeLog.officer == "管理员")).all()
        assert sorted(logged) == [("kind", '"enterprise"'), ("ownership", '"foreign"')]
    finally:
        db.close()
