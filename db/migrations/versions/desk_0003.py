"""desk: a version on every desk record and category (a save over a newer one is refused, not lost)

Revision ID: desk_0003
Revises: desk_0002
Create Date: 2026-11-24
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = 'desk_0003'
down_revision: str | Sequence[str] | None = 'desk_0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ('service_record', 'desk_category')


def upgrade() -> None:
    # Plain ALTER TABLE, no batch: SQLite would copy the tables, which other tables reference.
    for table in TABLES:
        op.add_column(table, sa.Column('version', sa.Integer(), server_default=sa.text('1'), nullable=False))


def downgrade() -> None:
    for table in TABLES:
        op.drop_column(table, 'version')
