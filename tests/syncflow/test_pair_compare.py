"""The two organizations of a duplicate candidate, side by side (the centre's merge decision)."""

from __future__ import annotations

from pathlib import Path

from flow_helpers import build_sites, register_org
from sqlalchemy import select

from yeda_desktop.models import Floor, Person, Unit
from yeda_desktop.syncflow.duplicates import list_candidates
from yeda_desktop.syncflow.pair_compare import compare_pair


def test_a_pair_compared_field_by_field_on_either_engine(
    tmp_path: Path, centre_url: str | None
) -> None:
    centre, (a, b), stick = build_sites(tmp_path, 2, orgs=20, centre_url=centre_url)
    db = a.open()
    with db.reader() as session:
        first, second = session.execute(
            select(Unit.id, Floor.label, Unit.label).join(Floor).order_by(Floor.level, Unit.label)
        ).all()[:2]
    db.close()
    mine = register_org(a, "甲队员", first[0], name="烟台海岸咨询有限公司",
                        contact_phone="15055556666", staff_count=12)
    db = a.open()
    with db.session(officer="甲队员") as session:
        session.add_all([Person(organization_id=mine, name="赵一"),
                         Person(organization_id=mine, name="钱二")])
    db.close()
    theirs = register_org(b, "乙队员", second[0], name="烟台海岸咨询公司",
                          contact_phone="15055556666")
    for site in (a, b):
        site.cli("export", str(stick / f"{site.name}.yeda"))
        centre.cli("import", str(stick / f"{site.name}.yeda"))

    db = centre.open()
    try:
        with db.reader() as session:
            (candidate,) = list_candidates(session)
            pair = compare_pair(session, candidate.id[:8])
    finally:
        db.close()
    assert {pair.record_a, pair.record_b} == {mine, theirs}
    flip = pair.record_a != mine  # the fields as (mine, theirs)
    fields = {f.label: (f.b, f.a) if flip else (f.a, f.b) for f in pair.fields}
    flags = {f.label: (f.differs, f.filled) for f in pair.fields}
    assert fields["单位名称"] == ("烟台海岸咨询有限公司", "烟台海岸咨询公司")
    assert flags["单位名称"] == (True, False)
    assert fields["联系电话"] == ("15055556666", "15055556666")
    assert flags["联系电话"] == (False, False)
    assert fields["职工人数"] == ("12", "（空）") and flags["职工人数"] == (False, True)
    assert fields["单位类别"] == ("非公企业", "非公企业")  # the vocabulary's words
    assert "统一社会信用代码" not in fields  # neither has one
    assert fields["人员"] == ("2 人", "0 人")
    places = fields["所在位置"]
    assert places[0].endswith(f"{first[1]}层 {first[2]}")
    assert places[1].endswith(f"{second[1]}层 {second[2]}")
    registered = fields["登记"]
    assert registered[0].endswith("，甲队员 · laptop0机")
    assert registered[1].endswith("，乙队员 · laptop1机")
    shown = centre.cli("duplicates", "show", candidate.id[:8])
    assert "≠ 单位名称" in shown and "+ 职工人数" in shown
    # Without an id, the command says what it needs (not "nothing matches ''").
    assert "请指定疑似重复的编号" in centre.cli("duplicates", "show", expect=2)
