"""Every edit of a field the centre has received, as the merge weighs it: a last-writer-wins
register keyed by (time of the edit, device, value), read back from the change log."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from yeda_desktop.storage.driver_sql import run_sql
from yeda_desktop.syncflow.records import CHUNK, as_stamp


@dataclass
class Entry:
    """One received edit of one field (from the change log or the package)."""

    field: str
    old: Any
    new: Any
    at: str
    device: str
    officer: str | None
    package: str | None
    op: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.at, self.device, json.dumps(self.new, sort_keys=True, ensure_ascii=False))


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def logged_entries(
    conn: Connection, table: str, ids: Sequence[str], owner: Mapping[str, str]
) -> dict[str, dict[str, list[Entry]]]:
    """The edits the change log holds for the records `ids`, by record and field, in the
    order they were written. `owner` maps every id the log may name them by (each record,
    and its merged-away UUIDs) to the record it counts for. A new record's insert entry
    gives one edit of each field it was made with."""
    out: dict[str, dict[str, list[Entry]]] = {rid: {} for rid in ids}
    keys = sorted(owner)
    for start in range(0, len(keys), CHUNK):
        part = keys[start : start + CHUNK]
        rows = run_sql(conn,
            "SELECT record_id, op, field, old_value, new_value, at, device_id, officer, "
            "package_id FROM change_log WHERE table_name = ? "
            f"AND record_id IN ({', '.join('?' for _ in part)}) ORDER BY seq",
            (table, *part),
        )
        for rec, op, name, old, new, at_value, device, officer, package in rows:
            at = as_stamp(at_value)
            fields = out[owner[rec]]
            if op == "insert" and name is None:
                for fname, value in (_loads(new) or {}).items():
                    fields.setdefault(fname, []).append(
                        Entry(fname, None, value, at, device or "", officer, package, op)
                    )
            elif name is not None and op in ("update", "superseded"):
                fields.setdefault(name, []).append(
                    Entry(name, _loads(old), _loads(new), at, device or "", officer,
                          package, op)
                )
    return out
