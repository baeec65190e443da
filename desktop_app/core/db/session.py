"""Transactions: one ``session_scope`` per use case; commit on success, roll back on error.

On SQLite a writing scope starts with ``BEGIN IMMEDIATE`` so two processes queue on busy_timeout
instead of failing with "database is locked" halfway through.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError, DBAPIError, OperationalError
from sqlmodel import Session

from desktop_app.core.db.engine import is_sqlite
from desktop_app.core.db.errors import server_error, storage_error
from desktop_app.core.errors import StorageError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

T = TypeVar("T")


@contextmanager
def session_scope(engine: Engine, *, write: bool = True) -> Iterator[Session]:
    """One transaction: everything inside commits together or not at all.

    ``write=False`` declares a read: on SQLite it starts a deferred transaction, so readers never
    queue behind writers. A read scope must not write. If one does anyway (a use case that should
    have asked for a writing scope), the write is kept rather than silently lost; under the test
    suite (SMILEDESK_STRICT_SCOPES=1) it raises so the caller gets fixed.
    """
    bind = engine.execution_options(sqlite_immediate=True) if (write and is_sqlite(engine)) else engine
    with Session(bind, expire_on_commit=False) as session:
        if not write:
            event.listen(session, "after_flush", _mark_written)
        try:
            yield session
            if not write and session.info.get("wrote") and os.environ.get("SMILEDESK_STRICT_SCOPES") == "1":
                raise AssertionError("a read scope (session_scope(write=False)) wrote to the database; "
                                     "open it with write=True")
            # Commit a read scope too: unlike rollback, commit with expire_on_commit=False leaves
            # loaded objects usable after the scope.
            session.commit()
        except OperationalError as exc:
            _rollback_quietly(session)
            raise storage_error(exc) from exc
        except DataError as exc:  # PostgreSQL refuses a value SQLite takes (e.g. a NUL character in text)
            session.rollback()
            raise StorageError(
                QT_TRANSLATE_NOOP("Errors", "The database refused a value that contains characters it cannot store; nothing was saved. Retype it."),
            ) from exc
        except DBAPIError as exc:
            # On a server: a broken connection (InterfaceError), a refused row (row-level security), a timeout.
            # A constraint the code should have checked first stays a bug (server_error gives None).
            _rollback_quietly(session)
            err = server_error(exc) if not is_sqlite(engine) else None
            if err is None:
                raise
            raise storage_error(exc) from exc
        except BaseException:
            session.rollback()
            raise


def _rollback_quietly(session) -> None:
    """Roll back after a failure; on a connection that is gone the rollback fails too (and is not news)."""
    try:
        session.rollback()
    except DBAPIError:
        pass


def _mark_written(session, _flush_context) -> None:
    if session.new or session.dirty or session.deleted:
        session.info["wrote"] = True


def run_transaction(engine: Engine, work: Callable[[Session], T], *, attempts: int = 5) -> T:
    """Run ``work`` in one writing transaction, retrying the whole of it when the database is busy."""
    delay = 0.05
    for attempt in range(attempts):
        try:
            with session_scope(engine) as session:
                return work(session)
        except StorageError as exc:
            if getattr(exc, "busy", False) and attempt < attempts - 1:
                time.sleep(delay)
                delay *= 2
                continue
            raise
    raise AssertionError("unreachable")
