"""One batch merged in one transaction, in each way the importer may look things up."""

from __future__ import annotations

import uuid
from typing import Any

from yeda_desktop.storage import Database
from yeda_desktop.storage.driver_sql import write_behind
from yeda_desktop.syncflow.merge import Merger
from yeda_desktop.syncflow.records import defer_foreign_keys
from yeda_desktop.syncflow.report import ImportReport

# plain: every statement on the importing connection; write-behind: inserts written by a
# second thread (as an import does), so the batch's own rows may not be written yet when
# the merge looks; committed-view: lookups read the committed state until the batch's
# first write other than an insert.
MODES = ["plain", "write-behind", "committed-view"]


def merge(db: Database, lines: list[dict[str, Any]], *, mode: str, now: str) -> ImportReport:
    report = ImportReport(status="imported")
    with db.engine.begin() as conn:
        defer_foreign_keys(conn)  # as an import: the write lock, taken before the view
        merger = Merger(conn, package_id=str(uuid.uuid4()), device_id="laptop-a", now=now,
                        report=report)
        if mode == "plain":
            merger.run(lines)
        else:
            with write_behind(conn, committed_view=mode == "committed-view"):
                merger.run(lines)
    return report
