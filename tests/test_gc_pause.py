"""Bulk work makes garbage collections rarer, and always gives the thresholds back."""

from __future__ import annotations

import gc
import weakref

import pytest

from yeda_desktop.gc_pause import fewer_collections


def test_collections_are_rarer_and_the_thresholds_come_back() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        young, middle, full = gc.get_threshold()
        assert young >= 50 * before[0] and middle == before[1] and full >= 20 * before[2]
        with fewer_collections():  # nested: still rarer
            assert gc.get_threshold()[2] == full
        assert gc.get_threshold()[2] == full
    assert gc.get_threshold() == before


def test_thresholds_come_back_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("import failed")
    assert gc.get_threshold() == before


def test_young_cycles_are_still_freed_meanwhile() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self  # a cycle: only the collector frees it

    with fewer_collections():
        refs = [weakref.ref(Node()) for _ in range(10 * gc.get_threshold()[0])]
        alive = sum(ref() is not None for ref in refs)
    assert alive < len(refs) / 2
