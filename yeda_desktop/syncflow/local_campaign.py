"""The campaign a field laptop works in before the centre's profile has brought one.

Campaigns are the centre's reference data: a laptop takes them with the profile. The
window needs one to open, though, and a laptop set up from the window opens before its
profile is imported. The campaign it then makes for itself is a stand-in: written
without a change-log entry (it is no officer's work and must never travel), remembered
as such, and given up when the profile arrives, everything that names it moving to the
centre's current campaign. Before 2026-11-29 it was logged like an edit: the laptop held
two current campaigns, visits went to its own, and the centre's baseline was refused
("export today's work first") for a campaign no officer had made.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from yeda_desktop.models import Base, Campaign
from yeda_desktop.services import sweep
from yeda_desktop.storage.audit import encode_value
from yeda_desktop.storage.driver_sql import run_sql
from yeda_desktop.syncflow.installation import (
    STAND_IN_KEY,
    get_state,
    load_installation,
    set_state,
)


def open_campaign(session: Session) -> Campaign:
    """The current campaign; without one, this year's, as a stand-in except at the centre."""
    found = sweep.current_campaign(session)
    if found is not None:
        return found
    inst = load_installation(session)
    if inst is not None and inst.is_centre:
        return sweep.ensure_current_campaign(session)
    skipping = session.info.get("skip_change_log")
    session.info["skip_change_log"] = True
    try:
        campaign = sweep.ensure_current_campaign(session)
        session.flush()
    finally:
        session.info["skip_change_log"] = skipping
    set_state(session, STAND_IN_KEY, campaign.id)
    return campaign


def give_up_stand_in(session: Session) -> str | None:
    """After the profile's reference data is in: what names the stand-in names the centre's
    current campaign instead, in the rows and in their change log not yet exported, and
    the stand-in goes. Returns the campaign taken over (None: there was no stand-in, or
    the profile brought no current campaign to take over)."""
    stand_in = get_state(session, STAND_IN_KEY)
    if stand_in is None:
        return None
    conn = session.connection()
    current = run_sql(conn,
        "SELECT id FROM campaigns WHERE is_current AND id <> ? ORDER BY year DESC, id",
        (stand_in,)).first()
    if current is None:
        return None
    _repoint(conn, stand_in, str(current[0]))
    run_sql(conn, "DELETE FROM campaigns WHERE id = ?", (stand_in,))
    run_sql(conn, "DELETE FROM app_state WHERE key = ?", (STAND_IN_KEY,))
    return str(current[0])


def _repoint(conn: Connection, old: str, new: str) -> None:
    """Every column referring to campaigns, and the log entries that set one, from old to new."""
    old_json, new_json = encode_value(old), encode_value(new)
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is not Campaign.__table__:
                continue
            column = fk.parent.name
            run_sql(conn, f"UPDATE {table.name} SET {column} = ? WHERE {column} = ?", (new, old))
            for side in ("new_value", "old_value"):
                run_sql(conn,
                    f"UPDATE change_log SET {side} = ? WHERE table_name = ? AND field = ? "
                    f"AND {side} = ?", (new_json, table.name, column, old_json))
