"""Database driver errors turned into messages a person can act on (StorageError)."""

from __future__ import annotations

from desktop_app.core.errors import StorageError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP


def storage_error(exc: BaseException) -> StorageError:
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
        return StorageError(QT_TRANSLATE_NOOP("Errors", "The database file is damaged. Restore the newest backup."))
    return StorageError(QT_TRANSLATE_NOOP("Errors", "The database refused the change: {detail}"), detail=str(exc).splitlines()[0])


def unreadable_database(exc: BaseException, where: object = None) -> StorageError | None:
    """What a command says when the database behind it cannot be read (a damaged or foreign file, a server
    that refuses): a StorageError naming the file and the way out, or None when ``exc`` is not about that."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from desktop_app.core.errors import SmileDeskError

    if isinstance(exc, SmileDeskError):
        return exc if isinstance(exc, StorageError) else None
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
