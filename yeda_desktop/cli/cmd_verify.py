"""`yeda verify`: say what a package is and whether it is intact, without importing it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from yeda_desktop.sync import MinisignPublicKey, inspect_package


def run(args: argparse.Namespace) -> int:
    key = None
    if args.public_key:
        key = MinisignPublicKey.parse(Path(args.public_key).read_bytes())
    report = inspect_package(Path(args.file), key)
    m = report.manifest
    if m is not None:
        print(f"种类 kind: {m.kind.value}")
        print(f"数据包 package: {m.package_id}")
        print(f"来源设备 device: {m.source_device_id}  经办人 officer: {m.officer}")
        print(f"目标中心 centre: {m.target_centre_id}")
        print(f"序号 sequence: {m.sequence}  上一包 previous: {m.previous_package_sha256 or '-'}")
        print(f"生成时间 created: {m.created_at.isoformat()}  数据结构 schema: "
              f"{m.schema_revision}")
        print(f"记录数 records: {dict(m.record_counts)}")
        print(f"清单校验值 manifest sha256: {m.sha256}")
    if report.signer_key_id:
        print(f"签名密钥 signer key id: {report.signer_key_id}")
    if report.intact:
        checked = "签名已核验 signature verified" if report.signature_checked else (
            "未提供公钥，签名未核验 signature not checked (no --public-key)")
        print(f"完好 intact: 所有成员校验值一致 every member hash matches; {checked}")
        return 0
    assert report.problem is not None
    print(f"已损坏或被改动 NOT intact: {report.problem.zh} / {report.problem.en}")
    return 1


def register(sub: Any) -> None:
    parser = sub.add_parser("verify", help="check a package without importing it")
    parser.add_argument("file")
    parser.add_argument("--public-key", metavar="FILE", help="minisign public key to check with")
    parser.set_defaults(func=run)
