"""Coverage, gap and sweep-progress statistics and the funding estimate (Qt-free, set-based SQL)."""

from yeda_desktop.stats.campaigns import CampaignPair, campaign_pair
from yeda_desktop.stats.coverage import DIMENSIONS, CoverageRow, coverage_by
from yeda_desktop.stats.funding import FundingEstimate, FundingInputs, estimate_funding
from yeda_desktop.stats.gaps import GapCount, gap_counts
from yeda_desktop.stats.progress import ProgressRow, sweep_progress
from yeda_desktop.stats.summary import Summary, summarize

__all__ = [
    "DIMENSIONS",
    "CampaignPair",
    "CoverageRow",
    "FundingEstimate",
    "FundingInputs",
    "GapCount",
    "ProgressRow",
    "Summary",
    "campaign_pair",
    "coverage_by",
    "estimate_funding",
    "gap_counts",
    "summarize",
    "sweep_progress",
]
