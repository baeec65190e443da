"""The audit key of a computer that is gone (Qt-free).

The audit chain's key lives only on the computers that wrote with it (core.audit_keys). When the only one
that held a key broke, every other computer would report that key's entries as uncheckable for ever; an
administrator says once, in the keyed log itself, that the key is lost (``smiledesk audit-key lost``), and
``core.audit.verify`` then notes those entries instead (only a declaration the checking PC can verify counts).
"""

from __future__ import annotations

from sqlmodel import Session, func, select

from desktop_app.core import audit, audit_keys
from desktop_app.core.auth import MANAGE_SETTINGS, Actor, require
from desktop_app.core.errors import ConflictError, ValidationError
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
