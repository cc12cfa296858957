"""Place filters and choices tell clusters and buildings of one name apart."""

from __future__ import annotations

from yeda_desktop.models import Building, Cluster, Subdistrict, Zone
from yeda_desktop.models.enums import ClusterKind
from yeda_desktop.services import directory, places
from yeda_desktop.storage import Database


def _zone(db: Database) -> dict[str, str]:
    """Three 1号楼 in three clusters, two of them 创业园 in two subdistricts, and two 3号楼
    of one cluster at two addresses."""
    with db.session(officer="测试") as s:
        zone = Zone(name="烟台开发区")
        east = Subdistrict(zone=zone, name="八角街道")
        west = Subdistrict(zone=zone, name="古现街道")
        park = Cluster(subdistrict=east, name="国际人才港", kind=ClusterKind.PARK)
        east_camp = Cluster(subdistrict=east, name="创业园", kind=ClusterKind.PARK)
        west_camp = Cluster(subdistrict=west, name="创业园", kind=ClusterKind.PARK)
        made = {
            "park": park, "east_camp": east_camp, "west_camp": west_camp,
            "park 1": Building(cluster=park, name="1号楼"),
            "park 2": Building(cluster=park, name="2号楼"),
            "east 1": Building(cluster=east_camp, name="1号楼"),
            "west 1": Building(cluster=west_camp, name="1号楼"),
            "east 3a": Building(cluster=east_camp, name="3号楼", address="长江路6号"),
            "east 3b": Building(cluster=east_camp, name="3号楼", address="长江路30号"),
        }
        s.add_all([zone, east, west, *made.values()])
        s.flush()
        ids = {key: str(record.id) for key, record in made.items()}
        ids["east"] = str(east.id)
    return ids


def test_a_shared_name_is_labelled_with_where_it_stands(any_db: Database) -> None:
    ids = _zone(any_db)
    with any_db.reader() as s:
        choices = directory.place_choices(s)
    assert choices.clusters_in(None) == [
        ("创业园（八角街道）", ids["east_camp"]),
        ("创业园（古现街道）", ids["west_camp"]),
        ("国际人才港", ids["park"]),
    ]
    assert choices.clusters_in(ids["east"]) == [("创业园", ids["east_camp"]),
                                                ("国际人才港", ids["park"])]
    every = {c.id for c in choices.clusters}
    assert choices.buildings_in(every) == [
        ("1号楼（八角街道 · 创业园）", ids["east 1"]),
        ("1号楼（古现街道 · 创业园）", ids["west 1"]),
        ("1号楼（国际人才港）", ids["park 1"]),
        ("2号楼", ids["park 2"]),
        ("3号楼（创业园 · 长江路30号）", ids["east 3b"]),
        ("3号楼（创业园 · 长江路6号）", ids["east 3a"]),
    ]
    assert choices.buildings_in({ids["park"]}) == [("1号楼", ids["park 1"]),
                                                   ("2号楼", ids["park 2"])]


def test_the_clusters_a_building_is_added_to_say_their_subdistrict_when_names_are_shared(
    any_db: Database,
) -> None:
    ids = _zone(any_db)
    with any_db.reader() as s:
        assert places.cluster_choices(s) == [
            (ids["east_camp"], "创业园（八角街道）"),
            (ids["west_camp"], "创业园（古现街道）"),
            (ids["park"], "国际人才港"),
        ]
