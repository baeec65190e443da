"""Encryption at rest (SQLCipher): real files, real processes for the command line and concurrent writers."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from desktop_app import residents as residents
from desktop_app.core import db
from desktop_app.core.db import make_engine, session_scope
from desktop_app.core.errors import StorageError, ValidationError
from desktop_app.residents import Resident, ResidentCreate
from desktop_app.safety import at_rest, backup_files, backups, encryption, integrity, keys
from desktop_app.safety.ui import passphrase

ROOT = Path(__file__).resolve().parents[2]
PASS = "correct horse battery"


@pytest.fixture
def engine(db_path):
    """Always the SQLite file (also when the suite runs on PostgreSQL): encryption is about that file.
    The conftest's admin, make_actor and ctx fixtures use this engine."""
    eng = make_engine(f"sqlite:///{db_path}")
    yield eng
    eng.dispose()


def add(engine, actor, name: str) -> None:
    with session_scope(engine) as s:
        residents.create_resident(s, actor=actor, data=ResidentCreate(name=name, phone="13905511234"))


def names(engine) -> list[str]:
    with session_scope(engine, write=False) as s:
        return sorted(s.exec(select(Resident.name)).all())


def raw(path: Path) -> bytes:
    """Every byte SQLite keeps for the database: the file and its -wal."""
    out = path.read_bytes()
    wal = Path(f"{path}-wal")
    return out + (wal.read_bytes() if wal.exists() else b"")


def encrypt(engine, admin, *, remember: bool = False):
    return at_rest.encrypt_database(engine, actor=admin, passphrase=PASS, remember=remember)


def forget_keys(path: Path) -> None:
    db.set_database_key(path, None)
    db.cipher._raw_keys.clear()


# --- the file ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_encrypted_demo_database_has_no_plaintext_opens_with_key_refuses_wrong_and_decrypts(engine, admin, db_path):
    from desktop_app.residents import demo

    demo.generate(engine, scale="small", seed=7)
    with session_scope(engine, write=False) as s:
        someone = s.exec(select(Resident).where(Resident.phone != None).order_by(Resident.id)).first()  # noqa: E711
    name, count = someone.name, len(names(engine))
    assert count > 100
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert name.encode("utf-8") in raw(db_path)  # the test can see plaintext where there is some

    done = encrypt(engine, admin)
    assert done.encrypted and done.rows > count
    # The app's exit backup still runs on the engine opened before encrypting: an encrypted copy.
    exit_copy = backups.automatic_backup(engine, kind="exit")
    assert exit_copy is not None and db.file_is_encrypted(exit_copy)
    head = db_path.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"
    assert name.encode("utf-8") not in raw(db_path)
    assert someone.phone.encode() not in raw(db_path)
    assert not list(db_path.parent.glob("*.before-encryption")) and not list(db_path.parent.glob("*.encrypting"))
    with pytest.raises(sqlite3.DatabaseError):  # the stdlib module sees no database
        sqlite3.connect(db_path).execute("SELECT count(*) FROM sqlite_master").fetchone()

    forget_keys(db_path)
    url = f"sqlite:///{db_path}"
    with pytest.raises(db.KeyRequired):
        make_engine(url)
    with pytest.raises(db.WrongKey) as wrong:
        make_engine(url, key="not the passphrase")
    assert "passphrase is wrong" in wrong.value.text()
    assert "not the passphrase" not in wrong.value.text()
    opened = make_engine(url, key=PASS)
    assert PASS not in repr(opened) and PASS not in str(opened.url)
    assert name in names(opened)
    with opened.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    add(opened, admin, "赵加密")  # writes go through the BEGIN IMMEDIATE scope as on a plain file
    assert len(names(opened)) == count + 1

    done = at_rest.decrypt_database(opened, actor=admin, passphrase=PASS)
    assert not done.encrypted
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("SELECT count(*) FROM resident").fetchone()[0] == count + 1
        actions = [r[0] for r in conn.execute("SELECT action FROM audit_entry WHERE entity='database' ORDER BY id")]
        assert actions == ["encrypt", "decrypt"]
        assert not any(PASS in (r[0] or "") for r in conn.execute("SELECT after FROM audit_entry"))
    finally:
        conn.close()
    plain = make_engine(url)
    from desktop_app.core import audit

    with session_scope(plain, write=False) as s:
        assert audit.verify_chain(s) == []
    plain.dispose()


