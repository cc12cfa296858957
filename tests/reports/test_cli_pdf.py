"""`yeda pdf` end to end through `yeda_desktop.cli.main.main`, one test per form and the errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import report_demo as demo
import report_pdftools as pdftools
from sqlalchemy import select

from yeda_desktop.cli.main import main
from yeda_desktop.models import PartyOrg
from yeda_desktop.services.record_lookup import organizations_in_building

pytestmark = pytest.mark.usefixtures("poppler")


def _copy(demo_path: Path, tmp_path: Path) -> Path:
    """A copy of the module's demo that a test may change (places of one name added)."""
    import sqlite3

    copy = tmp_path / "twins.sqlite"
    with sqlite3.connect(demo_path) as src, sqlite3.connect(copy) as dst:
        src.backup(dst)
    return copy


def _pdf(demo_path: Path, out: Path, *args: str) -> str:
    rc = main(["--db", str(demo_path), "pdf", *args, "--out", str(out), "--date", "2024-07-01"])
    assert rc == 0
    assert out.read_bytes().startswith(b"%PDF-")
    return pdftools.searchable(out)


def test_registration_by_uscc_and_by_name(demo_path: Path, tmp_path: Path) -> None:
    from yeda_desktop.storage import open_database

    db = open_database(demo_path)
    org = demo.org_with_members(db)
    db.close()
    assert org.uscc
    flat = _pdf(demo_path, tmp_path / "a.pdf", "registration", org.uscc, org.name)
    assert flat.count("两新组织党建情况登记表") >= 2  # two pages, one per key given
    assert pdftools.compact(org.name) in flat and "2024年7月1日" in flat


