"""Composition root: QApplication, settings, translators, fonts, database, sign-in, main window.

The only module that knows every part: it discovers the features (desktop_app/features.py), wires
the services features offer each other (ctx.services, desktop_app/interfaces.py) and passes the engine and the signed-in user down.
"""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_app import APP_NAME, features, startup
from desktop_app.core import auth
from desktop_app.core.db import url_for
from desktop_app.core.errors import SmileDeskError
from desktop_app.core.i18n import translate
from desktop_app.ui import collector, translation
from desktop_app.ui.context import AppContext
from desktop_app.ui.covering import close_windows, cover_windows, uncover_windows
from desktop_app.ui.fonts import install_fallback_fonts, install_fonts

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("SmileDesk 微笑驿站")
    install_fonts(app)
    from desktop_app.ui import plain_text

    plain_text.install(app)  # what people type is shown as text, never rendered as HTML (issue 19 item 9)
    forget_imported_sources()
    collector.install(app)  # Python's garbage collector on the GUI thread only (ui/collector.py)
    return app


def forget_imported_sources() -> bool:
    """PySide6 checks each module imported after it for the string "PySide6" by reading the module's whole
    source through ``linecache``, which keeps it: 27 MiB of source text once every page has been visited
    (issue 21). Each file is dropped from the cache once checked (a traceback reads it again when needed).
    Returns False where this PySide has no such check (the installed app ships no sources to read)."""
    import linecache

    feature = sys.modules.get("shibokensupport.feature")
    check = getattr(feature, "_mod_uses_pyside", None)
    if not callable(check) or getattr(check, "_smiledesk", False):
        return callable(check)

    def uses_pyside(module) -> bool:
        try:
            return check(module)
        finally:
            linecache.cache.pop(getattr(module, "__file__", None) or "", None)

    uses_pyside._smiledesk = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    linecache.clearcache()  # what was read for the modules imported so far
    return True


def machine_settings() -> QSettings:
    from desktop_app.core import paths

    return QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)


def load_features():
    return [mod.FEATURE for mod in features.modules("feature")]


def make_services():
    """What features offer one another where the dependency may not point (desktop_app/interfaces.py)."""
    from desktop_app.interfaces import Services

    return Services(
        passport_codes=features.api("passports"),
        volunteer_hours=features.api("rosters"),
        backups=features.api("safety"),
        morning_papers=tuple(api for api in (features.api("meals"), features.api("rosters")) if api is not None),
        calendar_followers=features.calendar_followers,
    )


def build_main_window(engine, actor, settings, station_name: str | None = None):
    """The main window for ``actor``; ``station_name`` is their station's (the sign-in dialog brings it; read
    here when not given: screenshots, the start-up benchmark, tests)."""
    from desktop_app.ui.main_window import MainWindow

    if station_name is None:
        station_name = startup.station_name(engine, actor.station_id)
    ctx = AppContext(engine=engine, actor=actor, settings=settings, station_name=station_name, services=make_services())
    window = MainWindow(ctx, load_features())
    # The other pages' modules, imported one per turn of the event loop while the home page is read (ui/warm.py)
    from desktop_app.ui import warm

    ahead = warm.modules_of(f for f in window.features if f.key not in window.pages)
    QTimer.singleShot(WARM_AFTER_MS, window, lambda: warm.start(window, ahead))
    return window


def _parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
        return w, h
    except ValueError:
        return 1366, 800


