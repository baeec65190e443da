"""Test fixtures: offscreen Qt, a fresh migrated SQLite database per test, signed-in actors of each role."""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any QApplication exists
os.environ["SMILEDESK_STRICT_SCOPES"] = "1"  # a read scope that writes fails the test (core.db.session_scope)
# Until a test starts (collection, session fixtures): one folder for the session. Each test gets its own
# (``own_data_dir``): backups, logs, backup folders and backup failures never leak from one test to another.
os.environ.setdefault("SMILEDESK_DATA_DIR", tempfile.mkdtemp(prefix="smiledesk-test-data-"))

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("smiledesk", deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60)
settings.load_profile("smiledesk")

_TEMPLATE: Path | None = None

# The longest files first: `make test` runs one process per core (pytest-xdist, a file to a process), and a
# long file that starts last keeps one core busy alone at the end (CONTRIBUTING.md).
LONGEST_FIRST = ("tests/day/test_day.py", "tests/ui/test_pseudo_locale.py", "tests/safety/test_encryption.py",
                 "tests/safety/test_processes.py", "tests/ui/test_screen_sizes.py", "tests/postgres/test_outages.py")


def pytest_collection_modifyitems(config, items) -> None:
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))  # stable: the rest in order


@pytest.fixture(autouse=True)
def own_data_dir(tmp_path, monkeypatch) -> Path:
    """A data folder per test (SMILEDESK_DATA_DIR), and a key store (SMILEDESK_KEY_DIR: audit keys, anchors,
    signing keys) per test: what one test leaves there no other test finds."""
    from desktop_app.core import audit_keys

    folder = tmp_path / "data"
    monkeypatch.setenv("SMILEDESK_DATA_DIR", str(folder))
    monkeypatch.setenv("SMILEDESK_KEY_DIR", str(tmp_path / "keys"))
    monkeypatch.delenv("SMILEDESK_AUDIT_KEY", raising=False)
    audit_keys.forget_cache()
    return folder


@pytest.fixture(autouse=True)
def _no_system_printers(tmp_path, monkeypatch) -> None:
    """No test sees this machine's printers, let alone prints on one: libcups (Qt's print plugin and
    ui.printing) is pointed at a socket nobody listens on. Printing tests start their own server."""
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cups.sock"))


@pytest.fixture(scope="session")
def cups_server():
    """A private CUPS server with a PDF-writing queue (tests/cups_server.py), one per test session. In CI
    (.ci/run installs CUPS) a missing CUPS fails the run instead of skipping."""
    from cups_server import CupsServer, missing

    why = missing()
    if why:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    server = CupsServer().start()
    yield server
    server.stop()


@pytest.fixture
def cups_printer(cups_server, monkeypatch):
    """The private CUPS server for this test: libcups and Qt see its queue (``cups_printer.queue``, the
    default); ``cups_printer.printed(job)`` is the PDF it wrote."""
    monkeypatch.setenv("CUPS_SERVER", cups_server.socket)
    cups_server.clear()
    yield cups_server
    for command in ("cupsenable", "cupsaccept"):
        cups_server.run(command)


@pytest.fixture(autouse=True)
def _heap_freezing_off():
    """A test that ran app.run_gui turned on freezing long-lived objects (ui/heap.py): off again after it,
    or every later test's windows would stay in memory."""
    yield
    from desktop_app.ui import heap

    if heap.enabled():
        heap.enable(False)
        gc.unfreeze()


@pytest.fixture(autouse=True, scope="session")
def _cheap_password_hashing():
    """argon2id at its cheapest in fixtures (it was ~40% of the suite); tests/core/test_auth_audit.py checks
    the production parameters, and processes the tests start hash as shipped."""
    from argon2 import PasswordHasher

    from desktop_app.core import auth

    auth.set_password_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    yield
    auth.set_password_hasher(None)