def test_registration_and_sweep_by_short_id(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The start of an id, as the duplicate and audit lists print it, names the record."""
    from yeda_desktop.storage import open_database

    db = open_database(demo_path)
    org = demo.org_with_members(db)
    building = demo.busiest_building(db)
    db.close()
    flat = _pdf(demo_path, tmp_path / "a.pdf", "registration", org.id[:8])
    assert pdftools.compact(org.name) in flat
    assert pdftools.compact(building.name) in _pdf(demo_path, tmp_path / "s.pdf", "sweep",
                                                    building.id[:8].upper())
    capsys.readouterr()
    rc = main(["--db", str(demo_path), "pdf", "registration", "000000", "--out",
               str(tmp_path / "none.pdf")])
    assert rc != 0 and "找不到单位：000000" in capsys.readouterr().err


def test_registration_of_a_building_and_blank(demo_path: Path, tmp_path: Path) -> None:
    from yeda_desktop.storage import open_database

    db = open_database(demo_path)
    building = demo.busiest_building(db)
    with db.reader() as s:
        count = len(organizations_in_building(s, building.id))
    db.close()
    out = tmp_path / "b.pdf"
    flat = _pdf(demo_path, out, "registration", "--building", building.name)
    assert pdftools.pages(out) == count and f"第{count}页共{count}页" in flat
    blank = _pdf(demo_path, tmp_path / "blank.pdf", "registration", "--blank")
    assert "统一社会信用代码" in blank and "2024年7月1日" not in blank


def test_roster_of_a_party_org_masked_and_full(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from yeda_desktop.storage import open_database

    db = open_database(demo_path)
    with db.reader() as s:
        po = s.scalars(select(PartyOrg).order_by(PartyOrg.name)).first()
        assert po is not None
        name, po_id = po.name, po.id
    db.close()
    masked = _pdf(demo_path, tmp_path / "r.pdf", "roster", "--party-org", po_id)
    full = _pdf(demo_path, tmp_path / "rf.pdf", "roster", "--party-org", po_id, "--full-id")
    assert pdftools.compact(name) in masked
    assert "身份证号码已隐藏出生日期等中间8位" in masked
    assert "身份证号码完整显示" in full
    assert "已生成" in capsys.readouterr().out


def test_sweep_ledger_and_notice(demo_path: Path, tmp_path: Path) -> None:
    from yeda_desktop.storage import open_database

    db = open_database(demo_path)
    building = demo.busiest_building(db)
    org = demo.org_with_members(db)
    db.close()
    sweep = _pdf(demo_path, tmp_path / "s.pdf", "sweep", building.id)
    assert "楼宇扫楼情况汇总表" in sweep and pdftools.compact(building.name) in sweep
    ledger = _pdf(demo_path, tmp_path / "l.pdf", "ledger", "--group-by", "cluster")
    assert "专项工作台账" in ledger and "集聚区：" in ledger
    overdue = _pdf(demo_path, tmp_path / "lo.pdf", "ledger", "--overdue", "--rule", "no_party_org")
    assert "专项工作台账" in overdue
    notice = _pdf(demo_path, tmp_path / "n.pdf", "notice", org.id)
    assert "整改提示单" in notice and pdftools.compact(org.name) in notice


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["registration", "有限"], "有多个单位"),
        (["registration", "没有这个单位的名字"], "找不到单位"),
        (["registration"], "请指定单位"),
        (["registration", "--blank", "--building", "x"], "空白表"),
        (["roster"], "请指定单位或"),
        (["sweep", "不存在的楼宇"], "找不到楼宇"),
        (["notice", "不存在的单位"], "找不到单位"),
    ],
)
def test_user_errors_are_one_line(
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    expected: str,
) -> None:
    out = tmp_path / "x.pdf"
    rc = main(["--db", str(demo_path), "pdf", *args, "--out", str(out)])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.startswith("yeda: ") and expected in err and err.count("\n") == 1
    assert not out.exists()


def test_missing_output_folder(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc = main(
        [
            "--db",
            str(demo_path),
            "pdf",
            "registration",
            "--blank",
            "--out",
            str(tmp_path / "nope" / "x.pdf"),
        ]
    )
    assert rc == 2 and "输出文件夹不存在" in capsys.readouterr().err


def test_ledger_of_one_building_among_buildings_of_its_name(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--building` names one building (by id, or by a name no other building has): the
    ledger of a 1号楼 is not that of every 1号楼 of the zone."""
    from yeda_desktop.models import Building
    from yeda_desktop.storage import open_database

    copy = _copy(demo_path, tmp_path)
    db = open_database(copy)
    try:
        building = demo.busiest_building(db)
        with db.session(officer="测试") as s:
            others = s.scalars(select(Building).where(Building.id != building.id)).all()
            s.add(Building(cluster_id=others[0].cluster_id, name=building.name))
    finally:
        db.close()
    rc = main(["--db", str(copy), "pdf", "ledger", "--building", building.name,
               "--out", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert rc == 2 and f"有多个楼宇与“{building.name}”相符" in err
    assert f"{building.name}（{building.id[:8]}）" in err  # which ids to give instead
    every = _pdf(copy, tmp_path / "all.pdf", "ledger", "--all")
    one = _pdf(copy, tmp_path / "one.pdf", "ledger", "--all", "--building", building.id[:8])
    assert pdftools.compact(building.name) in one
    assert not any(pdftools.compact(b.name) in one for b in others)
    assert all(pdftools.compact(b.name) in every for b in others)


def test_ledger_of_one_cluster_among_clusters_of_its_name(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--cluster` names one cluster: a shared name is refused with each cluster's
    subdistrict, and `--subdistrict` or the id picks one of them."""
    from yeda_desktop.models import Building, Cluster, Subdistrict
    from yeda_desktop.models.enums import ClusterKind
    from yeda_desktop.storage import open_database

    copy = _copy(demo_path, tmp_path)
    db = open_database(copy)
    try:
        home = demo.busiest_building(db)
        with db.session(officer="测试") as s:
            cluster = s.get_one(Cluster, home.cluster_id)
            sub = s.get_one(Subdistrict, cluster.subdistrict_id)
            name, sub_name = cluster.name, sub.name
            # A namesake in another subdistrict, with a building (and its gaps) moved in.
            other_sub = Subdistrict(zone_id=sub.zone_id, name="另一街道")
            twin = Cluster(subdistrict=other_sub, name=name, kind=ClusterKind.PARK)
            moved = s.scalars(select(Building).where(Building.cluster_id != cluster.id)).first()
            assert moved is not None
            s.add_all([other_sub, twin])
            s.flush()
            moved.cluster_id = twin.id
            twin_id, moved_name = twin.id, moved.name
    finally:
        db.close()
    rc = main(["--db", str(copy), "pdf", "ledger", "--cluster", name,
               "--out", str(tmp_path / "x.pdf")])
    err = capsys.readouterr().err
    assert rc == 2 and f"有多个集聚区与“{name}”相符" in err
    assert f"{name}（{sub_name}）" in err and f"{name}（另一街道）" in err
    assert not (tmp_path / "x.pdf").exists()
    home_only = _pdf(copy, tmp_path / "home.pdf", "ledger", "--all", "--cluster", name,
                     "--subdistrict", sub_name)
    assert pdftools.compact(home.name) in home_only
    assert pdftools.compact(moved_name) not in home_only
    rc = main(["--db", str(copy), "pdf", "ledger", "--cluster", name, "--subdistrict", "无此街道",
               "--out", str(tmp_path / "y.pdf")])
    assert rc == 2 and "找不到镇街：无此街道" in capsys.readouterr().err
    twin_only = _pdf(copy, tmp_path / "twin.pdf", "ledger", "--all", "--cluster", twin_id[:8])
    assert pdftools.compact(moved_name) in twin_only
    assert pdftools.compact(home.name) not in twin_only


def test_ledger_narrowed_by_the_options_the_list_takes(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The printed ledger takes `yeda gaps --list`'s options (as the tab prints its
    filter): one organization, an ownership and an industry; an unknown subdistrict is
    said, not printed as an empty ledger."""
    from yeda_desktop.ledger import ledger_rows, reconcile
    from yeda_desktop.ledger.lifecycle import OPEN_STATUSES
    from yeda_desktop.storage import open_database

    copy = _copy(demo_path, tmp_path)
    db = open_database(copy)
    try:
        with db.session(officer="测试") as s:
            reconcile(s)
        with db.reader() as s:
            rows = [r for r in ledger_rows(s) if r.status in OPEN_STATUSES]
    finally:
        db.close()
    names = {r.organization for r in rows}
    org = rows[0]
    one = _pdf(copy, tmp_path / "org.pdf", "ledger", "--org", org.organization_id)
    assert pdftools.compact(org.organization) in one
    assert not [n for n in names - {org.organization} if pdftools.compact(n) in one]

    kind = next(r for r in rows if r.industry_section)
    wanted = {r.organization for r in rows
              if r.ownership == kind.ownership and r.industry_section == kind.industry_section}
    narrowed = _pdf(copy, tmp_path / "kind.pdf", "ledger", "--ownership", kind.ownership.value,
                    "--industry", kind.industry_section or "")
    assert {n for n in names if pdftools.compact(n) in narrowed} == wanted

    rc = main(["--db", str(copy), "pdf", "ledger", "--subdistrict", "无此街道",
               "--out", str(tmp_path / "none.pdf")])
    assert rc == 2 and "找不到镇街：无此街道" in capsys.readouterr().err
    assert not (tmp_path / "none.pdf").exists()
