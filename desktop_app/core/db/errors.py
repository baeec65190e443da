"""Database driver errors turned into messages a person can act on (StorageError).

SQLite's come from its text. PostgreSQL's come from the SQLSTATE code, or — for a connection that failed
or broke, which has none — from the kind of failure; the driver's own text never reaches the screen (it
goes to the log). ``ServerUnreachable`` is the one the GUI watches: ``ui.ops`` shows the "server
unreachable — retrying" banner for it instead of a message box, and the kiosk queues its scans.
"""

from __future__ import annotations

import logging

from desktop_app.core.errors import StorageError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


class ServerUnreachable(StorageError):
    """The database server cannot be reached, went away, or stopped answering. Nothing was written (a
    transaction the server never confirmed is rolled back by the server). Retrying later is the remedy."""

    busy = False

    def __init__(self, message: str = "", **params: object) -> None:
        super().__init__(message or UNREACHABLE, **params)


UNREACHABLE = QT_TRANSLATE_NOOP(
    "Errors", "The database server cannot be reached, so this was not done and nothing was changed. "
              "SmileDesk keeps trying to reconnect; try again when the banner at the top has gone.")
TOO_SLOW = QT_TRANSLATE_NOOP(
    "Errors", "The database server took too long to answer, so this was stopped and nothing was changed. "
              "Try again; if it keeps happening, tell the sub-district's IT staff.")
BUSY = QT_TRANSLATE_NOOP("Errors", "The database is busy in another window or computer; try again in a moment.")
REFUSED_ACCOUNT = QT_TRANSLATE_NOOP(
    "Errors", "The database server refused this computer's database account or password. Check the connection "
              "settings with the sub-district's IT staff (docs/postgres.md).")
NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "Errors", "This computer's database account may not change that record (it belongs to another station, or "
              "only the sub-district may change it); nothing was changed.")
NO_CONNECTIONS = QT_TRANSLATE_NOOP(
    "Errors", "The database server has no free connections right now; nothing was changed. Try again in a moment.")
CERTIFICATE = QT_TRANSLATE_NOOP(
    "Errors", "The database server's certificate could not be verified, so SmileDesk did not connect. Check the "
              "certificate settings with the sub-district's IT staff (docs/postgres.md).")
REFUSED = QT_TRANSLATE_NOOP(
    "Errors", "The database server refused this, and nothing was changed. The details are in the log file; tell "
              "the sub-district's IT staff if it happens again.")

# SQLSTATE → (message, busy). Classes: https://www.postgresql.org/docs/current/errcodes-appendix.html
_SQLSTATE = {
    "57014": (TOO_SLOW, False),        # query_canceled: statement_timeout
    "55P03": (BUSY, True),             # lock_not_available: lock_timeout
    "40001": (BUSY, True),             # serialization_failure
    "40P01": (BUSY, True),             # deadlock_detected
    "25P03": (TOO_SLOW, False),        # idle_in_transaction_session_timeout
    "53300": (NO_CONNECTIONS, True),   # too_many_connections
    "42501": (NOT_ALLOWED, False),     # insufficient_privilege (row-level security refuses the row, too)
    "28P01": (REFUSED_ACCOUNT, False),  # invalid_password
    "28000": (REFUSED_ACCOUNT, False),  # invalid_authorization_specification
}
_GONE_STATES = {"57P01", "57P02", "57P03", "57P04", "57P05"}  # admin/crash shutdown, cannot connect now, ...


def _orig(exc: BaseException) -> BaseException:
    return getattr(exc, "orig", None) or exc


def _from_postgres(exc: BaseException) -> bool:
    return type(_orig(exc)).__module__.startswith("psycopg")


