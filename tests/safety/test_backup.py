"""Backups, rotation, restore, the start-up integrity check and a full disk, on real SQLite files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event, func
from sqlmodel import select

from desktop_app import residents
from desktop_app.core import audit, db
from desktop_app.core.db import make_engine, session_scope
from desktop_app.core.errors import StorageError
from desktop_app.residents import Resident, ResidentCreate
from desktop_app.safety import backup_files, backups, integrity

# On PostgreSQL (SMILEDESK_TEST_DATABASE_URL) these SQLite-file tests do not apply.
ON_POSTGRES = bool(os.environ.get("SMILEDESK_TEST_DATABASE_URL"))
pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="file backups are for SQLite; PostgreSQL is backed up with pg_dump")

ROOT = Path(__file__).resolve().parents[2]




def add(engine, actor, name: str, **kw) -> int:
    with session_scope(engine) as s:
        return residents.create_resident(s, actor=actor, data=ResidentCreate(name=name, **kw)).id


def names(engine) -> list[str]:
    with session_scope(engine, write=False) as s:
        return sorted(s.exec(select(Resident.name)).all())


# --- rotation ----------------------------------------------------------------------------------------


def fake(folder: Path, when: datetime, kind: str = "exit") -> Path:
    p = folder / backup_files.backup_name(kind, when)
    p.write_bytes(b"x")
    return p


def test_rotation_keeps_7_daily_4_weekly_12_monthly_and_every_manual(tmp_path):
    start = datetime(2025, 1, 1, 18, 0)
    for day in range(400):  # two exits a day for 400 days
        fake(tmp_path, start + timedelta(days=day))
        fake(tmp_path, start + timedelta(days=day, hours=2))
    manual = fake(tmp_path, start + timedelta(days=3), "manual")
    removed = backup_files.rotate(tmp_path)
    left = backup_files.list_backups(tmp_path)
    auto = [b for b in left if b.automatic]
    newest = start + timedelta(days=399, hours=2)
    assert auto[0].taken_at == newest
    days = {b.taken_at.date() for b in auto}
    # the newest 7 days are each kept (their last backup of the day)
    for d in range(7):
        assert (newest - timedelta(days=d)).date() in days
    weeks = {b.taken_at.isocalendar()[:2] for b in auto}
    months = {(b.taken_at.year, b.taken_at.month) for b in auto}
    assert len(weeks) >= 4 and len(months) == 12
    assert len(auto) <= 7 + 4 + 12
    assert manual.exists()
    assert len(removed) == 800 - len(auto)
    # every kept automatic backup is the newest of its day
    for b in auto:
        assert b.taken_at.hour == 20
    # rotating again removes nothing
    assert backup_files.rotate(tmp_path) == []


def test_daily_due_once_a_day(tmp_path):
    now = datetime(2026, 3, 1, 9, 0)
    assert backup_files.daily_due(tmp_path, now)
    fake(tmp_path, now - timedelta(days=1))
    assert backup_files.daily_due(tmp_path, now)
    fake(tmp_path, now.replace(hour=8))
    assert not backup_files.daily_due(tmp_path, now)


# --- backup and restore ----------------------------------------------------------------------------


def test_backup_of_a_live_database_is_complete_and_verified(engine, admin, db_path, tmp_path, monkeypatch):
    add(engine, admin, "张三")
    # an open write transaction in another connection does not make the copy inconsistent
    other = sqlite3.connect(db_path, timeout=15)
    other.execute("BEGIN")
    other.execute("UPDATE resident SET notes='uncommitted'")
    real = backup_files.make_backup

    def copy_then_release(*a, **kw):
        try:
            return real(*a, **kw)
        finally:  # the other window finishes before the backup is written to the audit log
            other.rollback()

    monkeypatch.setattr(backup_files, "make_backup", copy_then_release)
    try:
        made = backups.backup_now(engine, actor=admin, folder=tmp_path / "usb")
    finally:
        other.close()
    assert made.parent == tmp_path / "usb" and made.name.endswith("-manual.sqlite3")
    backup_files.verify_backup(made)
    conn = sqlite3.connect(made)
    assert conn.execute("SELECT name, notes FROM resident").fetchall() == [("张三", "")]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not list((tmp_path / "usb").glob("*.part"))
    with session_scope(engine, write=False) as s:
        assert audit.history(s, entity="database", entity_id="")[0].action == "backup"


def test_restore_replaces_data_and_keeps_the_replaced_database(engine, admin, db_path, tmp_path):
    add(engine, admin, "张三")
    made = backups.backup_now(engine, actor=admin, folder=tmp_path / "b")
    add(engine, admin, "李四")
    assert names(engine) == ["张三", "李四"]
    kept = backups.restore_backup(engine, actor=admin, backup_file=made)
    assert names(engine) == ["张三"]
    assert kept is not None and kept.name.endswith("-pre-restore.sqlite3")
    conn = sqlite3.connect(kept)
    assert sorted(r[0] for r in conn.execute("SELECT name FROM resident")) == ["张三", "李四"]
    conn.close()
    with session_scope(engine, write=False) as s:
        assert audit.verify_chain(s) == []
        assert audit.history(s, entity="database", entity_id="")[0].action == "restore"
    # the restored file keeps working for new writes, in WAL mode
    add(engine, admin, "王五")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_restore_refuses_bad_files_without_touching_anything(engine, admin, db_path, tmp_path):
    add(engine, admin, "张三")
    size = db_path.stat().st_size
    not_db = tmp_path / "notes.sqlite3"
    not_db.write_text("hello")
    other_db = tmp_path / "other.sqlite3"
    c = sqlite3.connect(other_db)
    c.execute("CREATE TABLE t(x)")
    c.commit()
    c.close()
    newer = tmp_path / "newer.sqlite3"
    db.copy_database(db_path, newer)
    c = sqlite3.connect(newer)
    c.execute("INSERT INTO alembic_version VALUES ('zz_from_the_future')")
    c.commit()
    c.close()
    damaged = tmp_path / "damaged.sqlite3"
    db.copy_database(db_path, damaged)
    corrupt(damaged)
    messages = {}
    for name, f in [("missing", tmp_path / "nope.sqlite3"), ("text", not_db), ("other", other_db),
                    ("newer", newer), ("damaged", damaged)]:
        with pytest.raises(StorageError) as info:
            backups.restore_backup(engine, actor=admin, backup_file=f)
        messages[name] = info.value.english()
    assert "not a SmileDesk backup" in messages["text"]
    assert "not a SmileDesk database" in messages["other"]
    assert "newer SmileDesk" in messages["newer"]
    assert "damaged" in messages["damaged"]
    assert names(engine) == ["张三"]
    assert db_path.stat().st_size == size
    assert not [b for b in backup_files.list_backups(db_path.parent / "backups") if b.kind == "pre-restore"]


def test_kiosk_and_front_desk_may_not_restore(engine, make_actor, tmp_path):
    from desktop_app.core.errors import PermissionDenied

    made = backups.backup_now(engine, actor=make_actor("front_desk"))  # into the station's folder (issue 19 item 6)
    for role in ("front_desk", "coordinator", "kiosk"):
        with pytest.raises(PermissionDenied):
            backups.restore_backup(engine, actor=make_actor(role), backup_file=made)
    with pytest.raises(PermissionDenied):
        backups.backup_now(engine, actor=make_actor("kiosk"), folder=tmp_path)


def test_exit_backups_go_to_the_station_folder_and_fall_back_when_it_is_gone(engine, admin, tmp_path, monkeypatch):
    usb = tmp_path / "usb"
    with session_scope(engine) as s:
        backups.set_backup_folder(s, actor=admin, folder=str(usb))
    made = backups.automatic_backup(engine, kind="exit", station_id=admin.station_id)
    assert made.parent == usb
    assert backups.automatic_backup(engine, kind="daily", station_id=admin.station_id) is None  # one today already
    # the stick is pulled out and the drive letter is now a read-only place
    usb.rename(tmp_path / "usb-away")
    monkeypatch.setattr(backup_files, "make_backup", _failing_first(backup_files.make_backup, usb))
    made = backups.automatic_backup(engine, kind="exit", station_id=admin.station_id)
    from desktop_app.core import paths

    assert made.parent == paths.backups_dir()


def _failing_first(real, folder):
    def make(source, target_dir, **kw):
        if Path(target_dir) == folder:
            raise StorageError("The backup folder {folder} cannot be written to", folder=str(folder))
        return real(source, target_dir, **kw)

    return make


def test_backup_folder_must_be_writable(engine, admin, tmp_path):
    from desktop_app.core.errors import ValidationError

    with session_scope(engine) as s, pytest.raises(ValidationError):
        backups.set_backup_folder(s, actor=admin, folder="relative/folder")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with session_scope(engine) as s, pytest.raises(ValidationError):
        backups.set_backup_folder(s, actor=admin, folder=str(blocker / "sub"))


@pytest.mark.slow
def test_cli_backup_and_restore_in_real_processes(engine, admin, db_path, tmp_path):
    add(engine, admin, "张三")
    engine.dispose()
    run = [sys.executable, "-m", "desktop_app"]
    out = subprocess.run([*run, "backup", "--db", str(db_path), "--to", str(tmp_path / "b")], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    made = Path(out.stdout.strip().splitlines()[-1])
    assert made.exists()
    add(engine, admin, "李四")
    engine.dispose()
    bad = subprocess.run([*run, "restore", "--db", str(db_path), "--yes", str(db_path.parent)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and "error:" in bad.stderr and "Traceback" not in bad.stderr
    out = subprocess.run([*run, "restore", "--db", str(db_path), "--yes", str(made)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "kept as" in out.stdout
    assert names(engine) == ["张三"]
    check = subprocess.run([*run, "check", "--db", str(db_path)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout


# --- damaged files and the start-up check ---------------------------------------------------------


def corrupt(path: Path) -> None:
    """Overwrite the middle of the file's b-tree pages with garbage (what a bad sector does)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:
        for n in range(2, pages, 2):
            fh.seek(n * page + 8)
            fh.write(b"\xde\xad\xbe\xef" * 64)


