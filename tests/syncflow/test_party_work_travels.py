"""A joint branch formed and an instructor sent on a laptop reach the centre with the day's
batch, and the centre's rules see the organizations covered."""

from __future__ import annotations

from pathlib import Path

from flow_helpers import build_sites
from sqlalchemy import select

from yeda_desktop.models import Occupancy, Organization, PartyOrgCoverage
from yeda_desktop.rules import evaluate, facts_for


def _uncovered(site: object) -> list[str]:
    """Organizations of the laptop's baseline that no party organization covers."""
    db = site.open()  # type: ignore[attr-defined]
    try:
        with db.reader() as s:
            covered = select(PartyOrgCoverage.organization_id)
            return list(s.scalars(
                select(Organization.id).join(Occupancy, Occupancy.organization_id
                                             == Organization.id)
                .where(Organization.id.not_in(covered)).order_by(Organization.id).distinct()))
    finally:
        db.close()


def _rules(site: object, org_id: str) -> set[str]:
    db = site.open()  # type: ignore[attr-defined]
    try:
        with db.reader() as s:
            return {f.rule_id for f in evaluate(facts_for(s, org_id))}
    finally:
        db.close()


def test_coverage_recorded_in_the_field_is_seen_at_the_centre(tmp_path: Path) -> None:
    centre, [laptop], stick = build_sites(tmp_path, 1)
    first, second, third, *_ = _uncovered(laptop)
    assert "no_work_coverage" in _rules(centre, first)
    laptop.cli("party", "form", "业达联合党支部", "--type", "joint_branch",
               "--org", first, "--org", second, officer="王芳")
    laptop.cli("instructor", "send", third, "--name", "张建国", "--phone", "13805351234",
               officer="王芳")
    laptop.cli("export", str(stick / "b1.yeda"), officer="王芳")
    report = centre.cli("import", str(stick / "b1.yeda"))
    assert "拒收 rejected 0" in report and "冲突 conflicts 0" in report
    for org in (first, second, third):
        assert "no_work_coverage" not in _rules(centre, org), org
    listed = centre.cli("party", "list", "--org", second)
    assert "业达联合党支部\t联合党支部" in listed and "覆盖 2 家" in listed
    assert "张建国 13805351234" in centre.cli("org", "show", third)
