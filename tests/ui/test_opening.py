"""Opening off the GUI thread: the damage check runs beside the tree load and still refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

from yeda_desktop.demo import generate_demo
from yeda_desktop.storage import open_database
from yeda_desktop.storage.integrity import CorruptDatabaseError
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