def test_a_damaged_file_is_not_taken_for_an_encrypted_one(tmp_path):
    garbage = tmp_path / "g.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)  # not whole pages
    assert not db.file_is_encrypted(garbage)
    pages = tmp_path / "p.sqlite3"
    pages.write_bytes(os.urandom(4096 * 3))  # what an encrypted file looks like without its passphrase
    assert db.file_is_encrypted(pages)


def test_passphrase_rules(engine, admin):
    with pytest.raises(ValidationError) as short:
        encryption.check_passphrase("short", "short")
    assert "at least 8" in short.value.english()
    with pytest.raises(ValidationError) as differ:
        encryption.check_passphrase("long enough 1", "long enough 2")
    assert "not the same" in differ.value.english()
    with pytest.raises(ValidationError):
        at_rest.encrypt_database(engine, actor=admin, passphrase="short")
    assert not db.file_is_encrypted(db.sqlite_path(engine))


def test_only_an_administrator_encrypts(engine, make_actor):
    from desktop_app.core.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        at_rest.encrypt_database(engine, actor=make_actor("front_desk"), passphrase=PASS)
    assert not db.file_is_encrypted(db.sqlite_path(engine))


def test_a_failed_check_after_the_swap_puts_the_old_file_back(engine, admin, db_path, monkeypatch):
    add(engine, admin, "张三")
    engine.dispose()
    real = encryption._verify

    def fail_under_the_new_name(path, **kw):
        if path == db_path:
            raise StorageError("simulated: the file under its name does not match")
        return real(path, **kw)

    monkeypatch.setattr(encryption, "_verify", fail_under_the_new_name)
    with pytest.raises(StorageError):
        encryption.encrypt_file(db_path, PASS)
    assert not db.file_is_encrypted(db_path)
    assert names(make_engine(f"sqlite:///{db_path}")) == ["张三"]
    assert sorted(p.name for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)) in (
        [db_path.name], [db_path.name, db_path.name + "-shm", db_path.name + "-wal"])


def test_encrypting_refuses_while_another_program_has_the_file_open(engine, admin, db_path):
    add(engine, admin, "张三")
    # Another process (locks of one process do not exclude each other): SmileDesk open on the kiosk.
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('BEGIN IMMEDIATE');"
         " c.execute(\"INSERT INTO station_setting(station_id, key, value) VALUES (NULL, 'x', 'y')\");"
         " print('ready', flush=True); sys.stdin.readline()", str(db_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StorageError) as info:
            encrypt(engine, admin)
        assert "another SmileDesk window" in info.value.english()
    finally:
        holder.communicate("\n", timeout=30)
    assert not db.file_is_encrypted(db_path)
    assert names(make_engine(f"sqlite:///{db_path}")) == ["张三"]


# --- backups, restore, integrity ---------------------------------------------------------------------


@pytest.mark.slow
def test_backup_of_encrypted_database_is_encrypted_and_restores(engine, admin, db_path, tmp_path):
    add(engine, admin, "张三")
    plain_backup = backups.backup_now(engine, actor=admin, folder=tmp_path / "usb")
    done = encrypt(engine, admin)
    assert done.plain_backups == [plain_backup]  # the user is told about the old, plain backup
    engine = make_engine(f"sqlite:///{db_path}", key=PASS)
    add(engine, admin, "李四")

    made = backups.backup_now(engine, actor=admin, folder=tmp_path / "usb")
    assert db.file_is_encrypted(made)
    assert "李四".encode() not in made.read_bytes()
    backup_files.verify_backup(made, key=PASS)
    with pytest.raises(StorageError) as info:
        backup_files.verify_backup(made, key="Zq9-wrong-key")
    assert "Zq9-wrong-key" not in info.value.text() and "another passphrase" in info.value.english()

    add(engine, admin, "王五")
    kept = backups.restore_backup(engine, actor=admin, backup_file=made)
    assert names(engine) == ["张三", "李四"]
    assert db.file_is_encrypted(db_path) and db.file_is_encrypted(kept)
    assert "王五".encode() not in kept.read_bytes()

    # A backup from before the encryption goes back in encrypted: the database keeps its form.
    backups.restore_backup(engine, actor=admin, backup_file=plain_backup)
    assert names(engine) == ["张三"]
    assert db.file_is_encrypted(db_path)
    assert "张三".encode() not in raw(db_path)

    # Without the passphrase a copy on a USB stick is not a backup anyone can use.
    forget_keys(db_path)
    with pytest.raises(StorageError) as info:
        backup_files.verify_backup(made)
    assert "encrypted" in info.value.english()


