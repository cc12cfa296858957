"""Re-validate incoming values at the centre with the models' own validators.

The merge writes rows with plain SQL for speed, which bypasses the ORM's `@validates`
hooks; a laptop with a bug, an old version or a hand-made (yet validly signed) package could
otherwise put an invalid USCC or ID number into the centre's ledger. Each incoming record is
checked with the very validator methods its model declares (`yeda_desktop.validation`
behind them), so the centre and the laptop can never disagree about what is valid; a
record that fails is rejected with the validator's own sentence, the rest of the batch is
applied.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import Any, cast

from sqlalchemy import Table

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Base
from yeda_desktop.syncflow.records import columns

Validator = Callable[[Any, str, Any], Any]


class _Scratch:
    """Stands in for the model instance: some validators set a derived attribute on it."""


@cache
def validators(table_name: str) -> dict[str, Validator]:
    """Column name → the model's validator method, for the columns that have one."""
    for mapper in Base.registry.mappers:
        if cast(Table, mapper.local_table).name == table_name:
            own = set(columns(table_name))
            found = cast(Mapping[str, tuple[Validator, object]], mapper.validators)
            return {key: fn for key, (fn, _options) in found.items() if key in own}
    return {}


@cache
def _checked_in_order(table_name: str) -> tuple[str, ...]:
    return tuple(sorted(validators(table_name)))


@cache
def _blank_refused(table_name: str) -> tuple[str, ...]:
    """The checked columns whose validator refuses no value at all (a required name)."""
    return tuple(n for n in _checked_in_order(table_name)
                 if _verdict(table_name, n, None) is not None)


def problem(
    table_name: str, values: Mapping[str, Any], fields: Iterable[str] | None = None
) -> ValidationError | None:
    """The first of `fields` (None: every checked column, as for a new record) whose
    incoming value its model's validator refuses, or None."""
    if fields is None:
        if _passes(table_name, values):
            return None  # nearly every new record: its values alone were judged
        names: Iterable[str] = _checked_in_order(table_name)
    else:
        names = sorted(validators(table_name).keys() & set(fields))
    for name in names:
        found = _verdict(table_name, name, values.get(name))
        if found is not None:
            return found
    return None


def _passes(table_name: str, values: Mapping[str, Any]) -> bool:
    """Whether every checked column passes: those a record has a value for, and the
    blanks of the others (a batch line leaves a blank out, and most blanks pass).
    A column's verdicts are looked up inline: 40,000 records make 200,000 of them."""
    memos = _memos(table_name)
    for name, value in values.items():
        memo = memos.get(name)
        if memo is not None:
            found = memo.get(value if type(value) is str else (type(value), value), _UNSEEN)
            if found is _UNSEEN:
                found = _verdict(table_name, name, value)
            if found is not None:
                return False
    return all(values.get(name) is not None for name in _blank_refused(table_name))


_UNSEEN = object()
# Verdicts kept per column (names, counts and blanks repeat a lot in a large batch; codes
# and phones never do): a dozen columns of 16,384 values stay within about 15 MB.
MEMO_SIZE = 1 << 14


@cache
def _memos(table_name: str) -> dict[str, dict[Any, ValidationError | None]]:
    """Column → value (str) or (type, value) → verdict: a value is a JSON scalar, so
    hashable, and its type is part of the key where values of two types compare equal
    (True and 1)."""
    return {name: {} for name in validators(table_name)}


def _verdict(table_name: str, name: str, value: Any) -> ValidationError | None:
    """One validator's verdict on one value, remembered."""
    memo = _memos(table_name)[name]
    key = value if type(value) is str else (type(value), value)
    found = memo.get(key, _UNSEEN)
    if found is _UNSEEN:
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        found = memo[key] = _judge(table_name, name, value)
    return cast(ValidationError | None, found)


def _judge(table_name: str, name: str, value: Any) -> ValidationError | None:
    try:
        validators(table_name)[name](_Scratch(), name, value)
    except ValidationError as exc:
        return _bare(exc)
    except (TypeError, ValueError, AttributeError):
        # a value of the wrong type (e.g. no name at all) is as invalid as a bad checksum
        return ValidationError(name, name, f"值无效：{value!r}", f"invalid value {value!r}")
    return None


def _bare(exc: ValidationError) -> ValidationError:
    """The error without its traceback and context, which are kept here only as the
    verdict (cached): a traceback holds the importing frames and, through them, the
    chunk of the batch being merged, in reference cycles."""
    exc.__traceback__ = exc.__context__ = exc.__cause__ = None
    return exc
