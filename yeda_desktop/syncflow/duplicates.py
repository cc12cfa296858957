"""Possible duplicate organizations (similar name in a building, same phone): find, decide.

An open candidate is a suggestion nobody has decided yet, derived from the data like the
search index: when a later batch renames one of the pair, changes its phone, moves it out
of the building or deletes it, the pair is checked again and dropped if it no longer
holds. Decided candidates (dismissed, merged, linked) are history and stay.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher
from typing import Any

from sqlalchemy import Connection, Table, UniqueConstraint, select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import Base
from yeda_desktop.models.base import utcnow
from yeda_desktop.models.sync import DuplicateCandidate
from yeda_desktop.storage.driver_sql import run_sql
from yeda_desktop.syncflow import redirects
from yeda_desktop.syncflow.installation import one_match
from yeda_desktop.syncflow.merge_lock import hold_merge_lock
from yeda_desktop.syncflow.records import CHUNK, fetch_rows, stamp
from yeda_desktop.syncflow.table_facts import referencing

_SUFFIXES = re.compile(
    r"(股份有限公司|有限责任公司|有限公司|分公司|公司|集团|工作室|中心|商行|店)$"
)
_NOISE = re.compile(r"[\s()（）·.,，、\-—]")
SIMILAR = 0.85
# Each candidate's detail starts with its reason in both languages, then the specifics.
_SAME_PHONE = "联系电话相同 same phone "
_SIMILAR_NAME = "同楼宇名称相近 similar name in one building: "


def detail_specifics(detail: str | None) -> str:
    """A candidate's detail without the bilingual reason (shown beside it in Chinese)."""
    text = detail or ""
    for prefix in (_SAME_PHONE, _SIMILAR_NAME):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def name_key(name: str) -> str:
    """A company name without spaces, brackets and the legal-form suffix."""
    text = _NOISE.sub("", name)
    previous = None
    while previous != text:
        previous, text = text, _SUFFIXES.sub("", text)
    return text or name


def similar(a: str, b: str) -> bool:
    ka, kb = name_key(a), name_key(b)
    return ka == kb or SequenceMatcher(None, ka, kb).ratio() >= SIMILAR


class SimilarNames:
    """The organizations of one building, ready to have names compared with theirs.

    The same verdicts as `similar`, pair by pair, made cheaper: each resident's name key
    and its letters are counted once, and a pair is compared in full only when its
    lengths and its letters in common (difflib's `real_quick_ratio` and `quick_ratio`,
    bounds of the ratio) leave a match possible, with a matcher made once per resident
    (difflib analyses the second sequence when it is set). A building holds a hundred
    organizations or more, and a batch touching each compared every pair of them.
    """

    def __init__(self, residents: Iterable[tuple[str, str]]) -> None:
        self._residents: list[tuple[str, str, str, Counter[str]]] = []
        self._matchers: dict[int, SequenceMatcher[str]] = {}
        for oid, name in residents:
            key = name_key(name)
            self._residents.append((oid, name, key, Counter(key)))

    def like(self, name: str) -> Iterator[tuple[str, str]]:
        """(id, name) of the residents whose name is similar to `name` (itself included)."""
        mine = name_key(name)
        letters = Counter(mine).items()
        size = len(mine)
        for n, (oid, other, key, counts) in enumerate(self._residents):
            if key == mine:
                yield oid, other
                continue
            total = size + len(key)
            if 2 * min(size, len(key)) < SIMILAR * total:  # real_quick_ratio
                continue
            shared = sum(min(k, counts[c]) for c, k in letters if c in counts)
            if 2 * shared < SIMILAR * total:  # quick_ratio
                continue
            matcher = self._matchers.get(n)
            if matcher is None:
                matcher = self._matchers[n] = SequenceMatcher(None, "", key)
            matcher.set_seq1(mine)
            if matcher.ratio() >= SIMILAR:
                yield oid, other


def _in(conn: Connection, sql: str, values: list[str]) -> list[tuple[Any, ...]]:
    """Run `sql` (with one `IN ({})`) over values in chunks."""
    out: list[tuple[Any, ...]] = []
    for start in range(0, len(values), CHUNK):
        part = values[start : start + CHUNK]
        out += [tuple(r) for r in run_sql(conn,
            sql.format(", ".join("?" for _ in part)), tuple(part))]
    return out


def _homes(conn: Connection, org_ids: list[str]) -> list[tuple[Any, ...]]:
    """(organization, building) for every building the organizations occupy a unit in."""
    return _in(
        conn,
        "SELECT DISTINCT o.organization_id, f.building_id FROM occupancies o "
        "JOIN units u ON u.id = o.unit_id JOIN floors f ON f.id = u.floor_id "
        "WHERE o.organization_id IN ({})",
        org_ids,
    )


