"""`yeda ledger`: a gap's rectification step by step from the command line, as the ledger tab."""

from __future__ import annotations

import io
import shlex
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from yeda_desktop.cli.main import main
from yeda_desktop.ledger import LedgerRow, ledger_rows
from yeda_desktop.models import Gap, GapEvent
from yeda_desktop.models.enums import GapAction, GapStatus
from yeda_desktop.storage import open_database


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ledger") / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--orgs", "120", "--seed", "5", "--gaps"]) == 0
    return path


def _listed(demo: Path, capsys: pytest.CaptureFixture[str], *filters: str) -> list[list[str]]:
    """The rows `yeda gaps --list` prints, split at the tabs."""
    capsys.readouterr()
    assert main(["--db", str(demo), "gaps", "--no-reconcile", "--list", *filters]) == 0
    return [line.split("\t") for line in capsys.readouterr().out.splitlines() if "\t" in line]


def _gap(demo: Path, gap_id: str) -> tuple[Gap, list[GapEvent]]:
    db = open_database(demo)
    try:
        with db.reader() as s:
            gap = s.get(Gap, gap_id)
            assert gap is not None
            events = list(s.scalars(select(GapEvent).where(GapEvent.gap_id == gap_id)
                                    .order_by(GapEvent.at, GapEvent.created_at)))
            s.expunge_all()
            return gap, events
    finally:
        db.close()


def _ledger_rows(demo: Path) -> list[LedgerRow]:
    db = open_database(demo)
    try:
        with db.reader() as s:
            return ledger_rows(s)
    finally:
        db.close()


def _ledger(demo: Path, *args: str) -> list[str]:
    return ["--db", str(demo), "--officer", "王主任", "ledger", *args]


