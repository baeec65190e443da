"""meals: on PostgreSQL the append-only ledger trigger refuses with an integrity error (SQLSTATE 23000),
as SQLite's RAISE(ABORT) does, so both databases refuse a change of meal_ledger with the same exception

Revision ID: meals_0005
Revises: meals_0004
Create Date: 2026-11-23
"""
from collections.abc import Sequence

from alembic import op

revision: str = "meals_0005"
down_revision: str | Sequence[str] | None = "meals_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "meal_ledger is append-only"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION meal_ledger_append_only() RETURNS trigger AS $$ BEGIN "
            f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END; $$ LANGUAGE plpgsql"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION meal_ledger_append_only() RETURNS trigger AS $$ BEGIN "
            f"RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql"
        )
