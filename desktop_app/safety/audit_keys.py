"""The audit key of a computer that is gone (Qt-free).

The audit chain's key lives only on the computers that wrote with it (core.audit_keys). When the only one
that held a key broke, every other computer would report that key's entries as uncheckable for ever; an
administrator says once, in the keyed log itself, that the key is lost (``smiledesk audit-key lost``), and
``core.audit.verify`` then notes those entries instead (only a declaration the checking PC can verify counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session, func, select

from desktop_app.core import audit, audit_keys
from desktop_app.core.auth import MANAGE_SETTINGS, VIEW_AUDIT, Actor, require
from desktop_app.core.errors import ConflictError, StorageError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.models import AuditEntry

F_KEY = QT_TRANSLATE_NOOP("Fields", "Audit key")
F_REASON = QT_TRANSLATE_NOOP("Fields", "Reason")


def declare_key_lost(s: Session, *, actor: Actor, key_id: str, reason: str) -> int:
    """Say in the log that no computer has the audit key ``key_id`` any more (the only PC that held it broke):
    ``check`` then notes its entries instead of reporting them on every PC for ever. Their order and count
    are still checked, and a PC that does have the key still checks their content. Returns how many entries
    were written with it. Administrators only; refused for a key this PC has."""
    require(actor, MANAGE_SETTINGS)
    key_id = (key_id or "").strip().lower()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(F_REASON, QT_TRANSLATE_NOOP("Errors", "say why the key is lost (e.g. 旧电脑硬盘损坏)."))
    if len(reason) > 200:
        raise ValidationError(F_REASON, QT_TRANSLATE_NOOP("Errors", "keep it under 200 characters."))
    db_id = audit_keys.database_id(s)
    n = s.exec(select(func.count()).select_from(AuditEntry)
               .where(AuditEntry.scheme == audit.KEYED, AuditEntry.key_id == key_id)).one() if key_id else 0
    if not n:
        raise ValidationError(F_KEY, QT_TRANSLATE_NOOP("Errors", "no audit entry was written with this key; "
                                                        "smiledesk audit-key show lists the database's keys."))
    if db_id and key_id in audit_keys.known_keys(db_id):
        raise ConflictError(QT_TRANSLATE_NOOP("Errors", "This computer has that audit key: it is not lost. Export it "
                                                        "(smiledesk audit-key export FILE) and import it where it is missing."))
    audit.record(s, actor=actor, action=audit.KEY_LOST, entity="audit_key", entity_id=key_id,
                 after={"reason": reason, "entries": n}, subject="")
    return int(n)


# --- the audit key of this computer, for the administration page -------------------------------------


@dataclass(frozen=True)
class KeyStatus:
    """Which audit keys wrote the database's entries, and which of them this computer has."""

    database_id: str | None
    here: tuple[str, ...]
    used: dict[str, int]  # key id -> entries written with it
    lost: frozenset[str]  # declared lost (declare_key_lost)

    @property
    def missing(self) -> dict[str, int]:
        """Keys whose entries this computer cannot check (neither here nor declared lost)."""
        return {k: n for k, n in self.used.items() if k not in self.here and k not in self.lost}


def key_status(s: Session, *, actor: Actor) -> KeyStatus:
    require(actor, VIEW_AUDIT)
    db_id = audit_keys.database_id(s)
    used = {k: int(n) for k, n in s.exec(select(AuditEntry.key_id, func.count()).where(AuditEntry.scheme == audit.KEYED)
                                          .group_by(AuditEntry.key_id).order_by(func.min(AuditEntry.id))).all()}
    lost = frozenset(s.exec(select(AuditEntry.entity_id).where(AuditEntry.scheme == audit.KEYED,
                                                               AuditEntry.action == audit.KEY_LOST)).all())
    here = tuple(audit_keys.known_keys(db_id)) if db_id else ()
    return KeyStatus(db_id, here, used, lost)


NO_KEY_YET = QT_TRANSLATE_NOOP("Errors", "This computer has no audit key of this database yet (it is made with the "
                                         "first change saved here); there is nothing to export.")


def export_audit_keys(s: Session, *, actor: Actor, target: Path) -> int:
    """Write this computer's audit keys of the database to ``target`` (0600) for another computer to import.
    Administrators only; audited. Returns how many keys were written."""
    require(actor, MANAGE_SETTINGS)
    db_id = audit_keys.database_id(s)
    if db_id is None or not audit_keys.known_keys(db_id):
        raise ConflictError(NO_KEY_YET)
    try:
        n = audit_keys.export_keys(db_id, Path(target))
    except OSError as exc:
        raise StorageError(QT_TRANSLATE_NOOP("Errors", "The key file could not be written to {file} ({detail}); choose "
                                                       "another place."), file=str(target), detail=exc.strerror or str(exc)) from exc
    audit.record(s, actor=actor, action="export", entity="audit_key", entity_id=db_id, after={"keys": n}, subject="")
    return n


def import_audit_keys(s: Session, *, actor: Actor, source: Path) -> int:
    """Add the audit keys in ``source`` (written by export on another computer) to this computer. Refuses a file
    of another database. Administrators only; audited. Returns how many keys were new here."""
    require(actor, MANAGE_SETTINGS)
    db_id = audit_keys.database_id(s, create=True)
    _db, added = audit_keys.import_keys(Path(source), expected_database=db_id)
    audit.record(s, actor=actor, action="import", entity="audit_key", entity_id=db_id, after={"added": added}, subject="")
    return added
