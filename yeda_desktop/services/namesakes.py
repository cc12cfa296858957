"""Organizations already registered under the name an officer is about to register.

One company often rents rooms on several floors; registering it again in the next room
would count it twice (and split its people). The sweep pane asks before it does.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.models import Organization
from yeda_desktop.services.edits import checked
from yeda_desktop.services.search import Place, org_places

SHOWN = 5  # enough to choose from; a name registered more often is a data problem anyway


@dataclass(frozen=True)
class Namesake:
    organization_id: str
    name: str
    place: Place | None  # where it is registered (its first unit), if anywhere

    def where_zh(self) -> str:
        p = self.place
        return (f"{p.cluster_name} {p.building_name} {p.floor_label}层 {p.unit_label}室"
                if p else "未登记房间")

    def where_en(self) -> str:
        p = self.place
        return (f"{p.building_name} ({p.cluster_name}), floor {p.floor_label}, "
                f"unit {p.unit_label}" if p else "no unit")


def namesakes(session: Session, name: str) -> list[Namesake]:
    """Organizations named exactly `name` (as it would be stored), wherever they are (in the
    very unit too: registering it there again would be a duplicate as well). Raises the
    name's ValidationError, as registering it would."""
    clean = checked(Organization, "name", name)
    query = select(Organization.id, Organization.name).where(Organization.name == clean)
    rows = session.execute(query.order_by(Organization.id).limit(SHOWN)).all()
    places = org_places(session, {str(r[0]) for r in rows})
    return [Namesake(str(oid), str(n), places.get(str(oid))) for oid, n in rows]
