"""Helpers shared by the CLI commands: opening the database, naming file problems."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from yeda_desktop.errors import DatabaseError, YedaError
from yeda_desktop.os_reasons import words
from yeda_desktop.storage import Database, open_database
from yeda_desktop.storage.location import resolve_location
from yeda_desktop.storage.lock import DatabaseInUseError, discard_lock_file, lock_path

EXIT_USER_ERROR = 2



def os_error_message(exc: OSError) -> YedaError:
    """One bilingual sentence naming the path and the reason, for a failed file operation."""
    zh, en = words(exc)
    path = exc.filename
    if path is None:
        return YedaError(f"文件操作失败：{zh}", f"a file operation failed: {en}")
    return YedaError(f"{zh}：{path}", f"{path}: {en}")


def print_error(zh: str, en: str, prefix: str = "yeda") -> None:
    """The one line a user reads on stderr."""
    print(" ".join(f"{prefix}: {zh} / {en}".split()), file=sys.stderr)


def require_file(path: Path, what_zh: str = "文件", what_en: str = "file") -> Path:
    """An input file that exists and is not a folder, or a sentence saying which it is not."""
    if path.is_dir():
        raise YedaError(
            f"{path} 是一个文件夹，不是{what_zh}", f"{path} is a folder, not a {what_en}"
        )
    if not path.exists():
        raise YedaError(f"{what_zh}不存在：{path}", f"the {what_en} does not exist: {path}")
    return path


def require_output(path: Path) -> Path:
    """A file to write: its folder must exist and the path must not be a folder."""
    if path.is_dir():
        raise YedaError(
            f"{path} 是一个文件夹，不是文件；请给出要写入的文件名",
            f"{path} is a folder, not a file; give the name of the file to write",
        )
    folder = path.parent
    if not folder.is_dir():
        raise YedaError(f"文件夹不存在：{folder}", f"the folder does not exist: {folder}")
    return path


def open_from_args(
    args: argparse.Namespace, *, create: bool = False, read_only: bool = False
) -> Database:
    """Open `--db`; a refused open removes the `.lock` file it created (no litter on a stick)."""
    location = resolve_location(args.db)
    fresh_lock = location.path is not None and not lock_path(location.path).exists()
    try:
        return open_database(args.db, create=create, read_only=read_only)
    except DatabaseInUseError as exc:
        raise _in_use_by_another(exc) from exc
    except BaseException:
        if fresh_lock and location.path is not None:
            discard_lock_file(location.path)
        raise


def _in_use_by_another(exc: DatabaseInUseError) -> DatabaseError:
    """The window's advice (switch, or open read-only) is not a command's: a command that
    writes can only wait for the other program."""
    who = exc.holder or "另一个程序 / another program"
    return DatabaseError(
        f"数据库正由另一个YEDA窗口或命令使用（{who}）：{exc.db_path.name}。"
        "请关闭该窗口或等该命令结束后再试",
        f"the database {exc.db_path.name} is in use by another YEDA window or command "
        f"({who}); close that window or wait for that command to finish, then try again",
    )


def parse_day(text: str | None, option: str) -> date | None:
    """A date the user typed for `option`, or a sentence naming the option and the form."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise YedaError(f"{option} 的日期无效：{text}（应为 2026-12-31 这样的格式）",
                        f"{option}: {text!r} is not a date (write it as 2026-12-31)") from None


def _whole(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if value < least:
        raise argparse.ArgumentTypeError(
            f"须为不小于 {least} 的整数 / expected a whole number ≥ {least}: {text}")
    return value


def limit_or_all(text: str) -> int:
    """`--limit N` where 0 means no limit: a negative N listed all but the last N."""
    return _whole(text, 0)


def at_least_one(text: str) -> int:
    """`--limit N` of a list that is always cut somewhere: 0 or less listed nothing."""
    return _whole(text, 1)


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
