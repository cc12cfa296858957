"""The payload's JSON lines read back as the standard library reads them, a chunk at a time or
line by line."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from yeda_desktop.errors import YedaError
from yeda_desktop.syncflow.lines import decode_lines, encode_lines

# Integers at and beyond 64 bits (orjson makes floats of the latter; tried three times for
# these lines, it parsed them faster alone but never made an import faster), floats incl.
# NaN and infinities, lone surrogates, 18-digit ID numbers, Chinese.
values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.sampled_from([2**63 - 1, 2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1])
    | st.floats() | st.text() | st.sampled_from(["\ud800", "370602199001011234", "烟台"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
records = st.lists(st.dictionaries(st.text(max_size=6), values, max_size=6), max_size=30)


def same(a: Any, b: Any) -> bool:
    """Equal, with NaN equal to NaN and an int never equal to a float."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    return bool(a == b)


@settings(max_examples=200, deadline=None)
@given(records, st.integers(min_value=1, max_value=300))
def test_lines_read_back_as_json_reads_them(batch: list[dict[str, Any]], piece: int) -> None:
    # \u escapes: the app's own writer (UTF-8) cannot write a lone surrogate, another can
    data = b"".join(json.dumps(r).encode() + b"\n" for r in batch)
    chunks = [data[i : i + piece] for i in range(0, len(data), piece)]
    expected = [json.loads(line) for line in data.split(b"\n") if line]
    got = list(decode_lines(chunks))
    assert len(got) == len(expected)
    assert all(same(g, e) for g, e in zip(got, expected, strict=True))


def test_what_the_app_writes_reads_back() -> None:
    batch = [{"t": "people", "v": {"name": "单雪梅", "id_number": "370602199001011234",
                                    "n": 2**64, "x": 1.5, "ok": True, "none": None}}] * 3
    assert list(decode_lines(encode_lines(batch))) == batch


def test_big_integers_stay_integers() -> None:
    line = json.dumps({"n": 2**64, "m": -(2**63) - 1, "id": "370602199001011234"}).encode()
    (value,) = decode_lines([line + b"\n"])
    assert value == {"n": 2**64, "m": -(2**63) - 1, "id": "370602199001011234"}
    assert type(value["n"]) is int and type(value["m"]) is int


def test_a_damaged_line_is_the_clear_error() -> None:
    with pytest.raises(YedaError, match="cannot be read"):
        list(decode_lines([b'{"t": 1}\n{"t": \n{"t": 2}\n']))
