"""Every gap rule of the domain, each once in Python (one organization) and once in SQL (all).

A rule's Python predicate reads OrgFacts; its SQL condition reads the columns
of `facts_query.facts_select` with the same names. The explanation names the
figures in Chinese and English and is built from the facts in Python.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_

from yeda_desktop.models.enums import GapAction, Ownership, PartyOrgType
from yeda_desktop.rules.facts import OrgFacts
from yeda_desktop.rules.facts_query import ORG_FORM_RANK
from yeda_desktop.rules.identifier_checks import uscc_is_valid
from yeda_desktop.rules.profile import RulesProfile

Columns = Any  # the `.c` collection of the facts subquery


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"high": 0, "medium": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Rule:
    id: str
    title_zh: str
    title_en: str
    severity: Severity
    action: GapAction
    action_zh: str
    action_en: str
    fires: Callable[[OrgFacts, RulesProfile], bool]
    condition: Callable[[Columns, RulesProfile], ColumnElement[bool]]
    explain: Callable[[OrgFacts, RulesProfile], tuple[str, str]]


def _n(count: int, noun: str) -> str:
    """English count and noun, plural unless one: "1 full member", "3 full members"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _staff(f: OrgFacts) -> int:
    return f.staff_count or 0


def _staff_sql(c: Columns) -> ColumnElement[int]:
    return func.coalesce(c.staff_count, 0)


def _registered_sql(c: Columns) -> ColumnElement[int]:
    return c.full_members + c.probationary_members  # type: ignore[no-any-return]


def _known_sql(c: Columns) -> ColumnElement[int]:
    registered = _registered_sql(c)
    reported = func.coalesce(c.reported_member_count, 0)
    return case((registered > reported, registered), else_=reported)


# --- no_party_member -------------------------------------------------------------------------

def _npm_fires(f: OrgFacts, p: RulesProfile) -> bool:
    return _staff(f) >= p.no_party_member_staff and f.known_members == 0


def _npm_sql(c: Columns, p: RulesProfile) -> ColumnElement[bool]:
    return and_(_staff_sql(c) >= p.no_party_member_staff, _known_sql(c) == 0)


def _npm_explain(f: OrgFacts, p: RulesProfile) -> tuple[str, str]:
    return (
        f"职工 {_staff(f)} 人（≥{p.no_party_member_staff}），未登记也未自报党员",
        f"{_staff(f)} staff (≥ {p.no_party_member_staff}) and no party member "
        "registered or reported",
    )


# --- no_party_org ----------------------------------------------------------------------------

def _npo_fires(f: OrgFacts, p: RulesProfile) -> bool:
    return _staff(f) >= p.no_party_org_staff and f.covering_party_orgs == 0


def _npo_sql(c: Columns, p: RulesProfile) -> ColumnElement[bool]:
    return and_(_staff_sql(c) >= p.no_party_org_staff, c.covering_party_orgs == 0)


def _npo_explain(f: OrgFacts, p: RulesProfile) -> tuple[str, str]:
    return (
        f"职工 {_staff(f)} 人（≥{p.no_party_org_staff}），无党组织覆盖",
        f"{_staff(f)} staff (≥ {p.no_party_org_staff}) and no party organization covers it",
    )


# --- should_establish ------------------------------------------------------------------------

def _se_fires(f: OrgFacts, p: RulesProfile) -> bool:
    return f.full_members >= p.establish_full_members and f.own_party_orgs == 0


def _se_sql(c: Columns, p: RulesProfile) -> ColumnElement[bool]:
    return and_(c.full_members >= p.establish_full_members, c.own_party_orgs == 0)


def _se_explain(f: OrgFacts, p: RulesProfile) -> tuple[str, str]:
    return (
        f"正式党员 {f.full_members} 名（≥{p.establish_full_members}），未单独建立党组织",
        f"{_n(f.full_members, 'full member')} (≥ {p.establish_full_members}) "
        "and no party organization of its own",
    )


# --- joint_coverage --------------------------------------------------------------------------

def _jc_fires(f: OrgFacts, p: RulesProfile) -> bool:
    return 1 <= f.full_members < p.establish_full_members and f.covering_party_orgs == 0


def _jc_sql(c: Columns, p: RulesProfile) -> ColumnElement[bool]:
    return and_(
        c.full_members >= 1,
        c.full_members < p.establish_full_members,
        c.covering_party_orgs == 0,
    )


def _jc_explain(f: OrgFacts, p: RulesProfile) -> tuple[str, str]:
    return (
        f"正式党员 {f.full_members} 名（不足{p.establish_full_members}名），未被任何党组织覆盖",
        f"{_n(f.full_members, 'full member')} (fewer than {p.establish_full_members}) "
        "and not covered by any party organization",
    )


# --- no_work_coverage ------------------------------------------------------------------------

