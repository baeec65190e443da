"""Database: pragmas, migrations from empty, models and migrations agree, pre-migration backup."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from desktop_app.core.db import make_engine, migrate, pending_migrations, session_scope
from desktop_app.features import import_all_models, open_app_database


def test_sqlite_pragmas(engine):
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_upgrade_from_empty_and_models_match_migrations(tmp_path):
    engine = open_app_database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    assert not pending_migrations(engine)
    import_all_models()
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, SQLModel.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


def test_pending_migration_makes_a_backup_first(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE legacy (id INTEGER PRIMARY KEY)")
        conn.exec_driver_sql("INSERT INTO legacy VALUES (1)")
    backup = migrate(engine)
    assert backup is not None and backup.exists()
    assert migrate(engine) is None  # nothing pending: no second backup


def test_failed_use_case_writes_nothing(engine, admin):
    from desktop_app.core.models import Station

    try:
        with session_scope(engine) as s:
            s.add(Station(name="temp"))
            s.flush()
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with session_scope(engine, write=False) as s:
        from sqlmodel import select

        assert [st.name for st in s.exec(select(Station))] == ["逍遥津社区党群服务中心"]