def test_startup_check_finds_damage_and_the_newest_good_backup(engine, admin, db_path, tmp_path):
    add(engine, admin, "张三")
    old = backups.backup_now(engine, actor=admin, folder=tmp_path / "b", now=datetime(2026, 1, 1, 8))
    add(engine, admin, "李四")
    good = backups.backup_now(engine, actor=admin, folder=tmp_path / "b", now=datetime(2026, 1, 2, 8))
    broken = tmp_path / "b" / backup_files.backup_name("exit", datetime(2026, 1, 3, 8))
    db.copy_database(db_path, broken)
    corrupt(broken)
    engine.dispose()
    url = f"sqlite:///{db_path}"
    assert integrity.startup_check(url) is None
    corrupt(db_path)
    problem = integrity.startup_check(url, extra_dirs=(tmp_path / "b",))
    assert problem is not None and problem.kind == integrity.DAMAGED
    assert problem.backup is not None and problem.backup.path == good  # the damaged newer one is skipped
    assert str(db_path) in problem.text()
    kept = integrity.recover(problem)
    assert kept is not None and kept.name.endswith("-damaged.sqlite3")
    assert integrity.startup_check(url) is None
    fresh = make_engine(url)
    assert names(fresh) == ["张三", "李四"]
    fresh.dispose()
    assert old.exists()


