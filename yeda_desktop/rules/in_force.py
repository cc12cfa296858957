"""The thresholds in force in this installation: the centre's.

The centre issues its thresholds with its profile (`yeda profile export --rules FILE`);
a laptop keeps those it imported, the centre those it issued, both in `app_state`. Every
evaluation that has a session and no profile of its own (the detail pane's flags, the
floor's badges, the ledger, the printed forms) takes these, so that a laptop and its
centre call the same organizations short. Before 2026-11-30 the laptop stored them and
everything evaluated with the defaults regardless.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.models import AppState
from yeda_desktop.rules.profile import DEFAULT_PROFILE, ProfileError, RulesProfile
from yeda_desktop.rules.profile import profile_from_mapping as _validated

STATE_KEY = "centre.rules_profile"
_KNOWN = frozenset(f.name for f in dataclasses.fields(RulesProfile))


def profile_in_force(session: Session) -> RulesProfile:
    """The centre's thresholds as kept here, or the domain's defaults if none are."""
    raw = session.scalar(select(AppState.value).where(AppState.key == STATE_KEY))
    if not raw:
        return DEFAULT_PROFILE
    try:
        data = json.loads(raw)
    except ValueError:
        return DEFAULT_PROFILE  # validated when issued; unreadable only if edited by hand
    return issued(data) if isinstance(data, dict) else DEFAULT_PROFILE


def issued(data: dict[str, Any]) -> RulesProfile:
    """The thresholds a centre profile carries. A newer centre may issue thresholds this
    version does not know: the rest apply. Defaults if they cannot be read."""
    try:
        return _validated({k: v for k, v in data.items() if k in _KNOWN})
    except ProfileError:
        return DEFAULT_PROFILE


def keep_in_force(session: Session, profile: RulesProfile) -> None:
    """Make `profile` the thresholds in force here (in this session's transaction)."""
    session.merge(AppState(key=STATE_KEY, value=stored(profile)))


def stored(profile: RulesProfile) -> str:
    """`profile` as `app_state` keeps it (and the centre profile carries it)."""
    return json.dumps(as_mapping(profile), ensure_ascii=False)


def as_mapping(profile: RulesProfile) -> dict[str, Any]:
    """Plain JSON values: tuples become the lists `profile_from_mapping` reads back."""
    return {k: list(v) if isinstance(v, tuple) else v
            for k, v in dataclasses.asdict(profile).items()}


def differences(profile: RulesProfile) -> dict[str, Any]:
    """The thresholds that are not the domain's defaults (what `yeda profile show` names)."""
    default = as_mapping(DEFAULT_PROFILE)
    return {k: v for k, v in as_mapping(profile).items() if default[k] != v}
