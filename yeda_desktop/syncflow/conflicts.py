"""The conflict list: concurrent edits of one field, recomputed from the log, resolved by hand."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import Base
from yeda_desktop.models import labels as field_names
from yeda_desktop.models.base import utcnow
from yeda_desktop.models.org_class import settle
from yeda_desktop.models.sync import SyncConflict
from yeda_desktop.storage.driver_sql import run_sql
from yeda_desktop.syncflow.installation import load_installation, one_match
from yeda_desktop.syncflow.merge_lock import hold_merge_lock
from yeda_desktop.syncflow.packages import batch_numbers
from yeda_desktop.syncflow.records import (
    fetch_rows,
    logged_value,
    stamp,
    stored_value,
    writable,
)
from yeda_desktop.syncflow.table_facts import fk_columns
from yeda_desktop.syncflow.value_words import value_words

if TYPE_CHECKING:
    from yeda_desktop.syncflow.field_entries import Entry


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def competing(entries: Sequence[Entry]) -> list[Entry]:
    """Edits that have a rival: another device, the same base value, a different result."""
    return [
        e
        for e in entries
        if e.op != "delete"
        and any(o.device != e.device and o.old == e.old and o.new != e.new for o in entries)
    ]


def refresh(
    conn: Connection,
    table: str,
    record_id: str,
    field: str,
    entries: Sequence[Entry],
    current: Any,
) -> bool:
    """Create or update the conflict row of one field; True when it is new or reopened."""
    rivals = competing(entries)
    if not rivals:
        return False
    devices = sorted({e.device for e in rivals})
    sides = []
    for device in devices:
        latest = max((e for e in entries if e.device == device), key=lambda e: e.key)
        sides.append(
            {"device": device, "value": latest.new, "at": latest.at,
             "officer": latest.officer, "package": latest.package}
        )
    base = min(rivals, key=lambda e: e.key).old
    signature = hashlib.sha256(_dump(sides).encode()).hexdigest()
    row = run_sql(conn,
        "SELECT id, signature, status FROM sync_conflicts "
        "WHERE table_name = ? AND record_id = ? AND field = ?",
        (table, record_id, field),
    ).first()
    if row is None:
        run_sql(conn,
            "INSERT INTO sync_conflicts (id, table_name, record_id, field, base_value, "
            "applied_value, sides, signature, status, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
            (str(uuid.uuid5(uuid.NAMESPACE_URL, f"{table}/{record_id}/{field}")), table,
             record_id, field, _dump(base), _dump(current), _dump(sides), signature,
             stamp(utcnow())),
        )
        return True
    if row[1] == signature:
        run_sql(conn,
            "UPDATE sync_conflicts SET applied_value = ? WHERE id = ?", (_dump(current), row[0])
        )
        return False
    run_sql(conn,
        "UPDATE sync_conflicts SET base_value = ?, applied_value = ?, sides = ?, signature = ?, "
        "status = 'open', resolved_value = NULL, resolved_by = NULL, resolved_at = NULL "
        "WHERE id = ?",
        (_dump(base), _dump(current), _dump(sides), signature, row[0]),
    )
    return True


@dataclass(frozen=True)
class ConflictView:
    """One conflict as the merge view shows it."""

    id: str
    table_name: str
    record_id: str
    field: str
    base: Any
    applied: Any
    sides: list[dict[str, Any]]
    status: str
    resolved_value: Any
    resolved_by: str | None
    record_label: str = ""
    # For a reference field, what each value names (id → "name (id…)"), so the
    # administrator chooses between organizations, not between UUIDs.
    value_labels: dict[str, str] = dataclass_field(default_factory=dict)
    device_labels: dict[str, str] = dataclass_field(default_factory=dict)  # id → "name (id…)"
    resolved_at: datetime | None = None
    batches: dict[str, int] = dataclass_field(default_factory=dict)  # package id → batch no.

    @property
    def field_label(self) -> str:
        """The field as the administrator reads it: "人员 · 所在单位"."""
        return field_names.field_label(self.table_name, self.field)

    @property
    def field_key_label(self) -> str:
        """For the CLI: "人员 · 所在单位 (people.organization_id)"."""
        return field_names.field_label_with_key(self.table_name, self.field)

    def shown(self, value: Any) -> str:
        """A value as the merge view and the CLI print it: a record by its name, the rest
        in words (`value_words`)."""
        if isinstance(value, str) and value in self.value_labels:
            return self.value_labels[value]
        return value_words(self.table_name, self.field, value)


# The column people know a record by, per table (the rest are shown by id).
_NAMED_BY = ("name", "label", "title")


def record_label(conn: Connection, table: str, record_id: str) -> str:
    """A record's name or label and the start of its id; the id alone if it has none."""
    return record_labels(conn, [(table, record_id)])[(table, record_id)]


