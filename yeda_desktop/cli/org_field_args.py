"""The options that type an organization's fields (`org set`, `org register`), read as the
detail pane reads its boxes: a count is a whole number (blank: unknown), an empty text
clears the field, and every value goes through the model's own check."""

from __future__ import annotations

import argparse
from typing import Any

from yeda_desktop.models.enums import OrgKind, Ownership
from yeda_desktop.models.labels import column_label
from yeda_desktop.models.org_class import OWNERSHIPS
from yeda_desktop.services import edits

# option → field
TEXT_OPTIONS: dict[str, str] = {
    "name": "name",
    "uscc": "uscc",
    "staff": "staff_count",
    "members": "reported_member_count",
    "contact": "contact_name",
    "phone": "contact_phone",
    "legal_rep": "legal_rep",
    "address": "address",
    "note": "note",
}
COUNTS = ("staff_count", "reported_member_count")
_HELP = {
    "name": "单位名称",
    "uscc": "统一社会信用代码 (checked as GB 32100-2015 says; \"\" clears it)",
    "staff": "职工人数, a whole number (\"\": not known)",
    "members": "党员人数（自报）: the members it reports, a whole number (\"\": not known)",
    "contact": "联系人",
    "phone": "联系电话",
    "legal_rep": "法定代表人",
    "address": "地址",
    "note": "备注",
}


def add_field_options(parser: Any, *, with_name: bool = True) -> None:
    for option, field in TEXT_OPTIONS.items():
        if option == "name" and not with_name:
            continue
        parser.add_argument(f"--{option.replace('_', '-')}", metavar="TEXT",
                            help=_HELP[option], dest=f"field_{field}")


def add_class_options(parser: Any) -> None:
    """--kind and --ownership, read as the pane's drop-downs are (models/org_class)."""
    parser.add_argument("--kind", choices=[k.value for k in OrgKind],
                        help="enterprise or social; given alone, the ownership becomes the "
                        "kind's first unless it is one of the kind's already")
    owned = "; ".join(f"{kind.value}: {', '.join(o.value for o in OWNERSHIPS[kind])}"
                      for kind in OrgKind)
    parser.add_argument("--ownership", choices=[o.value for o in Ownership],
                        help=f"{owned} (it sets the kind)")


def typed_fields(args: argparse.Namespace) -> dict[str, Any]:
    """The fields given, as the model would take them (a ValidationError otherwise)."""
    out: dict[str, Any] = {}
    for field in TEXT_OPTIONS.values():
        text = getattr(args, f"field_{field}", None)
        if text is None:
            continue
        if field in COUNTS:
            out[field] = edits.parse_count(text, field, column_label("organizations", field))
        elif field != "name" and not text.strip():
            out[field] = None  # cleared: not known
        else:
            out[field] = text
    return out
