"""PostgreSQL: every foreign key DEFERRABLE, so an import can check them at commit

Revision ID: 0006_deferrable_keys
Revises: 0005_invalid_ids
Create Date: 2026-11-28 16:40:00

A batch renames rows (a duplicate linked to its survivor) and brings parents and
children in any order; SQLite defers its foreign keys per transaction with a
pragma, PostgreSQL only defers constraints declared DEFERRABLE (still checked
after each statement unless a transaction asks otherwise). Nothing to do on SQLite.
A later migration that adds a foreign key on PostgreSQL must make it DEFERRABLE too;
tests/storage/test_schema_migrations.py fails if one is not.
"""
from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy import text


revision: str = '0006_deferrable_keys'
down_revision: str | Sequence[str] | None = '0005_invalid_ids'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FOREIGN_KEYS = text(
    "SELECT conrelid::regclass::text, conname FROM pg_constraint "
    "WHERE contype = 'f' AND connamespace = current_schema()::regnamespace ORDER BY 1, 2"
)


def _alter(deferrable: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    clause = "DEFERRABLE INITIALLY IMMEDIATE" if deferrable else "NOT DEFERRABLE"
    for table, name in bind.execute(_FOREIGN_KEYS).all():
        op.execute(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" {clause}')


def upgrade() -> None:
    _alter(True)


def downgrade() -> None:
    _alter(False)
