"""A building's SimilarNames gives, pair by pair, the verdicts of `similar` (its shortcuts
only skip comparisons that cannot match)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from yeda_desktop.syncflow.duplicates import SimilarNames, similar

# Names built from the parts real ones share (place, trade, legal form), so that many
# pairs come close to the threshold, with noise the name key drops.
PLACES = st.sampled_from(["烟台", "烟台开发区", "山东", "业达", ""])
WORDS = st.text(alphabet="海岸咨询服务科技信息技术商贸精密机械人力资源食品华城金新", max_size=8)
FORMS = st.sampled_from(
    ["有限公司", "有限责任公司", "股份有限公司", "中心", "（烟台）有限公司", ""])
NAMES = st.builds(lambda p, w, f, s: p + w + f + s, PLACES, WORDS, FORMS,
                  st.sampled_from(["", " ", "·", "A"]))


@st.composite
def variant(draw: st.DrawFn, name: str) -> str:
    """The name with a few letters added or dropped: near the threshold, by length too."""
    cut = draw(st.integers(0, len(name)))
    return draw(st.sampled_from([
        name[:cut] + draw(WORDS.filter(lambda w: len(w) <= 3)) + name[cut:],
        name[:cut] + name[cut + draw(st.integers(1, 3)):],
    ]))


@given(NAMES.flatmap(lambda name: st.tuples(
    st.just(name), st.lists(st.one_of(NAMES, variant(name)), min_size=1, max_size=25))))
def test_a_building_finds_exactly_the_similar_names(drawn: tuple[str, list[str]]) -> None:
    name, residents = drawn
    building = SimilarNames((f"o{n}", other) for n, other in enumerate(residents))
    expected = [(f"o{n}", other) for n, other in enumerate(residents) if similar(name, other)]
    assert list(building.like(name)) == expected


def test_the_same_company_written_two_ways_is_similar_and_another_is_not() -> None:
    building = SimilarNames(
        [("a", "烟台海岸咨询服务有限公司"), ("b", "山东泰信汽车零部件股份有限公司")])
    assert [oid for oid, _ in building.like("烟台海岸咨询服务有限责任公司")] == ["a"]
    assert [oid for oid, _ in building.like("烟台 海岸咨询服务（有限公司）")] == ["a"]
    assert list(building.like("业达城华人力资源有限公司")) == []
