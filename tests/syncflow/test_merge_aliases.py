"""The merge finds a record's merged-away UUIDs through a reverse map kept with the
redirects; it must name exactly the UUIDs that resolve to the record."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yeda_desktop.storage import open_database
from yeda_desktop.syncflow.merge import Merger
from yeda_desktop.syncflow.report import ImportReport

IDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(8)]


@settings(max_examples=60, deadline=None)
@given(links=st.lists(st.tuples(st.sampled_from(IDS), st.sampled_from(IDS)), max_size=12))
def test_aliases_are_the_ids_that_resolve_to_the_record(
    tmp_path_factory: pytest.TempPathFactory, links: list[tuple[str, str]]
) -> None:
    folder = tmp_path_factory.mktemp("aliases")
    db = open_database(folder / "centre.sqlite")
    with db.engine.begin() as conn:
        merger = Merger(conn, package_id="p", device_id="d", now="2026-11-28T10:00:00",
                        report=ImportReport())
        for loser, survivor in links:
            loser, survivor = merger.resolve(loser), merger.resolve(survivor)
            if loser != survivor:  # as the merge links: two live records, one survives
                merger._redirect("organizations", loser, survivor)
        again = Merger(conn, package_id="p", device_id="d", now="2026-11-28T10:00:00",
                       report=ImportReport())  # the same map read back from the table
        for m in (merger, again):
            for record in IDS:
                expected = {record} | {o for o in m.redirects if m.resolve(o) == record}
                assert m.aliases(record) == expected
                assert m.resolve(record) == merger.resolve(record)
    db.close()
