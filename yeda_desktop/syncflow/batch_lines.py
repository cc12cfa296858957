"""How a batch line carries one record: its stored values and the edits behind them.

A line of a batch (formats 2 and 3) is `{"t", "id", "op": "put", "v", "c", "cn", "at", "by", "n"}`:
- `v`, the record's stored values, without its id (the line's) and without empty ones;
- `c`, field → [time of its last edit, the value before the first edit since the last
  batch], for the fields whose edits the centre must weigh;
- `cn`, the fields set when the record was made (`n`, its creation time) and not edited
  since: each stands for `[n, null]` in `c`. Format 3 writes `"cn": "*"` when that is
  every logged field `v` holds (a record made since the last batch and not edited: most
  of a day's batch), instead of naming them again on every line.

Most records of a day's batch are new, and spelling out `[n, null]` for each of their
fields made `c` as large as `v`: the payload was almost twice the size, and the centre's
import spent a sixth of its time parsing it. Naming those fields in `cn` still cost a
quarter of what was left of the parsing (a 10,000-organization batch: 0.05 s of its
1.5 s import). Format 1 lines (every entry in `c`, empty values in `v`) and format 2
lines (`cn` always a list) are read as they always were.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache, lru_cache
from typing import Any

from yeda_desktop.syncflow.records import logged_columns

Line = dict[str, Any]
# `cn` standing for every logged field `v` holds (format 3).
EVERY_FIELD = "*"


@cache
def _logged(table: str) -> frozenset[str]:
    return frozenset(logged_columns(table))


def put_line(
    table: str, row: dict[str, Any], fields: dict[str, list[Any]], *,
    last_at: str, officer: str | None, inserted_at: str | None,
) -> Line:
    """The line of a record present on this laptop (`fields` as the log folds them)."""
    line: Line = {"t": table, "id": row["id"], "op": "put",
                  "v": {k: v for k, v in row.items() if v is not None and k != "id"},
                  "at": last_at}
    if officer is not None:
        line["by"] = officer
    edits = fields
    if inserted_at:
        line["n"] = inserted_at
        made = [inserted_at, None]
        untouched = [name for name, edit in fields.items() if edit == made]
        if untouched:
            logged = _logged(table)
            every = {name for name in line["v"] if name in logged}
            line["cn"] = EVERY_FIELD if set(untouched) == every else untouched
            edits = {name: edit for name, edit in fields.items() if edit != made}
    if edits:
        line["c"] = edits
    return line


def changes_of(line: Line) -> dict[str, Any]:
    """Field → [at, old] for every edit the line carries, `cn`'s spelled out.

    Without a creation time `cn` cannot stand for anything; a package that has one
    anyway (only a hand-made one could) is read as if it had none.
    """
    listed = line.get("c") or {}
    made, untouched = line.get("n"), line.get("cn")
    if untouched == EVERY_FIELD:
        untouched = _every_field(line)
    if not untouched or not isinstance(made, str) or not isinstance(untouched, list):
        return listed if isinstance(listed, dict) else {}
    out = {name: [made, None] for name in untouched if isinstance(name, str)}
    if isinstance(listed, dict):
        out.update(listed)
    return out



def _every_field(line: Line) -> list[str] | None:
    """What `"cn": "*"` stands for: the logged fields of the line's values."""
    table, values = line.get("t"), line.get("v")
    if not isinstance(table, str) or not isinstance(values, dict):
        return None
    try:
        logged = _logged(table)
    except KeyError:  # no such table: the merge rejects the line before asking
        return None
    return [name for name in values if name in logged]


def shape_problem(line: Line) -> tuple[str, str] | None:
    """Why a line is not a record the merge can read (zh, en), or None.

    Only a hand-made package, validly signed by an enrolled device, can carry such a
    line; the record is refused with this reason and the rest of the batch applied.
    Its values are checked against their columns by `incoming_types`.
    """
    rid, op = line.get("id"), line.get("op")
    if not isinstance(rid, str) or not rid:
        return "记录编号无效", "the record id is not a text"
    if op != "put" and op != "del":
        return f"未知的操作 {op!r}", f"unknown operation {op!r}"
    # Spelled out, not looped: 40,000 lines a batch.
    at, made, by = line.get("at"), line.get("n"), line.get("by")
    if at is not None and not (isinstance(at, str) and is_stamp(at)):
        return "“at”不是有效的时间", "“at” is not a time"
    if made is not None and not (isinstance(made, str) and is_stamp(made)):
        return "“n”不是有效的时间", "“n” is not a time"
    if by is not None and not isinstance(by, str):
        return "“by”不是文本", "“by” is not a text"
    if op == "put" and not isinstance(line.get("v"), dict):
        return "记录没有字段值", "the record carries no field values"
    if "c" in line and not _edits_readable(line["c"]):
        return "修改记录的格式无效", "the record's edits are malformed"
    return None


def _edits_readable(edits: object) -> bool:
    """`c` is field → [time of the edit, a single old value]."""
    return isinstance(edits, dict) and all(
        isinstance(e, list) and len(e) == 2 and isinstance(e[0], str) and is_stamp(e[0])
        and isinstance(e[1], str | int | float | bool | None) for e in edits.values()
    )


@lru_cache(maxsize=1 << 16)  # a batch's records share their times by the thousand
def is_stamp(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
