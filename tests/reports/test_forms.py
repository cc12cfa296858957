"""The five forms rendered to PDF and read back with poppler-utils: text, fonts, pages, QR codes."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
import report_pdftools as pdftools
import report_samples as samples

from yeda_desktop.reports import (
    RenderCancelled,
    render_blank_registration,
    render_ledger,
    render_notice,
    render_registration,
    render_roster,
    render_sweep_summary,
)
from yeda_desktop.reports.forms.roster import FULL_NOTE, MASKED_NOTE

pytestmark = pytest.mark.usefixtures("poppler")


def _all_embedded(pdf: Path) -> list[str]:
    listed = pdftools.fonts(pdf)
    assert listed, "no fonts listed"
    assert all(emb and sub for _, emb, sub in listed), listed
    return [name for name, _, _ in listed]


def test_registration_text_fonts_and_pages(tmp_path: Path) -> None:
    pdf = tmp_path / "reg.pdf"
    assert render_registration([samples.ORG, samples.SPARSE_ORG], pdf, meta=samples.META) == 2
    full = pdftools.text(pdf)
    flat = pdftools.searchable(pdf)
    for expected in (
        "两新组织党建情况登记表",
        "烟台业达智能装备有限公司",
        "91370600MA3C5XYZ1K",
        "从业人员数128",
        "李𠮷明",
        "王䶮",
        "阿卜杜·热合曼",
        "国际人才港A座",
        "A座12层1203；A座12层1204",
        "2024年6月18日",
        "电梯上行右转，前台登记后进入）",  # end of the long address: wrapped, not cut off
        samples.MARKUP_NAME,  # <b>&</b> prints as typed
        "第1页共2页",
        "第2页共2页",
    ):
        assert expected in flat, expected
    assert "None" not in full
    assert pdftools.pages(pdf) == 2
    names = _all_embedded(pdf)
    assert any("HanaMinA" in n for n in names) and any("HanaMinB" in n for n in names)


def test_empty_fields_print_no_none(tmp_path: Path) -> None:
    pdf = tmp_path / "sparse.pdf"
    render_registration([samples.SPARSE_ORG], pdf)
    t = pdftools.text(pdf)
    assert "None" not in t and "null" not in t
    assert samples.MARKUP_NAME in pdftools.compact(t)


def test_blank_registration(tmp_path: Path) -> None:
    pdf = tmp_path / "blank.pdf"
    assert render_blank_registration(pdf, meta=samples.META) == 1
    flat = pdftools.searchable(pdf)
    assert "两新组织党建情况登记表" in flat and "统一社会信用代码" in flat
    assert "2024年6月18日" not in flat  # the date is for the hand to fill in
    assert "None" not in flat
    _all_embedded(pdf)


def test_roster_masks_ids_by_default(tmp_path: Path) -> None:
    pdf = tmp_path / "roster.pdf"
    pages = render_roster(samples.roster(), pdf, meta=samples.META)
    t = pdftools.text(pdf)
    flat = pdftools.searchable(pdf)
    assert "370602********1234" in flat and "650102********1235" in flat
    assert "370602198805061234" not in flat
    assert pdftools.compact(t).count(pdftools.compact(MASKED_NOTE)) == pages
    assert FULL_NOTE not in t
    assert "李𠮷明" in flat and "阿卜杜·热合曼" in flat and "王䶮" in flat
    assert "合计：党员45名" in flat
    _all_embedded(pdf)


def test_roster_full_ids_on_request(tmp_path: Path) -> None:
    pdf = tmp_path / "roster-full.pdf"
    render_roster(samples.roster(8), pdf, full_id_numbers=True)
    flat = pdftools.searchable(pdf)
    assert "370602198805061234" in flat
    assert "********" not in flat
    assert pdftools.compact(FULL_NOTE) in flat


def test_ledger_300_rows_pages_and_header_on_every_page(tmp_path: Path) -> None:
    pdf = tmp_path / "ledger.pdf"
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    pages = render_ledger(samples.ledger(300), pdf, meta=samples.META, progress=progress)
    assert pages > 5
    assert pdftools.pages(pdf) == pages
    for page in range(1, pages + 1):
        flat = pdftools.compact(pdftools.text(pdf, page))
        assert f"第{page}页共{pages}页" in flat, page
        assert "单位名称" in flat and "问题类型" in flat and "整改时限" in flat, page
    flat = pdftools.searchable(pdf)
    for group in samples.SUBDISTRICTS:
        assert f"镇街：{group}（75项）" in flat
    assert "职工50人，未发现党员" in flat and "共300项" in flat
    # progress: monotonic, ends at total = 300 rows + 4 group rows
    assert calls[-1] == (304, 304)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    _all_embedded(pdf)


def test_ledger_groups_by_cluster(tmp_path: Path) -> None:
    pdf = tmp_path / "ledger-c.pdf"
    render_ledger(samples.ledger(40), pdf, group_by="cluster")
    flat = pdftools.searchable(pdf)
    for group in samples.CLUSTERS:
        assert f"集聚区：{group}（8项）" in flat


def test_cancel_leaves_no_file(tmp_path: Path) -> None:
    pdf = tmp_path / "cancelled.pdf"
    with pytest.raises(RenderCancelled):
        render_ledger(samples.ledger(300), pdf, progress=lambda done, total: False)
    assert list(tmp_path.iterdir()) == []


def test_failed_render_keeps_previous_file(tmp_path: Path) -> None:
    pdf = tmp_path / "keep.pdf"
    pdf.write_bytes(b"old")
    with pytest.raises(RenderCancelled):
        render_roster(samples.roster(), pdf, progress=lambda done, total: False)
    assert pdf.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.pdf"]


def test_stream_output() -> None:
    buf = io.BytesIO()
    assert render_notice(samples.notice(), buf) == 1
    assert buf.getvalue().startswith(b"%PDF-")


def test_sweep_summary(tmp_path: Path) -> None:
    pdf = tmp_path / "sweep.pdf"
    summary = samples.sweep()
    pages = render_sweep_summary(summary, pdf, meta=samples.META)
    flat = pdftools.searchable(pdf)
    staff = sum(r.staff_count or 0 for r in summary.rows)
    assert "楼宇扫楼情况汇总表" in flat and "国际人才港A座" in flat
    assert "B1层共1个房间" in flat and "3A层" in flat
    assert f"合计：{len(summary.rows)}个房间" in flat and str(staff) in flat
    assert "50人以上无党员" in flat
    assert f"第{pages}页共{pages}页" in flat
    _all_embedded(pdf)


def test_notice(tmp_path: Path) -> None:
    pdf = tmp_path / "notice.pdf"
    render_notice(samples.notice(), pdf, meta=samples.META)
    flat = pdftools.searchable(pdf)
    for expected in (
        "整改提示单",
        "业两新整改〔2024〕015号",
        "存在以下3项需要整改的问题",
        "于2024年7月31日前",
        "与同楼宇单位组建联合党支部",
        "（盖章）",
        "第1页共1页",
    ):
        assert expected in flat, expected
    assert "None" not in flat
    _all_embedded(pdf)


@pytest.mark.parametrize(
    ("render", "expected"),
    [
        (
            lambda p: render_registration([samples.ORG], p),
            f"yeda:registration:{samples.ORG_ID}",
        ),
        (lambda p: render_blank_registration(p), "yeda:registration:blank"),
        (
            lambda p: render_ledger(samples.ledger(10), p),
            "yeda:ledger:c0ffee00-3333-4444-8555-666677778888",
        ),
    ],
)
def test_qr_code_decodes(tmp_path: Path, render: object, expected: str) -> None:
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg missing (Debian zbar-tools): QR codes not decoded")
    pdf = tmp_path / "qr.pdf"
    assert callable(render)
    render(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    png = next(tmp_path.glob("p*.png"))
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
    assert out.stdout.strip() == expected
