"""Options and printing shared by the package-exchange commands (keys folder, reports)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from yeda_desktop.errors import YedaError
from yeda_desktop.storage import Database
from yeda_desktop.sync import KeySet, Problem, SyncError
from yeda_desktop.syncflow.installation import keys_dir
from yeda_desktop.syncflow.report import ImportReport

PASSPHRASE_ENV = "YEDA_KEY_PASSPHRASE"


def add_keys_option(parser: Any) -> None:
    parser.add_argument(
        "--keys", metavar="DIR",
        help="key folder (default: $YEDA_KEYS_DIR or the user data folder); "
        f"a passphrase is read from ${PASSPHRASE_ENV}, or asked for at a terminal",
    )


def keys_from_args(args: argparse.Namespace) -> KeySet:
    folder = keys_dir(args.keys)
    if not folder.is_dir():
        raise YedaError(
            f"找不到密钥文件夹：{folder}。请先运行 yeda keys 生成本机密钥",
            f"the key folder does not exist: {folder}; run `yeda keys` first to create "
            "this installation's keys",
        )
    return load_keys_asking(folder)


def load_keys_asking(folder: Path) -> KeySet:
    """Keys with the passphrase from the environment, or asked for when stdin is a terminal.

    The CLI has no dialog, so a protected key set would otherwise be unusable from it.
    """
    passphrase = os.environ.get(PASSPHRASE_ENV) or None
    try:
        return KeySet.load(folder, passphrase)
    except SyncError as exc:
        if exc.problem is Problem.PASSPHRASE_REQUIRED and sys.stdin.isatty():
            asked = getpass.getpass("密钥口令 / key passphrase: ")
            return _load_or_explain(folder, asked or None)
        raise _explained(exc) from None


def _load_or_explain(folder: Path, passphrase: str | None) -> KeySet:
    try:
        return KeySet.load(folder, passphrase)
    except SyncError as exc:
        raise _explained(exc) from None


def _explained(exc: SyncError) -> YedaError:
    if exc.problem is Problem.PASSPHRASE_WRONG:
        return YedaError(
            f"{exc.zh}请检查环境变量 {PASSPHRASE_ENV} 或在终端中输入的口令",
            f"{exc.en} Check ${PASSPHRASE_ENV} or the passphrase typed at the terminal",
        )
    if exc.problem is Problem.PASSPHRASE_REQUIRED:
        return YedaError(
            f"{exc.zh}请在终端中运行并输入口令，或设置环境变量 {PASSPHRASE_ENV}",
            f"{exc.en} Run it at a terminal to be asked, or set the environment variable "
            f"{PASSPHRASE_ENV}",
        )
    return YedaError(exc.zh, exc.en)


def print_report(report: ImportReport) -> None:
    for line in report.lines():
        print(line)


def close(db: Database) -> None:
    db.close()
