"""`yeda party`, `yeda instructor` and `yeda org set`: what closes a coverage gap recorded
from the command line, and the ledger's gap resolved by the data at the next evaluation."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from yeda_desktop.cli.main import main
from yeda_desktop.ledger import ledger_rows
from yeda_desktop.models import Instructor, Organization, PartyOrg, PartyOrgCoverage
from yeda_desktop.models.enums import GapStatus, Ownership
from yeda_desktop.storage import open_database


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--orgs", "200", "--seed", "5", "--gaps"]) == 0
    return path


def _run(capsys: pytest.CaptureFixture[str], demo: Path, *args: str,
         expect: int = 0) -> tuple[str, str]:
    capsys.readouterr()
    assert main(["--db", str(demo), "--officer", "王芳", *args]) == expect
    captured = capsys.readouterr()
    return captured.out, captured.err


def _open_gaps(demo: Path, rule: str) -> list[str]:
    """Organizations with an open gap of `rule`, in the ledger's order."""
    db = open_database(demo)
    try:
        with db.reader() as s:
            return list(dict.fromkeys(
                r.organization_id for r in ledger_rows(s)
                if r.rule_id == rule and r.status is GapStatus.IDENTIFIED))
    finally:
        db.close()


def _count(demo: Path, model: type) -> int:
    db = open_database(demo)
    try:
        with db.reader() as s:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)
    finally:
        db.close()


