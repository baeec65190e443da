"""passports: the stamp ledger refuses UPDATE and DELETE (append-only in the database itself)

Revision ID: passports_0002
Revises: passports_0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "passports_0002"
down_revision: str | Sequence[str] | None = "passports_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER passport_stamp_no_{event.lower()} BEFORE {event} ON passport_stamp "
                "BEGIN SELECT RAISE(ABORT, 'passport_stamp is append-only: add a correction entry instead'); END"
            )
    elif dialect == "postgresql":
        op.execute(
            "CREATE FUNCTION passport_stamp_append_only() RETURNS trigger AS $$ BEGIN "
            "RAISE EXCEPTION 'passport_stamp is append-only: add a correction entry instead'; END $$ LANGUAGE plpgsql"
        )
        op.execute(
            "CREATE TRIGGER passport_stamp_no_change BEFORE UPDATE OR DELETE ON passport_stamp "
            "FOR EACH ROW EXECUTE FUNCTION passport_stamp_append_only()"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS passport_stamp_no_update")
        op.execute("DROP TRIGGER IF EXISTS passport_stamp_no_delete")
    elif dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS passport_stamp_no_change ON passport_stamp")
        op.execute("DROP FUNCTION IF EXISTS passport_stamp_append_only()")
