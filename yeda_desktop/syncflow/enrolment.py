"""Enrolment: a laptop asks to be trusted; the centre approves after comparing the key code."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.local_time import local_minute
from yeda_desktop.models import Device
from yeda_desktop.models.base import utcnow
from yeda_desktop.models.enums import DeviceRole, DeviceStatus
from yeda_desktop.models.sync import SyncPackage
from yeda_desktop.services.teams import current_teams
from yeda_desktop.storage import Database
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
    fingerprint,
    read_package,
    write_package,
)
from yeda_desktop.sync.keys import parse_age_recipient
from yeda_desktop.syncflow import packages
from yeda_desktop.syncflow.installation import (
    Role,
    check_centre_keys,
    one_match,
    require_installation,
)
from yeda_desktop.syncflow.lines import decode_lines, encode_lines


def write_request(
    db: Database, keys: KeySet, out: Path, *, team: str, officer: str, name: str | None = None
) -> tuple[Manifest, str]:
    """Write the enrolment request for the centre; returns it and the code to read aloud."""
    with db.session() as session:
        inst = require_installation(session, Role.LAPTOP)
        profile = packages.centre_profile(session)
        team = profile_team(session, team)
    request = {
        "device_id": inst.device_id, "name": name or inst.name, "team": team,
        "officer": officer, "signing_public_key": keys.public.signing.to_base64(),
        "age_recipient": keys.public.age_recipient,
    }
    _check_request(request)  # here already, rather than refused at the centre
    fields = PackageFields(
        kind=PackageKind.ENROLMENT, source_device_id=inst.device_id, officer=officer,
        target_centre_id=profile["centre_id"], sequence=0, previous_package_sha256=None,
        schema_revision=head_revision(),
        extra={"signing_public_key": request["signing_public_key"],
               "age_recipient": request["age_recipient"]},
    )
    try:
        manifest = write_package(
            out, fields, encode_lines([request]), keys,
            [profile["age_recipient"], keys.public.age_recipient],
        )
    except SyncError as exc:
        raise packages.from_sync_error(exc) from None
    return manifest, keys.fingerprint


@dataclass(frozen=True)
class RequestForm:
    """What a laptop's enrolment request is filled in from: the profile's teams and centre."""

    teams: list[str]
    device_name: str
    centre_name: str


def request_form(db: Database) -> RequestForm:
    """Refused (with the way to fix it) before the profile is imported: no centre to ask."""
    with db.reader() as session:
        inst = require_installation(session, Role.LAPTOP)
        profile = packages.centre_profile(session)
        teams = [t.name for t in current_teams(session)]
    return RequestForm(teams, inst.name, str(profile.get("centre_name") or profile["centre_id"]))


def profile_team(session: Session, team: str) -> str:
    """The team (by name) a laptop asks for: one its centre profile lists, when it lists any,
    so that a typing error is caught at the laptop rather than approved at the centre."""
    teams = current_teams(session)
    if not teams:
        return team
    for row in teams:
        if team in (row.name, row.id):
            return row.name
    names = "、".join(t.name for t in teams)
    raise YedaError(f"中心配置文件中没有扫楼小组“{team}”；现有扫楼小组：{names}",
                    f"the centre profile lists no team {team!r}; its teams: "
                    + ", ".join(t.name for t in teams))


@dataclass(frozen=True)
class Accepted:
    """An accepted request and what it changed on an already known device."""

    device: Device
    changes: dict[str, tuple[str | None, str | None]]  # field → (before, after)


def accept_request(db: Database, keys: KeySet, path: Path) -> Device:
    """At the centre: register the requesting device as pending (approval is separate)."""
    return accept(db, keys, path).device


def _update_known(device: Device, request: dict[str, Any]) -> Accepted:
    """A new request from a known device, signed with the same keys, updates its name, team
    and officer (kept in the change log). The keys are what was approved, so the approval
    stands: a laptop handed to another team is re-enrolled, not re-approved, and the
    administrator sees the change printed instead of a request silently ignored."""
    changes: dict[str, tuple[str | None, str | None]] = {}
    for field in ("name", "team", "officer"):
        new = str(request.get(field) or "") or None
        old = getattr(device, field)
        if new is not None and new != old:
            changes[field] = (old, new)
            setattr(device, field, new)
    return Accepted(device, changes)


# What a request names, the words for it and at most how long it may be (Device's columns).
_REQUEST_TEXTS = (("device_id", "设备编号", "device id", 36, True),
                  ("name", "设备名称", "device name", 100, False),
                  ("team", "扫楼小组", "team", 60, False),
                  ("officer", "队员", "officer", 60, False))


def _check_request(request: dict[str, Any]) -> None:
    """Each field of a request is text of its column's length, and its age key one.

    The request is signed only by the key it brings, so anyone can write one: a list
    for a name was stored as "['a']", a name longer than its column failed on
    PostgreSQL, and an age key that is not one was accepted and made every later
    baseline for the device fail to encrypt.
    """
    for field, zh, en, most, required in _REQUEST_TEXTS:
        value = request.get(field)
        if value is None and not required:
            continue
        if not isinstance(value, str) or (required and not value) or len(value) > most:
            raise packages.Refused(
                f"登记申请中的{zh}无效（须为不超过 {most} 个字符的文字）",
                f"the enrolment request's {en} is invalid (text of at most {most} characters)",
            )
    try:
        parse_age_recipient(str(request.get("age_recipient")))
    except SyncError:
        raise packages.Refused("登记申请中的加密公钥无效",
                               "the enrolment request's encryption key is invalid") from None


def accept(db: Database, keys: KeySet, path: Path) -> Accepted:
    """At the centre: register the requesting device as pending (approval is separate)."""
    manifest = packages.peek(path)
    packages.check_kind(manifest, PackageKind.ENROLMENT, where_zh="设备登记",
                        where_en="device enrolment")
    with db.session() as session:
        inst = require_installation(session, Role.CENTRE)
        packages.check_centre(manifest, inst.centre_id)
        check_centre_keys(session, keys)
        try:
            key = MinisignPublicKey.from_base64(manifest.extra.get("signing_public_key", ""))
        except SyncError as exc:
            raise packages.from_sync_error(exc) from None

        def self_signed(_: Manifest) -> TrustDecision:
            return TrustDecision(KeyStatus.TRUSTED, key)

        try:
            with read_package(path, self_signed, keys) as package:
                request: dict[str, Any] = next(decode_lines(package.iter_payload()), {})
        except SyncError as exc:
            raise packages.from_sync_error(exc) from None
        if (
            request.get("device_id") != manifest.source_device_id
            or request.get("signing_public_key") != manifest.extra.get("signing_public_key")
            or request.get("age_recipient") != manifest.extra.get("age_recipient")
        ):
            raise packages.Refused("登记申请内外信息不一致", "the enrolment request disagrees")
        _check_request(request)
        code = fingerprint(key, str(request["age_recipient"]))
        device = session.get(Device, manifest.source_device_id)
        if device is not None:
            if device.fingerprint != code:
                raise YedaError(
                    f"设备 {device.id} 已用另一对密钥登记；如需更换，请先吊销旧设备",
                    f"device {device.id} is enrolled with other keys; revoke it first",
                )
            return _update_known(device, request)
        device = Device(
            id=manifest.source_device_id, name=str(request.get("name") or ""),
            role=DeviceRole.LAPTOP, status=DeviceStatus.PENDING,
            team=str(request.get("team") or "") or None,
            officer=str(request.get("officer") or "") or None,
            signing_public_key=str(request["signing_public_key"]),
            encryption_public_key=str(request["age_recipient"]), fingerprint=code,
        )
        session.add(device)
    return Accepted(device, {})


def find_device(session: Session, prefix: str) -> Device:
    """A device by its id or a unique start of it."""
    ids = list(session.scalars(select(Device.id).where(Device.id.startswith(prefix))))
    device = session.get(Device, one_match(prefix, ids, "设备", "device"))
    assert device is not None
    return device


def _digits(code: str) -> str:
    return "".join(ch for ch in code if ch.isdigit())


def approve(session: Session, device_id: str, code: str) -> Device:
    """Trust a device once the code it shows matches the code on record."""
    require_installation(session, Role.CENTRE)
    device = find_device(session, device_id)
    if _digits(code) != _digits(device.fingerprint or ""):
        raise YedaError(
            "核对码不一致，未批准；请确认与笔记本上显示的核对码相同",
            "the code does not match; not approved (compare it with the laptop's code)",
        )
    device.status = DeviceStatus.APPROVED
    device.approved_at = utcnow()
    device.revoked_at = None
    return device


def revoke(session: Session, device_id: str) -> Device:
    require_installation(session, Role.CENTRE)
    device = find_device(session, device_id)
    device.status = DeviceStatus.REVOKED
    device.revoked_at = utcnow()
    return device


def list_devices(session: Session) -> list[Device]:
    return list(session.scalars(select(Device).order_by(Device.status, Device.name)))


def trust_of(session: Session, manifest: Manifest) -> TrustDecision:
    """The key lookup for batches at the centre: the device table decides."""
    device = session.get(Device, manifest.source_device_id)
    if device is None or not device.signing_public_key:
        return TrustDecision(KeyStatus.UNKNOWN)
    key = MinisignPublicKey.from_base64(device.signing_public_key)
    status = {
        DeviceStatus.APPROVED: KeyStatus.TRUSTED,
        DeviceStatus.PENDING: KeyStatus.PENDING,
        DeviceStatus.REVOKED: KeyStatus.REVOKED,
    }[device.status]
    return TrustDecision(status, key)


@dataclass(frozen=True)
class Arrivals:
    """What a device has handed in here: how many batches, the numbers missing below the
    highest one (a lost stick, a file never brought), and when the last one came."""

    imported: int = 0
    missing: tuple[int, ...] = ()
    last_at: datetime | None = None


def arrivals(session: Session) -> dict[str, Arrivals]:
    """Every device's batches imported at this centre (quarantined ones are not in yet)."""
    seen: dict[str, set[int]] = {}
    last: dict[str, datetime] = {}
    rows = session.execute(
        select(SyncPackage.device_id, SyncPackage.sequence, SyncPackage.handled_at).where(
            SyncPackage.kind == PackageKind.BATCH.value, SyncPackage.direction == "in"))
    for device_id, sequence, at in rows:
        seen.setdefault(device_id, set()).add(sequence)
        if at is not None and (device_id not in last or at > last[device_id]):
            last[device_id] = at
    return {device_id: Arrivals(len(numbers), missing_sequences(numbers), last.get(device_id))
            for device_id, numbers in seen.items()}


