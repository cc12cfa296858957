"""Helpers shared by the CLI commands."""

from __future__ import annotations

import argparse

from yeda_desktop.storage import Database, open_database


def open_from_args(args: argparse.Namespace, *, create: bool = False) -> Database:
    return open_database(args.db, create=create)


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"
