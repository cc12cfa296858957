"""The directory of all organizations (单位名录), read a page at a time, filtered and sorted in SQL.

Sorting by a column SQLite can scan (name, staff, ownership) pages by keyset: the
next page starts after the last row's (sort value, id), so page 500 costs what
page 1 does. Sorting by an aggregate (building, party members, open gaps) takes
one grouped pass for the order of ids, then pages are read by id. Either way the
details (place, members, open gaps on the ledger) are read for the page's rows only.
Text is ordered by code point on both engines (services.ordering), so PostgreSQL
lists and pages exactly as SQLite does.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import text
from sqlalchemy.orm import Session

from yeda_desktop.ledger.lifecycle import OPEN_STATUSES
from yeda_desktop.ledger.location import building_places
from yeda_desktop.models.enums import KeyIndustry, Ownership, PartyStatus
from yeda_desktop.place_labels import Choice, distinct_labels
from yeda_desktop.services.ordering import code_point_sql, dialect_of
from yeda_desktop.services.search import org_match

PAGE = 200
_MEMBER_STATUSES = (PartyStatus.FULL.value, PartyStatus.PROBATIONARY.value)
_OPEN = tuple(sorted(s.value for s in OPEN_STATUSES))
_IN_OPEN = ", ".join(f"'{s}'" for s in _OPEN)
_IN_MEMBER = ", ".join(f"'{s}'" for s in _MEMBER_STATUSES)

_MEMBERS_OF = (
    f"(SELECT count(*) FROM people p WHERE p.organization_id = o.id "
    f"AND p.party_status IN ({_IN_MEMBER}))"
)
_GAPS_OF = (
    f"(SELECT count(*) FROM gaps g WHERE g.organization_id = o.id AND g.status IN ({_IN_OPEN}))"
)

# Sorts SQLite can page by keyset cheaply: sort key → the value it sorts by (NULLs
# folded so that (value, id) compares as a row value).
KEYSET_SORTS: dict[str, str] = {
    "name": "o.name",
    "staff": "coalesce(o.staff_count, -1)",
    "ownership": "o.ownership",
}
_TEXT_SORTS = {"name", "ownership", "building"}  # compared by code point on both engines
# Sorts by an aggregate: one grouped pass gives the whole order (a second or more at
# 100,000 organizations), after which pages are read by id.
AGGREGATE_SORTS: dict[str, tuple[str, str]] = {
    "building": (
        "SELECT oc.organization_id AS oid, min(b.name) AS n FROM occupancies oc "
        "JOIN units u ON u.id = oc.unit_id JOIN floors f ON f.id = u.floor_id "
        "JOIN buildings b ON b.id = f.building_id GROUP BY oc.organization_id",
        "coalesce(s.n, '')",
    ),
    "members": (
        f"SELECT organization_id AS oid, count(*) AS n FROM people "
        f"WHERE party_status IN ({_IN_MEMBER}) GROUP BY organization_id",
        "coalesce(s.n, 0)",
    ),
    "gaps": (
        f"SELECT organization_id AS oid, count(*) AS n FROM gaps "
        f"WHERE status IN ({_IN_OPEN}) GROUP BY organization_id",
        "coalesce(s.n, 0)",
    ),
}
SORTS = (*KEYSET_SORTS, *AGGREGATE_SORTS)


@dataclass(frozen=True)
class DirectoryFilter:
    """Which organizations to list; None means any. `has_gaps`: open gaps on the ledger.
    `text`: what the search box finds an organization by (name, pinyin initials, USCC,
    phone), each word as the start of a term. `mark`: one of MARKS (规模以上企业 …);
    `key_industry`: the key industry's alliance it belongs to."""

    subdistrict_id: str | None = None
    cluster_id: str | None = None
    building_id: str | None = None
    ownership: Ownership | None = None
    industry_section: str | None = None
    has_gaps: bool | None = None
    text: str = ""
    mark: str | None = None
    key_industry: KeyIndustry | None = None


# The organization's marks a list can be narrowed to, by the column that holds each.
MARKS: dict[str, str] = {"above_size": "is_above_size", "listed": "is_listed",
                         "key_enterprise": "is_key_enterprise"}