def record_labels(
    conn: Connection, wanted: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], str]:
    """(table, id) → `record_label`, read a few hundred records per query: a queue of
    thousands of conflicts or candidates read them one by one, 0.3 s at 2,000."""
    by_table: dict[str, set[str]] = {}
    for table, record_id in wanted:
        by_table.setdefault(table, set()).add(record_id)
    labels: dict[tuple[str, str], str] = {}
    for table, ids in by_table.items():
        tables = Base.metadata.tables  # devices too, which do not travel
        columns: set[str] = set(tables[table].columns.keys()) if table in tables else set()
        named = next((c for c in _NAMED_BY if c in columns), None)
        names: dict[str, Any] = {}
        ordered = sorted(ids)
        for start in range(0, len(ordered) if named else 0, _LABELS_PER_QUERY):
            part = ordered[start : start + _LABELS_PER_QUERY]
            names.update((record_id, name) for record_id, name in run_sql(
                conn, f"SELECT id, {named} FROM {table} "
                f"WHERE id IN ({', '.join('?' for _ in part)})", tuple(part)))
        for record_id in ids:
            name = names.get(record_id)
            labels[(table, record_id)] = f"{name} ({record_id[:8]})" if name else record_id[:8]
    return labels


_LABELS_PER_QUERY = 500


def device_names(session: Session) -> dict[str, str]:
    """This installation's own id → its name, so the centre's edits name the centre."""
    inst = load_installation(session)
    return {inst.device_id: inst.name} if inst is not None and inst.name else {}


def device_label(conn: Connection, device_id: str, own: dict[str, str]) -> str:
    if device_id in own:
        return f"{own[device_id]} ({device_id[:8]})"
    return record_label(conn, "devices", device_id)


def _named_records(row: SyncConflict) -> Iterator[tuple[str, str]]:
    """The records a conflict's view names: its own, the ones its values refer to, and
    the devices of its sides (as `record_labels` keys)."""
    yield row.table_name, row.record_id
    base = json.loads(row.base_value) if row.base_value else None
    sides = list(json.loads(row.sides))
    target = fk_columns(row.table_name).get(row.field)
    if target is not None:
        for value in [base, *(s["value"] for s in sides)]:
            if isinstance(value, str):
                yield target, value
    for side in sides:
        yield "devices", str(side["device"])


def _view(row: SyncConflict, own: dict[str, str], labels: dict[tuple[str, str], str],
          batches: dict[str, int]) -> ConflictView:
    base = json.loads(row.base_value) if row.base_value else None
    sides = list(json.loads(row.sides))
    values: dict[str, str] = {}
    target = fk_columns(row.table_name).get(row.field)
    if target is not None:
        for value in [base, *(s["value"] for s in sides)]:
            if isinstance(value, str):
                values[value] = labels[(target, value)]
    devices = {str(s["device"]) for s in sides}
    return ConflictView(
        row.id, row.table_name, row.record_id, row.field, base,
        json.loads(row.applied_value) if row.applied_value else None,
        sides, row.status,
        json.loads(row.resolved_value) if row.resolved_value else None, row.resolved_by,
        labels[(row.table_name, row.record_id)], values,
        {d: f"{own[d]} ({d[:8]})" if d in own else labels[("devices", d)] for d in devices},
        row.resolved_at,
        {s["package"]: batches[s["package"]] for s in sides if s.get("package") in batches},
    )


def list_conflicts(session: Session, status: str | None = "open") -> list[ConflictView]:
    query = select(SyncConflict).order_by(
        SyncConflict.table_name, SyncConflict.record_id, SyncConflict.field
    )
    if status:
        query = query.where(SyncConflict.status == status)
    rows = list(session.scalars(query))
    labels = record_labels(session.connection(),
                           (named for row in rows for named in _named_records(row)))
    own = device_names(session)
    batches = batch_numbers(session, (side.get("package") for r in rows
                                      for side in json.loads(r.sides)))
    return [_view(r, own, labels, batches) for r in rows]


