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


@dataclass(frozen=True)
class PlaceChoices:
    subdistricts: list[str]
    clusters: list[Choice]
    buildings: list[Choice]


@dataclass(frozen=True)
class Places:
    """The distinct places of a ledger's gaps, read once from its rows (178,000 at a
    centre of 100,000 organizations) and narrowed at each choice."""

    # (subdistrict, cluster id, cluster, building id, building)
    known: frozenset[tuple[str | None, str | None, str | None, str, str | None]]

    @classmethod
    def of(cls, rows: Iterable[LedgerRow]) -> Places:
        return cls(frozenset((r.subdistrict, r.cluster_id, r.cluster, r.building_id, r.building)
                             for r in rows if r.building_id))

    def choices(self, subdistrict: str | None = None, cluster_id: str | None = None
                ) -> PlaceChoices:
        """What to offer once `subdistrict` and `cluster_id` are chosen (None: any)."""
        in_subdistrict = [p for p in self.known if subdistrict is None or p[0] == subdistrict]
        in_cluster = [p for p in in_subdistrict if cluster_id is None or p[1] == cluster_id]
        clusters = {(cid, name, (sub,))
                    for sub, cid, name, _b, _n in in_subdistrict if cid and name}
        buildings = {(bid, name, (cluster, sub))
                     for sub, _c, cluster, bid, name in in_cluster if name}
        return PlaceChoices(
            subdistricts=sorted({p[0] for p in self.known if p[0]}),
            clusters=distinct_labels(sorted(clusters, key=_by_name)),
            buildings=distinct_labels(sorted(buildings, key=_by_name)),
        )


def _by_name(item: tuple[str, str, Where]) -> tuple[str, tuple[str, ...], str]:
    record_id, name, where = item
    return name, tuple(w or "" for w in where), record_id


def distinct_labels(items: Sequence[tuple[str, str, Where]]) -> list[Choice]:
    """(label, id) of each (id, name, where it stands: nearest first), in their order. A
    name several items share gets as much of `where` as tells it apart from the others,
    or all of it and the start of its id when nothing does."""
    groups: dict[str, list[tuple[str, Where]]] = defaultdict(list)
    for record_id, name, where in items:
        groups[name].append((record_id, where))
    labels: dict[str, str] = {}
    for name, group in groups.items():
        if len(group) == 1:
            labels[group[0][0]] = name
            continue
        deepest = max(len(where) for _id, where in group)
        for record_id, where in group:
            for depth in range(1, deepest + 1):
                here = _where(where, depth)
                if [_where(w, depth) for _i, w in group].count(here) == 1:
                    labels[record_id] = f"{name}（{here}）"
                    break
            else:
                here = " · ".join(x for x in (_where(where, deepest), record_id[:8]) if x)
                labels[record_id] = f"{name}（{here}）"
    return [(labels[record_id], record_id) for record_id, _name, _where_ in items]


def _where(where: Where, depth: int) -> str:
    """The `depth` nearest places, the widest first: 福莱山街道 · 国际人才港."""
    return " · ".join(x for x in reversed(where[:depth]) if x)
