"""两新组织党建工作统计表: `yeda pdf statistics`, the same figures as the statistics tab."""

from __future__ import annotations

from pathlib import Path

import pytest
import report_pdftools as pdftools

from yeda_desktop.cli.main import main
from yeda_desktop.ledger.lifecycle import OPEN_STATUSES
from yeda_desktop.stats import FundingInputs, summarize
from yeda_desktop.stats.dimensions import group_label
from yeda_desktop.storage import open_database

pytestmark = pytest.mark.usefixtures("poppler")


def _pct(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def _print(demo_path: Path, out: Path, *args: str) -> str:
    rc = main(["--db", str(demo_path), "pdf", "statistics", *args, "--out", str(out),
               "--date", "2024-07-01"])
    assert rc == 0 and out.read_bytes().startswith(b"%PDF-")
    return pdftools.text(out)


def test_statistics_print_the_tab_s_figures_with_the_funding_typed(
    demo_path: Path, tmp_path: Path
) -> None:
    """By subdistrict: each subdistrict's row as the tab shows it, the zone's rates, the
    ledger's open gaps, and the estimate for 2, 3 and 4 certified workers."""
    funding = FundingInputs(staff_by_level=(2, 3, 4))
    db = open_database(demo_path)
    with db.reader() as s:
        summary = summarize(s, "subdistrict", funding)
        untyped = summarize(s, "subdistrict")
    db.close()
    # the typed workers: (2 x 300 + 3 x 200 + 4 x 100) yuan a month for 12 months
    assert summary.funding.total == untyped.funding.total + 19_200
    text = _print(demo_path, tmp_path / "s.pdf", "--staff-by-level", "2,3,4")
    flat = pdftools.compact(text)
    assert "两新组织党建工作统计表" in flat and "2024年7月1日" in flat
    assert summary.total_now is not None
    assert f"组织覆盖率{_pct(summary.total_now.org_rate)}" in flat
    assert f"工作覆盖率{_pct(summary.total_now.work_rate)}" in flat
    assert summary.groups()
    lines = [pdftools.compact(line) for line in text.splitlines()]
    for g in summary.groups():
        name = group_label("subdistrict", g.coverage.group)
        row = next(line for line in lines if line.startswith(name))
        assert row.startswith(f"{name}{g.coverage.organizations:,}{g.coverage.org_covered:,}"
                              f"{_pct(g.coverage.org_rate)}")
    open_gaps = sum(g.count for g in summary.gaps if g.status in OPEN_STATUSES)
    assert open_gaps
    assert f"在整改问题{open_gaps:,}项" in flat
    assert f"合计{summary.funding.total:,}" in flat


def test_by_industry_the_total_counts_each_floor_once(demo_path: Path, tmp_path: Path) -> None:
    """Organizations of two industries on one floor: the floor is in both industries' rows,
    once in the total (the zone's own figure, not the sum of the rows)."""
    db = open_database(demo_path)
    with db.reader() as s:
        summary = summarize(s, "industry")
    db.close()
    assert summary.progress_total is not None and summary.total_now is not None
    orgs = summary.total_now.organizations
    rows_sum = sum(p.floors for p in summary.progress_now)
    assert rows_sum > summary.progress_total.floors  # the demo has such floors
    total = next(pdftools.compact(line) for line in
                 _print(demo_path, tmp_path / "i.pdf", "--by", "industry").splitlines()
                 if pdftools.compact(line).startswith(f"合计{orgs:,}"))
    swept = f"{summary.progress_total.floors_swept:,}/{summary.progress_total.floors:,}"
    assert swept in total


@pytest.mark.parametrize("command", [["pdf", "statistics", "--out", "x.pdf"],
                                     ["export-xlsx", "statistics", "--out", "x.xlsx"]])
@pytest.mark.parametrize("levels", ["1,2", "1,-2,3", "a,b,c"])
def test_a_wrong_list_of_levels_is_refused_by_name(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    command: list[str], levels: str,
) -> None:
    """It was a traceback from FundingInputs; now argparse names the option and the form."""
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(demo_path), *command, "--staff-by-level", levels])
    err = capsys.readouterr().err
    assert exited.value.code == 2
    assert "--staff-by-level" in err and "须为 3 个不小于 0 的整数" in err
    assert "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()
