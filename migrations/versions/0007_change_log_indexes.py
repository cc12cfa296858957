"""change log: only the index a query reads (by record)

Revision ID: 0007_change_log_indexes
Revises: 0006_deferrable_keys
Create Date: 2026-11-29 21:40:00

Every edit and every imported record writes a change-log row, and each index on the
table is written with it. No query selects log rows by time, device or package: the
audit view and the merge read a record's rows, the export a range of `seq` (the
primary key) not yet exported. Those three indexes only cost writes, a quarter and
more of the SQLite work of a 10,000-organization batch's 40,000 log rows (callgrind).
The record index leads with the record id: the audit view asks for a record's ids
without naming its table, which the index by (table, record) could not answer, so it
read the whole log in the order of the index by time.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = '0007_change_log_indexes'
down_revision: str | Sequence[str] | None = '0006_deferrable_keys'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index('ix_change_log_at', table_name='change_log')
    op.drop_index('ix_change_log_device_id', table_name='change_log')
    op.drop_index('ix_change_log_package_id', table_name='change_log')
    op.drop_index('ix_change_log_record', table_name='change_log')
    op.create_index('ix_change_log_record', 'change_log', ['record_id'])


def downgrade() -> None:
    op.drop_index('ix_change_log_record', table_name='change_log')
    op.create_index('ix_change_log_record', 'change_log', ['table_name', 'record_id'])
    op.create_index('ix_change_log_package_id', 'change_log', ['package_id'])
    op.create_index('ix_change_log_device_id', 'change_log', ['device_id'])
    op.create_index('ix_change_log_at', 'change_log', ['at'])
