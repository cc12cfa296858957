"""Everything the dashboard shows, gathered in one call (off the GUI thread)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from yeda_desktop.stats.campaigns import CampaignPair, campaign_pair
from yeda_desktop.stats.coverage import CoverageRow, coverage_by
from yeda_desktop.stats.funding import FundingEstimate, FundingInputs, estimate_funding
from yeda_desktop.stats.gaps import GapCount, gap_counts
from yeda_desktop.stats.progress import ProgressRow, sweep_progress


@dataclass(frozen=True)
class Summary:
    campaigns: CampaignPair
    dimension: str
    total_now: CoverageRow | None
    total_before: CoverageRow | None
    coverage_now: list[CoverageRow]
    coverage_before: dict[str, CoverageRow]
    progress_now: list[ProgressRow]
    progress_before: dict[str, ProgressRow]
    gaps: list[GapCount]
    funding: FundingEstimate
    # The whole zone's sweep progress (a floor counts once, not once per group on it).
    progress_total: ProgressRow | None = None

    def groups(self) -> list[GroupFigures]:
        """Each group's coverage now, a campaign ago, and its sweep progress then and now,
        as the tab's table and `yeda stats` show them."""
        progress = {p.group: p for p in self.progress_now}
        return [GroupFigures(row, self.coverage_before.get(row.group), progress.get(row.group),
                             self.progress_before.get(row.group))
                for row in self.coverage_now]


@dataclass(frozen=True)
class GroupFigures:
    coverage: CoverageRow
    coverage_before: CoverageRow | None
    progress: ProgressRow | None
    progress_before: ProgressRow | None


def summarize(session: Session, dimension: str, funding: FundingInputs | None = None) -> Summary:
    pair = campaign_pair(session)
    current = pair.current.id if pair.current else None
    before_day = pair.previous.ends_on if pair.previous else None
    total_now = coverage_by(session, "all")
    total_before = coverage_by(session, "all", before_day) if before_day else []
    before = {r.group: r for r in coverage_by(session, dimension, before_day)} if before_day else {}
    progress_before = (
        {r.group: r for r in sweep_progress(session, pair.previous.id, dimension)}
        if pair.previous else {}
    )
    return Summary(
        campaigns=pair,
        dimension=dimension,
        total_now=total_now[0] if total_now else None,
        total_before=total_before[0] if total_before else None,
        coverage_now=coverage_by(session, dimension),
        coverage_before=before,
        progress_now=sweep_progress(session, current, dimension),
        progress_before=progress_before,
        gaps=gap_counts(session),
        funding=estimate_funding(session, funding),
        progress_total=next(iter(sweep_progress(session, current, "all")), None),
    )
