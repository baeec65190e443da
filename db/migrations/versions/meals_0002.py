"""meals: balance snapshots (sums of the append-only ledger through an entry id)

Revision ID: meals_0002
Revises: meals_0001
Create Date: 2026-11-22
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop_app.core.db

revision: str = "meals_0002"
down_revision: str | Sequence[str] | None = "meals_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "meal_balance_snapshot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("through_entry_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "meal_balance_snapshot_row",
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("balance_fen", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["recipient_id"], ["meal_recipient.id"]),
        sa.ForeignKeyConstraint(["snapshot_id"], ["meal_balance_snapshot.id"]),
        sa.PrimaryKeyConstraint("snapshot_id", "recipient_id"),
    )


def downgrade() -> None:
    op.drop_table("meal_balance_snapshot_row")
    op.drop_table("meal_balance_snapshot")
