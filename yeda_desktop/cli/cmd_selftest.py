"""`yeda self-test`: run the installed app's end-to-end self-test on a throw-away database."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.selftest import run_self_test


def run(_args: argparse.Namespace) -> int:
    return 0 if run_self_test() else 1


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "self-test", help="check that this installation works (temporary files only)"
    )
    parser.set_defaults(func=run)
