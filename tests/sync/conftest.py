"""Fixtures for the sync format tests (helpers live in sync_helpers)."""

from sync_helpers import env

__all__ = ["env"]
