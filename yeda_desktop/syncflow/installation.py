"""Who this installation is (field laptop or centre), its device id, and where its keys live."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from yeda_desktop.errors import YedaError
from yeda_desktop.models import AppState
from yeda_desktop.storage.paths import data_dir
from yeda_desktop.sync import KeySet, SyncError

# The campaign a laptop's window opened with before its profile came (local_campaign).
STAND_IN_KEY = "install.stand_in_campaign"
_ROLE, _DEVICE, _NAME, _CENTRE = (
    "install.role", "install.device_id", "install.name", "install.centre_id"
)
PROFILE_KEY = "centre.profile"
OWN_PROFILE_KEY = "centre.own_profile"  # at the centre: the keys its published profile names
# The folder each loaded key set came from (by fingerprint), to name it in refusals.
_KEY_FOLDERS: dict[str, Path] = {}


class Role(StrEnum):
    LAPTOP = "laptop"
    CENTRE = "centre"


ROLE_ZH = {Role.LAPTOP: "外业笔记本", Role.CENTRE: "中心"}
ROLE_EN = {Role.LAPTOP: "field laptop", Role.CENTRE: "centre"}


@dataclass(frozen=True)
class Installation:
    role: Role
    device_id: str
    name: str
    centre_id: str | None  # a centre's own id; a laptop's comes from its centre profile

    @property
    def is_centre(self) -> bool:
        return self.role is Role.CENTRE


def get_state(session: Session, key: str) -> str | None:
    return session.scalar(select(AppState.value).where(AppState.key == key))


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(AppState, key)
    if row is None:
        session.add(AppState(key=key, value=value))
    else:
        row.value = value


def load_installation(session: Session) -> Installation | None:
    role = get_state(session, _ROLE)
    if role is None:
        return None
    return Installation(
        Role(role),
        get_state(session, _DEVICE) or "",
        get_state(session, _NAME) or "",
        get_state(session, _CENTRE),
    )


def require_installation(session: Session, role: Role | None = None) -> Installation:
    inst = load_installation(session)
    if inst is None:
        raise YedaError(
            "本机尚未设置角色（外业笔记本或中心）：请在“数据交换 → 设置本机”中选择，"
            "或运行 yeda role --set laptop（或 centre）",
            "this installation has no role yet (field laptop or centre): choose one under "
            "Exchange → Set up this installation, or run `yeda role --set laptop` (or centre)",
        )
    if role is not None and inst.role is not role:
        if role is Role.CENTRE:
            raise YedaError("只有中心可以执行此操作", "only the centre can do this")
        raise YedaError("只有外业笔记本可以执行此操作", "only a field laptop can do this")
    return inst


def set_role(
    session: Session, role: Role, name: str, centre_id: str | None = None, *, force: bool = False
) -> Installation:
    """Choose the role at first start; changing it later needs `force` (a deliberate act)."""
    current = load_installation(session)
    if current is not None and current.role is not role and not force:
        raise YedaError(
            f"本机已设置为{ROLE_ZH[current.role]}，更改角色需由管理员明确确认（--force）",
            f"this installation is already a {ROLE_EN[current.role]}; changing the role must be "
            "deliberate (--force)",
        )
    if role is Role.CENTRE and not (centre_id or (current and current.centre_id)):
        raise YedaError("中心需要一个中心编号", "a centre needs a centre id")
    device_id = current.device_id if current else str(uuid.uuid4())
    set_state(session, _ROLE, role.value)
    set_state(session, _DEVICE, device_id)
    set_state(session, _NAME, name or (current.name if current else ""))
    if role is Role.CENTRE:
        set_state(session, _CENTRE, centre_id or (current.centre_id if current else "") or "")
        # The campaign opened with before the role was chosen is the centre's own now.
        stand_in = session.get(AppState, STAND_IN_KEY)
        if stand_in is not None:
            session.delete(stand_in)
    return Installation(role, device_id, name, get_state(session, _CENTRE))


def keys_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Secret keys: `--keys`, then `YEDA_KEYS_DIR`, then the per-user data folder."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("YEDA_KEYS_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return data_dir() / "keys"


def load_or_create_keys(folder: Path, passphrase: str | None = None) -> tuple[KeySet, bool]:
    """The installation's key set, generated and saved (owner-only) on first use."""
    if KeySet.exists(folder):
        return load_keys(folder, passphrase), False
    keys = KeySet.generate()
    keys.save(folder, passphrase)
    _KEY_FOLDERS[keys.fingerprint] = folder
    return keys, True


def load_keys(folder: Path, passphrase: str | None = None) -> KeySet:
    if passphrase is None:
        passphrase = os.environ.get("YEDA_KEY_PASSPHRASE") or None
    try:
        keys = KeySet.load(folder, passphrase)
    except SyncError as exc:
        raise YedaError(exc.zh, exc.en) from None
    _KEY_FOLDERS[keys.fingerprint] = folder
    return keys


def key_folder(keys: KeySet) -> str:
    """Where a key set was loaded from, for messages ("?" for keys made in memory)."""
    folder = _KEY_FOLDERS.get(keys.fingerprint)
    return str(folder) if folder is not None else "?"


def own_profile(session: Session) -> dict[str, object] | None:
    """At the centre: what its last published profile says (keys, id, name)."""
    text = get_state(session, OWN_PROFILE_KEY)
    return None if text is None else dict(json.loads(text))


def check_centre_keys(session: Session, keys: KeySet) -> None:
    """Refuse to sign with keys other than those the centre's published profile names:
    laptops would only refuse the file later, far from the administrator's desk."""
    published = own_profile(session)
    expected = published.get("fingerprint") if published else None
    if expected and expected != keys.fingerprint:
        folder = key_folder(keys)
        raise YedaError(
            f"所用密钥文件夹 {folder} 中的密钥（核对码 {keys.fingerprint}）不是本中心配置文件"
            f"发布的密钥（核对码 {expected}）；请改用中心的密钥文件夹（命令行用 --keys 指定）",
            f"the keys in {folder} (code {keys.fingerprint}) are not the keys this centre's "
            f"profile publishes (code {expected}); use the centre's key folder (--keys on the "
            "command line)",
        )


def one_match(prefix: str, matches: list[str], what_zh: str, what_en: str) -> str:
    """The one id a typed prefix names (ids are typed as the list commands print them)."""
    found = sorted(set(matches))
    if prefix in found:
        return prefix
    if not prefix.strip():
        raise YedaError(f"请指定{what_zh}的编号（或其开头几位，如列表所示）",
                        f"give the {what_en}'s id (or its start, as the list prints it)")
    if not found:
        raise YedaError(f"没有与 {prefix} 匹配的{what_zh}", f"no {what_en} matches {prefix}")
    if len(found) > 1:
        shown = ", ".join(m[:12] for m in found[:5]) + (" …" if len(found) > 5 else "")
        raise YedaError(f"{prefix} 匹配多个{what_zh}：{shown}",
                        f"{prefix} matches several {what_en}s: {shown}")
    return found[0]


def profile_json(session: Session) -> dict[str, object] | None:
    text = get_state(session, PROFILE_KEY)
    return None if text is None else dict(json.loads(text))