def screenshot(args, engine, settings) -> int:
    """Render a page offscreen and save it as PNG (signed in as the first administrator)."""
    from desktop_app.ui.login import LoginDialog
    from desktop_app.ui.wizard import SetupWizard

    app = QApplication.instance()
    width, height = _parse_size(args.size)
    start = startup.read(engine)
    if args.page == "setup" or start.needs_setup:
        widget = SetupWizard(engine, settings, services=make_services())
    elif args.page == "login":
        widget = LoginDialog(engine, start.station_name, "admin")
    elif args.page in ("kiosk", "wall") and features.module("passports", "feature") is not None:
        widget = _special_window(args.page, engine, settings, getattr(args, "station", "") or "")
    else:
        actor = startup.first_admin(engine)
        widget = build_main_window(engine, actor, settings)
        if args.page:
            if widget.show_page(args.page) is None:
                print(translate("Cli", "unknown page “{page}”; pages: {pages}").format(
                    page=args.page, pages=", ".join(widget.page_keys())), file=sys.stderr)
                return 2
    install_fallback_fonts(app)
    widget.resize(width, height)
    widget.show()
    for _ in range(5):
        app.processEvents()
    saved: list[bool] = []

    def grab_and_quit() -> None:
        # Grab while the window is still open: Qt 6's quit() closes windows, and a closed QWizard resets.
        saved.append(widget.grab().save(args.screenshot))
        app.exit(0)  # exit(), not quit(): quit() asks windows to close and the kiosk refuses

    when_settled(widget, grab_and_quit)
    app.exec()
    ok = bool(saved and saved[0])
    print(args.screenshot if ok else translate("Cli", "could not write the screenshot"), file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def settled(widget) -> bool:
    """``widget`` shows its data: no database op is running or waiting to hand back its result, no table
    model is reading a page, and every part that says when its data has arrived (``data_loaded()``: the
    home page's tiles, which it asks for just after its first paint) has it."""
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtWidgets import QWidget

    from desktop_app.ui import ops

    if not ops.idle():
        return False
    for model in widget.findChildren(QAbstractItemModel):
        busy = getattr(model, "busy", None)
        if callable(busy) and busy():
            return False
    for part in (widget, *widget.findChildren(QWidget)):
        loaded = getattr(part, "data_loaded", None)
        if callable(loaded) and not loaded():
            return False
    return True


def when_settled(widget, then, *, every_ms: int = 100, calm_checks: int = 3, most_ms: int = 30000) -> None:
    """Call ``then()`` once ``widget`` has been ``settled`` for ``calm_checks`` checks in a row (a load that
    starts another — stations, then figures — is waited for too), or after ``most_ms`` whatever the state."""
    state = {"calm": 0, "waited": 0}

    def check() -> None:
        state["calm"] = state["calm"] + 1 if settled(widget) else 0
        if state["calm"] >= calm_checks or state["waited"] >= most_ms:
            then()
            return
        state["waited"] += every_ms
        QTimer.singleShot(every_ms, check)

    QTimer.singleShot(every_ms, check)


def _special_window(kind: str, engine, settings, station_code: str = ""):
    """The kiosk or the smile wall, signed in with the kiosk account of its station (``--station CODE``
    on a sub-district server; the first station otherwise)."""
    actor = startup.kiosk_actor(engine, station_code)
    locked = startup.kiosk_locks(engine, actor)  # no kiosk PIN: the kiosk must not trap anyone
    ctx = AppContext(engine=engine, actor=actor, settings=settings, station_name=startup.station_name(engine, actor.station_id),
                     services=make_services())
    if kind == "kiosk":
        from desktop_app.passports.ui.kiosk import KioskWindow

        return KioskWindow(ctx, locked=locked)
    from desktop_app.passports.ui.wall import SmileWall

    return SmileWall(ctx)


def show_special_window(window) -> None:
    """Full screen — except a kiosk without a kiosk PIN, which nothing could close: an ordinary window."""
    if window.full_screen:
        window.showFullScreen()
    else:
        window.show()


def startup_probe(app, engine, settings) -> int:
    """bench/startup: open the main window signed in as the first administrator, quit at its first paint."""
    from PySide6.QtCore import QEvent, QObject

    actor = startup.first_admin(engine)
    window = build_main_window(engine, actor, settings)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, app.quit)
            return False

    watcher = FirstPaint()
    window.installEventFilter(watcher)
    window.show()
    app.exec()
    return 0


