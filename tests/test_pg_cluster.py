"""Without a PostgreSQL server the PostgreSQL half of the suite is skipped, and says why."""

from __future__ import annotations

import pg_cluster
import pytest


def test_missing_server_binaries_give_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("YEDA_TEST_PG_URL", raising=False)
    monkeypatch.setattr(pg_cluster, "_bin_dir", lambda: None)
    reason = pg_cluster.unavailable_reason()
    assert reason is not None and "apt-get install postgresql" in reason


def test_an_existing_server_needs_no_binaries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YEDA_TEST_PG_URL", "postgresql://yeda@/postgres?host=/nowhere")
    monkeypatch.setattr(pg_cluster, "_bin_dir", lambda: None)
    assert pg_cluster.unavailable_reason() is None

