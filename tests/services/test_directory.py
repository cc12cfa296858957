"""The organization directory: pages by keyset or by id reproduce the full order; filters in SQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from yeda_desktop.demo import generate_demo
from yeda_desktop.models import Gap
from yeda_desktop.models.enums import GapStatus, Ownership
from yeda_desktop.services import directory as d
from yeda_desktop.storage import Database, open_database


@pytest.fixture(scope="module", params=["sqlite", "postgresql", "postgresql-pinyin"])
def target(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A SQLite file; a PostgreSQL database; one whose collation sorts Chinese by pinyin.

    The last proves the order is pinned: a server set up for Chinese (zh, ICU) sorts
    text unlike SQLite unless every ORDER BY says otherwise.
    """
    if request.param == "sqlite":
        yield str(tmp_path_factory.mktemp("dir") / "demo.sqlite")
        return
    cluster = request.getfixturevalue("pg_cluster")
    if request.param == "postgresql":
        url = str(cluster.new_database(template=request.getfixturevalue("pg_template")))
    else:
        url = str(cluster.new_database())
        name = make_url(url).database
        cluster.drop_database(url)
        try:
            cluster.execute(
                f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' '
                "LOCALE_PROVIDER icu ICU_LOCALE 'zh' LOCALE 'C.UTF-8'"
            )
        except DBAPIError as exc:  # PostgreSQL < 15 or built without ICU
            pytest.skip(f"no ICU collation on this server: {str(exc.orig).strip()}")
    yield url
    cluster.drop_database(url)


@pytest.fixture(scope="module")
def db(target: str) -> Iterator[Database]:
    database = open_database(target)
    generate_demo(database, 150, 5, None)
    with database.session(officer="测试") as s:
        ids = list(s.scalars(text("SELECT id FROM organizations ORDER BY id LIMIT 12")))
        for n, oid in enumerate(ids):  # 8 open gaps on 6 organizations, 4 closed
            status = GapStatus.CLOSED if n >= 8 else GapStatus.IDENTIFIED
            s.add(
                Gap(
                    organization_id=ids[n % 6] if n < 8 else oid,
                    rule_id="no_party_member",
                    status=status,
                )
            )
    yield database
    database.close()


def _everything(s: Session) -> list[d.DirectoryRow]:
    return d.rows_of(s, list(s.scalars(text("SELECT id FROM organizations"))))


