"""What a demo zone holds: its rows, made in order and handed to a sink (filling writes them).

A zone of four subdistricts, clusters of every kind, buildings of 5-40 floors
with basements, organizations of every kind and ownership with realistic staff
and member distributions, party organizations including joint branches,
instructors, and this year's sweep part-way done. Everything comes from one
`random.Random(seed)`, so a seed always gives the same database.

Demo rows are a baseline, not edits: they are not written to the change log.
The same seed gives the same rows on SQLite and PostgreSQL; the search index is
the one `rebuild_search_index` would build, computed from the rows as they are
made while the writer thread builds the tables' indexes.
"""

from __future__ import annotations

import functools
import operator
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from sqlalchemy import Connection, Table, select

from yeda_desktop.demo import people as gen
from yeda_desktop.demo import vocabulary as vocab
from yeda_desktop.errors import YedaError
from yeda_desktop.models import (
    Base,
    Building,
    Campaign,
    Cluster,
    Floor,
    Instructor,
    InstructorAssignment,
    Occupancy,
    Organization,
    PartyOrg,
    PartyOrgCoverage,
    Person,
    Subdistrict,
    Team,
    TeamBuilding,
    Unit,
    Visit,
    Zone,
)
from yeda_desktop.models.zone import floor_level
from yeda_desktop.storage import search_index

if TYPE_CHECKING:
    from _typeshed import SupportsLenAndGetItem

T = TypeVar("T")
BASE_TIME = datetime(2026, 6, 1, 9, 0, 0)
CHUNK = 5000

Progress = Callable[[str, int, int], bool]
"""progress(stage, done, total) -> False to cancel."""


# The tables a demo fills, by the stage that fills them (places; campaigns, organizations
# and people; the sweep), in that order.
STAGES: tuple[tuple[type[Base], ...], ...] = (
    (Zone, Subdistrict, Cluster, Building, Floor, Unit),
    (Campaign, Instructor, Organization, Occupancy, Person, PartyOrg, PartyOrgCoverage,
     InstructorAssignment),
    (Team, TeamBuilding, Visit),
)


def stage_tables(stage: int) -> list[str]:
    return [table_of(model).name for model in STAGES[stage]]


class DemoCancelled(YedaError):
    def __init__(self) -> None:
        super().__init__("已取消生成演示数据", "demo generation was cancelled")


