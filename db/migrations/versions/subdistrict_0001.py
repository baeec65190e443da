"""subdistrict: stations isolated by PostgreSQL — group roles, the login table, smiledesk_station() and row-level
security on every table holding station data (issue 22 item 2; desktop_app/core/db/rls.py). Nothing on SQLite.

Needs the migrating role to own the tables and, the first time on a server, CREATEROLE (the group roles are
cluster-wide). ``core.db.migrate()`` applies the policies again after every upgrade, so tables made by other
revisions (before or after this one) are covered too.

Revision ID: subdistrict_0001
Revises: (a root of its own; depends on foundation_0001)
"""

from collections.abc import Sequence

from alembic import op

revision: str = "subdistrict_0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ("subdistrict",)
# The station table first (smiledesk_login refers to it). Tables of other features may come before or after:
# core.db.migrate() applies the policies again after every upgrade, so every table is covered.
depends_on: str | Sequence[str] | None = "foundation_0001"


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    from desktop_app.core.db import rls

    rls.apply(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    rows = conn.exec_driver_sql(
        "SELECT tablename, policyname FROM pg_policies WHERE schemaname = current_schema() "
        "AND starts_with(policyname::text, 'smiledesk_')").all()
    for table, policy in rows:
        op.execute(f'DROP POLICY "{policy}" ON "{table}"')
    for (table,) in conn.exec_driver_sql(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND rowsecurity").all():
        op.execute(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY')
    op.execute("DROP FUNCTION IF EXISTS smiledesk_station()")
    op.execute("DROP TABLE IF EXISTS smiledesk_login")
