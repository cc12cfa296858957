"""The breakdowns statistics offer, as SQL group keys over an organization's primary location."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Subquery, func, literal

from yeda_desktop.models import Organization

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
