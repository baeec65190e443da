"""After rows were inserted with explicit ids (demo data, bulk paths), move PostgreSQL's id sequences past
them so the next ordinary insert does not collide. SQLite needs nothing (its next id is max(id) + 1)."""

from __future__ import annotations


def advance_id_sequences(conn, *tables: str) -> None:
    """``conn``: a SQLAlchemy Connection in a transaction; ``tables``: names of tables with an ``id`` serial."""
    if conn.dialect.name != "postgresql":
        return
    from sqlalchemy import text

    for name in tables:
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
            f"GREATEST(COALESCE((SELECT MAX(id) FROM \"{name}\"), 0), 1), "
            f"COALESCE((SELECT MAX(id) FROM \"{name}\"), 0) > 0)"
        ))
