"""The breakdowns statistics offer, as SQL group keys over an organization's primary location.

Clusters and buildings are grouped by id, then named by `place_names`: a zone has
several buildings of one name (the 100,000-organization demo: 714 under 337 names),
which grouped by name were counted as one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, Subquery, case, cast, func, literal, select
from sqlalchemy.orm import Session

from yeda_desktop.ledger.location import building_places
from yeda_desktop.models import Cluster, Organization, Subdistrict
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, KeyIndustry, Ownership
from yeda_desktop.place_labels import Item, sorted_labels

DIMENSIONS: dict[str, tuple[str, str]] = {
    "all": ("全区", "whole zone"),
    "subdistrict": ("镇街", "subdistrict"),
    "cluster": ("集聚区", "cluster"),
    "building": ("楼宇", "building"),
    "industry": ("行业门类", "industry"),
    "ownership": ("经济类型", "ownership"),
    "size": ("企业规模", "size"),
    "key_industry": ("重点行业", "key industry"),
}

# The group of the organizations in no key industry's alliance.
NO_KEY_INDUSTRY = "（非重点行业）"

# The two groups of `size`: above designated size (规上) or not, as the marks say.
ABOVE_SIZE, BELOW_SIZE = "规模以上企业", "规模以下"


def key_industry_key() -> Any:
    """The key industry's code, or NO_KEY_INDUSTRY."""
    return func.coalesce(cast(Organization.key_industry, String), NO_KEY_INDUSTRY)


def size_key() -> Any:
    """规模以上企业 or 规模以下, by the organization's mark."""
    return case((Organization.is_above_size.is_(True), ABOVE_SIZE), else_=BELOW_SIZE)

UNPLACED = "（未定位）"


def group_key(dimension: str, location: Subquery) -> Any:
    """SQL expression giving each organization its group under `dimension`."""
    if dimension == "all":
        return literal("全区")
    if dimension == "subdistrict":
        return func.coalesce(location.c.subdistrict, UNPLACED)
    if dimension in ("cluster", "building"):
        return func.coalesce(location.c[f"{dimension}_id"], UNPLACED)
    if dimension == "industry":
        return func.coalesce(Organization.industry_section, "（未填）")
    if dimension == "ownership":
        return Organization.ownership
    if dimension == "size":
        return size_key()
    if dimension == "key_industry":
        return key_industry_key()
    raise ValueError(f"unknown dimension {dimension!r}")


def group_label(dimension: str, group: str) -> str:
    """A group as a report names it: an ownership code as its word, an industry section
    with its name ("C 制造业"), a place as it is."""
    if dimension == "ownership":
        try:
            return Ownership(group).zh
        except ValueError:
            return group
    if dimension == "industry" and group in INDUSTRY_SECTIONS:
        return f"{group} {INDUSTRY_SECTIONS[group]}"
    if dimension == "key_industry":
        try:
            return KeyIndustry(group).zh
        except ValueError:
            return group
    return group


def place_names(session: Session, dimension: str) -> dict[str, str]:
    """Cluster or building id → its name, with where it stands if another of the zone has
    that name too (any other dimension: empty). Every cluster and building is named, not
    only those a statistic finds: a group is called the same in all of them (the coverage
    now and a year ago are matched by it)."""
    if dimension == "cluster":
        items: list[Item] = [(c, name, (sub,), None) for c, name, sub in session.execute(
            select(Cluster.id, Cluster.name, Subdistrict.name)
            .join(Subdistrict, Subdistrict.id == Cluster.subdistrict_id))]
    elif dimension == "building":
        places = building_places(session)
        items = [(b, str(name), (cluster, sub), address)
                 for b, (sub, cluster, name, _cid, _bid, address) in places.items()]
    else:
        return {}
    return {record_id: label for label, record_id in sorted_labels(items)}
