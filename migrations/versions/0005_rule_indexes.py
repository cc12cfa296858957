"""indexes for the gap rules: invalid identifiers (partial), member counts, latest visits

Revision ID: 0005_invalid_ids
Revises: 0004_sync
Create Date: 2026-11-28 14:30:00
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from yeda_desktop.models.identifier_sql import invalid_id_number_where, invalid_uscc_where

revision: str = '0005_invalid_ids'
down_revision: str | Sequence[str] | None = '0004_sync'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Partial on both engines, with the models' conditions (each engine's own SQL).
    op.create_index('ix_people_invalid_id_number', 'people', ['organization_id'],
                    sqlite_where=sa.text(invalid_id_number_where()),
                    postgresql_where=sa.text(invalid_id_number_where('postgresql')))
    op.create_index('ix_organizations_invalid_uscc', 'organizations', ['id'],
                    sqlite_where=sa.text(invalid_uscc_where()),
                    postgresql_where=sa.text(invalid_uscc_where('postgresql')))
    op.create_index('ix_people_org_party', 'people',
                    ['organization_id', 'party_status', 'relation_transferred'])
    op.create_index('ix_visits_campaign_unit', 'visits',
                    ['campaign_id', 'unit_id', 'visited_at', 'id', 'outcome'])


def downgrade() -> None:
    op.drop_index('ix_visits_campaign_unit', table_name='visits')
    op.drop_index('ix_people_org_party', table_name='people')
    op.drop_index('ix_organizations_invalid_uscc', table_name='organizations')
    op.drop_index('ix_people_invalid_id_number', table_name='people')
