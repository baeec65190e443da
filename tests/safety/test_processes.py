"""Real processes on real files: SIGKILL at random moments, two writers at once, a read-only folder."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("writer.py")

# On PostgreSQL (SMILEDESK_TEST_DATABASE_URL) these SQLite-file tests do not apply.
ON_POSTGRES = bool(os.environ.get("SMILEDESK_TEST_DATABASE_URL"))
pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL and permissions are POSIX"),
    pytest.mark.skipif(ON_POSTGRES, reason="file-level crash tests are about the SQLite file"),
]




def spawn(db: Path, label: str, count: int, *, pause: float = 0.0, prefix: list[str] | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    args = [*(prefix or []), sys.executable, str(WRITER), str(db), label, str(count)]
    if pause:
        args += ["--pause", str(pause)]
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_ready(proc: subprocess.Popen) -> None:
    line = proc.stdout.readline()
    assert line.strip() == "ready", line + proc.stderr.read()


def committed(lines: list[str]) -> dict[str, int]:
    out = {}
    for line in lines:
        parts = line.split()
        if len(parts) == 3 and parts[0] == "committed":
            out[parts[1]] = int(parts[2])
    return out


def stored(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {notes: rid for rid, notes in conn.execute("SELECT id, notes FROM resident WHERE notes != ''")}
    finally:
        conn.close()


def check_consistent(db: Path) -> None:
    """Intact file; every resident has its audit entry and search keys (no transaction half applied)."""
    conn = sqlite3.connect(db)
    try:
        assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
        residents = {r[0] for r in conn.execute("SELECT id FROM resident")}
        audited = {int(r[0]) for r in conn.execute("SELECT entity_id FROM audit_entry WHERE entity='resident' AND action='create'")}
        keyed = {r[0] for r in conn.execute("SELECT DISTINCT resident_id FROM resident_search_key")}
    finally:
        conn.close()
    assert residents == audited
    assert residents == keyed
    from desktop_app.core import audit
    from desktop_app.core.db import make_engine, session_scope

    engine = make_engine(f"sqlite:///{db}")
    try:
        with session_scope(engine, write=False) as s:
            assert audit.verify_chain(s) == []
    finally:
        engine.dispose()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_reported_commit(engine, db_path):
    engine.dispose()
    rng = random.Random(8)
    reported: dict[str, int] = {}
    kills = 12
    for round_no in range(kills):
        proc = spawn(db_path, f"k{round_no}", 100000)
        wait_ready(proc)
        # Kill while it is writing, not while it is still starting (imports take a loaded machine seconds).
        first = proc.stdout.readline()
        assert first.startswith("committed"), first + proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        out, _err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        reported.update(committed([first, *out.splitlines()]))
        # Every round must leave a file a new process can open and keep writing to.
        check_consistent(db_path)
    assert len(reported) > kills  # the writer got real work done between kills
    have = stored(db_path)
    missing = {m for m in reported if m not in have}
    assert not missing
    assert all(have[m] == rid for m, rid in reported.items())


@pytest.mark.slow
def test_desk_and_kiosk_write_at_once_nothing_lost_no_locked_error(engine, db_path):
    engine.dispose()
    n = 60
    desk = spawn(db_path, "desk", n)
    kiosk = spawn(db_path, "kiosk", n)
    outs = {}
    for name, proc in (("desk", desk), ("kiosk", kiosk)):
        out, err = proc.communicate(timeout=120)
        outs[name] = out
        assert proc.returncode == 0, out + err
        assert "locked" not in (out + err).lower()
        assert "storage-error" not in out
    reported = {**committed(outs["desk"].splitlines()), **committed(outs["kiosk"].splitlines())}
    assert len(reported) == 2 * n
    have = stored(db_path)
    assert all(have.get(m) == rid for m, rid in reported.items())
    check_consistent(db_path)


def _no_write_prefix() -> list[str]:
    """Root ignores permission bits; run the writer without the capabilities that let it."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a folder read-only for the writer")
    return [setpriv, "--inh-caps=-all", "--bounding-set=-all"]


@pytest.mark.parametrize("what", ["folder", "file-and-folder"])
def test_read_only_database_gives_clear_message_and_writes_nothing(engine, db_path, what):
    engine.dispose()
    folder = db_path.parent
    before = stored(db_path)
    size_before = db_path.stat().st_size
    for extra in ("-wal", "-shm"):
        Path(str(db_path) + extra).unlink(missing_ok=True)
    if what == "file-and-folder":
        db_path.chmod(0o444)
    folder.chmod(0o555)
    try:
        proc = spawn(db_path, "ro", 3, prefix=_no_write_prefix())
        out, err = proc.communicate(timeout=60)
    finally:
        folder.chmod(0o755)
        db_path.chmod(0o644)
    assert proc.returncode == 3, out + err
    assert "Traceback" not in err
    message = [line for line in out.splitlines() if line.startswith("storage-error")]
    assert message, out
    text = message[0].lower()
    assert "read-only" in text or "cannot be opened" in text
    assert "nothing was saved" in text
    assert stored(db_path) == before
    assert db_path.stat().st_size == size_before