def test_startup_check_on_garbage_and_unreadable_files(tmp_path):
    garbage = tmp_path / "g.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    problem = integrity.startup_check(f"sqlite:///{garbage}")
    assert problem is not None and problem.kind in (integrity.DAMAGED, integrity.UNREADABLE)
    assert problem.backup is None
    assert integrity.startup_check(f"sqlite:///{tmp_path / 'new.sqlite3'}") is None  # first start
    assert integrity.startup_check("postgresql+psycopg://u@localhost/db") is None


# --- a full disk -----------------------------------------------------------------------------------


def test_full_disk_gives_clear_message_and_no_half_written_resident(db_path, admin):
    limited = make_engine(f"sqlite:///{db_path}")

    @event.listens_for(limited, "connect")
    def _limit(dbapi_conn, _record):
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages + 8}")

    saved = 0
    error = None
    for i in range(200):
        try:
            with session_scope(limited) as s:
                residents.create_resident(s, actor=admin, data=ResidentCreate(name=f"满{chr(0x4e00 + i)}", notes="备注" * 2000))
            saved += 1
        except StorageError as exc:
            error = exc
            break
    assert error is not None, "the page limit was never reached"
    assert "disk is full" in error.english() and "nothing was saved" in error.english()
    limited.dispose()
    check = make_engine(f"sqlite:///{db_path}")
    with session_scope(check, write=False) as s:
        assert s.exec(select(func.count()).select_from(Resident)).one() == saved
        assert audit.verify_chain(s) == []
        from desktop_app.core.models import AuditEntry

        creates = s.exec(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "create", AuditEntry.entity == "resident")).one()
        assert creates == saved
    with check.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    check.dispose()


def test_backup_to_a_full_folder_leaves_no_partial_file(engine, admin, tmp_path, monkeypatch):
    real = db.copy_database

    def copy_then_fill(source, target, **kw):
        real(source, target, **kw)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(db, "copy_database", copy_then_fill)
    with pytest.raises(StorageError) as info:
        backups.backup_now(engine, actor=admin, folder=tmp_path / "full")
    assert "is full" in info.value.english()
    assert list((tmp_path / "full").iterdir()) == []


def test_a_desk_left_running_gets_a_daily_backup_each_day(qtbot, qapp, engine, admin, tmp_path):
    """The hourly check (here every 50 ms) makes the day's backup once, and the next day's after midnight."""
    from desktop_app.app import schedule_daily_backups

    usb = tmp_path / "usb"
    with session_scope(engine) as s:
        backups.set_backup_folder(s, actor=admin, folder=str(usb))
    clock = [datetime(2026, 11, 23, 9, 0)]
    calls = []

    def daily(eng, *, kind, station_id):
        calls.append(kind)
        return backups.automatic_backup(eng, kind=kind, station_id=station_id, now=clock[0])

    timer = schedule_daily_backups(qapp, daily, engine, admin.station_id, first_ms=0, every_ms=50)
    try:
        qtbot.waitUntil(lambda: len(backup_files.list_backups(usb)) == 1, timeout=10_000)
        qtbot.waitUntil(lambda: len(calls) >= 4, timeout=10_000)
        assert len(backup_files.list_backups(usb)) == 1  # checked again and again, one backup a day
        clock[0] = datetime(2026, 11, 24, 0, 30)
        qtbot.waitUntil(lambda: len(backup_files.list_backups(usb)) == 2, timeout=10_000)
    finally:
        timer.stop()
        qtbot.wait(300)  # a check already started finishes before the database goes away
    assert {b.kind for b in backup_files.list_backups(usb)} == {"daily"}
