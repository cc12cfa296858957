"""2. All gap rules over the zone, the ledger reconciliation, one edit (as bench_rules.py).

Reference: SELECT count(*) over the same facts join the rules read. Note: the first
reconciliation opens the gaps, so benchmarks run after this one see a zone with a ledger.
"""

from __future__ import annotations

import statistics
import time

from sqlalchemy import func, select

from yeda_desktop.ledger import reconcile
from yeda_desktop.models import Organization
from yeda_desktop.rules import RulesProfile, default_context, evaluate, evaluate_all, facts_for
from yeda_desktop.rules.facts_query import facts_select

from .common import Context, Dataset, Figure, attempt, figure, median_of, timed

NAME = "rules"
REF = "SELECT count(*) over the facts join"


def run(ctx: Context, ds: Dataset) -> list[Figure]:
    out: list[Figure] = []
    db, n, e = ds.db(), ds.size, ds.engine
    state: dict[str, float] = {}

    def rules() -> list[Figure]:
        with db.reader() as s:
            rc = default_context(s)
            facts = facts_select(rc).subquery()
            state["ref"] = median_of(ctx.runs, lambda: s.scalar(
                select(func.count()).select_from(facts)))
            fired = evaluate_all(s, rc)
            state["full"] = median_of(ctx.runs, lambda: evaluate_all(s, rc))
            fast = median_of(ctx.runs, lambda: evaluate_all(
                s, rc, RulesProfile(check_identifiers=False)))
        return [figure("all rules (default profile)", n, e, state["full"], REF, state["ref"],
                       "< 2 s", organizations_with_findings=len(fired)),
                figure("all rules, identifier checks off", n, e, fast, REF, state["ref"])]
    attempt(out, "all rules (default profile)", n, e, rules)

    def reconciliation() -> list[Figure]:
        with db.reader() as s:
            rc = default_context(s)
        ref = state.get("ref")
        first, result = timed(lambda: _reconcile(db, rc))
        again, _ = timed(lambda: _reconcile(db, rc))
        return [figure("first ledger reconciliation (committed)", n, e, first, REF, ref,
                       gaps_opened=len(result.opened)),
                figure("re-reconciliation, nothing changed", n, e, again, REF, ref)]
    attempt(out, "first ledger reconciliation (committed)", n, e, reconciliation)

    def one_edit() -> Figure:
        with db.reader() as s:
            rc = default_context(s)
            sample = list(s.scalars(select(Organization.id).order_by(Organization.id).limit(30)))
        live, edit = [], []
        for i, org_id in enumerate(sample):
            with db.reader() as s:
                started = time.perf_counter()
                evaluate(facts_for(s, org_id, rc))
                live.append(time.perf_counter() - started)
            with db.session(officer="bench") as s:
                started = time.perf_counter()
                org = s.get(Organization, org_id)
                assert org is not None
                org.staff_count = 40 + i * 3
                s.flush()
                reconcile(s, rc, organization_id=org_id)
                edit.append(time.perf_counter() - started)
        return figure("one edit: save + re-evaluate + reconcile, median", n, e,
                      statistics.median(edit), "live flags (facts_for + evaluate)",
                      statistics.median(live), "< 20 ms")
    attempt(out, "one edit: save + re-evaluate + reconcile, median", n, e, one_edit)
    return out


def _reconcile(db, rc):  # type: ignore[no-untyped-def]
    with db.session(officer="bench") as s:
        return reconcile(s, rc)
