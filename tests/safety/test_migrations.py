"""A database from every earlier schema revision upgrades to the newest with its data intact.

The fixture databases are built here, one per revision found in db/migrations/versions (so the test grows
with every migration a feature adds): upgrade an empty file to that revision, put a row into every table
it has (values made from the column types, foreign keys pointing at the rows made before), then open it
the way the application does (``core.db.migrate``: backup first, then all heads) and read every row back.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, time
from pathlib import Path

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Integer, MetaData, select

from desktop_app.core.db import alembic_config, make_engine, migrate, pending_migrations

# SQLite fixture files; already run by the SQLite pass of the suite.
pytestmark = pytest.mark.skipif(bool(os.environ.get("SMILEDESK_TEST_DATABASE_URL")), reason="SQLite fixture files")


def revisions() -> list[str]:
    from alembic.config import Config

    from desktop_app.core import paths

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.db_dir() / "migrations"))
    return sorted(r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions())


def value_for(column, row_ids: dict[str, object]):
    for fk in column.foreign_keys:
        target = fk.column.table.name
        if target in row_ids:
            return row_ids[target]
        # a reference to its own table (repeat_of_id): itself, or nothing when allowed
        return None if column.nullable else 1
    try:
        kind = column.type.python_type
    except NotImplementedError:
        kind = str
    if kind is bool:
        return True
    if kind is int:
        return 7
    if kind is float:
        return 1.5
    if kind is datetime:
        return datetime(2021, 2, 3, 4, 5, 6)
    if kind is date:
        return date(2021, 2, 3)
    if kind is time:
        return time(8, 30)
    if kind is bytes:
        return b"\x00\x01fixture"
    length = getattr(column.type, "length", None) or 40
    return ("旧" + column.name)[:length]


def fill_every_table(engine) -> dict[str, dict]:
    meta = MetaData()
    meta.reflect(engine)
    written: dict[str, dict] = {}
    row_ids: dict[str, object] = {}
    with engine.begin() as conn:
        for table in meta.sorted_tables:
            if table.name == "alembic_version":
                continue
            row = {c.name: value_for(c, row_ids) for c in table.columns}
            pk = list(table.primary_key.columns)
            if len(pk) == 1 and pk[0].name == "id" and isinstance(pk[0].type, Integer):
                row["id"] = 1  # a text key (certificate_key's) keeps the text value_for made
            conn.execute(table.insert().values(**row))
            written[table.name] = row
            if len(pk) == 1:
                row_ids[table.name] = row[pk[0].name]
    return written


def build_fixture(folder: Path, revision: str) -> Path:
    path = folder / f"at-{revision}.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()
    return path


@pytest.mark.slow
@pytest.mark.parametrize("revision", revisions())
def test_database_from_revision_upgrades_with_data_intact(revision, tmp_path):
    path = build_fixture(tmp_path, revision)
    engine = make_engine(f"sqlite:///{path}")
    written = fill_every_table(engine)
    assert written, "the revision created no tables"
    at_newest = {revision} == _heads()
    assert pending_migrations(engine) != at_newest

    made = migrate(engine)  # what opening the database in the app does
    assert not pending_migrations(engine)
    if not at_newest:
        assert made is not None and made.exists()  # the pre-migration copy holds the old schema
        conn = sqlite3.connect(made)
        assert [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")] == [revision]
        conn.close()

    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        for name, row in written.items():
            table = meta.tables[name]
            pk = list(table.primary_key.columns)
            stored = conn.execute(select(table).where(*(c == row[c.name] for c in pk))).mappings().one()
            for column, value in row.items():
                if column in stored:
                    assert stored[column] == value, (name, column)
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    engine.dispose()


def _heads() -> set[str]:
    from alembic.config import Config

    from desktop_app.core import paths

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.db_dir() / "migrations"))
    return set(ScriptDirectory.from_config(cfg).get_heads())


def test_every_revision_is_covered():
    assert "foundation_0001" in revisions()
    assert _heads() <= set(revisions())
