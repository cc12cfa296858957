"""The rules profile file: defaults, TOML and JSON, and refusals that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from yeda_desktop.rules import DEFAULT_PROFILE, ProfileError, load_profile


def test_no_file_means_the_domain_defaults() -> None:
    profile = load_profile(None)
    assert profile is DEFAULT_PROFILE
    assert (profile.no_party_member_staff, profile.no_party_org_staff) == (50, 100)
    assert profile.establish_full_members == 3


def test_toml_changes_only_what_it_names(tmp_path: Path) -> None:
    path = tmp_path / "profile.toml"
    path.write_text('no_party_org_staff = 80\ndisabled = ["org_form"]\n', encoding="utf-8")
    profile = load_profile(path)
    assert profile.no_party_org_staff == 80
    assert profile.no_party_member_staff == 50
    assert not profile.enabled("org_form")


def test_json_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    path.write_text('{"four_haves_ownerships": ["foreign", "hmt"]}', encoding="utf-8")
    assert load_profile(path).four_haves_ownerships == ("foreign", "hmt")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("no_party_org_stafff = 80", "no_party_org_stafff"),
        ('no_party_org_staff = "80"', "整数"),
        ("no_party_org_staff = -1", "0至1000000"),
        ("check_visits = 1", "true或false"),
        ('disabled = ["no_such_rule"]', "no_such_rule"),
        ('four_haves_ownerships = ["martian"]', "martian"),
        ("committee_members = 40", "general_branch_above_members"),
        ("establish_full_members = 0", "至少为1"),
        ("this is not toml", "格式有误"),
    ],
)
def test_bad_profiles_are_refused_with_a_sentence(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile(path)
    assert needle in err.value.zh


def test_missing_file_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="无法读取"):
        load_profile(tmp_path / "absent.toml")
