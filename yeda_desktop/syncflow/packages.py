"""Shared steps of every package flow: peek at the manifest, refuse with a sentence, record."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models.sync import SyncPackage
from yeda_desktop.storage.migrate import head_revision, known_revisions
from yeda_desktop.sync import Manifest, PackageKind, SyncError, inspect_package
from yeda_desktop.syncflow.installation import profile_json
from yeda_desktop.syncflow.records import CHUNK


class Refused(YedaError):
    """A package this installation will not take; nothing was written."""

    def __init__(self, zh: str, en: str, code: str = "refused") -> None:
        super().__init__(zh, en)
        self.code = code


def from_sync_error(exc: SyncError) -> Refused:
    return Refused(exc.zh, exc.en, exc.problem.value)


def peek(path: Path) -> Manifest:
    """The manifest, after checking the archive and every member hash (no key, no decrypting)."""
    if path.is_dir():
        raise Refused(
            f"{path} 是一个文件夹，不是文件", f"{path} is a folder, not a file", "missing"
        )
    if not path.is_file():
        raise Refused(f"文件不存在：{path}", f"the file does not exist: {path}", "missing")
    report = inspect_package(path)
    if report.problem is not None:
        raise from_sync_error(report.problem)
    assert report.manifest is not None
    return report.manifest


def check_schema(manifest: Manifest) -> None:
    if manifest.schema_revision not in known_revisions():
        raise Refused(
            f"数据包来自更新版本的程序（数据结构 {manifest.schema_revision}，本机为 "
            f"{head_revision()}），请先升级本程序",
            f"the package comes from a newer version of the app (schema "
            f"{manifest.schema_revision}, this app has {head_revision()}); update the app first",
            "schema_too_new",
        )


# The kinds as the app names them elsewhere (yeda enrol, yeda baseline, the import report);
# the English with its article, as it is used inside a sentence.
KIND_WORDS: dict[PackageKind, tuple[str, str]] = {
    PackageKind.CENTRE_PROFILE: ("中心配置文件", "a centre profile package"),
    PackageKind.ENROLMENT: ("设备登记申请", "an enrolment package"),
    PackageKind.BASELINE: ("基础数据包", "a baseline package"),
    PackageKind.BATCH: ("工作数据包", "a batch package"),
    PackageKind.RECEIPT: ("回执", "a receipt package"),
}

# Where a package of each kind does belong: the hint a refusal ends with.
KIND_HINTS: dict[PackageKind, tuple[str, str]] = {
    PackageKind.CENTRE_PROFILE: (
        "请在外业笔记本上导入（数据交换 → 导入数据包，或 yeda import）",
        "import it on a field laptop (Exchange → Import packages, or `yeda import`)"),
    PackageKind.ENROLMENT: (
        "请在中心的“设备”页读取（或 yeda devices accept）",
        "read it in on the centre's Devices tab (or `yeda devices accept`)"),
    PackageKind.BASELINE: (
        "请在外业笔记本上导入（数据交换 → 导入数据包，或 yeda import）",
        "import it on a field laptop (Exchange → Import packages, or `yeda import`)"),
    PackageKind.BATCH: (
        "请在中心导入（数据交换 → 导入数据包，或 yeda import）",
        "import it at the centre (Exchange → Import packages, or `yeda import`)"),
    PackageKind.RECEIPT: (
        "请在外业笔记本上导入（数据交换 → 导入数据包，或 yeda import）",
        "import it on a field laptop (Exchange → Import packages, or `yeda import`)"),
}


def check_kind(manifest: Manifest, *allowed: PackageKind, where_zh: str, where_en: str) -> None:
    if manifest.kind not in allowed:
        kind_zh, kind_en = KIND_WORDS[manifest.kind]
        hint_zh, hint_en = KIND_HINTS[manifest.kind]
        raise Refused(
            f"这是{kind_zh}，{where_zh}不接受此类数据包；{hint_zh}",
            f"this is {kind_en}, which {where_en} does not accept; {hint_en}",
            "wrong_kind",
        )


def check_centre(manifest: Manifest, centre_id: str | None) -> None:
    if manifest.target_centre_id != centre_id:
        raise Refused(
            f"该数据包是发给中心“{manifest.target_centre_id}”的，不是本中心“{centre_id}”",
            f"the package is for centre {manifest.target_centre_id!r}, not this centre "
            f"{centre_id!r}",
            "wrong_centre",
        )


def centre_profile(session: Session) -> dict[str, str]:
    profile = profile_json(session)
    if profile is None:
        raise YedaError(
            "本机还没有导入中心配置文件：请先导入（数据交换 → 导入数据包，或 yeda import）",
            "no centre profile yet; import the centre's profile first (Exchange → Import "
            "packages, or `yeda import`)",
        )
    return {k: str(v) for k, v in profile.items() if isinstance(v, str)}


def record(
    session: Session,
    manifest: Manifest,
    manifest_sha256: str,
    *,
    direction: str,
    status: str,
    file_name: str | None,
    report: str | None = None,
) -> SyncPackage:
    row = SyncPackage(
        id=str(manifest.package_id),
        kind=manifest.kind.value,
        direction=direction,
        device_id=manifest.source_device_id,
        target_centre_id=manifest.target_centre_id,
        officer=manifest.officer,
        sequence=manifest.sequence,
        manifest_sha256=manifest_sha256,
        previous_sha256=manifest.previous_package_sha256,
        created_at=manifest.created_at.replace(tzinfo=None),
        status=status,
        file_name=file_name,
        report=report,
    )
    session.add(row)
    return row


def batch_numbers(session: Session, package_ids: Iterable[str | None]) -> dict[str, int]:
    """Package id → its batch number, for the batches imported here: the administrator
    knows a batch as "laptop 3's batch 7", not by its UUID."""
    wanted = sorted({p for p in package_ids if p})
    found: dict[str, int] = {}
    for start in range(0, len(wanted), CHUNK):
        part = wanted[start : start + CHUNK]
        found.update((str(i), int(n)) for i, n in session.execute(
            select(SyncPackage.id, SyncPackage.sequence).where(
                SyncPackage.id.in_(part), SyncPackage.kind == PackageKind.BATCH.value)))
    return found


def json_extra(manifest: Manifest, key: str) -> Mapping[str, object]:
    text = manifest.extra.get(key)
    return {} if text is None else dict(json.loads(text))


def naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)
