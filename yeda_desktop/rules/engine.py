"""Evaluating the gap rules for one organization.

Starts with the two rules the sweep looks hardest at; the full rule set and
its thresholds profile extend this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from yeda_desktop.rules.facts import OrgFacts

NO_MEMBER_STAFF = 50
NO_ORG_STAFF = 100


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: str  # "high", "medium", "info"
    zh: str
    en: str
    action_zh: str
    action_en: str


def evaluate(facts: OrgFacts) -> list[Finding]:
    """Every rule that fires for these facts, most severe first."""
    found: list[Finding] = []
    staff = facts.staff_count or 0
    if staff >= NO_MEMBER_STAFF and facts.known_members == 0:
        found.append(
            Finding(
                "no_party_member",
                "high",
                f"职工 {staff} 人，未发现党员",
                f"{staff} staff and no party member",
                "重点摸排，选派党建指导员，培养发展党员",
                "survey, send an instructor, develop members",
            )
        )
    if staff >= NO_ORG_STAFF and facts.covering_party_orgs == 0:
        found.append(
            Finding(
                "no_party_org",
                "high",
                f"职工 {staff} 人，无党组织覆盖",
                f"{staff} staff and no party organization covers it",
                "单独组建或联合组建党组织",
                "form its own or a joint party organization",
            )
        )
    return found
