"""passports: activities and rewards carry a version, so a change made on a stale view of one is refused
(who saved in between, and when) instead of silently overwriting it (issue 14 item 3)

Revision ID: passports_0004
Revises: passports_0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "passports_0004"
down_revision: str | Sequence[str] | None = "passports_0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("passport_activity", "passport_reward")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("version")
