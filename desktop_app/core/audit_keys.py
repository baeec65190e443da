"""The audit key: the secret the audit chain's hashes are keyed with (HMAC-SHA256), kept outside the database.

Qt-free. Whoever holds only the database file (a copied backup, a USB stick, psql with the owner's
password) can read the audit log but cannot rewrite it: recomputed entries would need the key.

* Each database has an identity (``audit_meta.database_id``, made with its first keyed entry); the keys of a
  database are kept on each PC in ``core.keystore`` as ``audit-<database id>.keys`` (DPAPI on Windows, 0600
  elsewhere), newest last, or given by ``SMILEDESK_AUDIT_KEY`` (64 hex digits: servers, scripts).
* The first PC to write makes the key. Every other PC writing the same database (a sub-district on one
  PostgreSQL server, a desk PC replaced) gets it with ``smiledesk audit-key export FILE`` on a PC that has
  it and ``smiledesk audit-key import FILE`` on the new one. A PC that writes without it makes a key of its
  own (recorded in the log): the chain stays whole, but PCs without that key can check those entries'
  order and count, not their content, and ``smiledesk check`` says so until the keys are exchanged.
* An entry names its key by ``key_id`` (a fingerprint, never the key).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import uuid
from pathlib import Path

from sqlmodel import Session, select

from desktop_app.core import keystore
from desktop_app.core.errors import StorageError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

KEY_ENV = "SMILEDESK_AUDIT_KEY"
EXPORT_FORMAT = "smiledesk-audit-keys/1"
DATABASE_ID = "database_id"

_keys: dict[str, dict[str, bytes]] = {}  # database id -> key id -> key (this process's view of the store)


def key_id(key: bytes) -> str:
    return hashlib.sha256(b"smiledesk-audit-key-id|" + key).hexdigest()[:16]


def mac(key: bytes, payload: bytes) -> str:
    return hmac.new(key, payload, hashlib.sha256).hexdigest()


# --- the database's identity ------------------------------------------------------------------------


def database_id(s: Session, *, create: bool = False) -> str | None:
    """The database's identity (``create``: made now when it has none yet)."""
    from desktop_app.core.models import AuditMeta

    row = s.get(AuditMeta, DATABASE_ID)
    if row is not None:
        return row.value
    if not create:
        return None
    from sqlalchemy.exc import IntegrityError

    try:
        with s.begin_nested():  # two PCs writing their first entry at once: one identity wins
            s.add(AuditMeta(name=DATABASE_ID, value=uuid.uuid4().hex))
            s.flush()
    except IntegrityError:
        pass
    found = s.exec(select(AuditMeta.value).where(AuditMeta.name == DATABASE_ID)).first()
    return found


# --- keys on this PC ---------------------------------------------------------------------------------


def _store_name(db_id: str) -> str:
    return f"audit-{db_id}.keys"


def _env_key() -> bytes | None:
    text = os.environ.get(KEY_ENV, "").strip()
    if not text:
        return None
    try:
        key = bytes.fromhex(text)
    except ValueError:
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "SMILEDESK_AUDIT_KEY must be 64 hexadecimal digits (a 32-byte key).")) from None
    if len(key) != 32:
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "SMILEDESK_AUDIT_KEY must be 64 hexadecimal digits (a 32-byte key)."))
    return key


def _parse(text: str) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) == 2:
            try:
                key = bytes.fromhex(parts[1])
            except ValueError:
                continue
            if len(key) == 32 and key_id(key) == parts[0]:
                out[parts[0]] = key
    return out


def _format(keys: dict[str, bytes]) -> str:
    return "".join(f"{kid} {key.hex()}\n" for kid, key in keys.items())


def known_keys(db_id: str) -> dict[str, bytes]:
    """Key id -> key of every audit key of ``db_id`` known here (oldest first; SMILEDESK_AUDIT_KEY last)."""
    keys = _keys.get(db_id)
    if keys is None:
        data = keystore.read(_store_name(db_id))
        keys = _parse(data.decode("ascii", "replace")) if data else {}
        _keys[db_id] = keys
    env = _env_key()
    if env is not None:
        keys = {**{k: v for k, v in keys.items() if v != env}, key_id(env): env}
    return keys


def current_key(db_id: str) -> tuple[str, bytes] | None:
    """The key new entries are written with: SMILEDESK_AUDIT_KEY, else the newest key kept here."""
    keys = known_keys(db_id)
    if not keys:
        return None
    kid = next(reversed(keys))
    return kid, keys[kid]


def _save(db_id: str, keys: dict[str, bytes]) -> None:
    keystore.write(_store_name(db_id), _format(keys).encode("ascii"))
    _keys[db_id] = dict(keys)


def new_key(db_id: str) -> tuple[str, bytes]:
    """Make a key for ``db_id`` and keep it on this PC (it becomes the current key)."""
    key = secrets.token_bytes(32)
    keys = dict(known_keys(db_id))
    keys.pop(key_id(key), None)
    keys[key_id(key)] = key
    try:
        _save(db_id, keys)
    except OSError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("Errors", "The audit key could not be kept in {folder} ({detail}); nothing was saved. Check that the folder can be written."),
            folder=str(keystore.key_dir()), detail=exc.strerror or str(exc),
        ) from exc
    return key_id(key), key


def forget_cache() -> None:
    _keys.clear()


def export_keys(db_id: str, target: Path) -> int:
    """Write every audit key of ``db_id`` known here to ``target`` (0600) for ``import_keys`` on another PC."""
    from desktop_app.core import private

    keys = known_keys(db_id)
    if not keys:
        return 0
    text = f"{EXPORT_FORMAT}\n{db_id}\n" + _format(keys)
    private.write_private(Path(target), text.encode("ascii"), durable=True)
    return len(keys)


def import_keys(source: Path, *, expected_database: str | None = None) -> tuple[str, int]:
    """Add the keys in an ``export_keys`` file to this PC's store; returns (database id, keys added).
    ``expected_database``: refuse a file of another database (nothing is stored)."""
    try:
        lines = Path(source).read_text(encoding="ascii").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "{file} cannot be read as an audit key file ({detail})."),
                           file=str(source), detail=str(exc)) from exc
    if len(lines) < 3 or lines[0].strip() != EXPORT_FORMAT or not lines[1].strip().isalnum():
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "{file} is not an audit key file written by smiledesk audit-key export."),
                           file=str(source))
    db_id = lines[1].strip()
    if expected_database is not None and db_id != expected_database:
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "{file} holds the audit keys of another database; export them "
                                                       "from a computer that uses this database."), file=str(source))
    incoming = _parse("\n".join(lines[2:]))
    if not incoming:
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "{file} is not an audit key file written by smiledesk audit-key export."),
                           file=str(source))
    keys = dict(known_keys(db_id))
    added = [kid for kid in incoming if kid not in keys]
    # Imported keys go first: the key this PC writes with stays its own newest one.
    merged = {**{kid: incoming[kid] for kid in added}, **keys}
    _save(db_id, merged)
    return db_id, len(added)
