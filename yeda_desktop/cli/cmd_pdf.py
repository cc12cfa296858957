"""`yeda pdf FORM ... --out FILE`: print a form from the database to an A4 PDF."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from yeda_desktop.cli.common import open_from_args, require_output
from yeda_desktop.cli.funding_args import add_funding_args, funding_from_args
from yeda_desktop.cli.ledger_filter_args import add_ledger_filter_args, ledger_filter
from yeda_desktop.errors import YedaError
from yeda_desktop.os_reasons import words
from yeda_desktop.stats.dimensions import DIMENSIONS

# reportlab and the forms load when a PDF is asked for, not with every `yeda` command.
if TYPE_CHECKING:
    from yeda_desktop.reports.jobs import PrintJob


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _progress(done: int, total: int) -> bool:
    if sys.stderr.isatty():
        print(f"\r{done:,}/{total:,}", end="", file=sys.stderr, flush=True)
    return True


def _job(args: argparse.Namespace, session: Any) -> PrintJob:
    from yeda_desktop.reports import FormMeta
    from yeda_desktop.reports.jobs import PrintJob
    from yeda_desktop.services.record_lookup import (
        find_building,
        find_organization,
        find_party_org,
    )

    meta = (
        FormMeta(issued_on=args.date) if args.issuer is None else FormMeta(args.issuer, args.date)
    )
    common: dict[str, Any] = {"as_of": args.date, "meta": meta}
    form = args.form
    if form == "registration":
        if args.blank:
            if args.organizations or args.building:
                raise YedaError(
                    "空白表不能同时指定单位或楼宇", "--blank takes no organization or building"
                )
            return PrintJob("blank", **common)
        if args.building:
            if args.organizations:
                raise YedaError(
                    "请只指定单位或楼宇之一", "give organizations or --building, not both"
                )
            return PrintJob(
                "registration", building_id=find_building(session, args.building), **common
            )
        if not args.organizations:
            raise YedaError(
                "请指定单位、--building 或 --blank", "name organizations, --building or --blank"
            )
        ids = tuple(find_organization(session, key) for key in args.organizations)
        return PrintJob("registration", organization_ids=ids, **common)
    if form == "roster":
        if bool(args.organization) == bool(args.party_org):
            raise YedaError("请指定单位或 --party-org 之一", "name an organization or --party-org")
        if args.party_org:
            return PrintJob(
                "roster",
                party_org_id=find_party_org(session, args.party_org),
                full_id_numbers=args.full_id,
                **common,
            )
        return PrintJob(
            "roster",
            organization_ids=(find_organization(session, args.organization),),
            full_id_numbers=args.full_id,
            **common,
        )
    if form == "sweep":
        return PrintJob("sweep", building_id=find_building(session, args.building), **common)
    if form == "notice":
        return PrintJob(
            "notice", organization_ids=(find_organization(session, args.organization),), **common
        )
    if form == "statistics":
        return PrintJob("statistics", dimension=args.by, funding=funding_from_args(args),
                        **common)
    flt = replace(ledger_filter(session, args),
                  open_only=args.open or (not args.all and args.status is None))
    return PrintJob("ledger", group_by=args.group_by, ledger_filter=flt, **common)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if not out.parent.is_dir():
        raise YedaError(
            f"输出文件夹不存在：{out.parent}", f"output folder does not exist: {out.parent}"
        )
    require_output(out)
    from yeda_desktop.reports.jobs import run_job

    db = open_from_args(args)
    try:
        with db.reader() as session:
            job = _job(args, session)
            try:
                pages = run_job(session, job, out, progress=_progress)
            except OSError as exc:  # named by `out`, not by the temporary file
                zh, en = words(exc)
                raise YedaError(f"无法写入 {out}：{zh}", f"cannot write {out}: {en}") from None
    finally:
        db.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(f"已生成 {out}（{pages} 页）/ wrote {out} ({pages} pages)")
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", "-o", required=True, metavar="FILE", help="PDF file to write")
    parser.add_argument("--date", type=_day, help="as-of and printed date (default: today)")
    parser.add_argument("--issuer", help="issuing body printed on the form")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "pdf", help="print a form (registration, roster, sweep, ledger, notice, statistics)"
    )
    forms = parser.add_subparsers(dest="form", metavar="FORM", required=True)

    reg = forms.add_parser("registration", help="两新组织党建情况登记表, one page per organization")
    reg.add_argument("organizations", nargs="*", metavar="ORG", help="id, USCC or name")
    reg.add_argument("--building", metavar="BUILDING", help="every organization of a building")
    reg.add_argument("--blank", action="store_true", help="an empty form to fill by hand")
    _common(reg)

    roster = forms.add_parser("roster", help="党员花名册 of an organization or party organization")
    roster.add_argument("organization", nargs="?", metavar="ORG", help="id, USCC or name")
    roster.add_argument("--party-org", metavar="PARTY_ORG", help="a party organization instead")
    roster.add_argument("--full-id", action="store_true", help="print full ID numbers (sensitive)")
    _common(roster)

    sweep = forms.add_parser("sweep", help="楼宇扫楼情况汇总表 of a building")
    sweep.add_argument("building", metavar="BUILDING", help="id or name")
    _common(sweep)

    ledger = forms.add_parser("ledger", help="专项工作台账 (open gaps unless --all or --status)")
    ledger.add_argument("--group-by", choices=("subdistrict", "cluster"), default="subdistrict",
                        help="one section per subdistrict (default) or per cluster")
    add_ledger_filter_args(ledger)
    ledger.add_argument("--all", action="store_true", help="closed and waived gaps too")
    _common(ledger)

    notice = forms.add_parser("notice", help="整改提示单 of an organization")
    notice.add_argument("organization", metavar="ORG", help="id, USCC or name")
    _common(notice)

    statistics = forms.add_parser(
        "statistics", help="两新组织党建工作统计表: coverage, sweep progress, gaps and funding")
    statistics.add_argument("--by", choices=list(DIMENSIONS), default="subdistrict",
                            help="the groups of the table (default subdistrict)")
    add_funding_args(statistics)
    _common(statistics)

    parser.set_defaults(func=run)
