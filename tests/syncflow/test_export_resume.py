"""An export interrupted around its commit: the next export finishes the recorded batch, drops an
unrecorded one, or (file lost) carries everything again under the next number; never a fork."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flow_helpers import run_cli
from sqlalchemy import select

from yeda_desktop.models import Instructor
from yeda_desktop.models.sync import ExportBookmark, SyncPackage
from yeda_desktop.storage import Database, open_database
from yeda_desktop.sync import KeySet, inspect_package
from yeda_desktop.syncflow import batch_export, packages
from yeda_desktop.syncflow.batch_export import export_batch
from yeda_desktop.syncflow.installation import Role, set_role
from yeda_desktop.syncflow.pending_export import pending_path
from yeda_desktop.syncflow.profile import export_profile, import_profile


class Killed(BaseException):
    """Stands in for a kill at one exact point (not an Exception, like a real interruption)."""


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[tuple[Database, KeySet]]:
    centre = open_database(tmp_path / "centre.sqlite")
    with centre.session() as s:
        set_role(s, Role.CENTRE, "中心", "yeda-centre")
    export_profile(centre, KeySet.generate(), tmp_path / "profile.yeda")
    centre.close()
    db = open_database(tmp_path / "laptop.sqlite")
    with db.session() as s:
        set_role(s, Role.LAPTOP, "笔记本")
    import_profile(db, tmp_path / "profile.yeda")
    yield db, KeySet.generate()
    db.close()


def add_instructor(db: Database, name: str) -> None:
    with db.session(officer="队员") as session:
        session.add(Instructor(name=name))


def outgoing(db: Database) -> dict[int, str]:
    with db.reader() as session:
        rows = session.scalars(select(SyncPackage).where(SyncPackage.direction == "out"))
        return {r.sequence: r.status for r in rows}


def sent_names(path: Path, keys: KeySet) -> int:
    report = inspect_package(path, keys.public.signing)
    assert report.intact and report.manifest is not None
    return report.manifest.record_counts.get("instructors", 0)


def test_killed_after_commit_is_finished_not_renumbered(
    laptop: tuple[Database, KeySet], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, keys = laptop
    add_instructor(db, "王指导")
    out = tmp_path / "day1.yeda"

    def killed(pending: Path, final: Path) -> None:
        raise Killed

    with monkeypatch.context() as m:
        m.setattr(batch_export, "promote", killed)
        with pytest.raises(Killed):
            export_batch(db, keys, out, officer="队员")
    assert not out.exists() and pending_path(out).is_file()
    assert outgoing(db) == {1: "pending"}

    add_instructor(db, "李指导")  # more work before the officer tries again, elsewhere
    resumed = export_batch(db, keys, tmp_path / "elsewhere.yeda", officer="队员")
    assert resumed.resumed and resumed.path == out and resumed.manifest.sequence == 1
    assert not pending_path(out).exists() and not (tmp_path / "elsewhere.yeda").exists()
    assert sent_names(out, keys) == 1
    assert outgoing(db) == {1: "exported"}

    second = export_batch(db, keys, tmp_path / "day2.yeda", officer="队员")
    assert not second.resumed and second.manifest.sequence == 2
    assert second.manifest.previous_package_sha256 == resumed.manifest.sha256
    assert second.records == {"instructors": 1}  # only the new edit


def test_killed_before_commit_leaves_nothing_that_travels(
    laptop: tuple[Database, KeySet], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, keys = laptop
    add_instructor(db, "王指导")
    out = tmp_path / "day1.yeda"

    def killed(*args: object, **kwargs: object) -> None:
        raise Killed

    with monkeypatch.context() as m:
        m.setattr(packages, "record", killed)
        with pytest.raises(Killed):
            export_batch(db, keys, out, officer="队员")
    assert not out.exists() and not pending_path(out).exists()
    assert outgoing(db) == {}

    # a pending file no record knows about (a kill -9 after writing it) is dropped, not sent
    pending_path(out).write_bytes(b"left by a killed export")
    result = export_batch(db, keys, out, officer="队员")
    assert not result.resumed and result.manifest.sequence == 1
    assert not pending_path(out).exists() and sent_names(out, keys) == 1


def test_lost_pending_file_gives_the_next_number_and_everything_again(
    laptop: tuple[Database, KeySet], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, keys = laptop
    add_instructor(db, "王指导")
    export_batch(db, keys, tmp_path / "day1.yeda", officer="队员")
    add_instructor(db, "李指导")
    out = tmp_path / "stick" / "day2.yeda"
    out.parent.mkdir()

    def killed(pending: Path, final: Path) -> None:
        raise Killed

    with monkeypatch.context() as m:
        m.setattr(batch_export, "promote", killed)
        with pytest.raises(Killed):
            export_batch(db, keys, out, officer="队员")
    pending_path(out).unlink()  # the stick is gone

    result = export_batch(db, keys, tmp_path / "day2-again.yeda", officer="队员")
    assert not result.resumed and result.manifest.sequence == 3
    assert result.records == {"instructors": 2}  # both edits again: nothing is lost
    assert outgoing(db) == {1: "exported", 2: "lost", 3: "exported"}
    with db.reader() as session:
        mark = session.get(ExportBookmark, "batch")
        assert mark is not None and mark.last_sequence == 3


def test_existing_target_is_refused_before_anything_is_written(
    laptop: tuple[Database, KeySet], tmp_path: Path
) -> None:
    db, keys = laptop
    add_instructor(db, "王指导")
    out = tmp_path / "day1.yeda"
    out.write_bytes(b"someone else's file")
    with pytest.raises(Exception, match="already exists"):
        export_batch(db, keys, out, officer="队员")
    assert out.read_bytes() == b"someone else's file" and outgoing(db) == {}


def test_cli_resume_and_centre_refuses_the_pending_name(
    laptop: tuple[Database, KeySet], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, keys = laptop
    keys.save(tmp_path / "keys")
    add_instructor(db, "王指导")
    out = tmp_path / "day1.yeda"

    def killed(pending: Path, final: Path) -> None:
        raise Killed

    with monkeypatch.context() as m:
        m.setattr(batch_export, "promote", killed)
        with pytest.raises(Killed):
            export_batch(db, keys, out, officer="队员")
    head = ("--db", str(db.path))
    refused = run_cli(*head, "import", str(pending_path(out)), "--keys", str(tmp_path / "keys"),
                      expect=2)
    assert "unfinished export" in refused
    text = run_cli(*head, "export", "--resume", "--keys", str(tmp_path / "keys"))
    assert "batch 1 left by an interrupted export is finished" in text and out.is_file()
    text = run_cli(*head, "export", "--resume", "--keys", str(tmp_path / "keys"))
    assert "no interrupted export to finish" in text
