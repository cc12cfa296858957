"""A refused value's error is kept (cached) without its traceback: one that kept it
pinned the importing frames, and with them a whole chunk of the batch, in reference
cycles (a 1,000,000-organization import grew to 18 GB before it was stopped)."""

from __future__ import annotations

import gc
import weakref

from yeda_desktop.errors import ValidationError
from yeda_desktop.syncflow import incoming_checks


class Chunk:
    """Stands in for the lines of a chunk held by the importing frame."""


def check_one(value: str) -> tuple[weakref.ref[Chunk], ValidationError | None]:
    chunk = Chunk()
    bad = incoming_checks.problem("people", {"phone": value}, ["phone"])
    return weakref.ref(chunk), bad


def test_a_refusal_does_not_keep_the_importing_frame_alive() -> None:
    incoming_checks._memos.cache_clear()
    gc.disable()
    try:
        chunk, bad = check_one("138123")
        assert bad is not None and "phone" in bad.en
        assert chunk() is None
        assert bad.__traceback__ is None
    finally:
        gc.enable()
