"""rosters (issue 21): partial indexes for the check-ins the home page asks about on every refresh — still
open, and closed automatically but not yet confirmed — instead of reading every check-in of the years

Revision ID: rosters_0005
Revises: rosters_0004
Create Date: 2026-12-05
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'rosters_0005'
down_revision: str | Sequence[str] | None = 'rosters_0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = sa.text("check_in_at IS NOT NULL AND check_out_at IS NULL")


def upgrade() -> None:
    op.create_index('ix_roster_checkin_open', 'roster_checkin', ['shift_id'], unique=False,
                    sqlite_where=OPEN, postgresql_where=OPEN)
    op.create_index('ix_roster_checkin_unreviewed', 'roster_checkin', ['shift_id'], unique=False,
                    sqlite_where=sa.text("auto_closed = 1 AND reviewed_at IS NULL"),
                    postgresql_where=sa.text("auto_closed AND reviewed_at IS NULL"))


def downgrade() -> None:
    op.drop_index('ix_roster_checkin_unreviewed', table_name='roster_checkin')
    op.drop_index('ix_roster_checkin_open', table_name='roster_checkin')
