"""Importing an organization list or a member roster: plan with a row-by-row report, then apply.

`plan_import` writes nothing: it cleans every row, matches it to an existing
record (organizations by USCC, else by an exact unique name among those
without one; people by ID number, else by name within the organization) and
says per row whether it would be created, updated (which fields), unchanged
or refused (why). `apply_plan` writes the valid rows in the caller's single
transaction. Blank cells never overwrite stored values; refused rows are skipped.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError, YedaError
from yeda_desktop.excel.cleaning import clean_org, clean_person
from yeda_desktop.excel.mapping import IMPORT_KINDS, missing_required
from yeda_desktop.excel.reader import SheetData
from yeda_desktop.models import Organization, Person
from yeda_desktop.models.org_class import settle

ORG_KEYS = ("name", "uscc", "kind", "ownership", "industry_section", "staff_count",
            "reported_member_count", "address", "legal_rep", "contact_name", "contact_phone",
            "is_above_size", "is_listed", "is_key_enterprise", "key_industry")
PERSON_KEYS = ("name", "id_number", "gender", "party_status", "relation_transferred",
               "join_date", "phone", "organization_id")


@dataclass
class RowReport:
    row: int  # spreadsheet row number
    action: str  # create, update, unchanged, error
    label: str = ""
    messages_zh: list[str] = field(default_factory=list)
    messages_en: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    target_id: str | None = None
    changes: list[str] = field(default_factory=list)

    def refuse(self, zh: str, en: str) -> None:
        self.action = "error"
        self.messages_zh.append(zh)
        self.messages_en.append(en)


@dataclass
class ImportPlan:
    kind: str
    rows: list[RowReport]

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    @property
    def errors(self) -> list[RowReport]:
        return [r for r in self.rows if r.action == "error"]

    def summary_zh(self) -> str:
        return (f"共 {len(self.rows)} 行：新增 {self.count('create')}，"
                f"更新 {self.count('update')}，无变化 {self.count('unchanged')}，"
                f"有错误 {self.count('error')}")

    def summary_en(self) -> str:
        return (f"{len(self.rows)} rows: {self.count('create')} new, {self.count('update')} "
                f"updated, {self.count('unchanged')} unchanged, {self.count('error')} with errors")


def _raw(row: tuple[Any, ...], mapping: dict[str, int]) -> dict[str, Any]:
    return {key: row[col] if col < len(row) else None for key, col in mapping.items()}


def _changes(current: dict[str, Any], values: dict[str, Any], keys: Iterable[str]) -> list[str]:
    return [k for k in keys if k in values and values[k] is not None and values[k] != current[k]]


def _plan_orgs(session: Session, sheet: SheetData, mapping: dict[str, int]) -> list[RowReport]:
    columns = [getattr(Organization, k) for k in ORG_KEYS]
    existing: dict[str, dict[str, Any]] = {}
    by_uscc: dict[str, str] = {}
    by_name: dict[str, list[str]] = defaultdict(list)
    for oid, *vals in session.execute(select(Organization.id, *columns)).all():
        existing[oid] = dict(zip(ORG_KEYS, vals, strict=True))
        if existing[oid]["uscc"]:
            by_uscc[existing[oid]["uscc"]] = oid
        else:
            by_name[existing[oid]["name"]].append(oid)
    seen: dict[str, int] = {}
    reports = []
    for number, row in sheet.rows:
        report = RowReport(number, "create")
        reports.append(report)
        try:
            values = clean_org(_raw(row, mapping))
        except ValidationError as exc:
            report.refuse(exc.zh, exc.en)
            continue
        report.values, report.label = values, values["name"]
        uscc = values.get("uscc")
        target = by_uscc.get(uscc) if uscc else None
        if target is None and len(by_name.get(values["name"], [])) == 1:
            target = by_name[values["name"]][0]
        if values.get("kind") is not None or values.get("ownership") is not None:
            current = existing[target] if target else None
            try:
                values["kind"], values["ownership"] = settle(
                    values.get("kind"), values.get("ownership"),
                    (current["kind"], current["ownership"]) if current else None)
            except ValidationError as exc:
                report.refuse(exc.zh, exc.en)
                continue
        key = target or uscc or values["name"]
        if key in seen:
            report.refuse(f"与第 {seen[key]} 行是同一单位", f"same organization as row {seen[key]}")
            continue
        seen[key] = number
        if target is None:
            continue
        report.target_id = target
        report.changes = _changes(existing[target], values, ORG_KEYS)
        report.action = "update" if report.changes else "unchanged"
    return reports


def _plan_people(session: Session, sheet: SheetData, mapping: dict[str, int]) -> list[RowReport]:
    org_by_uscc: dict[str, str] = {}
    org_by_name: dict[str, list[str]] = defaultdict(list)
    for oid, name, uscc in session.execute(
        select(Organization.id, Organization.name, Organization.uscc)
    ).all():
        org_by_name[name].append(oid)
        if uscc:
            org_by_uscc[uscc] = oid
    keys = [k for k in PERSON_KEYS if k != "organization_id"]
    existing: dict[str, dict[str, Any]] = {}
    by_id_number: dict[str, str] = {}
    by_org_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    query = select(Person.id, Person.organization_id, *(getattr(Person, k) for k in keys))
    for pid, oid, *vals in session.execute(query).all():
        existing[pid] = {"organization_id": oid, **dict(zip(keys, vals, strict=True))}
        if existing[pid]["id_number"]:
            by_id_number[existing[pid]["id_number"]] = pid
        by_org_name[(oid, existing[pid]["name"])].append(pid)
    seen: dict[str, int] = {}
    reports = []
    for number, row in sheet.rows:
        report = RowReport(number, "create")
        reports.append(report)
        try:
            values = clean_person(_raw(row, mapping))
        except ValidationError as exc:
            report.refuse(exc.zh, exc.en)
            continue
        report.label = values["name"]
        org_uscc, org_name = values.pop("organization_uscc", None), values.pop("organization", None)
        org_id = org_by_uscc.get(org_uscc) if org_uscc else None
        if org_id is None and org_name and len(org_by_name.get(org_name, [])) == 1:
            org_id = org_by_name[org_name][0]
        if org_id is None:
            report.refuse(
                f"找不到所在单位“{org_name or org_uscc or ''}”（请先导入单位名单）",
                f"organization {org_name or org_uscc or ''!r} not found (import it first)",
            )
            continue
        values["organization_id"] = org_id
        report.values = values
        id_number = values.get("id_number")
        target = by_id_number.get(id_number) if id_number else None
        if target is None and len(by_org_name.get((org_id, values["name"]), [])) == 1:
            candidate = by_org_name[(org_id, values["name"])][0]
            if not id_number or existing[candidate]["id_number"] in (None, id_number):
                target = candidate
        key = target or id_number or f"{org_id}/{values['name']}"
        if key in seen:
            report.refuse(f"与第 {seen[key]} 行是同一人", f"same person as row {seen[key]}")
            continue
        seen[key] = number
        if target is None:
            if values.get("party_status") is None:
                report.refuse("新增人员须填写政治面貌", "a new person needs a party status")
            continue
        report.target_id = target
        report.changes = _changes(existing[target], values, PERSON_KEYS)
        report.action = "update" if report.changes else "unchanged"
    return reports


def plan_import(
    session: Session, kind: str, sheet: SheetData, mapping: dict[str, int]
) -> ImportPlan:
    """Validate and match every row; writes nothing."""
    if kind not in IMPORT_KINDS:
        raise YedaError(f"未知的导入类型：{kind}", f"unknown import kind {kind!r}")
    missing = missing_required(kind, mapping)
    if missing:
        names = "、".join(f.header for f in missing)
        raise YedaError(f"缺少必填列：{names}", f"required columns not mapped: {names}")
    planner = _plan_orgs if kind == "organizations" else _plan_people
    return ImportPlan(kind, planner(session, sheet, mapping))


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    skipped: int


# Rows written per flush: each flush reports progress, where a Cancel can stop the import
# (the caller's transaction then writes nothing).
APPLY_EVERY = 500


def apply_plan(
    session: Session, plan: ImportPlan, progress: Callable[[int, int], None] | None = None
) -> ImportResult:
    """Write the plan's valid rows in the caller's transaction (flushed, not committed).

    `progress(done, total)` is called after every `APPLY_EVERY` rows; whatever it raises
    (a Cancel) leaves the caller to roll back.
    """
    model: type[Organization] | type[Person] = (
        Organization if plan.kind == "organizations" else Person
    )
    total = len(plan.rows)
    for done, report in enumerate(plan.rows, 1):
        if report.action == "create":
            values = {k: v for k, v in report.values.items() if v is not None}
            session.add(model(**values))
        elif report.action == "update":
            obj = session.get(model, report.target_id)
            if obj is None:
                raise YedaError(
                    "导入期间数据已变化，请重新校验", "the data changed; validate again"
                )
            for key in report.changes:
                setattr(obj, key, report.values[key])
        if done % APPLY_EVERY == 0 or done == total:
            session.flush()
            if progress is not None:
                progress(done, total)
    session.flush()
    return ImportResult(plan.count("create"), plan.count("update"), plan.count("unchanged"),
                        plan.count("error"))
