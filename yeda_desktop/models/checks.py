"""Small reusable field checks for model validators."""

from __future__ import annotations

from collections.abc import Callable

from yeda_desktop.errors import ValidationError


def optional(normalize: Callable[[str, str], str], value: str | None, field: str) -> str | None:
    """Blank means unknown (None); anything else must pass `normalize`."""
    if value is None or not value.strip():
        return None
    return normalize(value, field)


def count(value: int | None, field: str, field_zh: str, maximum: int = 1_000_000) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, field_zh, "应为整数", "must be a whole number")
    if value < 0:
        raise ValidationError(field, field_zh, "不能为负数", "must not be negative")
    if value > maximum:
        raise ValidationError(field, field_zh, f"不能超过{maximum}", f"must be at most {maximum}")
    return value


def text(value: str | None, field: str, field_zh: str, max_len: int) -> str | None:
    if value is None:
        return None
    cleaned = value.strip()
    if not cleaned:
        return None
    if len(cleaned) > max_len:
        raise ValidationError(
            field, field_zh, f"不能超过{max_len}个字", f"must be at most {max_len} characters"
        )
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in cleaned):
        raise ValidationError(field, field_zh, "含有控制字符", "contains control characters")
    return cleaned
