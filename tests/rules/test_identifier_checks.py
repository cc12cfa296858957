"""The stored-identifier checks: Python agrees with python-stdnum (USCC) and with its own SQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, literal, select
from stdnum.cn import ric, uscc

from yeda_desktop.rules.identifier_checks import (
    id_number_is_valid,
    id_number_is_valid_sql,
    uscc_is_valid,
    uscc_is_valid_sql,
)

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXYIOZa-"


@pytest.fixture(scope="module")
def engine() -> Iterator[Engine]:
    eng = create_engine("sqlite://")
    yield eng
    eng.dispose()


def _sql(engine: Engine, expr_fn: object, value: str) -> bool:
    with engine.connect() as conn:
        result = conn.execute(select(expr_fn(literal(value)))).scalar()  # type: ignore[operator]
    return bool(result)


valid_usccs = st.text("0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17).map(
    lambda body: body + uscc.calc_check_digit(body + "0")
)


@settings(max_examples=300, deadline=None)
@given(st.one_of(valid_usccs, st.text(ALPHABET, min_size=16, max_size=19)))
def test_uscc_python_matches_stdnum_and_sql(engine: Engine, value: str) -> None:
    assert uscc_is_valid(value) == uscc.is_valid(value) or value != value.strip().upper()
    assert _sql(engine, uscc_is_valid_sql, value) == uscc_is_valid(value)


def test_known_usccs() -> None:
    assert uscc_is_valid("91110000600037341L")
    assert not uscc_is_valid("91110000600037341M")
    assert not uscc_is_valid("91110000600037341l")  # stored values are upper case


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.text("0123456789X", min_size=17, max_size=19),
    st.builds(lambda y, m, d, s: f"110101{y:04d}{m:02d}{d:02d}{s:03d}", st.integers(0, 2100),
              st.integers(0, 13), st.integers(0, 32), st.integers(0, 999)).flatmap(
        lambda body: st.sampled_from([body + c for c in "0123456789X"])),
))
def test_id_number_python_matches_sql_and_accepts_what_stdnum_accepts(
    engine: Engine, value: str
) -> None:
    assert _sql(engine, id_number_is_valid_sql, value) == id_number_is_valid(value)
    if ric.is_valid(value):
        assert id_number_is_valid(value)


def test_id_number_dates_and_check_digit() -> None:
    assert id_number_is_valid("11010519491231002X")
    assert not id_number_is_valid("110105194912310021")  # wrong check digit
    assert not id_number_is_valid("110105202302290010"[:17] + "X")  # 2023-02-29 does not exist
