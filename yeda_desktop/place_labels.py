"""Labels that tell places of one name apart, for the filters that offer them.

A zone has several buildings of one name (every park has its 1号楼; the 100,000-
organization demo: 714 buildings under 337 names), and clusters of one name in two
subdistricts. A choice offered by name alone picks none of them; labelled with as
much of where it stands as tells it apart (1号楼（国际人才港）), it picks one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

Choice = tuple[str, str]  # label, id
Where = tuple[str | None, ...]  # where a place stands, nearest first
Item = tuple[str, str, Where, str | None]  # id, name, where, an aside (a building's address)


def distinct_labels(items: Sequence[Item]) -> list[Choice]:
    """(label, id) of each (id, name, where it stands: nearest first, an aside such as
    its address), in their order. A name several items share gets as much of `where` as
    tells it apart from the others; when none does, the nearest place and its aside, or
    the start of its id when the asides are alike too."""
    groups: dict[str, list[tuple[str, Where, str | None]]] = defaultdict(list)
    for record_id, name, where, aside in items:
        groups[name].append((record_id, where, aside))
    labels: dict[str, str] = {}
    for name, group in groups.items():
        if len(group) == 1:
            labels[group[0][0]] = name
            continue
        deepest = max(len(where) for _id, where, _aside in group)
        # How many of the group stand at each place, seen `depth` places out.
        seen = [Counter(_where(where, depth) for _id, where, _aside in group)
                for depth in range(1, deepest + 1)]
        asides = Counter(aside for _id, _where_, aside in group)
        for record_id, where, aside in group:
            here = next((h for depth, counts in enumerate(seen, 1)
                         if counts[h := _where(where, depth)] == 1), None)
            if here is None:
                told = aside if aside and asides[aside] == 1 else record_id[:8]
                here = " · ".join(x for x in (_where(where, 1), told) if x)
            labels[record_id] = f"{name}（{here}）"
    return [(labels[record_id], record_id) for record_id, *_rest in items]


def sorted_labels(items: Iterable[Item]) -> list[Choice]:
    """`distinct_labels` of `items` ordered by name, then where, aside and id (code points,
    as the lists read from the database are)."""
    return distinct_labels(sorted(items, key=lambda item: (
        item[1], tuple(w or "" for w in item[2]), item[3] or "", item[0])))


def _where(where: Where, depth: int) -> str:
    """The `depth` nearest places, the widest first: 福莱山街道 · 国际人才港."""
    return " · ".join(x for x in reversed(where[:depth]) if x)
