"""A big database: start-up does the fast check, the full check runs after the window is open."""

import sqlite3

from desktop_app.safety import integrity


def _damage_data_pages(path):
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    con.executemany("INSERT INTO t (v) VALUES (?)", [("x" * 500,) for _ in range(2000)])
    con.execute("CREATE INDEX ix_t_v ON t(v)")
    con.commit()
    con.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for p in range(len(data) // page - 40, len(data) // page - 5):  # scribble over index/table pages
        data[p * page + 8: p * page + 200] = b"\xff" * 192
    path.write_bytes(bytes(data))


def test_fast_check_passes_a_damaged_big_file_and_the_full_check_finds_it(tmp_path, monkeypatch):
    db = tmp_path / "big.sqlite3"
    _damage_data_pages(db)
    url = f"sqlite:///{db}"
    monkeypatch.setattr(integrity, "FULL_CHECK_MAX_BYTES", 1024)
    assert integrity.needs_background_check(url)
    assert integrity.startup_check(url, full=False) is None  # schema intact: start-up goes on quickly
    problem = integrity.startup_check(url, full=True)
    assert problem is not None and problem.kind == integrity.DAMAGED


def test_fast_check_catches_a_file_that_is_not_a_database(tmp_path):
    db = tmp_path / "junk.sqlite3"
    db.write_bytes(b"this is not a database" * 100)
    assert integrity.startup_check(f"sqlite:///{db}", full=False) is not None