def test_encrypting_can_delete_the_plain_backups_once_an_encrypted_one_exists(engine, admin, db_path, tmp_path):
    add(engine, admin, "张三")
    usb = tmp_path / "usb"
    with session_scope(engine) as s:
        backups.set_backup_folder(s, actor=admin, folder=str(usb))
    old = backups.backup_now(engine, actor=admin)
    pre_migration = db_path.parent / "backups" / f"{db_path.stem}-pre-migration-20261101-101010.sqlite3"
    pre_migration.parent.mkdir(exist_ok=True)
    db.copy_database(db_path, pre_migration)
    assert set(at_rest.plain_backup_files(engine, admin.station_id)) == {old, pre_migration}

    done = at_rest.encrypt_database(engine, actor=admin, passphrase=PASS, delete_plain_backups=True)
    assert set(done.deleted_backups) == {old, pre_migration} and done.plain_backups == []
    assert not old.exists() and not pre_migration.exists()
    left = backup_files.list_backups(usb)
    assert len(left) == 1 and db.file_is_encrypted(left[0].path)
    backup_files.verify_backup(left[0].path, key=PASS)
    conn = db.connect_file(db_path, key=PASS, readonly=True)
    try:
        entry = conn.execute("SELECT after FROM audit_entry WHERE action='encrypt'").fetchone()[0]
    finally:
        conn.close()
    assert old.name in entry and PASS not in entry


