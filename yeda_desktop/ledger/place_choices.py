"""What the ledger's place filters offer: the subdistricts, clusters and buildings of its gaps.

A zone has several buildings of one name (every park has its 1号楼; the 100,000-
organization demo: 714 buildings under 337 names), and clusters of one name in two
subdistricts. Each choice is one record, by its id, and a name shared among the choices
says where it stands: 1号楼（国际人才港）. Choosing a subdistrict narrows the clusters
offered, and a cluster the buildings, as the directory's filters do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from yeda_desktop.ledger.listing import LedgerRow

Choice = tuple[str, str]  # label, id
Where = tuple[str | None, ...]  # where a place stands, nearest first
Item = tuple[str, str, Where, str | None]  # id, name, where, an aside (a building's address)


@dataclass(frozen=True)
class PlaceChoices:
    subdistricts: list[str]
    clusters: list[Choice]
    buildings: list[Choice]


@dataclass(frozen=True)
class Places:
    """The distinct places of a ledger's gaps, read once from its rows (178,000 at a
    centre of 100,000 organizations) and narrowed at each choice."""

    # (subdistrict, cluster id, cluster, building id, building, its address)
    known: frozenset[tuple[str | None, str | None, str | None, str, str | None, str | None]]

    @classmethod
    def of(cls, rows: Iterable[LedgerRow]) -> Places:
        return cls(frozenset((r.subdistrict, r.cluster_id, r.cluster, r.building_id, r.building,
                              r.building_address) for r in rows if r.building_id))

    def choices(self, subdistrict: str | None = None, cluster_id: str | None = None
                ) -> PlaceChoices:
        """What to offer once `subdistrict` and `cluster_id` are chosen (None: any)."""
        in_subdistrict = [p for p in self.known if subdistrict is None or p[0] == subdistrict]
        in_cluster = [p for p in in_subdistrict if cluster_id is None or p[1] == cluster_id]
        clusters = {(cid, name, (sub,), None)
                    for sub, cid, name, _b, _n, _a in in_subdistrict if cid and name}
        buildings = {(bid, name, (cluster, sub), address)
                     for sub, _c, cluster, bid, name, address in in_cluster if name}
        return PlaceChoices(
            subdistricts=sorted({p[0] for p in self.known if p[0]}),
            clusters=distinct_labels(sorted(clusters, key=_by_name)),
            buildings=distinct_labels(sorted(buildings, key=_by_name)),
        )


def _by_name(item: Item) -> tuple[str, tuple[str, ...], str, str]:
    record_id, name, where, aside = item
    return name, tuple(w or "" for w in where), aside or "", record_id


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
        asides = [aside for _id, _where, aside in group]
        for record_id, where, aside in group:
            for depth in range(1, deepest + 1):
                here = _where(where, depth)
                if [_where(w, depth) for _i, w, _a in group].count(here) == 1:
                    break
            else:
                told = aside if aside and asides.count(aside) == 1 else record_id[:8]
                here = " · ".join(x for x in (_where(where, 1), told) if x)
            labels[record_id] = f"{name}（{here}）"
    return [(labels[record_id], record_id) for record_id, *_rest in items]


def _where(where: Where, depth: int) -> str:
    """The `depth` nearest places, the widest first: 福莱山街道 · 国际人才港."""
    return " · ".join(x for x in reversed(where[:depth]) if x)
