"""Opening off the GUI thread: the damage check runs beside the tree load (or, started by the
window, before the core loads) and still refuses a damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest

from yeda_desktop.demo import generate_demo
from yeda_desktop.storage import open_database
from yeda_desktop.storage.integrity import CorruptDatabaseError
from yeda_desktop.ui.early_check import EarlyCheck
from yeda_desktop.ui.opening import open_work, schema_is_current


class _Progress:
    def stage(self, _text: str) -> None:
        pass

    def __call__(self, _done: int, _total: int) -> None:
        pass


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite"
    db = open_database(path)
    generate_demo(db, 120, 3, None)
    db.close()
    return path


def test_a_sound_current_file_opens_with_its_tree(demo: Path) -> None:
    assert schema_is_current(demo)
    opened = open_work(str(demo), "", "", "indexing")(_Progress())
    try:
        assert opened.tree.roots and opened.campaign_id
    finally:
        opened.db.close()


def test_a_damaged_file_is_refused_although_it_is_checked_aside(demo: Path) -> None:
    size = demo.stat().st_size
    with demo.open("r+b") as f:  # overwrite pages in the middle, leave the header alone
        f.seek(size // 2)
        f.write(b"\xa5" * 8192)
    assert schema_is_current(demo)
    with pytest.raises(CorruptDatabaseError):
        open_work(str(demo), "", "", "indexing")(_Progress())
    open_database(demo, check=False).close()  # the lock was released on refusal


def test_a_missing_file_is_not_current(tmp_path: Path) -> None:
    assert not schema_is_current(tmp_path / "none.sqlite")


def test_the_early_check_stands_in_for_the_check(demo: Path) -> None:
    early = EarlyCheck.start(str(demo))
    assert early is not None
    opened = open_work(str(demo), "", "", "indexing", early)(_Progress())
    try:
        assert opened.tree.roots
        assert early.damage() is None
    finally:
        opened.db.close()


def test_damage_found_early_refuses_the_file(demo: Path) -> None:
    size = demo.stat().st_size
    with demo.open("r+b") as f:
        f.seek(size // 2)
        f.write(b"\xa5" * 8192)
    early = EarlyCheck.start(str(demo))
    with pytest.raises(CorruptDatabaseError):
        open_work(str(demo), "", "", "indexing", early)(_Progress())
    open_database(demo, check=False).close()  # the lock was released on refusal


def test_an_early_check_is_only_for_an_existing_file(tmp_path: Path, demo: Path) -> None:
    assert EarlyCheck.start("") is None
    assert EarlyCheck.start(str(tmp_path / "none.sqlite")) is None
    assert EarlyCheck.start("postgresql://centre/yeda") is None
    early = EarlyCheck.start(str(demo))
    assert early is not None
    early.cancel()  # an abandoned open: the reading stops, nothing is reported
    early.wait()
    assert not demo.with_name(demo.name + "-wal").exists()  # and the file is left closed
