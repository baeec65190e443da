"""Issue 19 item 7: the audit log holds against a person with the file.

Deleting the newest entry, the last 20 or all of them is told by ``smiledesk check`` (the per-PC anchor and
every backup's manifest); an editor without the key cannot recompute the chain; dropped triggers are
noticed and recreated at open; failed sign-ins are audited. One chain per station: stations write in
parallel (on PostgreSQL each takes only its station's lock).
"""

from __future__ import annotations

import json
import threading

import pytest
from PySide6.QtCore import Qt
from sqlmodel import col, func, select

from desktop_app import cli
from desktop_app.core import audit, audit_anchors, audit_keys, auth, keystore
from desktop_app.core.db import guards, session_scope
from desktop_app.core.errors import ConflictError
from desktop_app.core.models import AuditEntry, AuditMeta, Station
from desktop_app.features import declare_guards, open_app_database

from .helpers import drop_guards, tamper


def write_entries(engine, actor, n: int, what: str = "note") -> None:
    for i in range(n):
        with session_scope(engine) as s:
            audit.record(s, actor=actor, action="update", entity=what, entity_id=i, after={"i": i})


def check(db_arg, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(["check", "--db", db_arg])
    return code, capsys.readouterr().out


def newest_ids(engine, n: int) -> list[int]:
    with session_scope(engine, write=False) as s:
        return list(s.exec(select(AuditEntry.id).order_by(col(AuditEntry.id).desc()).limit(n)))


@pytest.mark.parametrize("deleted", [1, 20, "all"])
def test_deleting_the_newest_entries_is_told_by_check(engine, db_arg, admin, capsys, deleted):
    write_entries(engine, admin, 25)
    code, out = check(db_arg, capsys)
    assert code == 0, out
    if deleted == "all":
        tamper(engine, "DELETE FROM audit_entry")
    else:
        ids = ",".join(str(i) for i in newest_ids(engine, deleted))
        tamper(engine, f"DELETE FROM audit_entry WHERE id IN ({ids})")
    with session_scope(engine, write=False) as s:
        assert audit.verify_chain(s) == []  # what is left is a whole chain: only the anchor can tell
    code, out = check(db_arg, capsys)
    assert code == 1
    assert "entries were deleted at its end" in out
    assert ("all of them" if deleted == "all" else f"the newest {deleted}") in out


def test_truncation_is_told_by_a_backup_manifest_without_the_pc_anchor(engine, db_arg, admin, capsys, tmp_path):
    """SQLite: the manifest SmileDesk writes beside each backup. A server (PostgreSQL) is backed up with
    pg_dump: ``smiledesk audit-key anchor FILE`` writes the same manifest beside the dump, and ``check
    --anchors DIR`` (on any PC with the key) compares the database with it."""
    from desktop_app.safety import backups

    write_entries(engine, admin, 5)
    usb = tmp_path / "usb"
    if engine.dialect.name == "sqlite":
        made = backups.backup_now(engine, actor=admin, folder=usb)
        extra: list[str] = []
    else:
        usb.mkdir()
        made = usb / "smiledesk-2026-12-05.dump"
        capsys.readouterr()
        assert cli.main(["audit-key", "anchor", str(made), "--db", db_arg]) == 0
        with session_scope(engine, write=False) as s:
            count = s.exec(select(func.count()).select_from(AuditEntry)).one()
        assert f"entries {count};" in capsys.readouterr().out
        extra = ["--anchors", str(usb)]
    manifest = json.loads(audit_anchors.manifest_path(made).read_text(encoding="utf-8"))
    assert manifest["database_id"] and manifest["chains"] and manifest["mac"]
    with session_scope(engine, write=False) as s:
        db_id = audit_keys.database_id(s)
    keystore.remove(f"anchor-{db_id}.json")  # the PC's own anchor is gone too (a new PC, or deleted)
    ids = ",".join(str(i) for i in newest_ids(engine, 3))
    tamper(engine, f"DELETE FROM audit_entry WHERE id IN ({ids})")
    capsys.readouterr()
    code = cli.main(["check", "--db", db_arg, *extra])
    out = capsys.readouterr().out
    assert code == 1 and "deleted at its end" in out and made.name in out


def test_the_anchor_command_needs_the_key_to_seal_the_manifest(engine, db_arg, admin, capsys, tmp_path, monkeypatch):
    write_entries(engine, admin, 1)
    monkeypatch.setenv("SMILEDESK_KEY_DIR", str(tmp_path / "empty-keys"))
    audit_keys.forget_cache()
    capsys.readouterr()
    assert cli.main(["audit-key", "anchor", str(tmp_path / "x.dump"), "--db", db_arg]) == 1
    err = capsys.readouterr().err
    assert "no audit key" in err and "smiledesk audit-key import" in err
    assert not audit_anchors.manifest_path(tmp_path / "x.dump").exists()


def test_an_editor_without_the_key_cannot_recompute_the_chain(engine, db_arg, admin, capsys):
    """Change an entry and recompute its hash the way the first edition did (unkeyed SHA-256) or with a
    guessed key: check names the entry."""
    import hashlib
    import hmac

    write_entries(engine, admin, 3)
    with session_scope(engine, write=False) as s:
        entry = s.exec(select(AuditEntry).where(AuditEntry.entity == "note").order_by(col(AuditEntry.id))).first()
        forged = dict(after='{"i": 99}')
        forged_sha = hashlib.sha256(("x" + forged["after"]).encode()).hexdigest()
        forged_mac = hmac.new(b"\0" * 32, forged["after"].encode(), hashlib.sha256).hexdigest()
    for new_hash in (forged_sha, forged_mac):
        tamper(engine, f"UPDATE audit_entry SET after = '{{\"i\": 99}}', hash = '{new_hash}' WHERE id = {entry.id}")
        code, out = check(db_arg, capsys)
        assert code == 1 and f"(id {entry.id}) was changed after it was written" in out


def test_entries_cannot_be_changed_or_deleted_through_sql(engine, admin):
    from sqlalchemy.exc import IntegrityError

    for sql in ("UPDATE audit_entry SET actor_name = 'mallory'", "DELETE FROM audit_entry"):
        with pytest.raises(IntegrityError, match="append-only"), engine.begin() as conn:
            conn.exec_driver_sql(sql)


def test_dropped_triggers_are_noticed_by_check_and_recreated_at_open(engine, db_arg, admin, capsys):
    declare_guards()
    with engine.begin() as conn:
        drop_guards(conn, "audit_entry")
        drop_guards(conn, "meal_ledger")
    assert {"audit_entry", "meal_ledger"} <= {p.split()[5] for p in guards.verify(engine)}
    code, out = check(db_arg, capsys)
    assert code == 1 and "the triggers that keep audit_entry append-only are missing" in out
    reopened = open_app_database(db_arg if "://" in db_arg else f"sqlite:///{db_arg}")
    try:
        assert guards.verify(reopened) == []
        with session_scope(reopened, write=False) as s:
            restored = s.exec(select(AuditEntry).where(AuditEntry.action == "guards_restored")).one()
        assert set(json.loads(restored.after)["tables"]) >= {"audit_entry", "meal_ledger"}
    finally:
        reopened.dispose()
    assert check(db_arg, capsys)[0] == 0


def test_failed_sign_ins_are_audited(engine, admin):
    for name, password in (("nobody", "whatever-1"), ("admin", "wrong-pass-1")):
        with pytest.raises(ConflictError):
            auth.sign_in(engine, username=name, password=password)
    with session_scope(engine, write=False) as s:
        failed = s.exec(select(AuditEntry).where(AuditEntry.action == "login_failed").order_by(col(AuditEntry.id))).all()
    assert [json.loads(e.after)["reason"] for e in failed] == ["unknown account", "wrong password"]
    assert failed[1].actor_name == "admin" and failed[1].entity_id == str(admin.id)


def test_check_says_what_to_do_when_this_pc_lacks_the_key(engine, db_arg, admin, capsys, tmp_path, monkeypatch):
    write_entries(engine, admin, 2)
    exported = tmp_path / "audit.keys"
    assert cli.main(["audit-key", "export", str(exported), "--db", db_arg]) == 0
    monkeypatch.setenv("SMILEDESK_KEY_DIR", str(tmp_path / "other-pc"))
    audit_keys.forget_cache()
    code, out = check(db_arg, capsys)
    assert code == 1
    assert "is not on this computer" in out and "smiledesk audit-key import FILE" in out
    assert cli.main(["audit-key", "import", str(exported)]) == 0
    assert check(db_arg, capsys)[0] == 0
    assert exported.stat().st_mode & 0o077 == 0


def test_a_pc_without_the_key_writes_with_its_own_and_says_so(engine, admin, tmp_path, monkeypatch):
    write_entries(engine, admin, 1)
    monkeypatch.setenv("SMILEDESK_KEY_DIR", str(tmp_path / "second-pc"))
    audit_keys.forget_cache()
    write_entries(engine, admin, 1)
    with session_scope(engine, write=False) as s:
        report = audit.verify(s)
        keys = s.exec(select(AuditEntry).where(AuditEntry.action == "audit_key")).all()
    assert report.problems == [] and len(keys) == 2
    assert len(report.missing_keys) == 1  # the first PC's key: this one cannot check those entries


def test_the_key_of_a_broken_pc_is_declared_lost_once_and_check_stops_reporting_it(
        engine, db_arg, admin, make_actor, capsys, tmp_path, monkeypatch):
    """The desk PC broke and was the only one holding the key: a new PC restores the database and cannot check
    the old entries' content. An administrator says so in the log; check then passes, order and count are still
    checked, and a declaration this PC cannot verify (written with a key it lacks) counts for nothing."""
    from desktop_app.core.errors import PermissionDenied, ValidationError
    from desktop_app.safety.audit_keys import declare_key_lost

    write_entries(engine, admin, 3)
    with session_scope(engine, write=False) as s:
        old_key = s.exec(select(AuditEntry.key_id).where(AuditEntry.entity == "note")).first()
    monkeypatch.setenv("SMILEDESK_KEY_DIR", str(tmp_path / "new-pc"))
    audit_keys.forget_cache()
    code, out = check(db_arg, capsys)
    assert code == 1 and f"audit key {old_key} is not on this computer" in out and "audit-key lost" in out

    desk = make_actor("front_desk")
    with session_scope(engine) as s:
        with pytest.raises(ValidationError):
            declare_key_lost(s, actor=admin, key_id=old_key, reason="  ")
        with pytest.raises(ValidationError):
            declare_key_lost(s, actor=admin, key_id="0123456789abcdef", reason="旧电脑硬盘损坏")
        with pytest.raises(PermissionDenied):
            declare_key_lost(s, actor=desk, key_id=old_key, reason="旧电脑硬盘损坏")
    assert cli.main(["audit-key", "lost", old_key.upper(), "--reason", "旧电脑硬盘损坏", "--db", db_arg]) == 0
    assert check(db_arg, capsys)[0] == 0
    with session_scope(engine, write=False) as s:
        report = audit.verify(s)
        new_key = audit_keys.current_key(report.database_id)[0]
        with pytest.raises(ConflictError):
            declare_key_lost(s, actor=admin, key_id=new_key, reason="旧电脑硬盘损坏")
    assert report.notes() and "旧电脑硬盘损坏" in report.notes()[0]
    capsys.readouterr()
    assert cli.main(["audit-key", "show", "--db", db_arg]) == 0
    assert "declared lost" in capsys.readouterr().out

    # the order of the lost key's entries is still checked
    with session_scope(engine, write=False) as s:
        middle = s.exec(select(AuditEntry.id).where(AuditEntry.entity == "note").order_by(col(AuditEntry.id))).all()[1]
    tamper(engine, f"DELETE FROM audit_entry WHERE id = {middle}")
    code, out = check(db_arg, capsys)
    assert code == 1 and "missing (deleted)" in out

    # a third PC, with neither key, cannot verify the declaration: it reports both keys
    monkeypatch.setenv("SMILEDESK_KEY_DIR", str(tmp_path / "third-pc"))
    audit_keys.forget_cache()
    with session_scope(engine, write=False) as s:
        problems = audit.verify(s).all_problems()
    assert any(f"audit key {old_key} is not on this computer" in p for p in problems)


def test_each_station_has_its_own_chain(engine, admin, make_actor):
    with session_scope(engine) as s:
        other = Station(name="逍遥津二站", code="XYJ")
        s.add(other)
        s.flush()
        other_id = other.id
    from dataclasses import replace

    second = replace(make_actor("front_desk"), station_id=other_id)
    write_entries(engine, admin, 3)
    write_entries(engine, second, 4)
    with session_scope(engine, write=False) as s:
        report = audit.verify(s)
        seqs = {c: [e.seq for e in s.exec(select(AuditEntry).where(AuditEntry.chain == c).order_by(AuditEntry.seq))]
                for c in (admin.station_id, other_id)}
    assert report.problems == []
    assert seqs[other_id] == [1, 2, 3, 4]
    assert seqs[admin.station_id] == list(range(1, len(seqs[admin.station_id]) + 1))


def test_stations_write_in_parallel_on_postgresql(engine, admin, make_actor):
    """One station's long transaction (an 800-row import) holds only its own chain's lock."""
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only: a SQLite file has one writer at a time whatever the chains")
    with session_scope(engine) as s:
        other = Station(name="逍遥津二站", code="XYJ")
        s.add(other)
        s.flush()
        other_id = other.id
    from dataclasses import replace

    second = replace(make_actor("front_desk"), station_id=other_id)
    write_entries(engine, admin, 1)
    done = threading.Event()
    errors: list[BaseException] = []

    def other_station() -> None:
        try:
            write_entries(engine, second, 1)
            done.set()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    with session_scope(engine) as s:  # station 1 holds its chain's lock until this block ends
        audit.record(s, actor=admin, action="import", entity="note", entity_id="long")
        t = threading.Thread(target=other_station)
        t.start()
        assert done.wait(30), "the other station waited for this station's lock"
    t.join()
    assert not errors


def test_legacy_entries_keep_verifying_and_are_sealed_by_the_first_keyed_entry(tmp_path):
    """A database of the first edition: its entries keep their unkeyed chain; once migrated, the first keyed
    entry links to the last of them, so rewriting them afterwards is told."""
    from alembic import command

    from desktop_app.core.db import alembic_config, make_engine

    path = tmp_path / "old.sqlite3"
    old = make_engine(f"sqlite:///{path}")
    cfg = alembic_config(old)
    with old.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "foundation_0001")
    prev = ""
    with old.begin() as conn:
        for i in range(1, 4):
            at = f"2025-01-0{i}T08:00:00+00:00"
            fields = [prev, at, "1", "admin", "1", "update", "resident", str(i), "", f'{{"n": {i}}}']
            import hashlib

            h = hashlib.sha256("\x1f".join(fields).encode()).hexdigest()
            conn.exec_driver_sql(
                "INSERT INTO audit_entry (id, at, actor_id, actor_name, station_id, action, entity, entity_id, after, prev_hash, hash) "
                f"VALUES ({i}, '2025-01-0{i} 08:00:00.000000', 1, 'admin', 1, 'update', 'resident', '{i}', '{{\"n\": {i}}}', '{prev}', '{h}')")
            prev = h
    old.dispose()
    engine = open_app_database(f"sqlite:///{path}")
    try:
        with session_scope(engine, write=False) as s:
            before = audit.verify(s)
        assert before.problems == [] and before.legacy[0] == 3, before.problems
        with session_scope(engine, write=False) as s:  # recorded by the upgrade, for logins that see one station
            meta = {m.name: m.value for m in s.exec(select(AuditMeta)).all()}
        assert meta["legacy_count"] == "3" and meta["legacy_head"] == prev
        actor = auth.Actor(1, "admin", "admin", auth.Role.ADMIN, 1)
        with session_scope(engine) as s:
            first = audit.record(s, actor=actor, action="update", entity="note", entity_id="x")
            assert first.seq == 1 and first.prev_hash == prev and first.scheme == audit.KEYED
        # The legacy chain is unkeyed: without its last entry it still verifies on its own, but the first keyed
        # entry no longer follows it.
        tamper(engine, "DELETE FROM audit_entry WHERE id = 3")
        with session_scope(engine, write=False) as s:
            problems = audit.verify_chain(s)
        assert any("entry 1 does not follow" in p for p in problems), problems
        assert any("were 3 when the database was upgraded; 2 are there now" in p for p in problems), problems
    finally:
        engine.dispose()


