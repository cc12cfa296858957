"""Each rule on hand-made facts at and around every threshold (the Python predicates)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from yeda_desktop.models.enums import Ownership, PartyOrgType
from yeda_desktop.rules import DEFAULT_PROFILE, OrgFacts, RulesProfile, evaluate

BASE = OrgFacts(organization_id="o", staff_count=10, reported_member_count=None, verified=True,
                covering_party_orgs=1, own_party_orgs=1, own_org_type=PartyOrgType.BRANCH,
                full_members=1)


def fired(facts: OrgFacts, profile: RulesProfile = DEFAULT_PROFILE) -> set[str]:
    return {f.rule_id for f in evaluate(facts, profile)}


def bare(**changes: object) -> OrgFacts:
    """No members, no coverage, no instructor, verified: only the changed figures matter."""
    return replace(OrgFacts("o", None, None), **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("staff", "expected"), [(None, False), (49, False), (50, True), (51, True)]
)
def test_no_party_member_at_50_staff(staff: int | None, expected: bool) -> None:
    assert ("no_party_member" in fired(bare(staff_count=staff))) is expected


def test_no_party_member_counts_reported_and_probationary_members() -> None:
    assert "no_party_member" not in fired(bare(staff_count=80, reported_member_count=1))
    assert "no_party_member" not in fired(bare(staff_count=80, probationary_members=1))
    assert "no_party_member" in fired(bare(staff_count=80, reported_member_count=0))


@pytest.mark.parametrize(("staff", "covering", "expected"),
                         [(99, 0, False), (100, 0, True), (101, 0, True), (100, 1, False)])
def test_no_party_org_at_100_staff(staff: int, covering: int, expected: bool) -> None:
    facts = bare(staff_count=staff, covering_party_orgs=covering)
    assert ("no_party_org" in fired(facts)) is expected


@pytest.mark.parametrize(("full", "own", "expected"),
                         [(2, 0, False), (3, 0, True), (4, 0, True), (3, 1, False)])
def test_should_establish_at_three_full_members(full: int, own: int, expected: bool) -> None:
    facts = bare(full_members=full, own_party_orgs=own, covering_party_orgs=own)
    assert ("should_establish" in fired(facts)) is expected


def test_should_establish_ignores_probationary_and_joint_coverage() -> None:
    assert "should_establish" not in fired(bare(full_members=2, probationary_members=5))
    joint_only = bare(full_members=3, covering_party_orgs=1, own_party_orgs=0)
    assert "should_establish" in fired(joint_only)


@pytest.mark.parametrize(("full", "covering", "expected"),
                         [(0, 0, False), (1, 0, True), (2, 0, True), (3, 0, False), (1, 1, False)])
def test_joint_coverage_for_one_or_two_full_members(
    full: int, covering: int, expected: bool
) -> None:
    facts = bare(full_members=full, covering_party_orgs=covering)
    assert ("joint_coverage" in fired(facts)) is expected


@pytest.mark.parametrize(("covering", "instructors", "expected"),
                         [(0, 0, True), (1, 0, False), (0, 1, False)])
def test_no_work_coverage(covering: int, instructors: int, expected: bool) -> None:
    facts = bare(covering_party_orgs=covering, instructors=instructors)
    assert ("no_work_coverage" in fired(facts)) is expected


def test_no_work_coverage_does_not_invent_a_head_count() -> None:
    unknown = next(f for f in evaluate(bare()) if f.rule_id == "no_work_coverage")
    assert unknown.zh == "职工人数未填，无党组织覆盖，也未选派党建指导员"
    assert "0" not in unknown.zh and "not given" in unknown.en
    counted = next(f for f in evaluate(bare(staff_count=0)) if f.rule_id == "no_work_coverage")
    assert counted.zh.startswith("职工 0 人")  # a count of 0 that was typed is a count


def test_no_work_coverage_minimum_staff_from_profile() -> None:
    profile = RulesProfile(work_coverage_min_staff=10)
    assert "no_work_coverage" not in fired(bare(staff_count=9), profile)
    assert "no_work_coverage" in fired(bare(staff_count=10), profile)


@pytest.mark.parametrize(
    ("members", "form", "expected"),
    [
        (50, PartyOrgType.BRANCH, False),
        (51, PartyOrgType.BRANCH, True),
        (51, PartyOrgType.GENERAL_BRANCH, False),
        (99, PartyOrgType.GENERAL_BRANCH, False),
        (100, PartyOrgType.GENERAL_BRANCH, True),
        (100, PartyOrgType.COMMITTEE, False),
        (100, None, False),  # no own organization: should_establish says it instead
    ],
)
def test_org_form_thresholds(members: int, form: PartyOrgType | None, expected: bool) -> None:
    facts = replace(BASE, full_members=members, own_org_type=form,
                    own_party_orgs=1 if form else 0)
    assert ("org_form" in fired(facts)) is expected


def test_org_form_wording_names_the_advised_form() -> None:
    committee = evaluate(replace(BASE, full_members=120))
    text = next(f for f in committee if f.rule_id == "org_form")
    assert "120" in text.zh and "党委" in text.zh and "committee" in text.en


def test_four_haves_only_for_foreign_and_lists_what_is_missing() -> None:
    complete = replace(BASE, ownership=Ownership.FOREIGN, has_party_activities=True,
                       has_party_guarantees=True)
    assert "four_haves" not in fired(complete)
    missing = replace(complete, has_party_guarantees=False)
    finding = next(f for f in evaluate(missing) if f.rule_id == "four_haves")
    assert "有保障" in finding.zh and "有作用" not in finding.zh
    assert "four_haves" not in fired(replace(missing, ownership=Ownership.PRIVATE))
    assert "four_haves" in fired(
        replace(missing, ownership=Ownership.HMT),
        RulesProfile(four_haves_ownerships=("foreign", "hmt")),
    )


@pytest.mark.parametrize(("floating", "expected"), [(0, False), (1, True)])
def test_floating_members(floating: int, expected: bool) -> None:
    assert ("floating_members" in fired(replace(BASE, floating_members=floating))) is expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, False),
        ({"uscc": "91370600MA3C000000"}, True),  # wrong check digit
        ({"uscc": "91110000600037341L"}, False),
        ({"invalid_id_numbers": 1}, True),
        ({"reported_member_count": 1}, False),  # equals registered
        ({"reported_member_count": 2}, True),
        ({"units_unvisited": 1}, True),
        ({"units_revisit": 1}, True),
        ({"verified": False}, True),
        ({"staff_count": 1, "full_members": 1}, False),
        ({"staff_count": 38, "reported_member_count": 40, "full_members": 40}, True),
        ({"staff_count": 0, "full_members": 1}, True),  # more members than staff
    ],
)
def test_data_quality(changes: dict[str, object], expected: bool) -> None:
    facts = replace(BASE, **changes)  # type: ignore[arg-type]
    assert ("data_quality" in fired(facts)) is expected


def test_more_party_members_than_staff_is_named() -> None:
    found = evaluate(replace(BASE, staff_count=38, reported_member_count=40, full_members=40))
    dq = next(f for f in found if f.rule_id == "data_quality")
    assert dq.zh == "党员 40 名，多于职工 38 人"


def test_data_quality_tolerance_and_switches() -> None:
    facts = replace(BASE, reported_member_count=2, units_unvisited=1, verified=False)
    lenient = RulesProfile(member_count_tolerance=1, check_visits=False, check_verification=False)
    assert "data_quality" not in fired(facts, lenient)
    assert "data_quality" not in fired(replace(BASE, invalid_id_numbers=3),
                                       RulesProfile(check_identifiers=False))


def test_thresholds_come_from_the_profile() -> None:
    profile = RulesProfile(no_party_member_staff=30, no_party_org_staff=60,
                           establish_full_members=5)
    assert fired(bare(staff_count=30), profile) >= {"no_party_member"}
    assert "no_party_org" in fired(bare(staff_count=60), profile)
    assert "should_establish" not in fired(bare(full_members=4), profile)
    assert "joint_coverage" in fired(bare(full_members=4), profile)


def test_disabled_rules_never_fire() -> None:
    facts = bare(staff_count=200)
    assert "no_party_org" not in fired(facts, RulesProfile(disabled=("no_party_org",)))


def test_findings_name_the_figures_and_come_most_severe_first() -> None:
    findings = evaluate(bare(staff_count=120))
    assert [f.rule_id for f in findings][:2] == ["no_party_member", "no_party_org"]
    assert findings[1].zh == "职工 120 人（≥100），无党组织覆盖"
    assert "120 staff" in findings[1].en
    assert findings[-1].severity in ("medium", "info")