def _template_db() -> Path:
    """Migrate once per session, copy the file for each test (migrating per test costs ~0.2 s)."""
    global _TEMPLATE
    if _TEMPLATE is None:
        from desktop_app.features import open_app_database

        folder = Path(tempfile.mkdtemp(prefix="smiledesk-template-"))
        path = folder / "template.sqlite3"
        engine = open_app_database(f"sqlite:///{path}")
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        _TEMPLATE = path
    return _TEMPLATE


_DEMO: Path | None = None


def _demo_template() -> Path:
    """The small demo data of every feature, generated once per session (about 7 s) into a migrated SQLite
    file with the station's administrator (admin / admin-pass-1)."""
    global _DEMO
    if _DEMO is None:
        from desktop_app import demo
        from desktop_app.core import audit_keys, auth
        from desktop_app.core.db import make_engine, session_scope

        path = Path(tempfile.mkdtemp(prefix="smiledesk-demo-")) / "demo.sqlite3"
        shutil.copy(_template_db(), path)
        test_keys = os.environ.get("SMILEDESK_KEY_DIR")
        os.environ["SMILEDESK_KEY_DIR"] = str(path.parent / "keys")  # the audit keys the demo's entries are made with
        audit_keys.forget_cache()
        try:
            engine = make_engine(f"sqlite:///{path}")
            with session_scope(engine) as s:
                auth.create_first_admin(s, station_name="逍遥津社区党群服务中心", username="admin", display_name="王主任",
                                        password="admin-pass-1", station_code="XYJ")
            demo.load(engine)
            with engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            engine.dispose()
        finally:
            if test_keys is None:
                os.environ.pop("SMILEDESK_KEY_DIR", None)
            else:
                os.environ["SMILEDESK_KEY_DIR"] = test_keys
            audit_keys.forget_cache()
        _DEMO = path
    return _DEMO


@pytest.fixture
def demo_db(tmp_path) -> Path:
    """A copy of the small demo database (SQLite) for this test, with its audit keys in this test's key store
    (the computer the demo was made on)."""
    from desktop_app.core import audit_keys

    template = _demo_template()
    path = tmp_path / "demo.sqlite3"
    shutil.copy(template, path)
    if (template.parent / "keys").exists():
        shutil.copytree(template.parent / "keys", os.environ["SMILEDESK_KEY_DIR"], dirs_exist_ok=True)
        audit_keys.forget_cache()
    return path


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "smiledesk.sqlite3"
    shutil.copy(_template_db(), path)
    return path


# SMILEDESK_TEST_DATABASE_URL=postgresql+psycopg://user@host:port/postgres runs the `engine` fixture on
# PostgreSQL: the schema is migrated once into a template database, each test gets a copy of it
# (CREATE DATABASE ... TEMPLATE), dropped afterwards. Tests about SQLite files skip themselves.
PG_URL = os.environ.get("SMILEDESK_TEST_DATABASE_URL", "").strip()
_PG_TEMPLATE: str | None = None
_PG_COUNT = [0]



