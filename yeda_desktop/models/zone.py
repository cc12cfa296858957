"""The place hierarchy: zone → subdistrict → cluster → building → floor → unit."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from yeda_desktop.errors import ValidationError
from yeda_desktop.models.base import Base, Synced, enum_column
from yeda_desktop.models.enums import ClusterKind


class Zone(Synced, Base):
    __tablename__ = "zones"

    name: Mapped[str] = mapped_column(String(100))
    code: Mapped[str | None] = mapped_column(String(20))

    subdistricts: Mapped[list[Subdistrict]] = relationship(back_populates="zone")


class Subdistrict(Synced, Base):
    __tablename__ = "subdistricts"

    zone_id: Mapped[str] = mapped_column(ForeignKey("zones.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))

    zone: Mapped[Zone] = relationship(back_populates="subdistricts")
    clusters: Mapped[list[Cluster]] = relationship(back_populates="subdistrict")


class Cluster(Synced, Base):
    __tablename__ = "clusters"

    subdistrict_id: Mapped[str] = mapped_column(ForeignKey("subdistricts.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[ClusterKind] = mapped_column(enum_column(ClusterKind))

    subdistrict: Mapped[Subdistrict] = relationship(back_populates="clusters")
    buildings: Mapped[list[Building]] = relationship(back_populates="cluster")


class Building(Synced, Base):
    __tablename__ = "buildings"

    cluster_id: Mapped[str] = mapped_column(ForeignKey("clusters.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str | None] = mapped_column(String(200))
    floors_above: Mapped[int] = mapped_column(Integer, default=1)
    floors_below: Mapped[int] = mapped_column(Integer, default=0)

    cluster: Mapped[Cluster] = relationship(back_populates="buildings")
    floors: Mapped[list[Floor]] = relationship(
        back_populates="building", order_by="(Floor.level, Floor.label)"
    )


def floor_level(label: str) -> int:
    """Sort key of a floor label: B2 → -2, 1 → 1, 3A → 3 (after 3), RF → 1000."""
    text = label.strip().upper()
    if text.startswith("B") and text[1:].isdigit():
        return -int(text[1:])
    if text.startswith("-") and text[1:].isdigit():
        return -int(text[1:])
    digits = ""
    for ch in text:
        if not ch.isdigit():
            break
        digits += ch
    if digits:
        return int(digits)
    if text in {"RF", "顶层", "屋顶"}:
        return 1000
    raise ValidationError(
        "label", "楼层", f"无法识别楼层“{label}”", f"cannot read floor label {label!r}"
    )


class Floor(Synced, Base):
    __tablename__ = "floors"
    __table_args__ = (UniqueConstraint("building_id", "label"),)

    building_id: Mapped[str] = mapped_column(ForeignKey("buildings.id"), index=True)
    label: Mapped[str] = mapped_column(String(10))
    level: Mapped[int] = mapped_column(Integer)

    building: Mapped[Building] = relationship(back_populates="floors")
    units: Mapped[list[Unit]] = relationship(back_populates="floor", order_by="Unit.label")

    @validates("label")
    def _check_label(self, _key: str, value: str) -> str:
        label = value.strip().upper()
        self.level = floor_level(label)
        return label


# Besides letters and digits (汉字 included), what door signs use: B1-101, 3#, 2/F, 东·1.
UNIT_LABEL_MARKS = "-#/· "


class Unit(Synced, Base):
    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("floor_id", "label"),)

    floor_id: Mapped[str] = mapped_column(ForeignKey("floors.id"), index=True)
    label: Mapped[str] = mapped_column(String(20))

    floor: Mapped[Floor] = relationship(back_populates="units")

    @validates("label")
    def _check_label(self, _key: str, value: str) -> str:
        label = value.strip().upper()
        if not label or len(label) > 20:
            raise ValidationError(
                "label", "房间号", "应为1至20个字符", "must be 1 to 20 characters"
            )
        if not all(ch.isalnum() or ch in UNIT_LABEL_MARKS for ch in label):
            raise ValidationError(
                "label", "房间号",
                f"“{label}”只能由汉字、字母、数字和 {UNIT_LABEL_MARKS.strip()} 组成",
                f"“{label}” may hold only letters, digits and {UNIT_LABEL_MARKS.strip()}",
            )
        return label
