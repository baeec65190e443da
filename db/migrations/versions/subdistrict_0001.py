"""subdistrict: stations isolated by PostgreSQL — group roles, the login table, smiledesk_station() and row-level
security on every table holding station data (issue 22 item 2; desktop_app/core/db/rls.py). Nothing on SQLite.

Needs the migrating role to own the tables and, the first time on a server, CREATEROLE (the group roles are
cluster-wide). ``migrate()`` applies the policies again after every later upgrade, so tables added afterwards
are covered too.

Revision ID: subdistrict_0001
Revises: (a root of its own; depends on every feature's head)
"""

from collections.abc import Sequence

from alembic import op

revision: str = "subdistrict_0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = ("subdistrict",)
# Every table of every feature exists first.
depends_on: str | Sequence[str] | None = (
    "admin_0001", "certificates_0002", "desk_0003", "meals_0006", "passports_0004", "residents_0001", "rosters_0003",
)


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
