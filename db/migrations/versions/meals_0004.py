"""meals: one recipient-led ledger index instead of two (fewer scattered page writes per day's charges)

Revision ID: meals_0004
Revises: meals_0003
Create Date: 2026-11-23
"""
from collections.abc import Sequence

from alembic import op

revision: str = "meals_0004"
down_revision: str | Sequence[str] | None = "meals_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_meal_ledger_recipient_day_amount", "meal_ledger", ["recipient_id", "day", "amount_fen"])
    op.drop_index("ix_meal_ledger_balance", table_name="meal_ledger")
    op.drop_index("ix_meal_ledger_recipient_day", table_name="meal_ledger")


def downgrade() -> None:
    op.create_index("ix_meal_ledger_recipient_day", "meal_ledger", ["recipient_id", "day", "id"])
    op.create_index("ix_meal_ledger_balance", "meal_ledger", ["recipient_id", "amount_fen"])
    op.drop_index("ix_meal_ledger_recipient_day_amount", table_name="meal_ledger")
