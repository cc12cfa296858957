"""Bad input at the centre: each refusal says why and writes nothing; quarantine then approval."""

from __future__ import annotations

import re
import shutil
import uuid
from pathlib import Path

import pytest
from flow_helpers import Site, build_sites, centre_url_for, code_of, snapshot
from sqlalchemy import select

from yeda_desktop.models import Instructor
from yeda_desktop.storage.migrate import head_revision
from yeda_desktop.sync import PackageFields, PackageKind, write_package
from yeda_desktop.syncflow.installation import load_keys
from yeda_desktop.syncflow.lines import encode_lines


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def sites(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Site, list[Site], Path]:
    """The centre on each engine in turn; laptops keep SQLite files."""
    return build_sites(tmp_path_factory.mktemp("refusals"),
                       1, orgs=20, centre_url=centre_url_for(request))


def add_instructor(site: Site, name: str) -> None:
    db = site.open()
    with db.session(officer="队员") as session:
        session.add(Instructor(name=name))
    db.close()


def refused(centre: Site, path: Path, *words: str) -> str:
    before = snapshot(centre)
    out = centre.cli("import", str(path), expect=2)
    assert "refused" in out
    for word in words:
        assert word in out, out
    assert snapshot(centre) == before
    return out


def forged(laptop: Site, stick: Path, name: str, **changes: object) -> Path:
    """A package signed by the laptop's real key but with chosen manifest fields."""
    values: dict[str, object] = {
        "kind": PackageKind.BATCH, "source_device_id": laptop.device_id(), "officer": "队员",
        "target_centre_id": "yeda-centre", "sequence": 90, "previous_package_sha256": None,
        "schema_revision": head_revision(),
    }
    values.update(changes)
    keys = load_keys(laptop.keys)
    centre_keys = load_keys(laptop.folder.parent / "centre" / "keys")
    path = stick / name
    write_package(path, PackageFields(**values), encode_lines([]), keys,  # type: ignore[arg-type]
                  [centre_keys.public.age_recipient])
    return path


def test_replays_gaps_and_reused_sequences(sites: tuple[Site, list[Site], Path]) -> None:
    centre, (laptop,), stick = sites
    add_instructor(laptop, "张指导")
    twin = Site("twin", laptop.folder.parent / "twin")
    shutil.copytree(laptop.folder, twin.folder)  # same device, same keys, other content
    laptop.cli("export", str(stick / "r-1.yeda"))
    add_instructor(twin, "李指导")
    twin.cli("export", str(stick / "r-1-other.yeda"))
    centre.cli("import", str(stick / "r-1.yeda"))
    before = snapshot(centre)
    again = centre.cli("import", str(stick / "r-1.yeda"))
    assert "already imported; nothing changed" in again
    assert f"设备“laptop0机”（{laptop.device_id()}）的第 1 批" in again  # by name, as on import
    assert snapshot(centre) == before
    refused(centre, stick / "r-1-other.yeda", "already imported with different content")
    add_instructor(laptop, "赵指导")
    laptop.cli("export", str(stick / "r-2.yeda"))
    add_instructor(laptop, "钱指导")
    laptop.cli("export", str(stick / "r-3.yeda"))
    out = centre.cli("import", str(stick / "r-3.yeda"))
    assert "batch 2 from device" in out and "has not arrived" in out
    centre.cli("import", str(stick / "r-2.yeda"))
    db = centre.open()
    with db.reader() as session:
        names = set(session.scalars(select(Instructor.name)))
    db.close()
    assert {"张指导", "赵指导", "钱指导"} <= names and "李指导" not in names


def test_wrong_centre_future_schema_wrong_kind_tampering(
    sites: tuple[Site, list[Site], Path],
) -> None:
    centre, (laptop,), stick = sites
    refused(centre, forged(laptop, stick, "other.yeda", target_centre_id="other-centre"),
            "not this centre")
    refused(centre, forged(laptop, stick, "future.yeda", schema_revision="9999_future"),
            "newer version of the app")
    refused(centre, forged(laptop, stick, "kind.yeda", kind=PackageKind.BASELINE,
                           package_id=uuid.uuid4()), "baseline package")
    refused(centre, stick / "base.yeda", "baseline package")
    add_instructor(laptop, "孙指导")
    laptop.cli("export", str(stick / "t.yeda"))
    data = bytearray((stick / "t.yeda").read_bytes())
    data[len(data) // 2] ^= 0x01
    (stick / "t-bad.yeda").write_bytes(bytes(data))
    refused(centre, stick / "t-bad.yeda")
    assert "NOT intact" in centre.cli("verify", str(stick / "t-bad.yeda"), expect=1)
    (stick / "empty.yeda").write_bytes(b"")
    refused(centre, stick / "empty.yeda")


def test_unknown_then_approved_device_is_quarantined_then_imported(
    sites: tuple[Site, list[Site], Path],
) -> None:
    centre, _laptops, stick = sites
    late = Site("late", centre.folder.parent / "late")
    late.folder.mkdir()
    late.cli("init")
    late.cli("role", "--set", "laptop", "--name", "后来的笔记本")
    late.cli("keys")
    late.cli("profile", "import", str(stick / "profile.yeda"))
    add_instructor(late, "周指导")
    late.cli("export", str(stick / "late-1.yeda"))
    out = centre.cli("import", str(stick / "late-1.yeda"), expect=3)  # quarantined
    assert "quarantined" in out and "unknown device" in out
    assert "1 waiting" in centre.cli("quarantine", "list")
    code = code_of(late.cli("enrol", str(stick / "late-enrol.yeda"), "--team", "第1扫楼组"))
    centre.cli("devices", "accept", str(stick / "late-enrol.yeda"))
    centre.cli("quarantine", "release")  # still pending: stays in quarantine
    assert "1 waiting" in centre.cli("quarantine", "list")
    out = centre.cli("devices", "approve", late.device_id(), "--code", code)
    assert "imported batch 1" in out
    centre.cli("devices", "revoke", late.device_id())
    add_instructor(late, "吴指导")
    late.cli("export", str(stick / "late-2.yeda"))
    assert "revoked" in centre.cli("import", str(stick / "late-2.yeda"), expect=3)


def test_without_a_role_the_refusal_gives_the_command_that_sets_one(tmp_path: Path) -> None:
    """It said `yeda role set`, which the command line does not know."""
    laptop = Site("new", tmp_path / "new")
    laptop.folder.mkdir()
    laptop.cli("init")
    laptop.cli("keys")
    refusal = laptop.cli("export", str(tmp_path / "b.yeda"), expect=2)
    assert "数据交换 → 设置本机" in refusal
    command = re.search(r"`yeda (role --set laptop)`", refusal)
    assert command is not None, refusal
    laptop.cli(*command.group(1).split(), "--name", "新笔记本")  # the advice works as given
    assert "laptop" in laptop.cli("role")
