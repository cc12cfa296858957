"""kill -9 at random moments during an import, an export, a migration and a backup.

Each operation first runs once uninterrupted to learn how long it takes; then a
forked worker is SIGKILLed at moments drawn with a fixed seed across that time.
After every kill the file passes integrity_check, the operation either happened
whole or not at all, and running it again succeeds.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from fault_helpers import KILL_WINDOW, integrity, kill_during, needs_fork, run_child, scalar
from sqlalchemy import select

from yeda_desktop.demo import generate_demo
from yeda_desktop.models import Organization
from yeda_desktop.storage import open_database
from yeda_desktop.storage.backup import backup_database, list_backups
from yeda_desktop.storage.migrate import alembic_config, head_revision

pytestmark = [needs_fork, pytest.mark.slow]

KILLS = 20
SEED = 20250601


def _kill_loop(
    template: Path,
    folder: Path,
    work_on: Callable[[Path], Callable[[], None]],
    check: Callable[[Path, bool], None],
    kills: int = KILLS,
) -> int:
    """Copy `template`, kill the work on the copy at seeded moments, `check(copy, killed)`."""
    probe = folder / "probe.sqlite"
    shutil.copy(template, probe)
    duration = run_child(work_on(probe))
    rng = random.Random(SEED)
    killed = 0
    for i in range(kills):
        target = folder / f"run{i}.sqlite"
        shutil.copy(template, target)
        finished: list[float] = []
        was_killed = kill_during(work_on(target), rng.uniform(0.0, KILL_WINDOW * duration),
                                 finished)
        duration = min([duration, *finished])  # runs faster than the probe: aim within them
        killed += was_killed
        assert integrity(target) == "ok", f"kill {i}: integrity_check failed"
        check(target, was_killed)
    # most kills must land mid-operation, or the test proves nothing
    assert killed >= kills // 4, f"only {killed} of {kills} runs were interrupted"
    return killed


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.sqlite"
    open_database(path).close()
    return path


@pytest.fixture(scope="module")
def filled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("filled") / "filled.sqlite"
    db = open_database(path)
    generate_demo(db, 3000, seed=5)
    db.close()
    return path


ORGS = 500


def test_kill_during_bulk_import(empty_db: Path, tmp_path: Path) -> None:
    def work_on(path: Path) -> Callable[[], None]:
        def work() -> None:
            db = open_database(path, check=False)
            generate_demo(db, ORGS, seed=2)
            db.close()

        return work

    def check(path: Path, _killed: bool) -> None:
        count = scalar(path, "SELECT count(*) FROM organizations")
        assert count in (0, ORGS), f"a partial import survived: {count} organizations"
        if count == 0:  # not done: running it again must succeed
            db = open_database(path)
            generate_demo(db, ORGS, seed=2)
            db.close()
        assert scalar(path, "SELECT count(*) FROM organizations") == ORGS

    _kill_loop(empty_db, tmp_path, work_on, check)


def test_kill_during_backup(filled_db: Path, tmp_path: Path) -> None:
    def work_on(path: Path) -> Callable[[], None]:
        def work() -> None:
            backup_database(path, "manual")

        return work

    def check(path: Path, _killed: bool) -> None:
        for info in list_backups(path):  # whatever carries a backup's name is complete
            assert integrity(info.path) == "ok", info.path
        before = len(list_backups(path))
        backup_database(path, "manual")
        assert len(list_backups(path)) == before + 1
        shutil.rmtree(path.parent / "backups")

    _kill_loop(filled_db, tmp_path, work_on, check, kills=KILLS)


@pytest.fixture(scope="module")
def first_revision_db(filled_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The filled demo database taken back to the first schema revision."""
    from alembic import command
    from alembic.script import ScriptDirectory

    path = tmp_path_factory.mktemp("old") / "old.sqlite"
    shutil.copy(filled_db, path)
    cfg = alembic_config()
    first = list(ScriptDirectory.from_config(cfg).walk_revisions())[-1].revision
    db = open_database(path)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, first)
    db.close()
    assert scalar(path, "SELECT version_num FROM alembic_version") == first
    return path


def test_kill_during_migration(first_revision_db: Path, tmp_path: Path) -> None:
    first = scalar(first_revision_db, "SELECT version_num FROM alembic_version")
    orgs = scalar(first_revision_db, "SELECT count(*) FROM organizations")

    def work_on(path: Path) -> Callable[[], None]:
        return lambda: open_database(path).close()

    def check(path: Path, _killed: bool) -> None:
        revision = scalar(path, "SELECT version_num FROM alembic_version")
        assert revision in (first, head_revision()), f"half-migrated: {revision}"
        db = open_database(path)  # running it again finishes the upgrade
        assert db.schema_revision() == head_revision()
        with db.reader() as session:
            assert len(session.scalars(select(Organization.id)).all()) == orgs
        db.close()

    _kill_loop(first_revision_db, tmp_path, work_on, check, kills=KILLS)
