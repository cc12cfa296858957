"""Forms built from a demo database: the printed text and figures are the database's."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pg_cluster as pg
import pytest
import report_demo as demo
import report_pdftools as pdftools
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session
from zone_builder import occupy

from yeda_desktop.ledger import LedgerFilter
from yeda_desktop.ledger.lifecycle import OPEN_STATUSES
from yeda_desktop.models import (
    Building,
    Cluster,
    Floor,
    Gap,
    Occupancy,
    Organization,
    Person,
    Subdistrict,
    Unit,
    Zone,
)
from yeda_desktop.models.enums import ClusterKind, PartyStatus
from yeda_desktop.reports import mask_id_number
from yeda_desktop.reports.db_ledger import ledger_form, rectification_notice
from yeda_desktop.reports.db_organization import organization_roster, registration_forms
from yeda_desktop.reports.db_sweep import sweep_summary
from yeda_desktop.reports.jobs import PrintJob, run_job
from yeda_desktop.rules import RULES_BY_ID
from yeda_desktop.services.record_lookup import find_cluster, organizations_in_building
from yeda_desktop.stats import summarize
from yeda_desktop.stats.dimensions import DIMENSIONS
from yeda_desktop.storage import Database, open_database

pytestmark = pytest.mark.usefixtures("poppler")


@pytest.fixture(scope="module")
def sqlite_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = demo.build_demo(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    yield db
    db.close()


@pytest.fixture(scope="module")
def postgresql_demo(pg_cluster: pg.Cluster, pg_template: str) -> Iterator[Database]:
    url = pg_cluster.new_database(template=pg_template)
    db = demo.build_demo(url)  # type: ignore[arg-type]
    yield db
    db.close()
    pg_cluster.drop_database(url)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_db(request: pytest.FixtureRequest) -> Database:
    """The demo zone (the same seed) on each engine in turn."""
    return request.getfixturevalue(f"{request.param}_demo")  # type: ignore[no-any-return]


def _queries(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_registration_prints_the_database_figures(demo_db: Database, tmp_path: Path) -> None:
    org = demo.org_with_members(demo_db)
    pdf = tmp_path / "reg.pdf"
    with demo_db.reader() as s:
        assert run_job(s, PrintJob("registration", organization_ids=(org.id,)), pdf) == 1
        full = s.scalar(
            select(func.count()).where(
                Person.organization_id == org.id, Person.party_status == PartyStatus.FULL
            )
        )
        (form,) = registration_forms(s, [org.id])
    flat = pdftools.searchable(pdf)
    assert pdftools.compact(org.name) in flat
    assert org.uscc is not None and org.uscc in flat
    assert f"从业人员数{org.staff_count}" in flat
    assert f"其中：正式党员{full}" in flat
    assert form.units and pdftools.compact(form.units[0]) in flat
    assert form.building and pdftools.compact(form.building) in flat
    if form.party_org_name:
        assert pdftools.compact(form.party_org_name) in flat
    marks = "、".join(w for flag, w in ((org.is_above_size, "规模以上企业"),
                                       (org.is_listed, "上市公司"),
                                       (org.is_key_enterprise, "重点非公企业")) if flag) or "无"
    industry = org.key_industry.zh if org.key_industry else "无"
    assert f"企业标识{marks}所属重点行业{industry}" in flat
    assert "第1页共1页" in flat and "None" not in flat


def test_building_batch_one_page_per_organization(demo_db: Database, tmp_path: Path) -> None:
    building = demo.busiest_building(demo_db)
    pdf = tmp_path / "batch.pdf"
    with demo_db.reader() as s:
        ids = organizations_in_building(s, building.id)
        names = [s.get(Organization, i).name for i in ids]  # type: ignore[union-attr]
        pages = run_job(s, PrintJob("registration", building_id=building.id), pdf)
    assert pages == len(ids) > 10
    for page in (1, pages):
        flat = pdftools.compact(pdftools.text(pdf, page))
        assert pdftools.compact(names[page - 1]) in flat
        assert f"第{page}页共{pages}页" in flat
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg missing (Debian zbar-tools): per-page QR codes not decoded")
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-png",
            "-f",
            "2",
            "-l",
            "2",
            "-singlefile",
            str(pdf),
            str(tmp_path / "p2"),
        ],
        check=True,
    )
    out = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "p2.png")], capture_output=True, text=True
    )
    assert out.stdout.strip() == f"yeda:registration:{ids[1]}"


def test_registration_batch_queries_do_not_grow_with_organizations(demo_db: Database) -> None:
    building = demo.busiest_building(demo_db)
    with demo_db.reader() as s:
        ids = organizations_in_building(s, building.id)
        counts = []
        for subset in (ids[:1], ids):
            gen = _queries(demo_db)
            seen = next(gen)
            registration_forms(s, subset)
            counts.append(len(seen))
            gen.close()
    assert counts[0] == counts[1], counts


def test_roster_masks_ids_and_counts_members(demo_db: Database, tmp_path: Path) -> None:
    org = demo.org_with_members(demo_db)
    with demo_db.reader() as s:
        roster = organization_roster(s, org.id)
        masked = tmp_path / "roster.pdf"
        full = tmp_path / "roster-full.pdf"
        run_job(s, PrintJob("roster", organization_ids=(org.id,)), masked)
        run_job(s, PrintJob("roster", organization_ids=(org.id,), full_id_numbers=True), full)
    assert len(roster.members) >= 3
    assert [m.party_status for m in roster.members] == sorted(
        (m.party_status for m in roster.members), key=lambda v: v != "正式党员"
    )
    flat, flat_full = pdftools.searchable(masked), pdftools.searchable(full)
    assert f"合计：党员{len(roster.members)}名" in flat
    with_id = [m for m in roster.members if m.id_number]
    assert with_id
    for m in with_id:
        assert mask_id_number(m.id_number) in flat and m.id_number not in flat  # type: ignore[operator]
        assert m.id_number in flat_full  # type: ignore[operator]


def test_sweep_summary_lists_every_unit_floor_by_floor(demo_db: Database, tmp_path: Path) -> None:
    building = demo.busiest_building(demo_db)
    pdf = tmp_path / "sweep.pdf"
    with demo_db.reader() as s:
        units = s.scalar(
            select(func.count())
            .select_from(Unit)
            .join(Floor, Floor.id == Unit.floor_id)
            .where(Floor.building_id == building.id)
        )
        floors = list(
            s.scalars(
                select(Floor.label)
                .join(Unit, Unit.floor_id == Floor.id)
                .where(Floor.building_id == building.id)
                .distinct()
            )
        )
        summary = sweep_summary(s, building.id)
        pages = run_job(s, PrintJob("sweep", building_id=building.id), pdf)
    assert len(summary.rows) == units
    flat = pdftools.searchable(pdf)
    assert f"合计：{units}个房间" in flat and pdftools.compact(building.name) in flat
    printed_floors = list(dict.fromkeys(r.floor_label for r in summary.rows))
    assert sorted(printed_floors) == sorted(floors)
    # The floor headings ("B1 层　共 5 个房间") in page order, read from text that keeps its
    # spaces: in the whitespace-free text "1层共" could be the tail of "11层共" or "21层共".
    headings = re.findall(r"(?<!\S)(\S+?)\s*层\s*共\s*\d+\s*个房间", pdftools.text(pdf))
    assert headings == printed_floors
    assert f"第{pages}页共{pages}页" in flat


def test_floors_sort_b2_b1_1_3_3a_10(db_target: str) -> None:
    db = open_database(db_target)
    with db.session(officer="测试") as s:
        zone = Zone(name="烟台开发区")
        sub = Subdistrict(zone=zone, name="福莱山街道")
        cluster = Cluster(subdistrict=sub, name="国际人才港", kind=ClusterKind.PARK)
        building = Building(cluster=cluster, name="人才港A座")
        s.add_all([zone, sub, cluster, building])
        for label in ("10", "3A", "B1", "1", "3", "B2"):
            floor = Floor(building=building, label=label)
            unit = Unit(floor=floor, label=f"{label}-01")
            org = Organization(name=f"烟台{label}层测试有限公司")
            s.add_all([floor, unit, org, Occupancy(organization=org, unit=unit)])
        s.flush()
        building_id = building.id
    with db.reader() as s:
        summary = sweep_summary(s, building_id)
        order = organizations_in_building(s, building_id)
        names = [s.get(Organization, i).name for i in order]  # type: ignore[union-attr]
    db.close()
    assert [r.floor_label for r in summary.rows] == ["B2", "B1", "1", "3", "3A", "10"]
    assert [r.visit_outcome for r in summary.rows] == ["未走访"] * 6
    assert names[0] == "烟台B2层测试有限公司" and names[-1] == "烟台10层测试有限公司"


def test_ledger_from_the_database(demo_db: Database, tmp_path: Path) -> None:
    pdf = tmp_path / "ledger.pdf"
    with demo_db.reader() as s:
        open_gaps = s.scalar(select(func.count()).where(Gap.status.in_(OPEN_STATUSES)))
        gen = _queries(demo_db)
        seen = next(gen)
        ledger = ledger_form(s, today=demo.TODAY)
        gen.close()
        pages = run_job(s, PrintJob("ledger", as_of=demo.TODAY), pdf)
    assert len(seen) <= 4, seen  # one listing query (+ campaign), not one per row
    assert open_gaps and len(ledger.rows) == open_gaps
    assert pages > 5 and pdftools.pages(pdf) == pages
    for page in range(1, pages + 1):
        flat = pdftools.compact(pdftools.text(pdf, page))
        assert f"第{page}页共{pages}页" in flat, page
        assert "单位名称" in flat and "整改时限" in flat, page
    flat = pdftools.searchable(pdf)
    assert f"共{open_gaps}项" in flat
    groups = Counter(r.subdistrict or "（未填写）" for r in ledger.rows)
    for name, n in groups.items():
        assert f"镇街：{name}（{n}项）" in flat
    titles = {RULES_BY_ID[r].title_zh for r in RULES_BY_ID}
    assert {r.rule_name for r in ledger.rows} <= titles


def test_ledger_filters_and_group_by_cluster(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.reader() as s:
        everything = ledger_form(s, group_by="cluster", today=demo.TODAY)
        cluster = Counter(r.cluster for r in everything.rows).most_common(1)[0][0]
        narrowed = ledger_form(
            s, LedgerFilter(open_only=True, cluster_id=find_cluster(s, cluster)),
            group_by="cluster", today=demo.TODAY,
        )
    assert narrowed.rows and {r.cluster for r in narrowed.rows} == {cluster}
    keys = [r.cluster or "" for r in everything.rows]
    assert keys == sorted(keys, key=lambda k: k or "\uffff")


def test_notice_lists_the_open_gaps_with_explanations(demo_db: Database, tmp_path: Path) -> None:
    with demo_db.reader() as s:
        gap = s.scalars(
            select(Gap).where(Gap.status.in_(OPEN_STATUSES), Gap.detail_zh.is_not(None)).limit(1)
        ).one()
        org = s.get(Organization, gap.organization_id)
        assert org is not None
        notice = rectification_notice(s, org.id)
        pdf = tmp_path / "notice.pdf"
        run_job(s, PrintJob("notice", organization_ids=(org.id,)), pdf)
    flat = pdftools.searchable(pdf)
    assert pdftools.compact(org.name) in flat
    assert pdftools.compact(RULES_BY_ID[gap.rule_id].title_zh) in flat
    assert pdftools.compact(gap.detail_zh or "") in flat
    assert re.search(rf"存在以下{len(notice.items)}项需要整改的问题", flat)


def _plain(value: object) -> object:
    """A form's data with the record ids (random per database) left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, _plain(getattr(value, f.name)))
                     for f in dataclasses.fields(value) if f.name != "record_id")
    if isinstance(value, list | tuple):
        return tuple(_plain(item) for item in value)
    return value


