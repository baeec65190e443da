"""admin: the station's details carry a version, so a save made on a stale view of them (two administrators in
Settings at once, on one PC or two) is refused with who saved in between and when (issue 14 item 3)

Revision ID: admin_0001
Revises: foundation_0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "admin_0001"
down_revision: str | Sequence[str] | None = "foundation_0001"
branch_labels: str | Sequence[str] | None = ("admin",)
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("station") as batch:
        batch.drop_column("version")
