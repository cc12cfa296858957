"""The thresholds of the gap rules, as a small TOML/JSON file the centre can issue.

Every field has the domain's default; a profile file only needs the values it
changes. Loading refuses unknown keys, wrong types and impossible ranges with
a sentence naming the key, so a typo never silently falls back to a default.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from yeda_desktop.errors import YedaError
from yeda_desktop.models.enums import Ownership

RULE_IDS: tuple[str, ...] = (
    "no_party_member",
    "no_party_org",
    "should_establish",
    "joint_coverage",
    "no_work_coverage",
    "org_form",
    "four_haves",
    "floating_members",
    "data_quality",
)


class ProfileError(YedaError):
    """A rules profile file that cannot be used."""


@dataclass(frozen=True)
class RulesProfile:
    """Thresholds of every rule; the defaults are the domain's."""

    # no_party_member: staff >= this and no member registered or reported.
    no_party_member_staff: int = 50
    # no_party_org: staff >= this and no party organization covers it.
    no_party_org_staff: int = 100
    # should_establish: full members >= this and no own party organization.
    establish_full_members: int = 3
    # no_work_coverage: only organizations with at least this many staff.
    work_coverage_min_staff: int = 0
    # org_form: more than this many members with only a branch → general branch advised.
    general_branch_above_members: int = 50
    # org_form: this many members or more without a committee → committee advised.
    committee_members: int = 100
    # four_haves: ownerships that follow the foreign-enterprise model.
    four_haves_ownerships: tuple[str, ...] = (Ownership.FOREIGN.value,)
    # data_quality: how far the reported member count may differ from registered members.
    member_count_tolerance: int = 0
    check_visits: bool = True
    # Re-check stored USCCs and ID numbers (costly on very large databases).
    check_identifiers: bool = True
    check_verification: bool = True
    # Rules switched off by the centre.
    disabled: tuple[str, ...] = ()

    def enabled(self, rule_id: str) -> bool:
        return rule_id not in self.disabled


DEFAULT_PROFILE = RulesProfile()

_INT_FIELDS = {
    f.name for f in fields(RulesProfile) if f.type in ("int", int)
}
_BOOL_FIELDS = {f.name for f in fields(RulesProfile) if f.type in ("bool", bool)}


def _fail(key: str, zh: str, en: str) -> ProfileError:
    return ProfileError(f"规则配置项“{key}”{zh}", f"rules profile key {key!r} {en}")


def _read_tuple(key: str, value: Any, allowed: set[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(key, "应为文字列表", "must be a list of strings")
    unknown = sorted(set(value) - allowed)
    if unknown:
        raise _fail(
            key,
            f"含有未知取值：{', '.join(unknown)}",
            f"has unknown values: {', '.join(unknown)}",
        )
    return tuple(value)


def profile_from_mapping(data: dict[str, Any]) -> RulesProfile:
    """Build a profile from parsed TOML/JSON, validating every key."""
    values: dict[str, Any] = {}
    known = {f.name for f in fields(RulesProfile)}
    for key, value in data.items():
        if key not in known:
            raise _fail(key, "不存在（请检查拼写）", "does not exist (check the spelling)")
        if key in _INT_FIELDS:
            if isinstance(value, bool) or not isinstance(value, int):
                raise _fail(key, "应为整数", "must be a whole number")
            if value < 0 or value > 1_000_000:
                raise _fail(key, "应在0至1000000之间", "must be between 0 and 1,000,000")
            values[key] = value
        elif key in _BOOL_FIELDS:
            if not isinstance(value, bool):
                raise _fail(key, "应为true或false", "must be true or false")
            values[key] = value
        elif key == "four_haves_ownerships":
            values[key] = _read_tuple(key, value, {o.value for o in Ownership})
        elif key == "disabled":
            values[key] = _read_tuple(key, value, set(RULE_IDS))
    profile = RulesProfile(**values)
    if profile.establish_full_members < 1:
        raise _fail("establish_full_members", "至少为1", "must be at least 1")
    if profile.committee_members <= profile.general_branch_above_members:
        raise _fail(
            "committee_members",
            "应大于general_branch_above_members",
            "must be greater than general_branch_above_members",
        )
    return profile


def load_profile(path: str | Path | None) -> RulesProfile:
    """Read a .toml or .json rules profile; None gives the built-in defaults."""
    if path is None:
        return DEFAULT_PROFILE
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as exc:
        raise ProfileError(
            f"无法读取规则配置文件：{file}（{exc.strerror}）",
            f"cannot read the rules profile {file}: {exc.strerror}",
        ) from None
    try:
        if file.suffix.lower() == ".json":
            data = json.loads(raw.decode("utf-8"))
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProfileError(
            f"规则配置文件格式有误：{file}（{exc}）",
            f"the rules profile {file} is not valid TOML/JSON: {exc}",
        ) from None
    if not isinstance(data, dict):
        raise ProfileError(
            f"规则配置文件应为键值表：{file}", f"the rules profile {file} must be a table"
        )
    return profile_from_mapping(data)