def _every_form(db: Database) -> dict[str, object]:
    """What every DB-backed form would print for the whole demo zone, keyed by names."""
    with db.reader() as s:
        buildings = {b.id: b.name for b in s.scalars(select(Building))}
        orgs = {o.id: o.name for o in s.scalars(select(Organization))}
        members = select(Person.organization_id).where(
            Person.party_status.in_([PartyStatus.FULL, PartyStatus.PROBATIONARY]))
        with_members = sorted(set(s.scalars(members)), key=orgs.__getitem__)
        with_gaps = sorted(set(s.scalars(select(Gap.organization_id).where(
            Gap.status.in_(OPEN_STATUSES)))), key=orgs.__getitem__)
        return {
            "ledger": _plain(ledger_form(s, today=demo.TODAY)),
            "ledger by cluster": _plain(ledger_form(s, group_by="cluster", today=demo.TODAY)),
            "buildings": sorted(
                (name, [orgs[o] for o in organizations_in_building(s, b)],
                 _plain(sweep_summary(s, b, today=demo.TODAY)))
                for b, name in buildings.items()
            ),
            "registration": sorted(
                _plain(registration_forms(s, list(orgs), today=demo.TODAY)),  # type: ignore[arg-type]
            ),
            "rosters": [_plain(organization_roster(s, o, today=demo.TODAY)) for o in with_members],
            "notices": [_plain(rectification_notice(s, o, today=demo.TODAY)) for o in with_gaps],
            "statistics": [_statistics(s, dim) for dim in DIMENSIONS],
        }


