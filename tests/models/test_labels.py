"""Every field the change log records has a Chinese name, so no view shows a raw column."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from yeda_desktop.models.labels import (
    FIELD_LABELS,
    TABLE_LABELS,
    column_label,
    field_label,
    field_label_with_key,
    table_label,
)
from yeda_desktop.syncflow.records import logged_columns, travelling_tables

CHINESE = re.compile(r"[\u4e00-\u9fff]")
TABLES = [t.name for t in travelling_tables()]


def test_the_list_of_travelling_tables_is_not_empty() -> None:
    assert "organizations" in TABLES and "people" in TABLES


@pytest.mark.parametrize("table", TABLES)
def test_every_travelling_table_has_a_chinese_name(table: str) -> None:
    label = TABLE_LABELS.get(table, "")
    assert label.strip() and CHINESE.search(label), f"add {table!r} to TABLE_LABELS"
    assert table_label(table) == label


@pytest.mark.parametrize("table", TABLES)
def test_every_logged_column_has_a_chinese_label(table: str) -> None:
    missing = [c for c in logged_columns(table) if c not in FIELD_LABELS.get(table, {})]
    assert missing == [], f"add Chinese labels to FIELD_LABELS[{table!r}] for {missing}"
    for column in logged_columns(table):
        label = column_label(table, column)
        assert label.strip() and CHINESE.search(label), (table, column, label)
        assert label == label.strip()


@pytest.mark.parametrize("table", TABLES)
def test_no_label_names_a_column_the_table_does_not_log(table: str) -> None:
    stale = set(FIELD_LABELS.get(table, {})) - set(logged_columns(table))
    assert stale == set(), f"FIELD_LABELS[{table!r}] names columns that are gone: {stale}"


@pytest.mark.parametrize("table", TABLES)
def test_labels_of_one_table_tell_its_fields_apart(table: str) -> None:
    names = list(FIELD_LABELS[table].values())
    assert len(names) == len(set(names)), names


def test_labels_reuse_the_spellings_the_app_already_uses() -> None:
    assert field_label("people", "organization_id") == "人员 · 所在单位"
    assert field_label("organizations", "contact_phone") == "单位 · 联系电话"
    assert column_label("organizations", "uscc") == "统一社会信用代码"  # excel/mapping.py
    assert column_label("organizations", "staff_count") == "职工人数"  # the validator's
    assert column_label("people", "id_number") == "身份证号"
    assert column_label("units", "label") == "房间号"


def test_unknown_names_fall_back_to_the_raw_name_and_never_raise() -> None:
    assert table_label("no_such_table") == "no_such_table"
    assert column_label("no_such_table", "x") == "x"
    assert column_label("people", "no_such_column") == "no_such_column"
    assert field_label("no_such_table", "x") == "no_such_table · x"
    assert field_label("people", None) == "人员"  # an insert or delete names no field
    assert field_label("people", "") == "人员"
    assert field_label_with_key("no_such_table", None) == "no_such_table"


def test_the_cli_spelling_keeps_the_key() -> None:
    assert field_label_with_key("organizations", "contact_phone") == (
        "单位 · 联系电话 (organizations.contact_phone)")
    assert field_label_with_key("people", None) == "人员 (people)"


def test_the_labels_module_imports_neither_qt_nor_syncflow() -> None:
    code = ("import sys, yeda_desktop.models.labels\n"
            "bad = sorted(m for m in sys.modules "
            "if m.startswith(('PySide6', 'yeda_desktop.syncflow')))\n"
            "print(','.join(bad))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_vocabularies_sharing_a_code_keep_their_own_chinese_words() -> None:
    """A joint branch (联合党支部, a kind of party organization) is not the measure of
    forming one (组建联合党组织), though both are stored as "joint_branch"; the printed
    registration form named a joint branch by the measure."""
    from yeda_desktop.models import enums

    assert enums.PartyOrgType.JOINT_BRANCH.zh == "联合党支部"
    assert enums.GapAction.JOINT_BRANCH.zh == "组建联合党组织"
    vocabularies = [v for v in vars(enums).values() if isinstance(v, type)
                    and issubclass(v, enums.LabelledEnum) and v is not enums.LabelledEnum]
    for vocabulary in vocabularies:
        words = [member.zh for member in vocabulary]
        assert len(set(words)) == len(words), vocabulary  # each member its own word
        assert all(CHINESE.search(w) for w in words), vocabulary
