"""Ids of the place a service test works in, and valid identifiers to type."""

from __future__ import annotations

from dataclasses import dataclass

USCC_A = "91370600MA3C4XY104"
USCC_B = "91370600MA3C4XY117"


@dataclass(frozen=True)
class Place:
    cluster_id: str
    building_id: str
    floor_id: str
    campaign_id: str
