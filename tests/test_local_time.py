"""Times are stored in UTC; an officer in Yantai reads them in Beijing time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime

import pytest

from yeda_desktop.local_time import local_minute, local_stamp


@pytest.fixture
def beijing_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "CST-8")  # POSIX spelling: no time-zone database needed
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_stored_utc_is_shown_in_the_computers_time_zone(beijing_time: None) -> None:
    assert local_stamp("2026-11-29 03:15:42.123456") == "2026-11-29 11:15:42"
    assert local_stamp("2026-11-29 20:00:00") == "2026-11-30 04:00:00"  # the next day there
    assert local_minute(datetime(2026, 11, 29, 3, 15, 42)) == "2026-11-29 11:15"


def test_a_stamp_that_does_not_parse_is_shown_as_it_is(beijing_time: None) -> None:
    assert local_stamp("yesterday, after lunch") == "yesterday, after lunch"
