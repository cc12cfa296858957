"""`yeda org show`: one organization in full, ID numbers masked unless asked for;
`yeda org list`: the directory tab's list, as lines or as the organization workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from yeda_desktop.cli.main import main
from yeda_desktop.models import Organization, Person
from yeda_desktop.services import directory
from yeda_desktop.services.directory import DirectoryFilter, DirectoryRow
from yeda_desktop.storage import open_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("org") / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--orgs", "120", "--seed", "9", "--gaps"]) == 0
    return path


def _an_organization_with_members(demo: Path) -> tuple[str, str, list[str], int]:
    db = open_database(demo)
    try:
        with db.reader() as s:
            org_id = s.scalar(select(Person.organization_id).where(Person.id_number.is_not(None))
                              .group_by(Person.organization_id)
                              .order_by(func.count().desc(), Person.organization_id).limit(1))
            org = s.get(Organization, org_id)
            assert org is not None
            numbers = list(s.scalars(select(Person.id_number).where(
                Person.organization_id == org_id)))
            return org.id, org.name, [i for i in numbers if i], len(numbers)
    finally:
        db.close()


def test_an_organization_in_full_with_its_gaps_and_masked_ids(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org_id, name, id_numbers, people = _an_organization_with_members(demo)
    capsys.readouterr()
    assert main(["--db", str(demo), "org", "show", name]) == 0
    shown = capsys.readouterr().out
    assert f"单位 organization: {name}（{org_id}）" in shown
    assert f"人员 people: {people}" in shown
    assert not any(i in shown for i in id_numbers)  # masked
    assert all(f"{i[:6]}********{i[-4:]}" in shown for i in id_numbers if len(i) == 18)
    assert main(["--db", str(demo), "gaps", "--no-reconcile", "--list", "--org", org_id]) == 0
    listed = {line.split("\t")[0] for line in capsys.readouterr().out.splitlines()
              if line.count("\t") == 6}
    in_show = {line.strip().split("\t")[0] for line in shown.splitlines()
               if line.startswith("  ") and line.count("\t") == 4}  # a gap: id and 4 more
    assert listed == in_show and listed

    assert main(["--db", str(demo), "org", "show", org_id, "--full-id"]) == 0
    full = capsys.readouterr().out
    assert all(i in full for i in id_numbers)


def test_a_name_several_share_is_refused_naming_them(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["--db", str(demo), "org", "show", "有限公司"]) == 2
    assert "有多个单位与“有限公司”相符" in capsys.readouterr().err



def _tab_rows(demo: Path, flt: DirectoryFilter, sort: str = "name",
              desc: bool = False) -> list[DirectoryRow]:
    """The rows as the directory tab reads them: pages of 7 by keyset, or the aggregate
    order read by id."""
    db = open_database(demo)
    try:
        with db.reader() as s:
            if sort not in directory.KEYSET_SORTS:
                return directory.rows_of(s, directory.ordered_ids(s, flt, sort, desc))
            rows: list[DirectoryRow] = []
            after = None
            while True:
                page = directory.page(s, flt, sort, desc, after, limit=7)
                rows += page.rows
                if page.next is None:
                    return rows
                after = page.next
    finally:
        db.close()


def test_the_list_is_the_directory_tab_s_with_its_filters_and_order(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    def listed(*options: str) -> list[list[str]]:
        capsys.readouterr()
        assert main(["--db", str(demo), "org", "list", *options]) == 0
        out = capsys.readouterr().out
        rows = [line.split("\t") for line in out.splitlines() if "\t" in line]
        assert f"列出 {len(rows)} / {len(rows)} 家单位" in out
        return rows

    everything = _tab_rows(demo, DirectoryFilter())
    assert [r[0] for r in listed()] == [r.id for r in everything]
    assert [r[0] for r in listed("--sort", "gaps", "--desc")] == [
        r.id for r in _tab_rows(demo, DirectoryFilter(), "gaps", True)]

    place = next(r for r in everything if r.building_id and r.gaps)
    db = open_database(demo)
    try:
        with db.reader() as s:
            industry = s.scalar(select(Organization.industry_section)
                                .where(Organization.id == place.id))
    finally:
        db.close()
    assert place.building_id is not None and industry is not None
    narrowed = _tab_rows(demo, DirectoryFilter(building_id=place.building_id,
                                               industry_section=industry, has_gaps=True))
    rows = listed("--building", place.building_id, "--industry", industry, "--gaps", "yes")
    assert [r[0] for r in rows] == [r.id for r in narrowed] and place.id in {r[0] for r in rows}
    assert all(r[3].startswith(place.building) and int(r[7]) > 0 for r in rows)

    out = tmp_path / "list.xlsx"
    assert main(["--db", str(demo), "org", "list", "--building", place.building_id,
                 "--xlsx", str(out)]) == 0
    sheet = load_workbook(out)["两新组织名单"]
    names = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert sheet["A1"].value == "单位名称"
    in_building = _tab_rows(demo, DirectoryFilter(building_id=place.building_id))
    assert 0 < len(names) < len(everything)
    assert sorted(names) == sorted(r.name for r in in_building)

    capsys.readouterr()
    assert main(["--db", str(demo), "org", "list", "--text", "没有这样的单位"]) == 1
    assert "列出 0 / 0 家单位" in capsys.readouterr().out
    assert main(["--db", str(demo), "org", "list", "--subdistrict", "没有的街道"]) == 2
    assert "找不到镇街：没有的街道" in capsys.readouterr().err


def test_the_list_narrowed_to_a_mark_or_a_key_industry(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from yeda_desktop.models.enums import KeyIndustry

    def listed(*options: str) -> set[str]:
        capsys.readouterr()
        assert main(["--db", str(demo), "org", "list", *options]) in (0, 1)
        return {line.split("\t")[0] for line in capsys.readouterr().out.splitlines()
                if "\t" in line}

    db = open_database(demo)
    try:
        with db.reader() as s:
            above = set(s.scalars(select(Organization.id).where(Organization.is_above_size)))
            express = set(s.scalars(select(Organization.id).where(
                Organization.key_industry == KeyIndustry.EXPRESS)))
    finally:
        db.close()
    assert above and listed("--mark", "above_size") == above
    assert listed("--key-industry", "express") == express
    assert listed("--mark", "above_size", "--key-industry", "express") == above & express
