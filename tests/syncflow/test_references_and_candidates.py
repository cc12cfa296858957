"""Reference fields and duplicate candidates across batches, as the administrator sees them.

Two laptops moving one person to different organizations is a conflict like any other
field's; moving them to two UUIDs of one linked organization is not. A candidate pair is
dropped when a later batch makes it untrue (a rename, a move, a deletion); a dismissed one
stays dismissed; merging a pair drops the merged-away record's other pairs.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from flow_helpers import Site, build_sites, edit_row, register_org
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from scripted_questions import ScriptedQuestions
from sqlalchemy import select

from yeda_desktop.demo.people import uscc_code
from yeda_desktop.models import Building, Floor, Occupancy, Organization, Person, Unit
from yeda_desktop.models.sync import DuplicateCandidate, SyncConflict, SyncPackage
from yeda_desktop.ui.sync_queues import AuditView, ConflictsView, DuplicatesView


def _edit(site: Site, model: type[Any], record_id: str, **fields: Any) -> None:
    edit_row(site, f"{site.name}队员", model, record_id, **fields)


def _register(site: Site, unit_id: str, **fields: Any) -> str:
    return register_org(site, f"{site.name}队员", unit_id, **fields)


def _delete(site: Site, model: type[Any], record_id: str) -> None:
    db = site.open()
    try:
        with db.session(officer=f"{site.name}队员") as session:
            session.delete(session.get(model, record_id))
    finally:
        db.close()


def _baseline(site: Site) -> tuple[list[str], list[str], list[str]]:
    """Organizations, people and one building's units of the team's baseline, in an order
    that does not depend on the random UUIDs."""
    db = site.open()
    try:
        with db.reader() as session:
            orgs = list(session.scalars(select(Organization.id).order_by(Organization.name,
                                                                        Organization.id)))
            people = list(session.scalars(select(Person.id).order_by(Person.name, Person.id)))
            building = session.scalars(select(Building.id).join(Floor).join(Unit)
                                       .order_by(Building.name)).first()
            units = list(session.scalars(select(Unit.id).join(Floor)
                                         .where(Floor.building_id == building)
                                         .order_by(Floor.level, Unit.label)))
            return orgs, people, units
    finally:
        db.close()


def _home(site: Site, person: str) -> str:
    db = site.open()
    try:
        with db.reader() as session:
            return str(session.scalars(select(Person.organization_id)
                                       .where(Person.id == person)).one())
    finally:
        db.close()


def _move_apart(a: Site, b: Site, orgs: list[str], people: list[str]) -> tuple[str, str, str]:
    """Each laptop moves the same person to a different organization: (person, a's, b's)."""
    person = people[0]
    one, two = [o for o in orgs if o != _home(a, person)][:2]
    _edit(a, Person, person, organization_id=one)
    _edit(b, Person, person, organization_id=two)
    return person, one, two


def _ship(centre: Site, laptops: list[Site], stick: Path, name: str) -> list[str]:
    """Each laptop exports, the centre imports them in this order; the import outputs."""
    outs = []
    for site in laptops:
        path = stick / f"{site.name}-{name}.yeda"
        site.cli("export", str(path), officer=f"{site.name}队员")
        outs.append(centre.cli("import", str(path)))
    return outs


def _conflicts(centre: Site, field: str) -> list[SyncConflict]:
    db = centre.open()
    try:
        with db.reader() as session:
            table, column = field.split(".")
            return list(session.scalars(select(SyncConflict).where(
                SyncConflict.table_name == table, SyncConflict.field == column)))
    finally:
        db.close()


def _candidates(centre: Site) -> dict[frozenset[str], str]:
    db = centre.open()
    try:
        with db.reader() as session:
            return {frozenset((c.record_a, c.record_b)): c.status
                    for c in session.scalars(select(DuplicateCandidate))
                    if c.reason != "unique"}
    finally:
        db.close()


def _batch_ids(centre: Site) -> dict[str, int]:
    """Every batch imported at the centre: package id → batch number."""
    db = centre.open()
    try:
        with db.reader() as session:
            return {p.id: p.sequence for p in session.scalars(
                select(SyncPackage).where(SyncPackage.kind == "batch"))}
    finally:
        db.close()


@pytest.fixture
def sites(tmp_path: Path) -> tuple[Site, list[Site], Path]:
    return build_sites(tmp_path, 2)


def test_two_laptops_moving_one_person_apart_is_a_conflict_the_administrator_settles(
    sites: tuple[Site, list[Site], Path],
) -> None:
    centre, (a, b), stick = sites
    orgs, people, _units = _baseline(a)
    person, one, two = _move_apart(a, b, orgs, people)
    outs = _ship(centre, [a, b], stick, "move")
    assert "conflicts 1" in outs[1], outs

    (conflict,) = _conflicts(centre, "people.organization_id")
    sides = {side["value"] for side in json.loads(conflict.sides)}
    assert conflict.status == "open" and sides == {one, two}
    listing = centre.cli("conflicts", "list")
    assert "人员 · 所在单位 (people.organization_id)" in listing  # Chinese first, the key kept
    resolved = centre.cli("conflicts", "resolve", listing.split()[0], "--side", a.device_id(),
                          officer="管理员")
    assert "人员 · 所在单位 (people.organization_id)" in resolved, resolved
    db = centre.open()
    with db.reader() as session:
        moved = session.get(Person, person)
        assert moved is not None and moved.organization_id == one
    db.close()


@pytest.mark.parametrize("order", ["a-first", "b-first"])
def test_moving_one_person_to_two_uuids_of_one_linked_organization_is_no_conflict(
    sites: tuple[Site, list[Site], Path], order: str,
) -> None:
    centre, (a, b), stick = sites
    _orgs, people, units = _baseline(a)
    uscc = uscc_code(random.Random(3), "91")
    new_a = _register(a, units[0], name="烟台联调科技有限公司", uscc=uscc)
    new_b = _register(b, units[0], name="烟台联调科技有限公司", uscc=uscc)
    _edit(a, Person, people[0], organization_id=new_a)
    _edit(b, Person, people[0], organization_id=new_b)
    _ship(centre, [a, b] if order == "a-first" else [b, a], stick, "link")

    assert _conflicts(centre, "people.organization_id") == []
    db = centre.open()
    with db.reader() as session:
        survivors = [o for o in (session.get(Organization, new_a), session.get(Organization,
                                                                          new_b)) if o]
        assert len(survivors) == 1  # linked by the USCC
        person = session.get(Person, people[0])
        assert person is not None and person.organization_id == survivors[0].id
    db.close()


def test_a_candidate_goes_when_a_later_batch_renames_one_of_the_pair(
    sites: tuple[Site, list[Site], Path],
) -> None:
    centre, (a, b), stick = sites
    _orgs, _people, units = _baseline(a)
    first = _register(a, units[0], name="烟台海岸咨询有限公司")
    second = _register(b, units[1], name="烟台海岸咨询公司")
    _ship(centre, [a, b], stick, "day1")
    assert _candidates(centre) == {frozenset((first, second)): "open"}
    assert first[:8] in centre.cli("duplicates", "list")

    _edit(b, Organization, second, name="青岛蓝天物流有限公司")
    _ship(centre, [b], stick, "day2")
    assert _candidates(centre) == {}
    assert first[:8] not in centre.cli("duplicates", "list")

    _edit(b, Organization, second, name="烟台海岸咨询服务有限公司")  # similar again
    _ship(centre, [b], stick, "day3")
    assert _candidates(centre) == {frozenset((first, second)): "open"}


def test_a_candidate_goes_when_one_of_the_pair_moves_out_or_is_deleted(
    sites: tuple[Site, list[Site], Path],
) -> None:
    centre, (a, b), stick = sites
    orgs, _people, units = _baseline(a)
    first = _register(a, units[0], name="烟台海岸咨询有限公司", contact_phone="13900000007")
    second = _register(b, units[1], name="烟台海岸咨询公司")
    third = _register(b, units[1], name="烟台渤海贸易有限公司", contact_phone="13900000007")
    _ship(centre, [a, b], stick, "day1")
    assert _candidates(centre) == {frozenset((first, second)): "open",
                                   frozenset((first, third)): "open"}

    db = b.open()
    with db.reader() as session:
        home = session.scalars(select(Occupancy.id).where(
            Occupancy.organization_id == second)).one()
        building = session.scalars(select(Floor.building_id).join(Unit)
                                   .where(Unit.id == units[0])).one()
        elsewhere = session.scalars(select(Unit.id).join(Floor)
                                    .where(Floor.building_id != building)).first()
    db.close()
    assert elsewhere is not None
    _edit(b, Occupancy, home, unit_id=elsewhere)  # moved to another building
    _delete(b, Organization, third)
    _ship(centre, [b], stick, "day2")
    assert _candidates(centre) == {}
    assert orgs  # the baseline itself raised no candidate


def test_a_dismissed_pair_stays_dismissed_and_a_merge_drops_the_loser_s_other_pairs(
    sites: tuple[Site, list[Site], Path],
) -> None:
    centre, (a, b), stick = sites
    _orgs, _people, units = _baseline(a)
    first = _register(a, units[0], name="烟台海岸咨询有限公司")
    second = _register(b, units[1], name="烟台海岸咨询公司")
    third = _register(b, units[1], name="烟台海岸咨询中心", contact_phone="13900000008")
    _ship(centre, [a, b], stick, "day1")
    pairs = _candidates(centre)
    assert set(pairs) == {frozenset((first, second)), frozenset((first, third)),
                          frozenset((second, third))}

    db = centre.open()
    with db.reader() as session:
        ids = {frozenset((c.record_a, c.record_b)): c.id
               for c in session.scalars(select(DuplicateCandidate))}
    db.close()
    centre.cli("duplicates", "dismiss", ids[frozenset((first, third))], officer="管理员")
    _edit(b, Organization, third, name="烟台海岸咨询服务中心")  # still similar
    _ship(centre, [b], stick, "day2")
    assert _candidates(centre)[frozenset((first, third))] == "dismissed"

    centre.cli("duplicates", "merge", ids[frozenset((first, second))], "--keep", first,
               officer="管理员")
    after = _candidates(centre)
    assert frozenset((second, third)) not in after  # second is gone
    assert after[frozenset((first, second))] == "merged"
    assert after[frozenset((first, third))] == "dismissed"


def _name(site: Site, model: type[Any], record_id: str) -> str:
    db = site.open()
    try:
        with db.reader() as session:
            return str(session.get(model, record_id).name)  # type: ignore[union-attr]
    finally:
        db.close()


@pytest.mark.gui
def test_the_merge_view_names_the_organizations_a_person_was_moved_to(
    qtbot: QtBot, chinese_ui: None, sites: tuple[Site, list[Site], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    centre, (a, b), stick = sites
    orgs, people, units = _baseline(a)
    person, one, two = _move_apart(a, b, orgs, people)
    first = _register(a, units[0], name="烟台海岸咨询有限公司", staff_count=12)
    second = _register(b, units[1], name="烟台海岸咨询公司")
    _ship(centre, [a, b], stick, "gui")
    listing = centre.cli("conflicts", "list")
    assert _name(centre, Organization, one) in listing
    assert _name(centre, Organization, two) in listing

    db = centre.open()
    try:
        view = ConflictsView(db, "管理员", "centre-device")
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda: not view.reading)  # read off the GUI thread
        assert view.queue.count() == 1
        queued = view.queue.item(0).text()
        assert _name(centre, Person, person) in queued
        assert queued.startswith("人员 · 所在单位"), queued  # the field in Chinese
        assert "organization_id" not in queued and "people." not in queued
        # The only conflict is shown at once; a value is taken only once a side is chosen.
        assert view.queue.currentRow() == 0 and view.sides.rowCount() == 3
        assert view.history_button.isEnabled() and not view.take_button.isEnabled()
        view.queue.setCurrentRow(0)
        heading = view.heading.text()
        assert "人员 · 所在单位" in heading and _name(centre, Person, person) in heading
        assert "organization_id" not in heading
        shown = {view.sides.item(r, 1).text(): view.sides.item(r, 0).text()
                 for r in range(view.sides.rowCount())}
        chosen = next(r for r in range(1, view.sides.rowCount())
                      if _name(centre, Organization, two) in view.sides.item(r, 1).text())
        assert _name(centre, Organization, one) in " ".join(shown)
        assert any("laptop1机" in side for side in shown.values()), shown  # the device by name
        when = view.sides.item(chosen, 2)  # to the second; the whole stamp in the tooltip
        assert len(when.text()) == 19 and when.toolTip().startswith(when.text())
        # Each side's batch by its number (both laptops' first), its id in the tooltip.
        batches = {_batch_ids(centre)[view.sides.item(r, 4).toolTip()]
                   for r in range(1, view.sides.rowCount())}
        assert batches == {1} and all(view.sides.item(r, 4).text() == "第 1 批"
                                      for r in range(1, view.sides.rowCount()))
        assert "第1批 batch 1 (" in listing
        with qtbot.waitSignal(view.history_requested) as asked:
            view.history_button.click()
        assert asked.args == [person]
        view.sides.selectRow(chosen)
        assert view.take_button.isEnabled()
        assert view.take_selected()
        qtbot.waitUntil(lambda: not view.reading)
        assert view.queue.count() == 0
        assert view.heading.text() == "没有待处理的冲突。" and view.sides.rowCount() == 0
        assert not view.take_button.isEnabled() and not view.history_button.isEnabled()
        with db.reader() as session:
            moved = session.get(Person, person)
            assert moved is not None and moved.organization_id == two

        audit = AuditView(db)
        qtbot.addWidget(audit)
        audit.find(_name(centre, Person, person))  # found by name, as in the workspace
        assert _name(centre, Person, person) in audit.heading.text()
        fields = [audit.table.item(r, 2).text() for r in range(audit.table.rowCount())]
        assert "人员 · 所在单位" in fields, fields  # the moves and the resolution, in Chinese
        assert not any("organization_id" in f for f in fields), fields
        values = " ".join(audit.table.item(r, 3).text() for r in range(audit.table.rowCount()))
        assert _name(centre, Organization, two) in values  # the organization, not its UUID
        assert f" → {_name(centre, Organization, two)}" in values  # before → after
        assert two not in values
        changes = {audit.table.item(r, 1).text() for r in range(audit.table.rowCount())}
        assert "修改" in changes and not changes & {"insert", "update", "superseded"}, changes
        when = audit.table.item(0, 0)  # to the second; the whole stamp in the tooltip
        assert len(when.text()) == 19 and when.toolTip().startswith(when.text())
        packages = {audit.table.item(r, 6).text(): audit.table.item(r, 6).toolTip()
                    for r in range(audit.table.rowCount())}
        assert all(_batch_ids(centre).get(tip) == 1 for text, tip in packages.items()
                   if text == "第 1 批") and "第 1 批" in packages, packages
        assert "" in packages  # the administrator's resolution came in no package
        assert "第1批 batch 1 (" in centre.cli("audit", person)  # the same on the command line

        dups = DuplicatesView(db, "管理员")
        qtbot.addWidget(dups)
        qtbot.waitUntil(lambda: not dups.reading)
        assert dups.table.rowCount() == 1
        assert dups.heading.text() == "1 对疑似重复：请合并或排除。"
        assert dups.table.currentRow() == 0 and dups.keep_a.isEnabled()  # chosen at once
        cells = {dups.table.item(0, c).text() for c in (1, 2)}
        assert any("烟台海岸咨询有限公司" in c for c in cells)
        assert any("烟台海岸咨询公司" in c for c in cells)
        assert dups.table.item(0, 0).text() == "同楼宇名称相近"  # the reason, not its code
        # The chosen pair side by side: the names differ (bold), one has a staff count
        # the other lacks (italic: a merge into that one takes it), and where each is.
        compared = {dups.compare.item(r, 0).text(): r for r in range(dups.compare.rowCount())}
        a_first = "有限公司" in dups.table.item(0, 1).text()
        name = dups.compare.item(compared["单位名称"], 1 if a_first else 2)
        assert name.text() == "烟台海岸咨询有限公司" and name.font().bold()
        staff = [dups.compare.item(compared["职工人数"], c) for c in (1, 2)]
        assert [s.text() for s in staff] == (["12", "（空）"] if a_first else ["（空）", "12"])
        assert all(s.font().italic() and not s.font().bold() for s in staff)
        assert "统一社会信用代码" not in compared  # empty on both sides: not listed
        places = [dups.compare.item(compared["所在位置"], c).text() for c in (1, 2)]
        assert all("层" in p for p in places) and places[0] != places[1]
        registered = dups.compare.item(compared["登记"], 1 if a_first else 2).text()
        assert registered.endswith("，laptop0队员 · laptop0机"), registered  # who, on which
        pair_id = centre.cli("duplicates", "list").split()[0]
        shown = centre.cli("duplicates", "show", pair_id)
        assert "≠ 单位名称" in shown and "+ 职工人数" in shown and "甲 A" in shown
        assert dups.table.item(0, 3).text() in ("烟台海岸咨询公司 / 烟台海岸咨询有限公司",
                                                "烟台海岸咨询有限公司 / 烟台海岸咨询公司")
        dups.table.selectRow(0)
        with qtbot.waitSignal(dups.history_requested) as asked:
            dups.history_b.click()
        audit.show_record(asked.args[0])
        assert audit.table.rowCount() >= 1 and "烟台海岸咨询" in audit.heading.text()
        values = [audit.table.item(r, 3).text() for r in range(audit.table.rowCount())]
        words = " ".join(values)
        assert "单位类别：非公企业" in words and "enterprise" not in words  # codes as words
        assert any(v.startswith("开展党组织活动：否") for v in values), values  # a new record
        assert audit.table.columnWidth(3) <= 360  # the long one in full in its tooltip
        assert {audit.table.item(r, 3).toolTip() for r in range(len(values))} == set(values)
        questions = ScriptedQuestions(monkeypatch, QMessageBox.StandardButton.No)
        dups.decide("a")  # a merge asks first, naming both; "No" merges nothing
        kept, gone = dups.table.item(0, 1).text(), dups.table.item(0, 2).text()
        asked = questions.asked
        assert f"将“{gone}”并入“{kept}”" in asked[0] and "无法撤销" in asked[0], asked
        assert dups.table.rowCount() == 1
        questions.then(QMessageBox.StandardButton.Yes)
        dups.decide("a")
        qtbot.waitUntil(lambda: not dups.reading)
        assert dups.table.rowCount() == 0
        assert dups.heading.text() == "没有疑似重复的记录。"
        assert not any(b.isEnabled() for b in (dups.keep_a, dups.keep_b, dups.dismiss_button,
                                                 dups.history_a, dups.history_b))
        with db.reader() as session:
            left = [o for o in (session.get(Organization, first),
                                session.get(Organization, second)) if o is not None]
            assert len(left) == 1
    finally:
        db.close()
