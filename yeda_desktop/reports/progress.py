"""Progress reporting and cancellation for long renders run from a GUI worker thread."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], bool]
"""Called as ``progress(done, total)`` while a form renders; returning False cancels it."""


class RenderCancelled(Exception):
    """The progress callback asked to stop; no output file was written."""
