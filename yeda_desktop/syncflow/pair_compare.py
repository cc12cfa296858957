"""Two organizations of a duplicate candidate side by side, field by field.

The administrator decides whether two records are one organization, and which to keep, by
what they hold: their fields, where they were found, their people, and who registered
each and when. A merge keeps the survivor's values and fills only its empty fields from
the other (`duplicates.merge`), so `filled` marks the values a merge into either side
would take from the other one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yeda_desktop.local_time import local_stamp
from yeda_desktop.models import Building, ChangeLog, Floor, Occupancy, Person, Unit
from yeda_desktop.models.labels import column_label
from yeda_desktop.syncflow.audit_trail import device_names
from yeda_desktop.syncflow.duplicates import find_candidate
from yeda_desktop.syncflow.records import fetch_rows, logged_columns, logged_value
from yeda_desktop.syncflow.value_words import EMPTY, value_words

TABLE = "organizations"


@dataclass(frozen=True)
class ComparedField:
    """One line of the comparison: a label and the two records' values in words."""

    label: str
    a: str
    b: str
    # The values differ (both filled and not equal): what the administrator weighs.
    differs: bool
    # One side is empty and the other is not: a merge into the empty side takes the value.
    filled: bool = False


@dataclass(frozen=True)
class ComparedPair:
    candidate_id: str
    record_a: str
    record_b: str
    fields: list[ComparedField]


def compare_pair(session: Session, candidate_id: str) -> ComparedPair:
    """The pair a candidate id (or a unique start of it) names, compared."""
    row = find_candidate(session, candidate_id)
    a, b = row.record_a, row.record_b
    conn = session.connection()
    stored = {r["id"]: r for r in fetch_rows(conn, TABLE, [a, b])}
    fields = [_field(column_label(TABLE, col), *(_words(stored.get(r), col) for r in (a, b)))
              for col in logged_columns(TABLE)]
    fields = [f for f in fields if not f.a == f.b == EMPTY]  # neither says anything
    places, people, made = _places(session, [a, b]), _people(session, [a, b]), \
        _registered(session, [a, b])
    fields += [
        _field("所在位置", places.get(a, EMPTY), places.get(b, EMPTY), weigh_empty=False),
        _field("人员", f"{people.get(a, 0)} 人", f"{people.get(b, 0)} 人", weigh_empty=False),
        _field("登记", made.get(a, EMPTY), made.get(b, EMPTY), weigh_empty=False),
    ]
    return ComparedPair(row.id, a, b, fields)


def _words(row: dict[str, Any] | None, col: str) -> str:
    if row is None:  # merged away or deleted since the pair was found
        return EMPTY
    return value_words(TABLE, col, logged_value(TABLE, col, row.get(col)))


def _field(label: str, a: str, b: str, *, weigh_empty: bool = True) -> ComparedField:
    one_empty = (a == EMPTY) != (b == EMPTY)
    return ComparedField(label, a, b, differs=a != b and not one_empty,
                         filled=weigh_empty and one_empty)


def _places(session: Session, ids: list[str]) -> dict[str, str]:
    """Every unit each organization occupies: "创业大厦 3层 301", one after another."""
    found: dict[str, list[str]] = {}
    for org, building, floor, unit in session.execute(
        select(Occupancy.organization_id, Building.name, Floor.label, Unit.label)
        .join(Unit, Unit.id == Occupancy.unit_id)
        .join(Floor, Floor.id == Unit.floor_id)
        .join(Building, Building.id == Floor.building_id)
        .where(Occupancy.organization_id.in_(ids))
        .order_by(Building.name, Floor.level, Unit.label)
    ):
        found.setdefault(org, []).append(f"{building} {floor}层 {unit}")
    return {org: "；".join(units) for org, units in found.items()}


def _people(session: Session, ids: list[str]) -> dict[str, int]:
    return {org: int(n) for org, n in session.execute(
        select(Person.organization_id, func.count()).where(Person.organization_id.in_(ids))
        .group_by(Person.organization_id))}


def _registered(session: Session, ids: list[str]) -> dict[str, str]:
    """When, by whom and on which device each record was first written."""
    names = device_names(session)
    found: dict[str, str] = {}
    for r in session.scalars(
        select(ChangeLog).where(ChangeLog.table_name == TABLE, ChangeLog.op == "insert",
                                ChangeLog.record_id.in_(ids))
        .order_by(ChangeLog.at, ChangeLog.seq)
    ):
        if r.record_id not in found:
            who = " · ".join(w for w in (r.officer, names.get(r.device_id or "")) if w)
            found[r.record_id] = f"{local_stamp(str(r.at))}{'，' + who if who else ''}"
    return found
