"""Personal data inside audit snapshots, encrypted with a key per person (AES-256-GCM).

Qt-free. A snapshot of a resident, or of a record that names one, is stored as ``enc1:<base64>`` under
that person's key (``audit_subject_key``), the subject's name as associated data. An erasure destroys the
key: the snapshots become unreadable, while the chain — which hashes the stored ciphertext — still
verifies. Backups made before the erasure still hold the key until they are rotated away (docs/safety.md).

Subjects are ``resident:<id>`` and, for records that hold a person's data before (or without) a link to a
resident, ``<entity>:<id>`` of the entities features declare with ``personal_entity``.
"""

from __future__ import annotations

import base64
import json
import secrets
from typing import Any

from sqlmodel import Session

from desktop_app.core.clock import utcnow

PREFIX = "enc1:"
ERASED = "(personal data erased)"
_PERSONAL: set[str] = {"resident"}


def personal_entity(*entities: str) -> None:
    """Declare entities whose audit snapshots hold a person's data (each record its own subject)."""
    _PERSONAL.update(entities)


def subject_for(entity: str, entity_id: Any, values: tuple[Any, ...]) -> str:
    """Whose data an entry's snapshots hold: the record itself for a personal entity, else the resident a
    snapshot names (``resident_id``), else nobody ("")."""
    if entity in _PERSONAL and entity_id not in (None, ""):
        return f"{entity}:{entity_id}"
    for value in values:
        rid = _resident_of(value)
        if rid is not None:
            return f"resident:{rid}"
    return ""


def _resident_of(value: Any) -> int | None:
    if value is None:
        return None
    rid = getattr(value, "resident_id", None) if not isinstance(value, dict | str) else None
    if isinstance(value, dict):
        rid = value.get("resident_id")
    elif isinstance(value, str) and value.startswith("{") and '"resident_id"' in value:
        try:
            loaded = json.loads(value)
        except ValueError:
            return None
        rid = loaded.get("resident_id") if isinstance(loaded, dict) else None
    return rid if isinstance(rid, int) and not isinstance(rid, bool) else None


def _cache(s: Session) -> dict[str, bytes | None]:
    return s.info.setdefault("audit_subject_keys", {})


def _key(s: Session, subject: str, station_id: int | None, *, create: bool) -> bytes | None:
    from desktop_app.core.models import AuditSubjectKey

    cache = _cache(s)
    if subject in cache:
        return cache[subject]
    row = s.get(AuditSubjectKey, subject)
    if row is None and create:
        from sqlalchemy.exc import IntegrityError

        try:
            with s.begin_nested():  # two PCs writing the person's first entry at once: one key
                s.add(AuditSubjectKey(subject=subject, station_id=station_id, key=secrets.token_bytes(32)))
                s.flush()
        except IntegrityError:
            pass
        row = s.get(AuditSubjectKey, subject, populate_existing=True)
    key = row.key if row is not None else None
    cache[subject] = key
    return key


def seal(s: Session, subject: str, station_id: int | None, text: str | None) -> str | None:
    """``text`` encrypted under the subject's key (made on first use). An erased subject's new entries keep
    no personal data at all: their snapshots are replaced by the erased marker."""
    if text is None:
        return None
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = _key(s, subject, station_id, create=True)
    if key is None:
        return json.dumps({"erased": True})
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key).encrypt(nonce, text.encode("utf-8"), subject.encode("utf-8"))
    return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")


def unseal(s: Session, subject: str, text: str | None) -> str | None:
    """The snapshot as written, or ERASED when the subject's key was destroyed (or the text is damaged)."""
    if text is None or not text.startswith(PREFIX):
        return text
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = _key(s, subject, None, create=False)
    if key is None:
        return ERASED
    try:
        raw = base64.b64decode(text[len(PREFIX):])
        return AESGCM(key).decrypt(raw[:12], raw[12:], subject.encode("utf-8")).decode("utf-8")
    except (ValueError, InvalidTag):
        return ERASED


def forget(s: Session, subject: str) -> bool:
    """Destroy the subject's key (erasure); True when there was one to destroy."""
    from desktop_app.core.models import AuditSubjectKey

    row = s.get(AuditSubjectKey, subject)
    _cache(s)[subject] = None
    if row is None:
        s.add(AuditSubjectKey(subject=subject, key=None, erased_at=utcnow()))
        s.flush()
        return False
    had = row.key is not None
    row.key = None
    row.erased_at = row.erased_at or utcnow()
    s.add(row)
    s.flush()
    return had