@dataclass(frozen=True)
class DirectoryRow:
    id: str
    name: str
    uscc: str | None
    ownership: Ownership
    building: str
    floor: str
    unit: str
    building_id: str | None
    floor_id: str | None
    unit_id: str | None
    staff: int | None
    members: int
    gaps: int


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after this sort value and id."""

    value: Any
    id: str


@dataclass(frozen=True)
class Page:
    rows: list[DirectoryRow]
    next: Cursor | None  # None: this was the last page


def _where(flt: DirectoryFilter, params: dict[str, Any], dialect: str) -> list[str]:
    clauses: list[str] = []
    place_join = (
        "SELECT oc.organization_id FROM occupancies oc JOIN units u ON u.id = oc.unit_id "
        "JOIN floors f ON f.id = u.floor_id JOIN buildings b ON b.id = f.building_id "
        "JOIN clusters c ON c.id = b.cluster_id"
    )
    for column, value in (
        ("f.building_id", flt.building_id),
        ("b.cluster_id", flt.cluster_id),
        ("c.subdistrict_id", flt.subdistrict_id),
    ):
        if value is not None:
            params["place"] = value
            clauses.append(f"o.id IN ({place_join} WHERE {column} = :place)")
            break  # the narrowest place given is enough
    if flt.ownership is not None:
        params["ownership"] = flt.ownership.value
        clauses.append("o.ownership = :ownership")
    if flt.industry_section is not None:
        params["industry"] = flt.industry_section
        clauses.append("o.industry_section = :industry")
    if flt.mark is not None:
        params["marked"] = True
        clauses.append(f"o.{MARKS[flt.mark]} = :marked")
    if flt.key_industry is not None:
        params["key_industry"] = flt.key_industry.value
        clauses.append("o.key_industry = :key_industry")
    if (found := org_match(dialect, flt.text)) is not None:
        sql, match_params = found
        params.update(match_params)
        clauses.append(f"o.id IN ({sql})")
    if flt.has_gaps is not None:
        exists = (
            "EXISTS (SELECT 1 FROM gaps g WHERE g.organization_id = o.id "
            f"AND g.status IN ({_IN_OPEN}))"
        )
        clauses.append(exists if flt.has_gaps else f"NOT {exists}")
    return clauses


def ids_sql(flt: DirectoryFilter, dialect: str) -> tuple[str, dict[str, Any]]:
    """A SELECT of the matching organizations' ids and its parameters, for a query that
    takes them whole (the organization workbook of the organizations listed)."""
    params: dict[str, Any] = {}
    clauses = _where(flt, params, dialect)
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    return f"SELECT o.id FROM organizations o{where}", params


def _sort_value(sort: str, value: str, dialect: str) -> str:
    return code_point_sql(value, dialect) if sort in _TEXT_SORTS else value


def count(session: Session, flt: DirectoryFilter) -> int:
    params: dict[str, Any] = {}
    clauses = _where(flt, params, dialect_of(session))
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return int(
        session.execute(text(f"SELECT count(*) FROM organizations o {where}"), params).scalar_one()
    )


def page(
    session: Session,
    flt: DirectoryFilter,
    sort: str = "name",
    descending: bool = False,
    after: Cursor | None = None,
    limit: int = PAGE,
) -> Page:
    """Up to `limit` rows in order after `after` (None: from the start); a KEYSET_SORTS key."""
    dialect = dialect_of(session)
    key = _sort_value(sort, KEYSET_SORTS[sort], dialect)
    oid = code_point_sql("o.id", dialect)
    params: dict[str, Any] = {"limit": limit}
    clauses = _where(flt, params, dialect)
    if after is not None:
        params["after_value"], params["after_id"] = after.value, after.id
        clauses.append(f"({key}, {oid}) {'<' if descending else '>'} (:after_value, :after_id)")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    direction = "DESC" if descending else "ASC"
    ordered = session.execute(
        text(
            f"SELECT o.id, {KEYSET_SORTS[sort]} FROM organizations o {where} "
            f"ORDER BY {key} {direction}, {oid} {direction} LIMIT :limit"
        ),
        params,
    ).all()
    ids = [str(r[0]) for r in ordered]
    last = Cursor(ordered[-1][1], ids[-1]) if len(ordered) == limit else None
    return Page(rows_of(session, ids), last)


def ordered_ids(session: Session, flt: DirectoryFilter, sort: str, descending: bool) -> list[str]:
    """Every matching id in order (for AGGREGATE_SORTS, whose pages are then read by id)."""
    dialect = dialect_of(session)
    grouped, value = AGGREGATE_SORTS[sort]
    key = _sort_value(sort, value, dialect)
    params: dict[str, Any] = {}
    clauses = _where(flt, params, dialect)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    direction = "DESC" if descending else "ASC"
    oid = code_point_sql("o.id", dialect)
    found = session.execute(
        text(
            f"SELECT o.id FROM organizations o LEFT JOIN ({grouped}) s ON s.oid = o.id "
            f"{where} ORDER BY {key} {direction}, {oid} {direction}"
        ),
        params,
    )
    return [str(r[0]) for r in found]


def every_row(
    session: Session, flt: DirectoryFilter, sort: str = "name", descending: bool = False
) -> Iterator[DirectoryRow]:
    """The whole list in the tab's order, a page at a time (`yeda org list`)."""
    if sort in KEYSET_SORTS:
        after: Cursor | None = None
        while True:
            found = page(session, flt, sort, descending, after)
            yield from found.rows
            if found.next is None:
                return
            after = found.next
    ids = ordered_ids(session, flt, sort, descending)
    for start in range(0, len(ids), PAGE):
        yield from rows_of(session, ids[start : start + PAGE])


