"""Opening a database off the GUI thread: migrate, pick the campaign, index if needed, load."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from yeda_desktop.models import Campaign
from yeda_desktop.services import progress, sweep
from yeda_desktop.storage import Database, open_database
from yeda_desktop.storage.search_index import rebuild_search_index
from yeda_desktop.ui.tasks import TaskProgress


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


def open_work(path: str, officer: str, campaign_id: str, indexing_label: str):  # type: ignore[no-untyped-def]
    """The work of opening `path`, to run with `run_task` (a worker thread)."""

    def work(task: TaskProgress) -> Opened:
        db = open_database(path)
        try:
            with db.session(officer=officer or None) as session:
                campaign = session.get(Campaign, campaign_id) if campaign_id else None
                if campaign is None:
                    campaign = sweep.ensure_current_campaign(session)
                chosen = (campaign.id, campaign.name)
            if index_missing(db):
                task.stage(indexing_label)
                rebuild_search_index(db.engine, task)
            with db.reader() as session:
                tree = progress.place_tree(session, chosen[0])
            return Opened(db, chosen[0], chosen[1], tree)
        except BaseException:
            db.close()
            raise

    return work


def count_unsent(db: Database) -> int:
    with db.reader() as session:
        return sweep.unsent_change_count(session)
