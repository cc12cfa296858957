"""A value another record already holds in a unique column (an organization's USCC) is
refused with a sentence naming that record, before the database refuses it with an
IntegrityError that would tell an officer nothing (and, in the window, end in a crash
dialog instead of a red line under the box)."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Base, Synced
from yeda_desktop.models.labels import column_label, table_label


@cache
def unique_columns(table_name: str) -> frozenset[str]:
    table = Base.metadata.tables[table_name]
    return frozenset(c.key for c in table.columns if c.unique and not c.primary_key)


def refuse_taken(
    session: Session, model: type[Synced], field: str, value: Any, record_id: str
) -> None:
    """Raise the field's ValidationError if a record other than `record_id` holds `value`."""
    table: str = getattr(model, "__tablename__")  # noqa: B009 (a mixin type says no table)
    if value is None or field not in unique_columns(table):
        return
    column = getattr(model, field)
    with session.no_autoflush:
        holder = session.scalars(select(model).where(column == value, model.id != record_id)
                                 .limit(1)).first()
    if holder is None:
        return
    name = getattr(holder, "name", None) or holder.id
    raise ValidationError(field, column_label(table, field),
                          f"已被{table_label(table)}“{name}”使用；若是同一单位，请用“关联已有单位”",
                          f"already used by {name}; if it is the same organization, attach "
                          "that one to the unit instead")
