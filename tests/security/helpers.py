"""What an attacker with the database file (or the owner role in psql) does, for the security tests."""

from __future__ import annotations


def drop_guards(conn, table: str = "audit_entry") -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_no_change ON {table}")
    else:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_no_update")
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_no_delete")


def tamper(engine, *statements: str, table: str = "audit_entry") -> None:
    """Drop the append-only triggers of ``table``, then run ``statements`` (one transaction)."""
    with engine.begin() as conn:
        drop_guards(conn, table)
        for sql in statements:
            conn.exec_driver_sql(sql)