class Session:
    """One signed-in run of the main window: sign-in, idle lock, sign-out, language change.

    ``start`` is what start-up read from the database (``startup.read``); afterwards every read goes through
    ``ui.ops`` in the dialogs (the sign-in dialog brings the signed-in person's station name along)."""

    def __init__(self, app: QApplication, engine, settings: QSettings, start: startup.Start | None = None) -> None:
        self.app, self.engine, self.settings = app, engine, settings
        start = start or startup.read(engine)
        self.window = None
        self.actor: auth.Actor | None = None
        self.login_title = start.station_name  # the first station's name, above the sign-in form
        self.station_name = start.station_name  # the signed-in person's station, in the window title
        from desktop_app.ui.idle import IdleWatcher

        self.idle = IdleWatcher(app, start.idle_minutes)
        self.idle.idle.connect(self.lock)

    def sign_in(self, username: str = "", locked: bool = False) -> bool:
        from desktop_app.ui.login import LoginDialog

        dialog = LoginDialog(self.engine, self.login_title, username, parent=self.window, locked=locked)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
                return False
            actor = dialog.actor
            if actor.must_change_password:  # a password others know (the demo's): every use case waits for a new one
                from desktop_app.ui.password_dialog import PasswordDialog

                change = PasswordDialog(self.engine, actor, self.window, forced=True)
                try:
                    if change.exec() != QDialog.DialogCode.Accepted or change.actor.must_change_password:
                        return False
                    actor = change.actor
                finally:
                    change.deleteLater()
            self.actor = actor
            self.station_name = dialog.station_name
            return True
        finally:
            dialog.deleteLater()  # every idle lock makes one: not kept under the window (ui.widgets.deleted_when_closed)

    def open_window(self) -> None:
        self.window = build_main_window(self.engine, self.actor, self.settings, self.station_name)
        # Closed at a sign-out, a lock taken over by someone else, a language change: deleted then, with its
        # pages' timers — a closed window left for the garbage collector kept refreshing on the server.
        self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.lock_requested.connect(self.lock)
        self.window.settings_requested.connect(self.open_settings)
        self.window.password_requested.connect(self.change_password)
        self.window.show()

    def lock(self) -> None:
        if self.window is None or not self.window.isVisible() or getattr(self, "_locking", False):
            return
        self._locking = True
        try:
            covered = cover_windows(self.app)  # the main window and every dialog on screen (a revealed ID number)
            username = self.actor.username if self.actor else ""
            if self.sign_in(username, locked=True):
                if self.actor and self.actor.username == username:
                    uncover_windows(covered)
                else:
                    close_windows(covered)
                    self.window.close()
                    self.open_window()
            else:
                close_windows(covered)
                self.window.close()
                self.app.quit()
        finally:
            self._locking = False

    def sign_out(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window = None
        if self.sign_in():
            self.open_window()
        else:
            self.app.quit()

    def open_settings(self) -> None:
        from desktop_app import settings as opts
        from desktop_app.ui.settings_dialog import SettingsDialog, apply_style

        before = (opts.get(self.settings, opts.LANGUAGE), self.station_name)
        dialog = SettingsDialog(self.settings, self.window, engine=self.engine, actor=self.actor, backups=make_services().backups)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            if dialog.idle_minutes is not None:
                self.idle.set_minutes(dialog.idle_minutes)
            if dialog.station_name is not None:
                self.station_name = dialog.station_name
                if self.actor is not None and self.actor.station_id is None:
                    self.login_title = dialog.station_name
            apply_style(self.app, opts.get(self.settings, opts.STYLE))
            if (opts.get(self.settings, opts.LANGUAGE), self.station_name) != before:
                translation.install(self.app, opts.get(self.settings, opts.LANGUAGE) or None)
                self.window.close()
                self.open_window()

    def change_password(self) -> None:
        from desktop_app.ui.password_dialog import PasswordDialog

        PasswordDialog(self.engine, self.actor, self.window).exec()


def run_gui(args) -> int:
    from desktop_app import settings as opts
    from desktop_app.ui import heap, logs
    from desktop_app.ui.settings_dialog import apply_style

    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = make_application()
    app.setWindowIcon(_app_icon())
    heap.enable()  # pages built for good leave the garbage collector's walk (ui/heap.py)
    if not args.screenshot:
        logs.setup_logging()
        logs.install_excepthook()
        from desktop_app.qt_support import check_installed

        if (warning := check_installed()) is not None:
            log.warning(warning)
    settings = machine_settings()
    translation.install(app, args.lang or opts.get(settings, opts.LANGUAGE) or None)
    apply_style(app, opts.get(settings, opts.STYLE))
    safety = None if args.screenshot else features.module("safety", "ui")
    if safety is not None and _encrypted(url_for(args.db)) and not safety.unlock_at_startup(url_for(args.db)):
        return 1  # an encrypted database: the user chose to quit at the passphrase (or encryption is unavailable)
    if safety is not None and not safety.check_at_startup(url_for(args.db)):
        return 1  # damaged database, the user chose to quit (the dialog said why)
    url = url_for(args.db)
    try:
        if "://" in url and not url.startswith("sqlite"):  # a server: never a frozen window or a crash dialog
            from desktop_app.ui.connecting import open_with_retry

            engine = open_with_retry(lambda: features.open_app_database(url))
            if engine is None:
                return 1
        else:
            engine = features.open_app_database(url)
    except SmileDeskError as exc:
        QMessageBox.critical(None, APP_NAME, exc.text())
        return 1
    if args.screenshot:
        return screenshot(args, engine, settings)
    if getattr(args, "startup_probe", False):
        return startup_probe(app, engine, settings)
    if args.kiosk or args.wall:
        try:
            window = _special_window("kiosk" if args.kiosk else "wall", engine, settings, args.station or "")
        except SmileDeskError as exc:  # an unknown --station code
            QMessageBox.critical(None, APP_NAME, exc.text())
            return 1
        show_special_window(window)
        return app.exec()
    start = startup.read(engine)
    session = Session(app, engine, settings, start)
    if start.needs_setup:
        from desktop_app.ui.wizard import SetupWizard

        setup = SetupWizard(engine, settings, services=make_services())
        if setup.exec() != QDialog.DialogCode.Accepted or setup.actor is None:
            return 0
        session.actor = setup.actor
        session.station_name = session.login_title = setup.station_name
        if setup.demo:
            _load_demo(engine)
    elif not session.sign_in():
        return 0
    session.open_window()
    schedule_statistics(app, engine)
    # A big database takes seconds to copy: back up on a worker thread, after the window is up.
    backups = make_services().backups
    if backups is not None:
        backup = backups.automatic_backup  # the safety feature's backups: daily (on a worker thread) and on quitting
        station_id = session.actor.station_id if session.actor else None
        schedule_daily_backups(app, backup, engine, station_id)
        app.aboutToQuit.connect(lambda: _automatic_backup(backup, engine, "exit", station_id))
    QTimer.singleShot(0, lambda: install_fallback_fonts(app))
    if safety is not None:
        # A failed automatic backup is told until one succeeds (a message that does not block the desk).
        QTimer.singleShot(0, lambda: safety.report_backup_failure(session.window, engine))
        # A big database: the full integrity check runs now, off the GUI thread.
        QTimer.singleShot(500, lambda: safety.check_in_background(url_for(args.db), session.window))
    return app.exec()


def _encrypted(url: str) -> bool:
    """An encrypted SQLite file (read from its first bytes; a plain file's start-up imports nothing more)."""
    from sqlalchemy.engine import make_url

    from desktop_app.core.db import file_is_encrypted

    try:
        parsed = make_url(url)
    except Exception:
        return False
    return parsed.get_backend_name() == "sqlite" and bool(parsed.database) and file_is_encrypted(parsed.database)


def _app_icon():
    from PySide6.QtGui import QIcon

    from desktop_app.core import paths

    return QIcon(str(paths.resources_dir() / "icons" / "smiledesk.svg"))


DAILY_CHECK_MS = 60 * 60 * 1000
WARM_AFTER_MS = 300  # the other pages' modules imported after the home page has asked for its figures


def schedule_daily_backups(app, backup, engine, station_id: int | None, *, first_ms: int = 2000,
                           every_ms: int = DAILY_CHECK_MS) -> QTimer:
    """The daily backup: soon after start-up, then checked every hour, so a desk or kiosk left running for
    days still gets one each day (the safety service skips the day once it has a backup)."""
    from desktop_app.ui import periodic

    return periodic.every(app, "daily-backup", lambda: _automatic_backup(backup, engine, "daily", station_id),
                          first_ms=first_ms, every_ms=every_ms)


STATISTICS_FIRST_MS = 10 * 60 * 1000
STATISTICS_EVERY_MS = 6 * 60 * 60 * 1000


def schedule_statistics(app, engine, *, first_ms: int = STATISTICS_FIRST_MS,
                        every_ms: int = STATISTICS_EVERY_MS) -> QTimer | None:
    """Fresh planner statistics while the app runs (a desk left on for weeks gains a year of records): ten
    minutes after start-up, then every six hours, on a worker thread (core/db/statistics.py). SQLite only:
    a PostgreSQL server's autovacuum keeps its own."""
    from desktop_app.core.db import is_sqlite, refresh_statistics

    if not is_sqlite(engine):
        return None
    from desktop_app.ui import periodic

    return periodic.every(app, "planner-statistics", lambda: refresh_statistics(engine), first_ms=first_ms,
                          every_ms=every_ms)


def _automatic_backup(backup, engine, kind: str, station_id: int | None) -> None:
    try:
        made = backup(engine, kind=kind, station_id=station_id)
        if made:
            log.info("%s backup written to %s", kind, made)
    except Exception:
        # A missing USB drive must not stop the desk. The safety feature kept the failure (backup_status): the
        # next start and the administration page tell the user until a backup succeeds; the log has the detail.
        log.exception("%s backup failed", kind)


def _load_demo(engine) -> None:
    """Demo data on first start, with a progress dialog (runs on a worker thread)."""
    from PySide6.QtCore import QEventLoop

    from desktop_app import demo
    from desktop_app.ui.ops import run_op

    def work(progress):
        demo.load(engine, scale="small", progress_for=lambda _key: progress)

    loop = QEventLoop()
    handle = run_op(None, work, title=QApplication.translate("App", "Loading demo data…"), show_after_ms=0)
    handle.done.connect(loop.quit)
    if not handle.finished:
        loop.exec()
