"""A baseline never marks an edit as exported that no batch carried."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flow_helpers import build_sites, first_team

from yeda_desktop.models import Instructor
from yeda_desktop.syncflow import baseline


def test_an_edit_committed_while_a_baseline_is_verified_still_travels(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The unsent-edits check ran on its own connection before the baseline's transaction, which
    then moved the bookmark to the last change-log seq: an edit committed in between (another
    window or thread, while the package was verified) was counted as exported and never sent."""
    centre, (laptop,), stick = build_sites(tmp_path, 1, orgs=20)
    centre.cli("baseline", str(stick / "base-2.yeda"), "--team", first_team(centre),
               "--device", laptop.device_id())
    real = baseline.read_package

    def edit_then_read(*args: Any, **kw: Any) -> Any:
        db = laptop.open()
        try:
            with db.session(officer="队员") as s:
                s.add(Instructor(name="赵指导", phone="13800000009"))
        finally:
            db.close()
        return real(*args, **kw)

    monkeypatch.setattr(baseline, "read_package", edit_then_read)
    out = laptop.cli("import", str(stick / "base-2.yeda"), expect=2)
    assert "edits not exported yet" in out
    monkeypatch.setattr(baseline, "read_package", real)
    out = laptop.cli("export", str(stick / "l-1.yeda"), officer="队员")
    assert "instructors" in out, out
    assert "baseline imported" in laptop.cli("import", str(stick / "base-2.yeda"))
