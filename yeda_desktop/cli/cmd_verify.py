"""`yeda verify`: say what a package is and whether it is intact, without importing it.

It checks the signature with the key import would use (the device table at a centre,
the imported centre profile on a laptop), so "intact" means what import will find.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.cli.common import open_from_args, require_file
from yeda_desktop.errors import YedaError
from yeda_desktop.models import Device
from yeda_desktop.models.enums import DeviceStatus
from yeda_desktop.storage.location import resolve_location
from yeda_desktop.sync import Manifest, MinisignPublicKey, SyncError, inspect_package
from yeda_desktop.sync.minisign import key_id_hex
from yeda_desktop.syncflow.installation import profile_json
from yeda_desktop.syncflow.packages import KIND_WORDS

EXIT_CODES = (
    "exit status: 0 intact (the signature verified, or no key to check it with: see the "
    "last line); 1 damaged, altered or wrongly signed; 2 not checked (no such file, a "
    "folder, an unfinished export, an unusable key file or database)"
)
Key = tuple[MinisignPublicKey, str, str]  # the key, and which key it is in Chinese and English


def _key_file(name: str) -> Key:
    path = require_file(Path(name), "公钥文件", "public key file")
    try:
        key = MinisignPublicKey.parse(path.read_bytes())
    except SyncError as exc:
        raise YedaError(f"{path} 不是有效的 minisign 公钥：{exc.zh}",
                        f"{path} is not a minisign public key: {exc.en}") from None
    return key, f"公钥文件 {path}", f"the public key file {path}"


def _recorded_key(args: argparse.Namespace, manifest: Manifest, signer: str | None) -> Key | None:
    """The key this installation's database holds for the signer, as import would look it up."""
    location = resolve_location(args.db)
    if args.db is None and location.path is not None and not location.path.exists():
        return None  # no database here: nothing to look up, and nothing to create
    db = open_from_args(args, read_only=True)
    try:
        with db.reader() as session:
            device = session.get(Device, manifest.source_device_id)
            profile = profile_json(session) or {}
    finally:
        db.close()
    if device is not None and device.signing_public_key:
        status = DeviceStatus(device.status)
        return (MinisignPublicKey.from_base64(device.signing_public_key),
                f"本机记录的设备“{device.name}”（{device.id}，{status.zh}）的公钥",
                f"the key recorded here for device {device.name} ({device.id}, {status.value})")
    centre_key = str(profile.get("signing_public_key") or "")
    if centre_key:
        key = MinisignPublicKey.from_base64(centre_key)
        if key_id_hex(key.key_id) == signer:
            return (key, f"中心配置中的中心“{profile.get('centre_name', '')}”的公钥",
                    f"the key of centre {profile.get('centre_id', '')} from the imported profile")
    return None


def _print_manifest(m: Manifest) -> None:
    kind_zh = KIND_WORDS[m.kind][0]
    print(f"种类 kind: {kind_zh} ({m.kind.value})  格式 format: v{m.format_version}")
    print(f"数据包 package: {m.package_id}")
    print(f"来源设备 device: {m.source_device_id}  经办人 officer: {m.officer}")
    print(f"目标中心 centre: {m.target_centre_id}")
    print(f"序号 sequence: {m.sequence}  上一包 previous: {m.previous_package_sha256 or '-'}")
    print(f"生成时间 created: {m.created_at.isoformat()}  数据结构 schema: {m.schema_revision}")
    print(f"记录数 records: {dict(m.record_counts)}")
    print(f"清单校验值 manifest sha256: {m.sha256}")


def run(args: argparse.Namespace) -> int:
    path = require_file(Path(args.file), "数据包文件", "package file")
    if path.name.endswith((".pending", ".partial")):
        raise YedaError(  # the same words as `yeda import`
            f"这是一次未完成的导出留下的文件，不能导入；请在写出它的电脑上再导出一次以完成它：{path}",
            f"{path} was left by an unfinished export and cannot be imported; export again "
            "on the computer that wrote it to finish it",
        )
    key = _key_file(args.public_key) if args.public_key else None
    report = inspect_package(path, key[0] if key else None)
    if key is None and report.manifest is not None and report.problem is None:
        key = _recorded_key(args, report.manifest, report.signer_key_id)
        if key is not None:
            report = inspect_package(path, key[0])
    if report.manifest is not None:
        _print_manifest(report.manifest)
    if report.signer_key_id:
        print(f"签名密钥 signer key id: {report.signer_key_id}")
    if report.problem is not None:
        print(f"已损坏或被改动 NOT intact: {report.problem.zh} / {report.problem.en}")
        return 1
    if report.signature_checked and key is not None:
        checked = f"签名已用{key[1]}核验 signature verified with {key[2]}"
    else:
        checked = ("签名未核验：本机没有该签名密钥的记录，可用 --public-key 指定公钥 "
                   "signature not checked: no key for it here (give one with --public-key)")
    print(f"完好 intact: 所有成员校验值一致 every member hash matches; {checked}")
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "verify", help="check a package without importing it", epilog=EXIT_CODES,
        description="Say what a .yeda package is and whether it is intact; with a database "
        "(--db), check its signature with the key import would use.",
    )
    parser.add_argument("file", help="the .yeda package to check")
    parser.add_argument("--public-key", metavar="FILE",
                        help="minisign public key (.pub) to check the signature with, instead "
                        "of the key recorded in the database")
    parser.set_defaults(func=run)
