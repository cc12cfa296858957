"""The fast paths of the search terms give exactly what the plain definitions give."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

import pytest

from yeda_desktop import search_terms as st
from yeda_desktop.demo import vocabulary as vocab
from yeda_desktop.storage import search_index


def _plain_compact(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower()
    return "".join(ch for ch in folded if ch.isalnum())


def test_compact_agrees_with_isalnum_on_every_code_point() -> None:
    chars = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    for start in range(0, len(chars), 4096):
        block = chars[start : start + 4096]
        assert [st.compact(c) for c in block] == [_plain_compact(c) for c in block]
    samples = ["（B1-101）", "ＡＢＣ１２３", "Straße", "İstanbul", "a_b", "3A座 1/2", "", "  "]
    assert [st.compact(s) for s in samples] == [_plain_compact(s) for s in samples]


def _strings(rng: random.Random, n: int) -> list[str]:
    """Demo-like names, and runs of characters that are often word prefixes but rarely words."""
    parts = [*vocab.BRAND_CHARS, *vocab.CITY_PREFIX, *vocab.COMPANY_SUFFIX, *vocab.SURNAMES]
    parts += [trade for trade, _ in vocab.INDUSTRIES] + list("中华人民共和国长江大桥重庆银行")
    out = []
    for _ in range(n):
        out.append("".join(rng.choice(parts) for _ in range(rng.randint(1, 8))))
    return out


def test_the_segmenter_cuts_as_pypinyin_does() -> None:
    from pypinyin.seg import mmseg

    cut = st._segmenter()
    assert cut is not mmseg.seg.cut  # the fast path is in use with this pypinyin
    for text in [*_strings(random.Random(5), 5000), "中", "中华人民共和", "长江大桥", "银行行长"]:
        assert list(cut(text)) == list(mmseg.seg.cut(text)), text


def test_pinyin_parts_as_lazy_pinyin_gives_them() -> None:
    from pypinyin import lazy_pinyin

    for text in _strings(random.Random(6), 500):
        assert st.pinyin_parts(text) == lazy_pinyin(text), text


@pytest.mark.parametrize("phone", [None, "", "13912345678", "0535-6123456", "12", "(0)", "９９"])
def test_person_terms_are_the_sorted_union(phone: str | None) -> None:
    names = [*_strings(random.Random(7), 200), "王芳", "A3", "阿依古丽·买买提", "007", "---"]
    for name in names:
        expected = " ".join(sorted(st.name_terms(name) | st.phone_terms(phone)))
        assert search_index.person_doc("p", name, phone)[3] == expected, (name, phone)


def test_every_term_is_letters_and_digits() -> None:
    """So FTS5 keeps each term whole and PostgreSQL can cast them to a tsvector as they are."""
    docs = [
        search_index.org_doc("o", "烟台（华盛）科技 Co., Ltd.", "91370600MA3C4XY1-04", "0535-612"),
        search_index.unit_doc("u", "B1-01", "B1", "创业大厦A座"),
        search_index.unit_doc("u", "3'A:1", "3", "O'Neil\\大楼"),
        search_index.person_doc("p", "单雪梅", "139 1234 5678"),
    ]
    for _, _, _, terms in docs:
        assert all(re.fullmatch(r"[^\W_]+", t) for t in terms.split()), terms
    assert {"b1b1", "01", "91370600ma3c4xy1", "04"} <= set(docs[0][3].split() + docs[1][3].split())