def rows_of(session: Session, ids: list[str]) -> list[DirectoryRow]:
    if not ids:
        return []
    marks = ", ".join(f":i{n}" for n in range(len(ids)))
    params = {f"i{n}": oid for n, oid in enumerate(ids)}
    orgs = {
        r[0]: r
        for r in session.execute(
            text(
                f"SELECT o.id, o.name, o.uscc, o.ownership, o.staff_count, "
                f"{_MEMBERS_OF}, {_GAPS_OF} FROM organizations o WHERE o.id IN ({marks})"
            ),
            params,
        )
    }
    places: dict[str, tuple[str, str, str, str, str, str]] = {}
    dialect = dialect_of(session)
    order = ", ".join(
        code_point_sql(c, dialect) if c != "f.level" else c
        for c in ("b.name", "f.level", "f.label", "u.label")
    )
    for oid, *place in session.execute(
        text(
            "SELECT oc.organization_id, b.name, f.label, u.label, b.id, f.id, u.id "
            "FROM occupancies oc JOIN units u ON u.id = oc.unit_id "
            "JOIN floors f ON f.id = u.floor_id JOIN buildings b ON b.id = f.building_id "
            f"WHERE oc.organization_id IN ({marks}) ORDER BY {order}"
        ),
        params,
    ):
        places.setdefault(oid, tuple(place))
    out = []
    for oid in ids:
        _, name, uscc, ownership, staff, members, gaps = orgs[oid]
        b, f, u, bid, fid, uid = places.get(oid, ("", "", "", None, None, None))
        out.append(
            DirectoryRow(
                oid,
                name,
                uscc,
                Ownership(ownership),
                b,
                f,
                u,
                bid,
                fid,
                uid,
                staff,
                int(members),
                int(gaps),
            )
        )
    return out


class ClusterPlace(NamedTuple):
    id: str
    name: str
    subdistrict_id: str
    subdistrict: str


class BuildingPlace(NamedTuple):
    id: str
    name: str
    cluster_id: str
    cluster: str
    subdistrict: str
    address: str | None


@dataclass(frozen=True)
class PlaceChoices:
    """Filter choices: (id, name) of subdistricts; clusters and buildings with where they
    stand, offered as (label, id) by `clusters_in` and `buildings_in`."""

    subdistricts: list[tuple[str, str]]
    clusters: list[ClusterPlace]
    buildings: list[BuildingPlace]

    def clusters_in(self, subdistrict_id: str | None) -> list[Choice]:
        """The clusters of a subdistrict (None: all), a shared name with its subdistrict."""
        return distinct_labels([(c.id, c.name, (c.subdistrict,), None) for c in self.clusters
                                if subdistrict_id is None or c.subdistrict_id == subdistrict_id])

    def buildings_in(self, cluster_ids: Collection[str]) -> list[Choice]:
        """The buildings of these clusters, a shared name with its cluster (and subdistrict,
        or address) as `place_labels` tells them apart."""
        return distinct_labels([(b.id, b.name, (b.cluster, b.subdistrict), b.address)
                                for b in self.buildings if b.cluster_id in cluster_ids])


def place_choices(session: Session) -> PlaceChoices:
    dialect = dialect_of(session)

    def by(*columns: str) -> str:
        return ", ".join(code_point_sql(c, dialect) for c in columns)

    subs = [(str(a), str(b)) for a, b in session.execute(
        text(f"SELECT id, name FROM subdistricts ORDER BY {by('name')}"))]
    clusters = [ClusterPlace(*row) for row in session.execute(text(
        "SELECT c.id, c.name, s.id, s.name FROM clusters c "
        f"JOIN subdistricts s ON s.id = c.subdistrict_id ORDER BY {by('c.name', 's.name')}, c.id"))]
    buildings = sorted(  # by code point, as the SQL lists are
        (BuildingPlace(b, str(name), str(cid), str(cluster), str(sub), address)
         for b, (sub, cluster, name, cid, _b, address) in building_places(session).items()),
        key=lambda p: (p.name, p.cluster, p.subdistrict, p.address or "", p.id))
    return PlaceChoices(subs, clusters, buildings)
