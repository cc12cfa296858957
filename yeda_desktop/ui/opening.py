"""Opening a database off the GUI thread: migrate, pick the campaign, index if needed, load.

The damage check (`PRAGMA quick_check`, which reads every page: a second or more on
a 100,000-organization file) runs on a second thread while the navigator's tree
loads, when the file already has the app's schema; the window starts it even
earlier, before the core is loaded (`early_check`). The database is handed to the
window only once the check has passed. A file that needs an upgrade is checked
first, before anything is migrated.
"""

from __future__ import annotations

import os
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SADatabaseError

from yeda_desktop.models import Campaign
from yeda_desktop.services import progress, sweep
from yeda_desktop.storage import Database, migrate, open_database
from yeda_desktop.storage.integrity import CorruptDatabaseError, quick_check
from yeda_desktop.storage.location import is_server_url
from yeda_desktop.storage.paths import resolve_db_path
from yeda_desktop.storage.search_index import rebuild_search_index
from yeda_desktop.syncflow import local_campaign
from yeda_desktop.ui.early_check import EarlyCheck
from yeda_desktop.ui.tasks import Cancelled, TaskProgress


@dataclass
class Opened:
    db: Database
    campaign_id: str
    campaign_name: str
    tree: progress.PlaceTree


def index_missing(db: Database) -> bool:
    with db.engine.connect() as conn:
        docs = conn.execute(text("SELECT EXISTS (SELECT 1 FROM search_docs)")).scalar()
        data = conn.execute(text("SELECT EXISTS (SELECT 1 FROM organizations)")).scalar()
    return bool(data) and not docs


def schema_is_current(path: Path) -> bool:
    """True if the file exists and already has the app's schema (nothing to migrate)."""
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return False
    return [r[0] for r in rows] == [migrate.head_revision()]


def _check(db: Database) -> None:
    try:
        with db.engine.connect() as conn:
            quick_check(conn, db.path)
    except SADatabaseError as exc:  # too damaged even to be checked
        raise CorruptDatabaseError(db.path, str(exc.orig)) from None


def _verdict(early: EarlyCheck) -> None:
    """The early check's result, as `quick_check` would give it."""
    early.wait()
    detail = early.damage()
    if detail is not None:
        raise CorruptDatabaseError(early.path, detail)


def open_work(  # type: ignore[no-untyped-def]
    given: str,
    officer: str,
    campaign_id: str,
    indexing_label: str,
    early: EarlyCheck | None = None,
):
    """The work of opening `given` ("": YEDA_DB or the default), to run with `run_task`.

    `early`, a check of the same file already under way, stands in for the check here.
    """

    def work(task: TaskProgress) -> Opened:
        path = given or os.environ.get("YEDA_DB") or str(resolve_db_path())
        server = is_server_url(path)  # PostgreSQL checks its own pages; no file to scan
        target = None if server else resolve_db_path(path)
        mine = early if early is not None and early.path == target else None
        if early is not None and mine is None:
            early.cancel()
        try:
            check_aside = target is not None and schema_is_current(target)
            if mine is not None and not check_aside:  # to be upgraded: only if sound
                _verdict(mine)
            db = open_database(path, check=not server and not check_aside and mine is None)
        except BaseException:
            if mine is not None:
                mine.cancel()
                mine.wait()
            raise
        with ThreadPoolExecutor(1, thread_name_prefix="quick-check") as pool:
            checking = None
            if check_aside:
                checking = pool.submit(_verdict, mine) if mine else pool.submit(_check, db)
            try:
                with db.reader() as session:
                    # The current one, not the one remembered: the centre starts a new
                    # year's (services.campaigns), a laptop takes it with the profile.
                    campaign = sweep.current_campaign(session) or (
                        session.get(Campaign, campaign_id) if campaign_id else None)
                    chosen = (campaign.id, campaign.name) if campaign is not None else None
                if chosen is None:  # a first write: only to a file known to be sound
                    if checking is not None:
                        checking.result()
                    with db.session(officer=officer or None) as session:
                        campaign = local_campaign.open_campaign(session)
                        chosen = (campaign.id, campaign.name)
                if index_missing(db):
                    task.stage(indexing_label)
                    rebuild_search_index(db.engine, task)
                with db.reader() as session:
                    tree = progress.place_tree(session, chosen[0])
                if checking is not None:
                    checking.result()  # CorruptDatabaseError if the file is damaged
                return Opened(db, chosen[0], chosen[1], tree)
            except BaseException as exc:
                if isinstance(exc, Cancelled) and mine is not None:
                    mine.cancel()  # no verdict wanted (an interrupted check is no damage)
                    checking = None
                damage = checking.exception() if checking is not None else None
                if mine is not None:
                    mine.wait()
                db.close()
                if isinstance(damage, CorruptDatabaseError):  # the reason reads failed
                    raise damage from exc
                raise

    return work


