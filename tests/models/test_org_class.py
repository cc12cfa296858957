"""Kind and ownership kept as a pair: the ownership decides the kind, a kind given alone
brings an ownership of its own, and the two at odds are refused naming the field."""

from __future__ import annotations

import pytest

from yeda_desktop.errors import ValidationError
from yeda_desktop.models.enums import OrgKind, Ownership
from yeda_desktop.models.org_class import OWNERSHIPS, kind_of, settle


def test_every_ownership_belongs_to_exactly_one_kind() -> None:
    owned = [o for kind in OrgKind for o in OWNERSHIPS[kind]]
    assert sorted(owned) == sorted(Ownership)
    assert kind_of(Ownership.FOUNDATION) is OrgKind.SOCIAL
    assert kind_of(Ownership.HMT) is OrgKind.ENTERPRISE


def test_an_ownership_given_alone_brings_its_kind() -> None:
    current = (OrgKind.ENTERPRISE, Ownership.PRIVATE)
    assert settle(None, Ownership.ASSOCIATION, current) == (OrgKind.SOCIAL, Ownership.ASSOCIATION)
    assert settle(None, "foreign", None) == (OrgKind.ENTERPRISE, Ownership.FOREIGN)


def test_a_kind_given_alone_keeps_an_ownership_of_its_own_or_takes_its_first() -> None:
    assert settle(OrgKind.ENTERPRISE, None, (OrgKind.ENTERPRISE, Ownership.MIXED)) == (
        OrgKind.ENTERPRISE, Ownership.MIXED)
    assert settle(OrgKind.SOCIAL, None, (OrgKind.ENTERPRISE, Ownership.FOREIGN)) == (
        OrgKind.SOCIAL, Ownership.ASSOCIATION)
    assert settle("social", None) == (OrgKind.SOCIAL, Ownership.ASSOCIATION)
    assert settle(None, None) == (OrgKind.ENTERPRISE, Ownership.PRIVATE)


def test_a_kind_and_an_ownership_at_odds_are_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        settle(OrgKind.ENTERPRISE, Ownership.FOUNDATION)
    assert caught.value.field == "ownership"
    assert caught.value.zh == ("经济类型：“基金会”不是非公企业的经济类型"
                               "（非公企业：私营企业、外资企业、港澳台资企业、个体工商户、混合所有制企业）")
    assert settle(OrgKind.SOCIAL, Ownership.FOUNDATION) == (OrgKind.SOCIAL, Ownership.FOUNDATION)
