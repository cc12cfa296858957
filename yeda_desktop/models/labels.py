"""Chinese names of the tables and fields that travel in sync batches.

The centre administrator's conflict queue, merge and audit views and the `yeda conflicts`
/ `yeda audit` commands name a field by its table and column. The users are Chinese
officials, so `people.organization_id` is shown as "人员 · 所在单位". The spellings are
the ones the app already uses elsewhere (the validators' field names, the Excel headers
in excel/mapping.py, the PDF forms), so the app speaks one language.

Qt-free and free of syncflow imports: models stay importable on their own. Every
lookup falls back to the raw name, so an unknown table or column never raises;
tests/models/test_labels.py makes sure every logged column of every travelling table
has a label, so a new column cannot arrive without one.
"""

from __future__ import annotations

SEPARATOR = " · "

TABLE_LABELS: dict[str, str] = {
    "campaigns": "扫楼活动",
    "instructors": "党建指导员",
    "zones": "开发区",
    "organizations": "单位",
    "subdistricts": "镇街",
    "teams": "扫楼小组",
    "clusters": "集聚区",
    "gaps": "台账问题",
    "instructor_assignments": "指导员选派",
    "people": "人员",
    "buildings": "楼宇",
    "gap_events": "台账问题进展",
    "party_orgs": "党组织",
    "floors": "楼层",
    "party_org_coverages": "党组织覆盖",
    "team_buildings": "小组负责楼宇",
    "units": "房间",
    "occupancies": "入驻房间",
    "visits": "走访记录",
    "devices": "设备",
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "campaigns": {
        "name": "活动名称",
        "year": "年度",
        "starts_on": "开始日期",
        "ends_on": "结束日期",
        "is_current": "当前活动",
    },
    "instructors": {
        "name": "姓名",
        "phone": "联系电话",
        "employer": "工作单位",
    },
    "zones": {
        "name": "名称",
        "code": "编码",
    },
    "organizations": {
        "name": "单位名称",
        "uscc": "统一社会信用代码",
        "kind": "单位类别",
        "ownership": "经济类型",
        "industry_section": "行业门类",
        "key_industry": "重点行业",
        "is_listed": "上市公司",
        "is_above_size": "规模以上企业",
        "is_key_enterprise": "重点非公企业",
        "staff_count": "职工人数",
        "reported_member_count": "党员人数（自报）",
        "address": "地址",
        "legal_rep": "法定代表人",
        "contact_name": "联系人",
        "contact_phone": "联系电话",
        "has_party_activities": "开展党组织活动",
        "has_party_guarantees": "有保障（经费、场地）",  # as the four-haves rule says it
        "verified_campaign_id": "核实时的扫楼活动",
        "verified_at": "核实时间",
        "note": "备注",
    },
    "subdistricts": {
        "zone_id": "所属开发区",
        "name": "镇街名称",
    },
    "teams": {
        "campaign_id": "扫楼活动",
        "name": "小组名称",
        "leader": "组长",
    },
    "clusters": {
        "subdistrict_id": "所属镇街",
        "name": "集聚区名称",
        "kind": "集聚区类型",
    },
    "gaps": {
        "organization_id": "单位",
        "rule_id": "问题类型",
        "status": "整改状态",
        "detail_zh": "问题说明",
        "detail_en": "问题说明（英文）",
        "action": "措施",
        "responsible": "负责人",
        "due_on": "整改期限",
        "evidence": "整改佐证",
        "closed_on": "整改完成日期",
        "waived_reason": "豁免理由",
        "waived_by": "豁免人",
        "identified_at": "发现时间",
        "campaign_id": "扫楼活动",
    },
    "instructor_assignments": {
        "instructor_id": "党建指导员",
        "organization_id": "指导单位",
        "starts_on": "开始日期",
        "ends_on": "结束日期",
    },
    "people": {
        "organization_id": "所在单位",
        "name": "姓名",
        "gender": "性别",
        "id_number": "身份证号",
        "phone": "手机号码",
        "role": "人员类别",
        "party_status": "政治面貌",
        "relation_transferred": "组织关系已转入",
        "join_date": "入党日期",
    },
    "buildings": {
        "cluster_id": "所属集聚区",
        "name": "楼宇名称",
        "address": "地址",
        "floors_above": "地上层数",
        "floors_below": "地下层数",
    },
    "gap_events": {
        "gap_id": "台账问题",
        "from_status": "原状态",
        "to_status": "新状态",
        "at": "时间",
        "officer": "经办人",
        "note": "备注",
    },
    "party_orgs": {
        "name": "党组织名称",
        "type": "党组织类型",
        "parent_id": "上级党组织",
        "secretary_id": "党组织书记",
        "secretary_name": "书记姓名",
        "established_on": "成立日期",
    },
    "floors": {
        "building_id": "所在楼宇",
        "label": "楼层",
        "level": "楼层序号",
    },
    "party_org_coverages": {
        "party_org_id": "党组织",
        "organization_id": "覆盖单位",
    },
    "team_buildings": {
        "team_id": "扫楼小组",
        "building_id": "楼宇",
    },
    "units": {
        "floor_id": "所在楼层",
        "label": "房间号",
    },
    "occupancies": {
        "organization_id": "单位",
        "unit_id": "房间",
    },
    "visits": {
        "campaign_id": "扫楼活动",
        "unit_id": "房间",
        "team_id": "扫楼小组",
        "outcome": "走访结果",
        "visited_at": "走访时间",
        "officer": "走访人",
        "note": "备注",
    },
}


def table_label(table: str) -> str:
    """The Chinese name of a table ("people" → "人员"); the raw name if unknown."""
    return TABLE_LABELS.get(table, table)


def column_label(table: str, column: str | None) -> str:
    """The Chinese name of one column ("contact_phone" → "联系电话"); the raw name if
    unknown, "" for no column (a whole-record change)."""
    if not column:
        return ""
    return FIELD_LABELS.get(table, {}).get(column, column)


def field_label(table: str, column: str | None) -> str:
    """Table and column as a reader says them: "人员 · 所在单位"; the table alone when
    there is no column (an insert or delete)."""
    name = column_label(table, column)
    return f"{table_label(table)}{SEPARATOR}{name}" if name else table_label(table)


def field_label_with_key(table: str, column: str | None) -> str:
    """For the CLI: "单位 · 联系电话 (organizations.contact_phone)", so scripts and
    English readers still see the key."""
    key = f"{table}.{column}" if column else table
    label = field_label(table, column)
    return label if label == key else f"{label} ({key})"


# What a change-log entry did; "superseded" is an edit that arrived but lost the merge.
CHANGE_LABELS: dict[str, str] = {
    "insert": "新增",
    "update": "修改",
    "delete": "删除",
    "superseded": "修改（未采用）",
}


def change_label(op: str) -> str:
    """The Chinese word for a change-log operation ("update" → "修改"); raw if unknown."""
    return CHANGE_LABELS.get(op, op)


# Why two records were put side by side as possible duplicates (sync_duplicates.reason).
DUPLICATE_REASONS: dict[str, str] = {
    "phone": "联系电话相同",
    "name_building": "同楼宇名称相近",
    "unique": "统一社会信用代码等唯一项相同，已自动关联",
}


def duplicate_reason(reason: str) -> str:
    """The Chinese wording of a duplicate candidate's reason; raw if unknown."""
    return DUPLICATE_REASONS.get(reason, reason)
