"""special work ledger: gaps and their status history

Revision ID: 0002_ledger
Revises: 0001_core
Create Date: 2026-11-28 13:08:31.516493
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0002_ledger'
down_revision: str | Sequence[str] | None = '0001_core'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('gaps',
    sa.Column('organization_id', sa.String(length=36), nullable=False),
    sa.Column('rule_id', sa.String(length=40), nullable=False),
    sa.Column('status', sa.Enum('identified', 'assigned', 'in_progress', 'closed', 'waived', 'resolved_by_data', name='gapstatus', native_enum=False, length=32), nullable=False),
    sa.Column('detail_zh', sa.String(length=300), nullable=True),
    sa.Column('detail_en', sa.String(length=300), nullable=True),
    sa.Column('action', sa.Enum('instructor', 'joint_branch', 'establish_branch', 'transfer_relations', 'develop_members', 'fix_record', name='gapaction', native_enum=False, length=32), nullable=True),
    sa.Column('responsible', sa.String(length=60), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('waived_reason', sa.Text(), nullable=True),
    sa.Column('waived_by', sa.String(length=60), nullable=True),
    sa.Column('identified_at', sa.DateTime(), nullable=False),
    sa.Column('campaign_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_gaps_campaign_id_campaigns')),
    sa.ForeignKeyConstraint(['organization_id'], ['organizations.id'], name=op.f('fk_gaps_organization_id_organizations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gaps'))
    )
    with op.batch_alter_table('gaps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gaps_campaign_id'), ['campaign_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gaps_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_gaps_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gaps_responsible'), ['responsible'], unique=False)
        batch_op.create_index(batch_op.f('ix_gaps_rule_id'), ['rule_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gaps_status'), ['status'], unique=False)

    op.create_table('gap_events',
    sa.Column('gap_id', sa.String(length=36), nullable=False),
    sa.Column('from_status', sa.Enum('identified', 'assigned', 'in_progress', 'closed', 'waived', 'resolved_by_data', name='gapstatus', native_enum=False, length=32), nullable=True),
    sa.Column('to_status', sa.Enum('identified', 'assigned', 'in_progress', 'closed', 'waived', 'resolved_by_data', name='gapstatus', native_enum=False, length=32), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('officer', sa.String(length=60), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['gap_id'], ['gaps.id'], name=op.f('fk_gap_events_gap_id_gaps'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gap_events'))
    )
    with op.batch_alter_table('gap_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gap_events_gap_id'), ['gap_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('gap_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gap_events_gap_id'))

    op.drop_table('gap_events')
    with op.batch_alter_table('gaps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gaps_status'))
        batch_op.drop_index(batch_op.f('ix_gaps_rule_id'))
        batch_op.drop_index(batch_op.f('ix_gaps_responsible'))
        batch_op.drop_index(batch_op.f('ix_gaps_organization_id'))
        batch_op.drop_index(batch_op.f('ix_gaps_due_on'))
        batch_op.drop_index(batch_op.f('ix_gaps_campaign_id'))

    op.drop_table('gaps')
