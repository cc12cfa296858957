"""A year's funding estimate from the article's figures, every amount an explicit input.

Party organizations are counted from the database (a joint branch funds as a
branch); certified party-work staff by level are inputs, since the database
does not record star levels.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from yeda_desktop.models import PartyOrg
from yeda_desktop.models.enums import PartyOrgType


@dataclass(frozen=True)
class FundingInputs:
    per_committee: int = 50_000
    per_general_branch: int = 30_000
    per_branch: int = 3_000
    # Monthly allowance per certified party-work staff member, highest level first.
    monthly_allowance: tuple[int, ...] = (300, 200, 100)
    # How many certified staff at each level (same order as monthly_allowance).
    staff_by_level: tuple[int, ...] = (0, 0, 0)
    months: int = 12

    def __post_init__(self) -> None:
        if len(self.monthly_allowance) != len(self.staff_by_level):
            raise ValueError("monthly_allowance and staff_by_level must have the same length")
        if any(v < 0 for v in (*self.monthly_allowance, *self.staff_by_level, self.months)):
            raise ValueError("funding inputs must not be negative")


@dataclass(frozen=True)
class FundingLine:
    label_zh: str
    label_en: str
    count: int
    unit_amount: int
    months: int = 1

    @property
    def amount(self) -> int:
        return self.count * self.unit_amount * self.months


@dataclass(frozen=True)
class FundingEstimate:
    lines: list[FundingLine] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)


def estimate_funding(session: Session, inputs: FundingInputs | None = None) -> FundingEstimate:
    spec = inputs or FundingInputs()
    counts = dict(
        session.execute(select(PartyOrg.type, func.count()).group_by(PartyOrg.type)).all()
    )
    branches = counts.get(PartyOrgType.BRANCH, 0) + counts.get(PartyOrgType.JOINT_BRANCH, 0)
    lines = [
        FundingLine("党委", "committees", counts.get(PartyOrgType.COMMITTEE, 0),
                    spec.per_committee),
        FundingLine("党总支", "general branches", counts.get(PartyOrgType.GENERAL_BRANCH, 0),
                    spec.per_general_branch),
        FundingLine("党支部（含联合党支部）", "branches (incl. joint)", branches, spec.per_branch),
    ]
    for level, (amount, staff) in enumerate(
        zip(spec.monthly_allowance, spec.staff_by_level, strict=True), start=1
    ):
        lines.append(
            FundingLine(f"党务工作者津贴（第{level}档）", f"party-work allowance, level {level}",
                        staff, amount, spec.months)
        )
    return FundingEstimate(lines)
