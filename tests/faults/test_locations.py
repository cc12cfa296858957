"""Databases on network shares or removable sticks are refused (or copied to this computer),
decided from a fake /proc/mounts table."""

from __future__ import annotations

from pathlib import Path

import pytest

from yeda_desktop.storage import media, open_database
from yeda_desktop.storage.media import UnsafeLocationError, check_location, classify, copy_to_local

MOUNTS = """\
/dev/vda1 / ext4 rw,relatime 0 0
proc /proc proc rw 0 0
server:/export/zone /srv/zone nfs4 rw,vers=4.2 0 0
//nas/share /mnt/nas cifs rw,vers=3.0 0 0
officer@host:/data /home/me/remote fuse.sshfs rw 0 0
/dev/sdb1 /media/me/U\\040DISK vfat rw,uid=1000 0 0
/dev/sdc1 /run/media/me/STICK exfat rw 0 0
/dev/sdd1 /data vfat rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind", "fs"),
    [
        ("/home/me/yeda.sqlite", "local", "ext4"),
        ("/srv/zone/yeda.sqlite", "network", "nfs4"),
        ("/srv/zonefile.sqlite", "local", "ext4"),  # a prefix is not a mount point
        ("/mnt/nas/team/yeda.sqlite", "network", "cifs"),
        ("/home/me/remote/yeda.sqlite", "network", "fuse.sshfs"),
        ("/media/me/U DISK/yeda.sqlite", "removable", "vfat"),
        ("/run/media/me/STICK/yeda.sqlite", "removable", "exfat"),
        ("/data/yeda.sqlite", "local", "vfat"),  # a fixed FAT partition, not under /media
        ("/tmp/x/yeda.sqlite", "local", "tmpfs"),
    ],
)
def test_classify_from_the_mount_table(path: str, kind: str, fs: str) -> None:
    found = classify(Path(path), MOUNTS)
    assert (found.kind, found.fs_type) == (kind, fs)


def test_the_refusal_says_why_and_what_to_do() -> None:
    with pytest.raises(UnsafeLocationError) as caught:
        check_location(Path("/media/me/U DISK/yeda.sqlite"), MOUNTS)
    assert "U盘" in caught.value.zh and "复制到本机" in caught.value.zh
    assert "copy it to this computer" in caught.value.en
    with pytest.raises(UnsafeLocationError, match="network share"):
        check_location(Path("/mnt/nas/yeda.sqlite"), MOUNTS)


def test_open_database_refuses_a_share_and_opens_the_local_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    remote = share / "zone.sqlite"
    open_database(remote).close()
    monkeypatch.setattr(media, "read_mounts", lambda: f"//nas/s {share} cifs rw 0 0\n")
    with pytest.raises(UnsafeLocationError):
        open_database(remote)
    local = copy_to_local(remote, tmp_path / "local")
    assert local == tmp_path / "local" / "zone.sqlite"
    open_database(local).close()
    again = copy_to_local(remote, tmp_path / "local")  # never overwrites an earlier copy
    assert again.name == "zone-1.sqlite"
