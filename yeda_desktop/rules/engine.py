"""Evaluating the gap rules: for one organization's facts (live flags) or the whole database.

`evaluate(facts)` runs the Python predicates; `evaluate_all(session)` runs the
same rules as one set-based SQL query and never loops over organizations in
Python. `firing_facts(session)` returns the facts of the organizations that
fall short, so the ledger can word the findings without another query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Select, bindparam, case, literal, or_, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from yeda_desktop.models.enums import GapAction
from yeda_desktop.rules.catalogue import RULES, Rule, Severity
from yeda_desktop.rules.context import EvaluationContext, default_context
from yeda_desktop.rules.facts import OrgFacts, facts_from_row
from yeda_desktop.rules.facts_query import facts_select
from yeda_desktop.rules.in_force import profile_in_force
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


FIRED = "fired_rules"
EACH_ROWS = 2000  # rows read between two calls of firing_facts' `each`


def rules_select(
    ctx: EvaluationContext,
    profile: RulesProfile,
    *,
    organization_id: str | None = None,
    with_facts: bool = False,
) -> Select[Any]:
    """One row per organization with at least one finding, and which rules fire for it.

    The rules that fire come as one integer column, `fired_rules`, with bit i set when the
    i-th active rule fires (see `fired_decoder`): one column to compute and read per
    organization instead of one per rule.
    """
    facts = facts_select(
        ctx, organization_id=organization_id, identifiers=profile.check_identifiers
    ).subquery("facts")
    rules = active_rules(profile)
    columns = list(facts.c) if with_facts else [facts.c.organization_id]
    if not rules:
        return select(*columns, literal(0).label(FIRED)).where(literal(False))
    conditions = [rule.condition(facts.c, profile) for rule in rules]
    fired = sum(
        (case((condition, 1 << i), else_=0) for i, condition in enumerate(conditions)),
        start=literal(0),
    )
    return select(*columns, fired.label(FIRED)).where(or_(*conditions))


def fired_decoder(profile: RulesProfile) -> Callable[[int], frozenset[str]]:
    """`fired_rules` of a rules_select row → the ids of the rules that fire (memoised)."""
    rule_ids = [rule.id for rule in active_rules(profile)]
    memo: dict[int, frozenset[str]] = {}

    def decode(mask: int) -> frozenset[str]:
        try:
            return memo[mask]
        except KeyError:
            memo[mask] = found = frozenset(
                rid for i, rid in enumerate(rule_ids) if mask >> i & 1
            )
            return found

    return decode


@lru_cache(maxsize=16)
def _all_rules(ctx: EvaluationContext, profile: RulesProfile, with_facts: bool) -> Select[Any]:
    """rules_select over every organization, built once per context and profile."""
    return rules_select(ctx, profile, with_facts=with_facts)


@lru_cache(maxsize=16)
def _one_org_rules(ctx: EvaluationContext, profile: RulesProfile) -> Select[Any]:
    """rules_select for one organization as a bound parameter, built once (re-evaluation
    after an edit would otherwise spend most of its time building the statement)."""
    one: Any = bindparam("one_organization_id")
    return rules_select(ctx, profile, organization_id=one, with_facts=True)


def _connection(session: Session) -> Connection:
    """The session's connection, for Core statements whose many rows are read past the ORM's
    per-row wrapping (at 100,000 rows, about a tenth of a whole-database evaluation).
    Pending ORM changes are flushed first, as `session.execute` would."""
    if session.autoflush:
        session.flush()
    return session.connection()


# PostgreSQL settings for one whole-database evaluation (then put back): no JIT compilation
# (a quarter of a second to compile a query that runs once) and the work memory to group and
# join 100,000 organizations' aggregates without sorting on disk.
SERVER_SETTINGS = {"jit": "off", "work_mem": "64MB"}


@contextmanager
def _whole_database(session: Session) -> Iterator[Connection]:
    """The connection, tuned for evaluating every organization at once, then put back.

    SQLite keeps the grouped subqueries and their automatic indexes (some 15 MB at 100,000
    organizations) in temporary b-trees, which by default spill to a temporary file: here
    they stay in memory. PostgreSQL gets SERVER_SETTINGS for the transaction.
    """
    conn = _connection(session)
    if conn.dialect.name == "sqlite":
        before = int(conn.exec_driver_sql("PRAGMA temp_store").scalar() or 0)
        try:
            conn.exec_driver_sql("PRAGMA temp_store=MEMORY")
        except OperationalError:
            # Refused inside a transaction once the connection has opened its temporary
            # database: evaluate as configured (correct, a little slower).
            yield conn
            return
        try:
            yield conn
        finally:
            conn.exec_driver_sql(f"PRAGMA temp_store={before}")
        return
    if conn.dialect.name != "postgresql":
        yield conn
        return
    names = list(SERVER_SETTINGS)
    current = text("SELECT " + ", ".join(f"current_setting(:n{i})" for i in range(len(names))))
    previous = [str(value) for value in conn.execute(
        current, {f"n{i}": name for i, name in enumerate(names)}).one()]
    _set_local(conn, SERVER_SETTINGS)
    try:
        yield conn
    finally:
        _set_local(conn, dict(zip(names, previous, strict=True)))


def _set_local(conn: Connection, settings: dict[str, str]) -> None:
    """Transaction-local PostgreSQL settings (set_config(…, true): gone at commit or rollback)."""
    params: dict[str, str] = {}
    calls = []
    for i, (name, value) in enumerate(settings.items()):
        params.update({f"n{i}": name, f"v{i}": value})
        calls.append(f"set_config(:n{i}, :v{i}, true)")
    conn.execute(text("SELECT " + ", ".join(calls)), params)


def evaluate_all(
    session: Session,
    context: EvaluationContext | None = None,
    profile: RulesProfile | None = None,
) -> dict[str, frozenset[str]]:
    """Organization id → ids of the rules that fire, for every organization at once
    (with the thresholds in force here unless `profile` is given)."""
    prof = profile or profile_in_force(session)
    ctx = context or default_context(session)
    decode = fired_decoder(prof)
    with _whole_database(session) as conn:
        rows = conn.execute(_all_rules(ctx, prof, False))
        return {str(row[0]): decode(row[1]) for row in rows}


def firing_facts(
    session: Session,
    context: EvaluationContext | None = None,
    profile: RulesProfile | None = None,
    *,
    organization_id: str | None = None,
    each: Callable[[int], None] | None = None,
) -> list[tuple[OrgFacts, frozenset[str]]]:
    """The facts and firing rule ids of every organization that falls short (SQL-selected).

    `each(n)` is called after every EACH_ROWS rows read (a whole district's take seconds):
    progress, and the place where a cancelled evaluation stops.
    """
    prof = profile or profile_in_force(session)
    ctx = context or default_context(session)
    decode = fired_decoder(prof)
    if organization_id is not None:
        rows = _connection(session).execute(
            _one_org_rules(ctx, prof), {"one_organization_id": organization_id}
        )
        return [(facts_from_row(row), decode(getattr(row, FIRED))) for row in rows]
    found: list[tuple[OrgFacts, frozenset[str]]] = []
    with _whole_database(session) as conn:
        for row in conn.execute(_all_rules(ctx, prof, True)):
            found.append((facts_from_row(row), decode(getattr(row, FIRED))))
            if each is not None and len(found) % EACH_ROWS == 0:
                each(len(found))
    return found
