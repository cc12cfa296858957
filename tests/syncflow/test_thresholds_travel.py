"""The centre's thresholds reach its laptops with its profile and are the ones in force there
and at the centre: the laptop stored them and evaluated with the defaults until 2026-11-30."""

from __future__ import annotations

from pathlib import Path

from flow_helpers import Site, build_sites

from yeda_desktop.ledger import ledger_rows, reconcile
from yeda_desktop.models import Organization
from yeda_desktop.rules import DEFAULT_PROFILE, profile_in_force

NAME = "烟台阈值测试有限公司"


def _add_small_firm(site: Site) -> str:
    """30 staff, no party member: short of no party member only from 20 staff, not 50."""
    db = site.open()
    try:
        with db.session(officer="王芳") as s:
            org = Organization(name=NAME, staff_count=30)
            s.add(org)
            s.flush()
            return org.id
    finally:
        db.close()


def _ledger_rules(site: Site, org_id: str) -> set[str]:
    db = site.open()
    try:
        with db.session(officer="王芳") as s:
            reconcile(s)  # with the thresholds in force, as the window's 重新排查 does
        with db.reader() as s:
            return {r.rule_id for r in ledger_rows(s) if r.organization_id == org_id}
    finally:
        db.close()


def test_the_centre_s_thresholds_are_in_force_on_its_laptops(tmp_path: Path) -> None:
    centre, [laptop], stick = build_sites(tmp_path, 1)
    org = _add_small_firm(laptop)
    assert "no_party_member" not in _ledger_rules(laptop, org)
    assert "未登记也未自报党员" not in laptop.cli("org", "show", org)
    assert "规则阈值 rule thresholds: 默认 defaults" in laptop.cli("profile", "show")

    rules = tmp_path / "rules.toml"
    rules.write_text("no_party_member_staff = 20\n", encoding="utf-8")
    issued = stick / "profile-2.yeda"
    centre.cli("profile", "export", str(issued), "--rules", str(rules))
    assert "no_party_member_staff=20" in centre.cli("profile", "show", str(issued))
    laptop.cli("profile", "import", str(issued))

    assert "no_party_member_staff=20" in laptop.cli("profile", "show")
    # the detail pane's flags, in text: the threshold named in the finding too
    assert "职工 30 人（≥20），未登记也未自报党员" in laptop.cli("org", "show", org)
    assert "no_party_member" in _ledger_rules(laptop, org)
    # The centre evaluates as its laptops do, and a profile written again after adding a
    # team keeps the thresholds rather than setting them back to the defaults.
    assert "no_party_member_staff=20" in centre.cli("profile", "show")
    again = stick / "profile-3.yeda"
    centre.cli("profile", "export", str(again))
    assert "no_party_member_staff=20" in centre.cli("profile", "show", str(again))
    db = centre.open()
    try:
        with db.reader() as s:
            assert profile_in_force(s).no_party_member_staff == 20
    finally:
        db.close()


def test_a_run_with_a_file_of_its_own_overrides_for_that_run(tmp_path: Path) -> None:
    """`yeda gaps --profile FILE` evaluates with FILE once; the thresholds in force stay."""
    _centre, [laptop], _stick = build_sites(tmp_path, 1)
    org = _add_small_firm(laptop)
    rules = tmp_path / "rules.json"
    rules.write_text('{"no_party_member_staff": 25}', encoding="utf-8")
    laptop.cli("gaps", "--profile", str(rules))
    db = laptop.open()
    try:
        with db.reader() as s:
            assert any(r.rule_id == "no_party_member" and r.organization_id == org
                       for r in ledger_rows(s))
            assert profile_in_force(s) == DEFAULT_PROFILE
    finally:
        db.close()
