"""The `yeda` command line as an officer or administrator uses it."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from yeda_desktop.cli.main import main


def _yeda(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yeda_desktop.cli.main", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_init_info_check_on_a_new_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "new.sqlite")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "info"]) == 0
    out = capsys.readouterr().out
    assert "结构版本" in out and "organizations" in out
    assert main(["--db", db, "check"]) == 0
    assert "检查通过" in capsys.readouterr().out


def test_demo_then_check_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "demo.sqlite")
    assert main(["--db", db, "demo", "--orgs", "400", "--seed", "7"]) == 0
    assert "organizations" in capsys.readouterr().out
    assert main(["--db", db, "check"]) == 0


def test_demo_fills_the_ledger_only_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The quick start's demo opens on a ledger with its gaps; a plain demo says how to get them."""
    plain, filled = tmp_path / "plain.sqlite", tmp_path / "filled.sqlite"
    assert main(["--db", str(plain), "demo", "--orgs", "120", "--seed", "3"]) == 0
    assert "yeda gaps" in capsys.readouterr().out
    assert main(["--db", str(filled), "demo", "--orgs", "120", "--seed", "3", "--gaps"]) == 0
    out = capsys.readouterr().out
    with sqlite3.connect(plain) as a, sqlite3.connect(filled) as b:
        assert a.execute("SELECT count(*) FROM gaps").fetchone() == (0,)
        (opened,) = b.execute("SELECT count(*) FROM gaps WHERE status = 'identified'").fetchone()
        # the ledger is part of the demo zone as it stands, not an edit waiting to be handed in
        assert b.execute("SELECT count(*) FROM change_log").fetchone() == (0,)
    assert opened > 0 and f"新发现 {opened} 项" in out
    assert main(["--db", str(filled), "gaps"]) == 0  # as if reconciled by hand: nothing new
    assert "新发现 0 项" in capsys.readouterr().out


def test_check_fails_and_names_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "bad.sqlite"
    assert main(["--db", str(db), "demo", "--orgs", "50", "--seed", "1"]) == 0
    with sqlite3.connect(db) as conn:  # what a careless bulk import could leave behind
        conn.execute("UPDATE organizations SET uscc = '91370600MA3C4Y5X1X' WHERE rowid = 1")
        conn.execute("UPDATE floors SET level = 99 WHERE rowid = 1")
        # what an older version's 社会组织 left as the default 私营企业 (or two devices' edits)
        conn.execute("UPDATE organizations SET kind = 'social', ownership = 'private' "
                     "WHERE rowid = 2")
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 1
    out = capsys.readouterr().out
    assert "[uscc]" in out and "校验位不正确" in out
    assert "[floor_level]" in out
    assert "[org_class]" in out and "单位类别为社会组织，经济类型却是私营企业" in out
    assert "发现 3 个问题" in out


def test_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "work.sqlite"
    assert main(["--db", str(db), "demo", "--orgs", "30", "--seed", "2"]) == 0
    assert main(["--db", str(db), "backup"]) == 0
    conn = sqlite3.connect(db)
    conn.execute("DELETE FROM visits")
    conn.commit()
    conn.close()
    assert main(["--db", str(db), "restore"]) == 0
    out = capsys.readouterr().out
    assert "已恢复" in out and "原文件已另存" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] > 0
    assert main(["--db", str(db), "backup", "--list"]) == 0
    assert "before-restore" in capsys.readouterr().out


def test_user_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    missing = _yeda("--db", str(tmp_path / "nope.sqlite"), "info")
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr
    assert missing.stderr.count("\n") == 1 and "不存在" in missing.stderr

    db = tmp_path / "full.sqlite"
    assert _yeda("--db", str(db), "demo", "--orgs", "20").returncode == 0
    again = _yeda("--db", str(db), "demo", "--orgs", "20")
    assert again.returncode == 2 and "已有数据" in again.stderr and "Traceback" not in again.stderr

    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00garbage" * 500)
    broken = _yeda("--db", str(junk), "check")
    assert broken.returncode == 2 and "无法打开数据库" in broken.stderr
    assert "Traceback" not in broken.stderr


def test_yeda_db_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "env.sqlite"
    monkeypatch.setenv("YEDA_DB", str(target))
    assert main(["init"]) == 0
    assert target.exists()


def _content_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with sqlite3.connect(path) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'search_fts%' ORDER BY name"
            )
        ]
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1"):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def test_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    paths = [tmp_path / f"d{i}.sqlite" for i in range(3)]
    for path, seed in zip(paths, (5, 5, 6), strict=True):
        assert main(["--db", str(path), "demo", "--orgs", "200", "--seed", str(seed)]) == 0
    assert _content_digest(paths[0]) == _content_digest(paths[1])
    assert _content_digest(paths[0]) != _content_digest(paths[2])


def test_keys_export_public_files_a_minisign_user_can_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from yeda_desktop.sync.minisign import MinisignPublicKey

    out = tmp_path / "pub"
    args = ["--db", str(tmp_path / "k.sqlite"), "keys", "--keys", str(tmp_path / "keys")]
    assert main([*args, "--export-public", str(out)]) == 0
    printed = capsys.readouterr().out
    key = MinisignPublicKey.parse((out / "device.pub").read_text(encoding="ascii"))
    assert key.to_base64() in printed
    recipient = (out / "device.age-recipient").read_text().strip()
    assert recipient.startswith("age1") and recipient in printed
    assert sorted(p.name for p in out.iterdir()) == ["device.age-recipient", "device.pub"]
