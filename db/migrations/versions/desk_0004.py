"""desk: the loop's events are append-only in the database (triggers refuse UPDATE and DELETE; an erasure
may only blank an event's note) — issue 18. The triggers are core.db.guards' (declared in desk/guards.py),
which also recreates them at open when missing.

Revision ID: desk_0004
Revises: desk_0003
Create Date: 2026-12-04
"""
from collections.abc import Sequence

from alembic import op

revision: str = 'desk_0004'
down_revision: str | Sequence[str] | None = 'desk_0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    from desktop_app.core.db import guards
    from desktop_app.desk.guards import TABLES

    guards.create(op.get_bind(), *TABLES)


def downgrade() -> None:
    from desktop_app.core.db import guards
    from desktop_app.desk.guards import TABLES

    guards.drop(op.get_bind(), *TABLES)
