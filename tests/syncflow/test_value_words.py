"""Field values in the administrator's words: the merge view, the audit view and the CLI."""

from __future__ import annotations

from yeda_desktop.syncflow.value_words import EMPTY, value_words


def test_values_read_as_words_not_json() -> None:
    assert value_words("organizations", "contact_phone", "13811112222") == "13811112222"
    assert value_words("organizations", "name", "烟台\"海岸\"咨询") == "烟台\"海岸\"咨询"
    assert value_words("organizations", "contact_phone", None) == EMPTY == "（空）"
    assert value_words("organizations", "has_party_activities", True) == "是"
    assert value_words("organizations", "has_party_activities", False) == "否"
    assert value_words("organizations", "kind", "enterprise") == "非公企业"
    assert value_words("people", "party_status", "none") != "none"  # its Chinese word
    assert value_words("organizations", "staff_count", 55) == "55"


def test_what_has_no_word_stays_as_it_came() -> None:
    assert value_words("organizations", "kind", "unheard-of") == "unheard-of"
    assert value_words("no_such_table", "x", [1, "二"]) == '[1, "二"]'
