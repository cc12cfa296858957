"""`yeda gaps`, `yeda export-xlsx` and `yeda import-xlsx` on a small demo zone."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from yeda_desktop.cli.main import main
from yeda_desktop.models import ChangeLog, Gap, Organization
from yeda_desktop.storage import open_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--orgs", "200", "--seed", "3"]) == 0
    return path


def _count(path: Path, model: type) -> int:
    db = open_database(path)
    try:
        with db.reader() as s:
            return s.scalar(select(func.count()).select_from(model)) or 0
    finally:
        db.close()


def test_gaps_evaluates_reconciles_and_lists(demo: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo), "--officer", "测试", "gaps"]) == 0
    first = capsys.readouterr().out
    opened = _count(demo, Gap)
    assert opened > 0 and f"新发现 {opened} 项" in first
    assert main(["--db", str(demo), "gaps", "--list", "--rule", "no_work_coverage",
                 "--limit", "2"]) == 0
    again = capsys.readouterr().out
    assert "新发现 0 项" in again and "工作未覆盖" in again
    assert _count(demo, Gap) == opened


def test_export_and_import_round_trip(demo: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "orgs.xlsx"
    assert main(["--db", str(demo), "export-xlsx", "organizations", "--out", str(out)]) == 0
    assert out.exists()
    log_before = _count(demo, ChangeLog)
    assert main(["--db", str(demo), "--officer", "测试", "import-xlsx", str(out),
                 "--accept"]) == 0
    assert "新增 0，更新 0" in capsys.readouterr().out
    assert _count(demo, ChangeLog) == log_before
    for kind in ("ledger", "statistics", "roster"):
        assert main(["--db", str(demo), "export-xlsx", kind, "--out",
                     str(tmp_path / f"{kind}.xlsx")]) == 0


def test_import_without_accept_writes_nothing(demo: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    wb = Workbook()
    wb.active.append(["单位名称", "职工人数"])
    wb.active.append(["烟台命令行导入有限公司", 12])
    wb.active.append(["烟台坏行有限公司", "许多"])
    wb.save(tmp_path / "new.xlsx")
    before = _count(demo, Organization)
    assert main(["--db", str(demo), "import-xlsx", str(tmp_path / "new.xlsx")]) == 1
    out = capsys.readouterr().out
    assert "第 3 行" in out and "未写入任何数据" in out
    assert _count(demo, Organization) == before
    assert main(["--db", str(demo), "import-xlsx", str(tmp_path / "new.xlsx"), "--accept"]) == 0
    assert _count(demo, Organization) == before + 1


def test_statistics_name_every_group_in_words(demo: Path, tmp_path: Path) -> None:
    """Ownership and industry groups read as words in both the coverage and the progress
    sheets (the progress sheets printed the stored codes: association, C)."""
    from openpyxl import load_workbook

    out = tmp_path / "statistics.xlsx"
    assert main(["--db", str(demo), "export-xlsx", "statistics", "--out", str(out)]) == 0
    wb = load_workbook(out)
    for sheet in ("覆盖率-经济类型", "扫楼进度-经济类型", "覆盖率-行业门类", "扫楼进度-行业门类"):
        groups = [row[0] for row in wb[sheet].iter_rows(min_row=2, values_only=True)]
        assert groups, sheet
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in str(g)) for g in groups), (
            sheet, groups)
    industries = [row[0] for row in wb["扫楼进度-行业门类"].iter_rows(min_row=2, values_only=True)]
    assert any(str(g).startswith("C ") and "制造业" in str(g) for g in industries), industries
