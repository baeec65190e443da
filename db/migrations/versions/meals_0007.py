"""meals: the period figures read from one covering index (issue 21)

ix_meal_order_day_figures (day, status, outcome, tier, recipient, subsidy) answers the figures of a period
(orders and outcomes, subsidies per tier, meals served per month) from the index alone; it replaces
ix_meal_order_tier_day (day, tier), of which it keeps the leading day.

Revision ID: meals_0007
Revises: meals_0006
Create Date: 2026-12-05
"""
from collections.abc import Sequence

from alembic import op

revision: str = "meals_0007"
down_revision: str | Sequence[str] | None = "meals_0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_meal_order_day_figures", "meal_order",
                    ["day", "status", "outcome", "tier_id", "recipient_id", "subsidy_fen"])
    op.drop_index("ix_meal_order_tier_day", table_name="meal_order")


def downgrade() -> None:
    op.create_index("ix_meal_order_tier_day", "meal_order", ["day", "tier_id"])
    op.drop_index("ix_meal_order_day_figures", table_name="meal_order")