def _nwc_fires(f: OrgFacts, p: RulesProfile) -> bool:
    return (
        f.covering_party_orgs == 0
        and f.instructors == 0
        and _staff(f) >= p.work_coverage_min_staff
    )


def _nwc_sql(c: Columns, p: RulesProfile) -> ColumnElement[bool]:
    return and_(
        c.covering_party_orgs == 0,
        c.instructors == 0,
        _staff_sql(c) >= p.work_coverage_min_staff,
    )


def _nwc_explain(f: OrgFacts, _p: RulesProfile) -> tuple[str, str]:
    # With the default profile (no minimum) it fires before the head count is known:
    # "0 staff" would then state something nobody said.
    if f.staff_count is None:
        return (
            "职工人数未填，无党组织覆盖，也未选派党建指导员",
            "staff count not given, no party organization covers it and no instructor "
            "is assigned",
        )
    return (
        f"职工 {_staff(f)} 人，无党组织覆盖，也未选派党建指导员",
        f"{_staff(f)} staff, no party organization covers it and no instructor is assigned",
    )


# --- org_form --------------------------------------------------------------------------------

_BRANCH = ORG_FORM_RANK[PartyOrgType.BRANCH]
_COMMITTEE = ORG_FORM_RANK[PartyOrgType.COMMITTEE]


def _of_rank(f: OrgFacts) -> int:
    return ORG_FORM_RANK.get(f.own_org_type, 0) if f.own_org_type else 0


def _of_fires(f: OrgFacts, p: RulesProfile) -> bool:
    rank, members = _of_rank(f), f.known_members
    if rank == 0:
        return False
    committee_due = members >= p.committee_members and rank < _COMMITTEE
    general_due = members > p.general_branch_above_members and rank == _BRANCH
    return committee_due or general_due


def _of_sql(c: Columns, p: RulesProfile) -> ColumnElement[bool]:
    members = _known_sql(c)
    return and_(
        c.own_rank >= 1,
        or_(
            and_(members >= p.committee_members, c.own_rank < _COMMITTEE),
            and_(members > p.general_branch_above_members, c.own_rank == _BRANCH),
        ),
    )


def _of_explain(f: OrgFacts, p: RulesProfile) -> tuple[str, str]:
    form = f.own_org_type or PartyOrgType.BRANCH
    members = f.known_members
    if members >= p.committee_members:
        return (
            f"党员 {members} 名（≥{p.committee_members}），现为{form.zh}，建议成立党委",
            f"{members} members (≥ {p.committee_members}) with a {form.value.replace('_', ' ')}; "
            "a committee is advised",
        )
    return (
        f"党员 {members} 名（>{p.general_branch_above_members}），仅有党支部，建议成立党总支",
        f"{members} members (> {p.general_branch_above_members}) with only a branch; "
        "a general branch is advised",
    )


# --- four_haves ------------------------------------------------------------------------------

def _fh_missing(f: OrgFacts) -> list[tuple[str, str]]:
    missing = []
    if f.known_members == 0:
        missing.append(("有党员", "party members"))
    if f.covering_party_orgs == 0:
        missing.append(("有组织", "an organization"))
    if not f.has_party_activities:
        missing.append(("有作用（活动）", "a role (activities)"))
    if not f.has_party_guarantees:
        missing.append(("有保障（经费、场地）", "guarantees (funds, venue)"))
    return missing


def _fh_fires(f: OrgFacts, p: RulesProfile) -> bool:
    return f.ownership in p.four_haves_ownerships and bool(_fh_missing(f))


def _fh_sql(c: Columns, p: RulesProfile) -> ColumnElement[bool]:
    return and_(
        c.ownership.in_([Ownership(o) for o in p.four_haves_ownerships]),
        or_(
            _known_sql(c) == 0,
            c.covering_party_orgs == 0,
            ~c.has_party_activities,
            ~c.has_party_guarantees,
        ),
    )


def _fh_explain(f: OrgFacts, _p: RulesProfile) -> tuple[str, str]:
    missing = _fh_missing(f)
    return (
        "“四有一坚持”缺项：" + "、".join(zh for zh, _ in missing),
        "'four haves' missing: " + ", ".join(en for _, en in missing),
    )


# --- floating_members ------------------------------------------------------------------------

def _fm_fires(f: OrgFacts, _p: RulesProfile) -> bool:
    return f.floating_members > 0


def _fm_sql(c: Columns, _p: RulesProfile) -> ColumnElement[bool]:
    return c.floating_members > 0  # type: ignore[no-any-return]


def _fm_explain(f: OrgFacts, _p: RulesProfile) -> tuple[str, str]:
    return (
        f"{f.floating_members} 名党员组织关系未转入",
        f"{_n(f.floating_members, 'member')} whose relation is not transferred here",
    )


# --- data_quality ----------------------------------------------------------------------------

