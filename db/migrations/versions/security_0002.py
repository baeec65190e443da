"""security: the head and count of the entries written before the keyed chain, recorded once by the upgrade
(audit_meta 'legacy_head', 'legacy_count').

The first keyed entry of every station's chain links to the last unkeyed entry. On a sub-district server a
station's login sees only its own station's rows (row-level security), so it cannot find that entry itself;
the upgrade, run by the tables' owner, records it here for every login to read (core/audit.py ``_tail``,
``verify``). Entries of that kind are no longer written, so the record never changes.

Revision ID: security_0002
Revises: security_0001
Create Date: 2026-12-05
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "security_0002"
down_revision: str | Sequence[str] | None = "security_0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    conn = op.get_bind()
    count = conn.execute(sa.text("SELECT COUNT(*) FROM audit_entry WHERE scheme = 1")).scalar() or 0
    head = conn.execute(sa.text("SELECT hash FROM audit_entry WHERE scheme = 1 ORDER BY id DESC LIMIT 1")).scalar() or ""
    for name, value in (("legacy_head", head), ("legacy_count", str(count))):
        if conn.execute(sa.text("SELECT 1 FROM audit_meta WHERE name = :n"), {"n": name}).first() is None:
            conn.execute(sa.text("INSERT INTO audit_meta (name, value) VALUES (:n, :v)"), {"n": name, "v": value})


def downgrade() -> None:
    op.execute("DELETE FROM audit_meta WHERE name IN ('legacy_head', 'legacy_count')")
