"""Names of people and organizations, CJK-aware.

Person names may use rare characters outside the BMP (e.g. 𠮷 U+20BB7, 䶮 U+4DAE) and
the middle dot of minority and transliterated names (阿卜杜·热合曼). Look-alike dots
are folded to U+00B7 so the same name always matches itself in search.
"""

from __future__ import annotations

import re
import unicodedata

from yeda_desktop.errors import ValidationError

MIDDLE_DOT = "\u00b7"
_DOT_LOOKALIKES = "\u30fb\u2022\u2027\uff65\u0387\u2219\u22c5"

# CJK Unified Ideographs, Extensions A-H, compatibility ideographs and their supplement.
_CJK = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebef\U0002ebf0-\U0002ee5f"
    "\U00030000-\U0003134f\U00031350-\U000323af\U0002f800-\U0002fa1f"
)
_CJK_NAME = re.compile(f"[{_CJK}]+(?:{MIDDLE_DOT}[{_CJK}]+)*")
_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:[ '\-.]{1,2}[A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_ORG_ALLOWED = re.compile(
    f"[{_CJK}A-Za-z0-9{MIDDLE_DOT}()（）\\[\\]【】《》&＆\\-—_.,，、·'’ /+＋]+"
)


def is_cjk(char: str) -> bool:
    return _CJK_NAME.fullmatch(char) is not None


def _fold(value: str) -> str:
    text = unicodedata.normalize("NFC", value.strip())
    for dot in _DOT_LOOKALIKES:
        text = text.replace(dot, MIDDLE_DOT)
    return re.sub(r"\s+", " ", text)


def normalize_person_name(value: str, field: str = "name", field_zh: str = "姓名") -> str:
    """A Chinese name of 2-30 characters (middle dots allowed) or a Latin-script name;
    `field_zh` names the field in a refusal (书记姓名 on a party organization)."""
    name = _fold(value)
    if not name:
        raise ValidationError(field, field_zh, "不能为空", "must not be empty")
    if _CJK_NAME.fullmatch(name):
        if len(name) < 2 or len(name) > 30:
            raise ValidationError(
                field, field_zh, "中文姓名应为2至30个字", "a Chinese name has 2 to 30 characters"
            )
        return name
    if _LATIN_NAME.fullmatch(name) and len(name) <= 60:
        return name
    if any(ch.isdigit() for ch in name):
        raise ValidationError(field, field_zh, "不能包含数字", "must not contain digits")
    raise ValidationError(
        field,
        field_zh,
        "只能由汉字（可含间隔号·）或拉丁字母组成",
        "must be Chinese characters (middle dot allowed) or Latin letters",
    )


def normalize_org_name(value: str, field: str = "name", field_zh: str = "单位名称") -> str:
    """An organization name of 2-100 characters without control or markup characters;
    `field_zh` names the field in a refusal (党组织名称 for a party organization)."""
    name = _fold(value)
    if len(name) < 2:
        raise ValidationError(field, field_zh, "至少2个字", "must have at least 2 characters")
    if len(name) > 100:
        raise ValidationError(
            field, field_zh, "不能超过100个字", "must be at most 100 characters"
        )
    if not _ORG_ALLOWED.fullmatch(name):
        bad = next(ch for ch in name if not _ORG_ALLOWED.fullmatch(ch))
        raise ValidationError(
            field, field_zh, f"含有不允许的字符“{bad}”", f"contains the character {bad!r}"
        )
    return name