def _dq_problems(f: OrgFacts, p: RulesProfile) -> list[tuple[str, str]]:
    problems = []
    if p.check_identifiers and f.uscc is not None and not uscc_is_valid(f.uscc):
        problems.append(("统一社会信用代码无效", "invalid USCC"))
    if p.check_identifiers and f.invalid_id_numbers:
        problems.append(
            (f"{f.invalid_id_numbers} 个身份证号无效",
             _n(f.invalid_id_numbers, "invalid ID number"))
        )
    if (
        f.reported_member_count is not None
        and abs(f.reported_member_count - f.registered_members) > p.member_count_tolerance
    ):
        problems.append(
            (
                f"自报党员 {f.reported_member_count} 名，登记 {f.registered_members} 名",
                f"{_n(f.reported_member_count, 'member')} reported, "
                f"{f.registered_members} registered",
            )
        )
    if f.staff_count is not None and f.known_members > f.staff_count:
        problems.append(
            (f"党员 {f.known_members} 名，多于职工 {f.staff_count} 人",
             f"{_n(f.known_members, 'party member')} but {f.staff_count} staff")
        )
    if p.check_visits and f.units_unvisited:
        problems.append(
            (f"{f.units_unvisited} 个房间本次未走访",
             _n(f.units_unvisited, "unit") + " not visited")
        )
    if p.check_visits and f.units_revisit:
        problems.append(
            (f"{f.units_revisit} 个房间待复访", _n(f.units_revisit, "unit") + " to revisit")
        )
    if p.check_verification and not f.verified:
        problems.append(("本次扫楼未核实", "not verified in this campaign"))
    return problems


def _dq_fires(f: OrgFacts, p: RulesProfile) -> bool:
    return bool(_dq_problems(f, p))


def _dq_sql(c: Columns, p: RulesProfile) -> ColumnElement[bool]:
    checks: list[ColumnElement[bool]] = [
        and_(
            c.reported_member_count.is_not(None),
            func.abs(c.reported_member_count - _registered_sql(c)) > p.member_count_tolerance,
        ),
        and_(c.staff_count.is_not(None), _known_sql(c) > c.staff_count),
    ]
    if p.check_identifiers:
        checks += [c.uscc_invalid > 0, c.invalid_id_numbers > 0]
    if p.check_visits:
        checks += [c.units_unvisited > 0, c.units_revisit > 0]
    if p.check_verification:
        checks.append(~c.verified)
    return or_(*checks)


def _dq_explain(f: OrgFacts, p: RulesProfile) -> tuple[str, str]:
    problems = _dq_problems(f, p)
    return "；".join(zh for zh, _ in problems), "; ".join(en for _, en in problems)


RULES: tuple[Rule, ...] = (
    Rule("no_party_member", "规上无党员", "no party member", Severity.HIGH,
         GapAction.DEVELOP_MEMBERS, "重点摸排，选派党建指导员，培养发展党员",
         "survey, send an instructor, develop members", _npm_fires, _npm_sql, _npm_explain),
    Rule("no_party_org", "无党组织", "no party organization", Severity.HIGH,
         GapAction.ESTABLISH_BRANCH, "单独组建或联合组建党组织",
         "form its own or a joint party organization", _npo_fires, _npo_sql, _npo_explain),
    Rule("should_establish", "应建未建", "should establish", Severity.MEDIUM,
         GapAction.ESTABLISH_BRANCH, "单独建立党支部", "establish a branch",
         _se_fires, _se_sql, _se_explain),
    Rule("joint_coverage", "待联合覆盖", "joint coverage", Severity.MEDIUM,
         GapAction.JOINT_BRANCH, "就近加入或组建联合党支部",
         "join or form a joint branch with neighbours", _jc_fires, _jc_sql, _jc_explain),
    Rule("no_work_coverage", "工作未覆盖", "no work coverage", Severity.MEDIUM,
         GapAction.INSTRUCTOR, "选派党建指导员", "assign an instructor",
         _nwc_fires, _nwc_sql, _nwc_explain),
    Rule("org_form", "组织形式待调整", "organization form", Severity.INFO,
         GapAction.ESTABLISH_BRANCH, "研究调整党组织设置形式（提示）",
         "review the organization form (informational)", _of_fires, _of_sql, _of_explain),
    Rule("four_haves", "外企四有缺项", "four haves", Severity.MEDIUM,
         GapAction.ESTABLISH_BRANCH, "对照外资企业“四有一坚持”清单逐项落实",
         "work through the foreign-enterprise model checklist", _fh_fires, _fh_sql, _fh_explain),
    Rule("floating_members", "组织关系未转入", "floating members", Severity.MEDIUM,
         GapAction.TRANSFER_RELATIONS, "督促转接组织关系", "transfer the relations",
         _fm_fires, _fm_sql, _fm_explain),
    Rule("data_quality", "数据待核实", "data quality", Severity.MEDIUM,
         GapAction.FIX_RECORD, "核实更正数据或复访", "fix the record or revisit",
         _dq_fires, _dq_sql, _dq_explain),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
