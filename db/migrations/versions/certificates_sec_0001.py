"""certificates: Ed25519 signing keys per station (certificate_key) and the key each certificate was signed
with (the signature itself is in the snapshot's QR payload; ``signature`` keeps its SHA-256)

Certificates issued before keep their HMAC codes (SDC1), which this register still checks.

Revision ID: certificates_sec_0001
Revises: certificates_0002
Create Date: 2026-12-02
"""
from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import desktop_app.core.db

revision: str = "certificates_sec_0001"
down_revision: str | Sequence[str] | None = "certificates_0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "certificate_key",
        sa.Column("id", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("public_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_at", desktop_app.core.db.AwareDateTime(timezone=True), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("retired_at", desktop_app.core.db.AwareDateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", desktop_app.core.db.AwareDateTime(timezone=True), nullable=True),
        sa.Column("revoke_reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.ForeignKeyConstraint(["station_id"], ["station.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_certificate_key_station_id", "certificate_key", ["station_id"], unique=False)
    # Plain ALTER TABLE, no batch: SQLite would copy the register.
    op.add_column("certificate", sa.Column("key_id", sqlmodel.sql.sqltypes.AutoString(length=16), server_default="", nullable=False))


def downgrade() -> None:
    op.drop_column("certificate", "key_id")
    op.drop_index("ix_certificate_key_station_id", table_name="certificate_key")
    op.drop_table("certificate_key")
