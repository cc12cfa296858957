"""USCC (GB 32100-2015) and resident ID number (GB 11643-1999) checks via python-stdnum."""

from __future__ import annotations

import re

from stdnum.cn import ric, uscc
from stdnum.exceptions import (
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidLength,
)
from stdnum.exceptions import (
    ValidationError as StdnumError,
)

from yeda_desktop.errors import ValidationError

_REASONS: dict[type[StdnumError], tuple[str, str]] = {
    InvalidLength: ("长度应为18位", "must be 18 characters long"),
    InvalidFormat: ("含有不允许的字符", "contains characters that are not allowed"),
    InvalidChecksum: ("校验位不正确", "the check digit is wrong"),
    InvalidComponent: (
        "编码中的地区、日期或机构类别无效",
        "a region, date or category part is invalid",
    ),
}


def _reason(exc: StdnumError) -> tuple[str, str]:
    for kind, reason in _REASONS.items():
        if isinstance(exc, kind):
            return reason
    return ("格式无效", "is not valid")


# A code already in stdnum's compact form (ASCII: compact() would return it unchanged):
# its check digit is the one test left. validate() compacts it twice, a character at a
# time: 22 µs a code against 14 µs this way (0.08 s of a 10,000-organization batch).
_COMPACT_USCC = re.compile(r"[0-9]{8}[0-9A-HJ-NPQRTUWXY]{10}")


def normalize_uscc(value: str, field: str = "uscc") -> str:
    """Return the compact upper-case USCC or raise ValidationError."""
    code = value.strip().upper()
    try:
        if _COMPACT_USCC.fullmatch(code):
            if code[-1] != uscc.calc_check_digit(code):
                raise InvalidChecksum()
            return code
        return str(uscc.validate(code))
    except StdnumError as exc:
        zh, en = _reason(exc)
        raise ValidationError(field, "统一社会信用代码", zh, en) from None


def normalize_id_number(value: str, field: str = "id_number") -> str:
    """Return the compact resident ID number (upper-case X) or raise ValidationError."""
    try:
        return str(ric.validate(value.strip().upper()))
    except KeyError:
        # python-stdnum 2.2 raises KeyError('county') for a few region prefixes its
        # database knows only above county level (e.g. 548749…): no county, no valid number.
        raise ValidationError(field, "身份证号", "出生日期或地区码无效",
                              "the birth date or region code is invalid") from None
    except StdnumError as exc:
        zh, en = _reason(exc)
        if isinstance(exc, InvalidComponent):
            zh, en = "出生日期或地区码无效", "the birth date or region code is invalid"
        raise ValidationError(field, "身份证号", zh, en) from None
