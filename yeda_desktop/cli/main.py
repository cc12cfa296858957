"""Entry point of `yeda`: finds every `cmd_*` module and dispatches to it.

A command module exposes `register(subparsers)`, which adds its parser and sets
`func(args) -> int`. User errors (YedaError, a refusal of the package layer, a file
that cannot be read or written) become one line on stderr and exit 2; anything else
is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from yeda_desktop import __version__
from yeda_desktop.cli.common import EXIT_USER_ERROR, os_error_message, print_error
from yeda_desktop.errors import YedaError
from yeda_desktop.sync import SyncError

__all__ = ["EXIT_USER_ERROR", "build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="yeda", description="YEDA Desktop command line (两新组织扫楼登记)"
    )
    parser.add_argument("--version", action="version", version=f"yeda {__version__}")
    parser.add_argument(
        "--db", metavar="PATH|URL",
        help="a SQLite file or a postgresql://user@host/dbname URL "
        "(default: $YEDA_DB or the user data folder)",
    )
    parser.add_argument("--officer", help="officer name recorded in the change log")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    package = importlib.import_module("yeda_desktop.cli")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            module = importlib.import_module(f"yeda_desktop.cli.{info.name}")
            module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except (YedaError, SyncError) as exc:
        print_error(exc.zh, exc.en)  # always one line, whatever it quotes
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("yeda: 已取消 / cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file the user named: say which and why, never a traceback
        error = os_error_message(exc)
        print_error(error.zh, error.en)
        return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