def test_a_gap_is_taken_from_identified_to_closed_on_the_day_of_the_work(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _listed(demo, capsys, "--rule", "no_work_coverage", "--status", "identified")
    gap_id, status, title, org = rows[0][:4]
    assert (status, title) == ("已发现", "工作未覆盖")
    assert {r[3] for r in _listed(demo, capsys, "--org", org)} == {org}

    assert main(_ledger(demo, "assign", gap_id, "--measure", "instructor",
                        "--responsible", "李指导员", "--due", "2026-12-31")) == 0
    out = capsys.readouterr().out
    assert f"单位“{org}”的“工作未覆盖”（{gap_id}）：已发现 → 已落实措施" in out
    assert "负责人 李指导员，期限 2026-12-31" in out
    assert main(_ledger(demo, "start", gap_id, "--note", "已联系企业")) == 0
    worked = (date.today() - timedelta(days=3)).isoformat()
    assert main(_ledger(demo, "close", gap_id, "--evidence", "已选派党建指导员，见会议记录",
                        "--on", worked)) == 0
    assert "整改中 → 已整改" in capsys.readouterr().out

    gap, events = _gap(demo, gap_id)
    assert (gap.status, gap.action, gap.responsible, gap.due_on, gap.closed_on) == (
        GapStatus.CLOSED, GapAction.INSTRUCTOR, "李指导员", date(2026, 12, 31),
        date.fromisoformat(worked))
    assert [(e.to_status, e.officer) for e in events][1:] == [
        (GapStatus.ASSIGNED, "王主任"), (GapStatus.IN_PROGRESS, "王主任"),
        (GapStatus.CLOSED, "王主任")]

    assert main(_ledger(demo, "show", gap_id)) == 0
    shown = capsys.readouterr().out
    assert f"单位 organization: {org}" in shown and "状态 status: 已整改（closed）" in shown
    assert "措施 measure: 选派党建指导员" in shown
    closing = f"{worked} 整改完成；佐证：已选派党建指导员，见会议记录"
    assert f"王主任  整改中 → 已整改  {closing}" in shown


def test_several_gaps_change_together_or_not_at_all(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One gap that cannot be closed (never assigned) stops the others: the message names
    it, and neither is closed."""
    rows = _listed(demo, capsys, "--rule", "data_quality", "--status", "identified")
    first, second = rows[0][0], rows[1][0]
    assert main(_ledger(demo, "assign", first, "--measure", "核实更正数据")) == 0  # as listed
    assert _gap(demo, first)[0].action == GapAction.FIX_RECORD
    capsys.readouterr()
    assert main(_ledger(demo, "close", first, second, "--evidence", "已核实")) == 2
    err = capsys.readouterr().err
    assert f"（{second}）：该问题当前为“已发现”，不能改为“已整改”；未做任何修改" in err
    assert _gap(demo, first)[0].status == GapStatus.ASSIGNED
    assert _gap(demo, second)[0].status == GapStatus.IDENTIFIED

    assert main(_ledger(demo, "responsible", first, second, first, "--name", "张科长",
                        "--due", "2027-01-15")) == 0
    assert "共 2 项" in capsys.readouterr().out  # a gap named twice counts once
    assert {_gap(demo, g)[0].responsible for g in (first, second)} == {"张科长"}


def test_what_the_command_line_refuses_it_says_and_writes_nothing(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gap_id = _listed(demo, capsys, "--rule", "floating_members", "--status", "identified")[0][0]
    cases = [
        (["assign", gap_id, "--measure", "instructor", "--due", "2026-13-01"],
         "--due 的日期无效：2026-13-01（应为 2026-12-31 这样的格式）"),
        (["start", "ffffffff-0000"], "找不到编号为 ffffffff-0000 的问题"),
        (["start", gap_id[:8]], f"{gap_id[:8]} 是多个问题编号的开头，请多写几位"),
        (["show", "工作未覆盖"], "“工作未覆盖”不是问题编号"),
        (["reopen", gap_id, "--reason", " "], "请填写重新打开的原因"),
    ]
    before = _gap(demo, gap_id)
    for args, said in cases:
        assert main(_ledger(demo, *args)) == 2, args
        assert said in capsys.readouterr().err, args
    # Waived by whom: no --by and no --officer.
    assert main(["--db", str(demo), "ledger", "waive", gap_id, "--reason", "企业已注销"]) == 2
    assert "请填写豁免决定人" in capsys.readouterr().err
    after = _gap(demo, gap_id)
    assert (after[0].status, len(after[1])) == (before[0].status, len(before[1]))

    assert main(_ledger(demo, "waive", gap_id, "--reason", "企业已注销", "--by", "刘书记")) == 0
    gap, events = _gap(demo, gap_id)
    assert (gap.status, gap.waived_by, events[-1].note) == (
        GapStatus.WAIVED, "刘书记", "企业已注销（决定人：刘书记）")


def test_the_gaps_of_a_building_listed_are_piped_into_one_step(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`yeda gaps --list --building B --open | yeda ledger responsible - --name P`: every
    open gap of the building's organizations, and none of another building's."""
    rows = _ledger_rows(demo)
    building = next(r.building_id for r in rows if r.building_id and r.status.value == "identified")
    theirs = {r.gap_id for r in rows if r.building_id == building and r.status.value in (
        "identified", "assigned", "in_progress")}
    # A real pipe: both commands run at once, and the listing holds the database until
    # it has printed its last line (the step reads its input to the end before opening it).
    yeda = f"{shlex.quote(sys.executable)} -m yeda_desktop.cli.main --db {shlex.quote(str(demo))}"
    piped = subprocess.run(
        f"{yeda} gaps --no-reconcile --list --open --building {building} | {yeda} --officer "
        "王主任 ledger responsible - --name 楼宇联络员 --due 2027-02-01",
        shell=True, capture_output=True, text=True, check=False, timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert f"共 {len(theirs)} 项" in piped.stdout
    ids = [line.split("（")[-1].split("）")[0] for line in piped.stdout.splitlines()[:-1]]
    assert set(ids) == theirs
    assert main(["--db", str(demo), "gaps", "--no-reconcile", "--list",
                 "--responsible", "楼宇联络员"]) == 0
    assert {line.split("\t")[0] for line in capsys.readouterr().out.splitlines()
            if line.count("\t") == 6} == theirs

    monkeypatch.setattr("sys.stdin", io.StringIO("列出 0 / 0 项\n"))
    assert main(_ledger(demo, "start", "-")) == 2
    assert "标准输入中没有问题编号" in capsys.readouterr().err


def test_the_list_narrows_as_the_ledger_tab_filters_do(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = _ledger_rows(demo)
    sub = next(r.subdistrict for r in rows if r.subdistrict)
    ownership = next(r.ownership for r in rows if r.subdistrict == sub)
    wanted = {r.gap_id for r in rows if r.subdistrict == sub and r.ownership == ownership}
    listed = _listed(demo, capsys, "--subdistrict", sub, "--ownership", ownership.value)
    assert {r[0] for r in listed} == wanted
    cluster = next(r.cluster_id for r in rows if r.cluster_id and r.subdistrict == sub)
    assert cluster is not None
    assert {r[0] for r in _listed(demo, capsys, "--cluster", cluster)} == {
        r.gap_id for r in rows if r.cluster_id == cluster}

    capsys.readouterr()
    assert main(["--db", str(demo), "gaps", "--list", "--subdistrict", "没有的街道"]) == 2
    assert "找不到镇街：没有的街道" in capsys.readouterr().err


def test_the_ledger_workbook_takes_the_same_filters_as_the_list(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    rows = _ledger_rows(demo)
    building = next(r.building for r in rows if r.building)
    filters = ("--building", building, "--open")
    listed = _listed(demo, capsys, *filters)
    assert 0 < len(listed) < len(rows)
    out = tmp_path / "ledger.xlsx"
    assert main(["--db", str(demo), "export-xlsx", "ledger", "--out", str(out), *filters]) == 0
    assert f"已导出 {len(listed)} 行" in capsys.readouterr().out
    sheet = load_workbook(out)["专项工作台账"]
    header = [c.value for c in sheet[1]]
    written = [dict(zip(header, r, strict=True))
               for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert {w["楼宇"] for w in written} == {building}
    assert sorted((w["单位名称"], w["问题说明"]) for w in written) == sorted(
        (r[3], r[4]) for r in listed)

    org = listed[0][3]
    assert main(["--db", str(demo), "export-xlsx", "ledger", "--out", str(out),
                 "--org", org]) == 0
    assert {c.value for c in load_workbook(out)["专项工作台账"]["A"][1:]} == {org}

    capsys.readouterr()
    roster = tmp_path / "roster.xlsx"
    assert main(["--db", str(demo), "export-xlsx", "roster", "--out", str(roster),
                 "--building", building]) == 2
    assert "只适用于 ledger" in capsys.readouterr().err and not roster.exists()


def test_text_finds_an_organization_by_its_pinyin_initials(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypinyin import Style, lazy_pinyin

    rows = _ledger_rows(demo)
    name = rows[0].organization
    initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))  # the whole name's
    listed = _listed(demo, capsys, "--text", initials)
    assert listed and {r[3] for r in listed} == {name}
    assert len(listed) == sum(r.organization == name for r in rows)