def find_conflict(session: Session, prefix: str) -> SyncConflict:
    """A conflict by its id or a unique start of it."""
    ids = list(session.scalars(select(SyncConflict.id).where(SyncConflict.id.startswith(prefix))))
    row = session.get(SyncConflict, one_match(prefix, ids, "冲突", "conflict"))
    assert row is not None
    return row


def chosen_value(
    session: Session, conflict_id: str, *, side: str | None = None, base: bool = False
) -> Any:
    """The value an administrator picks: the base, or one side named by its device id (a
    unique start of it). Exactly one of the two; either alone is a whole decision."""
    if base and side:
        raise YedaError("--side 与 --base 只能选一个：保留原值，或采用某一方的值",
                        "--side and --base contradict each other: keep the base or take a side")
    row = find_conflict(session, conflict_id)
    if base:
        return json.loads(row.base_value) if row.base_value else None
    if not side:
        raise YedaError("请用 --side 设备编号 或 --base 选择保留的值",
                        "choose the value to keep with --side DEVICE or --base")
    sides = {str(s["device"]): s["value"] for s in json.loads(row.sides)}
    return sides[one_match(side, [d for d in sides if d.startswith(side)],
                           "冲突一方的设备", "side's device")]


def _companions(table: str, field: str, value: Any, current: dict[str, Any]) -> dict[str, Any]:
    """Fields that follow the chosen one: an ownership brings its kind (the two devices may
    have changed the one and the other, and the merge took each field apart)."""
    if table != "organizations" or field not in ("kind", "ownership"):
        return {}
    kind, ownership = settle(value if field == "kind" else None,
                             value if field == "ownership" else None,
                             (current["kind"], current["ownership"]))
    return {"ownership": ownership.value} if field == "kind" else {"kind": kind.value}


def resolve(
    session: Session,
    conflict_id: str,
    value: Any,
    *,
    officer: str | None,
    device_id: str,
) -> ConflictView:
    """Settle one field: write the chosen value (base or one side) as the centre's edit."""
    hold_merge_lock(session.connection())
    row = find_conflict(session, conflict_id)
    if row.status == "resolved":
        when = stamp(row.resolved_at)[:19] if row.resolved_at else "?"
        who = row.resolved_by or "-"
        raise YedaError(f"该冲突已解决（{who}，{when}），不再修改",
                        f"this conflict is already resolved (by {who}, at {when}); nothing changed")
    allowed = [json.loads(row.base_value) if row.base_value else None]
    allowed += [side["value"] for side in json.loads(row.sides)]
    if value not in allowed:
        raise YedaError(
            "只能选择原值或某一方的值", "choose the base value or one of the sides' values"
        )
    conn = session.connection()
    current = next(fetch_rows(conn, row.table_name, [row.record_id]), None)
    if current is None:
        raise YedaError("该记录已不存在", "the record no longer exists")
    now = stamp(utcnow())
    revision = int(current.get("revision") or 0)
    values = {row.field: value, **_companions(row.table_name, row.field, value, current)}
    for name, new in values.items():
        old = logged_value(row.table_name, name, current.get(name))
        if old != new:
            run_sql(conn,
                f"UPDATE {row.table_name} SET {name} = ?, revision = revision + 1, "
                "updated_at = ? WHERE id = ?",
                (*writable(row.table_name, [name], [stored_value(row.table_name, name, new)]),
                 now, row.record_id),
            )
        elif name != row.field:
            continue  # a companion that already fits: nothing to write or log
        run_sql(conn,
            "INSERT INTO change_log (change_id, table_name, record_id, op, field, old_value, "
            "new_value, base_revision, at, officer, device_id, package_id) "
            "VALUES (?, ?, ?, 'update', ?, ?, ?, ?, ?, ?, ?, NULL)",
            (str(uuid.uuid4()), row.table_name, row.record_id, name,
             None if old is None else _dump(old), None if new is None else _dump(new),
             revision, now, officer, device_id),
        )
        revision += old != new
    row.status = "resolved"
    row.resolved_value = _dump(value)
    row.applied_value = _dump(value)
    row.resolved_by = officer
    row.resolved_at = utcnow()
    return _view(row, device_names(session), record_labels(conn, _named_records(row)),
                 batch_numbers(session, (s.get("package") for s in json.loads(row.sides))))