def test_integrity_checks_on_an_encrypted_database(engine, admin, db_path, monkeypatch):
    add(engine, admin, "张三")
    folder = db_path.parent / "backups"
    backups.automatic_backup(engine, kind="daily")
    encrypt(engine, admin)
    url = f"sqlite:///{db_path}"
    assert integrity.startup_check(url) is None
    assert integrity.startup_check(url, full=False) is None
    good = backup_files.make_backup(db_path, folder, kind="manual")

    # Damage a data page of the encrypted file (past the schema page): quick_check finds it.
    data = bytearray(db_path.read_bytes())
    page = 4096
    pages = len(data) // page
    for n in range(pages // 2, pages):
        data[n * page + 100: n * page + 400] = os.urandom(300)
    db_path.write_bytes(bytes(data))
    monkeypatch.setattr(integrity, "FULL_CHECK_MAX_BYTES", 1024)
    problem = integrity.startup_check(url, full=True)
    assert problem is not None and problem.kind == integrity.DAMAGED
    assert problem.backup is not None and problem.backup.path == good  # the newest encrypted backup, opened with the key
    integrity.recover(problem)
    assert integrity.startup_check(url) is None
    assert db.file_is_encrypted(db_path)
    assert names(make_engine(url)) == ["张三"]

    # Without any passphrase the start-up check says it cannot read the file; it never crashes.
    forget_keys(db_path)
    found = integrity.quick_check(db_path)
    assert found is not None and "passphrase" in found[1]


@pytest.mark.slow
def test_two_processes_write_into_an_encrypted_file_at_once(engine, admin, db_path):
    """WAL, busy_timeout and BEGIN IMMEDIATE work through sqlcipher3 as through sqlite3."""
    encrypt(engine, admin)
    env = dict(os.environ, PYTHONPATH=str(ROOT), SMILEDESK_DB_KEY=PASS)
    writer = ROOT / "tests" / "safety" / "writer.py"
    procs = [subprocess.Popen([sys.executable, str(writer), str(db_path), label, "25"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for label in ("desk", "kiosk")]
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, out + err
        assert "locked" not in (out + err).lower()
        assert out.count("committed") == 25
    opened = make_engine(f"sqlite:///{db_path}", key=PASS)
    assert names(opened).count("写入者") == 50
    assert integrity.startup_check(f"sqlite:///{db_path}") is None


# --- keys on this computer -------------------------------------------------------------------------------


def test_remembered_passphrase_is_private_and_outside_the_data_dir(engine, admin, db_path, own_key_store, own_data_dir,
                                                                   monkeypatch):
    encrypt(engine, admin, remember=True)
    files = list(own_key_store.glob("*.key"))
    assert len(files) == 1
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(own_key_store.stat().st_mode) == 0o700
    assert own_data_dir not in files[0].parents
    monkeypatch.delenv("SMILEDESK_KEY_DIR")
    from platformdirs import user_data_dir

    data = Path(user_data_dir("SmileDesk", appauthor=False))
    assert data not in keys.key_dir().parents and keys.key_dir() != data  # a copied data folder has no key
    monkeypatch.setenv("SMILEDESK_KEY_DIR", str(own_key_store))
    forget_keys(db_path)
    db.set_key_lookup(keys.stored_key)
    opened = make_engine(f"sqlite:///{db_path}")
    assert names(opened) == []  # opened without anyone typing
    at_rest.decrypt_database(opened, actor=admin)
    assert not list(own_key_store.glob("*.key"))  # decrypting forgets it


def test_without_sqlcipher_the_user_is_told_encryption_is_unavailable(engine, admin, db_path, monkeypatch, capsys):
    encrypt(engine, admin)
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)
    assert not db.encryption_available()
    with pytest.raises(db.EncryptionUnavailable) as info:
        make_engine(f"sqlite:///{db_path}", key=PASS)
    assert "not available" in info.value.text()
    found = integrity.quick_check(db_path)
    assert found is not None and "sqlcipher3" in found[1]
    plain = db_path.with_name("plain.sqlite3")
    sqlite3.connect(plain).execute("CREATE TABLE t(x)").connection.close()
    with pytest.raises(db.EncryptionUnavailable):
        encryption.encrypt_file(plain, PASS)
    from desktop_app import cli

    assert cli.main(["encrypt", "--db", str(plain)]) == 1
    assert "Encryption is not available" in capsys.readouterr().err
    assert not db.file_is_encrypted(plain)


# --- command line (real processes) ----------------------------------------------------------------------


def run_cli(*args: str, stdin: str = "", env: dict | None = None) -> subprocess.CompletedProcess:
    full = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    full.pop("SMILEDESK_DB_KEY", None) if "SMILEDESK_DB_KEY" not in (env or {}) else None
    return subprocess.run([sys.executable, "-m", "desktop_app", *args], cwd=ROOT, env=full, input=stdin,
                          capture_output=True, text=True, timeout=180)


@pytest.mark.slow
def test_cli_encrypt_check_backup_decrypt(engine, admin, db_path, own_key_store):
    add(engine, admin, "张三")
    engine.dispose()
    short = run_cli("encrypt", "--db", str(db_path), stdin="short\n")
    assert short.returncode == 1 and "at least 8" in short.stderr
    done = run_cli("encrypt", "--db", str(db_path), stdin=PASS + "\n")
    assert done.returncode == 0, done.stderr
    assert "encrypted" in done.stdout and PASS not in done.stdout + done.stderr
    assert "张三".encode() not in raw(db_path)

    locked = run_cli("check", "--db", str(db_path))
    assert locked.returncode == 1 and "encrypted; enter its passphrase" in locked.stderr
    wrong = run_cli("check", "--db", str(db_path), env={"SMILEDESK_DB_KEY": "wrong passphrase"})
    assert wrong.returncode == 1 and "passphrase is wrong" in wrong.stderr
    ok = run_cli("check", "--db", str(db_path), env={"SMILEDESK_DB_KEY": PASS})
    assert ok.returncode == 0 and "ok" in ok.stdout, ok.stdout + ok.stderr
    made = run_cli("backup", "--db", str(db_path), "--to", str(db_path.parent / "usb"), env={"SMILEDESK_DB_KEY": PASS})
    assert made.returncode == 0, made.stderr
    assert db.file_is_encrypted(Path(made.stdout.strip()))

    restored = run_cli("restore", "--db", str(db_path), made.stdout.strip(), "--yes", env={"SMILEDESK_DB_KEY": PASS})
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert db.file_is_encrypted(db_path)

    back = run_cli("decrypt", "--db", str(db_path), stdin=PASS + "\n")
    assert back.returncode == 0, back.stderr
    assert db_path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert run_cli("check", "--db", str(db_path)).returncode == 0

    remembered = run_cli("encrypt", "--db", str(db_path), "--remember", stdin=PASS + "\n")
    assert remembered.returncode == 0 and "remembered" in remembered.stdout
    assert run_cli("check", "--db", str(db_path)).returncode == 0  # a kiosk starts without anyone typing


# --- dialogs -----------------------------------------------------------------------------------------------


def test_passphrase_dialog_wrong_then_right_remembers(qtbot, engine, admin, db_path, own_key_store):
    encrypt(engine, admin)
    forget_keys(db_path)
    before = db_path.read_bytes()
    dialog = passphrase.PassphraseDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field, "wrong passphrase")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.passphrase is None
    assert dialog.error.text() == db.WrongKey(db_path).text()
    assert dialog.field.text() == ""  # typed again from scratch
    assert db_path.read_bytes() == before and not list(own_key_store.glob("*.key"))  # nothing written
    dialog.grab().save(str(db_path.parent / "passphrase-dialog.png"))

    other = passphrase.PassphraseDialog(db_path)  # "it is not encrypted": go on to the start-up check
    qtbot.addWidget(other)
    qtbot.mouseClick(other.damaged_button, Qt.MouseButton.LeftButton)
    assert other.result() == other.DialogCode.Accepted and other.passphrase is None
    assert integrity.startup_check(f"sqlite:///{db_path}") is not None  # which offers a backup instead

    qtbot.keyClicks(dialog.field, PASS)
    dialog.remember.setChecked(True)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.passphrase == PASS
    assert keys.stored_key(db_path) == PASS
    assert names(make_engine(f"sqlite:///{db_path}")) == []


def test_unlock_at_startup_uses_a_known_key_and_says_when_encryption_is_missing(qtbot, engine, admin, db_path, monkeypatch):
    url = f"sqlite:///{db_path}"
    assert passphrase.unlock_at_startup(url)  # plain: nothing to ask
    encrypt(engine, admin)
    forget_keys(db_path)
    monkeypatch.setenv("SMILEDESK_DB_KEY", PASS)
    assert passphrase.unlock_at_startup(url)  # a server or a test: from the environment
    monkeypatch.delenv("SMILEDESK_DB_KEY")
    forget_keys(db_path)
    asked = []
    monkeypatch.setattr(passphrase.PassphraseDialog, "exec", lambda self: asked.append(self) or 0)
    assert not passphrase.unlock_at_startup(url)  # asked; the user chose Quit
    assert len(asked) == 1
    shown = []
    monkeypatch.setattr(passphrase.QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)
    assert not passphrase.unlock_at_startup(url)
    assert shown and "not available" in shown[0]


def test_encryption_dialog_refuses_short_and_mismatched_then_encrypts(qtbot, ctx, engine, db_path, tmp_path, wait_ops):
    add(engine, ctx.actor, "张三")
    old = backups.backup_now(engine, actor=ctx.actor, folder=tmp_path / "usb")
    dialog = passphrase.EncryptionDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_ops()  # the plain backups made before are looked for off the GUI thread
    qtbot.keyClicks(dialog.first, "short")
    qtbot.keyClicks(dialog.second, "short")
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert "8" in dialog.error.text() and not db.file_is_encrypted(db_path)
    qtbot.keyClicks(dialog.first, PASS)
    qtbot.keyClicks(dialog.second, PASS + "x")
    qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() and dialog.handle is None and not db.file_is_encrypted(db_path)
    dialog.grab().save(str(tmp_path / "encrypt-dialog.png"))

    assert dialog.delete_plain.isVisible() and dialog.plain_backups == [old]
    qtbot.mouseClick(dialog.delete_plain, Qt.MouseButton.LeftButton)
    assert dialog.delete_plain.isChecked()
    qtbot.keyClicks(dialog.first, PASS)
    qtbot.keyClicks(dialog.second, PASS)
    with qtbot.waitSignal(dialog.converted, timeout=60_000) as signal:
        qtbot.mouseClick(dialog.go_button, Qt.MouseButton.LeftButton)
    assert signal.args == [True]
    assert not old.exists() and dialog.result_info.deleted_backups == [old]
    assert db.file_is_encrypted(db_path) and "张三".encode() not in raw(db_path)
    assert "SmileDesk closes now" in dialog.explain.text()

    # The dialog opened again on the encrypted database decrypts, after the passphrase is typed.
    ctx.engine = make_engine(f"sqlite:///{db_path}")
    again = passphrase.EncryptionDialog(ctx)
    qtbot.addWidget(again)
    assert again.encrypted and not again.second.isVisibleTo(again)
    qtbot.keyClicks(again.first, "wrong passphrase")
    qtbot.mouseClick(again.go_button, Qt.MouseButton.LeftButton)
    assert again.error.text() == db.WrongKey(db_path).text()
    qtbot.keyClicks(again.first, PASS)
    with qtbot.waitSignal(again.converted, timeout=60_000) as signal:
        qtbot.mouseClick(again.go_button, Qt.MouseButton.LeftButton)
    assert signal.args == [False]
    assert not db.file_is_encrypted(db_path)


def test_admin_page_safety_tab_shows_the_state(qtbot, ctx, engine, db_path):
    from desktop_app.admin.ui.page import AdminPage

    page = AdminPage(ctx)
    qtbot.addWidget(page)
    assert page.safety is not None
    assert "not encrypted" in page.safety.state.text()
    assert page.safety.encrypt_button.text() == "Encrypt the database…"


def test_restore_dialog_restores_an_encrypted_backup(qtbot, ctx, engine, db_path, tmp_path, monkeypatch, wait_ops):
    from desktop_app.safety.ui import dialogs
    from desktop_app.ui import messages

    add(engine, ctx.actor, "张三")
    encrypt(engine, ctx.actor)
    ctx.engine = make_engine(f"sqlite:///{db_path}")  # the passphrase is known in this process
    made = backups.backup_now(ctx.engine, actor=ctx.actor, folder=tmp_path / "usb")
    add(ctx.engine, ctx.actor, "李四")
    monkeypatch.setattr(messages.Confirm, "ask", classmethod(lambda cls, parent, text, title="": True))
    monkeypatch.setattr(dialogs, "show_info", lambda *a, **k: None)
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, exc: shown.append(exc.text()))
    restore = dialogs.RestoreDialog(ctx)
    qtbot.addWidget(restore)
    wait_ops()
    with qtbot.waitSignal(restore.restored, timeout=30_000):
        restore.restore_file(made)
    wait_ops()
    assert not shown
    assert names(ctx.engine) == ["张三"] and db.file_is_encrypted(db_path)


