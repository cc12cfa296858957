"""The words an organization, person or unit can be found by: name, pinyin, initials, numbers."""

from __future__ import annotations

import pickle
import queue
import re
import threading
import traceback
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import BinaryIO, cast

_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U000323af]+")
# What str.isalnum() rejects: re's \w is exactly isalnum() plus "_" (tests/storage check
# every code point), so removing [\W_] keeps the letters and digits.
_NOT_ALNUM = re.compile(r"[\W_]+")


def compact(text: str) -> str:
    """Lower-case letters and digits only, full-width folded: '（B1-101）' → 'b1101'."""
    # NFKC leaves ASCII as it is; most names and numbers need no filtering at all.
    folded = text.lower() if text.isascii() else unicodedata.normalize("NFKC", text).lower()
    return folded if folded.isalnum() else _NOT_ALNUM.sub("", folded)


def tokens(value: str) -> list[str]:
    """`value` lower-cased and cut at whatever is not a letter or digit: FTS5's own tokens.

    Every indexed term is letters and digits only, so that SQLite (whose unicode61
    tokenizer would cut it there anyway) and PostgreSQL (which casts the terms to a
    tsvector as they are, where a quote or colon would be syntax) index the same words.
    """
    return [word for word in _NOT_ALNUM.split(value.lower()) if word]


def suffixes(word: str, min_len: int = 1) -> list[str]:
    """Every tail of `word`; a prefix query on a tail is a substring query on the word."""
    return [word[i:] for i in range(len(word) - min_len + 1)] if word else []


@lru_cache(maxsize=50_000)
def _word_syllables(word: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin  # ~0.5 s of dictionaries: loaded on first use, not at start

    return tuple(lazy_pinyin(word))


Segmenter = Callable[[str], Iterable[str]]


@lru_cache(maxsize=1)
def _segmenter() -> Segmenter:
    """pypinyin's forward maximum-matching segmenter, or the same algorithm on its tables.

    `mmseg.seg.cut` is a generator that re-slices the rest of the text at every step
    and was the largest single cost of indexing 100,000 names. `_cut` walks the same
    prefix set and phrase dictionary by position and gives the same words (a test
    compares the two); if pypinyin ever stores them differently, its own cut is used.
    """
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.seg import mmseg

    seg = mmseg.seg
    prefixes = getattr(getattr(seg, "_prefix_set", None), "_set", None)
    if not isinstance(prefixes, set) or getattr(seg, "_no_non_phrases", None) is not True:
        return seg.cut
    phrases = PHRASES_DICT

    def _cut(text: str) -> list[str]:
        # mmseg.Seg.cut with no_non_phrases=True: at each position take the longest
        # dictionary phrase among the prefixes the prefix set still accepts; with none,
        # one character; when the rest of the text is all one unfinished prefix, the
        # rest character by character.
        words: list[str] = []
        n = len(text)
        pos = 0
        while pos < n:
            best = 0
            end = pos + 1
            while end <= n:
                word = text[pos:end]
                if word not in prefixes:
                    break
                if word in phrases:
                    best = end
                end += 1
            if best:
                words.append(text[pos:best])
                pos = best
            elif end <= n:
                words.append(text[pos])
                pos += 1
            else:
                words.extend(text[pos:])
                pos = n
        return words

    return _cut


def _syllables(run: str) -> tuple[str, ...]:
    """Pinyin of a run of Chinese characters, as pypinyin's lazy_pinyin gives it.

    The run is cut into words with pypinyin's own segmenter and each word's pinyin
    is cached: organization names repeat their words (烟台, 科技, 有限公司), so
    indexing 100,000 of them pays for each word's conversion once.
    """
    syllables: list[str] = []
    for word in _segmenter()(run):
        syllables += _word_syllables(word)
    return tuple(syllables)


def pinyin_parts(text: str) -> list[str]:
    """Syllables of the Chinese runs, other runs kept whole: '华盛ABC科技' → hua sheng abc ke ji."""
    parts: list[str] = []
    pos = 0
    for match in _CJK_RUN.finditer(text):
        if match.start() > pos and (before := compact(text[pos : match.start()])):
            parts.append(before)
        parts += _syllables(match.group())
        pos = match.end()
    if pos < len(text) and (tail := compact(text[pos:])):
        parts.append(tail)
    return parts


def name_terms(name: str) -> set[str]:
    """Substrings of the name, of its full pinyin (from a syllable) and of its initials."""
    return set(_name_terms(name))


@lru_cache(maxsize=65_536)
def sorted_name_terms(name: str) -> tuple[str, str]:
    """A person's name terms sorted and joined by spaces, and the smallest of them.

    Cached: people's names repeat (王芳, 李强 …) across a zone's half a million
    members; 65,536 names (about 25 MB) hold nearly every distinct name of a
    100,000-organization zone. Organization names, all different, do not pass here.
    """
    terms = sorted(_terms_of_name(name))
    return " ".join(terms), terms[0] if terms else ""


@lru_cache(maxsize=20_000)
def _name_terms(name: str) -> frozenset[str]:
    return _terms_of_name(name)


def _terms_of_name(name: str) -> frozenset[str]:
    parts = pinyin_parts(name)
    full = "".join(parts)
    terms = set(suffixes(compact(name)))
    start = 0
    for part in parts:  # the full pinyin from each syllable on
        terms.add(full[start:])
        start += len(part)
    terms.update(suffixes("".join([p[0] for p in parts if p]), 2))
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


def org_terms(name: str, uscc: str | None, phone: str | None) -> str:
    """An organization's index terms, sorted, one space between."""
    terms = name_terms(name)
    terms |= phone_terms(phone)
    if uscc:
        terms.update(tokens(uscc))
    return " ".join(sorted(terms))


def person_terms(name: str, phone: str | None) -> str:
    """A person's name and phone terms, sorted (as `org_terms`'), one space between."""
    joined, smallest = sorted_name_terms(name)
    numbers = phone_terms(phone)
    if not numbers:
        return joined
    if not joined:
        return " ".join(sorted(numbers))
    if max(numbers) < smallest:  # digits sort before letters and Chinese: just prepend
        return " ".join(sorted(numbers)) + " " + joined
    return " ".join(sorted(set(joined.split(" ")) | numbers))


# What a document's terms are made of, the kind first: ("org", name, uscc, phone) or
# ("person", name, phone). Terms are a function of these values alone, so terms
# computed elsewhere (search_worker) can stand in for computing them again.
TermKey = tuple[str | None, ...]


def terms_of(key: TermKey) -> str | None:
    """`org_terms`/`person_terms` of a key; None for a malformed one (it is never indexed)."""
    if not key or not all(v is None or type(v) is str for v in key) or key[1] is None:
        return None
    if key[0] == "org" and len(key) == 4:
        return org_terms(key[1], key[2], key[3])
    if key[0] == "person" and len(key) == 3:
        return person_terms(key[1], key[2])
    return None


def warm_up() -> None:
    """Load pypinyin's dictionaries and segmenter now rather than at the first name."""
    _segmenter()
    _word_syllables("中")


# The values a document's terms are made of, by table: (kind, columns of the key).
KEY_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "organizations": ("org", ("name", "uscc", "contact_phone")),
    "people": ("person", ("name", "phone")),
}


