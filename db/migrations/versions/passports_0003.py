"""passports: on PostgreSQL the append-only trigger refuses with an integrity error (SQLSTATE 23000), as
SQLite's RAISE(ABORT) does, so both databases refuse a change of the stamp ledger with the same exception

Revision ID: passports_0003
Revises: passports_0002
"""

from collections.abc import Sequence

from alembic import op

revision: str = "passports_0003"
down_revision: str | Sequence[str] | None = "passports_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "passport_stamp is append-only: add a correction entry instead"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION passport_stamp_append_only() RETURNS trigger AS $$ BEGIN "
            f"RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation'; END $$ LANGUAGE plpgsql"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE OR REPLACE FUNCTION passport_stamp_append_only() RETURNS trigger AS $$ BEGIN "
            f"RAISE EXCEPTION '{MESSAGE}'; END $$ LANGUAGE plpgsql"
        )
