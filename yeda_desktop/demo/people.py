"""Invented people, phones and identifiers that pass the real checksums."""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import cache

from stdnum.cn import ric, uscc

from yeda_desktop.demo import vocabulary as vocab

_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def person_name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.003:
        return rng.choice(vocab.MINORITY_NAMES)
    surname = rng.choice(vocab.SURNAMES)
    if roll < 0.006:
        return surname + rng.choice(vocab.RARE_GIVEN)
    size = 1 if rng.random() < 0.35 else 2
    return surname + "".join(rng.choice(vocab.GIVEN_CHARS) for _ in range(size))


def mobile(rng: random.Random) -> str:
    return rng.choice(vocab.MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def id_number(rng: random.Random, male: bool, born: date) -> str:
    seq = rng.randrange(50) * 2 + (1 if male else 0)
    region = rng.choice(_regions(born.year))
    body = f"{region}{born:%Y%m%d}{rng.randrange(10)}{seq:02d}"
    return body + str(ric.calc_check_digit(body + "0"))


@cache
def _regions(year: int) -> tuple[str, ...]:
    return tuple(c for c, start, end in vocab.ID_REGIONS if start <= year <= end)


def birth_date(rng: random.Random) -> date:
    return date(1962, 1, 1) + timedelta(days=rng.randrange(365 * 42))


def uscc_code(rng: random.Random, prefix: str) -> str:
    """A syntactically valid USCC: registration/category prefix, Yantai division, random body."""
    body = prefix + "370600" + "".join(rng.choice(_USCC_ALPHABET) for _ in range(9))
    return body + str(uscc.calc_check_digit(body))