def recheck(conn: Connection, org_ids: Iterable[str]) -> int:
    """Drop the open candidates of these organizations that no longer hold; returns how many."""
    ids = sorted(set(org_ids))
    pairs = {
        (str(cid), str(a), str(b))
        for column in ("record_a", "record_b")
        for cid, a, b in _in(conn,
            "SELECT id, record_a, record_b FROM sync_duplicates WHERE status = 'open' "
            f"AND table_name = 'organizations' AND {column} IN ({{}})", ids)
    }
    if not pairs:
        return 0
    involved = sorted({x for _, a, b in pairs for x in (a, b)})
    orgs = {str(r["id"]): r for r in fetch_rows(conn, "organizations", involved)}
    buildings: dict[str, set[str]] = {}
    for oid, building in _homes(conn, sorted(orgs)):
        buildings.setdefault(str(oid), set()).add(str(building))
    dropped = 0
    for cid, a, b in sorted(pairs):
        one, two = orgs.get(a), orgs.get(b)
        holds = one is not None and two is not None and (
            (one.get("contact_phone") is not None
             and one.get("contact_phone") == two.get("contact_phone"))
            or (bool(buildings.get(a, set()) & buildings.get(b, set()))
                and similar(str(one["name"]), str(two["name"])))
        )
        if not holds:
            run_sql(conn, "DELETE FROM sync_duplicates WHERE id = ? AND status = 'open'", (cid,))
            dropped += 1
    return dropped


# Organizations examined at a time (a 1M-organization batch touches 1M of them).
DETECT_EVERY = 5000


def detect(conn: Connection, org_ids: Iterable[str]) -> int:
    """Re-check the open candidates of these organizations, then record the pairs they
    form now; returns how many pairs are new."""
    org_ids = sorted(set(org_ids))
    recheck(conn, org_ids)
    return sum(_detect(conn, org_ids[start : start + DETECT_EVERY])
               for start in range(0, len(org_ids), DETECT_EVERY))


def _detect(conn: Connection, org_ids: list[str]) -> int:
    """`detect` for some of the organizations (a pair is recorded once whichever side
    finds it: its id is derived from the two records)."""
    orgs = {str(r[0]): {"name": r[1], "contact_phone": r[2]} for r in _in(
        conn, "SELECT id, name, contact_phone FROM organizations WHERE id IN ({})", org_ids)}
    found: dict[tuple[str, str], tuple[str, str]] = {}
    phones = sorted({str(r["contact_phone"]) for r in orgs.values() if r.get("contact_phone")})
    by_phone: dict[str, list[str]] = {}
    for oid, phone in _in(
        conn, "SELECT id, contact_phone FROM organizations WHERE contact_phone IN ({})", phones
    ):
        by_phone.setdefault(phone, []).append(oid)
    for oid, org in orgs.items():
        for other in by_phone.get(str(org.get("contact_phone")), []):
            if other != oid:
                found[tuple(sorted((oid, other)))] = (  # type: ignore[index]
                    "phone", f"{_SAME_PHONE}{org['contact_phone']}")
    homes = _homes(conn, sorted(orgs))
    residents: dict[str, SimilarNames] = {}
    for building in sorted({b for _, b in homes}):
        residents[building] = SimilarNames((str(r[0]), str(r[1])) for r in run_sql(conn,
            "SELECT DISTINCT g.id, g.name FROM organizations g "
            "JOIN occupancies o ON o.organization_id = g.id JOIN units u ON u.id = o.unit_id "
            "JOIN floors f ON f.id = u.floor_id WHERE f.building_id = ?", (building,)))
    for oid, building in homes:
        name = str(orgs[oid]["name"])
        for other, other_name in residents[building].like(name):
            pair = tuple(sorted((oid, other)))
            if other != oid and pair not in found:
                found[pair] = (
                    "name_building",
                    f"{_SIMILAR_NAME}{name} / {other_name}")
    added = 0
    for (a, b), (reason, detail) in sorted(found.items()):
        result = run_sql(conn,
            "INSERT INTO sync_duplicates (id, table_name, record_a, record_b, "
            "reason, detail, status, created_at) "
            "VALUES (?, 'organizations', ?, ?, ?, ?, 'open', ?) ON CONFLICT DO NOTHING",
            (str(uuid.uuid5(uuid.NAMESPACE_URL, f"organizations/{a}/{b}")), a, b, reason,
             detail, stamp(utcnow())),
        )
        added += result.rowcount
    return added


def list_candidates(session: Session, status: str | None = "open") -> list[DuplicateCandidate]:
    query = select(DuplicateCandidate).order_by(DuplicateCandidate.created_at)
    if status:
        query = query.where(DuplicateCandidate.status == status)
    return list(session.scalars(query))


REASONS = {"uscc": "统一社会信用代码相同 same USCC", "name_building": _SIMILAR_NAME.strip(": "),
           "phone": _SAME_PHONE.strip()}


def reason_words(row: DuplicateCandidate) -> str:
    """Why a pair is listed, in both languages, with its specifics."""
    words = REASONS.get(row.reason, row.reason)
    specifics = detail_specifics(row.detail)
    return f"{words}: {specifics}" if specifics else words


def org_label(conn: Connection, org_id: str) -> str:
    """An organization by its name and short id (a merged-away one by its id alone)."""
    row = run_sql(conn, "SELECT name FROM organizations WHERE id = ?", (org_id,)).first()
    return f"{row[0]} ({org_id[:8]})" if row is not None and row[0] else org_id[:8]