def key_of(line: object) -> TermKey | None:
    """The term key of a batch line that puts an organization or a person, else None."""
    if type(line) is not dict:
        return None
    spec = KEY_COLUMNS.get(line.get("t"))  # type: ignore[arg-type]
    values = line.get("v")
    if spec is None or type(values) is not dict or line.get("op") != "put":
        return None
    key = (spec[0], *map(values.get, spec[1]))
    if type(key[1]) is not str:
        return None  # not indexable as it is: left to the merge's checks
    for v in key[2:]:  # a loop, not all(): 40,000 lines a batch
        if v is not None and type(v) is not str:
            return None
    return key


_GONE = object()  # the importer closed the pipe (or it broke): no more messages


def serve(source: BinaryIO, out: BinaryIO, idle_s: float | None = None) -> int:
    """The search worker's side (see search_worker), one import after another.

    An import sends lists of term keys and then None; each list is answered with a dict
    of the terms of its keys not answered before in that import, as soon as they are
    computed, and the import with None. Then the next import may begin; the worker ends
    when the pipe closes between imports (0), or after `idle_s` without one (0), or when
    the pipe closes in the middle of one (1: the importer went away).

    A thread reads the keys as they come, so the importer's pipe never fills while
    this thread still loads pypinyin or computes. This lives here, not in
    search_worker, and this module outside the storage package, so that the worker
    process loads this module alone: the storage package would load SQLAlchemy and the
    models (tests/test_child_process.py checks it does not).
    """
    keys: queue.SimpleQueue[object] = queue.SimpleQueue()
    failed: list[str] = []

    def read() -> None:
        try:
            while True:
                keys.put(pickle.load(source))
        except EOFError:
            pass
        except BaseException:
            failed.append(traceback.format_exc(limit=-3))
        finally:
            keys.put(_GONE)

    threading.Thread(target=read, name="key-reader", daemon=True).start()
    try:
        warm_up()  # while the importer still verifies and decrypts
        while True:
            try:
                batch = keys.get(timeout=idle_s)
            except queue.Empty:  # no import for a long while: give the memory back
                return 0
            if batch is _GONE and not failed:
                return 0
            answered: set[TermKey] = set()
            while batch is not None and batch is not _GONE:
                terms: dict[TermKey, str] = {}
                for key in cast(list[TermKey], batch):
                    if key not in answered and (found := terms_of(key)) is not None:
                        terms[key] = found
                        answered.add(key)
                pickle.dump(terms, out, pickle.HIGHEST_PROTOCOL)
                out.flush()
                batch = keys.get()
            if batch is _GONE:  # in the middle of an import: it was cancelled or failed
                if failed:
                    pickle.dump(("error", failed[0]), out, pickle.HIGHEST_PROTOCOL)
                return 1
            pickle.dump(None, out, pickle.HIGHEST_PROTOCOL)
            out.flush()
    except BaseException:
        pickle.dump(("error", traceback.format_exc(limit=-3)), out, pickle.HIGHEST_PROTOCOL)
        return 1
    finally:
        out.flush()


def query_words(query: str) -> list[str]:
    """The words of what the user typed, each to be matched as a prefix of an indexed term."""
    return [w for w in (compact(part) for part in query.split()) if w]
