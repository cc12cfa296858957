"""The names package files are offered under: what, whose, and which day.

Every laptop of a team hands its batches in on the same USB stick, day after day; under
one fixed name ("batch.yeda") the second file would meet the first. The name says what
the administrator sorts by: 外业笔记本1-第3批-20261130.yeda. The centre's files for the
laptops are named the same way: 基线-第1扫楼组-20261130.yeda, 回执-外业笔记本1-20261130.yeda.
"""

from __future__ import annotations

import re
from datetime import date

from yeda_desktop.models.sync import ExportBookmark
from yeda_desktop.storage import Database
from yeda_desktop.syncflow.batch_export import BOOKMARK
from yeda_desktop.syncflow.installation import load_installation

# Characters Windows and FAT32 sticks refuse in a file name, and control characters.
_REFUSED = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
NAME_CHARS = 60  # of the device's name at most


def _safe(words: str) -> str:
    return _REFUSED.sub("_", words).strip(" ._")[:NAME_CHARS] or "yeda"


def batch_file_name(device_name: str, sequence: int, day: date) -> str:
    return f"{_safe(device_name)}-第{sequence}批-{day:%Y%m%d}.yeda"


def package_file_name(what: str, whose: str, day: date | None = None) -> str:
    """Any other package file: "基线-第1扫楼组-20261130.yeda", "登记申请-外业笔记本1-…"."""
    return f"{what}-{_safe(whose)}-{(day or date.today()):%Y%m%d}.yeda"


def next_batch_file_name(db: Database, day: date | None = None) -> str:
    """The name for the batch this laptop exports next (today's, unless `day`): from the
    export bookmark alone, without counting what the batch will carry."""
    with db.reader() as session:
        inst = load_installation(session)
        mark = session.get(ExportBookmark, BOOKMARK)
        sequence = (mark.last_sequence or 0 if mark else 0) + 1
    return batch_file_name(inst.name if inst and inst.name else "", sequence,
                           day or date.today())
