"""A sub-district on one PostgreSQL server (issue 22): a private server for these tests.

They need a server of their own: they create database roles (cluster-wide), and the outage tests stop,
restart and freeze it. ``pg_server`` starts one on loopback for the session (bench/pgserver.py; about a
second), ``pg_template`` migrates a template database once, ``pg_db`` gives each test a fresh copy, and
``subdistrict`` fills it with two stations, their staff and residents, and the logins of each.
Without the PostgreSQL server binaries these tests skip (CI's PostgreSQL stage installs them).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import pytest

from bench import pgserver

_COUNTER = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    if not pgserver.available():
        pytest.skip("PostgreSQL is not installed here (Debian: apt-get install postgresql); "
                    "CI's PostgreSQL stage installs it and runs these tests")
    server = pgserver.start_server()
    yield server
    server.close()


@pytest.fixture(scope="session")
def pg_template(pg_server) -> str:
    from desktop_app.features import open_app_database

    pg_server.sql("CREATE DATABASE smiledesk_template")
    engine = open_app_database(pg_server.url(database="smiledesk_template"))
    engine.dispose()
    return "smiledesk_template"


@pytest.fixture
def pg_db(pg_server, pg_template):
    """A fresh migrated database; yields its name (the owner's URL: ``pg_server.url(database=name)``)."""
    name = f"sd_{next(_COUNTER)}"
    pg_server.sql(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    yield name
    pg_server.sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Subdistrict:
    """Two stations (a: 逍遥津, b: 琥珀) with an administrator and a front-desk account each, a sub-district
    administrator, residents in both, and a database login for each station and for the office."""

    server: object
    database: str
    owner: object  # the owner's engine (migrations, set-up)
    a: int = 0
    b: int = 0
    actors: dict = field(default_factory=dict)
    residents: dict = field(default_factory=dict)
    logins: dict = field(default_factory=dict)
    engines: list = field(default_factory=list)

    def url(self, login: str) -> str:
        role, password = self.logins[login]
        return self.server.url(user=role, password=password, database=self.database)

    def engine(self, login: str, **kwargs):
        from desktop_app.core.db import make_engine
        from desktop_app.core.db.engine import server_engine

        eng = server_engine(self.url(login), **kwargs) if kwargs else make_engine(self.url(login))
        self.engines.append(eng)
        return eng


@pytest.fixture
def subdistrict(pg_server, pg_db):
    from desktop_app.core import auth
    from desktop_app.core.db import make_engine, rls, session_scope
    from desktop_app.core.models import StaffUser, Station
    from desktop_app.residents import ResidentCreate, create_resident

    owner = make_engine(pg_server.url(database=pg_db))
    sd = Subdistrict(pg_server, pg_db, owner)
    with session_scope(owner) as s:
        admin_a = auth.create_first_admin(s, station_name="逍遥津社区党群服务中心", username="admin-a",
                                          display_name="王主任", password="admin-pass-1", station_code="XYJ")
        b = Station(name="琥珀社区党群服务中心", code="HP")
        s.add(b)
        s.flush()
        sd.a, sd.b = admin_a.station_id, b.id
        for key, (station, role) in {"admin-b": (b.id, "admin"), "desk-a": (sd.a, "front_desk"),
                                     "desk-b": (b.id, "front_desk"), "office": (None, "admin")}.items():
            user = StaffUser(username=key, display_name=key, role=role, station_id=station,
                             password_hash=auth.hash_password("pass-word-1"))
            s.add(user)
            s.flush()
            sd.actors[key] = auth.Actor.from_user(user)
        sd.actors["admin-a"] = admin_a
        for key, name, phone, id_number in (("a1", "李明", "13800000001", "110101195001011239"),
                                            ("a2", "李华", "13800000002", ""),
                                            ("b1", "李强", "13900000001", "110101195203041233"),
                                            ("b2", "张伟", "13900000002", "")):
            actor = sd.actors["desk-a" if key[0] == "a" else "desk-b"]
            sd.residents[key] = create_resident(s, actor=actor, data=ResidentCreate(
                name=name, phone=phone, id_number=id_number)).id
    n = next(_COUNTER)
    with owner.begin() as conn:
        for login, kind, station in (("a", "station", sd.a), ("b", "station", sd.b), ("office", "subdistrict", None),
                                     ("rollup", "rollup", None)):
            role = f"t{n}_{login}"
            sd.logins[login] = (role, rls.create_login(conn, role=role, kind=kind, station_id=station))
    yield sd
    for eng in sd.engines:
        eng.dispose()
    owner.dispose()


@pytest.fixture
def outage(pg_server, pg_db, monkeypatch):
    """Stop, freeze and bring back the session's server within a test (always running again afterwards), with
    short timeouts and a quick monitor so a test waits seconds, not minutes."""
    from desktop_app.core.db import engine as engine_module
    from desktop_app.core.db.engine import ServerTimeouts
    from desktop_app.ui import ops
    from desktop_app.ui import server_monitor as server_monitor_module

    quick = ServerTimeouts(connect=1, statement=2, lock=1, idle_in_transaction=10, answer=3, keepalive_idle=1,
                           keepalive_interval=1, keepalive_count=2)
    monkeypatch.setattr(engine_module, "TIMEOUTS", quick)
    monkeypatch.setattr(server_monitor_module, "RETRY_MS", 300)
    monkeypatch.setattr(server_monitor_module, "SLOW_MS", 400)
    ops.server_monitor().reset()
    yield pg_server
    pg_server.resume()
    if not pgserver.wait_until(lambda: _answers(pg_server), timeout=2):
        pg_server.start()
    ops.server_monitor().reset()


def _answers(server) -> bool:
    try:
        server.sql("SELECT 1")
    except RuntimeError:
        return False
    return True