def server_error(exc: BaseException) -> StorageError | None:
    """The StorageError for a PostgreSQL driver error, or None when it is not one a person can act on
    (a constraint the code should have checked first is a bug, and stays one)."""
    orig = _orig(exc)
    sqlstate = getattr(orig, "sqlstate", None) or ""
    text = str(orig).lower()
    if sqlstate in _SQLSTATE:
        message, busy = _SQLSTATE[sqlstate]
        err = StorageError(message)
        err.busy = busy  # type: ignore[attr-defined]
        return err
    if sqlstate.startswith("08") or sqlstate in _GONE_STATES or getattr(exc, "connection_invalidated", False):
        return ServerUnreachable()
    import psycopg

    if isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError) and not sqlstate:
        # No SQLSTATE: the connection failed, broke, or the server stopped answering (ours: timeout expired).
        if "password authentication failed" in text or "no pg_hba.conf entry" in text or (
                "role" in text and "does not exist" in text):
            return StorageError(REFUSED_ACCOUNT)
        if "certificate" in text or "sslmode" in text:
            return StorageError(CERTIFICATE)
        return ServerUnreachable()
    if isinstance(orig, psycopg.OperationalError | psycopg.InternalError | psycopg.DataError):
        return StorageError(REFUSED)
    return None


def is_unreachable(exc: BaseException) -> bool:
    """True for ServerUnreachable, and for a driver error that means the server is gone (not yet turned
    into one)."""
    if isinstance(exc, ServerUnreachable):
        return True
    if isinstance(exc, StorageError):
        return False
    return _from_postgres(exc) and isinstance(server_error(exc), ServerUnreachable)


def storage_error(exc: BaseException) -> StorageError:
    if _from_postgres(exc):
        err = server_error(exc)
        if err is not None:
            log.warning("database server error (%s): %s", type(_orig(exc)).__name__, str(_orig(exc)).strip())
            return err
        log.warning("database server error (%s): %s", type(_orig(exc)).__name__, str(_orig(exc)).strip())
        return StorageError(REFUSED)
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        err = StorageError(QT_TRANSLATE_NOOP("Errors", "The database is busy in another window or computer; try again in a moment."))
        err.busy = True  # type: ignore[attr-defined]
        return err
    if "disk" in text and "full" in text or "database or disk is full" in text:
        return StorageError(QT_TRANSLATE_NOOP("Errors", "The disk is full; nothing was saved. Free some space and try again."))
    if "readonly" in text or "read-only" in text:
        return StorageError(QT_TRANSLATE_NOOP("Errors", "The database folder is read-only; nothing was saved. Check the folder's permissions."))
    if "unable to open database file" in text:
        return StorageError(QT_TRANSLATE_NOOP("Errors", "The database file cannot be opened; nothing was saved. Check that its folder exists and may be written to."))
    if "malformed" in text or "not a database" in text:
        err = StorageError(QT_TRANSLATE_NOOP("Errors", "The database file is damaged and cannot be read. Restore the newest backup "
                                              "(smiledesk check says what is wrong)."))
        err.damaged = exc  # type: ignore[attr-defined]  # a command says more (unreadable_database)
        return err
    return StorageError(QT_TRANSLATE_NOOP("Errors", "The database refused the change: {detail}"), detail=str(exc).splitlines()[0])


def unreadable_database(exc: BaseException, where: object = None) -> StorageError | None:
    """What a command says when the database behind it cannot be read (a damaged or foreign file, a server
    that refuses): a StorageError naming the file and the way out, or None when ``exc`` is not about that."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from desktop_app.core.errors import SmileDeskError

    if isinstance(exc, SmileDeskError):
        if getattr(exc, "damaged", None) is None:  # already says what happened and what to do
            return exc if isinstance(exc, StorageError) else None
        exc = exc.damaged  # type: ignore[attr-defined]  # a damaged file, as the GUI says it: the command names it
    if not isinstance(exc, DBAPIError | sqlite3.DatabaseError):
        return None
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
    if where is not None and "://" in str(where):
        from sqlalchemy.engine import make_url

        try:
            where = make_url(str(where)).render_as_string(hide_password=True)  # never a password in a message
        except Exception:  # noqa: BLE001 - a URL that does not parse is not shown at all
            where = "?"
    return StorageError(
        QT_TRANSLATE_NOOP("Errors", "The database {file} cannot be read ({detail}). Run smiledesk check for what is wrong; restore a backup with smiledesk restore FILE if it is damaged."),
        file=str(where or "?"), detail=detail,
    )