def missing_sequences(seen: set[int]) -> tuple[int, ...]:
    return tuple(sorted(set(range(1, max(seen, default=0))) - seen))


def sequence_ranges(numbers: tuple[int, ...]) -> str:
    """"2, 5–9": runs of missing batch numbers, short however many there are."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def team_names(session: Session) -> frozenset[str] | None:
    """The centre's teams by name; None when it has none (then no team is unknown)."""
    return frozenset(t.name for t in current_teams(session)) or None


def describe(
    device: Device, arrived: Arrivals | None = None, teams: frozenset[str] | None = None
) -> dict[str, str]:
    """A device in words; with the centre's `teams`, whether its team is not one of them
    ("team_unknown": a request can name any team; the administrator decides)."""
    arrived = arrived or Arrivals()
    return {
        "id": device.id, "name": device.name, "team": device.team or "",
        "team_unknown": "1" if teams and device.team and device.team not in teams else "",
        "officer": device.officer or "", "status": device.status.value,
        "status_zh": device.status.zh,
        "code": device.fingerprint or "", "last_sequence": str(device.last_sequence),
        "missing": sequence_ranges(arrived.missing),
        "last_import": local_minute(arrived.last_at) if arrived.last_at else "",
    }


def dumps(device: Device) -> str:
    return json.dumps(describe(device), ensure_ascii=False)
