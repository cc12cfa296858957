"""Buildings, floors and units as the officer adds them, including units in bulk ("01–20")."""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import Building, Cluster, Floor, Subdistrict, Unit, new_id
from yeda_desktop.place_labels import distinct_labels
from yeda_desktop.services.edits import Edit, Insert, checked
from yeda_desktop.services.ordering import code_point, dialect_of

MAX_UNITS_PER_ENTRY = 500
_RANGE_SEPARATORS = re.compile(r"\.\.|[–—~～至到]")
_ITEM_SEPARATORS = re.compile(r"[,，、;；\s]+")
_TAIL_NUMBER = re.compile(r"^(.*?)(\d+)$")


def _err(reason_zh: str, reason_en: str) -> ValidationError:
    return ValidationError("units", "房间号", reason_zh, reason_en)


def _expand(start: str, end: str) -> list[str]:
    first, last = _TAIL_NUMBER.match(start), _TAIL_NUMBER.match(end)
    if first is None or last is None or first.group(1) != last.group(1):
        raise _err(
            f"“{start}”至“{end}”不是同一前缀的编号范围",
            f"{start!r} to {end!r} is not a range of numbers with one prefix",
        )
    low, high = int(first.group(2)), int(last.group(2))
    if low > high:
        raise _err(f"范围“{start}–{end}”起点大于终点", f"range {start}-{end} runs backwards")
    if high - low + 1 > MAX_UNITS_PER_ENTRY:
        raise _err(
            f"一次最多添加{MAX_UNITS_PER_ENTRY}个房间",
            f"at most {MAX_UNITS_PER_ENTRY} units at a time",
        )
    digits = first.group(2)
    width = len(digits) if digits.startswith("0") or len(digits) == len(last.group(2)) else 0
    return [f"{first.group(1)}{n:0{width}d}" for n in range(low, high + 1)]


def _split_range(item: str) -> tuple[str, str] | None:
    parts = _RANGE_SEPARATORS.split(item)
    if len(parts) == 2:
        return parts[0], parts[1]
    if len(parts) > 2:
        raise _err(f"无法识别“{item}”", f"cannot read {item!r}")
    # A plain hyphen is a range only between two numbers with the same prefix: 01-20,
    # A01-A12, 3A01-3A06 (floor 3A's rooms); B1-101 is one door sign (prefixes B and none).
    halves = item.split("-")
    if len(halves) == 2 and all(re.fullmatch(r"(?:[0-9A-Z]*[A-Z])?\d+", h) for h in halves):
        a, b = (_TAIL_NUMBER.match(h) for h in halves)
        if a and b and a.group(1) == b.group(1):
            return halves[0], halves[1]
    return None


def parse_unit_labels(text: str) -> list[str]:
    """Unit labels from "01–20", "A01-A12", "B1-101..B1-110", "101, 103" (in order, no repeats)."""
    folded = unicodedata.normalize("NFKC", text).upper()
    items = [item for item in _ITEM_SEPARATORS.split(folded) if item]
    if not items:
        raise _err("请输入房间号，如 01–20 或 A01–A12", "enter unit labels, e.g. 01-20 or A01-A12")
    labels: list[str] = []
    for item in items:
        bounds = _split_range(item)
        found = _expand(*bounds) if bounds else [item]
        for label in found:
            checked(Unit, "label", label)
            if label not in labels:
                labels.append(label)
    if len(labels) > MAX_UNITS_PER_ENTRY:
        raise _err(
            f"一次最多添加{MAX_UNITS_PER_ENTRY}个房间", f"at most {MAX_UNITS_PER_ENTRY} units"
        )
    return labels


def add_units(session: Session, floor_id: str, text: str) -> Edit:
    """An edit adding the units `text` names to the floor, skipping those it already has."""
    labels = parse_unit_labels(text)
    existing = set(session.scalars(select(Unit.label).where(Unit.floor_id == floor_id)))
    new = [label for label in labels if label not in existing]
    if not new:
        raise _err("这些房间已经存在", "these units already exist")
    steps = tuple(Insert(Unit, {"id": new_id(), "floor_id": floor_id, "label": lb}) for lb in new)
    return Edit(f"添加房间 {new[0]}…{new[-1]}", f"Add units {new[0]}…{new[-1]}", steps)


def add_floor(session: Session, building_id: str, label: str) -> Edit:
    clean = checked(Floor, "label", label)
    taken = session.scalar(
        select(Floor.id).where(Floor.building_id == building_id, Floor.label == clean)
    )
    if taken is not None:
        raise ValidationError("label", "楼层", f"{clean}层已存在", f"floor {clean} already exists")
    values = {"id": new_id(), "building_id": building_id, "label": clean}
    return Edit(f"添加{clean}层", f"Add floor {clean}", (Insert(Floor, values),))


def cluster_choices(session: Session) -> list[tuple[str, str]]:
    """(id, label) of every cluster a building can be added to, by name; a name two
    subdistricts both have says which subdistrict (创业园（古现街道）)."""
    dialect = dialect_of(session)
    rows = session.execute(
        select(Cluster.id, Cluster.name, Subdistrict.name)
        .join(Subdistrict, Subdistrict.id == Cluster.subdistrict_id)
        .order_by(code_point(Cluster.name, dialect), code_point(Subdistrict.name, dialect),
                  Cluster.id))
    labelled = distinct_labels([(c, name, (sub,), None) for c, name, sub in rows])
    return [(cluster_id, label) for label, cluster_id in labelled]


def add_building(
    session: Session, cluster_id: str, name: str, floors_above: int, floors_below: int = 0
) -> Edit:
    """An edit adding a building with its floors B{n}…B1, 1…{floors_above}."""
    clean = name.strip()
    if not clean:
        raise ValidationError("name", "楼宇名称", "不能为空", "must not be empty")
    if len(clean) > 100:
        raise ValidationError("name", "楼宇名称", "不能超过100个字", "at most 100 characters")
    if not 1 <= floors_above <= 200 or not 0 <= floors_below <= 10:
        raise ValidationError(
            "floors_above", "楼层数", "地上1至200层，地下0至10层", "1-200 floors above, 0-10 below"
        )
    building_id = new_id()
    steps: list[Insert] = [
        Insert(
            Building,
            {
                "id": building_id,
                "cluster_id": cluster_id,
                "name": clean,
                "floors_above": floors_above,
                "floors_below": floors_below,
            },
        )
    ]
    labels = [f"B{n}" for n in range(floors_below, 0, -1)]
    labels += [str(n) for n in range(1, floors_above + 1)]
    for label in labels:
        steps.append(Insert(Floor, {"id": new_id(), "building_id": building_id, "label": label}))
    return Edit(f"添加楼宇 {clean}", f"Add building {clean}", tuple(steps))
