"""search index: FTS5 over organizations, people and units (pinyin, initials, USCC, phone, room)

Revision ID: 0003_search
Revises: 0002_ledger
Create Date: 2026-11-28 15:00:00

Searches are prefix matches of whole terms, never phrases, so the FTS table keeps
no positions (detail=none): a third faster to build and much smaller.
The tables are not models: `search_docs` names what each indexed row is, and the
FTS5 table `search_fts` holds its search terms under the same rowid. They are
kept in step by `yeda_desktop.storage.search_index` (a flush hook) and rebuilt
in bulk by `rebuild_search_index`. migrations/env.py leaves `search_*` out of
autogenerate comparisons.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op


revision: str = '0003_search'
down_revision: str | Sequence[str] | None = '0002_ledger'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE TABLE search_docs ("
        " rowid INTEGER PRIMARY KEY,"
        " kind VARCHAR(12) NOT NULL,"
        " ref_id VARCHAR(36) NOT NULL UNIQUE,"
        " title VARCHAR(200) NOT NULL)"
    )
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "terms, tokenize = 'unicode61 remove_diacritics 0', prefix = '1 2',"
        " detail = none, columnsize = 0)"
    )


def downgrade() -> None:
    op.execute("DROP TABLE search_fts")
    op.execute("DROP TABLE search_docs")
