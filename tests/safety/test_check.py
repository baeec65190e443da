"""Issue 14 items 6 and 7: ``smiledesk check`` says what is wrong without creating anything — a missing path,
an empty or foreign file, damaged text (with table and row), duplicate ID numbers; at start-up an empty
database offers the newest backup when there is one, the first-run wizard otherwise."""

from __future__ import annotations

import os
import sqlite3

import pytest
from PySide6.QtWidgets import QDialog

from desktop_app import cli, residents
from desktop_app.core.db import session_scope
from desktop_app.residents.models import ResidentCreate
from desktop_app.safety import backup_files, integrity
from desktop_app.safety.models import ProblemKind

ON_POSTGRES = bool(os.environ.get("SMILEDESK_TEST_DATABASE_URL"))
pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="about the SQLite file")


def check(path, capsys) -> tuple[int, str]:
    code = cli.main(["check", "--db", str(path)])
    return code, capsys.readouterr().out


def test_check_on_a_missing_path_says_so_and_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "typo" / "smiledesk.sqlite3"
    code, out = check(missing, capsys)
    assert code == 1 and "there is no database at" in out and str(missing) in out
    assert not missing.exists() and not missing.parent.exists()
    missing.parent.mkdir()
    code, out = check(missing, capsys)
    assert code == 1 and list(missing.parent.iterdir()) == []  # no file, no -wal, no -shm


def test_check_on_an_empty_or_foreign_file_says_it_is_not_a_smiledesk_database(tmp_path, capsys):
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    code, out = check(empty, capsys)
    assert code == 1 and "empty or not a SmileDesk database (0 bytes)" in out
    assert empty.stat().st_size == 0  # nothing was migrated into it
    cut_short = tmp_path / "cut-short.sqlite3"  # killed before its first migration committed: pages, no tables
    conn = sqlite3.connect(cut_short)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.close()
    assert cut_short.stat().st_size > 0
    code, out = check(cut_short, capsys)
    assert code == 1 and "empty or not a SmileDesk database (no tables)" in out
    foreign = tmp_path / "other-program.sqlite3"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
    conn.close()
    code, out = check(foreign, capsys)
    assert code == 1 and "not a SmileDesk database (no SmileDesk schema" in out
    conn = sqlite3.connect(foreign)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["orders"]
    conn.close()


def test_check_reports_damaged_text_with_table_and_row(engine, admin, db_path, capsys):
    with session_scope(engine) as s:
        rid = residents.create_resident(s, actor=admin, data=ResidentCreate(name="张三")).id
    engine.dispose()
    assert check(db_path, capsys)[0] == 0
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE resident SET name = CAST(X'E5BCA0FF' AS TEXT) WHERE id = ?", (rid,))  # a byte of 张 lost
    conn.commit()
    conn.close()
    code, out = check(db_path, capsys)
    assert code == 1
    assert f"damaged text: table resident, row {rid}, column name is not valid UTF-8" in out
    assert "Traceback" not in out


def _drop_unique_indexes_of_residents(db_path) -> None:
    """A database from before ID numbers were unique in the database (or written past the program)."""
    conn = sqlite3.connect(db_path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'resident' "
                                "AND sql LIKE 'CREATE UNIQUE%'").fetchall():
        conn.execute(f'DROP INDEX "{name}"')
    conn.commit()
    conn.close()


def test_check_reports_duplicate_id_numbers(engine, admin, db_path, capsys):
    with session_scope(engine) as s:
        first = residents.create_resident(s, actor=admin, data=ResidentCreate(name="张三", id_number="11010519491231002X")).id
        second = residents.create_resident(s, actor=admin, data=ResidentCreate(name="张三丰", phone="13900139000")).id
    engine.dispose()
    _drop_unique_indexes_of_residents(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE resident SET id_number = '11010519491231002X' WHERE id = ?", (second,))  # raw SQL
    conn.commit()
    conn.close()
    code, out = check(db_path, capsys)
    assert code == 1 and "duplicate ID number" in out and f"residents {first}, {second}" in out
    assert "11010519491231002X" not in out  # masked


@pytest.fixture
def good_backup(engine, admin, db_path):
    with session_scope(engine) as s:
        residents.create_resident(s, actor=admin, data=ResidentCreate(name="张三"))
    made = backup_files.make_backup(db_path, db_path.parent / "backups", kind="daily")
    engine.dispose()
    return made


def test_an_empty_database_at_start_up_offers_the_newest_backup(qtbot, db_path, good_backup, wait_ops):
    from desktop_app.safety import ui as safety_ui

    db_path.write_bytes(b"")  # 0 bytes: a crash while the file was written, a bad copy
    for side in ("-wal", "-shm"):
        db_path.with_name(db_path.name + side).unlink(missing_ok=True)
    problem = integrity.startup_check(f"sqlite:///{db_path}")
    assert problem is not None and problem.kind == ProblemKind.EMPTY and problem.backup.path == good_backup
    dialog = safety_ui.DamagedDatabaseDialog(problem)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button.isVisible() and dialog.new_button.isVisible()
    assert good_backup.name in dialog.message.text() and "empty" in dialog.message.text()
    dialog.restore_button.click()
    wait_ops()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert integrity.startup_check(f"sqlite:///{db_path}") is None
    conn = sqlite3.connect(db_path)
    assert [r[0] for r in conn.execute("SELECT name FROM resident")] == ["张三"]
    conn.close()


def test_an_empty_database_without_backups_goes_on_to_the_wizard(qtbot, tmp_path, monkeypatch):
    from desktop_app.safety import ui as safety_ui

    path = tmp_path / "smiledesk.sqlite3"
    path.write_bytes(b"")
    assert integrity.startup_check(f"sqlite:///{path}") is None
    asked = []
    monkeypatch.setattr(safety_ui.DamagedDatabaseDialog, "exec", lambda self: asked.append(self) or 0)
    assert safety_ui.check_at_startup(f"sqlite:///{path}") is True and not asked  # the first-run wizard follows


def test_start_up_on_an_empty_database_with_backups_asks_before_the_wizard(qtbot, db_path, good_backup, tmp_path,
                                                                           monkeypatch):
    from desktop_app import app as app_module
    from desktop_app.safety import ui as safety_ui
    from desktop_app.ui import logs
    from desktop_app.ui.wizard import SetupWizard

    db_path.write_bytes(b"")
    asked, wizards = [], []
    monkeypatch.setattr(safety_ui.DamagedDatabaseDialog, "exec", lambda self: asked.append(self.problem) or 0)  # Quit
    monkeypatch.setattr(SetupWizard, "exec", lambda self: wizards.append(self) or 0)
    monkeypatch.setattr(logs, "setup_logging", lambda *a, **k: None)
    monkeypatch.setattr(logs, "install_excepthook", lambda *a, **k: None)
    monkeypatch.setenv("SMILEDESK_SETTINGS", str(tmp_path / "settings.ini"))
    assert app_module.run_gui(cli.build_parser().parse_args(["--db", str(db_path), "--lang", "en"])) == 1
    assert [p.kind for p in asked] == [ProblemKind.EMPTY] and not wizards
    assert db_path.stat().st_size == 0  # nothing migrated into it before the user chose