def _expected(rows: list[d.DirectoryRow], sort: str, descending: bool) -> list[str]:
    value = {
        "name": lambda r: r.name,
        "staff": lambda r: -1 if r.staff is None else r.staff,
        "ownership": lambda r: r.ownership.value,
        "members": lambda r: r.members,
        "gaps": lambda r: r.gaps,
    }[sort]
    return [r.id for r in sorted(rows, key=lambda r: (value(r), r.id), reverse=descending)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", list(d.KEYSET_SORTS))
def test_keyset_pages_join_up_to_the_whole_order(db: Database, sort: str, descending: bool) -> None:
    with db.reader() as s:
        everything = _everything(s)
        got: list[str] = []
        after = None
        while True:
            page = d.page(s, d.DirectoryFilter(), sort, descending, after, limit=40)
            assert len(page.rows) <= 40
            got += [r.id for r in page.rows]
            if page.next is None:
                break
            after = page.next
    assert got == _expected(everything, sort, descending)


@pytest.mark.parametrize("sort", ["members", "gaps"])
def test_aggregate_sorts_give_the_whole_order(db: Database, sort: str) -> None:
    with db.reader() as s:
        everything = _everything(s)
        for descending in (False, True):
            ids = d.ordered_ids(s, d.DirectoryFilter(), sort, descending)
            assert ids == _expected(everything, sort, descending)
    assert max(r.gaps for r in everything) == 2  # closed gaps are not counted
    assert sum(r.gaps for r in everything) == 8


def test_building_sort_and_places(db: Database) -> None:
    with db.reader() as s:
        ids = d.ordered_ids(s, d.DirectoryFilter(), "building", False)
        rows = d.rows_of(s, ids)
    buildings = [r.building for r in rows]
    assert buildings == sorted(buildings)
    placed = [r for r in rows if r.unit_id]
    assert placed and all(r.building and r.floor and r.unit for r in placed)


def test_filters_are_done_in_sql(db: Database) -> None:
    with db.reader() as s:
        everything = _everything(s)
        choices = d.place_choices(s)
        building = next(
            b for b in choices.buildings if any(r.building_id == b[0] for r in everything)
        )
        in_building = d.DirectoryFilter(building_id=building[0])
        ids = d.ordered_ids(s, in_building, "members", False)
        assert d.count(s, in_building) == len(ids) > 0
        occupants = set(
            s.scalars(
                text(
                    "SELECT oc.organization_id FROM occupancies oc "
                    "JOIN units u ON u.id = oc.unit_id "
                    "JOIN floors f ON f.id = u.floor_id WHERE f.building_id = :b"
                ),
                {"b": building[0]},
            )
        )
        assert set(ids) == occupants
        sub = choices.subdistricts[0][0]
        foreign = d.DirectoryFilter(subdistrict_id=sub, ownership=Ownership.FOREIGN)
        rows = d.page(s, foreign, "name", False, None, limit=10_000).rows
        assert all(r.ownership is Ownership.FOREIGN for r in rows)
        assert len(rows) == d.count(s, foreign)
        assert d.count(s, d.DirectoryFilter(has_gaps=True)) == 6
        assert d.count(s, d.DirectoryFilter(has_gaps=False)) == len(everything) - 6


def test_text_and_industry_narrow_as_the_search_box_finds(db: Database) -> None:
    """Typed into the directory's filter: a name's start, its pinyin initials, a USCC's
    start find what the search box finds among organizations; an industry section."""
    from pypinyin import Style, lazy_pinyin

    from yeda_desktop.services.search import search

    def listed(flt: d.DirectoryFilter) -> set[str]:
        rows = d.page(s, flt, "name", False, None, limit=10_000).rows
        assert len(rows) == d.count(s, flt)
        return {r.id for r in rows}

    with db.reader() as s:
        everything = _everything(s)
        org = next(r for r in everything if r.uscc)
        initials = "".join(lazy_pinyin(org.name[:4], style=Style.FIRST_LETTER))
        for typed in (org.name[:4], initials, org.uscc[:10].lower(), f"{org.name[:2]} {initials}"):
            found = listed(d.DirectoryFilter(text=typed))
            assert org.id in found, typed
            assert found == {h.ref_id for h in search(s, typed, limit=1000) if h.kind == "org"}
        assert listed(d.DirectoryFilter(text="没有这样的单位")) == set()
        assert listed(d.DirectoryFilter(text="  ")) == {r.id for r in everything}
        section, size = s.execute(text(
            "SELECT industry_section, count(*) FROM organizations "
            "WHERE industry_section IS NOT NULL GROUP BY industry_section "
            "ORDER BY count(*) DESC, industry_section LIMIT 1")).one()
        assert 0 < len(listed(d.DirectoryFilter(industry_section=section))) == size
        both = d.DirectoryFilter(industry_section=section, text=initials)
        assert listed(both) == listed(d.DirectoryFilter(industry_section=section)) & listed(
            d.DirectoryFilter(text=initials))


def test_the_marks_and_the_key_industries_narrow_the_list(db: Database) -> None:
    """规模以上企业, 上市公司, 重点非公企业 and a key industry's members, as the rows say."""
    from sqlalchemy import select

    from yeda_desktop.models import Organization
    from yeda_desktop.models.enums import KeyIndustry

    with db.session(officer="测试") as s:  # the small demo may have no listed company
        for n, org in enumerate(s.scalars(select(Organization).order_by(Organization.id)
                                          .limit(3))):
            org.is_listed = True
            org.is_key_enterprise = org.is_key_enterprise or n == 0
            org.key_industry = org.key_industry or KeyIndustry.EXPRESS
    with db.reader() as s:
        orgs = s.execute(select(Organization.id, Organization.is_above_size,
                                Organization.is_listed, Organization.is_key_enterprise,
                                Organization.key_industry)).all()
        for mark, column in (("above_size", 1), ("listed", 2), ("key_enterprise", 3)):
            wanted = {o[0] for o in orgs if o[column]}
            flt = d.DirectoryFilter(mark=mark)
            assert wanted and {r.id for r in d.page(s, flt, limit=10_000).rows} == wanted
            assert d.count(s, flt) == len(wanted)
        for industry in {o[4] for o in orgs if o[4] is not None}:
            flt = d.DirectoryFilter(key_industry=industry, mark="listed")
            assert {r.id for r in d.page(s, flt, limit=10_000).rows} == {
                o[0] for o in orgs if o[4] is industry and o[2]}
        assert any(o[4] is not None and o[2] for o in orgs)


def test_the_organization_workbook_holds_the_organizations_listed(
    db: Database, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from openpyxl import load_workbook

    from yeda_desktop.excel import export_xlsx

    out = tmp_path_factory.mktemp("listed") / "orgs.xlsx"
    with db.reader() as s:
        org = next(r for r in _everything(s) if r.building_id and r.uscc)
        flt = d.DirectoryFilter(building_id=org.building_id, text=org.name[:3])
        listed = d.page(s, flt, "name", False, None, limit=10_000).rows
        _, count = export_xlsx(s, "organizations", out, organization_filter=flt)
    names = [r[0] for r in load_workbook(out)["两新组织名单"].iter_rows(
        min_row=2, values_only=True)]
    assert count == len(listed) > 0 and org.name in names
    assert sorted(names) == sorted(r.name for r in listed)


def test_place_choices_have_parents(db: Database) -> None:
    with db.reader() as s:
        c = d.place_choices(s)
    subs = {i for i, _ in c.subdistricts}
    clusters = {cluster.id for cluster in c.clusters}
    assert subs and all(cluster.subdistrict_id in subs for cluster in c.clusters)
    assert all(building.cluster_id in clusters for building in c.buildings)


def test_the_pinyin_database_really_sorts_otherwise(db: Database) -> None:
    """Guard for the fixture: unpinned, the ICU-collated server orders names its own way."""
    if db.dialect != "postgresql":
        return
    with db.reader() as s:
        provider = s.scalar(
            text("SELECT datlocprovider FROM pg_database WHERE datname = current_database()")
        )
        plain = list(s.scalars(text("SELECT name FROM organizations ORDER BY name")))
    assert (plain != sorted(plain)) is (provider == "i")


def test_an_empty_database_lists_nothing(db_target: str) -> None:
    database = open_database(db_target)
    with database.reader() as s:
        assert d.count(s, d.DirectoryFilter()) == 0
        assert d.page(s, d.DirectoryFilter()).rows == []
        assert d.ordered_ids(s, d.DirectoryFilter(), "gaps", True) == []
    database.close()
