"""rosters (issue 18): qualifications a daily shift requires; check-ins closed automatically when nobody
checked out (flagged for a coordinator); hours entries recorded in the national volunteer system; the
hours ledger append-only in the database (core.db.guards' triggers, declared in rosters/guards.py, which
also recreates them at open when missing)

Revision ID: rosters_0004
Revises: rosters_0003
Create Date: 2026-12-05
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import desktop_app.core.db

revision: str = 'rosters_0004'
down_revision: str | Sequence[str] | None = 'rosters_0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'roster_shift_requirement',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('template_id', sa.Integer(), nullable=False),
        sa.Column('scope', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column('skill', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.ForeignKeyConstraint(['template_id'], ['roster_shift_template.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('template_id', 'scope', 'skill'),
    )
    op.create_index(op.f('ix_roster_shift_requirement_template_id'), 'roster_shift_requirement', ['template_id'], unique=False)
    op.create_table(
        'roster_national_record',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('entry_id', sa.Integer(), nullable=False),
        sa.Column('recorded_on', sa.Date(), nullable=False),
        sa.Column('recorded_by', sa.Integer(), nullable=True),
        sa.Column('created_at', desktop_app.core.db.AwareDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['entry_id'], ['roster_hours_entry.id']),
        sa.ForeignKeyConstraint(['recorded_by'], ['staff_user.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('entry_id'),
    )
    # Plain ALTER TABLE, no batch: SQLite would copy roster_checkin, which nothing needs here.
    op.add_column('roster_checkin', sa.Column('auto_closed', sa.Boolean(), server_default='0', nullable=False))
    op.add_column('roster_checkin', sa.Column('reviewed_at', desktop_app.core.db.AwareDateTime(), nullable=True))
    op.add_column('roster_checkin', sa.Column('reviewed_by', sa.Integer(), nullable=True))
    from desktop_app.core.db import guards
    from desktop_app.rosters.guards import TABLES

    guards.create(op.get_bind(), *TABLES)


def downgrade() -> None:
    from desktop_app.core.db import guards
    from desktop_app.rosters.guards import TABLES

    guards.drop(op.get_bind(), *TABLES)
    op.drop_column('roster_checkin', 'reviewed_by')
    op.drop_column('roster_checkin', 'reviewed_at')
    op.drop_column('roster_checkin', 'auto_closed')
    op.drop_table('roster_national_record')
    op.drop_index(op.f('ix_roster_shift_requirement_template_id'), table_name='roster_shift_requirement')
    op.drop_table('roster_shift_requirement')
