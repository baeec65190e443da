"""Alembic migrations on open (a copy of an existing SQLite file is made first when one is pending)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from desktop_app.core import paths
from desktop_app.core.db.engine import make_engine, sqlite_path, without_time_limits
from desktop_app.core.db.files import copy_database
from desktop_app.core.db.session import session_scope


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.db_dir() / "migrations"))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def script_heads() -> set[str]:
    """Head revisions of db/migrations, read from the files without importing alembic (fast start)."""
    import re

    revisions: set[str] = set()
    parents: set[str] = set()
    rev_re = re.compile(r"^revision\s*(?::[^=]*)?=\s*['\"]([^'\"]+)['\"]", re.M)
    # A revision's down_revision and depends_on are both its parents as far as the version table goes: Alembic
    # keeps only revisions nothing else descends from or depends on.
    down_re = re.compile(r"^(?:down_revision|depends_on)\s*(?::[^=]*)?=\s*(.+)$", re.M)
    for path in (paths.db_dir() / "migrations" / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev = rev_re.search(text)
        if not rev:
            continue
        revisions.add(rev.group(1))
        for down in down_re.finditer(text):
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return revisions - parents


def current_heads(engine: Engine) -> set[str]:
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return set()
        return {row[0] for row in conn.execute(text("SELECT version_num FROM alembic_version"))}


def is_up_to_date(engine: Engine) -> bool:
    """True when the database is at every head revision (checked without importing alembic)."""
    heads = script_heads()
    return bool(heads) and current_heads(engine) == heads


def pending_migrations(engine: Engine) -> bool:
    if is_up_to_date(engine):
        return False
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(engine))
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current != set(script.get_heads())


def migrate(engine: Engine, *, backup: bool = True) -> Path | None:
    """Bring the schema to the newest revision; returns the pre-migration backup, if one was made."""
    from alembic import command

    made = None
    if not pending_migrations(engine):
        return None
    db_file = sqlite_path(engine)
    if backup and db_file is not None and db_file.exists() and db_file.stat().st_size > 0:
        with engine.connect() as conn:
            has_tables = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE type='table'").scalar()
        if has_tables:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            made = db_file.parent / "backups" / f"{db_file.stem}-pre-migration-{stamp}.sqlite3"
            copy_database(db_file, made)
    cfg = alembic_config(engine)
    with engine.begin() as conn, without_time_limits(conn):
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")
        if conn.dialect.name == "postgresql":  # tables a later revision added get their policies too
            from desktop_app.core.db import rls

            rls.apply(conn)
    return made


def open_database(url: str | None = None, *, run_migrations: bool = True) -> Engine:
    """Engine for the URL with the schema up to date, the append-only triggers of every declared table
    (core.db.guards) in place, planner statistics present, and reference data in place."""
    from desktop_app.core.db.statistics import ensure_statistics, refresh_statistics

    engine = make_engine(url)
    if run_migrations and not is_up_to_date(engine):
        migrate(engine)
        refresh_statistics(engine)  # new tables and indexes: the planner must know them (issue 21)
    elif run_migrations:
        ensure_statistics(engine)  # a database never analysed (made by an older version)
    if run_migrations:
        import desktop_app.core.audit  # noqa: F401  (declares audit_entry append-only)
        from desktop_app.core.db import guards

        repaired = guards.ensure(engine)
        if repaired:  # someone dropped or altered the triggers: recreated, and said so in the log itself
            from desktop_app.core.audit import record_guards_restored

            record_guards_restored(engine, repaired)
    from desktop_app.core import reference

    with session_scope(engine) as s:
        reference.ensure_reference_data(s)
    return engine
