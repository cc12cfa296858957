"""One search over organizations, people and units, and where each result lives."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select, text
from sqlalchemy.orm import Session

from yeda_desktop.models import (
    Building,
    Cluster,
    Floor,
    Occupancy,
    Organization,
    Person,
    Unit,
)
from yeda_desktop.search_terms import compact, query_words
from yeda_desktop.services.ordering import code_point, dialect_of
from yeda_desktop.storage.search_index import DOCS, FTS, match_clause

CANDIDATES = 300
_KIND_ORDER = {"org": 0, "person": 1, "unit": 2}


@dataclass(frozen=True)
class Place:
    building_id: str
    building_name: str
    floor_id: str
    floor_label: str
    unit_id: str
    unit_label: str
    # A room number is found in many buildings, some of one name: the cluster tells them apart.
    cluster_name: str


@dataclass(frozen=True)
class Hit:
    kind: str  # "org", "person" or "unit"
    ref_id: str
    title: str
    # organization of a person; cluster, building and floor of a unit; USCC of an organization
    context: str
    place: Place | None  # where choosing the hit takes the officer


def search(session: Session, query: str, limit: int = 50) -> list[Hit]:
    """Best matches first: exact name, then names starting with the query, then the rest."""
    words = query_words(query)
    if not words:
        return []
    where, q = match_clause(dialect_of(session), words)
    # Up to CANDIDATES matches, ranked below. When a query matches more (a letter or
    # two), which ones come back is the engine's: FTS5 yields the lowest rowids, a
    # PostgreSQL bitmap scan the first it reads. Asking PostgreSQL for rowid order
    # makes it walk the primary key instead, 300 ms for a rare term at 100,000.
    found = session.execute(
        text(
            f"SELECT d.kind, d.ref_id, d.title FROM {FTS} "
            f"JOIN {DOCS} d ON d.rowid = {FTS}.rowid WHERE {where} LIMIT :n"
        ),
        {"q": q, "n": CANDIDATES},
    )
    rows = [(str(kind), str(ref_id), str(title)) for kind, ref_id, title in found]
    whole = compact(query)

    def score(row: tuple[str, str, str]) -> tuple[int, int, int, str, str]:
        # The id last: two people of one name come out in the same order on both engines.
        title = compact(row[2])
        closeness = 0 if title == whole else 1 if title.startswith(whole) else 2
        return (closeness, _KIND_ORDER.get(row[0], 3), len(row[2]), row[2], row[1])

    best = sorted(rows, key=score)[:limit]
    return _with_places(session, best)


def org_match(dialect: str, typed: str) -> tuple[str, dict[str, str]] | None:
    """A SELECT of the ids of the organizations the search box finds by `typed` (name,
    pinyin initials, USCC, phone: every word the start of a term), and its parameter;
    None when the text has no word to look for."""
    words = query_words(typed)
    if not words:
        return None
    where, q = match_clause(dialect, words)
    return (f"SELECT d.ref_id FROM {FTS} JOIN {DOCS} d ON d.rowid = {FTS}.rowid "
            f"WHERE {where} AND d.kind = 'org'", {"q": q})


def matching_org_ids(session: Session, typed: str) -> frozenset[str]:
    """Every organization `org_match` finds (a filter's, not the box's best fifty)."""
    found = org_match(dialect_of(session), typed)
    if found is None:
        return frozenset()
    sql, params = found
    return frozenset(str(r) for r in session.scalars(text(sql), params))


def _with_places(session: Session, rows: list[tuple[str, str, str]]) -> list[Hit]:
    org_ids = {r for k, r, _ in rows if k == "org"}
    person_ids = {r for k, r, _ in rows if k == "person"}
    unit_ids = {r for k, r, _ in rows if k == "unit"}
    person_org: dict[str, tuple[str, str]] = {
        pid: (oid, oname)
        for pid, oid, oname in session.execute(
            select(Person.id, Organization.id, Organization.name)
            .join(Organization, Organization.id == Person.organization_id)
            .where(Person.id.in_(person_ids))
        )
    }
    uscc: dict[str, str | None] = {
        oid: code
        for oid, code in session.execute(
            select(Organization.id, Organization.uscc).where(Organization.id.in_(org_ids))
        )
    }
    places_of_org = org_places(session, org_ids | {o for o, _ in person_org.values()})
    places_of_unit = unit_places(session, unit_ids)
    hits = []
    for kind, ref_id, title in rows:
        if kind == "org":
            hits.append(Hit(kind, ref_id, title, uscc.get(ref_id) or "", places_of_org.get(ref_id)))
        elif kind == "person":
            oid, oname = person_org.get(ref_id, ("", ""))
            hits.append(Hit(kind, ref_id, title, oname, places_of_org.get(oid)))
        else:
            place = places_of_unit.get(ref_id)
            context = (f"{place.cluster_name} · {place.building_name} {place.floor_label}层"
                       if place else "")
            hits.append(Hit(kind, ref_id, title, context, place))
    return hits


def _place_query() -> Select[str, str, str, str, str, str, str]:
    return (
        select(Building.id, Building.name, Floor.id, Floor.label, Unit.id, Unit.label,
               Cluster.name)
        .join(Floor, Floor.building_id == Building.id)
        .join(Unit, Unit.floor_id == Floor.id)
        .join(Cluster, Cluster.id == Building.cluster_id)
    )


def unit_places(session: Session, unit_ids: set[str]) -> dict[str, Place]:
    rows = session.execute(_place_query().where(Unit.id.in_(unit_ids)))
    return {row[4]: Place(*row) for row in rows}


def org_places(session: Session, org_ids: set[str]) -> dict[str, Place]:
    """The first unit (lowest floor, then label) each organization occupies."""
    rows = session.execute(
        select(Occupancy.organization_id, Occupancy.unit_id)
        .join(Unit, Unit.id == Occupancy.unit_id)
        .join(Floor, Floor.id == Unit.floor_id)
        .where(Occupancy.organization_id.in_(org_ids))
        .order_by(Floor.level.desc(), code_point(Unit.label, dialect_of(session)).desc())
    ).all()
    places = unit_places(session, {unit_id for _, unit_id in rows})
    return {org_id: places[unit_id] for org_id, unit_id in rows}
