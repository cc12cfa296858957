"""The gaps a user names on the command line: by id, as `yeda gaps --list` prints it.

A gap has no name of its own (an organization has one gap per rule that it fails, and
keeps the closed ones), so it is named by its id, whole or a start of it that no other
id shares. The ids of one re-evaluation are time-ordered (ledger.logged_writes.new_ids)
and begin alike, so lists print them whole; a start that several ids share is refused
with a sentence rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import Gap
from yeda_desktop.rules import RULES_BY_ID

MIN_START = 6  # the shortest start of an id taken
_ID_START = re.compile(r"[0-9a-f][0-9a-f-]*")
_WHOLE_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def ids_in(lines: Iterable[str]) -> list[str]:
    """The gap ids at the start of lines `yeda gaps --list` printed (piped into `yeda
    ledger … -`): the first column of each gap's line; its table of counts and its last
    line hold none."""
    found = []
    for line in lines:
        first = line.split("\t", 1)[0].strip().lower()
        if _WHOLE_ID.fullmatch(first):
            found.append(first)
    return found


def find_gaps(session: Session, keys: Sequence[str]) -> list[Gap]:
    """One gap per key, in the order given (a gap named twice, once)."""
    found: dict[str, Gap] = {}
    for key in keys:
        gap = find_gap(session, key)
        found.setdefault(gap.id, gap)
    return list(found.values())


def find_gap(session: Session, key: str) -> Gap:
    text = key.strip().lower()
    if not text:
        raise YedaError("请指定问题的编号（yeda gaps --list 列出的第一列）",
                        "name a gap by its id (the first column of yeda gaps --list)")
    gap = session.get(Gap, text)
    if gap is not None:
        return gap
    if len(text) < MIN_START or not _ID_START.fullmatch(text):
        raise YedaError(
            f"“{key.strip()}”不是问题编号；请写出编号（yeda gaps --list 列出的第一列）",
            f"{key.strip()!r} is not a gap id; give its id (the first column of "
            "yeda gaps --list)",
        )
    started = list(session.scalars(select(Gap).where(Gap.id.startswith(text)).limit(2)))
    if not started:
        raise YedaError(f"找不到编号为 {text} 的问题", f"no gap id starts with {text}")
    if len(started) > 1:
        raise YedaError(f"{text} 是多个问题编号的开头，请多写几位",
                        f"several gap ids start with {text}; type more of it")
    return started[0]


def gap_words(gap: Gap) -> tuple[str, str]:
    """Which gap a message is about: 单位“…”的“工作未覆盖”（its id）, and in English."""
    rule = RULES_BY_ID.get(gap.rule_id)
    title = rule.title_zh if rule else gap.rule_id
    name = gap.organization.name
    return (f"单位“{name}”的“{title}”（{gap.id}）", f"the {gap.rule_id} gap of {name} ({gap.id})")
