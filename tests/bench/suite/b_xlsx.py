"""8. xlsx export of the organization list vs the same query + a bare write-only openpyxl dump."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select

from yeda_desktop.excel import export_xlsx
from yeda_desktop.ledger.location import primary_location
from yeda_desktop.models import Organization

from .common import Context, Dataset, Figure, attempt, figure, timed

NAME = "xlsx"
REF = "same query + bare write-only openpyxl dump"


def bare_dump(rows: Sequence[Sequence[object]], path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("rows")
    for row in rows:
        ws.append(row)
    wb.save(path)


def run(ctx: Context, ds: Dataset) -> list[Figure]:
    out: list[Figure] = []
    folder = ctx.tmp / f"xlsx-{ds.engine}-{ds.size}"
    folder.mkdir(exist_ok=True)

    def measure() -> list[Figure]:
        with ds.db().reader() as s:
            loc, o = primary_location(), Organization
            query = (
                select(o.name, o.uscc, o.kind, o.ownership, o.industry_section, o.staff_count,
                       o.reported_member_count, o.address, o.legal_rep, o.contact_name,
                       o.contact_phone, loc.c.subdistrict, loc.c.cluster, loc.c.building)
                .outerjoin(loc, loc.c.organization_id == o.id)
                .order_by(o.name, o.id)
            )
            bare, _ = timed(lambda: bare_dump(
                [(r[0], r[1], r[2].zh, r[3].zh, *r[4:]) for r in s.execute(query)],
                folder / "bare.xlsx"))
            orgs, (_, count) = timed(lambda: export_xlsx(s, "organizations",
                                                         folder / "orgs.xlsx"))
            ledger, (_, gaps) = timed(lambda: export_xlsx(s, "ledger", folder / "ledger.xlsx"))
        return [figure("xlsx export, organization list", ds.size, ds.engine, orgs, REF, bare,
                       "comparable to the bare dump", rows=count),
                figure("xlsx export, ledger", ds.size, ds.engine, ledger, rows=gaps)]
    attempt(out, "xlsx export, organization list", ds.size, ds.engine, measure)
    return out