def test_an_audited_restore_supersedes_older_anchors(engine, db_arg, admin, capsys, tmp_path):
    from desktop_app.safety import backups

    if engine.dialect.name != "sqlite":
        pytest.skip("restoring a backup file is a SQLite file's business (PostgreSQL: pg_restore)")
    write_entries(engine, admin, 2)
    early = backups.backup_now(engine, actor=admin, folder=tmp_path / "usb")
    write_entries(engine, admin, 5)
    backups.backup_now(engine, actor=admin, folder=tmp_path / "usb")
    backups.restore_backup(engine, actor=admin, backup_file=early)
    code, out = check(db_arg, capsys)
    assert code == 0, out  # the later backup's manifest and the PC's anchor are older than the restore


def test_anchor_files_are_private_and_keyed(engine, admin):
    write_entries(engine, admin, 1)
    with session_scope(engine, write=False) as s:
        db_id = audit_keys.database_id(s)
        count = s.exec(select(func.count()).select_from(AuditEntry)).one()
    anchor = audit_anchors.pc_anchor(db_id)
    assert anchor is not None and anchor.mac_ok is True
    assert sum(seq for seq, _h in anchor.chains.values()) == count
    for name in keystore.names(""):
        assert (keystore.key_dir() / name).stat().st_mode & 0o077 == 0
    assert keystore.key_dir().stat().st_mode & 0o077 == 0


