"""The funding estimate's inputs on the command line, as the statistics tab takes them:
a monthly allowance and a number of certified party-work staff for each of three levels.

Shared by `yeda export-xlsx statistics` and `yeda pdf statistics`. A wrong list is
refused by argparse with the option named, not by a traceback from `FundingInputs`.
"""

from __future__ import annotations

import argparse

from yeda_desktop.stats import FundingInputs

LEVELS = len(FundingInputs().monthly_allowance)


def _levels(text: str) -> tuple[int, ...]:
    try:
        values = tuple(int(part) for part in text.split(","))
    except ValueError:
        values = ()
    if len(values) != LEVELS or any(v < 0 for v in values):
        raise argparse.ArgumentTypeError(
            f"须为 {LEVELS} 个不小于 0 的整数，用逗号分隔，如 300,200,100 / "
            f"expected {LEVELS} whole numbers ≥ 0 separated by commas, e.g. 300,200,100")
    return values


def add_funding_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--allowance", type=_levels, default=FundingInputs().monthly_allowance,
                        metavar="A,B,C",
                        help="statistics: monthly allowance (yuan) per level, e.g. 300,200,100")
    parser.add_argument("--staff-by-level", type=_levels, default=FundingInputs().staff_by_level,
                        metavar="A,B,C",
                        help="statistics: certified party-work staff per level, e.g. 40,110,160")


def funding_from_args(args: argparse.Namespace) -> FundingInputs:
    return FundingInputs(monthly_allowance=args.allowance, staff_by_level=args.staff_by_level)
