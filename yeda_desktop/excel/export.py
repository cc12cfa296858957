"""The four exports: ledger, statistics, organization list and member roster."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from sqlalchemy import column, select, text
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.excel.kinds import EXPORT_KINDS
from yeda_desktop.excel.mapping import ORG_FIELDS, ROSTER_FIELDS
from yeda_desktop.excel.sheet import (
    Progress,
    discard_workbook,
    new_workbook,
    require_folder,
    save_workbook,
    write_table,
)
from yeda_desktop.id_masking import mask_id_number
from yeda_desktop.ledger import LedgerFilter, ledger_rows
from yeda_desktop.ledger.location import primary_location
from yeda_desktop.models import Organization, Person
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, PartyStatus
from yeda_desktop.rules import RULES_BY_ID
from yeda_desktop.services import directory
from yeda_desktop.services.directory import DirectoryFilter
from yeda_desktop.stats import (
    DIMENSIONS,
    campaign_pair,
    coverage_by,
    estimate_funding,
    gap_counts,
    sweep_progress,
)
from yeda_desktop.stats.dimensions import group_label
from yeda_desktop.stats.funding import FundingInputs


def industry_label(section: str | None) -> str | None:
    return f"{section} {INDUSTRY_SECTIONS[section]}" if section in INDUSTRY_SECTIONS else None


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("是" if value else "否")


def export_ledger(
    wb: Workbook,
    session: Session,
    progress: Progress | None = None,
    wanted: LedgerFilter | None = None,
) -> int:
    """Every gap, or those `wanted` accepts: the tab exports what it shows, as it prints."""
    headers = ["单位名称", "统一社会信用代码", "问题类型", "严重程度", "问题说明", "状态", "措施",
               "负责人", "整改期限", "是否逾期", "发现时间", "整改完成日期", "整改佐证",
               "豁免理由", "豁免决定人", "镇街", "集聚区", "楼宇"]
    severity = {"high": "高", "medium": "中", "info": "提示"}
    rows = [
        [r.organization, r.uscc, r.rule_zh, severity.get(r.severity, r.severity), r.detail_zh,
         r.status.zh, r.action.zh if r.action else None, r.responsible, r.due_on,
         "是" if r.overdue else "否", r.identified_at, r.closed_on, r.evidence,
         r.waived_reason, r.waived_by, r.subdistrict, r.cluster, r.building]
        for r in (wanted or LedgerFilter()).select(ledger_rows(session))
    ]
    return write_table(wb, "专项工作台账", headers, rows, progress, len(rows))


STREAM_BATCH = 2000


def export_organizations(
    wb: Workbook,
    session: Session,
    progress: Progress | None = None,
    wanted: DirectoryFilter | None = None,
) -> int:
    """Streamed from SQL (plain columns, no ORM objects): 100,000 rows never sit in memory.
    `wanted`: only the organizations the directory tab lists with that filter."""
    loc = primary_location()
    o = Organization
    query = (
        select(o.name, o.uscc, o.kind, o.ownership, o.industry_section, o.staff_count,
               o.reported_member_count, o.address, o.legal_rep, o.contact_name,
               o.contact_phone, o.is_above_size, o.is_listed, o.is_key_enterprise,
               o.key_industry, loc.c.subdistrict, loc.c.cluster, loc.c.building)
        .outerjoin(loc, loc.c.organization_id == o.id)
        .order_by(o.name, o.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    if wanted is not None:
        sql, params = directory.ids_sql(wanted, session.get_bind().dialect.name)
        query = query.where(o.id.in_(text(sql).bindparams(**params).columns(column("id"))))
    headers = [f.header for f in ORG_FIELDS] + ["镇街", "集聚区", "楼宇"]
    rows = (_organization_cells(tuple(row)) for row in session.execute(query))
    return write_table(wb, "两新组织名单", headers, rows, progress)


def _organization_cells(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """One organization as the workbook writes it: codes as their Chinese words, the marks
    as 是/否 (what the import reads back)."""
    (name, uscc, kind, ownership, section, staff, reported, address, legal_rep, contact,
     phone, above, listed, key, key_industry, *place) = row
    return (name, uscc, kind.zh, ownership.zh, industry_label(section), staff, reported,
            address, legal_rep, contact, phone, _yes_no(above), _yes_no(listed), _yes_no(key),
            key_industry.zh if key_industry else None, *place)


def export_roster(
    wb: Workbook, session: Session, *, show_ids: bool = False, progress: Progress | None = None
) -> int:
    """Streamed from SQL like the organization list."""
    p = Person
    query = (
        select(p.name, p.id_number, p.gender, p.party_status, p.relation_transferred,
               p.join_date, p.phone, Organization.name, Organization.uscc)
        .join(Organization, Organization.id == p.organization_id)
        .where(p.party_status.in_([PartyStatus.FULL, PartyStatus.PROBATIONARY]))
        .order_by(Organization.name, p.name, p.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    headers = [f.header for f in ROSTER_FIELDS]
    rows = (
        (name, id_number if show_ids else (mask_id_number(id_number) or None),
         gender.zh if gender else None, status.zh, _yes_no(transferred), joined, phone,
         org_name, org_uscc)
        for name, id_number, gender, status, transferred, joined, phone, org_name, org_uscc
        in session.execute(query)
    )
    return write_table(wb, "党员花名册", headers, rows, progress)


def export_statistics(
    wb: Workbook, session: Session, funding: FundingInputs | None = None,
    progress: Progress | None = None,
) -> int:
    """A sheet of coverage and one of sweep progress per breakdown, then the ledger's counts
    and the funding estimate. `progress(sheets, of)` after each: at 100,000 organizations
    each breakdown is a read of its own, and a Cancel is taken between them."""
    pair = campaign_pair(session)
    total = 0
    sheets = 2 * len(DIMENSIONS) + 2
    done = 0

    def sheet_written() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, sheets)

    for dim, (dim_zh, _en) in DIMENSIONS.items():
        now = {r.group: r for r in coverage_by(session, dim)}
        before = (
            {r.group: r for r in coverage_by(session, dim, pair.previous.ends_on)}
            if pair.previous else {}
        )
        rows: list[list[Any]] = []
        for group, r in now.items():
            p = before.get(group)
            rows.append([group_label(dim, r.group), r.organizations, r.org_covered,
                         round(r.org_rate * 100, 1), r.work_covered, round(r.work_rate * 100, 1),
                         round(p.org_rate * 100, 1) if p else None,
                         round(p.work_rate * 100, 1) if p else None])
        total += write_table(
            wb, f"覆盖率-{dim_zh}",
            [dim_zh, "组织数", "组织覆盖数", "组织覆盖率%", "工作覆盖数", "工作覆盖率%",
             "上一年组织覆盖率%", "上一年工作覆盖率%"], rows)
        sheet_written()
    for dim, (dim_zh, _en) in DIMENSIONS.items():
        cur = sweep_progress(session, pair.current.id if pair.current else None, dim)
        prev = {
            r.group: r
            for r in sweep_progress(session, pair.previous.id, dim)
        } if pair.previous else {}
        progress_rows: list[list[Any]] = []
        for q in cur:
            before_q = prev.get(q.group)
            progress_rows.append([group_label(dim, q.group), q.floors, q.floors_swept,
                                  q.units, q.units_visited, round(q.unit_rate * 100, 1),
                                  before_q.units_visited if before_q else None])
        total += write_table(
            wb, f"扫楼进度-{dim_zh}",
            [dim_zh, "楼层数", "已扫楼层", "房间数", "已走访房间", "走访率%", "上一年已走访房间"],
            progress_rows)
        sheet_written()
    gap_rows = [
        [RULES_BY_ID[g.rule_id].title_zh if g.rule_id in RULES_BY_ID else g.rule_id,
         g.status.zh, g.count]
        for g in gap_counts(session)
    ]
    total += write_table(wb, "台账统计", ["问题类型", "状态", "数量"], gap_rows)
    sheet_written()
    estimate = estimate_funding(session, funding)
    fund_rows: list[list[Any]] = [
        [line.label_zh, line.count, line.unit_amount, line.months, line.amount]
        for line in estimate.lines
    ]
    fund_rows.append(["合计", None, None, None, estimate.total])
    total += write_table(wb, "经费测算", ["项目", "数量", "单价（元）", "月数", "金额（元）"],
                         fund_rows)
    sheet_written()
    return total


def export_xlsx(
    session: Session,
    kind: str,
    path: str | os.PathLike[str],
    *,
    show_ids: bool = False,
    funding: FundingInputs | None = None,
    ledger_filter: LedgerFilter | None = None,
    organization_filter: DirectoryFilter | None = None,
    progress: Progress | None = None,
) -> tuple[Path, int]:
    """Write one export to `path` atomically; returns the path and the number of data rows.

    `progress(rows, total)` as the long tables are written (total 0 when not known; the
    statistics count sheets);
    an exception it raises stops the export and leaves `path` as it was.
    """
    writers: dict[str, Callable[[Workbook, Session], int]] = {
        "ledger": lambda wb, s: export_ledger(wb, s, progress, ledger_filter),
        "statistics": lambda wb, s: export_statistics(wb, s, funding, progress),
        "organizations": lambda wb, s: export_organizations(wb, s, progress,
                                                            organization_filter),
        "roster": lambda wb, s: export_roster(wb, s, show_ids=show_ids, progress=progress),
    }
    if kind not in writers:
        raise YedaError(
            f"未知的导出类型：{kind}（可选：{', '.join(EXPORT_KINDS)}）",
            f"unknown export kind {kind!r} (choose from {', '.join(EXPORT_KINDS)})",
        )
    if ledger_filter is not None and kind != "ledger":
        zh, en = EXPORT_KINDS[kind]
        raise YedaError(f"只有专项工作台账可以按问题筛选，{zh}不能",
                        f"only the ledger is narrowed by a gap filter, not the {en}")
    if organization_filter is not None and kind != "organizations":
        zh, en = EXPORT_KINDS[kind]
        raise YedaError(f"只有两新组织名单可以按单位筛选，{zh}不能",
                        f"only the organization list is narrowed by an organization "
                        f"filter, not the {en}")
    require_folder(path)  # before any reading, and before the workbook exists
    wb = new_workbook()
    try:
        count = writers[kind](wb, session)
        return save_workbook(wb, path), count
    except BaseException:
        discard_workbook(wb)
        raise


__all__ = ["EXPORT_KINDS", "export_xlsx"]
