"""The centre's administration commands as a user sees them: messages, words, exit codes."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from sqlalchemy import select

from yeda_desktop.cli.main import main
from yeda_desktop.models import Organization, Unit
from yeda_desktop.syncflow.installation import load_or_create_keys

sys.path.insert(0, str(Path(__file__).parents[1] / "syncflow"))
from flow_helpers import (
    Site,
    build_sites,
    edit_row,
    first_team,
    register_org,
    run_cli,
)

Sites = tuple[Site, list[Site], Path]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    yield build_sites(tmp_path_factory.mktemp("cli-admin"), 2, orgs=30)


def _help(*argv: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out), pytest.raises(SystemExit):
        main([*argv, "-h"])
    return out.getvalue()


def _ship(centre: Site, laptop: Site, stick: Path) -> None:
    out = stick / f"{laptop.name}-{len(list(stick.iterdir()))}.yeda"
    laptop.cli("export", str(out))
    centre.cli("import", str(out))


def _first_org(site: Site) -> str:
    db = site.open()
    with db.reader() as session:
        org_id = session.scalars(select(Organization.id).order_by(Organization.id)).first()
    db.close()
    assert org_id
    return org_id


def test_signing_with_other_keys_names_the_folder_and_the_expected_code(sites: Sites) -> None:
    centre, (a, _b), stick = sites
    other = stick.parent / "other-keys"
    load_or_create_keys(other)
    code = re.search(r"code: ([\d ]+)", centre.cli("profile", "show"))
    assert code
    for argv in (["baseline", str(stick / "x.yeda"), "--team", first_team(centre),
                  "--device", a.device_id()],
                 ["receipt", str(stick / "x.yeda"), "--device", a.device_id()],
                 ["profile", "export", str(stick / "x.yeda")]):
        text = run_cli("--db", centre.target, *argv, "--keys", str(other), expect=2)
        assert str(other) in text and code.group(1).strip() in text
        assert "不是本中心配置文件发布的密钥" in text and "Traceback" not in text
    assert not (stick / "x.yeda").exists()


def test_enrolment_checks_the_team_and_a_new_request_updates_it(sites: Sites) -> None:
    centre, (_a, b), stick = sites
    text = b.cli("enrol", str(stick / "e.yeda"), "--team", "不存在的队", expect=2)
    assert "不存在的队" in text and first_team(b) in text
    b.cli("enrol", str(stick / "e2.yeda"), "--team", "第2扫楼组", officer="换组队员")
    text = centre.cli("devices", "accept", str(stick / "e2.yeda"))
    assert "已更新 updated 扫楼小组 team: 第1扫楼组 → 第2扫楼组" in text
    assert "队员 officer" in text and "→ 换组队员" in text
    listing = centre.cli("devices", "list")
    assert "扫楼小组 team 第2扫楼组" in listing and "已批准 approved" in listing
    assert "最后批次 last batch" in listing and "核对码 code" in listing


def test_conflicts_refuse_contradictions_and_second_resolutions(sites: Sites) -> None:
    centre, (a, b), stick = sites
    org_id = _first_org(a)
    edit_row(a, "甲", Organization, org_id, staff_count=61)
    edit_row(b, "乙", Organization, org_id, staff_count=71)
    _ship(centre, a, stick)
    _ship(centre, b, stick)
    listing = centre.cli("conflicts", "list")
    found = re.search(r"^(\w{8}) 未解决 open", listing, re.M)
    assert found and "原值 base" in listing and "已采用 applied" in listing
    cid, side = found.group(1), a.device_id()[:8]
    text = centre.cli("conflicts", "resolve", cid, "--side", side, "--base", expect=2)
    assert "--side 与 --base 只能选一个" in text
    text = centre.cli("conflicts", "resolve", cid, expect=2)
    assert "--side" in text and "--base" in text
    centre.cli("conflicts", "resolve", cid, "--side", side, officer="管理员")
    text = centre.cli("conflicts", "resolve", cid, "--side", side, expect=2)
    assert "already resolved (by 管理员, at" in text
    audit = centre.cli("audit", cid)
    assert "61 → 61" not in audit
    # A genuinely new edit against the centre's decision reopens it, naming the centre.
    edit_row(b, "乙", Organization, org_id, staff_count=75)
    _ship(centre, b, stick)
    listing = centre.cli("conflicts", "list")
    assert "业达中心 (" in listing and "None" not in listing
    assert "数据包 package 中心修改 centre edit" in listing


def test_every_command_takes_the_prefixes_the_lists_print(sites: Sites) -> None:
    centre, (a, _b), stick = sites
    short = a.device_id()[:8]
    centre.cli("baseline", str(stick / "b.yeda"), "--team", first_team(centre), "--device", short)
    assert "回执已写出" in centre.cli("receipt", str(stick / "r.yeda"), "--device", short)
    assert "no device matches zz9" in centre.cli("receipt", str(stick / "r2.yeda"),
                                                  "--device", "zz9", expect=2)


def test_duplicates_show_names_and_merge_by_prefix(sites: Sites) -> None:
    centre, (a, _b), stick = sites
    db = a.open()
    with db.reader() as session:
        unit = session.scalars(select(Unit.id).order_by(Unit.id)).first()
        phone = session.scalars(select(Organization.contact_phone).where(
            Organization.contact_phone.is_not(None))).first()
    db.close()
    assert unit and phone
    register_org(a, "甲", unit, name="烟台重号测试有限公司", contact_phone=phone)
    _ship(centre, a, stick)
    listing = centre.cli("duplicates", "list")
    row = re.search(r"^(\w{8}) 待处理 open .*烟台重号测试有限公司 \((\w{8})\)", listing, re.M)
    assert row and "联系电话相同 same phone" in listing, listing
    assert "give --keep" in centre.cli("duplicates", "merge", row.group(1), expect=2)
    text = centre.cli("duplicates", "merge", row.group(1), "--keep", row.group(2))
    assert "已合并 / merged" in text and "烟台重号测试有限公司" in text


def test_audit_takes_prefixes_and_speaks_words(sites: Sites) -> None:
    centre, (a, _b), _stick = sites
    assert "no record matches nosuch" in centre.cli("audit", "nosuch", expect=2)
    text = centre.cli("audit", _first_org(a)[:8])
    assert "null" not in text and '"' not in text and "共 " in text
    assert "设备 device laptop0机" in text


def test_profile_show_names_the_centre_and_reads_a_file(sites: Sites) -> None:
    centre, (a, _b), stick = sites
    text = centre.cli("profile", "show")
    assert "中心编号 centre id: yeda-centre" in text and "中心名称 centre name: 业达中心" in text
    assert re.search(r"核对码 code: \d{5}", text)
    text = a.cli("profile", "show", str(stick / "profile.yeda"))
    assert "profile.yeda" in text and "yeda-centre" in text


def test_help_explains_arguments() -> None:
    assert "sweep team" in _help("enrol")
    assert "the device the receipt is for" in _help("receipt")
    conflicts = _help("conflicts")
    assert "exactly one of --side DEVICE or --base" in conflicts
    assert "the conflict id" in conflicts
    assert "the pair's id" in _help("duplicates")
    assert "unique start" in _help("audit")
