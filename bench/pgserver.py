"""A throwaway PostgreSQL server on loopback for the sub-district benchmark and the server tests.

``start_server()`` runs initdb in a temporary folder and starts PostgreSQL on 127.0.0.1 (a free port) as a
non-root user (the server refuses root: as root it runs as the ``postgres`` system user). The tests use it to
stop, restart and freeze (SIGSTOP) a server without touching the one the rest of the suite runs on.
Needs the PostgreSQL server binaries (Debian: ``apt-get install postgresql``); ``available()`` says.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER_PASSWORD = "throwaway-superuser"


def _bin_dir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: [int(x) for x in p.parent.name.split(".")
                                                                            if x.isdigit()])
    for path in reversed(found):
        if (path / "initdb").exists():
            return path
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def available() -> bool:
    return _bin_dir() is not None and (os.geteuid() != 0 or _user_exists("postgres"))


def _user_exists(name: str) -> bool:
    import pwd

    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One cluster: ``url()`` for SQLAlchemy, ``sql()`` as the superuser, ``stop``/``start``/``pause``/``resume``."""

    def __init__(self, *, durable: bool = False, settings: dict[str, str] | None = None) -> None:
        self.bin = _bin_dir()
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
        self.dir = Path(tempfile.mkdtemp(prefix="smiledesk-pg-"))
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.dir.chmod(0o700)
        self.port = _free_port()
        self.data = self.dir / "data"
        # Over TCP every login needs its password (SCRAM), as on a real server; the local socket (this
        # helper's psql) is trusted.
        self._run([str(self.bin / "initdb"), "-D", str(self.data), "--auth-local=trust", "--auth-host=scram-sha-256",
                   "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"])
        options = {"listen_addresses": "127.0.0.1", "port": str(self.port), "unix_socket_directories": str(self.dir),
                   "max_connections": "200", "shared_buffers": "128MB"}
        if not durable:  # a scratch server: durability off (the SQLite crash tests are what test durability)
            options.update({"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"})
        options.update(settings or {})
        with open(self.data / "postgresql.auto.conf", "a", encoding="utf-8") as f:
            for key, value in options.items():
                f.write(f"{key} = '{value}'\n")
        self.start()
        self.sql(f"ALTER ROLE postgres PASSWORD '{SUPERUSER_PASSWORD}'")

    def _run(self, cmd: list[str], *, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run([*self.as_user, *cmd], check=check, capture_output=True, text=True)

    def url(self, user: str = "postgres", database: str = "postgres", password: str | None = None, **query: str) -> str:
        if password is None and user == "postgres":
            password = SUPERUSER_PASSWORD
        auth = user if password is None else f"{user}:{password}"
        q = "&".join(f"{k}={v}" for k, v in query.items())
        return f"postgresql+psycopg://{auth}@127.0.0.1:{self.port}/{database}" + (f"?{q}" if q else "")

    def start(self) -> None:
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-l", str(self.dir / "server.log"), "start"])

    def stop(self, mode: str = "fast") -> None:
        self._run([str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-m", mode, "stop"], check=False)

    def restart(self) -> None:
        self.stop()
        self.start()

    def _pids(self) -> list[int]:
        pid_file = self.data / "postmaster.pid"
        if not pid_file.exists():
            return []
        main = int(pid_file.read_text().split()[0])
        pids = [main]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == main:
                    pids.append(int(entry.name))
        return pids

    def pause(self) -> None:
        """Freeze every server process (SIGSTOP): the host answers TCP, PostgreSQL never does."""
        for pid in self._pids():
            try:
                os.kill(pid, signal.SIGSTOP)
            except ProcessLookupError:  # a backend that just ended
                pass

    def resume(self) -> None:
        for pid in self._pids():
            try:
                os.kill(pid, signal.SIGCONT)
            except ProcessLookupError:
                pass

    def sql(self, statement: str, database: str = "postgres") -> str:
        """Run ``statement`` with psql as the superuser; returns the unaligned output."""
        done = self._run([str(self.bin / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", str(self.dir),
                          "-p", str(self.port), "-U", "postgres", "-d", database, "-c", statement], check=False)
        if done.returncode:
            raise RuntimeError(done.stderr.strip())
        return done.stdout.strip()

    def psql(self, statement: str, *, user: str, password: str, database: str) -> subprocess.CompletedProcess:
        """``statement`` through psql as ``user`` over TCP, as a person at a station PC would run it."""
        return subprocess.run([str(self.bin / "psql"), "-X", "-A", "-t", "-h", "127.0.0.1", "-p", str(self.port),
                               "-U", user, "-d", database, "-c", statement], capture_output=True, text=True,
                              env={**os.environ, "PGCONNECT_TIMEOUT": "5", "PGPASSWORD": password})

    def close(self) -> None:
        self.resume()
        self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


def start_server(**kwargs) -> Server:
    return Server(**kwargs)


def wait_until(predicate, timeout: float = 30.0, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()
