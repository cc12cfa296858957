"""Find what a user names: an organization, person, building or party organization, by id,
code or name.

A key may be a record id or its unique start, a USCC (organizations), an exact name or
a unique part of a name; anything else is a YedaError the user can act on (not found, or
which of several).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import (
    Building,
    Cluster,
    Floor,
    Occupancy,
    Organization,
    PartyOrg,
    Person,
    Subdistrict,
    Unit,
)

MAX_LISTED = 5
# The start of a record id (hex, at least 6 digits): lists print ids shortened to 8.
_ID_START = re.compile(r"[0-9a-fA-F]{6,}(?:-[0-9a-fA-F-]*)?")


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _find(
    session: Session,
    key: str,
    *,
    id_col: InstrumentedAttribute[Any],
    name_col: InstrumentedAttribute[Any],
    extra_exact: Sequence[InstrumentedAttribute[Any]] = (),
    what_zh: str,
    what_en: str,
    among: Callable[..., Select[Any]] = select,
    aside: InstrumentedAttribute[Any] | None = None,
) -> str:
    """`among(*columns)`: the select of the records to look in (all, by default).
    `aside`: what tells records of one name apart in a refusal (their ids, without it)."""
    text = key.strip()
    if not text:
        article = "an" if what_en[:1] in "aeiou" else "a"
        raise YedaError(f"请指定{what_zh}", f"name {article} {what_en}")
    found = session.scalar(among(id_col).where(id_col == text))
    for col in extra_exact:  # codes such as the USCC are stored upper-case
        if found is None:
            found = session.scalar(among(id_col).where(col == text.upper()).limit(1))
    if found is not None:
        return str(found)
    told = (aside,) if aside is not None else ()
    exact = session.execute(
        among(id_col, name_col, *told).where(name_col == text).limit(MAX_LISTED + 1)).all()
    if len(exact) == 1:
        return str(exact[0][0])
    if not exact and _ID_START.fullmatch(text):  # a short id, as the lists print them
        started = session.execute(
            among(id_col, name_col).where(id_col.startswith(text.lower())).limit(2)
        ).all()
        if len(started) == 1:
            return str(started[0][0])
        if started:
            raise YedaError(f"{text} 是多个{what_zh}编号的开头，请多写几位",
                            f"several {what_en} ids start with {text}; type more of it")
    rows = (
        exact
        or session.execute(
            among(id_col, name_col, *told)
            .where(name_col.like(f"%{_escape_like(text)}%", escape="\\"))
            .order_by(name_col)
            .limit(MAX_LISTED + 1)
        ).all()
    )
    if not rows:
        raise YedaError(f"找不到{what_zh}：{text}", f"no {what_en} matches {text!r}")
    if len(rows) > 1:
        listed = [str(r[1]) for r in rows[:MAX_LISTED]]
        if len(set(listed)) < len(listed):  # records of one name: tell them apart
            listed = [f"{name}（{_told_apart(r, rows)}）"
                      for name, r in zip(listed, rows, strict=False)]
        names = "、".join(listed)
        more = "等" if len(rows) > MAX_LISTED else ""
        raise YedaError(
            f"有多个{what_zh}与“{text}”相符：{names}{more}，请写全名称或使用编号",
            f"several {what_en}s match {text!r} ({len(rows)}{'+' if more else ''}); "
            "give the full name or the id",
        )
    return str(rows[0][0])


def _told_apart(row: Any, rows: Sequence[Any]) -> str:
    """A record's aside when no other of its name shares it, else the start of its id."""
    if len(row) > 2 and row[2] and sum(1 for r in rows if r[1:3] == row[1:3]) == 1:
        return str(row[2])
    return str(row[0])[:8]


def find_organization(session: Session, key: str) -> str:
    """Organization id for an id, a USCC, an exact name or a unique part of a name."""
    return _find(
        session,
        key,
        id_col=Organization.id,
        name_col=Organization.name,
        extra_exact=(Organization.uscc,),
        what_zh="单位",
        what_en="organization",
    )


def find_building(session: Session, key: str) -> str:
    """Building id for an id, an exact name or a unique part of a name."""
    return _find(
        session, key, id_col=Building.id, name_col=Building.name, what_zh="楼宇", what_en="building"
    )


def require_subdistrict(session: Session, name: str | None) -> str | None:
    """A subdistrict's name as typed (stripped; None if blank), or a sentence if the zone
    has none of that name: a filter by it would otherwise list nothing, silently."""
    within = (name or "").strip()
    if not within:
        return None
    if session.scalar(select(Subdistrict.id).where(Subdistrict.name == within)
                      .limit(1)) is None:
        raise YedaError(f"找不到镇街：{within}", f"no subdistrict is called {within!r}")
    return within


def find_subdistrict(session: Session, key: str) -> str:
    """Subdistrict id for an id, an exact name or a unique part of a name."""
    return _find(session, key, id_col=Subdistrict.id, name_col=Subdistrict.name,
                 what_zh="镇街", what_en="subdistrict")


def find_cluster(session: Session, key: str, subdistrict: str | None = None) -> str:
    """Cluster id for an id, an exact name or a unique part of a name, among the clusters
    of `subdistrict` (a name) if given: every park has a namesake somewhere."""

    within = require_subdistrict(session, subdistrict) or ""

    def among(*columns: Any) -> Select[Any]:
        query = select(*columns).select_from(Cluster).join(
            Subdistrict, Subdistrict.id == Cluster.subdistrict_id)
        return query.where(Subdistrict.name == within) if within else query

    return _find(session, key, id_col=Cluster.id, name_col=Cluster.name, what_zh="集聚区",
                 what_en="cluster", among=among, aside=Subdistrict.name)


def find_party_org(session: Session, key: str) -> str:
    """Party organization id for an id, an exact name or a unique part of a name."""
    return _find(
        session,
        key,
        id_col=PartyOrg.id,
        name_col=PartyOrg.name,
        what_zh="党组织",
        what_en="party organization",
    )


def organizations_in_building(session: Session, building_id: str) -> list[str]:
    """Ids of the organizations occupying units of a building, floor by floor (B2, B1, 1 … 3A)."""
    first_unit = (
        select(
            Occupancy.organization_id,
            Floor.level,
            Floor.label.label("floor"),
            Unit.label.label("unit"),
            Organization.name,
        )
        .join(Unit, Unit.id == Occupancy.unit_id)
        .join(Floor, Floor.id == Unit.floor_id)
        .join(Organization, Organization.id == Occupancy.organization_id)
        .where(Floor.building_id == building_id)
        .order_by(Floor.level, Floor.label, Unit.label, Organization.name)
    )
    seen: dict[str, None] = {}
    for row in session.execute(first_unit):
        seen.setdefault(str(row.organization_id), None)
    return list(seen)


def find_person(session: Session, key: str, organization_id: str | None = None) -> str:
    """Person id for an id (or its start, as `yeda org show` prints it), an exact name or a
    unique part of a name; among the people of `organization_id` if given (names repeat)."""

    def among(*columns: Any) -> Select[Any]:
        query = select(*columns)
        return query.where(Person.organization_id == organization_id) if organization_id \
            else query

    return _find(session, key, id_col=Person.id, name_col=Person.name, what_zh="人员",
                 what_en="person", among=among, aside=Person.phone)
