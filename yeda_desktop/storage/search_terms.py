"""The words an organization, person or unit can be found by: name, pinyin, initials, numbers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]+")


def compact(text: str) -> str:
    """Lower-case letters and digits only, full-width folded: '（B1-101）' → 'b1101'."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if ch.isalnum())


def suffixes(word: str, min_len: int = 1) -> list[str]:
    """Every tail of `word`; a prefix query on a tail is a substring query on the word."""
    return [word[i:] for i in range(len(word) - min_len + 1)] if word else []


@lru_cache(maxsize=50_000)
def _word_syllables(word: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin  # ~0.5 s of dictionaries: loaded on first use, not at start

    return tuple(lazy_pinyin(word))


def _syllables(run: str) -> tuple[str, ...]:
    """Pinyin of a run of Chinese characters, as pypinyin's lazy_pinyin gives it.

    The run is cut into words with pypinyin's own segmenter and each word's pinyin
    is cached: organization names repeat their words (烟台, 科技, 有限公司), so
    indexing 100,000 of them pays for each word's conversion once.
    """
    from pypinyin.seg import mmseg

    syllables: list[str] = []
    for word in mmseg.seg.cut(run):
        syllables += _word_syllables(word)
    return tuple(syllables)


def pinyin_parts(text: str) -> list[str]:
    """Syllables of the Chinese runs, other runs kept whole: '华盛ABC科技' → hua sheng abc ke ji."""
    parts: list[str] = []
    pos = 0
    for match in _CJK_RUN.finditer(text):
        before = compact(text[pos : match.start()])
        if before:
            parts.append(before)
        parts += _syllables(match.group())
        pos = match.end()
    tail = compact(text[pos:])
    if tail:
        parts.append(tail)
    return parts


def name_terms(name: str) -> set[str]:
    """Substrings of the name, of its full pinyin (from a syllable) and of its initials."""
    return set(_name_terms(name))


@lru_cache(maxsize=20_000)
def _name_terms(name: str) -> frozenset[str]:
    # Cached: people's names repeat (王芳, 李强 …) across a zone's half a million members.
    parts = pinyin_parts(name)
    full = "".join(parts)
    initials = "".join(p[0] for p in parts if p)
    terms = set(suffixes(compact(name)))
    offsets = list(accumulate((len(p) for p in parts), initial=0))
    terms.update(full[offsets[i] :] for i in range(len(parts)))
    terms.update(suffixes(initials, 2))
    return frozenset(terms)


def number_terms(value: str | None, min_len: int = 4) -> set[str]:
    """A phone number or code, findable by any tail of `min_len` or more (e.g. last 4 digits)."""
    if not value:
        return set()
    return set(suffixes(compact(value), min(min_len, len(compact(value)))))


_AREA_CODE = re.compile(r"0(?:10|2\d|[3-9]\d\d)")


def phone_terms(value: str | None) -> set[str]:
    """A phone number, findable by its start, its last four digits, or a landline's local part.

    Officers type a number from the front or read out its last four digits; indexing
    every tail (as for room numbers) would double the index for searches nobody makes.
    """
    if not value:
        return set()
    digits = compact(value)
    terms = {digits, digits[-4:]}
    if digits.startswith("0") and (area := _AREA_CODE.match(digits)):
        terms.add(digits[area.end() :])
    return terms


def query_words(query: str) -> list[str]:
    """The words of what the user typed, each to be matched as a prefix of an indexed term."""
    return [w for w in (compact(part) for part in query.split()) if w]
