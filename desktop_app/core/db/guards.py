"""Append-only tables, enforced by the database itself (SQLite and PostgreSQL) — one mechanism for all.

A ledger (hours, stamps, meal accounts, the desk loop's events, the audit log) is append-only: a
correction is a new entry. A comment saying so protects nothing from a script or a tool, so each such
table gets triggers that refuse UPDATE and DELETE. The registry here is how:

* a feature declares its tables in ``desktop_app/<feature>/guards.py`` as ``TABLES = (AppendOnly(...),)``
  (a tiny module: the feature registry reads it at open without importing any model);
  the foundation declares its own with ``declare`` here;
* ``ensure(engine)`` — called by ``open_database`` on every open — creates a missing or altered trigger
  again (one catalog query when all is well);
* ``verify(engine)`` — ``smiledesk check`` — lists what is missing, creating nothing.

``erasable`` columns may be blanked ('' ) by a personal-data erasure and by nothing else: an UPDATE that
leaves every other column as it was and sets these to '' (or leaves them) passes; any other is refused.

Names: SQLite ``<table>_no_update`` / ``<table>_no_delete``; PostgreSQL ``<table>_no_change`` running
``<table>_append_only()`` (the names the meal and stamp ledgers' migrations used first). Both refuse
with an integrity error (SQLite's RAISE(ABORT); PostgreSQL SQLSTATE 23000), so callers see one exception.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from sqlalchemy.engine import Connection, Engine

from desktop_app.core.i18n import QT_TRANSLATE_NOOP, Finding

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppendOnly:
    table: str
    erasable: tuple[str, ...] = ()  # columns an erasure may blank ('')
    message: str = ""  # what the refusal says (default: "<table> is append-only: add a correction entry instead")

    @property
    def refusal(self) -> str:
        return self.message or f"{self.table} is append-only: add a correction entry instead"


_DECLARED: dict[str, AppendOnly] = {}
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def declare(*tables: AppendOnly) -> None:
    """Register append-only tables (idempotent; the latest declaration of a table wins)."""
    for t in tables:
        if not _NAME.match(t.table) or not all(_NAME.match(c) for c in t.erasable) or "'" in t.refusal:
            raise ValueError(f"not a plain table / column name or message: {t}")
        _DECLARED[t.table] = t


def declared() -> list[AppendOnly]:
    return [_DECLARED[k] for k in sorted(_DECLARED)]


# --- the DDL -------------------------------------------------------------------------------------


def _norm(sql: str) -> str:
    return re.sub(r"\s+", " ", sql or "").strip().rstrip(";").strip()


def sqlite_triggers(t: AppendOnly, columns: list[str]) -> dict[str, str]:
    """name -> CREATE TRIGGER statement (``columns``: every column of the table, for an erasure's WHEN)."""
    raise_ = f"BEGIN SELECT RAISE(ABORT, '{t.refusal}'); END"
    when = ""
    if t.erasable:
        kept = [f"NEW.{c} IS OLD.{c}" for c in columns if c not in t.erasable]
        blanked = [f"(NEW.{c} = '' OR NEW.{c} IS OLD.{c})" for c in t.erasable]
        when = f"WHEN NOT ({' AND '.join(kept + blanked)}) "
    return {
        f"{t.table}_no_update": f"CREATE TRIGGER {t.table}_no_update BEFORE UPDATE ON {t.table} {when}{raise_}",
        f"{t.table}_no_delete": f"CREATE TRIGGER {t.table}_no_delete BEFORE DELETE ON {t.table} {raise_}",
    }


def postgresql_function(t: AppendOnly) -> str:
    """The body of ``<table>_append_only()`` (between the $$)."""
    allow = ""
    if t.erasable:
        cols = ", ".join(f"'{c}'" for c in t.erasable)
        blanked = " AND ".join(f"(NEW.{c} = '' OR NEW.{c} IS NOT DISTINCT FROM OLD.{c})" for c in t.erasable)
        allow = (f"IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - ARRAY[{cols}]) = (to_jsonb(OLD) - ARRAY[{cols}]) "
                 f"AND {blanked} THEN RETURN NEW; END IF; ")
    return f" BEGIN {allow}RAISE EXCEPTION '{t.refusal}' USING ERRCODE = 'integrity_constraint_violation'; END "


def _pg_statements(t: AppendOnly) -> list[str]:
    return [
        f"CREATE OR REPLACE FUNCTION {t.table}_append_only() RETURNS trigger AS $${postgresql_function(t)}$$ LANGUAGE plpgsql",
        f"DROP TRIGGER IF EXISTS {t.table}_no_change ON {t.table}",
        f"CREATE TRIGGER {t.table}_no_change BEFORE UPDATE OR DELETE ON {t.table} "
        f"FOR EACH ROW EXECUTE FUNCTION {t.table}_append_only()",
    ]


# --- what the database has -----------------------------------------------------------------------


def _sqlite_missing(conn: Connection, tables: list[AppendOnly]) -> dict[str, list[str]]:
    """table -> statements to run (drop and create) for every trigger that is missing or altered."""
    have_tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    triggers = {r[0]: r[1] for r in conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    out: dict[str, list[str]] = {}
    for t in tables:
        if t.table not in have_tables:
            continue  # a feature whose tables this database does not have (yet)
        columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({t.table})")] if t.erasable else []
        for name, sql in sqlite_triggers(t, columns).items():
            if _norm(triggers.get(name, "")) != _norm(sql):
                out.setdefault(t.table, []).extend([f"DROP TRIGGER IF EXISTS {name}", sql])
    return out


def _pg_missing(conn: Connection, tables: list[AppendOnly]) -> dict[str, list[str]]:
    have_tables = {r[0] for r in conn.exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    triggers = {r[0]: r[1] for r in conn.exec_driver_sql(
        "SELECT c.relname, t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace AND t.tgname = c.relname || '_no_change' AND NOT t.tgisinternal")}
    functions = {r[0]: r[1] for r in conn.exec_driver_sql(
        "SELECT proname, prosrc FROM pg_proc WHERE pronamespace = current_schema()::regnamespace "
        "AND right(proname, 12) = '_append_only'")}
    out: dict[str, list[str]] = {}
    for t in tables:
        if t.table not in have_tables:
            continue
        ok = (triggers.get(t.table) in ("O", "A")
              and _norm(functions.get(f"{t.table}_append_only", "")) == _norm(postgresql_function(t)))
        if not ok:
            out[t.table] = _pg_statements(t)
    return out


def _missing(conn: Connection) -> dict[str, list[str]]:
    tables = declared()
    if not tables:
        return {}
    name = conn.dialect.name
    if name == "sqlite":
        return _sqlite_missing(conn, tables)
    if name == "postgresql":
        return _pg_missing(conn, tables)
    return {}


def create(conn: Connection, *tables: AppendOnly) -> None:
    """Create the triggers of ``tables`` now (a migration that adds an append-only table calls this)."""
    name = conn.dialect.name
    for t in tables:
        if name == "sqlite":
            columns = [r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({t.table})")]
            for trigger, sql in sqlite_triggers(t, columns).items():
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
                conn.exec_driver_sql(sql)
        elif name == "postgresql":
            for sql in _pg_statements(t):
                conn.exec_driver_sql(sql)


def drop(conn: Connection, *tables: AppendOnly) -> None:
    """Remove the triggers of ``tables`` (a migration's downgrade)."""
    for t in tables:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {t.table}_no_update")
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {t.table}_no_delete")
        elif conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {t.table}_no_change ON {t.table}")
            conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {t.table}_append_only()")


def verify(engine: Engine) -> list[Finding]:
    """What ``smiledesk check`` reports: append-only tables whose triggers are missing or altered."""
    with engine.connect() as conn:
        missing = _missing(conn)
    return [Finding(QT_TRANSLATE_NOOP("Checks", "append-only: the triggers that keep {table} append-only are missing or "
                                                "altered (opening the database with SmileDesk recreates them)"), table=table)
            for table in sorted(missing)]


def ensure(engine: Engine) -> list[str]:
    """Create missing or altered triggers again; returns the tables repaired (normally none).

    A PostgreSQL role without the right to create triggers cannot repair them: that is logged and left to
    ``smiledesk check`` to report (opening must not fail for it)."""
    with engine.connect() as conn:
        if not _missing(conn):
            return []
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # two clients opening at once: one repairs, then the other sees it done
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtext('smiledesk.guards'))")
            missing = _missing(conn)
            for statements in missing.values():
                for sql in statements:
                    conn.exec_driver_sql(sql)
    except Exception:
        log.exception("append-only triggers could not be recreated")
        return []
    if missing:
        log.warning("append-only triggers recreated for %s", ", ".join(sorted(missing)))
    return sorted(missing)
