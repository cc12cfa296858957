"""Exports: Chinese headers, frozen header row, fitted widths, real dates, no formula injection."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from yeda_desktop.excel import export_xlsx
from yeda_desktop.excel.sheet import discard_workbook, new_workbook, save_workbook, write_table
from yeda_desktop.ledger import reconcile
from yeda_desktop.storage import Database


@pytest.mark.parametrize("kind", ["ledger", "statistics", "organizations", "roster"])
def test_every_export_has_a_frozen_chinese_header(registered: Database, tmp_path: Path,
                                                   kind: str) -> None:
    with registered.reader() as s:
        path, rows = export_xlsx(s, kind, tmp_path / f"{kind}.xlsx")
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    assert ws.freeze_panes == "A2"
    assert all(ws.cell(row=1, column=c).font.bold for c in range(1, ws.max_column + 1))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(ws.cell(row=1, column=1).value))
    assert rows >= 1


def test_formula_like_text_is_stored_as_text(tmp_path: Path) -> None:
    wb = new_workbook()
    payloads = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\")", "普通文字"]
    write_table(wb, "表", ["内容"], [[p] for p in payloads])
    path = save_workbook(wb, tmp_path / "x.xlsx")
    ws = load_workbook(path).active
    cells = [ws.cell(row=r, column=1) for r in range(2, len(payloads) + 2)]
    assert [c.value for c in cells] == payloads
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells[:5])


def test_ledger_detail_with_a_formula_is_not_a_formula(registered: Database,
                                                       tmp_path: Path) -> None:
    with registered.reader() as s:
        path, _ = export_xlsx(s, "ledger", tmp_path / "ledger.xlsx")
    ws = load_workbook(path).active
    headers = [c.value for c in ws[1]]
    cell = ws.cell(row=2, column=headers.index("问题说明") + 1)
    assert (cell.value, cell.data_type) == ('=HYPERLINK("x")', "s")
    due = ws.cell(row=2, column=headers.index("整改期限") + 1)
    assert isinstance(due.value, datetime) and due.value.date() == date(2026, 8, 1)
    assert due.number_format == "yyyy-mm-dd"


def test_widths_fit_wide_characters(tmp_path: Path) -> None:
    wb = new_workbook()
    write_table(wb, "表", ["名称", "代码"], [["烟台业达示例科技有限公司", "91370600"]])
    ws = load_workbook(save_workbook(wb, tmp_path / "w.xlsx")).active
    assert ws.column_dimensions["A"].width >= 24  # 12 CJK characters, two units each
    assert 8 <= ws.column_dimensions["B"].width < 24


def test_roster_masks_id_numbers_unless_asked(registered: Database, tmp_path: Path) -> None:
    with registered.reader() as s:
        masked, _ = export_xlsx(s, "roster", tmp_path / "m.xlsx")
        full, _ = export_xlsx(s, "roster", tmp_path / "f.xlsx", show_ids=True)
    masked_ids = [r[1] for r in load_workbook(masked).active.iter_rows(min_row=2, values_only=True)]
    full_ids = [r[1] for r in load_workbook(full).active.iter_rows(min_row=2, values_only=True)]
    assert all("*" in v for v in masked_ids)
    assert all(len(v) == 18 and "*" not in v for v in full_ids)


def test_unknown_kind_is_a_sentence(registered: Database, tmp_path: Path) -> None:
    from yeda_desktop.errors import YedaError

    with registered.reader() as s, pytest.raises(YedaError, match="未知的导出类型"):
        export_xlsx(s, "everything", tmp_path / "x.xlsx")


def test_a_gap_filter_narrows_the_ledger_only(registered: Database, tmp_path: Path) -> None:
    from yeda_desktop.errors import YedaError
    from yeda_desktop.ledger import LedgerFilter, ledger_rows
    from yeda_desktop.services.directory import DirectoryFilter

    with registered.session(officer="测试") as s:
        reconcile(s)
    with registered.reader() as s:
        rows = ledger_rows(s)
        rule = rows[0].rule_id
        _, count = export_xlsx(s, "ledger", tmp_path / "one.xlsx",
                               ledger_filter=LedgerFilter(rule_id=rule))
        assert count == sum(r.rule_id == rule for r in rows) < len(rows)
        with pytest.raises(YedaError, match="只有专项工作台账可以按问题筛选"):
            export_xlsx(s, "roster", tmp_path / "r.xlsx", ledger_filter=LedgerFilter())
        with pytest.raises(YedaError, match="只有两新组织名单可以按单位筛选"):
            export_xlsx(s, "ledger", tmp_path / "r.xlsx", organization_filter=DirectoryFilter())
    assert not (tmp_path / "r.xlsx").exists()


def test_a_cancelled_export_leaves_the_file_there_as_it_was(
    registered: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yeda_desktop.excel.sheet as sheet

    monkeypatch.setattr(sheet, "PROGRESS_ROWS", 1)
    with registered.session(officer="t") as s:
        reconcile(s)
    target = tmp_path / "台账.xlsx"
    seen: list[tuple[int, int]] = []
    with registered.reader() as s:
        _, count = export_xlsx(s, "ledger", target, progress=lambda *p: seen.append(p))
    assert count > 1 and seen == [(n, count) for n in range(1, count + 1)]
    before = target.read_bytes()

    class Stop(Exception):
        """What a Cancel raises from the progress callback."""

    def cancel(done: int, _total: int) -> None:
        if done == 2:
            raise Stop

    with registered.reader() as s, pytest.raises(Stop):
        export_xlsx(s, "ledger", target, progress=cancel)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if ".xlsx" in p.name] == ["台账.xlsx"]


def test_an_odd_stored_id_number_is_never_shown_whole(registered: Database, tmp_path: Path) -> None:
    """A value the validators would refuse now (kept from an old import, say) is masked as
    the printed roster masks it; the workbook's own masking showed a 10-character value
    whole (its first six and last four characters overlapping)."""
    from sqlalchemy import text

    from yeda_desktop.id_masking import mask_id_number

    with registered.session() as s:
        s.execute(text("UPDATE people SET id_number = '1234567890' WHERE id = "
                       "(SELECT id FROM people WHERE id_number IS NOT NULL ORDER BY id LIMIT 1)"))
    with registered.reader() as s:
        path, _ = export_xlsx(s, "roster", tmp_path / "m.xlsx")
    shown = [r[1] for r in load_workbook(path).active.iter_rows(min_row=2, values_only=True)]
    assert "******7890" in shown and mask_id_number("1234567890") == "******7890"
    assert not any("1234567890" in (v or "") for v in shown)


def test_a_waiver_in_the_workbook_names_who_decided_it(registered: Database,
                                                       tmp_path: Path) -> None:
    from sqlalchemy import select

    from yeda_desktop.ledger import waive
    from yeda_desktop.models import Gap

    with registered.session(officer="支部书记") as s:
        gap = s.scalars(select(Gap)).one()
        waive(s, gap, "企业已迁出开发区", "区委组织部")
    with registered.reader() as s:
        path, _ = export_xlsx(s, "ledger", tmp_path / "ledger.xlsx")
    ws = load_workbook(path).active
    headers = [c.value for c in ws[1]]
    row = [c.value for c in ws[2]]
    assert (row[headers.index("豁免理由")], row[headers.index("豁免决定人")]) == (
        "企业已迁出开发区", "区委组织部")


def test_a_missing_output_folder_is_refused_not_made(registered: Database, tmp_path: Path) -> None:
    """`--out /nonexistent/x.xlsx` said "exported" and made /nonexistent: a mistyped folder is
    refused before anything is read, and nothing is created."""
    from yeda_desktop.errors import YedaError

    target = tmp_path / "typo" / "名单.xlsx"
    with registered.reader() as s, pytest.raises(YedaError) as refused:
        export_xlsx(s, "organizations", target)
    assert refused.value.zh == f"输出文件夹不存在：{target.parent}"
    assert not target.parent.exists()
    wb = new_workbook()
    write_table(wb, "表", ["列"], [[1]])
    try:
        with pytest.raises(YedaError, match="output folder does not exist"):
            save_workbook(wb, target)
    finally:
        discard_workbook(wb)  # the caller's part (export_xlsx does it)
    assert not target.parent.exists()
