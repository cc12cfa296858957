"""Gap rules: which organizations fall short of the sweep's targets, and why."""

from yeda_desktop.rules.engine import Finding, evaluate
from yeda_desktop.rules.facts import OrgFacts, facts_for

__all__ = ["Finding", "OrgFacts", "evaluate", "facts_for"]
