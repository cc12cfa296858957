"""A logged field value as the administrator reads it, in the audit and merge views and the CLI.

Text without JSON quotes, 是/否 for yes/no, a closed vocabulary's code by its Chinese word
(非公企业, not "enterprise"), "（空）" for nothing; anything else as compact JSON. References
to other records are named by the callers, which know the record (`conflicts.record_label`).
"""

from __future__ import annotations

import json
from typing import Any

from yeda_desktop.models import Base
from yeda_desktop.models.enums import LabelledEnum
from yeda_desktop.models.labels import FIELD_LABELS

TRAVELLING = frozenset(FIELD_LABELS)  # the tables of sync batches, whose references can be named
EMPTY = "（空）"


def vocabulary(table: str, column: str) -> type[LabelledEnum] | None:
    """The closed vocabulary a column stores codes of (shown by its Chinese labels)."""
    col = Base.metadata.tables[table].columns.get(column) if table in TRAVELLING else None
    enum_class = getattr(col.type, "enum_class", None) if col is not None else None
    return enum_class if isinstance(enum_class, type) and issubclass(
        enum_class, LabelledEnum) else None


def value_words(table: str, column: str, value: Any) -> str:
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    words = vocabulary(table, column)
    if words is not None and value in words.__members__.values():
        return words(value).zh
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
