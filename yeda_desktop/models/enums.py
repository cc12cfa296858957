"""Closed vocabularies of the domain, stored as their English code, shown by their Chinese label."""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A StrEnum whose members know their Chinese label (`.zh`)."""

    @property
    def zh(self) -> str:
        return _LABELS[(type(self), self.value)]


class ClusterKind(LabelledEnum):
    PARK = "park"
    OFFICE_BUILDING = "office_building"
    BUSINESS_DISTRICT = "business_district"
    OTHER = "other"


class OrgKind(LabelledEnum):
    ENTERPRISE = "enterprise"
    SOCIAL = "social"


class Ownership(LabelledEnum):
    PRIVATE = "private"
    FOREIGN = "foreign"
    HMT = "hmt"
    INDIVIDUAL = "individual"
    MIXED = "mixed"
    ASSOCIATION = "association"
    PRIVATE_NON_ENTERPRISE = "private_non_enterprise"
    FOUNDATION = "foundation"


class KeyIndustry(LabelledEnum):
    LISTED = "listed"
    HAZCHEM = "hazchem"
    EXPRESS = "express"
    TECH_SERVICES = "tech_services"
    AUTOMOTIVE = "automotive"
    MOBILE_PHONES = "mobile_phones"
    BIOMEDICINE = "biomedicine"
    INFORMATION_TECH = "information_tech"


class Gender(LabelledEnum):
    MALE = "male"
    FEMALE = "female"


class PartyStatus(LabelledEnum):
    NONE = "none"
    ACTIVIST = "activist"
    CANDIDATE = "candidate"
    PROBATIONARY = "probationary"
    FULL = "full"


class PersonRole(LabelledEnum):
    STAFF = "staff"
    LEGAL_REP = "legal_rep"
    CONTACT = "contact"
    PARTY_WORKER = "party_worker"


class PartyOrgType(LabelledEnum):
    COMMITTEE = "committee"
    GENERAL_BRANCH = "general_branch"
    BRANCH = "branch"
    JOINT_BRANCH = "joint_branch"


class VisitOutcome(LabelledEnum):
    REGISTERED = "registered"
    VACANT = "vacant"
    REVISIT = "revisit"
    REFUSED = "refused"


class GapStatus(LabelledEnum):
    IDENTIFIED = "identified"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    CLOSED = "closed"
    WAIVED = "waived"
    RESOLVED_BY_DATA = "resolved_by_data"


class GapAction(LabelledEnum):
    INSTRUCTOR = "instructor"
    JOINT_BRANCH = "joint_branch"
    ESTABLISH_BRANCH = "establish_branch"
    TRANSFER_RELATIONS = "transfer_relations"
    DEVELOP_MEMBERS = "develop_members"
    FIX_RECORD = "fix_record"


class DeviceRole(LabelledEnum):
    LAPTOP = "laptop"
    CENTRE = "centre"


class DeviceStatus(LabelledEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REVOKED = "revoked"


# GB/T 4754-2017 industry sections (门类).
INDUSTRY_SECTIONS: dict[str, str] = {
    "A": "农、林、牧、渔业",
    "B": "采矿业",
    "C": "制造业",
    "D": "电力、热力、燃气及水生产和供应业",
    "E": "建筑业",
    "F": "批发和零售业",
    "G": "交通运输、仓储和邮政业",
    "H": "住宿和餐饮业",
    "I": "信息传输、软件和信息技术服务业",
    "J": "金融业",
    "K": "房地产业",
    "L": "租赁和商务服务业",
    "M": "科学研究和技术服务业",
    "N": "水利、环境和公共设施管理业",
    "O": "居民服务、修理和其他服务业",
    "P": "教育",
    "Q": "卫生和社会工作",
    "R": "文化、体育和娱乐业",
    "S": "公共管理、社会保障和社会组织",
    "T": "国际组织",
}

# Pairs, not a dict literal: members of two vocabularies with one code (GapAction.JOINT_BRANCH
# and PartyOrgType.JOINT_BRANCH, both "joint_branch") are equal StrEnums, and one literal
# would keep only the last label for both.
_LABELS: dict[tuple[type[StrEnum], str], str] = {
    (type(member), member.value): label
    for member, label in (
        (ClusterKind.PARK, "专业园区"),
        (ClusterKind.OFFICE_BUILDING, "商务楼宇"),
        (ClusterKind.BUSINESS_DISTRICT, "商圈市场"),
        (ClusterKind.OTHER, "其他"),
        (OrgKind.ENTERPRISE, "非公企业"),
        (OrgKind.SOCIAL, "社会组织"),
        (Ownership.PRIVATE, "私营企业"),
        (Ownership.FOREIGN, "外资企业"),
        (Ownership.HMT, "港澳台资企业"),
        (Ownership.INDIVIDUAL, "个体工商户"),
        (Ownership.MIXED, "混合所有制企业"),
        (Ownership.ASSOCIATION, "社会团体"),
        (Ownership.PRIVATE_NON_ENTERPRISE, "民办非企业单位"),
        (Ownership.FOUNDATION, "基金会"),
        (KeyIndustry.LISTED, "上市公司"),
        (KeyIndustry.HAZCHEM, "化学危化品"),
        (KeyIndustry.EXPRESS, "快递"),
        (KeyIndustry.TECH_SERVICES, "科技服务"),
        (KeyIndustry.AUTOMOTIVE, "汽车"),
        (KeyIndustry.MOBILE_PHONES, "手机"),
        (KeyIndustry.BIOMEDICINE, "生物医药"),
        (KeyIndustry.INFORMATION_TECH, "信息技术"),
        (Gender.MALE, "男"),
        (Gender.FEMALE, "女"),
        (PartyStatus.NONE, "群众"),
        (PartyStatus.ACTIVIST, "入党积极分子"),
        (PartyStatus.CANDIDATE, "发展对象"),
        (PartyStatus.PROBATIONARY, "预备党员"),
        (PartyStatus.FULL, "正式党员"),
        (PersonRole.STAFF, "职工"),
        (PersonRole.LEGAL_REP, "法定代表人"),
        (PersonRole.CONTACT, "联系人"),
        (PersonRole.PARTY_WORKER, "党务工作者"),
        (PartyOrgType.COMMITTEE, "党委"),
        (PartyOrgType.GENERAL_BRANCH, "党总支"),
        (PartyOrgType.BRANCH, "党支部"),
        (PartyOrgType.JOINT_BRANCH, "联合党支部"),
        (VisitOutcome.REGISTERED, "已登记"),
        (VisitOutcome.VACANT, "空置"),
        (VisitOutcome.REVISIT, "闭门待复访"),
        (VisitOutcome.REFUSED, "拒绝登记"),
        (GapStatus.IDENTIFIED, "已发现"),
        (GapStatus.ASSIGNED, "已落实措施"),
        (GapStatus.IN_PROGRESS, "整改中"),
        (GapStatus.CLOSED, "已整改"),
        (GapStatus.WAIVED, "已豁免"),
        (GapStatus.RESOLVED_BY_DATA, "数据更新后消除"),
        (GapAction.INSTRUCTOR, "选派党建指导员"),
        (GapAction.JOINT_BRANCH, "组建联合党组织"),
        (GapAction.ESTABLISH_BRANCH, "单独组建党支部"),
        (GapAction.TRANSFER_RELATIONS, "转接组织关系"),
        (GapAction.DEVELOP_MEMBERS, "发展党员"),
        (GapAction.FIX_RECORD, "核实更正数据"),
        (DeviceRole.LAPTOP, "外业笔记本"),
        (DeviceRole.CENTRE, "中心"),
        (DeviceStatus.PENDING, "待审批"),
        (DeviceStatus.APPROVED, "已批准"),
        (DeviceStatus.REVOKED, "已吊销"),
    )
}
