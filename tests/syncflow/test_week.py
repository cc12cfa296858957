"""A simulated sweep week from the CLI: a centre and two laptops, enrolment to receipts.

Deterministic on purpose: the organizations are picked by name (ids are random UUIDs), and
every edit sets a value the demo never produces (staff counts above its 5,000), because an
edit to the value a field already has is no edit, leaves nothing to export and once made
this test fail with "nothing to export".
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from flow_helpers import Site, code_of, edit_row, first_team, register_org
from sqlalchemy import select

from yeda_desktop.demo.people import uscc_code
from yeda_desktop.models import (
    Building,
    Floor,
    Instructor,
    Organization,
    TeamBuilding,
    Unit,
)
from yeda_desktop.models.sync import SyncConflict, SyncPackage
from yeda_desktop.services.search import search

# the demo's largest staff count is 5,000: these values are always a real change
A_VALUE, B_VALUE, DAY_VALUE = 7077, 7088, 7100


def edit(site: Site, officer: str, org_id: str, **fields: Any) -> None:
    edit_row(site, officer, Organization, org_id, **fields)


def register(site: Site, officer: str, unit_id: str, **fields: Any) -> str:
    return register_org(site, officer, unit_id, **fields)


def team_orgs(site: Site) -> tuple[list[str], list[str]]:
    """Organizations and units in the laptop's baseline, in an order that does not depend on
    the random UUIDs (name first; the id only breaks ties)."""
    db = site.open()
    try:
        with db.reader() as session:
            orgs = list(session.scalars(
                select(Organization.id).order_by(Organization.name, Organization.uscc,
                                                 Organization.id)
            ))
            units = list(
                session.scalars(
                    select(Unit.id).join(Floor).join(Building)
                    .where(Building.id.in_(select(TeamBuilding.building_id)))
                    .order_by(Building.name, Floor.level, Unit.label, Unit.id)
                )
            )
            return orgs, units
    finally:
        db.close()


def found(site: Site, query: str) -> set[str]:
    """Ids the search box offers for `query` on this installation."""
    db = site.open()
    try:
        with db.reader() as session:
            return {hit.ref_id for hit in search(session, query)}
    finally:
        db.close()


def org(site: Site, org_id: str) -> Organization | None:
    db = site.open()
    try:
        with db.reader() as session:
            return session.get(Organization, org_id)
    finally:
        db.close()


def test_a_week_of_sweeps(centre_and_laptops: tuple[Site, Site, Site], tmp_path: Path) -> None:
    centre, a, b = centre_and_laptops
    stick = tmp_path / "stick"
    team = first_team(centre)
    a_id, b_id = a.device_id(), b.device_id()

    # enrolment: both laptops ask, the centre compares codes; a wrong code approves nothing
    code_a = code_of(a.cli("enrol", str(stick / "enrol-a.yeda"), "--team", team,
                           officer="队员甲"))
    code_b = code_of(b.cli("enrol", str(stick / "enrol-b.yeda"), "--team", team,
                           officer="队员乙"))
    assert code_of(centre.cli("devices", "accept", str(stick / "enrol-a.yeda"))) == code_a
    centre.cli("devices", "accept", str(stick / "enrol-b.yeda"))
    assert "pending" in centre.cli("devices", "list")
    centre.cli("devices", "approve", a_id, "--code", "00000 00000", expect=2)
    centre.cli("devices", "approve", a_id, "--code", code_a)

    # laptop B works before it is approved: its batch waits in quarantine
    db = b.open()
    with db.session(officer="队员乙") as session:
        session.add(Instructor(name="王指导", phone="13800000001"))
    db.close()
    b.cli("export", str(stick / "b-1.yeda"), officer="队员乙")
    out = centre.cli("import", str(stick / "b-1.yeda"), expect=3)  # quarantined
    assert "quarantined" in out
    assert "1 waiting" in centre.cli("quarantine", "list")
    out = centre.cli("devices", "approve", b_id, "--code", code_b)
    assert "imported batch 1 from device" in out
    assert "0 waiting" in centre.cli("quarantine", "list")

    # baselines for the team; both laptops get the same buildings
    centre.cli("baseline", str(stick / "base.yeda"), "--team", team, "--device", a_id,
               "--device", b_id)
    assert "intact" in centre.cli("verify", str(stick / "base.yeda"))
    a.cli("import", str(stick / "base.yeda"))
    b.cli("export", str(stick / "b-tmp.yeda"), expect=2)  # nothing new since batch 1
    b.cli("import", str(stick / "base.yeda"))
    assert "already imported" in a.cli("import", str(stick / "base.yeda"))
    orgs, units = team_orgs(a)
    assert len(orgs) >= 3 and units
    x, y = orgs[0], orgs[1]
    baseline_org = org(a, x)
    assert baseline_org is not None and x in found(a, baseline_org.name)  # baseline indexed

    # day 1: concurrent edit of one field, separate fields, the same new organization twice
    rng = random.Random(5)
    uscc = uscc_code(rng, "91")
    edit(a, "队员甲", x, staff_count=A_VALUE, note="甲的备注")
    edit(b, "队员乙", x, staff_count=B_VALUE)
    edit(a, "队员甲", y, contact_phone="13900000002")
    new_a = register(a, "队员甲", units[0], name="烟台新芯科技有限公司", uscc=uscc,
                     staff_count=12)
    new_b = register(b, "队员乙", units[0], name="烟台新芯科技有限公司", uscc=uscc,
                     legal_rep="李四")
    similar = register(b, "队员乙", units[1], name="烟台海岸咨询有限公司",
                       contact_phone="13900000002")
    a.cli("export", str(stick / "a-1.yeda"), officer="队员甲")
    b.cli("export", str(stick / "b-2.yeda"), officer="队员乙")
    out = centre.cli("import", str(stick / "a-1.yeda"), str(stick / "b-2.yeda"))
    assert "conflicts 1" in out and "linked 2" in out, out  # the organization and its unit
    assert "already imported" in centre.cli("import", str(stick / "a-1.yeda"))
    survivor = org(centre, x)
    assert survivor is not None and survivor.note == "甲的备注"
    assert survivor.staff_count in (A_VALUE, B_VALUE)  # the later edit wins, deterministically
    phone_owner = org(centre, y)
    assert phone_owner is not None and phone_owner.contact_phone == "13900000002"
    kept = org(centre, new_a) or org(centre, new_b)
    assert kept is not None and kept.id in found(centre, "烟台新芯科技")  # imported rows indexed
    assert kept is not None and kept.staff_count == 12 and kept.legal_rep == "李四"
    assert (org(centre, new_a) is None) != (org(centre, new_b) is None)

    # the administrator resolves the conflict field by field, taking laptop B's value
    listing = centre.cli("conflicts", "list")
    assert "单位 · 职工人数 (organizations.staff_count)" in listing
    assert f"[{a_id[:8]}]" in listing and f"[{b_id[:8]}]" in listing  # as --side takes it
    conflict_id = listing.split()[0]
    centre.cli("conflicts", "resolve", conflict_id, "--side", b_id[:8], officer="管理员")
    assert org(centre, x).staff_count == B_VALUE  # type: ignore[union-attr]
    assert "0 conflicts" in centre.cli("conflicts", "list")

    # duplicates: same phone → candidate; merge it into the existing organization
    dup = centre.cli("duplicates", "list")
    assert similar[:8] in dup and y[:8] in dup, dup
    centre.cli("duplicates", "merge", dup.split()[0], "--keep", y, officer="管理员")
    assert org(centre, similar) is None

    # days 2-5: daily work, one batch arriving late, a receipt at the end of the week
    for day in range(2, 6):
        edit(a, "队员甲", orgs[day % len(orgs)], staff_count=DAY_VALUE + day)
        a.cli("export", str(stick / f"a-{day}.yeda"), officer="队员甲")
        edit(b, "队员乙", similar, address=f"第{day}天补充的地址")  # the merged-away UUID
        b.cli("export", str(stick / f"b-{day + 1}.yeda"), officer="队员乙")
    out = centre.cli("import", str(stick / "b-6.yeda"))
    assert "batch 3 from device" in out and "has not arrived" in out
    for day in range(2, 6):
        centre.cli("import", str(stick / f"a-{day}.yeda"))
    for n in (3, 4, 5):
        centre.cli("import", str(stick / f"b-{n}.yeda"))
    merged_into = org(centre, y)
    assert merged_into is not None and merged_into.address == "第5天补充的地址"

    # a lower sequence with other content is refused and writes nothing
    edit(a, "队员甲", x, staff_count=1)
    a.cli("export", str(stick / "a-6.yeda"), officer="队员甲")
    centre.cli("receipt", str(stick / "receipt-a.yeda"), "--device", a_id)
    out = a.cli("import", str(stick / "receipt-a.yeda"))
    assert "5 newly marked" in out, out
    db = a.open()
    with db.reader() as session:
        flags = {p.sequence: p.acknowledged_at is not None for p in session.scalars(
            select(SyncPackage).where(SyncPackage.direction == "out"))}
    db.close()
    assert flags == {1: True, 2: True, 3: True, 4: True, 5: True, 6: False}

    # audit: every change of x with device, officer and package
    audit = centre.cli("audit", x)
    assert "队员甲" in audit and "队员乙" in audit and "管理员" in audit
    assert "单位 · 职工人数 (organizations.staff_count)" in audit  # the field in Chinese
    assert "修改 update" in audit  # and what was done
    db = centre.open()
    with db.reader() as session:
        resolved = session.scalars(select(SyncConflict)).all()
        assert [c.status for c in resolved] == ["resolved"]
        assert json.loads(resolved[0].resolved_value or "null") == B_VALUE
    db.close()
