"""The centre imports a whole USB stick: every batch in a folder, in the order they were made.

A team's stick holds every laptop's batches, day after day (`batch_file_name`), beside
the files the centre wrote for the laptops (baselines, receipts, its profile) and the
laptops' enrolment requests. The batches are imported, each laptop's in the order of its
numbers; a batch imported before is a no-op that says so; the other files are skipped,
not refused: they were never meant for this import.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from yeda_desktop.errors import YedaError
from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet
from yeda_desktop.syncflow.importer import Progress, import_file
from yeda_desktop.syncflow.installation import load_installation
from yeda_desktop.syncflow.packages import Refused
from yeda_desktop.syncflow.report import ImportReport

_DIGITS = re.compile(r"(\d+)")


def _natural(path: Path) -> list[object]:
    """"…-第2批-…" before "…-第10批-…": numbers compared as numbers."""
    return [int(part) if part.isdigit() else part for part in _DIGITS.split(path.name)]


def packages_in(folder: Path) -> list[Path]:
    """The folder's package files (not those an unfinished export left), in natural order."""
    if not folder.is_dir():
        raise YedaError(f"文件夹不存在：{folder}", f"the folder does not exist: {folder}")
    return sorted((p for p in folder.glob("*.yeda") if p.is_file()), key=_natural)


# What became of one file: its report, why it was refused, or None (skipped: not a batch).
Outcome = tuple[Path, ImportReport | YedaError | None]


def import_folder(
    db: Database, keys: KeySet, folder: Path, *, progress: Progress | None = None,
    starting: Callable[[Path], None] | None = None,
) -> Iterator[Outcome]:
    """Import every batch in `folder` (the centre only), saying what became of each file
    as soon as it is done; `starting(path)` before each (a progress dialog's line)."""
    with db.reader() as session:
        inst = load_installation(session)
    if inst is None or not inst.is_centre:
        raise YedaError(
            f"{folder} 是一个文件夹：只有中心导入整个文件夹，外业笔记本请选择要导入的文件",
            f"{folder} is a folder: only the centre imports a whole folder; on a field laptop "
            "choose the files to import")
    found = packages_in(folder)
    if not found:  # the wrong folder, most likely: say so rather than nothing
        raise YedaError(f"{folder} 中没有数据包（.yeda 文件）",
                        f"{folder} holds no packages (.yeda files)")
    for path in found:
        if starting is not None:
            starting(path)
        try:
            yield path, import_file(db, keys, path, progress=progress)
        except Refused as exc:
            yield path, (None if exc.code == "wrong_kind" else exc)
        except YedaError as exc:
            yield path, exc
