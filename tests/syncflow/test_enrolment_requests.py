"""An enrolment request is signed only by the key it brings: anyone can write one.

Before 2026-11-29 the centre stored whatever it carried: a list for a name (as "['a']"),
a name longer than its column (which PostgreSQL then refused with a traceback), an age
key that is not one (every later baseline for that device then failed to encrypt).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flow_helpers import Site, build_sites, snapshot

from yeda_desktop.storage.migrate import head_revision
from yeda_desktop.sync import KeySet, PackageFields, PackageKind, write_package
from yeda_desktop.syncflow.installation import load_keys
from yeda_desktop.syncflow.lines import encode_lines


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, Site, Path]:
    centre, (laptop,), stick = build_sites(tmp_path_factory.mktemp("requests"), 1, orgs=5)
    return centre, laptop, stick


def request_file(centre: Site, stick: Path, file: str, **fields: Any) -> Path:
    """A request signed by a new key pair, with `fields` instead of the usual ones."""
    keys = KeySet.generate()
    request = {"device_id": "b6f7c1e2-0000-4000-8000-000000000001", "name": "三组笔记本",
               "team": "第一组", "officer": "张三",
               "signing_public_key": keys.public.signing.to_base64(),
               "age_recipient": keys.public.age_recipient, **fields}
    path = stick / file
    write_package(path, PackageFields(
        kind=PackageKind.ENROLMENT, source_device_id=str(request["device_id"]), officer="张三",
        target_centre_id="yeda-centre", sequence=0, previous_package_sha256=None,
        schema_revision=head_revision(),
        extra={"signing_public_key": request["signing_public_key"],
               "age_recipient": str(request["age_recipient"])}),
        encode_lines([request]), keys, [load_keys(centre.keys).public.age_recipient])
    return path


@pytest.mark.parametrize(("fields", "said"), [
    ({"name": ["三组", "笔记本"]}, "登记申请中的设备名称无效（须为不超过 100 个字符的文字）"),
    ({"name": "长" * 101}, "登记申请中的设备名称无效（须为不超过 100 个字符的文字）"),
    ({"team": 3}, "登记申请中的扫楼小组无效（须为不超过 60 个字符的文字）"),
    ({"officer": "张" * 61}, "登记申请中的队员无效（须为不超过 60 个字符的文字）"),
    ({"age_recipient": "age1notakey"}, "登记申请中的加密公钥无效"),
])
def test_a_request_the_centre_cannot_store_is_refused(
    sites: tuple[Site, Site, Path], fields: dict[str, Any], said: str,
) -> None:
    centre, _laptop, stick = sites
    path = request_file(centre, stick, f"bad-{sorted(fields)[0]}-{len(str(fields))}.yeda",
                        **fields)
    before = snapshot(centre)
    assert said in centre.cli("devices", "accept", str(path), expect=2)
    assert snapshot(centre) == before


def test_a_good_request_is_taken(sites: tuple[Site, Site, Path]) -> None:
    centre, _laptop, stick = sites
    out = centre.cli("devices", "accept", str(request_file(centre, stick, "good.yeda")))
    assert "三组笔记本" in out and "待审批" in out


def test_the_laptop_says_so_before_writing_the_request(sites: tuple[Site, Site, Path]) -> None:
    _centre, laptop, stick = sites
    laptop.cli("role", "--set", "laptop", "--name", "名" * 101, "--force")
    out = laptop.cli("enrol", str(stick / "long.yeda"), "--team", "第1扫楼组", officer="张三",
                     expect=2)
    assert "登记申请中的设备名称无效（须为不超过 100 个字符的文字）" in out
    assert not (stick / "long.yeda").exists()


def test_a_team_the_centre_does_not_have_is_taken_and_pointed_out(
    sites: tuple[Site, Site, Path],
) -> None:
    """A laptop with an older profile may name a team since renamed: the administrator
    decides, told so at the request and in the list of devices."""
    centre, _laptop, stick = sites
    path = request_file(centre, stick, "old-team.yeda", team="旧的小组",
                        device_id="b6f7c1e2-0000-4000-8000-000000000002")
    out = centre.cli("devices", "accept", str(path))
    assert "注意：本中心没有扫楼小组“旧的小组”，批准前请与队员核对" in out
    listed = centre.cli("devices", "list")
    assert "扫楼小组 team 旧的小组（本中心没有此小组 not a team here）" in listed
    assert "扫楼小组 team 第1扫楼组  " in listed  # the laptop enrolled for a real team
