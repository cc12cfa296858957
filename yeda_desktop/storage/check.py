"""`yeda check`: the engine's own checks plus the domain's invariants, as a list of problems.

Bulk paths (demo data, imports) bypass the ORM validators, so this re-checks
what the validators would have refused, with set-based SQL where it can.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, text
from sqlalchemy.orm import InstrumentedAttribute

from yeda_desktop.errors import ValidationError
from yeda_desktop.models import (
    Base,
    Floor,
    Gap,
    Organization,
    PartyOrg,
    PartyOrgCoverage,
    Person,
    Synced,
)
from yeda_desktop.models.enums import GapStatus
from yeda_desktop.models.org_class import fits
from yeda_desktop.models.zone import floor_level
from yeda_desktop.storage import migrate
from yeda_desktop.validation import normalize_id_number, normalize_uscc


@dataclass(frozen=True)
class Problem:
    code: str
    table: str
    record_id: str | None
    zh: str
    en: str


def _engine_checks(conn: Connection) -> Iterator[Problem]:
    if conn.dialect.name == "postgresql":
        yield from _postgresql_checks(conn)
    else:
        yield from _sqlite_checks(conn)


def _postgresql_checks(conn: Connection) -> Iterator[Problem]:
    """The server checksums its pages and always enforces foreign keys; what it can leave
    behind are constraints added NOT VALID (never checked against old rows) and invalid
    indexes from an interrupted CREATE INDEX CONCURRENTLY."""
    unvalidated = text(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint "
        "WHERE NOT convalidated AND connamespace = current_schema()::regnamespace"
    )
    for table, name in conn.execute(unvalidated):
        yield Problem(
            "constraint", table, None, f"约束 {name} 未经验证", f"{name} is not validated"
        )
    invalid = text(
        "SELECT indrelid::regclass::text, indexrelid::regclass::text FROM pg_index "
        "JOIN pg_class c ON c.oid = indexrelid "
        "WHERE NOT indisvalid AND c.relnamespace = current_schema()::regnamespace"
    )
    for table, name in conn.execute(invalid):
        yield Problem("index", table, None, f"索引 {name} 无效，需重建",
                      f"index {name} is invalid and must be rebuilt")


def _sqlite_checks(conn: Connection) -> Iterator[Problem]:
    result = [row[0] for row in conn.exec_driver_sql("PRAGMA integrity_check")]
    if result != ["ok"]:
        for line in result[:20]:
            yield Problem("integrity", "-", None, f"数据库文件损坏：{line}", f"integrity: {line}")
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
        yield Problem(
            "foreign_key",
            table,
            str(rowid),
            f"{table} 第{rowid}行引用的 {parent} 记录不存在",
            f"{table} row {rowid} refers to a missing {parent} row",
        )


def _schema(conn: Connection) -> Iterator[Problem]:
    current, head = migrate.current_revision(conn), migrate.head_revision()
    if current != head:
        yield Problem(
            "schema",
            "alembic_version",
            None,
            f"结构版本为 {current}，应为 {head}",
            f"schema is at {current}, expected {head}",
        )


def _validated(
    conn: Connection,
    column: InstrumentedAttribute[str | None],
    id_column: InstrumentedAttribute[str],
    check: Callable[[str], str],
    code: str,
) -> Iterator[Problem]:
    table = column.class_.__tablename__
    rows = conn.execute(select(id_column, column).where(column.is_not(None)))
    for record_id, value in rows:
        if value is None:
            continue
        try:
            if check(value) != value:
                raise ValidationError(code, code, "未按规范格式存储", "is not stored normalised")
        except ValidationError as exc:
            yield Problem(code, table, record_id, f"{exc.zh}（{value}）", f"{exc.en} ({value})")


def _identifiers(conn: Connection) -> Iterator[Problem]:
    yield from _validated(conn, Organization.uscc, Organization.id, normalize_uscc, "uscc")
    yield from _validated(conn, Person.id_number, Person.id, normalize_id_number, "id_number")


def _counts(conn: Connection) -> Iterator[Problem]:
    for column, label in (
        (Organization.staff_count, "职工人数"),
        (Organization.reported_member_count, "党员人数"),
    ):
        for (record_id,) in conn.execute(select(Organization.id).where(column < 0)):
            yield Problem(
                "negative",
                "organizations",
                record_id,
                f"{label}为负数",
                f"{column.key} is negative",
            )


def _org_classes(conn: Connection) -> Iterator[Problem]:
    """A kind and an ownership at odds: set by an older version, or two devices' edits of
    the one and the other merged field by field."""
    rows = conn.execute(select(Organization.id, Organization.kind, Organization.ownership))
    for record_id, kind, ownership in rows:
        if not fits(kind, ownership):
            yield Problem(
                "org_class",
                "organizations",
                record_id,
                f"单位类别为{kind.zh}，经济类型却是{ownership.zh}",
                f"kind is {kind.value} but ownership is {ownership.value}",
            )


def _floors(conn: Connection) -> Iterator[Problem]:
    for record_id, label, level in conn.execute(select(Floor.id, Floor.label, Floor.level)):
        try:
            expected = floor_level(label)
        except ValidationError as exc:
            yield Problem("floor_label", "floors", record_id, exc.zh, exc.en)
            continue
        if expected != level:
            yield Problem(
                "floor_level",
                "floors",
                record_id,
                f"楼层“{label}”的排序值应为{expected}，实为{level}",
                f"floor {label!r} has level {level}, expected {expected}",
            )


def _party_orgs(conn: Connection) -> Iterator[Problem]:
    uncovered = select(PartyOrg.id, PartyOrg.name).where(
        ~select(PartyOrgCoverage.id).where(PartyOrgCoverage.party_org_id == PartyOrg.id).exists()
    )
    for record_id, name in conn.execute(uncovered):
        yield Problem(
            "party_org_empty",
            "party_orgs",
            record_id,
            f"党组织“{name}”未覆盖任何单位",
            f"party organization {name!r} covers nobody",
        )
    secretary_elsewhere = (
        select(PartyOrg.id, PartyOrg.name)
        .join(Person, Person.id == PartyOrg.secretary_id)
        .where(
            ~select(PartyOrgCoverage.id)
            .where(
                PartyOrgCoverage.party_org_id == PartyOrg.id,
                PartyOrgCoverage.organization_id == Person.organization_id,
            )
            .exists()
        )
    )
    for record_id, name in conn.execute(secretary_elsewhere):
        yield Problem(
            "secretary",
            "party_orgs",
            record_id,
            f"党组织“{name}”的书记不属于其覆盖的单位",
            f"the secretary of {name!r} belongs to no organization it covers",
        )


def _gaps(conn: Connection) -> Iterator[Problem]:
    closed = select(Gap.id).where(Gap.status == GapStatus.CLOSED, Gap.closed_on.is_(None))
    for (record_id,) in conn.execute(closed):
        yield Problem(
            "gap_closed",
            "gaps",
            record_id,
            "已整改的台账问题缺少整改日期",
            "a closed gap has no closing date",
        )
    waived = select(Gap.id).where(
        Gap.status == GapStatus.WAIVED,
        func.coalesce(func.trim(Gap.waived_reason), "") == "",
    )
    for (record_id,) in conn.execute(waived):
        yield Problem(
            "gap_waived",
            "gaps",
            record_id,
            "已豁免的台账问题缺少豁免理由",
            "a waived gap has no reason",
        )


def _revisions(conn: Connection) -> Iterator[Problem]:
    for table in Base.metadata.sorted_tables:
        if "revision" not in table.c or not any(
            mapper.local_table is table and issubclass(mapper.class_, Synced)
            for mapper in Base.registry.mappers
        ):
            continue
        bad = conn.scalar(select(func.count()).select_from(table).where(table.c.revision < 1))
        if bad:
            yield Problem(
                "revision",
                table.name,
                None,
                f"{table.name} 有{bad}行修订号小于1",
                f"{bad} rows of {table.name} have a revision below 1",
            )


CHECKS = (_engine_checks, _schema, _identifiers, _counts, _org_classes, _floors, _party_orgs,
          _gaps, _revisions)


def check_database(conn: Connection) -> list[Problem]:
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(conn))
    return problems
