"""Stored times are naive UTC on every engine; people read them in their own time zone."""

from __future__ import annotations

from datetime import UTC, datetime


def local_minute(moment: datetime) -> str:
    """A stored time (naive UTC, as every engine keeps it) in this computer's time zone."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def local_stamp(stamp: str) -> str:
    """A change-log stamp ('2026-11-29 03:15:42.123456', UTC) in this computer's time zone,
    to the second; a stamp that does not parse is shown as it is."""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
