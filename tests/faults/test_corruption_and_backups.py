"""A damaged database file is caught at open with a sentence and restored from the newest good
backup; automatic backups (daily, on close after changes) are checked and thinned."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from fault_helpers import integrity, scalar

from yeda_desktop.cli.main import main
from yeda_desktop.demo import generate_demo
from yeda_desktop.models import Organization
from yeda_desktop.storage import open_database
from yeda_desktop.storage.backup import (
    BackupInfo,
    Thinning,
    backup_after_changes,
    backup_database,
    daily_backup,
    list_backups,
    newest_good_backup,
    restore_database,
    to_thin,
)
from yeda_desktop.storage.integrity import CorruptDatabaseError


def _damage(path: Path, at: float = 0.5, size: int = 4096) -> None:
    """Overwrite `size` bytes in the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    start = int(len(data) * at) // 4096 * 4096 + 100
    data[start : start + size] = b"\xa5" * size
    path.write_bytes(bytes(data))


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    db = open_database(db_path)
    generate_demo(db, 300, seed=3)
    db.close()
    return db_path


def test_damage_is_caught_at_open_and_the_newest_good_backup_restores(demo_db: Path) -> None:
    good = backup_database(demo_db, "manual")
    newer = backup_database(demo_db, "manual")
    _damage(newer)  # the newest backup is damaged too: it must be passed over
    orgs = scalar(demo_db, "SELECT count(*) FROM organizations")
    _damage(demo_db)
    with pytest.raises(CorruptDatabaseError) as caught:
        open_database(demo_db)
    assert "已损坏" in caught.value.zh and "restore" in caught.value.en

    best = newest_good_backup(demo_db)
    assert best is not None and best.path == good
    kept = restore_database(best.path, demo_db)
    assert kept is not None and kept.name.endswith("-damaged.sqlite-damaged")
    assert kept.read_bytes()[:16] == b"SQLite format 3\0"  # the damaged file, kept byte for byte
    assert all(b.path != kept for b in list_backups(demo_db))  # never offered as a backup
    db = open_database(demo_db)
    db.close()
    assert integrity(demo_db) == "ok"
    assert scalar(demo_db, "SELECT count(*) FROM organizations") == orgs


def test_cli_names_the_damage_in_one_line_and_restores(
    demo_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    backup_database(demo_db, "manual")
    _damage(demo_db, at=0.3)
    assert main(["--db", str(demo_db), "info"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "yeda restore" in err
    assert main(["--db", str(demo_db), "restore"]) == 0
    assert main(["--db", str(demo_db), "info"]) == 0


def test_daily_backup_once_a_day_and_close_backup_only_after_changes(db_path: Path) -> None:
    reading = open_database(db_path)
    with reading.reader() as session:
        session.query(Organization).all()
    reading.close()
    assert not reading.changed_since_open()  # opening, reading and closing is no change
    db = open_database(db_path)
    assert daily_backup(db_path) is not None
    assert daily_backup(db_path) is None  # one a day
    assert daily_backup(db_path, now=datetime.now() + timedelta(days=1)) is not None
    assert not db.changed_since_open()
    assert backup_after_changes(db_path, db.changed_since_open()) is None
    with db.session() as session:
        session.add(Organization(name="烟台丙科技有限公司"))
    assert db.changed_since_open()
    db.close()
    made = backup_after_changes(db_path, True)
    assert made is not None and made.name.endswith("-close.sqlite") and integrity(made) == "ok"


def _infos(now: datetime, ages_hours: list[float]) -> list[BackupInfo]:
    return [
        BackupInfo(Path(f"b{i}.sqlite"), now - timedelta(hours=h), 1, "daily")
        for i, h in enumerate(ages_hours)
    ]


def test_thinning_keeps_recent_then_one_per_day_week_month() -> None:
    now = datetime(2025, 7, 15, 12, 0)
    # four backups a day for 400 days
    infos = _infos(now, [h + q * 6 for h in range(0, 400 * 24, 24) for q in range(4)])
    rule = Thinning(recent=5, days=7, weeks=4, months=6)
    gone = {b.path for b in to_thin(infos, now, rule)}
    kept = sorted((b for b in infos if b.path not in gone), key=lambda b: b.created, reverse=True)
    assert kept[:5] == sorted(infos, key=lambda b: b.created, reverse=True)[:5]
    days = {b.created.date() for b in kept}
    for d in range(7):  # a backup for each of the last 7 days
        assert (now - timedelta(days=d)).date() in days
    assert len(kept) <= 5 + 7 + 4 + 6
    assert min(b.created for b in kept) > now - timedelta(days=31 * 6 + 1)
    assert not to_thin(infos[:3], now, rule)  # few backups: nothing to delete


def test_the_backup_of_a_laptop_s_old_zone_is_never_thinned(db_path: Path) -> None:
    """It holds records no longer in the database (syncflow.centre_move)."""
    now = datetime(2025, 7, 15, 12, 0)
    infos = _infos(now, [h * 6 for h in range(2000)])
    old_zone = BackupInfo(Path("moved.sqlite"), now - timedelta(days=900), 1,
                          "before-centre-change")
    assert old_zone not in to_thin([*infos, old_zone], now, Thinning(recent=2))
    open_database(db_path).close()
    kept = backup_database(db_path, "before-centre-change")
    for _ in range(12):
        backup_database(db_path, "manual")
    backup_database(db_path, "manual", keep=3)
    assert kept in [b.path for b in list_backups(db_path)]


def test_backups_are_thinned_on_disk(db_path: Path) -> None:
    open_database(db_path).close()
    for _ in range(14):
        backup_database(db_path, "manual")
    # all made today: the newest 10 recent survive, and the newest of today (already in them)
    assert len(list_backups(db_path)) == 10
