"""meals: a version on the rows people edit in a dialog (recipients, pauses, prices, subsidy tiers), so a
save over a newer version is refused instead of silently overwriting it (issue 14, lost edits)

Revision ID: meals_0006
Revises: meals_0005
Create Date: 2026-11-24
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "meals_0006"
down_revision: str | Sequence[str] | None = "meals_0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("meal_recipient", "meal_pause", "meal_price", "meal_subsidy_tier")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
