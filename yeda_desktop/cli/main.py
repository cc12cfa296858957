"""Entry point of `yeda`: finds every `cmd_*` module and dispatches to it.

A command module exposes `register(subparsers)`, which adds its parser and sets
`func(args) -> int`. User errors (YedaError) become one line on stderr and exit 2.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from yeda_desktop import __version__
from yeda_desktop.errors import YedaError

EXIT_USER_ERROR = 2


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
    except YedaError as exc:
        message = " ".join(f"{exc.zh} / {exc.en}".split())  # always one line, whatever it quotes
        print(f"yeda: {message}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("yeda: 已取消 / cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
