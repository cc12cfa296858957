"""Field-level merge of a batch into the centre, independent of the order batches arrive in.

Every field is a last-writer-wins register keyed by (time of the edit, device, value);
the keys live in the change log, where each received edit is written with its original
time, device, officer and package (an edit that lost is written as `superseded`). Two
edits of one field by different devices from the same base value to different values are
a conflict; the conflict row is recomputed from the log, so it too does not depend on
order. Rows colliding on a unique key (the same USCC, the same unit label on a floor)
are linked: the older record survives and the other UUID redirects to it. Reference
fields (a person's organization, a visit's unit) are compared as the records they name
now, so two UUIDs of one linked record are one value, not a conflict.

The registers are read back from the log by `field_entries`, the redirects kept by
`redirects`, and what the merge needs to know of each table comes from `table_facts`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection

from yeda_desktop.ledger.logged_writes import new_ids
from yeda_desktop.models.labels import table_label
from yeda_desktop.storage.driver_sql import (
    has_committed_view,
    insert_many,
    read_beside_queue,
    read_committed,
    run_sql,
)
from yeda_desktop.syncflow import conflicts as conflict_rows
from yeda_desktop.syncflow import fresh_index, incoming_checks, incoming_types, json_codec
from yeda_desktop.syncflow.batch_lines import changes_of, shape_problem
from yeda_desktop.syncflow.field_entries import Entry, logged_entries
from yeda_desktop.syncflow.records import (
    CHUNK,
    converters,
    fetch_rows,
    insert_rows,
    logged_columns,
    logged_value,
    table_by_name,
    writable,
)
from yeda_desktop.syncflow.redirects import Redirects
from yeda_desktop.syncflow.report import ImportReport, Rejected
from yeda_desktop.syncflow.table_facts import (
    depth,
    empty_required,
    fk_columns,
    holders,
    logged_set,
    referencing,
    unique_keys,
)

Line = dict[str, Any]

# Change-log rows held before they are written (each insert's log waits for its chunk).
LOG_FLUSH_ROWS = 5000
# Rows a batch adds to a table before PostgreSQL's statistics of it are refreshed.
RESTAT_FROM = 2000

_dumps = json_codec.dumps_sorted


class Merger:
    """Applies the lines of one verified batch inside the caller's transaction."""

    def __init__(
        self,
        conn: Connection,
        *,
        package_id: str,
        device_id: str,
        now: str,
        report: ImportReport,
        index: fresh_index.FreshIndex | None = None,
    ) -> None:
        self.conn = conn
        self.index = index
        self.package_id = package_id
        self.device_id = device_id
        self.now = now
        self.report = report
        self.redirects = Redirects(conn)
        self.touched_orgs: set[str] = set()
        self.touched: dict[str, set[str]] = {}  # every record id a line named, per table
        # The records whose search documents are refreshed after the merge: all but the
        # new ones `index` was given (unless named again).
        self.reindex: dict[str, set[str]] = {}
        self.rejected: set[str] = set()  # new records refused as invalid, in this batch
        self.linked_tables: set[str] = set()  # tables whose records got a redirect here
        self._log: list[tuple[Any, ...]] = []
        # Deletions of records others may name (a unit, a floor): done after every line,
        # so that the batch's own deletions of those others come first (`_held_deletes`).
        self._held: list[tuple[str, str, str]] = []
        self._grown: dict[str, int] = {}  # rows this batch inserted, per table
        # Unique keys of the records this batch inserted, while the committed view stands:
        # with it they answer `_collisions` without waiting for the queued inserts.
        self._keys_added: dict[tuple[str, tuple[str, ...]], dict[tuple[Any, ...], str]] = {}
        # Records this batch inserted, per table: they cannot be tombstones (parents too).
        self._added: dict[str, set[str]] = {}
        self._next_restat: dict[str, int] = {}

    # -- driving ----------------------------------------------------------------
    def run(self, lines: Iterable[Line], progress: Callable[[int], None] | None = None) -> None:
        chunk: list[Line] = []
        table = ""
        done = 0
        for line in lines:
            name = line.get("t")
            if not isinstance(name, str) or name not in table_by_name():
                self.report.reject(
                    str(line.get("id")), f"未知的数据表 {name}", f"unknown table {name}"
                )
                continue
            if chunk and (name != table or len(chunk) >= CHUNK):
                self._chunk(table, chunk)
                if len(self._log) >= LOG_FLUSH_ROWS:  # memory bounded whatever the batch
                    self._flush_log()
                done += len(chunk)
                if progress:
                    progress(done)
                chunk = []
            table = name
            chunk.append(line)
        if chunk:
            self._chunk(table, chunk)
            done += len(chunk)
            if progress:
                progress(done)
        self._held_deletes()
        self._flush_log()
        self._refresh_reference_conflicts()

    def resolve(self, record_id: str) -> str:
        return self.redirects.resolve(record_id)

    def aliases(self, record_id: str) -> set[str]:
        return self.redirects.aliases(record_id)

    def _named(self, value: Any) -> Any:
        """The record a reference value names now (a merged-away UUID names its survivor)."""
        return self.resolve(value) if isinstance(value, str) else value

    def _as_named(self, entries: list[Entry]) -> list[Entry]:
        return [replace(e, old=self._named(e.old), new=self._named(e.new)) for e in entries]

    # -- one chunk of lines of one table ---------------------------------------
    def _chunk(self, table: str, lines: list[Line]) -> None:
        before = len(self.report.rejected)
        self._merge_chunk(table, lines)
        if len(self.report.rejected) > before:  # rare: named only then
            self._name_rejected(table, lines, self.report.rejected[before:])

    def _name_rejected(self, table: str, lines: list[Line], rejected: list[Rejected]) -> None:
        """Say what each refused record is (单位“烟台坏码科技有限公司”), from its line."""
        names: dict[str, str] = {}
        for line in lines:
            values = line.get("v")
            name = values.get("name") if isinstance(values, dict) else None
            if isinstance(name, str) and name.strip():
                names[str(line.get("id"))] = names[self.resolve(str(line.get("id")))] = name
        for r in rejected:
            name = names.get(r.record)
            r.label = f"{table_label(table)}“{name}”" if name else table_label(table)

    def _merge_chunk(self, table: str, lines: list[Line]) -> None:
        fks = fk_columns(table)
        puts: list[tuple[str, dict[str, Any], Line]] = []
        deletes: list[tuple[str, str]] = []
        touched = self.touched.setdefault(table, set())
        named_before: set[str] = set()  # by an earlier line of this batch
        malformed: list[tuple[str, tuple[str, str]]] = []
        redirected = self.redirects.by_old
        for line in lines:
            rid = self.resolve(str(line.get("id")))
            if (shape := shape_problem(line)) is not None:
                malformed.append((rid, shape))
                continue
            if rid in touched:
                named_before.add(rid)
            touched.add(rid)
            if line.get("op") == "del":
                deletes.append((rid, str(line.get("at") or self.now)))
                continue
            values = dict(line["v"])
            values["id"] = rid
            for col in fks:
                if type(ref := values.get(col)) is str and ref in redirected:
                    values[col] = self.resolve(ref)
            puts.append((rid, values, line))
        ids = [p[0] for p in puts] + [d[0] for d in deletes] + [m[0] for m in malformed]
        # This batch inserted only records its lines named (the others' rows, if any,
        # were there before it): those are read beside the queued inserts, without waiting.
        existing = {row["id"]: row for row in fetch_rows(
            self.conn, table, [i for i in ids if i not in named_before], beside_queue=True)}
        if named_before:
            existing.update((row["id"], row) for row in fetch_rows(
                self.conn, table, sorted(named_before)))
        for rid, (zh, en) in malformed:  # known only now: whether it is a new record
            self._refuse(rid, rid in existing, zh, en)
        # A value its column does not take (a list, a time that is none) goes before any
        # lookup below uses it.
        mistyped = incoming_types.problems(table, [p[1] for p in puts],
                                           lengths=self.conn.dialect.name != "sqlite")
        for position, (zh, en) in mistyped.items():
            rid = puts[position][0]
            self._refuse(rid, rid in existing, f"数据无效，{zh}", f"invalid data, {en}")
        if mistyped:
            puts = [p for position, p in enumerate(puts) if position not in mistyped]
        # Duplicate candidates to re-check: organizations that went, or moved between units
        # (new ones and renames are noted where they are written).
        if table in ("organizations", "occupancies"):
            for rid, _at in deletes:
                self._touch(table, existing.get(rid) or {"id": rid})
        if table == "occupancies":
            for rid, values, _line in puts:
                if rid in existing:
                    self._touch(table, values)
                    self._touch(table, existing[rid])
        tombs = self._tombstones(table, [i for i in ids if i not in existing])
        parent_tombs = self._parent_tombstones(table, [p[1] for p in puts if p[0] not in existing])
        fresh: list[tuple[str, dict[str, Any], Line]] = []
        updates: list[tuple[str, dict[str, Any], Line]] = []
        checks = incoming_checks.validators(table)
        for rid, values, line in puts:
            fields = changes_of(line).keys() if rid in existing else None  # None: all
            bad = incoming_checks.problem(table, values, fields) if checks else None
            empty = empty_required(table, values, fields)
            if bad is not None:
                self._refuse(rid, rid in existing, f"数据无效，{bad.zh}",
                             f"invalid data, {bad.en}")
            elif empty is not None:
                self._refuse(rid, rid in existing, f"缺少必填字段 {empty}",
                             f"the required field {empty} is missing")
            elif any(values.get(c) in self.rejected for c in fks):
                self._refuse(rid, rid in existing, "所属的记录因数据无效被拒收",
                             "the record it belongs to was rejected as invalid")
            elif rid in existing:
                updates.append((rid, values, line))
            elif rid in tombs:
                self.report.reject(
                    rid, "该记录已在中心删除", "the record was deleted at the centre"
                )
            elif any(values.get(c) in parent_tombs for c in fks):
                self.report.reject(
                    rid, "所属的记录已在中心删除", "the record it belongs to was deleted"
                )
            else:
                fresh.append((rid, values, line))
        collisions = self._collisions(table, [f[1] for f in fresh])
        inserts = [f for f in fresh if f[0] not in collisions]
        self._insert(table, inserts)
        self._update_many(table, updates, existing)
        for rid, values, line in fresh:
            if rid in collisions:
                self._link(table, values, line, collisions[rid])
        added = {rid for rid, _, _ in inserts}
        for rid, at in deletes:
            self._delete(table, rid, at, rid in existing or rid in added)
        # A record `index` got as new is left out unless deleted right after (a later
        # line naming it finds it existing: not new then).
        reindex = self.reindex.setdefault(table, set())
        if self.index is not None and fresh_index.covers(table):
            reindex.update((rid for rid, _ in deletes), (rid for rid in ids if rid not in added))
        else:
            reindex.update(ids)

    def _refuse(self, rid: str, exists: bool, zh: str, en: str) -> None:
        """Reject one record; a new one is remembered so that its children are rejected too
        (they would break a foreign key and with it the whole batch)."""
        self.report.reject(rid, zh, en)
        if not exists:
            self.rejected.add(rid)

    def _tombstones(self, table: str, ids: list[str]) -> set[str]:
        """The ids the log shows deleted at the centre.

        Read beside this batch's queued log rows (write_behind): the only deletion among
        them is one `_delete` queued, and its DELETE right after waits for the queue and
        ends the committed view (tests/syncflow/test_tombstones.py, write-behind cases).
        """
        found: set[str] = set()
        for start in range(0, len(ids), CHUNK):
            part = ids[start : start + CHUNK]
            rows = read_beside_queue(self.conn,
                "SELECT record_id FROM change_log WHERE table_name = ? AND op = 'delete' "
                f"AND record_id IN ({', '.join('?' for _ in part)})",
                (table, *part),
            )
            found.update(r[0] for r in rows)
        return found

    def _parent_tombstones(self, table: str, rows: list[dict[str, Any]]) -> set[str]:
        found: set[str] = set()
        for col, target in fk_columns(table).items():
            added = self._added.get(target, set())
            values = sorted({str(v) for r in rows if (v := r.get(col)) and v not in added})
            found |= self._tombstones(target, values)
        return found

    def _collisions(self, table: str, rows: list[dict[str, Any]]) -> dict[str, str]:
        """New rows whose unique key is already taken by another record: new id → that id.

        While the committed view stands, this batch has changed the table only by its
        inserts: the keys taken are the committed ones and those of its inserts (kept
        here), read without waiting for the queue. After, the table itself answers.
        """
        hits: dict[str, str] = {}
        for key in unique_keys(table):
            wanted = {
                tuple(r.get(c) for c in key): str(r["id"])
                for r in rows
                if all(r.get(c) is not None for c in key)
            }
            for row in self._holders(table, key, wanted):
                new_id = wanted.get(tuple(row[1:]))
                if new_id is not None and new_id != row[0]:
                    hits.setdefault(new_id, str(row[0]))
        return hits

    def _holders(
        self, table: str, key: tuple[str, ...], wanted: dict[tuple[Any, ...], str]
    ) -> list[Any]:
        """(id, *key) of the records holding, now, a key whose first value is wanted's."""
        firsts = sorted({str(k[0]) for k in wanted})
        parts = [firsts[start : start + CHUNK] for start in range(0, len(firsts), CHUNK)]
        sqls = [f"SELECT id, {', '.join(key)} FROM {table} "
                f"WHERE {key[0]} IN ({', '.join('?' for _ in part)})" for part in parts]
        found: list[Any] = []
        for sql, part in zip(sqls, parts, strict=True):
            committed = read_committed(self.conn, sql, part)
            if committed is None:  # no view (any more): the table itself answers
                return [row for sql, part in zip(sqls, parts, strict=True)
                        for row in run_sql(self.conn, sql, tuple(part))]
            found += committed
        added = self._keys_added.get((table, key), {})
        return found + [(added[k], *k) for k in wanted if k in added]

    def _note_keys(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Remember the unique keys of inserted rows, while `_collisions` can use them."""
        if not has_committed_view(self.conn):
            self._keys_added.clear()  # the view has ended: the table answers from now on
            return
        for key in unique_keys(table):
            added = self._keys_added.setdefault((table, key), {})
            for r in rows:
                values = tuple(r.get(c) for c in key)
                if all(v is not None for v in values):
                    added[values] = str(r["id"])

    # -- inserts ----------------------------------------------------------------
    def _insert(self, table: str, items: list[tuple[str, dict[str, Any], Line]]) -> None:
        if not items:
            return
        insert_rows(self.conn, table, (values for _, values, _ in items))
        self._note_keys(table, [values for _, values, _ in items])
        if self.index is not None and fresh_index.covers(table):
            self.index.add(table, (values for _, values, _ in items))
        self._restat(table, len(items))
        if referencing(table):  # only a parent's ids are looked up again
            self._added.setdefault(table, set()).update(rid for rid, _, _ in items)
        known = logged_set(table)
        convert = converters(table)
        log = self._log.append
        for rid, values, line in items:
            at = str(line.get("n") or values.get("created_at") or self.now)
            fields = {c: v for c, v in values.items() if v is not None and c in known}
            for c in convert.keys() & fields.keys():
                fields[c] = convert[c](fields[c])
            by = line.get("by")
            log((table, rid, "insert", None, None, _dumps(fields), 0, at, by))
            # Only `c`: the fields in `cn` were set at `at` from nothing, which the insert
            # entry says already (batch_lines).
            for name, (change_at, old) in (line.get("c") or {}).items():
                if (change_at != at or old is not None) and name in known:
                    log((table, rid, "update", name,
                         None if old is None else _dumps(old),
                         _dumps(fields.get(name)), 0, change_at, by))
            self._touch(table, values)
        self.report.new += len(items)

    def _touch(self, table: str, values: dict[str, Any]) -> None:
        if table == "organizations":
            self.touched_orgs.add(str(values["id"]))
        elif table == "occupancies" and values.get("organization_id"):
            self.touched_orgs.add(str(values["organization_id"]))

    # -- updates ----------------------------------------------------------------
    def _entries(self, table: str, ids: list[str]) -> dict[str, dict[str, list[Entry]]]:
        """Every edit the log holds for these records (and their merged-away aliases)."""
        self._flush_log()
        owner = {alias: rid for rid in ids for alias in self.aliases(rid)}
        return logged_entries(self.conn, table, ids, owner)

    def _update_many(
        self,
        table: str,
        items: list[tuple[str, dict[str, Any], Line]],
        existing: dict[str, dict[str, Any]],
    ) -> None:
        if not items:
            return
        entries = self._entries(table, [rid for rid, _, _ in items])
        for rid, values, line in items:
            changes = self._changes(table, values, line, everything=False)
            if self._apply(table, existing[rid], changes, line, entries[rid]):
                self.report.updated += 1
            else:
                self.report.unchanged += 1

    def _changes(
        self, table: str, values: dict[str, Any], line: Line, *, everything: bool
    ) -> list[tuple[str, str, Any, Any]]:
        """(field, at, old, stored new) of the edits a line carries."""
        listed = changes_of(line)
        out = [
            (name, str(at), old, values.get(name))
            for name, (at, old) in listed.items()
            if name in logged_columns(table)
        ]
        if everything:
            at = str(line.get("n") or values.get("created_at") or self.now)
            out += [
                (name, at, None, values[name])
                for name in logged_columns(table)
                if name not in listed and values.get(name) is not None
            ]
        return out

    def _apply(
        self,
        table: str,
        row: dict[str, Any],
        changes: list[tuple[str, str, Any, Any]],
        line: Line,
        fields: dict[str, list[Entry]],
        *,
        refresh_all: bool = False,
    ) -> bool:
        """Apply the edits that win; True when the row's values changed."""
        rid = str(row["id"])
        by = line.get("by")
        changed: dict[str, Any] = {}
        touched: set[str] = set()
        for name, at, old, stored in changes:
            new = logged_value(table, name, stored)
            incoming = Entry(name, old, new, at, self.device_id, by, self.package_id, "update")
            known = fields.setdefault(name, [])
            if any(e.at == at and e.device == self.device_id and e.new == new for e in known):
                continue  # this very edit arrived before (a re-export)
            current = max((e.key for e in known), default=None)
            if current is None or incoming.key > current:
                if row.get(name) != stored:
                    changed[name] = stored
                    row[name] = stored
            else:
                incoming.op = "superseded"
            known.append(incoming)
            touched.add(name)
            self._log.append(
                (table, rid, incoming.op, name,
                 None if old is None else json.dumps(old, ensure_ascii=False),
                 None if new is None else json.dumps(new, ensure_ascii=False),
                 int(row.get("revision") or 0), at, by)
            )
        if changed:
            sets = ", ".join(f"{c} = ?" for c in changed)
            run_sql(self.conn,
                f"UPDATE {table} SET {sets}, revision = revision + 1, updated_at = ? "
                "WHERE id = ?",
                (*writable(table, list(changed), list(changed.values())), self.now, rid),
            )
            if table == "organizations" and {"name", "contact_phone"} & set(changed):
                self.touched_orgs.add(rid)
        references = fk_columns(table)
        for name in sorted(set(fields) if refresh_all else touched):
            known = fields[name]
            current_value = logged_value(table, name, row.get(name))
            if name in references:
                known, current_value = self._as_named(known), self._named(current_value)
            if conflict_rows.refresh(self.conn, table, rid, name, known, current_value):
                self.report.conflicts += 1
        return bool(changed)

    def _refresh_reference_conflicts(self) -> None:
        """Re-read the open conflicts of reference fields that point into a table whose
        records were linked in this batch: two sides that now name one record are no
        longer a conflict (the row goes: nobody decided it), the others show survivors."""
        for target in sorted(self.linked_tables):
            for child, col in referencing(target):
                ids = sorted(str(r[0]) for r in run_sql(self.conn,
                    "SELECT record_id FROM sync_conflicts WHERE table_name = ? AND field = ? "
                    "AND status = 'open'", (child, col)))
                if not ids:
                    continue
                entries = self._entries(child, ids)
                rows = {str(r["id"]): r for r in fetch_rows(self.conn, child, ids)}
                for rid in ids:
                    row = rows.get(rid)
                    known = self._as_named(entries[rid].get(col, []))
                    if row is None or not conflict_rows.competing(known):
                        run_sql(self.conn,
                            "DELETE FROM sync_conflicts WHERE table_name = ? AND record_id = ? "
                            "AND field = ? AND status = 'open'", (child, rid, col))
                        continue
                    current = self._named(logged_value(child, col, row.get(col)))
                    conflict_rows.refresh(self.conn, child, rid, col, known, current)

    # -- links of rows colliding on a unique key ----------------------------------
    def _link(self, table: str, values: dict[str, Any], line: Line, other: str) -> None:
        self.reindex.setdefault(table, set()).add(other)  # perhaps new, now renamed or linked
        other_row = next(fetch_rows(self.conn, table, [other]))
        rid = str(values["id"])
        mine = (str(values.get("created_at") or ""), rid)
        theirs = (str(other_row.get("created_at") or ""), other)
        if theirs <= mine:
            survivor, loser = other, rid
        else:
            survivor, loser = rid, other
            self._rename(table, other, rid, values.get("created_at"))
        self._redirect(table, loser, survivor)
        row = next(fetch_rows(self.conn, table, [survivor]))
        entries = self._entries(table, [survivor])[survivor]
        changes = self._changes(table, values, line, everything=True)
        self._apply(table, row, changes, line, entries, refresh_all=True)
        self.report.linked += 1
        self._touch(table, row)
        a, b = sorted((rid, other))
        run_sql(self.conn,
            "INSERT INTO sync_duplicates (id, table_name, record_a, record_b, reason, detail, "
            "status, survivor_id, created_at) VALUES (?, ?, ?, ?, 'unique', ?, 'linked', ?, ?) "
            "ON CONFLICT (table_name, record_a, record_b) DO UPDATE SET "
            "status = 'linked', survivor_id = excluded.survivor_id",
            (str(uuid.uuid5(uuid.NAMESPACE_URL, f"{table}/{a}/{b}")), table, a, b,
             ", ".join("/".join(k) for k in unique_keys(table)), survivor, self.now),
        )

    def _rename(self, table: str, old: str, new: str, created_at: Any) -> None:
        """Give an existing row the surviving UUID (children follow; FKs are deferred)."""
        self.touched.setdefault(table, set()).update((old, new))
        run_sql(self.conn,
            f"UPDATE {table} SET id = ?, created_at = ? WHERE id = ?", (new, created_at, old)
        )
        for child, col in referencing(table):
            run_sql(self.conn, f"UPDATE {child} SET {col} = ? WHERE {col} = ?", (new, old))
        run_sql(self.conn,
            "UPDATE sync_conflicts SET record_id = ? WHERE table_name = ? AND record_id = ?",
            (new, table, old),
        )
        if table == "organizations":  # undecided pairs of the old id are found afresh
            run_sql(self.conn,
                "DELETE FROM sync_duplicates WHERE status = 'open' AND table_name = ? "
                "AND (record_a = ? OR record_b = ?)", (table, old, old))
            self.touched_orgs.add(new)

    def _redirect(self, table: str, old: str, new: str) -> None:
        self.linked_tables.add(table)
        self.redirects.add(table, old, new, self.now)

    # -- deletes ----------------------------------------------------------------
    def _delete(self, table: str, rid: str, at: str, exists: bool) -> None:
        if not exists:
            self.report.unchanged += 1
            return
        if holders(table):
            self._held.append((table, rid, at))
            return
        self._drop(table, rid, at)

    def _held_deletes(self) -> None:
        """A record the centre still has others naming (another laptop's visit to a unit
        this laptop removed) is kept and its deletion refused, saying why; without this
        the commit's foreign-key check refused the whole batch. Children before parents."""
        for table, rid, at in sorted(self._held, key=lambda h: -depth(h[0])):
            named_by = next((child for child, column in holders(table) if run_sql(
                self.conn, f"SELECT 1 FROM {child} WHERE {column} = ? LIMIT 1", (rid,)
            ).first() is not None), None)
            if named_by is None:
                self._drop(table, rid, at)
            else:
                self.report.reject(
                    rid, f"未删除：该{table_label(table)}在中心仍有{table_label(named_by)}",
                    f"kept: the centre still has {named_by} of this record")
                self.report.rejected[-1].label = self._called(table, rid)
        self._held.clear()

    def _called(self, table: str, rid: str) -> str:
        """房间“3A01”: what a kept record is called at the centre."""
        columns = table_by_name()[table].c
        column = "name" if "name" in columns else "label" if "label" in columns else None
        found = run_sql(self.conn, f"SELECT {column} FROM {table} WHERE id = ?",
                        (rid,)).first() if column else None
        return f"{table_label(table)}“{found[0]}”" if found else table_label(table)

    def _drop(self, table: str, rid: str, at: str) -> None:
        self._log.append((table, rid, "delete", None, None, None, 0, at, None))
        self._flush_log()
        run_sql(self.conn, f"DELETE FROM {table} WHERE id = ?", (rid,))
        self._added.get(table, set()).discard(rid)  # a tombstone now, for its children too
        self.report.deleted += 1

    def _restat(self, table: str, added: int) -> None:
        """PostgreSQL: re-sample a table each time this batch has doubled what it added.

        The planner otherwise keeps the statistics (and psycopg's prepared statements
        the plans) of the table as it was before the batch, and a lookup by id that
        was a cheap scan of an empty table becomes a scan of hundreds of thousands of
        rows per chunk: a 500,000-organization import did not end in 26 minutes.
        """
        if self.conn.dialect.name != "postgresql":
            return
        grown = self._grown[table] = self._grown.get(table, 0) + added
        if grown >= self._next_restat.get(table, RESTAT_FROM):
            self._flush_log()
            self.conn.exec_driver_sql(f"ANALYZE {table}, change_log")
            self._next_restat[table] = grown * 2

    # -- the change log ---------------------------------------------------------
    def _flush_log(self) -> None:
        if not self._log:
            return
        tail = (self.device_id, self.package_id)
        insert_many(self.conn,
            "INSERT INTO change_log (change_id, table_name, record_id, op, field, old_value, "
            "new_value, base_revision, at, officer, device_id, package_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(cid, *row, *tail) for cid, row in zip(new_ids(len(self._log)), self._log,
                                                   strict=True)],
        )
        self._log.clear()
