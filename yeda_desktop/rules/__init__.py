"""Gap rules: which organizations fall short of the sweep's targets, and why."""

from yeda_desktop.rules.catalogue import RULES, RULES_BY_ID, Rule, Severity
from yeda_desktop.rules.context import EvaluationContext, current_campaign_id, default_context
from yeda_desktop.rules.engine import Finding, evaluate, evaluate_all, finding, firing_facts
from yeda_desktop.rules.facts import OrgFacts, facts_for
from yeda_desktop.rules.in_force import profile_in_force
from yeda_desktop.rules.profile import (
    DEFAULT_PROFILE,
    RULE_IDS,
    ProfileError,
    RulesProfile,
    load_profile,
)

__all__ = [
    "DEFAULT_PROFILE",
    "RULES",
    "RULES_BY_ID",
    "RULE_IDS",
    "EvaluationContext",
    "Finding",
    "OrgFacts",
    "ProfileError",
    "Rule",
    "RulesProfile",
    "Severity",
    "current_campaign_id",
    "default_context",
    "evaluate",
    "evaluate_all",
    "facts_for",
    "finding",
    "firing_facts",
    "load_profile",
    "profile_in_force",
]
