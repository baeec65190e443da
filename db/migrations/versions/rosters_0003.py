"""rosters: a version counter on the rows people edit (volunteers, team members, daily shift templates,
hours multipliers), so a save over a newer version is refused instead of overwriting it (#14)

Revision ID: rosters_0003
Revises: rosters_0002
Create Date: 2026-12-01 09:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'rosters_0003'
down_revision: str | Sequence[str] | None = 'rosters_0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('roster_volunteer', 'roster_team_member', 'roster_shift_template', 'roster_hours_multiplier')


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
