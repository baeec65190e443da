"""work calendar: which years are entered in full (calendar_year) — issue 18

Dates in a year without a row count Monday–Friday only and the pages say so. Existing databases: every
year that already has a holiday in calendar_day (the reference data, 2004–2026, and whatever a station
entered by hand) counts as entered.

Revision ID: workdays_0001
Revises: foundation_0001
Create Date: 2026-12-04
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import desktop_app.core.db

revision: str = 'workdays_0001'
down_revision: str | Sequence[str] | None = 'foundation_0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        'calendar_year',
        sa.Column('year', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('source', sa.String(length=30), nullable=False),
        sa.Column('entered_at', desktop_app.core.db.AwareDateTime(), nullable=False),
        sa.Column('entered_by', sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint('year'),
    )
    conn = op.get_bind()
    days = [r[0] for r in conn.execute(sa.text("SELECT day FROM calendar_day WHERE kind = 'holiday'"))]
    years = sorted({int(str(d)[:4]) for d in days})  # a date (PostgreSQL) or its ISO text (SQLite)
    if years:
        from desktop_app.core.clock import utcnow

        now = utcnow()
        op.bulk_insert(table, [{"year": y, "source": "reference", "entered_at": now, "entered_by": None} for y in years])


def downgrade() -> None:
    op.drop_table('calendar_year')