def test_a_joint_branch_formed_with_neighbours_resolves_their_gaps(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, *_ = _open_gaps(demo, "no_party_org")
    out, _ = _run(capsys, demo, "party", "form", "业达联合党支部", "--type", "joint_branch",
                  "--org", first, "--org", second, "--secretary", "刘洋", "--on", "2026-07-01")
    assert "已成立业达联合党支部" in out and out.count("已纳入业达联合党支部") == 1
    listed, _ = _run(capsys, demo, "party", "list", "--org", second)
    assert "业达联合党支部\t联合党支部\t刘洋\t2026-07-01\t覆盖 2 家" in listed
    shown, _ = _run(capsys, demo, "org", "show", first)
    assert "党组织 party organizations: 业达联合党支部（联合党支部）" in shown

    out, _ = _run(capsys, demo, "gaps")  # the next evaluation: resolved by the data
    assert "新发现 0 项" in out
    for rule in ("no_party_org", "no_work_coverage"):
        assert not {first, second} & set(_open_gaps(demo, rule)), rule

    # One of two cannot join (already in): neither does, and the sentence says which.
    coverages = _count(demo, PartyOrgCoverage)
    third = _open_gaps(demo, "no_party_org")[0]
    _, err = _run(capsys, demo, "party", "join", "业达联合党支部", "--org", third,
                  "--org", first, expect=2)
    assert "已在业达联合党支部中" in err and _count(demo, PartyOrgCoverage) == coverages
    _, err = _run(capsys, demo, "party", "leave", "业达联合党支部", "--org", third, expect=2)
    assert "不在该党组织中，未作任何修改" in err
    parties = _count(demo, PartyOrg)
    _, err = _run(capsys, demo, "party", "form", "业达联合党支部", "--type", "branch",
                  "--org", third, expect=2)
    assert "党组织名称：已有同名党组织" in err and _count(demo, PartyOrg) == parties
    _, err = _run(capsys, demo, "party", "form", "另一党支部", "--type", "branch",
                  "--org", third, "--on", "2026-13-01", expect=2)
    assert "--on 的日期无效" in err

    out, _ = _run(capsys, demo, "party", "leave", "业达联合党支部", "--org", second)
    assert "已移出业达联合党支部" in out and _count(demo, PartyOrgCoverage) == coverages - 1


def test_an_instructor_sent_to_two_organizations_and_withdrawn_from_one(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, *_ = _open_gaps(demo, "no_work_coverage")
    start = date.today() - timedelta(days=20)
    instructors = _count(demo, Instructor)
    out, _ = _run(capsys, demo, "instructor", "send", first, second, "--name", "张建国",
                  "--phone", "13805351234", "--employer", "开发区党工委",
                  "--from", start.isoformat())
    assert out.count("已选派党建指导员 张建国") == 2
    assert _count(demo, Instructor) == instructors + 1  # one instructor, two assignments
    _run(capsys, demo, "gaps")
    assert not {first, second} & set(_open_gaps(demo, "no_work_coverage"))

    _, err = _run(capsys, demo, "instructor", "end", first, "--on",
                  (start - timedelta(days=1)).isoformat(), expect=2)
    assert "结束日期：不能早于开始日期" in err
    _run(capsys, demo, "instructor", "end", first, "--on",
         (date.today() - timedelta(days=1)).isoformat())
    listed, _ = _run(capsys, demo, "instructor", "list", "--org", first)
    assert "张建国\t13805351234\t开发区党工委" in listed and "已结束" in listed
    _run(capsys, demo, "gaps")  # withdrawn yesterday: the gap is back today
    assert first in _open_gaps(demo, "no_work_coverage")
    assert second not in _open_gaps(demo, "no_work_coverage")
    _, err = _run(capsys, demo, "instructor", "end", first, "--on", date.today().isoformat(),
                  expect=2)
    assert "没有在岗的党建指导员" in err


def _first_org(demo: Path, *where: Any) -> tuple[str, str]:
    """The id and name of the first organization, by name, that `where` selects."""
    db = open_database(demo)
    try:
        with db.reader() as s:
            found = s.execute(select(Organization.id, Organization.name)
                              .where(*where).order_by(Organization.name)).first()
            assert found is not None
            return str(found[0]), str(found[1])
    finally:
        db.close()


def test_org_set_records_what_the_pane_s_drop_downs_do(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    org_id, name = _first_org(demo, Organization.ownership == Ownership.PRIVATE)
    out, _ = _run(capsys, demo, "org", "set", org_id, "--ownership", "foreign",
                  "--industry", "none", "--activities", "no", "--guarantees", "no")
    assert out.startswith(f"{name}：已修改 经济类型")
    shown, _ = _run(capsys, demo, "org", "show", org_id)
    assert "外资企业" in shown and "“四有一坚持”缺项" in shown
    again, _ = _run(capsys, demo, "org", "set", org_id, "--ownership", "foreign")
    assert "没有需要修改的内容" in again
    _, err = _run(capsys, demo, "org", "set", org_id, expect=2)
    assert "请至少给出一项要修改的内容" in err


def test_org_set_records_the_marks_and_org_show_names_them(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """规模以上企业, 上市公司, 重点非公企业 and the key industry, as the pane's marks row."""
    org_id, name = _first_org(demo, Organization.is_above_size.is_(False),
                              Organization.key_industry.is_(None),
                              Organization.is_key_enterprise.is_(False))
    assert "标识 marks: 无 none" in _run(capsys, demo, "org", "show", org_id)[0]
    out, _ = _run(capsys, demo, "org", "set", org_id, "--above-size", "yes",
                  "--key-enterprise", "yes", "--key-industry", "hazchem")
    assert out.startswith(f"{name}：已修改 规模以上企业、重点非公企业、重点行业")
    shown, _ = _run(capsys, demo, "org", "show", org_id)
    assert "标识 marks: 规模以上企业、重点非公企业；重点行业 化学危化品" in shown
    _run(capsys, demo, "org", "set", org_id, "--key-industry", "none", "--above-size", "no")
    assert "标识 marks: 重点非公企业\n" in _run(capsys, demo, "org", "show", org_id)[0]


def test_a_party_organization_s_type_and_secretary_change_later(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A branch grown past fifty members becomes a general branch; a new secretary."""
    first, second, *_ = _open_gaps(demo, "no_party_org")
    _run(capsys, demo, "party", "form", "业达甲党支部", "--type", "branch", "--org", first)
    _run(capsys, demo, "party", "form", "业达乙党支部", "--type", "branch", "--org", second)
    out, _ = _run(capsys, demo, "party", "set", "业达甲党支部", "--type", "general_branch",
                  "--secretary", "赵敏")
    assert "已修改 党组织类型、书记姓名" in out
    assert "业达甲党支部\t党总支\t赵敏" in _run(capsys, demo, "party", "list", "--org", first)[0]
    _, err = _run(capsys, demo, "party", "set", "业达甲党支部", "--name", "业达乙党支部",
                  expect=2)
    assert "党组织名称：已有同名党组织" in err
    _, err = _run(capsys, demo, "party", "set", "业达甲党支部", "--on",
                  (date.today() + timedelta(days=1)).isoformat(), expect=2)
    assert "成立日期：不能晚于今天" in err
    assert "没有需要修改的内容" in _run(capsys, demo, "party", "set", "业达甲党支部",
                                      "--type", "general_branch")[0]
