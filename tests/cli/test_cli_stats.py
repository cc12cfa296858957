"""`yeda stats`: the statistics tab's figures on the command line, as the workbook has them."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from yeda_desktop.cli.main import main
from yeda_desktop.models import Organization
from yeda_desktop.models.enums import Ownership
from yeda_desktop.storage import open_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stats") / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--orgs", "150", "--seed", "7", "--gaps"]) == 0
    return path


def _stats(demo: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    capsys.readouterr()
    assert main(["--db", str(demo), "stats", *args]) == 0
    return capsys.readouterr().out.splitlines()


def test_the_figures_agree_with_the_workbook_and_count_every_organization(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _stats(demo, capsys)
    assert lines[0].startswith("扫楼活动 campaign: ") and "—" not in lines[0]
    rows = [line.split("\t") for line in lines[5:]]
    assert lines[4].split("\t")[:3] == ["镇街", "组织数", "组织覆盖率"]
    db = open_database(demo)
    try:
        with db.reader() as s:
            organizations = s.scalar(select(func.count()).select_from(Organization))
    finally:
        db.close()
    assert sum(int(r[1].replace(",", "")) for r in rows) == organizations

    out = tmp_path / "stats.xlsx"
    assert main(["--db", str(demo), "export-xlsx", "statistics", "--out", str(out)]) == 0
    sheet = load_workbook(out)["覆盖率-镇街"]
    in_workbook = {row[0]: (row[1], row[3], row[5]) for row in
                   sheet.iter_rows(min_row=2, values_only=True) if row[0]}
    shown = {r[0]: (int(r[1].replace(",", "")), float(r[2].rstrip("%")),
                    float(r[4].rstrip("%"))) for r in rows}
    assert shown == in_workbook
    whole = load_workbook(out)["覆盖率-全区"]
    org_rate = next(whole.iter_rows(min_row=2, values_only=True))[3]
    assert lines[1].startswith(f"组织覆盖率 organization coverage: {org_rate:.1f}%")


def test_groups_read_as_words(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    groups = {line.split("\t")[0] for line in _stats(demo, capsys, "--by", "ownership")[5:]}
    assert groups and groups <= {o.zh for o in Ownership}
    industries = [line.split("\t")[0] for line in _stats(demo, capsys, "--by", "industry")[5:]]
    assert any(" " in g for g in industries)  # "C 制造业", not "C"
