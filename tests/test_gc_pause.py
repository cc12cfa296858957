"""Bulk work pauses only the full garbage collections, and always gives them back."""

from __future__ import annotations

import gc
import weakref

import pytest

from yeda_desktop.gc_pause import full_collections_paused


def test_full_collections_wait_and_the_thresholds_come_back() -> None:
    before = gc.get_threshold()
    with full_collections_paused():
        young, middle, full = gc.get_threshold()
        assert (young, middle) == before[:2] and full > 1_000_000
        with full_collections_paused():  # nested: still paused
            assert gc.get_threshold()[2] == full
        assert gc.get_threshold()[2] == full
    assert gc.get_threshold() == before


def test_thresholds_come_back_after_an_error() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), full_collections_paused():
        raise RuntimeError("import failed")
    assert gc.get_threshold() == before


def test_young_cycles_are_still_freed_while_paused() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self  # a cycle: only the collector frees it

    with full_collections_paused():
        refs = [weakref.ref(Node()) for _ in range(10 * gc.get_threshold()[0])]
        alive = sum(ref() is not None for ref in refs)
    assert alive < len(refs) / 2
