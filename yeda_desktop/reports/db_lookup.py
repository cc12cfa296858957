"""Find what a user names: an organization, building or party organization, by id, code or name.

A key may be a record id or its unique start, a USCC (organizations), an exact name or
a unique part of a name; anything else is a YedaError the user can act on (not found, or
which of several).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import Building, Floor, Occupancy, Organization, PartyOrg, Unit

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
) -> str:
    text = key.strip()
    if not text:
        raise YedaError(f"请指定{what_zh}", f"name a {what_en}")
    found = session.scalar(select(id_col).where(id_col == text))
    for col in extra_exact:  # codes such as the USCC are stored upper-case
        if found is None:
            found = session.scalar(select(id_col).where(col == text.upper()).limit(1))
    if found is not None:
        return str(found)
    exact = session.execute(select(id_col, name_col).where(name_col == text).limit(2)).all()
    if len(exact) == 1:
        return str(exact[0][0])
    if not exact and _ID_START.fullmatch(text):  # a short id, as the lists print them
        started = session.execute(
            select(id_col, name_col).where(id_col.startswith(text.lower())).limit(2)
        ).all()
        if len(started) == 1:
            return str(started[0][0])
        if started:
            raise YedaError(f"{text} 是多个{what_zh}编号的开头，请多写几位",
                            f"several {what_en} ids start with {text}; type more of it")
    rows = (
        exact
        or session.execute(
            select(id_col, name_col)
            .where(name_col.like(f"%{_escape_like(text)}%", escape="\\"))
            .order_by(name_col)
            .limit(MAX_LISTED + 1)
        ).all()
    )
    if not rows:
        raise YedaError(f"找不到{what_zh}：{text}", f"no {what_en} matches {text!r}")
    if len(rows) > 1:
        listed = [str(r[1]) for r in rows[:MAX_LISTED]]
        if len(set(listed)) < len(listed):  # records of one name: their ids tell them apart
            listed = [f"{name}（{str(r[0])[:8]}）" for name, r in zip(listed, rows, strict=False)]
        names = "、".join(listed)
        more = "等" if len(rows) > MAX_LISTED else ""
        raise YedaError(
            f"有多个{what_zh}与“{text}”相符：{names}{more}，请写全名称或使用编号",
            f"several {what_en}s match {text!r} ({len(rows)}{'+' if more else ''}); "
            "give the full name or the id",
        )
    return str(rows[0][0])


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
