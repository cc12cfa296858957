"""`yeda org show`: one organization in full, ID numbers masked unless asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from yeda_desktop.cli.main import main
from yeda_desktop.models import Organization, Person
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
