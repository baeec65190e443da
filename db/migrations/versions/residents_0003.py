"""residents: indexes that make the hot plans independent of the planner's statistics (issue 21)

A station's list in pinyin order and its count read ix_resident_station_list (station, erased, sort key,
id) instead of sorting every resident for each page; the grid and compound filters' choices are read one
index seek per value. ix_resident_station_id is a prefix of the new list index and goes.

Revision ID: residents_0003
Revises: residents_0002
Create Date: 2026-12-05

Written first as residents_0002 on its branch (a development database may have these indexes already:
hence if_not_exists).
"""
from collections.abc import Sequence

from alembic import op

revision: str = 'residents_0003'
down_revision: str | Sequence[str] | None = 'residents_0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index('ix_resident_station_list', 'resident', ['station_id', 'erased', 'sort_key', 'id'], if_not_exists=True)
    op.create_index('ix_resident_station_grid', 'resident', ['station_id', 'grid'], if_not_exists=True)
    op.create_index('ix_resident_station_compound', 'resident', ['station_id', 'compound'], if_not_exists=True)
    op.drop_index('ix_resident_station_id', table_name='resident', if_exists=True)


def downgrade() -> None:
    op.create_index('ix_resident_station_id', 'resident', ['station_id'])
    op.drop_index('ix_resident_station_compound', table_name='resident')
    op.drop_index('ix_resident_station_grid', table_name='resident')
    op.drop_index('ix_resident_station_list', table_name='resident')
