"""What the merge and its neighbours need to know of a table, read from the models once:
what its foreign keys point at, what points at it, its unique keys, its logged and its
required columns.

Apart from the merge, so that the conflict, duplicate and audit views can ask too without
importing the merge (which imports them).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import UniqueConstraint

from yeda_desktop.models import Base
from yeda_desktop.syncflow.records import logged_columns, required_columns, table_by_name


@cache
def fk_columns(table_name: str) -> dict[str, str]:
    """Foreign-key columns of a table and the table each points to."""
    table = table_by_name()[table_name]
    return {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}


@cache
def referencing(table_name: str) -> tuple[tuple[str, str], ...]:
    """(table, column) pairs whose foreign key points at table_name.id."""
    return tuple(
        (t.name, fk.parent.name)
        for t in Base.metadata.sorted_tables
        for fk in t.foreign_keys
        if fk.column.table.name == table_name and fk.column.name == "id"
    )


@cache
def holders(table_name: str) -> tuple[tuple[str, str], ...]:
    """(table, column) pairs whose foreign key points at table_name.id and neither
    cascades nor clears: a record they name cannot go (a unit its visits name)."""
    return tuple(
        (t.name, fk.parent.name)
        for t in Base.metadata.sorted_tables
        for fk in t.foreign_keys
        if fk.column.table.name == table_name and fk.column.name == "id" and not fk.ondelete
    )


@cache
def depth(table_name: str) -> int:
    """The table's place among all, parents first (a floor before its units)."""
    return [t.name for t in Base.metadata.sorted_tables].index(table_name)


@cache
def unique_keys(table_name: str) -> tuple[tuple[str, ...], ...]:
    """The table's unique keys other than its id, each as its columns."""
    table = table_by_name()[table_name]
    keys = [
        tuple(c.name for c in con.columns)
        for con in table.constraints
        if isinstance(con, UniqueConstraint)
    ]
    keys += [(c.name,) for c in table.columns if c.unique]
    return tuple(k for k in keys if k != ("id",))


@cache
def logged_set(table_name: str) -> frozenset[str]:
    return frozenset(logged_columns(table_name))


def empty_required(
    table: str, values: dict[str, Any], fields: Collection[str] | None
) -> str | None:
    """The first required column (`required_columns`) a record would be written without:
    any of them for a new record (`fields` None), else those among the changed `fields`."""
    names, pick = _required(table)
    if fields is None:
        with contextlib.suppress(KeyError):  # a key missing: found name by name below
            if None not in pick(values):
                return None  # nearly every record: one lookup of them all
    else:
        names = tuple(c for c in names if c in fields)
    return next((c for c in names if values.get(c) is None), None)


@cache
def _required(table: str) -> tuple[tuple[str, ...], Callable[[dict[str, Any]], tuple[Any, ...]]]:
    """The table's required columns in order, and a getter of all of their values."""
    names = tuple(sorted(required_columns(table)))
    getter = itemgetter(*names)
    return names, ((lambda values: (getter(values),)) if len(names) == 1 else getter)