def test_an_administrator_moves_the_key_between_computers_on_the_safety_page(
        qtbot, app_fonts, ctx, engine, db_arg, admin, make_actor, capsys, tmp_path, monkeypatch, wait_ops):
    """系统管理 → 数据安全 → 审计密钥…: export on the PC that has the key, import on the other; no command line."""
    from desktop_app.admin.ui.safety_tab import SafetyTab
    from desktop_app.core.errors import PermissionDenied, StorageError
    from desktop_app.safety import audit_keys as keys_service
    from desktop_app.safety.ui import audit_key as dialog_module

    write_entries(engine, admin, 2)
    tab = SafetyTab(ctx)
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.audit_key_button, Qt.MouseButton.LeftButton)
    dialog = tab.audit_key_dialog
    wait_ops()
    assert "has 1 of the 1 keys" in dialog.state.text() and "Every entry can be checked" in dialog.state.text()

    exported = tmp_path / "usb" / "审计密钥.keys"
    exported.parent.mkdir()
    monkeypatch.setattr(dialog_module.AskPath, "save", classmethod(lambda cls, parent, caption, default: str(exported)))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert exported.exists() and exported.stat().st_mode & 0o077 == 0
    assert str(exported) in dialog.info_box.text()
    dialog.info_box.close()

    monkeypatch.setenv("SMILEDESK_KEY_DIR", str(tmp_path / "second-pc"))  # the same database, another computer
    audit_keys.forget_cache()
    dialog.refresh()
    wait_ops()
    assert "is not on this computer" in dialog.state.text()
    monkeypatch.setattr(dialog_module.AskPath, "open", classmethod(lambda cls, parent, caption: str(exported)))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "1 new key(s)" in dialog.info_box.text()
    dialog.info_box.close()
    wait_ops()
    assert "Every entry can be checked" in dialog.state.text()
    assert check(db_arg, capsys)[0] == 0
    with session_scope(engine, write=False) as s:
        moves = s.exec(select(AuditEntry.action).where(AuditEntry.entity == "audit_key").order_by(col(AuditEntry.id))).all()
    assert moves == ["export", "import"]

    other = tmp_path / "other.keys"
    other.write_text("smiledesk-audit-keys/1\n" + "f" * 32 + "\n" + exported.read_text(encoding="ascii").splitlines()[2] + "\n",
                     encoding="ascii")
    with session_scope(engine) as s, pytest.raises(StorageError) as refused:
        keys_service.import_audit_keys(s, actor=admin, source=other)
    assert "another database" in refused.value.text()
    desk = make_actor("front_desk")
    with session_scope(engine, write=False) as s, pytest.raises(PermissionDenied):
        keys_service.key_status(s, actor=desk)
    dialog.close()