@pytest.mark.slow
def test_the_app_opens_an_encrypted_database_and_start_up_asks_for_the_passphrase(qtbot, engine, admin, db_path,
                                                                                   monkeypatch, tmp_path):
    from desktop_app import app as app_module
    from desktop_app import cli
    from desktop_app.ui import logs

    add(engine, admin, "张三")
    encrypt(engine, admin)
    # A real process: the main window on the encrypted file, passphrase from the environment (a server, a test).
    shot = tmp_path / "residents.png"
    run = run_cli("--db", str(db_path), "--lang", "zh_CN", "--screenshot", str(shot), "--page", "residents",
                  env={"SMILEDESK_DB_KEY": PASS, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0, run.stdout + run.stderr
    assert shot.stat().st_size > 10_000

    # Start-up without a known passphrase: the dialog is shown; Quit ends start-up before anything opens.
    forget_keys(db_path)
    asked = []
    monkeypatch.setattr(passphrase.PassphraseDialog, "exec", lambda self: asked.append(self.db_path) or 0)
    monkeypatch.setattr(logs, "setup_logging", lambda *a, **k: None)
    monkeypatch.setattr(logs, "install_excepthook", lambda *a, **k: None)
    monkeypatch.setenv("SMILEDESK_SETTINGS", str(tmp_path / "settings.ini"))
    before = db_path.read_bytes()
    assert app_module.run_gui(cli.build_parser().parse_args(["--db", str(db_path), "--lang", "en"])) == 1
    assert asked == [db_path] and db_path.read_bytes() == before
