"""`yeda search`: the search box's answers on the command line, each with where it is."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypinyin import Style, lazy_pinyin
from sqlalchemy import select

from yeda_desktop.cli.main import main
from yeda_desktop.models import Organization, Person
from yeda_desktop.services.search import org_places
from yeda_desktop.storage import open_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--orgs", "80", "--seed", "11"]) == 0
    return path


def _hits(demo: Path, capsys: pytest.CaptureFixture[str], *text: str) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["--db", str(demo), "search", *text])
    return code, capsys.readouterr().out.splitlines()


def test_an_organization_is_found_by_pinyin_initials_with_its_place(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(demo)
    try:
        with db.reader() as s:
            person = s.scalars(select(Person).join(Organization).where(
                Organization.uscc.is_not(None)).order_by(Person.name)).first()
            assert person is not None
            org = person.organization
            place = org_places(s, {org.id})[org.id]
            org_id, name, uscc, person_id, person_name = (
                org.id, org.name, org.uscc, person.id, person.name)
    finally:
        db.close()
    initials = "".join(lazy_pinyin(name[:6], style=Style.FIRST_LETTER))
    code, lines = _hits(demo, capsys, initials)
    assert code == 0
    where = f"{place.building_name} {place.floor_label}层 {place.unit_label}"
    assert f"{org_id}\t单位 organization\t{name}\t{uscc}\t{where}" in lines
    assert lines[-1].startswith("找到 ")

    code, lines = _hits(demo, capsys, person_name)
    assert code == 0
    assert any(line.startswith(f"{person_id}\t人员 person\t{person_name}\t{name}\t{where}")
               for line in lines)


def test_a_room_is_found_in_every_building_and_nothing_says_so(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = _hits(demo, capsys, "101")
    rooms = [line.split("\t") for line in lines if "\t房间 unit\t" in line]
    exact = [r for r in rooms if r[2] == "101"]
    assert code == 0 and len(exact) > 1 and rooms[: len(exact)] == exact  # the 101s first
    assert all(" · " in r[3] and r[3].endswith(" 1层") for r in exact)  # cluster · building
    code, lines = _hits(demo, capsys, "没有这样的单位")
    assert (code, lines) == (1, ["找到 0 项 / 0 found"])
