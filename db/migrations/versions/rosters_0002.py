"""rosters: patrol findings belong to a station (docs/postgres.md §5)

A finding's station is its team's; findings without a team take the station of the staff member
who recorded them.

Revision ID: rosters_0002
Revises: rosters_0001
Create Date: 2026-11-23 01:40:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'rosters_0002'
down_revision: str | Sequence[str] | None = 'rosters_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('roster_patrol_finding', schema=None) as batch_op:
        batch_op.add_column(sa.Column('station_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_roster_patrol_finding_station_id', 'station', ['station_id'], ['id'])
        batch_op.create_index('ix_roster_finding_station_at', ['station_id', 'found_at', 'id'], unique=False)
    op.execute(
        "UPDATE roster_patrol_finding SET station_id = COALESCE("
        "(SELECT t.station_id FROM roster_team t WHERE t.id = roster_patrol_finding.team_id), "
        "(SELECT u.station_id FROM staff_user u WHERE u.id = roster_patrol_finding.created_by))"
    )


def downgrade() -> None:
    with op.batch_alter_table('roster_patrol_finding', schema=None) as batch_op:
        batch_op.drop_index('ix_roster_finding_station_at')
        batch_op.drop_constraint('fk_roster_patrol_finding_station_id', type_='foreignkey')
        batch_op.drop_column('station_id')
