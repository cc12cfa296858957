"""Bulk work with fewer runs of the cyclic garbage collector.

A large import keeps millions of ids in sets and allocates a dictionary per payload
line. Python's full collection walks every live container and its elements, and it
runs each time the survivors grow by a quarter, so a 100,000-organization import spent
7 of its 83 seconds in 54 full collections (and the share grows with the batch). The
young collections, every 700 new containers by default, cost a 10,000-organization
import another 0.3 s of its busiest thread, where almost every container (a line's
dictionaries) is freed by its reference count soon after anyway.
While `fewer_collections()` is active the young generation is collected every
YOUNG new containers and a full collection comes twenty times less often: still a
bound on cyclic garbage (a leak that only full collections free stays small), at a
fraction of the cost. Process-wide and reentrant: GC thresholds are global.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# New containers (allocations less deallocations) before a young collection.
YOUNG = 50_000
# Collections of generation 1 before a full one (Python's default: 10).
RARELY = 200
_lock = threading.Lock()
_active = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    global _active, _saved
    with _lock:
        if _active == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(_saved[0], YOUNG), _saved[1], max(_saved[2], RARELY))
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                gc.set_threshold(*_saved)
