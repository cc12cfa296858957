"""Plain, frozen input records for the forms, filled by the DB layer (no database code here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

GroupBy = Literal["subdistrict", "cluster"]
"""How the special work ledger groups its rows."""


@dataclass(frozen=True, slots=True)
class FormMeta:
    """What every printed form says about who issued it and when."""

    issuer: str = "中共烟台经济技术开发区两新组织工作委员会"
    issued_on: date | None = None


@dataclass(frozen=True, slots=True)
class Organization:
    """One "two new" organization as printed on its registration form (None prints empty)."""

    record_id: str
    name: str
    uscc: str | None = None
    kind: str | None = None  # 非公企业 / 社会组织
    ownership: str | None = None  # 私营 / 外资 / 港澳台资 / 个体 ...
    industry: str | None = None
    marks: str | None = None  # 规模以上企业、上市公司、重点非公企业, or 无
    key_industry: str | None = None  # the key industry's alliance, or 无
    address: str | None = None
    staff_count: int | None = None
    reported_member_count: int | None = None
    full_members: int | None = None
    probationary_members: int | None = None
    party_org_name: str | None = None
    party_org_type: str | None = None  # 党委 / 党总支 / 党支部 / 联合党支部
    secretary: str | None = None
    instructor: str | None = None
    contact: str | None = None
    phone: str | None = None
    units: tuple[str, ...] = ()  # e.g. ("A座 12层 1203", "A座 12层 1204")
    building: str | None = None
    cluster: str | None = None
    subdistrict: str | None = None
    remarks: str | None = None


@dataclass(frozen=True, slots=True)
class RosterMember:
    """One row of a party member roster."""

    name: str
    gender: str | None = None  # 男 / 女
    id_number: str | None = None
    phone: str | None = None
    party_status: str | None = None  # 正式党员 / 预备党员 / 入党积极分子 / 发展对象
    join_date: date | None = None
    relation_transferred: bool | None = None  # True 已转入, False 未转入 (floating member)
    remarks: str | None = None


@dataclass(frozen=True, slots=True)
class Roster:
    """The party member roster of one organization or party organization."""

    record_id: str
    organization_name: str
    party_org_name: str | None = None
    members: tuple[RosterMember, ...] = ()
    as_of: date | None = None


@dataclass(frozen=True, slots=True)
class SweepRow:
    """One unit visited in a building sweep (rows come floor by floor, in print order)."""

    floor_label: str  # B1, 1, 3A, 12 ...
    unit_label: str  # 1203, 铺位 5 ...
    visit_outcome: str | None = None  # 已登记 / 空置 / 拒访 / 需复访 ...
    organization: str | None = None
    staff_count: int | None = None
    member_count: int | None = None
    gaps: tuple[str, ...] = ()  # gap rule names shown on the form, e.g. ("50人以上无党员",)
    remarks: str | None = None


@dataclass(frozen=True, slots=True)
class SweepSummary:
    """A building's sweep, floor by floor and unit by unit."""

    record_id: str
    building_name: str
    rows: tuple[SweepRow, ...] = ()
    cluster: str | None = None
    subdistrict: str | None = None
    campaign: str | None = None  # e.g. 2024年集中扫楼月
    team: str | None = None
    swept_on: date | None = None


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One open gap on the special work ledger."""

    subdistrict: str | None
    cluster: str | None
    building: str | None
    organization: str
    rule_name: str
    detail: str | None = None  # e.g. 职工 120 人，未发现党员
    status: str | None = None  # 已识别 / 已落实措施 / 整改中 / 已销号 / 已豁免
    responsible: str | None = None
    due_date: date | None = None
    overdue: bool = False


@dataclass(frozen=True, slots=True)
class Ledger:
    """The special work ledger (专项工作台账) of a campaign or a selection."""

    record_id: str
    rows: tuple[LedgerRow, ...] = ()
    title_suffix: str | None = None  # e.g. 2024年集中扫楼月 (printed under the title)
    as_of: date | None = None


@dataclass(frozen=True, slots=True)
class NoticeItem:
    """One gap listed on a rectification notice."""

    rule_name: str
    detail: str | None = None
    action: str | None = None  # suggested rectification
    due_date: date | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class RectificationNotice:
    """A rectification notice (整改提示单) for one organization's open gaps."""

    record_id: str
    organization_name: str
    items: tuple[NoticeItem, ...] = field(default_factory=tuple)
    notice_number: str | None = None  # e.g. 业两新整改〔2024〕015号
    uscc: str | None = None
    address: str | None = None
    party_org_name: str | None = None
    contact: str | None = None
    phone: str | None = None
    reply_by: date | None = None