def _pg_admin():
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    return create_engine(PG_URL, isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _pg_template() -> str:
    global _PG_TEMPLATE
    if _PG_TEMPLATE is None:
        import atexit

        from sqlalchemy.engine import make_url

        from desktop_app.features import open_app_database

        name = f"smiledesk_tmpl_{os.getpid()}"
        admin = _pg_admin()
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        eng = open_app_database(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
        eng.dispose()
        _PG_TEMPLATE = name

        def drop() -> None:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        atexit.register(drop)
    return _PG_TEMPLATE


# Copying the template and dropping a test's database cost the server ~0.3–0.8 s a test. One worker thread
# does both while the tests run (the server works on the other core): the next test's database is copied in
# advance, the last one dropped afterwards.
_PG_WORKER = None
_PG_NEXT = None  # Future of the database name the next test gets


def _pg_execute(sql: str) -> None:
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.exec_driver_sql(sql)
    admin.dispose()


def _pg_worker():
    global _PG_WORKER
    if _PG_WORKER is None:
        import atexit
        from concurrent.futures import ThreadPoolExecutor

        _PG_WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pg-test-databases")

        def finish() -> None:  # the worker has finished its queue by now; drop the copy no test took
            if _PG_NEXT is not None:
                _pg_execute(f'DROP DATABASE IF EXISTS "{_PG_NEXT.result()}" WITH (FORCE)')

        atexit.register(finish)  # after the template's atexit: runs before the template is dropped
    return _PG_WORKER


def _pg_copy() -> str:
    _PG_COUNT[0] += 1
    name = f"smiledesk_t{os.getpid()}_{_PG_COUNT[0]}"
    _pg_execute(f'CREATE DATABASE "{name}" TEMPLATE "{_pg_template()}"')
    return name


def _pg_take_database() -> str:
    """A fresh copy of the migrated template for this test; starts copying the next one."""
    global _PG_NEXT
    _pg_template()
    worker = _pg_worker()
    name = (_PG_NEXT or worker.submit(_pg_copy)).result()
    _PG_NEXT = worker.submit(_pg_copy)
    return name


@pytest.fixture
def engine(request):
    from desktop_app.core.db import make_engine

    if not PG_URL:
        db_path = request.getfixturevalue("db_path")
        eng = make_engine(f"sqlite:///{db_path}")
        yield eng
        eng.dispose()
        return
    from sqlalchemy.engine import make_url

    name = _pg_take_database()
    ops = sys.modules.get("desktop_app.ui.ops")
    if ops is not None:  # an op of the previous test that ran on after its database was dropped left "unreachable"
        ops.server_monitor().reset()
    eng = make_engine(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    yield eng
    eng.dispose()
    _pg_worker().submit(_pg_execute, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def db_arg(engine) -> str:
    """The ``--db`` value of the test's database, for command-line tests: the SQLite file's path, or the
    PostgreSQL URL when the suite runs on a server (so the command sees what the ``engine`` fixture wrote)."""
    if engine.dialect.name == "sqlite":
        return str(engine.url.database)
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def admin(engine):
    """The station's administrator (first-run set-up done)."""
    from desktop_app.core import auth
    from desktop_app.core.db import session_scope

    with session_scope(engine) as s:
        return auth.create_first_admin(
            s, station_name="逍遥津社区党群服务中心", username="admin", display_name="王主任", password="admin-pass-1"
        )


@pytest.fixture
def make_actor(engine, admin):
    """make_actor("front_desk") → an Actor of that role in the admin's station."""
    from desktop_app.core import auth
    from desktop_app.core.db import session_scope

    made = {}

    def make(role: str):
        if role == "admin":
            return admin
        if role not in made:
            with session_scope(engine) as s:
                user = auth.create_staff(
                    s, actor=admin, username=f"{role}1", display_name=f"{role} user", role=role, password="pass-word-1"
                )
                made[role] = auth.Actor.from_user(user)
        return made[role]

    return make


@pytest.fixture
def ctx(engine, admin, tmp_path):
    """An AppContext for pages, signed in as the administrator."""
    from PySide6.QtCore import QSettings

    from desktop_app.ui.context import AppContext

    settings_file = tmp_path / "settings.ini"
    qsettings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    return AppContext(engine=engine, actor=admin, settings=qsettings, station_name="逍遥津社区党群服务中心")


@pytest.fixture(autouse=True)
def _plain_text_labels(request):
    """Labels are plain text as in the app (ui.plain_text, installed by app.make_application)."""
    if {"qapp", "qtbot"} & set(request.fixturenames):
        from desktop_app.ui import plain_text

        plain_text.install(request.getfixturevalue("qapp"))
    yield


@pytest.fixture(scope="session", autouse=True)
def _fonts():
    """Register the bundled CJK font with Qt once a QApplication exists (pytest-qt's qapp)."""
    yield


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application collecting garbage as the shipped one does (``app.make_application``): on the GUI
    thread only (desktop_app/ui/collector.py). Left to Python, a collection started by a database op's thread
    freed Qt objects there and the process died (the day at the desk, tests/day). And Qt's style-sheet caches
    kept for the session (tests/qt_style.py)."""
    from qt_style import keep_style_caches

    from desktop_app.ui import collector

    collector.install(qapp)
    keep_style_caches(qapp)  # tests clear the app's style sheet; Qt's caches must outlive that (tests/qt_style.py)
    return qapp


def _drain_ops(seconds: float = 15) -> None:
    module = sys.modules.get("desktop_app.ui.ops")
    if module is None or module.idle():
        return
    import time

    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while not module.idle() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """Every database op a test started hands its result back before pytest-qt closes the test's windows and
    before the next test begins: a page left loading (a main window shown and not waited for) otherwise built
    its widgets during a later test's set-up, after that test had changed the application's style. (The
    crashes once blamed on reads in flight — in MainWindow.closeEvent and the home page's 'no data yet' box —
    were the screen deleted by the garbage collector: tests/ui/test_screen_wrapper.py.)"""
    _drain_ops()
    yield
    _drain_ops()
    _delete_closed_windows()


def _delete_closed_windows() -> None:
    """The main windows a test left closed (pytest-qt closes, it does not delete) go now, with their pages'
    timers: left for the garbage collector, one kept refreshing during later tests on its own database —
    dropped by then on PostgreSQL — and the server monitor, told "unreachable", held up the next test's reads."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is None or widgets.QApplication.instance() is None:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    from desktop_app.ui import server_monitor
    from desktop_app.ui.main_window import MainWindow

    # only the app's windows, parentless: a page's hidden dialog or a cached menu is its owner's business
    closed = [w for w in widgets.QApplication.topLevelWidgets()
              if isinstance(w, MainWindow) and w.parentWidget() is None and not w.isVisible()]
    for w in closed:
        w.deleteLater()
    if closed:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        _drain_ops()
    server_monitor.server_monitor().reset()


@pytest.fixture(autouse=True)
def _collect_after_test():
    """Once the application collects on its timer, a test that never runs the event loop still gets its
    garbage collected (after it, on the GUI thread)."""
    yield
    module = sys.modules.get("desktop_app.ui.collector")
    running = module.installed() if module is not None else None
    if running is not None:
        running.check()


@pytest.fixture
def app_fonts(qapp):
    from desktop_app.ui.fonts import install_fonts

    install_fonts(qapp, fallbacks=True)
    return qapp


class TwoStations:
    """Two stations on one database (docs/postgres.md §5): ``a`` is the admin fixture's station, ``b`` a
    second one; ``actor(role, station)`` makes a staff account there; ``office`` is a sub-district
    administrator (an admin without a station, who sees every station)."""

    def __init__(self, engine, admin) -> None:
        from desktop_app.core import auth
        from desktop_app.core.db import session_scope
        from desktop_app.core.models import Station

        self.engine = engine
        self.a = admin.station_id
        with session_scope(engine) as s:
            second = Station(name="琥珀社区党群服务中心", code="HP")
            s.add(second)
            s.flush()
            self.b = second.id
        self.names = {self.a: "逍遥津社区党群服务中心", self.b: "琥珀社区党群服务中心"}
        self._made: dict[tuple[str, int | None], auth.Actor] = {}
        self.office = self.actor("admin", None)

    def actor(self, role: str, station: int | None):
        from desktop_app.core import auth
        from desktop_app.core.db import session_scope
        from desktop_app.core.models import StaffUser

        key = (role, station)
        if key not in self._made:
            with session_scope(self.engine) as s:
                user = StaffUser(username=f"{role}-{station or 'office'}", display_name=f"{role} {station}", role=role,
                                 station_id=station, password_hash=auth.hash_password("pass-word-1"))
                s.add(user)
                s.flush()
                self._made[key] = auth.Actor.from_user(user)
        return self._made[key]


@pytest.fixture
def two_stations(engine, admin) -> TwoStations:
    return TwoStations(engine, admin)


@pytest.fixture
def wait_ops(qtbot):
    """wait_ops() → returns once every database op the GUI started has handed its result back."""
    from desktop_app.ui import ops

    def wait(timeout: int = 10000) -> None:
        qtbot.waitUntil(ops.idle, timeout=timeout)

    return wait
