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
