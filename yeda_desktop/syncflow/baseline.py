"""Baselines: last year's data for a team's buildings, from the centre to the team's laptops."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import Team
from yeda_desktop.models.enums import DeviceStatus
from yeda_desktop.models.sync import ExportBookmark, SyncPackage
from yeda_desktop.services.teams import current_teams
from yeda_desktop.storage import Database
from yeda_desktop.storage.checkpoint import defer_checkpoint
from yeda_desktop.storage.driver_sql import run_sql
from yeda_desktop.storage.migrate import head_revision
from yeda_desktop.storage.search_index import rebuild_search_index
from yeda_desktop.sync import (
    KeySet,
    KeyStatus,
    Manifest,
    MinisignPublicKey,
    PackageFields,
    PackageKind,
    SyncError,
    TrustDecision,
    read_package,
    write_package,
)
from yeda_desktop.syncflow import incoming_types, packages
from yeda_desktop.syncflow.batch_export import BOOKMARK, unsent_changes, unsent_since
from yeda_desktop.syncflow.batch_lines import shape_problem
from yeda_desktop.syncflow.enrolment import find_device
from yeda_desktop.syncflow.installation import Role, check_centre_keys, require_installation
from yeda_desktop.syncflow.lines import decode_lines, encode_lines
from yeda_desktop.syncflow.records import (
    CHUNK,
    canonical,
    columns,
    defer_foreign_keys,
    travelling_tables,
    upsert_rows,
)
from yeda_desktop.syncflow.report import ImportReport

Progress = Callable[[int, int], None]

_B = "SELECT building_id FROM team_buildings WHERE team_id = :team"
_U = f"SELECT u.id FROM units u JOIN floors f ON f.id = u.floor_id WHERE f.building_id IN ({_B})"
_O = f"SELECT organization_id FROM occupancies WHERE unit_id IN ({_U})"
SCOPE: dict[str, str] = {
    "zones": "1 = 1",
    "subdistricts": "1 = 1",
    "clusters": "1 = 1",
    "campaigns": "1 = 1",
    "instructors": "1 = 1",
    "party_orgs": "1 = 1",
    "teams": "id = :team",
    "team_buildings": "team_id = :team",
    "buildings": f"id IN ({_B})",
    "floors": f"building_id IN ({_B})",
    "units": f"id IN ({_U})",
    "organizations": f"id IN ({_O})",
    "occupancies": f"unit_id IN ({_U})",
    "people": f"organization_id IN ({_O})",
    "party_org_coverages": f"organization_id IN ({_O})",
    "instructor_assignments": f"organization_id IN ({_O})",
    "visits": f"unit_id IN ({_U})",
    "gaps": f"organization_id IN ({_O})",
    "gap_events": f"gap_id IN (SELECT id FROM gaps WHERE organization_id IN ({_O}))",
}


def find_team(session: Session, name_or_id: str) -> Team:
    """A team by its id, or by name among the current campaign's (a name an earlier
    year's team had too is this year's)."""
    by_id = session.get(Team, name_or_id)
    rows = [by_id] if by_id is not None else [
        t for t in current_teams(session) if t.name == name_or_id]
    if len(rows) != 1:
        raise YedaError(f"找不到唯一的扫楼小组“{name_or_id}”", f"no single team {name_or_id!r}")
    return rows[0]


def _scope_lines(
    conn: Connection, team_id: str, counts: dict[str, int]
) -> Iterator[dict[str, Any]]:
    people_in_scope = f"SELECT id FROM people WHERE {SCOPE['people']}"
    for table in travelling_tables():
        where = SCOPE.get(table.name)
        if where is None:
            continue
        cols = columns(table.name)
        select_list = ", ".join(cols)
        if table.name == "party_orgs":  # a secretary outside the scope is not sent
            select_list = select_list.replace(
                "secretary_id",
                f"CASE WHEN secretary_id IN ({people_in_scope}) THEN secretary_id END",
            )
        sql = f"SELECT {select_list} FROM {table.name} WHERE {where}"
        if table.name == "party_orgs":
            sql += " ORDER BY parent_id IS NOT NULL, id"
        cursor = run_sql(conn, sql.replace(":team", "?"), (team_id,) * sql.count(":team"))
        for row in cursor:
            values = canonical(table.name, dict(zip(cols, row, strict=True)))
            counts[table.name] = counts.get(table.name, 0) + 1
            yield {"t": table.name, "id": values["id"], "op": "put", "v": values}


def export_baseline(
    db: Database, keys: KeySet, out: Path, *, team: str, device_ids: list[str],
    officer: str | None = None,
) -> tuple[Manifest, dict[str, int]]:
    """Write a baseline of one team's buildings, readable only by the given devices."""
    with db.session() as session:
        inst = require_installation(session, Role.CENTRE)
        check_centre_keys(session, keys)
        chosen = find_team(session, team)
        recipients = [keys.public.age_recipient]
        chosen_ids = []
        for device_id in device_ids:
            device = find_device(session, device_id)
            if device.status is not DeviceStatus.APPROVED:
                raise YedaError(
                    f"设备 {device.name}（{device.id[:8]}）尚未批准（{device.status.zh}），"
                    "不能接收基础数据",
                    f"device {device.name} ({device.id[:8]}) is {device.status.value}, not "
                    "approved; it cannot get a baseline",
                )
            recipients.append(str(device.encryption_public_key))
            chosen_ids.append(device.id)
        issued = session.scalar(
            select(func.count()).select_from(SyncPackage).where(
                SyncPackage.kind == PackageKind.BASELINE.value, SyncPackage.direction == "out"
            )
        )
        counts: dict[str, int] = {}
        fields = PackageFields(
            kind=PackageKind.BASELINE, source_device_id=inst.device_id,
            officer=officer or inst.name or "centre", target_centre_id=inst.centre_id or "",
            sequence=int(issued or 0) + 1, previous_package_sha256=None,
            schema_revision=head_revision(),
            record_counts=counts,  # filled as the lines stream, read once they are written
            extra={"team_id": chosen.id, "team_name": chosen.name,
                   "devices": ",".join(chosen_ids)},
        )
        conn = session.connection()
        try:
            manifest = write_package(
                out, fields, encode_lines(_scope_lines(conn, chosen.id, counts)), keys,
                recipients,
            )
        except SyncError as exc:
            raise packages.from_sync_error(exc) from None
        packages.record(session, manifest, manifest.sha256, direction="out", status="issued",
                        file_name=out.name)
    return manifest, counts


