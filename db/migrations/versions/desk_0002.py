"""desk: covering index for period figures

Revision ID: desk_0002
Revises: desk_0001
Create Date: 2026-11-22 23:52:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = 'desk_0002'
down_revision: str | Sequence[str] | None = 'desk_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('desk_day_figure', schema=None) as batch_op:
        batch_op.create_index(
            'ix_desk_day_figure_cover',
            ['day', 'station_id', 'category_id', 'received', 'closed', 'closed_on_time', 'followed_up', 'satisfied'],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table('desk_day_figure', schema=None) as batch_op:
        batch_op.drop_index('ix_desk_day_figure_cover')
