"""security: the audit log becomes one keyed hash chain per station (chain, seq, scheme, key id), with a
subject whose personal data a snapshot holds (encrypted with that person's key, audit_subject_key); the
database's identity (audit_meta); accounts that must change a password others know

Entries written before keep ``scheme`` 1 and keep verifying with the first edition's unkeyed chain; the
first keyed entry of every chain links to the last of them (core/audit.py, docs/safety.md). The append-only
triggers of audit_entry are created here and kept in place by core.db.guards whenever the database is opened.

Revision ID: security_0001
Revises: foundation_0001
Create Date: 2026-12-01
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import desktop_app.core.db

revision: str = "security_0001"
down_revision: str | Sequence[str] | None = "foundation_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE, no batch: SQLite would copy the tables (and drop their triggers).
    op.add_column("audit_entry", sa.Column("chain", sa.Integer(), server_default=sa.text("0"), nullable=False))
    op.add_column("audit_entry", sa.Column("seq", sa.Integer(), nullable=True))
    op.add_column("audit_entry", sa.Column("scheme", sa.Integer(), server_default=sa.text("1"), nullable=False))
    op.add_column("audit_entry", sa.Column("key_id", sqlmodel.sql.sqltypes.AutoString(length=16), server_default="", nullable=False))
    op.add_column("audit_entry", sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=60), server_default="", nullable=False))
    op.execute("UPDATE audit_entry SET chain = COALESCE(station_id, 0)")
    op.create_index("uq_audit_chain_seq", "audit_entry", ["chain", "seq"], unique=True)
    op.add_column("staff_user", sa.Column("must_change_password", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        "audit_meta",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "audit_subject_key",
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("key", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
        sa.Column("erased_at", desktop_app.core.db.AwareDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("subject"),
    )
    from desktop_app.core.db import guards

    table = guards.AppendOnly("audit_entry", message="audit_entry is append-only")
    if op.get_bind().dialect.name == "postgresql":
        for sql in guards._pg_statements(table):
            op.execute(sql)
    else:
        for sql in guards.sqlite_triggers(table, []).values():
            op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_entry")
        op.execute("DROP FUNCTION IF EXISTS audit_entry_append_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete")
    op.drop_table("audit_subject_key")
    op.drop_table("audit_meta")
    op.drop_column("staff_user", "must_change_password")
    op.drop_index("uq_audit_chain_seq", table_name="audit_entry")
    for column in ("subject", "key_id", "scheme", "seq", "chain"):
        op.drop_column("audit_entry", column)
