"""Chinese mobile and landline numbers, normalised to one spelling for search and matching."""

from __future__ import annotations

import re

from yeda_desktop.errors import ValidationError

_MOBILE = re.compile(r"1[3-9]\d{9}")
# Area codes are 010 and 02x (three digits) or 0xxx (four); the local number 7-8 digits.
_LANDLINE = re.compile(
    r"(010|02\d|0[3-9]\d{2})(\d{7,8})(?:(?:转|ext\.?|x|#)(\d{1,6}))?", re.IGNORECASE
)


_SEPARATORS = re.compile(r"[\s\-()（）]")

# How the forms label each phone field, so that a refusal names the field the officer sees.
FIELD_LABELS = {"contact_phone": "联系电话"}


def normalize_phone(value: str, field: str = "phone") -> str:
    """Return `13812345678` or `0535-6123456` (`-转123` for an extension)."""
    label = FIELD_LABELS.get(field, "电话")
    raw = value.strip()
    compact = _SEPARATORS.sub("", raw)
    if compact.startswith("+86"):
        compact = compact[3:]
    elif compact.startswith("0086"):
        compact = compact[4:]
    if _MOBILE.fullmatch(compact):
        return compact
    if compact.startswith("0") and (m := _LANDLINE.fullmatch(compact)):
        area, local, ext = m.groups()
        return f"{area}-{local}" + (f"-转{ext}" if ext else "")
    if not compact:
        raise ValidationError(field, label, "不能为空", "must not be empty")
    if compact.startswith("1"):
        raise ValidationError(
            field,
            label,
            "手机号应为以1开头的11位数字",
            "a mobile number has 11 digits starting with 1",
        )
    raise ValidationError(
        field,
        label,
        "应为11位手机号或带区号的固定电话（如0535-6123456）",
        "must be an 11-digit mobile or a landline with area code (e.g. 0535-6123456)",
    )
