"""The campaign being compared and the one before it (by year)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.models import Campaign


@dataclass(frozen=True)
class CampaignInfo:
    id: str
    name: str
    year: int
    ends_on: date

    @classmethod
    def of(cls, campaign: Campaign) -> CampaignInfo:
        return cls(campaign.id, campaign.name, campaign.year,
                   campaign.ends_on or date(campaign.year, 12, 31))


@dataclass(frozen=True)
class CampaignPair:
    current: CampaignInfo | None
    previous: CampaignInfo | None


def campaign_pair(session: Session) -> CampaignPair:
    """The current campaign (or the latest) and the latest one of an earlier year."""
    campaigns = list(session.scalars(select(Campaign).order_by(Campaign.year.desc(), Campaign.id)))
    if not campaigns:
        return CampaignPair(None, None)
    current = next((c for c in campaigns if c.is_current), campaigns[0])
    previous = next((c for c in campaigns if c.year < current.year), None)
    return CampaignPair(CampaignInfo.of(current), CampaignInfo.of(previous) if previous else None)