def _statistics(s: Session, dimension: str) -> object:
    """What the statistics form prints by `dimension` (groups in a fixed order)."""
    summary = summarize(s, dimension)
    return _plain((sorted(_plain(g) for g in summary.groups()), summary.total_now,
                   summary.progress_total, sorted(_plain(g) for g in summary.gaps),
                   summary.funding))


def test_the_forms_read_the_same_from_both_engines(
    sqlite_demo: Database, postgresql_demo: Database
) -> None:
    """The same demo zone on SQLite and on PostgreSQL prints the same forms, figure for figure."""
    on_sqlite, on_postgresql = _every_form(sqlite_demo), _every_form(postgresql_demo)
    assert on_sqlite["ledger"] and on_sqlite["rosters"] and on_sqlite["notices"]
    for form, printed in on_sqlite.items():
        assert on_postgresql[form] == printed, form


def test_ledger_by_cluster_keeps_two_clusters_of_one_name_apart(tmp_path: Path) -> None:
    """Two 创业园 in two subdistricts are two sections, each headed with its subdistrict."""
    from yeda_desktop.ledger import reconcile

    db = open_database(tmp_path / "camps.sqlite")
    try:
        with db.session(officer="测试") as s:
            zone = Zone(name="烟台开发区")
            s.add(zone)
            for n, sub_name in enumerate(("八角街道", "古现街道")):
                camp = Cluster(subdistrict=Subdistrict(zone=zone, name=sub_name), name="创业园",
                               kind=ClusterKind.PARK)
                occupy(s, camp, "创业大厦", Organization(name=f"烟台示例{n}号有限公司",
                                                        staff_count=150))
            s.flush()
            reconcile(s)
        with db.reader() as s:
            ledger = ledger_form(s, group_by="cluster", today=demo.TODAY)
            pdf = tmp_path / "ledger.pdf"
            run_job(s, PrintJob("ledger", group_by="cluster", as_of=demo.TODAY), pdf)
    finally:
        db.close()
    per_cluster = Counter(r.cluster for r in ledger.rows)
    assert set(per_cluster) == {"创业园（八角街道）", "创业园（古现街道）"}
    flat = pdftools.searchable(pdf)
    for cluster, n in per_cluster.items():
        assert pdftools.compact(f"集聚区：{cluster}（{n}项）") in flat
