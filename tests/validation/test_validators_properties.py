"""Property tests: well-formed identifiers pass, corrupted ones fail with their field named."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from yeda_desktop.errors import ValidationError
from yeda_desktop.validation import (
    normalize_id_number,
    normalize_org_name,
    normalize_person_name,
    normalize_phone,
    normalize_uscc,
)

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"

uscc_bodies = st.tuples(
    st.sampled_from(["91", "92", "51", "52", "53"]),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(USCC_ALPHABET, min_size=9, max_size=9),
).map("".join)


@given(uscc_bodies)
def test_valid_uscc_is_accepted_and_normalised(body: str) -> None:
    code = body + uscc.calc_check_digit(body)
    assert normalize_uscc(code) == code
    assert normalize_uscc(f"  {code.lower()} ") == code


@given(uscc_bodies, st.sampled_from(USCC_ALPHABET))
def test_a_wrong_uscc_check_digit_is_refused(body: str, wrong: str) -> None:
    assume(wrong != uscc.calc_check_digit(body))
    with pytest.raises(ValidationError) as err:
        normalize_uscc(body + wrong, "uscc")
    assert err.value.field == "uscc"
    assert "统一社会信用代码" in err.value.zh and "校验位" in err.value.zh


@given(st.text("0123456789" + USCC_ALPHABET + "IOSVZ -", min_size=16, max_size=20))
@example("91370600000001789N")
@example("91370600000001789M")
def test_uscc_verdict_is_stdnums(text: str) -> None:
    """The shortcut for codes already compact gives stdnum's own verdict on every code."""
    try:
        accepted = normalize_uscc(text) == uscc.compact(text)
    except ValidationError:
        accepted = False
    assert accepted == uscc.is_valid(text)


@given(st.text(max_size=30))
def test_uscc_never_crashes_on_arbitrary_text(text: str) -> None:
    try:
        result = normalize_uscc(text)
    except ValidationError as err:
        assert err.field == "uscc"
    else:
        assert len(result) == 18


birth_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2008, 12, 31))


def _id(birth: date, seq: int) -> str:
    body = f"370602{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


@given(birth_dates, st.integers(0, 999))
def test_valid_id_numbers_pass(birth: date, seq: int) -> None:
    number = _id(birth, seq)
    assert normalize_id_number(number.lower()) == number


@given(birth_dates, st.integers(0, 999), st.integers(0, 16), st.integers(1, 9))
def test_any_single_digit_change_is_caught(birth: date, seq: int, pos: int, delta: int) -> None:
    number = _id(birth, seq)
    digit = (int(number[pos]) + delta) % 10
    corrupted = number[:pos] + str(digit) + number[pos + 1 :]
    with pytest.raises(ValidationError) as err:
        normalize_id_number(corrupted, "id_number")
    assert err.value.field == "id_number" and "身份证号" in err.value.zh


@given(st.text("0123456789X", min_size=17, max_size=19))
@example("548749488002211241")  # python-stdnum 2.2 raised KeyError('county') on it
def test_any_id_number_is_accepted_or_refused_with_a_reason(value: str) -> None:
    try:
        normalize_id_number(value, "id_number")
    except ValidationError as err:
        assert err.field == "id_number" and err.zh and err.en


mobiles = st.tuples(st.sampled_from("3456789"), st.text("0123456789", min_size=9, max_size=9)).map(
    lambda t: "1" + t[0] + t[1]
)


SPELLINGS = [
    lambda n: n,
    lambda n: f"+86 {n}",
    lambda n: f"{n[:3]}-{n[3:7]}-{n[7:]}",
    lambda n: f"0086{n}",
    lambda n: f" {n[:3]} {n[3:7]} {n[7:]} ",
]


@given(mobiles, st.sampled_from(SPELLINGS))
def test_mobile_spellings_normalise_to_eleven_digits(number: str, spell: object) -> None:
    assert normalize_phone(spell(number)) == number  # type: ignore[operator]


@given(
    st.sampled_from(["0535", "010", "0532", "021", "0755"]),
    st.text("123456789", min_size=7, max_size=8),
    st.sampled_from(["({}){}", "{}-{}", "{}{}", "{} {}"]),
)
def test_landlines_keep_their_area_code(area: str, local: str, spelling: str) -> None:
    assert normalize_phone(spelling.format(area, local)) == f"{area}-{local}"


@pytest.mark.parametrize("bad", ["12345", "23812345678", "1381234567", "电话", "0535-12"])
def test_bad_phones_say_why(bad: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_phone(bad)
    assert err.value.field == "phone" and err.value.reason_zh


cjk = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # basic block
    st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),  # Extension A (䶮)
    st.characters(min_codepoint=0x20000, max_codepoint=0x2A6DF),  # Extension B (𠮷)
)


@given(st.lists(st.text(cjk, min_size=1, max_size=4), min_size=1, max_size=3))
def test_cjk_names_with_middle_dots_round_trip(parts: list[str]) -> None:
    name = "·".join(parts)
    assume(2 <= len(name) <= 30)
    assert normalize_person_name(name) == name
    assert normalize_person_name(name.replace("·", "・")) == name


@pytest.mark.parametrize("name", ["张𠮷", "王䶮", "阿卜杜·热合曼", "Maria García"])
def test_real_rare_and_minority_names_are_accepted(name: str) -> None:
    assert normalize_person_name(name) == name


@pytest.mark.parametrize(
    ("bad", "reason"),
    [("", "不能为空"), ("张三1", "数字"), ("·张三", "汉字"), ("张<b>", "汉字"), ("张", "2至30")],
)
def test_bad_person_names_say_why(bad: str, reason: str) -> None:
    with pytest.raises(ValidationError) as err:
        normalize_person_name(bad)
    assert reason in err.value.zh and err.value.en


def test_organization_names() -> None:
    assert normalize_org_name(" 乐金显示（烟台）有限公司 ") == "乐金显示（烟台）有限公司"
    with pytest.raises(ValidationError, match="<"):
        normalize_org_name("烟台<script>有限公司")
    with pytest.raises(ValidationError, match="至少2个字"):
        normalize_org_name("甲")