def find_candidate(session: Session, prefix: str) -> DuplicateCandidate:
    """A candidate by its id or a unique start of it."""
    ids = list(session.scalars(
        select(DuplicateCandidate.id).where(DuplicateCandidate.id.startswith(prefix))))
    row = session.get(DuplicateCandidate, one_match(prefix, ids, "疑似重复", "candidate"))
    assert row is not None
    return row


def _still_open(row: DuplicateCandidate) -> None:
    if row.status != "open":
        who = row.decided_by or "-"
        raise YedaError(f"该疑似重复已处理（{row.status}，{who}）",
                        f"this candidate was already decided ({row.status}, by {who})")


def dismiss(session: Session, candidate_id: str, officer: str | None) -> DuplicateCandidate:
    hold_merge_lock(session.connection())
    row = find_candidate(session, candidate_id)
    _still_open(row)
    row.status, row.decided_by, row.decided_at = "dismissed", officer, utcnow()
    return row


def kept_record(row: DuplicateCandidate, keep: str | None) -> str:
    """The record of the pair a typed id (or unique start of one) names."""
    pair = [row.record_a, row.record_b]
    if not keep:
        raise YedaError(f"请用 --keep 指定保留哪一条：{pair[0][:8]} 或 {pair[1][:8]}",
                        f"give --keep: {pair[0][:8]} or {pair[1][:8]}")
    matches = [r for r in pair if r.startswith(keep)]
    if not matches:
        raise YedaError(f"{keep} 不是这一对中的记录（{pair[0][:8]}、{pair[1][:8]}）",
                        f"{keep} is not one of the pair ({pair[0][:8]}, {pair[1][:8]})")
    return one_match(keep, matches, "记录", "record")


def merge(
    session: Session, candidate_id: str, keep: str | None, officer: str | None
) -> DuplicateCandidate:
    """Merge the other record into `keep`: its people and places move, gaps in `keep`'s
    fields are filled from it, and its UUID redirects to `keep` for later batches."""
    hold_merge_lock(session.connection())
    row = find_candidate(session, candidate_id)
    _still_open(row)
    keep = kept_record(row, keep)
    gone = row.record_b if keep == row.record_a else row.record_a
    conn = session.connection()
    survivor = next(fetch_rows(conn, "organizations", [keep]), None)
    loser = next(fetch_rows(conn, "organizations", [gone]), None)
    if survivor is None or loser is None:
        raise YedaError("其中一条记录已不存在", "one of the records no longer exists")
    fills = {
        k: v for k, v in loser.items()
        if survivor.get(k) is None and v is not None and k not in ("uscc",)
    }
    now = stamp(utcnow())

    for child, col in referencing("organizations"):
        _move_children(conn, child, col, gone, keep)
    run_sql(conn, "DELETE FROM organizations WHERE id = ?", (gone,))
    if fills:
        sets = ", ".join(f"{c} = ?" for c in fills)
        run_sql(conn,
            f"UPDATE organizations SET {sets}, revision = revision + 1, updated_at = ? "
            "WHERE id = ?",
            (*fills.values(), now, keep),
        )
    redirects.write(conn, "organizations", gone, keep, "merged", now)
    run_sql(conn,
        "INSERT INTO change_log (change_id, table_name, record_id, op, field, old_value, "
        "new_value, base_revision, at, officer) VALUES (?, 'organizations', ?, 'merge', NULL, "
        "?, ?, 0, ?, ?)",
        (str(uuid.uuid4()), keep, f'"{gone}"', f'"{keep}"', now, officer),
    )
    row.status, row.survivor_id = "merged", keep
    row.decided_by, row.decided_at = officer, utcnow()
    session.flush()
    # The other open pairs of the merged-away record name a record that is gone; the
    # survivor's pairs are found afresh (a dismissed pair stays dismissed).
    run_sql(conn,
        "DELETE FROM sync_duplicates WHERE status = 'open' AND table_name = 'organizations' "
        "AND (record_a = ? OR record_b = ?)", (gone, gone))
    detect(conn, [keep])
    return row


def _move_children(conn: Connection, child: str, col: str, gone: str, keep: str) -> None:
    """Re-point `child` rows from `gone` to `keep`; a row that would then duplicate one of
    `keep`'s (same unit, same party organization …) is dropped instead, on either engine."""
    table = Base.metadata.tables[child]
    for key in _unique_keys(table):
        if col not in key:
            continue
        same = " AND ".join(f"k.{c} = c.{c}" for c in key if c != col)
        run_sql(conn,
            f"DELETE FROM {child} AS c WHERE c.{col} = ? AND EXISTS "
            f"(SELECT 1 FROM {child} AS k WHERE k.{col} = ?{' AND ' + same if same else ''})",
            (gone, keep),
        )
    run_sql(conn, f"UPDATE {child} SET {col} = ? WHERE {col} = ?", (keep, gone))


def _unique_keys(table: Table) -> list[tuple[str, ...]]:
    keys = [
        tuple(c.name for c in constraint.columns)
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    ]
    keys += [tuple(c.name for c in index.columns) for index in table.indexes if index.unique]
    return keys
