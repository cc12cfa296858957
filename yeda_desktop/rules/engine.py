"""Evaluating the gap rules: for one organization's facts (live flags) or the whole database.

`evaluate(facts)` runs the Python predicates; `evaluate_all(session)` runs the
same rules as one set-based SQL query and never loops over organizations in
Python. `firing_facts(session)` returns the facts of the organizations that
fall short, so the ledger can word the findings without another query.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam, case, literal, or_, select
from sqlalchemy.orm import Session

from yeda_desktop.models.enums import GapAction
from yeda_desktop.rules.catalogue import RULES, Rule, Severity
from yeda_desktop.rules.context import EvaluationContext, default_context
from yeda_desktop.rules.facts import OrgFacts, facts_from_row
from yeda_desktop.rules.facts_query import facts_select
from yeda_desktop.rules.profile import DEFAULT_PROFILE, RulesProfile


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: str  # "high", "medium", "info"
    zh: str
    en: str
    action_zh: str
    action_en: str
    action: GapAction | None = None


def finding(rule: Rule, facts: OrgFacts, profile: RulesProfile) -> Finding:
    zh, en = rule.explain(facts, profile)
    return Finding(
        rule.id, rule.severity.value, zh, en, rule.action_zh, rule.action_en, rule.action
    )


def active_rules(profile: RulesProfile) -> list[Rule]:
    return [rule for rule in RULES if profile.enabled(rule.id)]


def evaluate(facts: OrgFacts, profile: RulesProfile | None = None) -> list[Finding]:
    """Every rule that fires for these facts, most severe first."""
    prof = profile or DEFAULT_PROFILE
    found = [finding(rule, facts, prof) for rule in active_rules(prof) if rule.fires(facts, prof)]
    return sorted(found, key=lambda f: Severity(f.severity).rank)


def rules_select(
    ctx: EvaluationContext,
    profile: RulesProfile,
    *,
    organization_id: str | None = None,
    with_facts: bool = False,
) -> Select[Any]:
    """One row per organization with at least one finding; a 0/1 column per rule."""
    facts = facts_select(
        ctx, organization_id=organization_id, identifiers=profile.check_identifiers
    ).subquery("facts")
    rules = active_rules(profile)
    flags = [case((rule.condition(facts.c, profile), 1), else_=0).label(rule.id) for rule in rules]
    columns = list(facts.c) if with_facts else [facts.c.organization_id]
    if not rules:
        return select(*columns).where(literal(False))
    any_fires = or_(*(rule.condition(facts.c, profile) for rule in rules))
    return select(*columns, *flags).where(any_fires)


def evaluate_all(
    session: Session,
    context: EvaluationContext | None = None,
    profile: RulesProfile | None = None,
) -> dict[str, frozenset[str]]:
    """Organization id → ids of the rules that fire, for every organization at once."""
    prof = profile or DEFAULT_PROFILE
    ctx = context or default_context(session)
    rule_ids = [rule.id for rule in active_rules(prof)]
    rows = session.execute(rules_select(ctx, prof)).all()
    result: dict[str, frozenset[str]] = {}
    for org_id, *flags in rows:
        result[str(org_id)] = frozenset(
            rid for rid, flag in zip(rule_ids, flags, strict=True) if flag
        )
    return result


@lru_cache(maxsize=16)
def _one_org_rules(ctx: EvaluationContext, profile: RulesProfile) -> Select[Any]:
    """rules_select for one organization as a bound parameter, built once (re-evaluation
    after an edit would otherwise spend most of its time building the statement)."""
    one: Any = bindparam("one_organization_id")
    return rules_select(ctx, profile, organization_id=one, with_facts=True)


def firing_facts(
    session: Session,
    context: EvaluationContext | None = None,
    profile: RulesProfile | None = None,
    *,
    organization_id: str | None = None,
) -> list[tuple[OrgFacts, frozenset[str]]]:
    """The facts and firing rule ids of every organization that falls short (SQL-selected)."""
    prof = profile or DEFAULT_PROFILE
    ctx = context or default_context(session)
    rule_ids = [rule.id for rule in active_rules(prof)]
    if organization_id is None:
        rows = session.execute(rules_select(ctx, prof, with_facts=True))
    else:
        rows = session.execute(_one_org_rules(ctx, prof), {"one_organization_id": organization_id})
    result = []
    for row in rows:
        mapping = row._mapping
        fired = frozenset(rid for rid in rule_ids if mapping[rid])
        result.append((facts_from_row(row), fired))
    return result
