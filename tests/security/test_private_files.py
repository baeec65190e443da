"""Issue 19 item 11: files are this user's only (POSIX): the data folder 0700; the database, its WAL and
shared-memory files, backups and their manifests, logs, exports, keys and anchors 0600 — whatever the umask
of the session that started SmileDesk, and also for files an older version left readable."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from desktop_app.core import paths
from desktop_app.core.db import make_engine, session_scope

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps the data under the user's profile")


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def open_umask():
    """A session whose umask lets everyone read new files (the default 022)."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_database_wal_backup_manifest_and_folder_are_private(open_umask, own_data_dir, admin, engine):
    from desktop_app.core import audit
    from desktop_app.core.audit_anchors import manifest_path
    from desktop_app.safety import backups

    if engine.dialect.name != "sqlite":
        pytest.skip("files of a SQLite database")
    db = paths.data_dir() / "station.sqlite3"
    assert mode(paths.data_dir()) == 0o700
    fresh = make_engine(f"sqlite:///{db}")
    with fresh.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
        conn.exec_driver_sql("INSERT INTO t VALUES (1)")
    for f in (db, f"{db}-wal", f"{db}-shm"):
        assert mode(f) == 0o600, f
    fresh.dispose()
    with session_scope(engine) as s:
        audit.record(s, actor=admin, action="update", entity="note")
    made = backups.backup_now(engine, actor=admin)
    assert mode(made) == 0o600 and mode(manifest_path(made)) == 0o600
    assert mode(made.parent) == 0o700


def test_a_database_left_readable_by_an_older_version_is_made_private(open_umask, tmp_path):
    db = tmp_path / "old.sqlite3"
    first = make_engine(f"sqlite:///{db}")
    with first.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x)")
    first.dispose()
    os.chmod(db, 0o644)
    make_engine(f"sqlite:///{db}").dispose()
    assert mode(db) == 0o600


def test_logs_and_exports_are_private(open_umask, tmp_path):
    import logging

    from desktop_app.core import excel
    from desktop_app.ui import logs

    log = logs.setup_logging(tmp_path / "logs" / "smiledesk.log")
    logging.getLogger("desktop_app").info("hello")
    assert mode(log) == 0o600 and mode(log.parent) == 0o700
    out = tmp_path / "list.xlsx"
    excel.export_rows(out, ["姓名"], [["张三"]], title="名单")
    assert mode(out) == 0o600


def test_commands_make_every_new_file_private(open_umask, tmp_path):
    from desktop_app import cli

    cli.main(["backups", "--db", str(tmp_path / "none.sqlite3")])
    assert os.umask(0o022) == 0o077
