"""The columns an import understands, and a guess of which spreadsheet header is which.

Offices keep their lists with their own headers; the guess matches the usual
Chinese spellings (单位名称, 统一社会信用代码, 职工人数, 党员人数, 姓名, 身份证号 …)
exactly first, then by containment, each field taking at most one column.
The user confirms or corrects the guess before anything is validated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    key: str
    header: str  # the header our exports write
    synonyms: tuple[str, ...] = ()
    required: bool = False


ORG_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "单位名称", ("企业名称", "组织名称", "单位全称", "名称"), required=True),
    FieldSpec("uscc", "统一社会信用代码", ("社会信用代码", "信用代码", "uscc")),
    FieldSpec("kind", "单位类别", ("组织类别", "组织类型", "类别")),
    FieldSpec("ownership", "经济类型", ("所有制类型", "企业类型", "登记注册类型", "经济性质")),
    FieldSpec("industry_section", "行业门类", ("所属行业", "行业类别", "行业")),
    FieldSpec("staff_count", "职工人数", ("从业人员数", "从业人数", "员工人数", "职工数")),
    FieldSpec("reported_member_count", "党员人数", ("党员数", "党员数量")),
    FieldSpec("address", "地址", ("单位地址", "注册地址", "办公地址")),
    FieldSpec("legal_rep", "法定代表人", ("法人代表", "法人", "负责人")),
    FieldSpec("contact_name", "联系人", ("党建联系人",)),
    FieldSpec("contact_phone", "联系电话", ("联系方式", "电话", "手机")),
    FieldSpec("is_above_size", "规模以上企业", ("规上企业", "是否规上企业", "是否规模以上企业")),
    FieldSpec("is_listed", "上市公司", ("是否上市公司", "是否上市")),
    FieldSpec("is_key_enterprise", "重点非公企业", ("重点企业", "是否重点非公企业")),
    FieldSpec("key_industry", "重点行业", ("行业联盟", "所属重点行业")),
)

ROSTER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "姓名", ("党员姓名", "名字"), required=True),
    FieldSpec("id_number", "身份证号", ("公民身份号码", "居民身份证号码", "身份证号码", "身份证")),
    FieldSpec("gender", "性别", ()),
    FieldSpec("party_status", "政治面貌", ("人员类别", "党员类别", "党籍状态")),
    FieldSpec("relation_transferred", "组织关系已转入", ("组织关系是否转入", "组织关系")),
    FieldSpec("join_date", "入党日期", ("入党时间",)),
    FieldSpec("phone", "手机号码", ("联系电话", "手机", "电话")),
    FieldSpec("organization", "所在单位", ("单位名称", "工作单位", "单位")),
    FieldSpec("organization_uscc", "单位统一社会信用代码", ("统一社会信用代码", "信用代码")),
)

IMPORT_KINDS: dict[str, tuple[FieldSpec, ...]] = {
    "organizations": ORG_FIELDS,
    "roster": ROSTER_FIELDS,
}

_NOISE = re.compile(r"[\s*＊:：]|[（(][^）)]*[）)]")


def normalize_header(text: object) -> str:
    """Header text without spaces, asterisks, colons or a bracketed note; lower-case."""
    return _NOISE.sub("", str(text or "")).lower()


def guess_mapping(kind: str, headers: Sequence[object]) -> dict[str, int]:
    """Field key → column index (0-based) for the columns recognised."""
    fields = IMPORT_KINDS[kind]
    cleaned = [normalize_header(h) for h in headers]
    mapping: dict[str, int] = {}
    taken: set[int] = set()

    def claim(field: FieldSpec, col: int) -> None:
        mapping[field.key] = col
        taken.add(col)

    for field in fields:  # exact spellings first
        names = [normalize_header(n) for n in (field.header, *field.synonyms)]
        for name in names:
            if name in cleaned and cleaned.index(name) not in taken:
                claim(field, cleaned.index(name))
                break
    for field in fields:  # then a header containing the field's name
        if field.key in mapping:
            continue
        names = [normalize_header(n) for n in (field.header, *field.synonyms)]
        for col, text in enumerate(cleaned):
            if col not in taken and text and any(name in text for name in names):
                claim(field, col)
                break
    return mapping


def missing_required(kind: str, mapping: dict[str, int]) -> list[FieldSpec]:
    return [f for f in IMPORT_KINDS[kind] if f.required and f.key not in mapping]