def centre_key_lookup(profile: dict[str, str]) -> Callable[[Manifest], TrustDecision]:
    """A laptop trusts only the centre key of its profile, whatever device a file claims."""
    key = MinisignPublicKey.from_base64(profile["signing_public_key"])

    def lookup(_: Manifest) -> TrustDecision:
        return TrustDecision(KeyStatus.TRUSTED, key)

    return lookup


def _unsent_refusal() -> packages.Refused:
    return packages.Refused(
        "本机还有未导出的修改，请先导出今天的工作，再导入新的基础数据",
        "this laptop has edits not exported yet; export today's work before "
        "importing a new baseline",
        "unsent_changes",
    )


def _malformed(line: dict[str, Any], why: tuple[str, str]) -> YedaError:
    """A baseline is the centre's, signed with its key: a record in it the laptop cannot
    store means a broken package, refused whole (half a baseline would be worse)."""
    record = f"{line.get('t')} {line.get('id')}"
    return YedaError(f"基础数据包中的记录 {record} 无效（{why[0]}），未做任何修改",
                     f"record {record} of the baseline is invalid ({why[1]}); nothing was "
                     "written")


def _upsert_checked(conn: Connection, table: str, rows: list[dict[str, Any]]) -> int:
    """`upsert_rows`, once every value is of its column's type (incoming_types)."""
    found = incoming_types.problems(table, rows, lengths=conn.dialect.name != "sqlite")
    if found:
        position, why = min(found.items())
        raise _malformed({"t": table, "id": rows[position].get("id")}, why)
    return upsert_rows(conn, table, rows)


def import_baseline(
    db: Database, keys: KeySet, path: Path, manifest: Manifest,
    progress: Progress | None = None,
) -> ImportReport:
    """Load a baseline on a laptop in one transaction (only with no unsent local edits)."""
    report = ImportReport(kind=manifest.kind.value, package_id=str(manifest.package_id),
                          device_id=manifest.source_device_id, sequence=manifest.sequence)
    with db.session() as session:
        session.info["skip_change_log"] = True  # the baseline is the starting point, not an edit
        require_installation(session, Role.LAPTOP)
        profile = packages.centre_profile(session)
        packages.check_centre(manifest, profile["centre_id"])
        if session.get(SyncPackage, str(manifest.package_id)) is not None:
            report.status = "already_imported"
            report.message_zh, report.message_en = "该基础数据包已导入过，未做任何修改", (
                "this baseline was already imported; nothing changed"
            )
            return report
        if unsent_changes(db):
            raise _unsent_refusal()
        try:
            package = read_package(path, centre_key_lookup(profile), keys)
        except SyncError as exc:
            raise packages.from_sync_error(exc) from None
        conn = session.connection()
        defer_foreign_keys(conn)
        defer_checkpoint(conn)  # tens of megabytes: copied into the file after, beside the app
        total = sum(manifest.record_counts.values()) or 1
        with package:
            batch: list[dict[str, Any]] = []
            table = ""
            for line in decode_lines(package.iter_payload()):
                name = str(line.get("t"))
                if name not in SCOPE:
                    continue
                if (shape := shape_problem(line)) is not None or line["op"] != "put":
                    raise _malformed(line, shape or ("不是一条记录", "not a record"))
                if batch and (name != table or len(batch) >= CHUNK * 4):
                    report.new += _upsert_checked(conn, table, batch)
                    if progress:
                        progress(report.new, total)
                    batch = []
                table = name
                batch.append(dict(line["v"]))
            if batch:
                report.new += _upsert_checked(conn, table, batch)
        # Rows came in with plain SQL: the search index is rebuilt to match them.
        rebuild_search_index(conn)
        mark = session.get(ExportBookmark, BOOKMARK) or ExportBookmark(name=BOOKMARK)
        # Checked again here, inside the write transaction that moves the bookmark (no other
        # writer can commit now): an edit committed while the package was being verified
        # would otherwise be counted as exported without ever being in a batch.
        if unsent_since(conn, mark.last_change_seq or 0):
            raise _unsent_refusal()
        mark.last_change_seq = int(
            run_sql(conn, "SELECT coalesce(max(seq), 0) FROM change_log").scalar() or 0
        )
        mark.last_sequence = mark.last_sequence or 0
        session.merge(mark)
        report.status = "imported"
        team = manifest.extra.get("team_name", "")
        report.message_zh = f"基础数据已导入：{team}，共 {report.new} 条"
        report.message_en = f"baseline imported: {team}, {report.new} rows"
        packages.record(session, manifest, package.manifest_sha256, direction="in",
                        status="imported", file_name=path.name, report=report.to_json())
    db.checkpoint_soon()
    return report
