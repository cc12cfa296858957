"""Undoable edits: each is a list of row inserts, updates and deletes, applied as ordinary changes.

Applying an edit or its inverse goes through an ORM session, so the change log,
validators and search index see undo and redo like any other edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Base, Organization, Synced
from yeda_desktop.models.org_class import settle
from yeda_desktop.services.unique_values import refuse_taken


@dataclass(frozen=True)
class Insert:
    model: type[Synced]
    values: Mapping[str, Any]  # includes "id"


@dataclass(frozen=True)
class Delete:
    model: type[Synced]
    values: Mapping[str, Any]  # snapshot of the row, to insert it again on undo


@dataclass(frozen=True)
class Update:
    model: type[Synced]
    record_id: str
    field: str
    old: Any
    new: Any


Step = Insert | Delete | Update


@dataclass(frozen=True)
class Edit:
    """One user action: what it is called (Chinese, English) and the row changes it makes."""

    zh: str
    en: str
    steps: tuple[Step, ...] = field(default_factory=tuple)

    def inverse(self) -> Edit:
        return Edit(self.zh, self.en, tuple(_invert(s) for s in reversed(self.steps)))

    def created(self, model: type[Synced]) -> list[str]:
        """Ids of the rows of `model` this edit inserts."""
        return [s.values["id"] for s in self.steps if isinstance(s, Insert) and s.model is model]


def _invert(step: Step) -> Step:
    if isinstance(step, Insert):
        return Delete(step.model, step.values)
    if isinstance(step, Delete):
        return Insert(step.model, step.values)
    return Update(step.model, step.record_id, step.field, step.new, step.old)


def apply(session: Session, edit: Edit) -> None:
    """Make the edit's changes in `session` (the caller's transaction commits them)."""
    for step in edit.steps:
        if isinstance(step, Insert):
            row = step.model()
            for key, value in step.values.items():
                refuse_taken(session, step.model, key, value, str(step.values["id"]))
                setattr(row, key, value)
            session.add(row)
        elif isinstance(step, Delete):
            found = session.get(step.model, step.values["id"])
            if found is not None:
                session.delete(found)
        else:
            target = session.get(step.model, step.record_id)
            if target is None:
                raise LookupError(f"{step.model.__name__} {step.record_id} no longer exists")
            refuse_taken(session, step.model, step.field, step.new, step.record_id)
            setattr(target, step.field, step.new)
        session.flush()


def snapshot(row: Synced) -> dict[str, Any]:
    """The row's id and logged fields, enough to insert it again."""
    return {"id": row.id, **row.logged_fields()}


def checked(model: type[Base] | type[Synced], field_name: str, value: Any) -> Any:
    """The value as the model would store it, or the model validator's ValidationError."""
    probe = model()
    setattr(probe, field_name, value)
    return getattr(probe, field_name)


def parse_count(text: str, field_name: str, field_zh: str) -> int | None:
    """A head count typed by the officer: blank is unknown, otherwise a whole number."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    if cleaned[:1] in "-－" and cleaned[1:].isdecimal():
        raise ValidationError(field_name, field_zh, "不能为负数", "must not be negative")
    if not cleaned.isdecimal():  # isdigit() would let "²" through to int()
        raise ValidationError(field_name, field_zh, "应为整数", "must be a whole number")
    return int(cleaned)


def set_field(
    session: Session, model: type[Synced], record_id: str, field_name: str, value: Any
) -> Edit | None:
    """An edit setting one field, validated now; None when nothing would change."""
    row = session.get(model, record_id)
    if row is None:
        raise LookupError(f"{model.__name__} {record_id} not found")
    new = checked(model, field_name, value)
    old = getattr(row, field_name)
    steps = [] if old == new else [Update(model, record_id, field_name, old, new)]
    if steps:
        refuse_taken(session, model, field_name, new, record_id)
    if isinstance(row, Organization) and field_name in ("kind", "ownership"):
        # the other of the pair follows, in the same undoable edit (also when the one
        # chosen is what a record at odds holds already: choosing it says which is right)
        kind, ownership = settle(new if field_name == "kind" else None,
                                 new if field_name == "ownership" else None,
                                 (row.kind, row.ownership))
        other, value = ("ownership", ownership) if field_name == "kind" else ("kind", kind)
        if getattr(row, other) != value:
            steps.append(Update(model, record_id, other, getattr(row, other), value))
    return Edit("修改", "Edit", tuple(steps)) if steps else None
