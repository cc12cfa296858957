"""Turning spreadsheet cells into domain values, or a sentence saying why not."""

from __future__ import annotations

from datetime import date
from typing import Any

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import checks
from yeda_desktop.models.enums import (
    INDUSTRY_SECTIONS,
    Gender,
    KeyIndustry,
    LabelledEnum,
    OrgKind,
    Ownership,
    PartyStatus,
)
from yeda_desktop.validation import (
    normalize_id_number,
    normalize_org_name,
    normalize_past_day,
    normalize_person_name,
    normalize_phone,
    normalize_uscc,
)


def text_of(value: Any) -> str | None:
    """Cell text, None for blank; whole floats lose their ".0" (phone numbers read as numbers)."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _enum(cls: type[LabelledEnum], value: Any, field: str, field_zh: str) -> Any:
    text = text_of(value)
    if text is None:
        return None
    for member in cls:
        if text in (member.value, member.zh):
            return member
    labels = "、".join(m.zh for m in cls)
    raise ValidationError(field, field_zh, f"应为{labels}之一", f"must be one of {labels}")


def _count(value: Any, field: str, field_zh: str) -> int | None:
    text = text_of(value)
    if text is None:
        return None
    try:
        number = int(text)
    except ValueError:
        raise ValidationError(field, field_zh, "应为整数", "must be a whole number") from None
    return checks.count(number, field, field_zh)


def _industry(value: Any) -> str | None:
    text = text_of(value)
    if text is None:
        return None
    head = text.split()[0].upper()
    if head in INDUSTRY_SECTIONS:
        return head
    for code, name in INDUSTRY_SECTIONS.items():
        if text == name:
            return code
    raise ValidationError(
        "industry_section", "行业门类", "应为国民经济行业分类门类A至T", "must be a section A-T"
    )


def _date(value: Any, field: str, field_zh: str) -> date | None:
    if isinstance(value, date):  # a date cell (a datetime is one)
        return normalize_past_day(value, field, field_zh)
    return normalize_past_day(text_of(value), field, field_zh)


def _yes_no(value: Any, field: str, field_zh: str) -> bool | None:
    text = text_of(value)
    if text is None:
        return None
    if text in ("是", "已转入", "Y", "y", "yes", "true", "TRUE", "1"):
        return True
    if text in ("否", "未转入", "N", "n", "no", "false", "FALSE", "0"):
        return False
    raise ValidationError(field, field_zh, "应为“是”或“否”", "must be yes or no")


def _optional(fn: Any, value: Any, field: str) -> str | None:
    text = text_of(value)
    return None if text is None else str(fn(text, field))


def clean_org(raw: dict[str, Any]) -> dict[str, Any]:
    """Field key → domain value for the fields present; raises ValidationError."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "name":
            text = text_of(value)
            if text is None:
                raise ValidationError("name", "单位名称", "不能为空", "is required")
            out[key] = normalize_org_name(text, key)
        elif key == "uscc":
            out[key] = _optional(normalize_uscc, value, key)
        elif key == "kind":
            out[key] = _enum(OrgKind, value, key, "单位类别")
        elif key == "ownership":
            out[key] = _enum(Ownership, value, key, "经济类型")
        elif key == "industry_section":
            out[key] = _industry(value)
        elif key == "staff_count":
            out[key] = _count(value, key, "职工人数")
        elif key == "reported_member_count":
            out[key] = _count(value, key, "党员人数")
        elif key == "address":
            out[key] = checks.text(text_of(value), key, "地址", 200)
        elif key in ("legal_rep", "contact_name"):
            out[key] = _optional(normalize_person_name, value, key)
        elif key == "contact_phone":
            out[key] = _optional(normalize_phone, value, key)
        elif key in _ORG_MARKS:
            out[key] = _yes_no(value, key, _ORG_MARKS[key])
        elif key == "key_industry":
            out[key] = _enum(KeyIndustry, value, key, "重点行业")
    return out


# The organization's marks: a blank cell leaves one as it is, 是/否 sets it.
_ORG_MARKS = {"is_above_size": "规模以上企业", "is_listed": "上市公司",
              "is_key_enterprise": "重点非公企业"}


def clean_person(raw: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "name":
            text = text_of(value)
            if text is None:
                raise ValidationError("name", "姓名", "不能为空", "is required")
            out[key] = normalize_person_name(text, key)
        elif key == "id_number":
            out[key] = _optional(normalize_id_number, value, key)
        elif key == "gender":
            out[key] = _enum(Gender, value, key, "性别")
        elif key == "party_status":
            out[key] = _enum(PartyStatus, value, key, "政治面貌")
        elif key == "relation_transferred":
            out[key] = _yes_no(value, key, "组织关系已转入")
        elif key == "join_date":
            out[key] = _date(value, key, "入党日期")
        elif key == "phone":
            out[key] = _optional(normalize_phone, value, key)
        elif key == "organization":
            out[key] = text_of(value)
        elif key == "organization_uscc":
            out[key] = _optional(normalize_uscc, value, key)
    return out
