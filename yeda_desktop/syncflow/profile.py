"""The centre profile: who the centre is, its public keys, rules and reference data, signed."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyrage
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models.sync import SyncPackage
from yeda_desktop.rules import in_force
from yeda_desktop.rules.profile import load_profile
from yeda_desktop.storage import Database
from yeda_desktop.storage.driver_sql import run_sql
from yeda_desktop.storage.migrate import head_revision
from yeda_desktop.sync import (
    KeySet,
    KeyStatus,
    Manifest,
    MinisignPublicKey,
    PackageFields,
    PackageKind,
    SyncError,
    TrustDecision,
    VerifiedPackage,
    fingerprint,
    read_package,
    write_package,
)
from yeda_desktop.syncflow import packages
from yeda_desktop.syncflow.batch_export import records_to_send, restart_chain
from yeda_desktop.syncflow.centre_move import Cleared, backup_before_leaving, clear_old_zone
from yeda_desktop.syncflow.installation import (
    OWN_PROFILE_KEY,
    PROFILE_KEY,
    Role,
    check_centre_keys,
    own_profile,
    profile_json,
    require_installation,
    set_state,
)
from yeda_desktop.syncflow.lines import decode_lines, encode_lines
from yeda_desktop.syncflow.local_campaign import give_up_stand_in
from yeda_desktop.syncflow.records import canonical, columns, upsert_rows

REFERENCE_TABLES = ("zones", "subdistricts", "clusters", "campaigns", "teams")
RULES_KEY = in_force.STATE_KEY


def _reference_lines(conn: Connection) -> Iterator[dict[str, Any]]:
    for table in REFERENCE_TABLES:
        cols = columns(table)
        for row in run_sql(conn, f"SELECT {', '.join(cols)} FROM {table} ORDER BY id"):
            values = canonical(table, dict(zip(cols, row, strict=True)))
            yield {"t": table, "id": values["id"], "op": "put", "v": values}


def export_profile(
    db: Database, keys: KeySet, out: Path, rules_file: Path | None = None, *,
    replace: bool = False,
) -> Manifest:
    """Write the signed centre profile every laptop imports first. Its keys are remembered:
    later files are signed only with them, and new keys need `replace` (a deliberate act).

    `rules_file`: the thresholds the laptops and the centre evaluate with from now on;
    without it, those in force stay (a profile written again after adding a team does not
    set them back to the defaults)."""
    issued = load_profile(rules_file) if rules_file is not None else None
    with db.session() as session:
        inst = require_installation(session, Role.CENTRE)
        chosen = issued or in_force.profile_in_force(session)
        rules = in_force.as_mapping(chosen)
        if not replace:
            check_centre_keys(session, keys)
        # The profile is public reference data; age is used only to keep one package
        # format, so its payload is encrypted to a throwaway identity named in the manifest.
        throwaway = pyrage.x25519.Identity.generate()
        head = {
            "profile": {
                "centre_id": inst.centre_id, "centre_name": inst.name,
                "centre_device_id": inst.device_id,
                "signing_public_key": keys.public.signing.to_base64(),
                "age_recipient": keys.public.age_recipient,
                "fingerprint": keys.fingerprint, "rules": rules,
            }
        }

        def lines() -> Iterator[dict[str, Any]]:
            yield head
            yield from _reference_lines(session.connection())

        fields = PackageFields(
            kind=PackageKind.CENTRE_PROFILE, source_device_id=inst.device_id,
            officer=inst.name or "centre", target_centre_id=inst.centre_id or "",
            sequence=0, previous_package_sha256=None, schema_revision=head_revision(),
            extra={
                "signing_public_key": keys.public.signing.to_base64(),
                "age_recipient": keys.public.age_recipient,
                "profile_identity": str(throwaway),
            },
        )
        try:
            manifest = write_package(
                out, fields, encode_lines(lines()), keys, [throwaway.to_public()]
            )
        except SyncError as exc:
            raise packages.from_sync_error(exc) from None
        packages.record(session, manifest, manifest.sha256, direction="out", status="issued",
                        file_name=out.name)
        in_force.keep_in_force(session, chosen)  # the centre evaluates as its laptops do
        own = {k: v for k, v in head["profile"].items() if k != "rules"}
        set_state(session, OWN_PROFILE_KEY, json.dumps(own, ensure_ascii=False))
    return manifest


def _open_profile(path: Path) -> tuple[Manifest, VerifiedPackage]:
    """A profile file checked against the key it names (it is self-signed), still closed."""
    manifest = packages.peek(path)
    packages.check_kind(manifest, PackageKind.CENTRE_PROFILE, where_zh="此处",
                        where_en="profile import")
    packages.check_schema(manifest)
    try:
        key = MinisignPublicKey.from_base64(manifest.extra.get("signing_public_key", ""))
        identity = pyrage.x25519.Identity.from_str(manifest.extra.get("profile_identity", ""))
    except (SyncError, pyrage.IdentityError, ValueError) as exc:
        raise packages.Refused(
            f"中心配置文件 {path.name} 中的公钥无效", f"the keys in profile {path.name} are invalid"
        ) from exc

    def self_signed(_: Manifest) -> TrustDecision:
        return TrustDecision(KeyStatus.TRUSTED, key)

    try:
        return manifest, read_package(path, self_signed, [identity])
    except SyncError as exc:
        raise packages.from_sync_error(exc) from None


def _profile_head(manifest: Manifest, stream: Iterator[dict[str, Any]]) -> dict[str, Any]:
    head = next(stream, {}).get("profile")
    if not isinstance(head, dict):
        raise packages.Refused("中心配置文件内容无效", "the centre profile is not valid")
    if head.get("signing_public_key") != manifest.extra.get("signing_public_key"):
        raise packages.Refused("配置文件内外公钥不一致", "the profile's keys disagree")
    key = MinisignPublicKey.from_base64(str(head["signing_public_key"]))
    head["fingerprint"] = fingerprint(key, str(head.get("age_recipient")))
    return head


def read_profile_file(path: Path) -> dict[str, Any]:
    """What a profile file says (centre, keys, code, the rules' thresholds), checked but not
    imported."""
    manifest, package = _open_profile(path)
    with package:
        return _profile_head(manifest, decode_lines(package.iter_payload()))


def shown_profile(session: Session) -> dict[str, Any]:
    """The profile this installation works with: a laptop's imported one, the centre's own."""
    inst = require_installation(session)
    if inst.is_centre:
        own = own_profile(session) or {}
        return {"centre_id": inst.centre_id or "", "centre_name": inst.name, **own}
    return profile_json(session) or {}


class OtherCentre(YedaError):
    """A profile signed with another key than the one this laptop trusts: another centre,
    or its own centre's new keys. Taking it must be deliberate (`replace`); the window
    shows both centres and their codes from `old` and `new` before it asks."""

    def __init__(self, old: Mapping[str, object], new: Mapping[str, object]) -> None:
        self.old, self.new = dict(old), dict(new)
        self.same_centre = old.get("centre_id") == new.get("centre_id")
        was, now = _named(old), _named(new)
        was_en, now_en = _named(old, en=True), _named(new, en=True)
        if self.same_centre:
            zh = (f"这个配置文件带有中心{now}的新密钥（核对码 {new.get('fingerprint')}），"
                  f"本机信任的是旧密钥（核对码 {old.get('fingerprint')}）；"
                  "请先与管理员核对新的核对码，再明确确认更换")
            en = (f"this profile carries new keys of centre {now_en} (code "
                  f"{new.get('fingerprint')}); this laptop trusts the old ones (code "
                  f"{old.get('fingerprint')}): compare the new code with the administrator's, "
                  "then replace them deliberately")
        else:
            zh = (f"本机信任的是中心{was}，这个配置文件来自另一个中心{now}；"
                  "更换中心需明确确认")
            en = (f"this laptop trusts centre {was_en}; this profile comes from another "
                  f"centre {now_en}: changing centres must be deliberate")
        super().__init__(f"{zh}（命令行：yeda profile import --replace）",
                         f"{en} (command line: yeda profile import --replace)")


def _named(head: Mapping[str, object], *, en: bool = False) -> str:
    name, centre = head.get("centre_name") or "", head.get("centre_id") or ""
    return f"{name} ({centre})" if en else f"“{name}”（{centre}）"


@dataclasses.dataclass(frozen=True)
class TakenProfile:
    """A profile taken: its head (centre, keys, code), and after a move to another
    centre what was taken off this laptop (centre_move)."""

    head: dict[str, Any]
    cleared: Cleared | None = None


def _drop_removed_teams(conn: Connection, by_table: dict[str, list[dict[str, Any]]]) -> None:
    """The teams of the profile's campaigns it no longer lists were removed at the centre
    (`teams.remove_team`); they go here too, unless this laptop recorded visits for one."""
    campaigns = sorted(str(c["id"]) for c in by_table.get("campaigns", []))
    if not campaigns:
        return
    listed = {str(t["id"]) for t in by_table.get("teams", [])}
    marks = ", ".join("?" for _ in campaigns)
    stale = [str(tid) for (tid,) in run_sql(
        conn, f"SELECT id FROM teams WHERE campaign_id IN ({marks})", campaigns)
        if str(tid) not in listed]
    if not stale:
        return
    marks = ", ".join("?" for _ in stale)
    used = {str(tid) for (tid,) in run_sql(
        conn, f"SELECT DISTINCT team_id FROM visits WHERE team_id IN ({marks})", stale)}
    gone = [tid for tid in stale if tid not in used]
    if gone:
        marks = ", ".join("?" for _ in gone)
        run_sql(conn, f"DELETE FROM team_buildings WHERE team_id IN ({marks})", gone)
        run_sql(conn, f"DELETE FROM teams WHERE id IN ({marks})", gone)


def import_profile(db: Database, path: Path, *, replace: bool = False) -> TakenProfile:
    """Take the centre's profile on a laptop; a profile of another centre key needs `replace`.

    Moving to another centre (not just its new keys) is refused while work is still to
    be exported: the new centre has none of the old one's buildings, so it could not
    take that work, and the old centre could no longer get it. Then the old zone's
    records are taken off the laptop after a backup (`centre_move`), and the batches
    start again from 1 (`restart_chain`).
    """
    manifest, package = _open_profile(path)
    cleared = None
    with db.session() as session, package:
        session.info["skip_change_log"] = True  # reference data is the centre's, not an edit
        require_installation(session, Role.LAPTOP)
        old = profile_json(session)
        stream = decode_lines(package.iter_payload())
        head = _profile_head(manifest, stream)
        if old is not None and old.get("signing_public_key") != head["signing_public_key"]:
            moved = OtherCentre(old, head)
            if not replace:
                raise moved
            if not moved.same_centre:
                unsent = records_to_send(session)
                if unsent:
                    raise YedaError(
                        f"本机还有 {unsent} 条记录未导出给中心{_named(old)}；请先导出"
                        "（数据交换 → 导出今天的工作）并交给原中心，再更换中心",
                        f"this laptop still has {unsent} records to export to centre "
                        f"{old.get('centre_name')} ({old.get('centre_id')}); export them "
                        "(Exchange → Export today's work) and hand them in first, then "
                        "change centres",
                    )
                cleared = clear_old_zone(session, backup_before_leaving(db))
                restart_chain(session)
        conn = session.connection()
        by_table: dict[str, list[dict[str, Any]]] = {}
        for line in stream:
            if line.get("t") in REFERENCE_TABLES:
                by_table.setdefault(str(line["t"]), []).append(dict(line["v"]))
        for table in REFERENCE_TABLES:
            upsert_rows(conn, table, by_table.get(table, []))
        _drop_removed_teams(conn, by_table)
        give_up_stand_in(session)  # the campaign the window made before the profile came
        rules = head.pop("rules", {})
        set_state(session, PROFILE_KEY, json.dumps(head, ensure_ascii=False))
        set_state(session, RULES_KEY, json.dumps(rules, ensure_ascii=False))
        if session.get(SyncPackage, str(manifest.package_id)) is None:
            packages.record(session, manifest, package.manifest_sha256, direction="in",
                            status="imported", file_name=path.name)
    return TakenProfile(head, cleared)
