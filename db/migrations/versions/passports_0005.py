"""passports: stamps by kind and day; the desk's counts from indexes (issue 21)

Every read of the ledger by day names the kinds it wants: ix_passport_stamp_kind_day (kind, day, resident,
stamps) makes a year's redemptions a few index entries instead of a scan of a million awards (2.6 s for
the annual report) and keeps today's earned stamps covered. It replaces ix_passport_stamp_day. The desk's
overview counts active passports and honours waiting for a certificate from two small indexes.

Revision ID: passports_0005
Revises: passports_0004
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "passports_0005"
down_revision: str | Sequence[str] | None = "passports_0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_passport_stamp_kind_day", "passport_stamp", ["kind", "occurred_on", "resident_id", "stamps"])
    op.drop_index("ix_passport_stamp_day", table_name="passport_stamp")
    op.create_index("ix_passport_status_station", "passport", ["status", "station_id"])
    op.create_index("ix_passport_honour_waiting", "passport_honour", ["certificate_ref", "resident_id"])


def downgrade() -> None:
    op.drop_index("ix_passport_honour_waiting", table_name="passport_honour")
    op.drop_index("ix_passport_status_station", table_name="passport")
    op.create_index("ix_passport_stamp_day", "passport_stamp", ["occurred_on", "resident_id", "stamps"])
    op.drop_index("ix_passport_stamp_kind_day", table_name="passport_stamp")