def table_of(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


def _ts(value: datetime) -> str:
    """The spelling SQLAlchemy's SQLite DateTime uses, so ORM reads see the same values."""
    return f"{value:%Y-%m-%d %H:%M:%S}.{value.microsecond:06d}"


@functools.cache
def _created_times() -> list[str]:
    """Creation times, formatted once: a million rows would otherwise format a million
    datetimes. Made on first use, not at import: every `yeda` command imports this
    module to register `yeda demo`, and the 82,000 of them took half a second."""
    return [_ts(BASE_TIME - timedelta(minutes=m)) for m in range(0, 400 * 24 * 60, 7)]


def _dated(row: dict[str, Any], day: str) -> dict[str, Any]:
    """A row recorded on the day it happened (an organization formed, an instructor sent).

    Coverage "as of last year's campaign" is read from these times, so they must not be
    the random creation times of the rest of the demo.
    """
    row["created_at"] = row["updated_at"] = f"{day} 09:00:00.000000"
    return row


def _day(value: date) -> str:
    return value.isoformat()


@dataclass
class DemoCounts:
    tables: dict[str, int] = field(default_factory=dict)

    def add(self, table: str, n: int) -> None:
        self.tables[table] = self.tables.get(table, 0) + n


@dataclass
class _UnitSlot:
    unit_id: str
    floor_id: str
    building_id: str
    label: str


@dataclass
class _BuildingInfo:
    building_id: str
    floors: list[tuple[str, str, list[_UnitSlot]]]  # (floor_id, label, units)


class Sink(Protocol):
    """Where the generator's rows go: the writer thread here, or the parent process."""

    def rows(self, sql: str, data: list[Any]) -> None: ...

    def verify(self, current: str) -> None:
        """Once every row is written: mark the organizations this year's sweep registered."""


class _Random(random.Random):
    """random.Random with its three most called draws made shorter, giving the same numbers.

    The demo draws about seven million numbers per 100,000 organizations; these are
    the standard library's own definitions (Python 3.11–3.13) minus their argument
    checks, for the arguments the demo passes (a test compares them draw for draw).
    """

    _randbelow: Callable[[int], int]  # CPython's own, not in the type stubs

    def choice(self, seq: SupportsLenAndGetItem[T]) -> T:
        if not seq:
            raise IndexError("Cannot choose from an empty sequence")
        return seq[self._randbelow(len(seq))]

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None and step == 1 and type(start) is int and start > 0:
            return self._randbelow(start)
        return super().randrange(start, stop, step)

    def randint(self, a: int, b: int) -> int:
        if type(a) is int and type(b) is int and b >= a:
            return a + self._randbelow(b - a + 1)
        return super().randint(a, b)


class DemoGenerator:
    """Makes the rows and search documents of one zone; the sink writes or sends them."""

    def __init__(self, sink: Sink, orgs: int, seed: int, progress: Progress | None) -> None:
        self.sink = sink
        self.rng: random.Random = _Random(seed)
        self.org_target = orgs
        self.progress = progress
        self.counts = DemoCounts()
        self.used_names: set[str] = set()
        self.used_uscc: set[str] = set()
        self.article_names = list(vocab.FOREIGN_NAMES)
        # What the search index is built from, gathered as the rows are made (reading
        # them back would wait on the writer thread while it builds the indexes).
        self.org_sources: list[tuple[str, str, str | None, str | None]] = []
        self.person_sources: list[tuple[str, str, str | None]] = []
        self.unit_sources: list[tuple[str, str, str, str]] = []
        self.occupied_units: set[str] = set()
        self._created = _created_times()

    # -- plumbing ---------------------------------------------------------
    def uid(self) -> str:
        """A version-4 UUID drawn from the seeded generator (uuid.UUID() is 3x slower)."""
        h = f"{self.rng.getrandbits(122):031x}"
        return f"{h[:8]}-{h[8:12]}-4{h[12:15]}-{'89ab'[int(h[15], 16) & 3]}{h[16:19]}-{h[19:31]}"

    def stamp(self) -> dict[str, Any]:
        """Id, revision and a creation time some minute in the 400 days before the sweep."""
        created = self._created[self.rng.randrange(len(self._created))]
        return {"id": self.uid(), "revision": 1, "created_at": created, "updated_at": created}

    def write(self, table: Table, rows: list[dict[str, Any]]) -> None:
        """Plain DBAPI executemany: the ORM's per-value type processing would triple the time."""
        if not rows:
            return
        columns = list(rows[0])
        row_values = operator.itemgetter(*columns)
        sql = (
            f"INSERT INTO {table.name} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})"
        )
        for start in range(0, len(rows), CHUNK):
            data = [row_values(r) for r in rows[start : start + CHUNK]]
            if len(columns) == 1:
                data = [(value,) for value in data]
            self.sink.rows(sql, data)
        self.counts.add(table.name, len(rows))

    def search_total(self) -> int:
        return len(self.org_sources) + len(self.person_sources) + len(self.unit_sources)

    def search_docs(self) -> Iterator[search_index.Doc]:
        """The search index's documents in `rebuild_search_index`'s order (so, rowids).

        Each kind's sources are let go once sorted, and the sorted copy once indexed.
        """
        first = operator.itemgetter(0)
        orgs = sorted(self.org_sources, key=first)
        self.org_sources = []
        for org in orgs:
            yield search_index.org_doc(*org)
        del orgs
        people = sorted(self.person_sources, key=first)
        self.person_sources = []
        for person in people:
            yield search_index.person_doc(*person)
        del people
        units = sorted(self.unit_sources, key=first)
        self.unit_sources = []
        for unit in units:
            yield search_index.unit_doc(*unit)

    def tick(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None and self.progress(stage, done, total) is False:
            raise DemoCancelled()

    # -- places -----------------------------------------------------------
    def places(self) -> list[_BuildingInfo]:
        rng = self.rng
        zone = {**self.stamp(), "name": "烟台开发区", "code": "370671"}
        self.write(table_of(Zone), [zone])
        subdistricts = [
            {**self.stamp(), "zone_id": zone["id"], "name": name} for name in vocab.SUBDISTRICTS
        ]
        self.write(table_of(Subdistrict), subdistricts)

        n_buildings = max(4, round(self.org_target / 140))
        n_clusters = max(8, n_buildings // 10)
        clusters = []
        for i in range(n_clusters):
            if i < len(vocab.NAMED_CLUSTERS):
                name, kind = vocab.NAMED_CLUSTERS[i]
            else:
                kind = rng.choice(["park", "park", "office_building", "business_district", "other"])
                name = (
                    f"{rng.choice(vocab.CLUSTER_STEMS)}{rng.choice(vocab.CLUSTER_SUFFIX[kind])}"
                    f"{'' if i < 30 else i}"
                )
            clusters.append(
                {
                    **self.stamp(),
                    "subdistrict_id": subdistricts[i % 4]["id"],
                    "name": name,
                    "kind": kind,
                }
            )
        self.write(table_of(Cluster), clusters)

        buildings, floors, units, infos = [], [], [], []
        for b in range(n_buildings):
            cluster = clusters[b % n_clusters]
            above = rng.randint(5, 40)
            below = rng.choice([0, 1, 1, 2, 2, 3])
            name = (
                f"{rng.choice(vocab.BUILDING_STEMS)}{rng.choice(vocab.BUILDING_SUFFIX)}"
                f"{'ABCDEFGH'[b % 8]}座"
            )
            building = {
                **self.stamp(),
                "cluster_id": cluster["id"],
                "name": name,
                "address": f"烟台开发区{cluster['name']}{b + 1}号",
                "floors_above": above,
                "floors_below": below,
            }
            buildings.append(building)
            info = _BuildingInfo(building["id"], [])
            labels = [(f"B{k}", -k) for k in range(below, 0, -1)]
            names = ["3A" if (k == 4 and above > 6) else str(k) for k in range(1, above + 1)]
            labels += [(name, floor_level(name)) for name in names]
            for label, level in labels:
                floor = {
                    **self.stamp(),
                    "building_id": building["id"],
                    "label": label,
                    "level": level,
                }
                floors.append(floor)
                slots = []
                per_floor = rng.randint(4, 12) if level > 0 else rng.randint(2, 5)
                for u in range(1, per_floor + 1):
                    unit_label = f"{label}-{u:02d}" if level < 0 else f"{label}{u:02d}"
                    unit = {**self.stamp(), "floor_id": floor["id"], "label": unit_label}
                    units.append(unit)
                    self.unit_sources.append((unit["id"], unit_label, label, building["name"]))
                    slots.append(_UnitSlot(unit["id"], floor["id"], building["id"], unit_label))
                info.floors.append((floor["id"], label, slots))
            infos.append(info)
            if len(units) >= CHUNK:  # parents first: foreign keys hold at every insert
                self.write(table_of(Building), buildings)
                self.write(table_of(Floor), floors)
                self.write(table_of(Unit), units)
                buildings, floors, units = [], [], []
        self.write(table_of(Building), buildings)
        self.write(table_of(Floor), floors)
        self.write(table_of(Unit), units)
        self.tick("places", 1, 1)
        return infos

    # -- organizations ----------------------------------------------------
    def org_name(self, kind: str, ownership: str) -> tuple[str, str | None]:
        rng = self.rng
        for _ in range(50):
            brand = "".join(rng.sample(vocab.BRAND_CHARS, 2))
            if kind == "social":
                suffix = next(s for s, o in vocab.SOCIAL_SUFFIX if o == ownership)
                trade, section = rng.choice(vocab.INDUSTRIES)
                name = f"烟台开发区{brand}{trade}{suffix}"
                section = "S" if ownership == "association" else "P" if "培训" in name else "Q"
            elif ownership == "foreign" and self.article_names:
                name, section = self.article_names.pop(0), "C"
            else:
                trade, section = rng.choice(vocab.INDUSTRIES)
                middle = "（烟台）" if ownership in ("foreign", "hmt") else ""
                name = f"{rng.choice(vocab.CITY_PREFIX)}{brand}{trade}{middle}" + (
                    "" if trade.endswith("所") else rng.choice(vocab.COMPANY_SUFFIX)
                )
            if name not in self.used_names:
                self.used_names.add(name)
                return name, section
        return f"{name}{len(self.used_names)}", section

    def new_uscc(self, kind: str, ownership: str) -> str:
        if kind == "social":
            prefix = {"association": "51", "private_non_enterprise": "52"}.get(ownership, "53")
        else:
            prefix = "92" if ownership == "individual" else "91"
        while True:
            code = gen.uscc_code(self.rng, prefix)
            if code not in self.used_uscc:
                self.used_uscc.add(code)
                return code

    def staff_count(self) -> int:
        roll = self.rng.random()
        if roll < 0.55:
            return self.rng.randint(1, 20)
        if roll < 0.80:
            return self.rng.randint(21, 49)
        if roll < 0.92:
            return self.rng.randint(50, 99)
        if roll < 0.985:
            return self.rng.randint(100, 499)
        return self.rng.randint(500, 5000)

    def member_count(self, staff: int) -> int:
        rng = self.rng
        chance = 0.15 if staff < 20 else 0.45 if staff < 50 else 0.7 if staff < 100 else 0.9
        if rng.random() > chance:
            return 0
        rate = rng.uniform(0.02, 0.12)
        return max(1, min(staff, round(staff * rate)))

    def person(self, org_id: str, role: str, status: str, joined: bool) -> dict[str, Any]:
        rng = self.rng
        male = rng.random() < 0.55
        born = gen.birth_date(rng)
        row = {
            **self.stamp(),
            "organization_id": org_id,
            "name": gen.person_name(rng),
            "gender": "male" if male else "female",
            "id_number": gen.id_number(rng, male, born) if rng.random() < 0.95 else None,
            "phone": gen.mobile(rng),
            "role": role,
            "party_status": status,
            "relation_transferred": None,
            "join_date": None,
        }
        if joined:
            row["relation_transferred"] = rng.random() < 0.85
            start = max(born.year + 18, 1985)
            row["join_date"] = _day(
                date(rng.randint(start, 2025), rng.randint(1, 12), rng.randint(1, 28))
            )
        return row

    def organizations(self, infos: list[_BuildingInfo], campaigns: tuple[str, str]) -> None:
        rng = self.rng
        slots = [slot for info in infos for _fid, _label, units in info.floors for slot in units]
        rng.shuffle(slots)
        occupied_units = slots[: min(len(slots), self.org_target)]
        occupied_units.sort(key=lambda s: (s.building_id, s.label))
        self.vacant: dict[str, list[_UnitSlot]] = {}
        for slot in slots[len(occupied_units) :]:
            self.vacant.setdefault(slot.building_id, []).append(slot)
        current, previous = campaigns
        instructors = self.instructors()
        done = 0
        while done < self.org_target:
            batch_slots = occupied_units[done : done + CHUNK] if done < len(occupied_units) else []
            size = min(CHUNK, self.org_target - done)
            self.organization_batch(size, batch_slots, instructors, current, previous)
            done += size
            self.tick("organizations", done, self.org_target)

    def organization_batch(
        self,
        size: int,
        slots: list[_UnitSlot],
        instructors: list[str],
        current: str,
        previous: str,
    ) -> None:
        rng = self.rng
        orgs, occs, people, porgs, covs, assigns = [], [], [], [], [], []
        small_with_members: dict[str, list[str]] = {}
        for i in range(size):
            slot = slots[i] if i < len(slots) else None
            kind = "social" if rng.random() < 0.08 else "enterprise"
            if kind == "social":
                ownership = rng.choice(
                    ["association", "association", "private_non_enterprise", "foundation"]
                )
            else:
                ownership = rng.choices(
                    ["private", "foreign", "hmt", "individual", "mixed"], [78, 8, 4, 7, 3]
                )[0]
            name, section = self.org_name(kind, ownership)
            staff = self.staff_count()
            members = self.member_count(staff)
            full = members - (rng.randint(0, min(2, members)) if members else 0)
            reported = members if rng.random() < 0.9 else max(0, members + rng.randint(-2, 3))
            org = {
                **self.stamp(),
                "name": name,
                "uscc": self.new_uscc(kind, ownership) if rng.random() < 0.97 else None,
                "kind": kind,
                "ownership": ownership,
                "industry_section": section,
                "key_industry": rng.choice(
                    [None] * 8
                    + ["express", "automotive", "hazchem", "information_tech", "biomedicine"]
                ),
                "is_listed": staff > 300 and rng.random() < 0.2,
                "is_above_size": staff >= 100 or rng.random() < 0.05,
                "is_key_enterprise": staff > 800 and rng.random() < 0.5,
                "staff_count": staff,
                "reported_member_count": reported,
                "address": None,
                "legal_rep": None,
                "contact_name": None,
                "contact_phone": None,
                "has_party_activities": members > 0 and rng.random() < 0.7,
                "has_party_guarantees": members > 0 and rng.random() < 0.5,
                "verified_campaign_id": previous,
                "verified_at": None,
                "note": None,
            }
            orgs.append(org)
            oid = org["id"]
            # The legal representative and contact are recorded on the organization;
            # people rows are the staff the sweep registers by name (its members).
            org["legal_rep"] = gen.person_name(rng)
            org["contact_name"] = gen.person_name(rng)
            org["contact_phone"] = gen.mobile(rng)
            member_rows = [
                self.person(
                    oid,
                    "party_worker" if k == 0 else "staff",
                    "full" if k < full else "probationary",
                    True,
                )
                for k in range(min(members, 60))
            ]
            people += member_rows
            if members and rng.random() < 0.3:
                people.append(
                    self.person(oid, "staff", rng.choice(["activist", "candidate"]), False)
                )
            if slot is not None:
                occs.append({**self.stamp(), "organization_id": oid, "unit_id": slot.unit_id})
                self.occupied_units.add(slot.unit_id)
                org["address"] = f"{slot.label}室"
                spare = self.vacant.get(slot.building_id)
                if staff >= 200 and spare:  # big employers spread over several units
                    extra = spare.pop()
                    occs.append({**self.stamp(), "organization_id": oid, "unit_id": extra.unit_id})
                    self.occupied_units.add(extra.unit_id)
            if full >= 3 and rng.random() < 0.75:
                ptype = (
                    "committee"
                    if members >= 100
                    else ("general_branch" if members > 50 else "branch")
                )
                label = {
                    "committee": "委员会",
                    "general_branch": "总支部委员会",
                    "branch": "支部委员会",
                }[ptype]
                secretary = member_rows[0] if member_rows else None
                porg = {
                    **self.stamp(),
                    "name": f"中共{name}{label}",
                    "type": ptype,
                    "parent_id": None,
                    "secretary_id": secretary["id"] if secretary else None,
                    "secretary_name": secretary["name"] if secretary else None,
                    "established_on": _day(date(rng.randint(2005, 2025), rng.randint(1, 12), 1)),
                }
                _dated(porg, porg["established_on"])
                porgs.append(porg)
                covs.append(
                    _dated(
                        {**self.stamp(), "party_org_id": porg["id"], "organization_id": oid},
                        porg["established_on"],
                    )
                )
            elif members > 0 and slot is not None:
                small_with_members.setdefault(slot.building_id, []).append(oid)
            elif staff >= 30 and rng.random() < 0.35 and instructors:
                starts = _day(date(rng.randint(2022, 2025), rng.randint(1, 12), 1))
                assigns.append(
                    _dated(
                        {
                            **self.stamp(),
                            "instructor_id": rng.choice(instructors),
                            "organization_id": oid,
                            "starts_on": starts,
                            "ends_on": None,
                        },
                        starts,
                    )
                )
        for building_orgs in small_with_members.values():
            for start in range(0, len(building_orgs), 4):
                group = building_orgs[start : start + 4]
                if len(group) < 2 or rng.random() < 0.3:
                    continue
                porg = {
                    **self.stamp(),
                    "name": f"中共烟台开发区联合支部委员会（第{len(porgs) + 1}组）",
                    "type": "joint_branch",
                    "parent_id": None,
                    "secretary_id": None,
                    "secretary_name": gen.person_name(rng),
                    "established_on": _day(date(rng.randint(2015, 2025), rng.randint(1, 12), 1)),
                }
                stem = rng.choice(vocab.BUILDING_STEMS)
                porg["name"] = f"中共{stem}楼宇联合支部委员会{porg['id'][:4]}"
                _dated(porg, porg["established_on"])
                porgs.append(porg)
                covs += [
                    _dated(
                        {**self.stamp(), "party_org_id": porg["id"], "organization_id": o},
                        porg["established_on"],
                    )
                    for o in group
                ]
        self.org_sources += [(o["id"], o["name"], o["uscc"], o["contact_phone"]) for o in orgs]
        self.person_sources += [(p["id"], p["name"], p["phone"]) for p in people]
        self.write(table_of(Organization), orgs)
        self.write(table_of(Occupancy), occs)
        self.write(table_of(Person), people)
        self.write(table_of(PartyOrg), porgs)
        self.write(table_of(PartyOrgCoverage), covs)
        self.write(table_of(InstructorAssignment), assigns)

    def instructors(self) -> list[str]:
        rows = [
            {
                **self.stamp(),
                "name": gen.person_name(self.rng),
                "phone": gen.mobile(self.rng),
                "employer": self.rng.choice(
                    [
                        "开发区党工委组织部",
                        "古现街道党工委",
                        "八角街道党工委",
                        "福莱山街道党工委",
                        "大季家街道党工委",
                    ]
                ),
            }
            for _ in range(max(3, self.org_target // 60))
        ]
        self.write(table_of(Instructor), rows)
        return [r["id"] for r in rows]

    # -- campaign ---------------------------------------------------------
    def campaigns(self) -> tuple[str, str]:
        previous = {
            **self.stamp(),
            "name": "2025年集中扫楼月",
            "year": 2025,
            "starts_on": "2025-06-01",
            "ends_on": "2025-07-31",
            "is_current": False,
        }
        current = {
            **self.stamp(),
            "name": "2026年集中扫楼月",
            "year": 2026,
            "starts_on": "2026-06-01",
            "ends_on": "2026-07-31",
            "is_current": True,
        }
        self.write(table_of(Campaign), [previous, current])
        return current["id"], previous["id"]

    def rows(self) -> None:
        """Every row of the zone, in an order that keeps the foreign keys satisfied."""
        infos = self.places()
        current, previous = self.campaigns()
        self.organizations(infos, (current, previous))
        self.sweep(infos, current, previous)

    def sweep(self, infos: list[_BuildingInfo], current: str, previous: str) -> None:
        """Last year's sweep visited everything; this year's is part-way through."""
        rng = self.rng
        occupied = self.occupied_units
        teams = [
            {
                **self.stamp(),
                "campaign_id": current,
                "name": f"第{k + 1}扫楼组",
                "leader": gen.person_name(rng),
            }
            for k in range(max(2, min(8, len(infos) // 3)))
        ]
        self.write(table_of(Team), teams)
        team_buildings, visits = [], []
        for b, info in enumerate(infos):
            team = teams[b % len(teams)]
            team_buildings.append(
                {**self.stamp(), "team_id": team["id"], "building_id": info.building_id}
            )
            started = rng.random() < 0.6
            swept_floors = rng.randint(1, len(info.floors)) if started else 0
            for f, (_fid, _label, units) in enumerate(info.floors):
                for slot in units:
                    is_occupied = slot.unit_id in occupied
                    visits.append(self.visit(previous, None, slot, is_occupied, 2025))
                    if f < swept_floors:
                        visits.append(self.visit(current, team["id"], slot, is_occupied, 2026))
            if len(visits) >= CHUNK:  # written as we go: memory stays flat at any size
                self.write(table_of(Visit), visits)
                visits = []
        self.write(table_of(TeamBuilding), team_buildings)
        self.write(table_of(Visit), visits)
        self.sink.verify(current)
        self.tick("sweep", 1, 1)

    def visit(
        self, campaign: str, team: str | None, slot: _UnitSlot, occupied: bool, year: int
    ) -> dict[str, Any]:
        rng = self.rng
        if not occupied:
            outcome = "vacant"
        else:
            outcome = rng.choices(["registered", "revisit", "refused"], [90, 8, 2])[0]
        when = _ts(datetime(year, 6, 1, 9) + timedelta(minutes=rng.randrange(40 * 24 * 60)))
        return {
            **self.stamp(),
            "campaign_id": campaign,
            "unit_id": slot.unit_id,
            "team_id": team,
            "outcome": outcome,
            "visited_at": when,
            "officer": gen.person_name(rng),
            "note": None,
        }


def mark_verified(conn: Connection, current: str) -> None:
    """Organizations registered in this year's visits were verified in this campaign."""
    organizations, occupancies = table_of(Organization), table_of(Occupancy)
    visits = table_of(Visit)
    conn.execute(
        organizations.update()
        .where(
            organizations.c.id.in_(
                select(occupancies.c.organization_id)
                .join(visits, visits.c.unit_id == occupancies.c.unit_id)
                .where(visits.c.campaign_id == current, visits.c.outcome == "registered")
            )
        )
        .values(verified_campaign_id=current, verified_at=BASE_TIME + timedelta(days=20))
    )
