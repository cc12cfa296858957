"""The breakdowns statistics offer, as SQL group keys over an organization's primary location."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Subquery, func, literal

from yeda_desktop.models import Organization
from yeda_desktop.models.enums import INDUSTRY_SECTIONS, Ownership

DIMENSIONS: dict[str, tuple[str, str]] = {
    "all": ("全区", "whole zone"),
    "subdistrict": ("镇街", "subdistrict"),
    "cluster": ("集聚区", "cluster"),
    "building": ("楼宇", "building"),
    "industry": ("行业门类", "industry"),
    "ownership": ("经济类型", "ownership"),
}

UNPLACED = "（未定位）"


def group_key(dimension: str, location: Subquery) -> Any:
    """SQL expression giving each organization its group under `dimension`."""
    if dimension == "all":
        return literal("全区")
    if dimension in ("subdistrict", "cluster", "building"):
        return func.coalesce(location.c[dimension], UNPLACED)
    if dimension == "industry":
        return func.coalesce(Organization.industry_section, "（未填）")
    if dimension == "ownership":
        return Organization.ownership
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
    return group
